"""The public addresses still resolve: site-relative addresses
("/figures/#people-regularised") resolved in a built site, following
redirect pages, so that the build (and the tests) can tell a live public
address from a dead one.

The list of public addresses is data/public_urls.txt: other sites link to
them, so each must keep resolving, if need be through a redirect.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from figures.paths import PUBLIC_URLS


def public_addresses(project_dir: Path) -> list[tuple[int, str]]:
    """(line, address) of every public address listed by the project."""
    lines = (project_dir / PUBLIC_URLS).read_text(encoding="utf-8").splitlines()
    return [
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


_ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")
_REFRESH = re.compile(r"""<meta\s+http-equiv=["']?refresh["']?\s+content=["'][^"']*url=([^"'\s>]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class _PageFacts:
    ids: frozenset[str]
    refresh: str | None  # where a redirect page sends readers


def _facts(path: Path) -> _PageFacts:
    """The element ids of a built page and where its meta refresh points:
    the site's own HTML, written by MkDocs, so a pattern reads it as well as
    a parser does, in a fraction of the time."""
    html = path.read_text(encoding="utf-8")
    refresh = _REFRESH.search(html)
    return _PageFacts(frozenset(_ID.findall(html)), refresh.group(1) if refresh else None)


def file_for(site_dir: Path, path: str) -> Path:
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site_dir / relative


def redirect_target(html: str, path: str) -> str | None:
    """The site-relative path a redirect page sends readers to, if it is one."""
    match = _REFRESH.search(html)
    target = match.group(1) if match else None
    if target is None:
        return None
    base = path if path.endswith("/") else posixpath.dirname(path) + "/"
    resolved = posixpath.normpath(posixpath.join(base, target))
    return resolved + ("/" if target.endswith("/") and not resolved.endswith("/") else "")


def problem_with(site_dir: Path, address: str, hops: int = 3) -> str | None:
    """None if `address` resolves in the built site, else why it does not."""
    path, _, anchor = address.partition("#")
    target = file_for(site_dir, path)
    if not target.is_file():
        return f"{address}: no file {target.relative_to(site_dir).as_posix()}"
    if target.suffix != ".html":
        return f"{address}: an anchor on a file that is not a page" if anchor else None
    facts = _facts(target)
    if facts.refresh is not None:
        if hops == 0:
            return f"{address}: too many redirects"
        redirect = redirect_target(target.read_text(encoding="utf-8"), path)
        return problem_with(site_dir, redirect + (f"#{anchor}" if anchor else ""), hops - 1)
    if anchor and anchor not in facts.ids:
        return f"{address}: no element with id {anchor!r}"
    return None


def broken_public_address(project_dir: Path, site_dir: Path, addresses) -> str | None:
    """The message for the first listed public address that no longer
    resolves in the built site, or None if all do; its advice depends on
    what the address is (`advice_for`)."""
    broken = [
        (line, address, problem)
        for line, address in public_addresses(project_dir)
        if (problem := problem_with(site_dir, address))
    ]
    if not broken:
        return None
    line, address, problem = broken[0]
    more = f" (and {len(broken) - 1} more listed addresses)" if len(broken) > 1 else ""
    return (
        f"{PUBLIC_URLS.as_posix()}, line {line}: the public address {address} no longer resolves "
        f"({problem.removeprefix(address + ': ')}){more}; expected every listed address to keep working: "
        + advice_for(address, list(addresses.editions.values()), list(addresses.pages.values()))
    )


# An edition's folder: the first part of its addresses ("fr" of /fr/returns/).
_EDITION_FOLDER = re.compile(r"[a-z]{2,3}(?:_[A-Za-z]{2,4})?")


def advice_for(address: str, edition_folders: list[str], page_addresses: list[str]) -> str:
    """What keeps a public address working, or what to do when it is meant to
    go: it depends on what the address is (`edition_folders` as "fr/",
    `page_addresses` as "returns/", in the default edition)."""
    path, _, anchor = address.lstrip("/").partition("#")
    first = path.split("/")[0]
    if (
        path.count("/") >= 1
        and _EDITION_FOLDER.fullmatch(first)
        and f"{first}/" not in edition_folders
        and f"{first}/" not in page_addresses
    ):
        return (
            f"it belongs to the edition '{first}', which mkdocs.yml no longer declares; if the edition was "
            "removed on purpose, delete its addresses from data/public_urls.txt and log the removal. "
            "See “Removing an edition” in CONTRIBUTING.md."
        )
    if path and not path.endswith("/"):
        return (
            "it is a file, not a page, and a redirect page cannot stand in for a file; a moved page's "
            "cards are written at their old address too once the move is declared under "
            "extra › moved_pages in mkdocs.yml. See “Moving a page” in CONTRIBUTING.md."
        )
    if anchor and path in ("", *page_addresses):
        return (
            "keep the anchor: write the old id after the heading, { #old-id }. "
            "See “Rewording a heading” in CONTRIBUTING.md."
        )
    return (
        "declare the page's move under extra › moved_pages in mkdocs.yml: its old address then redirects "
        "to the new one, in every edition. See “Moving a page” in CONTRIBUTING.md."
    )
