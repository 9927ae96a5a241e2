"""Checks that every edition is whole: each page of the nav exists in every
language, and each nav entry has its translated title; that no page belongs
to an edition mkdocs.yml does not declare; and that every page's address is
public. A gap stops the build rather than letting an edition fall back to
English, or a page go unlisted."""

from __future__ import annotations

import re
from pathlib import Path

from figures import FigureDataError
from figures.paths import PUBLIC_URLS

from ..build.site_config import addresses_for, nav_pages
from ..wrappers.i18n import edition_languages, translated_languages
from .public_addresses import public_addresses


def check_pages(config) -> None:
    docs_dir = Path(config["docs_dir"])
    languages = [lang.locale for lang in translated_languages(config)]
    missing = [
        f"{docs_dir.name}/{src.removesuffix('.md')}.{language}.md"
        for _, src in nav_pages(config["nav"])
        for language in languages
        if not (docs_dir / f"{src.removesuffix('.md')}.{language}.md").exists()
    ]
    if missing:
        raise FigureDataError(
            f"missing translation: {', '.join(missing)} does not exist",
            expected=f"every page of the nav in every edition ({', '.join(languages)}), translated, "
            "not left to fall back to English",
        )


def check_nav_titles(config) -> None:
    config_file = Path(config["config_file_path"] or "mkdocs.yml")
    for language in translated_languages(config):
        translations = language.nav_translations or {}
        for title, _ in nav_pages(config["nav"]):
            if title not in translations:
                raise FigureDataError(
                    f"the nav entry '{title}' has no {language.name} ({language.locale}) title",
                    file=config_file.name,
                    line=_line_of(config_file, f"- {title}:"),
                    expected=f"'{title}: …' under nav_translations of the {language.locale} language",
                )


def _line_of(path: Path, needle: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, start=1) if needle in line), None)


# A page's edition suffix, as mkdocs-static-i18n's `docs_structure: suffix` reads it: "returns.es.md".
_EDITION_SUFFIX = re.compile(r"\.(?P<language>[a-z]{2,3}(?:_[A-Za-z]{2,4})?)\.md$")


def check_no_stray_editions(config) -> None:
    """Every `page.<language>.md` belongs to a declared edition: the page of
    an edition that was removed, or never declared, would be left out of
    the site without a word."""
    docs_dir = Path(config["docs_dir"])
    declared = set(edition_languages(config)) | {lang.locale for lang in translated_languages(config)}
    stray = sorted(
        path.relative_to(docs_dir.parent).as_posix()
        for path in docs_dir.rglob("*.md")
        if (match := _EDITION_SUFFIX.search(path.name)) and match["language"] not in declared
    )
    if stray:
        languages = sorted({_EDITION_SUFFIX.search(path)["language"] for path in stray})
        raise FigureDataError(
            f"{', '.join(stray)}: {'a page' if len(stray) == 1 else 'pages'} of the edition "
            f"{', '.join(repr(language) for language in languages)}, which mkdocs.yml does not declare",
            expected="each docs/<page>.<language>.md to belong to an edition under plugins › i18n › languages "
            f"({', '.join(edition_languages(config))}): delete the pages of a removed edition "
            "(“Removing an edition” in CONTRIBUTING.md), or declare the edition",
        )


def check_pages_are_public(config, project_dir: Path) -> None:
    """Every page of the nav, in every edition, is listed in
    data/public_urls.txt: the build then checks that each keeps resolving."""
    addresses = addresses_for(config)
    listed = {address for _, address in public_addresses(project_dir)}
    missing = [
        f"/{addresses.page(src, language)}"
        for _, src in nav_pages(config["nav"])
        for language in addresses.editions
        if f"/{addresses.page(src, language)}" not in listed
    ]
    if missing:
        raise FigureDataError(
            f"{', '.join(missing[:6])}{f' and {len(missing) - 6} more' if len(missing) > 6 else ''}: "
            f"{'a page address' if len(missing) == 1 else 'page addresses'} not listed as public",
            file=PUBLIC_URLS.as_posix(),
            expected="the address of each page of the nav, in every edition, one a line in data/public_urls.txt "
            "(“Adding a page” in CONTRIBUTING.md): other sites link to them, and the build checks "
            "that each keeps resolving",
        )
