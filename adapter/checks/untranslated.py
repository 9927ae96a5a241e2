"""No edition is published while a text copied from the default edition
still awaits its translation (figures/untranslated.py): the figure layer
finds the marks in the data, the site's words and the pages; this module
finds them in mkdocs.yml (a nav title, an edition's site name) and hands
them over."""

from __future__ import annotations

import re
from pathlib import Path

from figures.untranslated import MARK, Untranslated, refuse_untranslated

from ..wrappers.i18n import edition_languages, translated_pages


def refuse_untranslated_editions(config) -> None:
    """Raise one FigureDataError listing every marked text, if any."""
    config_file = Path(config["config_file_path"])
    marks = [(language, Untranslated(config_file.name, line, key)) for language, line, key in config_marks(config_file)]
    project_dir, docs_dir = config_file.parent, Path(config["docs_dir"])
    pages = [(language, page.relative_to(project_dir).as_posix()) for language, page in translated_pages(docs_dir)]
    refuse_untranslated(project_dir, edition_languages(config), pages, marks)


def config_marks(path: Path) -> list[tuple[str, int, tuple[str]]]:
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
