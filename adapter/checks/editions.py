"""Checks that every edition is whole: each page of the nav exists in every
language, and each nav entry has its translated title. A gap stops the
build rather than letting an edition fall back to English."""

from __future__ import annotations

from pathlib import Path

from figures import FigureDataError

from ..build.site_config import nav_pages
from ..wrappers.i18n import translated_languages


def check_pages(config) -> None:
    docs_dir = Path(config["docs_dir"])
    languages = [lang.locale for lang in translated_languages(config)]
    missing = [f"{docs_dir.name}/{src.removesuffix('.md')}.{language}.md"
               for _, src in nav_pages(config["nav"]) for language in languages
               if not (docs_dir / f"{src.removesuffix('.md')}.{language}.md").exists()]
    if missing:
        raise FigureDataError(
            f"missing translation: {', '.join(missing)} does not exist",
            expected=f"every page of the nav in every edition ({', '.join(languages)}), translated, "
                     "not left to fall back to English")


def check_nav_titles(config) -> None:
    config_file = Path(config["config_file_path"] or "mkdocs.yml")
    for language in translated_languages(config):
        translations = language.nav_translations or {}
        for title, _ in nav_pages(config["nav"]):
            if title not in translations:
                raise FigureDataError(
                    f"the nav entry '{title}' has no {language.name} ({language.locale}) title",
                    file=config_file.name, line=_line_of(config_file, f"- {title}:"),
                    expected=f"'{title}: …' under nav_translations of the {language.locale} language")


def _line_of(path: Path, needle: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, start=1) if needle in line), None)
