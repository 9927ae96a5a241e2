"""Start an edition in one command: `python -m adapter.new_edition es`.

It copies every text of the default edition into the new one, each marked
as not yet translated (figures/untranslated.py): the site's words
(data/site_words.yml; the words that are settings, such as
`currency_written_as`, copied as they are), each text of the data file
(labels, units, titles, roles, kinds, and the quotes and excerpts to
translate), every page of the nav as page.<language>.md, and the language's
entry in mkdocs.yml (its name, site_name, site_description, palette toggle
names and nav_translations); and it lists the edition's public addresses in
data/public_urls.txt, the same as an existing edition's. `mkdocs serve` then
shows the edition with its marks, and a build that publishes refuses it
until every mark is gone.

All or nothing: every file is read, checked and planned before the first is
written, and a page that already exists (a translation started by hand, even
untracked) stops it, as does a language Material has no translation for.
Files are edited line by line, never re-written whole, so their comments and
layout stay as they are. It lives on the MkDocs side: it knows mkdocs.yml,
the i18n plugin's languages and Material's palette and translations.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from figures import load_dataset
from figures.editions import SETTING_WORDS, load_editions, localized_texts
from figures.errors import FigureDataError
from figures.untranslated import MARK, marked
from figures.yamlfile import read_yaml

from .wrappers.i18n import settings_in_mkdocs_yml
from .wrappers.material import has_translation, translations

DATA_FILE = Path("data/figures.yml")
WORDS_FILE = Path("data/site_words.yml")
PUBLIC_URLS = Path("data/public_urls.txt")
CONFIG_FILE = Path("mkdocs.yml")
DOCS_DIR = Path("docs")


@dataclass
class Started:
    """What the command does: each file's new text (by its path in the
    project), which of them it creates, and how many texts it marked."""

    texts: dict[str, str] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)
    marked: int = 0

    @property
    def files(self) -> list[str]:
        return list(self.texts)

    def plan(self, path: str, text: str, create: bool = False) -> None:
        self.texts[path] = text
        if create:
            self.created.add(path)


_NAME_AT_MOST = 40


def start_edition(project: Path, language: str, locale: str | None = None, name: str | None = None) -> Started:
    """Copy the default edition's texts into a new edition `language`, marked;
    every check passes, and every file is planned, before the first is written."""
    started = plan_edition(project, language, locale, name)
    write(project, started)
    return started


def plan_edition(project: Path, language: str, locale: str | None = None, name: str | None = None) -> Started:
    """What start_edition would write; raises FigureDataError, writing nothing."""
    if not (project / CONFIG_FILE).is_file():
        raise FigureDataError(
            f"no {CONFIG_FILE} in {project}" + ("" if project.is_dir() else ", which does not exist"),
            expected="the repository's root folder: run the command there, or give it with --project <folder>",
        )
    config = read_config(project / CONFIG_FILE)
    i18n = settings_in_mkdocs_yml(config)
    existing = [entry["locale"] for entry in i18n["languages"]]
    if language in existing:
        raise FigureDataError(
            f"the edition '{language}' already exists",
            file=CONFIG_FILE.as_posix(),
            expected="a language that is not yet an edition: not " + ", ".join(existing),
        )
    if not re.fullmatch(r"[a-z]{2,3}", language):
        raise FigureDataError(
            f"'{language}' is not a language code",
            expected="a two- or three-letter code as mkdocs-static-i18n names editions: es, de, pt",
        )
    locale = locale or language
    try:
        cldr = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise FigureDataError(
            f"'{locale}' is not a CLDR locale", expected="a locale such as es, es_ES or pt_BR"
        ) from None
    if not has_translation(language, project / config.get("theme", {}).get("custom_dir", "overrides")):
        raise FigureDataError(
            f"Material for MkDocs has no translation for '{language}': its interface (search, the language "
            "selector, the skip link) would have no words, and the build would stop",
            expected="a language Material translates: "
            + ", ".join(translations())
            + f"; or Material's partials/languages/en.html copied to "
            f"overrides/partials/languages/{language}.html and translated",
        )
    name = name or _own_name(cldr)
    if not name.strip() or len(name) > _NAME_AT_MOST or any(ord(c) < 32 for c in name):
        raise FigureDataError(
            f"the name {name[:60]!r} cannot name the edition",
            expected=f"--name: the language's name in itself, on one line, at most "
            f"{_NAME_AT_MOST} characters, such as Español",
        )
    default = next(entry for entry in i18n["languages"] if entry.get("default"))["locale"]
    # The data and the words as a build reads them: a broken file stops the command here.
    dataset = load_dataset(
        project / DATA_FILE, project / DATA_FILE.with_name("figures.schema.json"), DATA_FILE.as_posix()
    )
    load_editions(
        project / WORDS_FILE, [default, *(e for e in existing if e != default)], WORDS_FILE.as_posix(), dataset=dataset
    )
    started = Started()
    _add_config_entry(project, config, language, name, started)
    _add_pages(project, config, language, started)
    _add_data_texts(project, default, language, started)
    _add_words(project, default, language, locale, started)
    _add_public_addresses(project, existing, default, language, started)
    return started


def write(project: Path, started: Started) -> None:
    """Write what was planned: each page created (never over a file), each
    other file replaced whole; on any failure, every file as it was."""
    before: dict[Path, bytes] = {}
    made: list[Path] = []
    try:
        for relative, text in started.texts.items():
            path = project / relative
            if relative in started.created:
                with path.open("x", encoding="utf-8") as page:  # "x": fails if the file exists
                    made.append(path)
                    page.write(text)
            else:
                before[path] = path.read_bytes()
                temporary = path.with_name(path.name + ".new-edition")
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, path)
    except OSError as error:
        for path in made:
            path.unlink(missing_ok=True)
        for path, content in before.items():
            path.write_bytes(content)
        raise FigureDataError(
            f"could not write {error.filename}: {error.strerror}; every file was put back as it was",
            expected="a writable checkout",
        ) from None


# -- mkdocs.yml ----------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Plain YAML; a tag such as MkDocs' !ENV reads as its plain value."""


_ConfigLoader.add_multi_constructor(
    "!",
    lambda loader, suffix, node: (
        loader.construct_scalar(node)
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode)
        else loader.construct_mapping(node)
    ),
)


def read_config(path: Path) -> dict:
    """The site's configuration as plain data (MkDocs' own tags read as their values)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FigureDataError(
            f"{CONFIG_FILE} is not valid YAML ({getattr(error, 'problem', None) or error})",
            file=CONFIG_FILE.as_posix(),
            line=mark.line + 1 if mark else None,
            expected="the site's configuration as MkDocs reads it",
        ) from None
    if not isinstance(config, dict):
        raise FigureDataError(
            "the configuration is not a mapping",
            file=CONFIG_FILE.as_posix(),
            expected="site_name, nav, plugins… as MkDocs reads them",
        )
    return config


def _own_name(locale: Locale) -> str:
    """The language's name in itself, as CLDR gives it: "Español"."""
    own = locale.get_language_name(locale) or str(locale)
    return own[:1].upper() + own[1:]


def _nav_titles(nav) -> list[tuple[str, str]]:
    pages = []
    for entry in nav or []:
        for title, target in entry.items():
            pages.extend(_nav_titles(target) if isinstance(target, list) else [(title, target)])
    return pages


def _add_config_entry(project: Path, config: dict, language: str, name: str, started: Started) -> None:
    entry: dict = {"locale": language, "name": name, "build": True, "site_name": marked(config["site_name"])}
    if config.get("site_description"):
        entry["site_description"] = marked(" ".join(config["site_description"].split()))
    palette = config.get("theme", {}).get("palette")
    if palette:
        entry["theme"] = {
            "palette": [
                {**scheme, "toggle": {**scheme["toggle"], "name": marked(scheme["toggle"]["name"])}}
                if "toggle" in scheme
                else scheme
                for scheme in palette
            ]
        }
    titles = [title for title, _ in _nav_titles(config.get("nav"))]
    entry["nav_translations"] = {title: marked(title) for title in titles}
    started.marked += 1 + bool(config.get("site_description")) + len(palette or []) + len(titles)

    path = project / CONFIG_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    items = [i for i, line in enumerate(lines) if re.match(r"\s*- locale:", line)]
    if not items:
        raise FigureDataError(
            "no language entry (- locale: …) found",
            file=CONFIG_FILE.as_posix(),
            expected="plugins › i18n › languages written as a block list",
        )
    indent = len(lines[items[-1]]) - len(lines[items[-1]].lstrip())
    end = items[-1] + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():  # blank lines before the next key stay after the entry
        end -= 1
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10**6)
    lines[end:end] = [" " * indent + line + "\n" for line in dumped.splitlines()]
    started.plan(CONFIG_FILE.as_posix(), "".join(lines))


# -- pages -----------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def _add_pages(project: Path, config: dict, language: str, started: Started) -> None:
    """Each page of the nav as page.<language>.md: the default edition's
    text, its description marked and a mark above its first line."""
    for _, source in _nav_titles(config.get("nav")):
        page = project / DOCS_DIR / source
        target = page.with_name(f"{page.name.removesuffix('.md')}.{language}.md")
        relative = target.relative_to(project).as_posix()
        if target.exists():
            raise FigureDataError(
                f"{relative} already exists: the command writes nothing over a file it did not create",
                expected=f"{relative} moved aside (or deleted, if it holds nothing to "
                "keep), then the command again; nothing was written",
            )
        text = page.read_text(encoding="utf-8")
        front, body = "", text
        match = _FRONT_MATTER.match(text)
        if match:
            body = text[match.end() :]
            lines = [_marked_front_line(line) for line in match.group(1).splitlines(keepends=True)]
            started.marked += sum(MARK in line for line in lines)
            front = "---\n" + "".join(lines) + "---\n"
        started.plan(relative, front + f"\n{MARK}\n" + body, create=True)
        started.marked += 1


def _marked_front_line(line: str) -> str:
    """`description: …` (a one-line text) with its text marked."""
    key, _, value = line.partition(":")
    if key.strip() != "description" or not value.strip():
        return line
    text = yaml.safe_load(value)
    return f"{key}: {json.dumps(marked(text), ensure_ascii=False)}\n"


# -- data/figures.yml --------------------------------------------------------------


def _add_data_texts(project: Path, default: str, language: str, started: Started) -> None:
    """After each mapping of texts per edition, the new edition's line: the
    default edition's text (for a quote or an excerpt, the source's words)."""
    path = project / DATA_FILE
    dataset = load_dataset(path, path.with_name("figures.schema.json"), DATA_FILE.as_posix())
    document = read_yaml(path, DATA_FILE.as_posix())
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    insertions = []
    for key, localized, translated_only in localized_texts(dataset):
        text = localized(dataset.source.language if translated_only else default)
        children = [k for k in document.lines if len(k) == len(key) + 1 and k[: len(key)] == key]
        if not children:
            raise FigureDataError(
                "no texts per edition under this key",
                file=document.file,
                line=document.line_of(key),
                key=key,
                expected="one line per edition",
            )
        last = max(document.lines[k] for k in children)
        if last == document.lines[key]:
            raise FigureDataError(
                "the texts are written on one line ({…})",
                file=document.file,
                line=last,
                key=key,
                expected="one line per edition, as the file writes them",
            )
        indent = len(lines[last - 1]) - len(lines[last - 1].lstrip())
        end = last
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1  # a text folded over several lines
        insertions.append((end, " " * indent + f"{language}: {json.dumps(marked(text), ensure_ascii=False)}\n"))
    for end, line in sorted(insertions, reverse=True):
        lines.insert(end, line)
    started.plan(DATA_FILE.as_posix(), "".join(lines))
    started.marked += len(insertions)


# -- data/site_words.yml -----------------------------------------------------------


def _add_words(project: Path, default: str, language: str, locale: str, started: Started) -> None:
    path = project / WORDS_FILE
    words = read_yaml(path, WORDS_FILE.as_posix()).data
    count = 0

    def mark_all(value, key=None):
        """Every text but the settings, and but a bare slot ("{}"): punctuation
        and quotation marks are the edition's own too (“…” in English, « … » in French)."""
        nonlocal count
        if isinstance(value, dict):
            return {k: mark_all(v, k) for k, v in value.items()}
        if isinstance(value, str) and key not in SETTING_WORDS and re.sub(r"\{\w*\}", "", value).strip():
            count += 1
            return marked(value)
        return value

    entry = {
        "locale": locale,
        "qualifiers": mark_all(words[default]["qualifiers"]),
        "words": mark_all(words[default]["words"]),
    }
    dumped = yaml.safe_dump({language: entry}, allow_unicode=True, sort_keys=False, width=10**6)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    settings = ", ".join(sorted(SETTING_WORDS & set(words[default]["words"])))
    note = (
        f"\n\n# Started by `python -m adapter.new_edition {language}`: each text is the {default} edition's,\n"
        "# marked as not yet translated until it is. `locale` is the CLDR locale of numbers and dates.\n"
        f"# Settings, copied unmarked: check them ({settings}).\n"
    )
    started.plan(WORDS_FILE.as_posix(), text + note + dumped)
    started.marked += count


# -- data/public_urls.txt ----------------------------------------------------------


def _add_public_addresses(project: Path, existing: list[str], default: str, language: str, started: Started) -> None:
    """The new edition's addresses: those listed for another edition (the
    first one after the default), under the new edition's folder."""
    path = project / PUBLIC_URLS
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    others = [other for other in existing if other != default]
    if not others:
        return  # only the default edition is listed: its addresses need no copy to be checked
    prefix = f"/{others[0]}/"
    addresses = [line for line in lines if line.startswith(prefix)]
    new = [f"/{language}/" + line[len(prefix) :] for line in addresses]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    started.plan(
        PUBLIC_URLS.as_posix(),
        text + f"\n\n# The {language} edition: the same addresses as the "
        f"{others[0]} edition's\n" + "\n".join(new) + "\n",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m adapter.new_edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("language", help="the edition's code, as mkdocs-static-i18n names it: es, de, pt")
    parser.add_argument("--locale", help="the CLDR locale of its numbers and dates (default: the language)")
    parser.add_argument("--name", help="its name in the language selector (default: CLDR's, such as Español)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project's folder (default: here)")
    arguments = parser.parse_args(argv)
    try:
        started = start_edition(arguments.project, arguments.language, arguments.locale, arguments.name)
    except FigureDataError as error:
        print(f"new_edition: {error} Nothing was written.", file=sys.stderr)
        return 1
    except OSError as error:  # a page of the nav, or a data file, missing or unreadable
        print(f"new_edition: cannot read {error.filename}: {error.strerror}. Nothing was written.", file=sys.stderr)
        return 1
    print(
        f"Started the edition '{arguments.language}': {started.marked} texts copied, each marked {MARK}, in "
        f"{len(started.files)} files:"
    )
    print("".join(f"  {name}\n" for name in started.files), end="")
    print(
        f"Next: translate each text and delete its mark (`grep -rnF '{MARK}' mkdocs.yml data docs` finds them); "
        "`mkdocs serve` shows the marks where they stand; `mkdocs build --strict` lists those left; "
        f"then give the edition's renderings in tests/golden.yml."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
