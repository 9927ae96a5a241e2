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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import FigureDataError, collected
from .paths import DATA_FILE, WORDS_FILE
from .yamlfile import read_yaml

MARK = "[not yet translated]"


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


def untranslated_texts(
    project_dir: Path,
    languages: Sequence[str],
    pages: Iterable[tuple[str, str]] = (),
    config_marks: Iterable[tuple[str, Untranslated]] = (),
) -> dict[str, list[Untranslated]]:
    """Every marked text of each edition in `languages`: in the site's words
    and the data file, in the translated `pages` ((language, path from the
    project's folder)), and in the site generator's configuration
    (`config_marks`: (language, where)). The generator's side knows which
    page is which edition's, and reads its configuration. Only the editions
    with one are keys."""
    found: dict[str, list[Untranslated]] = {}
    wanted = set(languages)

    def add(language: str, item: Untranslated) -> None:
        if language in wanted:
            found.setdefault(language, []).append(item)

    for name, language_of in ((WORDS_FILE.as_posix(), lambda key: key[0]), (DATA_FILE.as_posix(), lambda key: key[-1])):
        if MARK not in (project_dir / name).read_text(encoding="utf-8"):
            continue  # the usual case, without parsing the file again
        document = read_yaml(project_dir / name, name)
        for key, line in document.lines.items():
            value = _get(document.data, key)
            if isinstance(value, str) and MARK in value and key:
                add(str(language_of(key)), Untranslated(name, line, key))
    for language, item in config_marks:
        add(language, item)
    for language, name in pages:
        for number, text in enumerate((project_dir / name).read_text(encoding="utf-8").splitlines(), start=1):
            if MARK in text:  # the page's own mark, or a text of its front matter
                key = text.split(":", 1)[0].strip()
                add(language, Untranslated(name, number, (key,) if text.startswith(f"{key}:") else ()))
    return found


def refuse_untranslated(
    project_dir: Path,
    languages: Sequence[str],
    pages: Iterable[tuple[str, str]] = (),
    config_marks: Iterable[tuple[str, Untranslated]] = (),
) -> None:
    """Raise one FigureDataError listing every text still marked, if any."""
    found = untranslated_texts(project_dir, languages, pages, config_marks)
    if not found:
        return
    problems = [
        FigureDataError(
            "not yet translated" if item.key else "the page is not yet translated",
            file=item.file,
            line=item.line,
            key=item.key,
        )
        for language in found
        for item in found[language]
    ]
    editions = ", ".join(f"'{language}'" for language in found)
    error = collected(
        problems,
        f"the edition {editions} still has texts copied from the default edition and marked {MARK}",
        expected=f"each one translated, and its mark {MARK} deleted, "
        "before the edition is published (mkdocs serve shows them as they are)",
        noun="texts",
    )
    if len(problems) == 1:  # collected() gives a lone problem as it is: name the mark there too
        error = FigureDataError(
            error.problem if not error.key else "the text is not yet translated",
            file=error.file,
            line=error.line,
            key=error.key,
            expected=f"a translation, without the mark {MARK}, before the edition is published",
        )
    raise error


def _get(data, key):
    for part in key:
        data = data[part]
    return data
