"""Start an edition in one command: `python -m figures.new_edition es`.

It copies every text of the default edition into the new one, each marked
as not yet translated (figures/untranslated.py): the site's words
(data/site_words.yml), each text of the data file (labels, units, titles,
roles, kinds, and the quotes and excerpts to translate), every page of the
nav as page.<language>.md, and the language's entry in mkdocs.yml (its
name, site_name, site_description, palette toggle names and
nav_translations); and it lists the edition's public addresses in
data/public_urls.txt, the same as an existing edition's. `mkdocs serve` then
shows the edition with its marks, and a build that publishes refuses it
until every mark is gone.

Files are edited line by line, never re-written whole, so their comments
and layout stay as they are. The site's configuration is read as plain
YAML, its MkDocs tags (!ENV) ignored: the figure layer knows nothing of
MkDocs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from . import load_dataset
from .editions import localized_texts
from .errors import FigureDataError
from .untranslated import MARK, marked
from .yamlfile import read_yaml

DATA_FILE = Path("data/figures.yml")
WORDS_FILE = Path("data/site_words.yml")
PUBLIC_URLS = Path("data/public_urls.txt")
CONFIG_FILE = Path("mkdocs.yml")
DOCS_DIR = Path("docs")


@dataclass
class Started:
    """What the command did: each file it wrote, and how many texts it marked."""
    files: list[str] = field(default_factory=list)
    texts: int = 0


def start_edition(project: Path, language: str, locale: str | None = None, name: str | None = None) -> Started:
    """Copy the default edition's texts into a new edition `language`, marked."""
    config = read_config(project / CONFIG_FILE)
    i18n = i18n_entry(config)
    existing = [entry["locale"] for entry in i18n["languages"]]
    if language in existing:
        raise FigureDataError(f"the edition '{language}' already exists", file=CONFIG_FILE.as_posix(),
                              expected="a language that is not yet an edition: not " + ", ".join(existing))
    if not re.fullmatch(r"[a-z]{2,3}", language):
        raise FigureDataError(f"'{language}' is not a language code",
                              expected="a two- or three-letter code as mkdocs-static-i18n names editions: es, de, pt")
    locale = locale or language
    try:
        cldr = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise FigureDataError(f"'{locale}' is not a CLDR locale", expected="a locale such as es, es_ES or pt_BR") from None
    default = next(entry for entry in i18n["languages"] if entry.get("default"))["locale"]
    started = Started()
    _add_config_entry(project, config, language, name or _own_name(cldr), started)
    _add_pages(project, config, language, started)
    _add_data_texts(project, default, language, started)
    _add_words(project, default, language, locale, started)
    _add_public_addresses(project, existing, default, language, started)
    return started


# -- mkdocs.yml ----------------------------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """Plain YAML; a tag such as MkDocs' !ENV reads as its plain value."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else
    loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node)))


def read_config(path: Path) -> dict:
    """The site's configuration as plain data (MkDocs' own tags read as their values)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def i18n_entry(config: dict) -> dict:
    """The i18n plugin's settings: its `languages` are the editions."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise FigureDataError("the site has no i18n plugin", file=CONFIG_FILE.as_posix(),
                          expected="plugins › i18n › languages, where editions are declared")


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
    entry: dict = {"locale": language, "name": name, "build": True,
                   "site_name": marked(config["site_name"])}
    if config.get("site_description"):
        entry["site_description"] = marked(" ".join(config["site_description"].split()))
    palette = config.get("theme", {}).get("palette")
    if palette:
        entry["theme"] = {"palette": [
            {**scheme, "toggle": {**scheme["toggle"], "name": marked(scheme["toggle"]["name"])}}
            if "toggle" in scheme else scheme for scheme in palette]}
    titles = [title for title, _ in _nav_titles(config.get("nav"))]
    entry["nav_translations"] = {title: marked(title) for title in titles}
    started.texts += 1 + bool(config.get("site_description")) + len(palette or []) + len(titles)

    path = project / CONFIG_FILE
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    items = [i for i, line in enumerate(lines) if re.match(r"\s*- locale:", line)]
    if not items:
        raise FigureDataError("no language entry (- locale: …) found", file=CONFIG_FILE.as_posix(),
                              expected="plugins › i18n › languages written as a block list")
    indent = len(lines[items[-1]]) - len(lines[items[-1]].lstrip())
    end = items[-1] + 1
    while end < len(lines) and (not lines[end].strip() or
                                len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():  # blank lines before the next key stay after the entry
        end -= 1
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10**6)
    lines[end:end] = [" " * indent + line + "\n" for line in dumped.splitlines()]
    path.write_text("".join(lines), encoding="utf-8")
    started.files.append(CONFIG_FILE.as_posix())


# -- pages -----------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def _add_pages(project: Path, config: dict, language: str, started: Started) -> None:
    """Each page of the nav as page.<language>.md: the default edition's
    text, its description marked and a mark above its first line."""
    for _, source in _nav_titles(config.get("nav")):
        page = project / DOCS_DIR / source
        target = page.with_name(f"{page.name.removesuffix('.md')}.{language}.md")
        text = page.read_text(encoding="utf-8")
        front, body = "", text
        match = _FRONT_MATTER.match(text)
        if match:
            body = text[match.end():]
            lines = [_marked_front_line(line) for line in match.group(1).splitlines(keepends=True)]
            started.texts += sum(MARK in line for line in lines)
            front = "---\n" + "".join(lines) + "---\n"
        target.write_text(front + f"\n{MARK}\n" + body, encoding="utf-8")
        started.files.append(target.relative_to(project).as_posix())
        started.texts += 1


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
        children = [k for k in document.lines if len(k) == len(key) + 1 and k[:len(key)] == key]
        if not children:
            raise FigureDataError("no texts per edition under this key", file=document.file,
                                  line=document.line_of(key), key=key, expected="one line per edition")
        last = max(document.lines[k] for k in children)
        if last == document.lines[key]:
            raise FigureDataError("the texts are written on one line ({…})", file=document.file,
                                  line=last, key=key, expected="one line per edition, as the file writes them")
        indent = len(lines[last - 1]) - len(lines[last - 1].lstrip())
        end = last
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1  # a text folded over several lines
        insertions.append((end, " " * indent + f"{language}: {json.dumps(marked(text), ensure_ascii=False)}\n"))
    for end, line in sorted(insertions, reverse=True):
        lines.insert(end, line)
    path.write_text("".join(lines), encoding="utf-8")
    started.files.append(DATA_FILE.as_posix())
    started.texts += len(insertions)


# -- data/site_words.yml -----------------------------------------------------------

def _add_words(project: Path, default: str, language: str, locale: str, started: Started) -> None:
    path = project / WORDS_FILE
    words = read_yaml(path, WORDS_FILE.as_posix()).data
    count = 0

    def mark_all(value):
        nonlocal count
        if isinstance(value, dict):
            return {k: mark_all(v) for k, v in value.items()}
        if isinstance(value, str) and re.search(r"[^\W\d_]", re.sub(r"\{\w*\}", "", value)):  # words, not "{}"
            count += 1
            return marked(value)
        return value

    entry = {"locale": locale, "qualifiers": mark_all(words[default]["qualifiers"]),
             "words": mark_all(words[default]["words"])}
    dumped = yaml.safe_dump({language: entry}, allow_unicode=True, sort_keys=False, width=10**6)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    note = (f"\n\n# Started by `python -m figures.new_edition {language}`: each text is the {default} edition's,\n"
            "# marked as not yet translated until it is. `locale` is the CLDR locale of numbers and dates.\n")
    path.write_text(text + note + dumped, encoding="utf-8")
    started.files.append(WORDS_FILE.as_posix())
    started.texts += count


# -- data/public_urls.txt ----------------------------------------------------------

def _add_public_addresses(project: Path, existing: list[str], default: str, language: str,
                          started: Started) -> None:
    """The new edition's addresses: those listed for another edition (the
    first one after the default), under the new edition's folder."""
    path = project / PUBLIC_URLS
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    others = [other for other in existing if other != default]
    if not others:
        return  # only the default edition is listed: its addresses need no copy to be checked
    prefix = f"/{others[0]}/"
    addresses = [line for line in lines if line.startswith(prefix)]
    new = [f"/{language}/" + line[len(prefix):] for line in addresses]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + f"\n\n# The {language} edition: the same addresses as the {others[0]} edition's\n"
                    + "\n".join(new) + "\n", encoding="utf-8")
    started.files.append(PUBLIC_URLS.as_posix())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m figures.new_edition", description=__doc__.split("\n\n")[0])
    parser.add_argument("language", help="the edition's code, as mkdocs-static-i18n names it: es, de, pt")
    parser.add_argument("--locale", help="the CLDR locale of its numbers and dates (default: the language)")
    parser.add_argument("--name", help="its name in the language selector (default: CLDR's, such as Español)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project's folder (default: here)")
    arguments = parser.parse_args(argv)
    try:
        started = start_edition(arguments.project, arguments.language, arguments.locale, arguments.name)
    except FigureDataError as error:
        print(f"new_edition: {error}", file=sys.stderr)
        return 1
    print(f"Started the edition '{arguments.language}': {started.texts} texts copied, each marked {MARK}, in "
          f"{len(started.files)} files:")
    print("".join(f"  {name}\n" for name in started.files), end="")
    print(f"Next: translate each text and delete its mark (`grep -rnF '{MARK}' mkdocs.yml data docs` finds them); "
          "`mkdocs serve` shows the marks where they stand; `mkdocs build --strict` lists those left; "
          f"then give the edition's renderings in tests/golden.yml.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
