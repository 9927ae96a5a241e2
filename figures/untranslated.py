"""The mark of a text copied from the default edition and not yet translated.

`python -m adapter.new_edition` starts an edition by copying the default
edition's texts, each one marked. The mark is part of the text, so wherever
a copied text stands (a label, a unit, a page, the site's name, a nav
title) `mkdocs serve` shows it as it is: "[not yet translated] Voluntary
returns". Translating a text means rewriting it and deleting the mark; a
build that publishes refuses an edition while one mark is left, and lists
where (untranslated_texts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import FigureDataError, collected
from .yamlfile import read_yaml

MARK = "[not yet translated]"
_PAGE_SUFFIX = re.compile(r"\.(?P<language>[A-Za-z_-]+)\.md$")


def marked(text: str) -> str:
    """`text` as a copy awaiting its translation."""
    return f"{MARK} {text}"


def unmarked(text: str) -> str:
    """`text` without the mark, for checks that compare two texts (a claim's
    excerpt within its quote): both copies carry one."""
    return text.replace(MARK + " ", "").replace(MARK, "")


@dataclass(frozen=True)
class Untranslated:
    file: str
    line: int
    key: tuple = ()  # where in a YAML file; () for a page


def untranslated_texts(project_dir: Path, languages: Sequence[str], config_file: str = "mkdocs.yml",
                       docs_dir: str = "docs") -> dict[str, list[Untranslated]]:
    """Every marked text of each edition in `languages`: in the site's words,
    the data file, the editions' entries of the site's configuration and the
    pages. Only the editions with one are keys."""
    found: dict[str, list[Untranslated]] = {}
    wanted = set(languages)

    def add(language: str, item: Untranslated) -> None:
        if language in wanted:
            found.setdefault(language, []).append(item)

    for name, language_of in (("data/site_words.yml", lambda key: key[0]),
                              ("data/figures.yml", lambda key: key[-1])):
        if MARK not in (project_dir / name).read_text(encoding="utf-8"):
            continue  # the usual case, without parsing the file again
        document = read_yaml(project_dir / name, name)
        for key, line in document.lines.items():
            value = _get(document.data, key)
            if isinstance(value, str) and MARK in value and key:
                add(str(language_of(key)), Untranslated(name, line, key))
    for language, line, key in _config_marks(project_dir / config_file):
        add(language, Untranslated(config_file, line, key))
    for page in sorted((project_dir / docs_dir).rglob("*.md")):
        match = _PAGE_SUFFIX.search(page.name)
        if not match:
            continue
        name = f"{docs_dir}/{page.relative_to(project_dir / docs_dir).as_posix()}"
        for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if MARK in text:  # the page's own mark, or a text of its front matter
                key = text.split(":", 1)[0].strip()
                add(match["language"], Untranslated(name, number, (key,) if text.startswith(f"{key}:") else ()))
    return found


def refuse_untranslated(project_dir: Path, languages: Sequence[str], **places: str) -> None:
    """Raise one FigureDataError listing every text still marked, if any."""
    found = untranslated_texts(project_dir, languages, **places)
    if not found:
        return
    problems = [FigureDataError("not yet translated" if item.key else "the page is not yet translated",
                                file=item.file, line=item.line, key=item.key)
                for language in found for item in found[language]]
    editions = ", ".join(f"'{language}'" for language in found)
    error = collected(problems, f"the edition {editions} still has texts copied from the default edition and "
                      f"marked {MARK}", expected=f"each one translated, and its mark {MARK} deleted, "
                      "before the edition is published (mkdocs serve shows them as they are)", noun="texts")
    if len(problems) == 1:  # collected() gives a lone problem as it is: name the mark there too
        error = FigureDataError(error.problem if not error.key else "the text is not yet translated", file=error.file, line=error.line, key=error.key,
                                expected=f"a translation, without the mark {MARK}, before the edition is published")
    raise error


def _config_marks(path: Path) -> list[tuple[str, int, str]]:
    """(language, line, key) of each marked text in the site's configuration:
    the language is the `locale:` of the i18n entry the line stands in."""
    marks, language, key = [], "", ""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = re.match(r"\s*- locale:\s*(\S+)", text)
        if entry:
            language = entry.group(1).strip("'\"")
        named = re.match(r"\s*(?:- )?([^\s:#\"'\[][^:]*):(\s|$)", text)
        if named:
            key = named.group(1).strip()  # a folded text's mark is on the line after its key
        if MARK in text:
            marks.append((language, number, (key,)))
    return marks


def _get(data, key):
    for part in key:
        data = data[part]
    return data
