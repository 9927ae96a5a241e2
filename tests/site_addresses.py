"""Resolve site-relative addresses ("/figures/#people-regularised") in a
built site, following redirect pages, so tests can tell a live address from
a dead one."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from bs4 import BeautifulSoup


def file_for(site_dir: Path, path: str) -> Path:
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site_dir / relative


def redirect_target(html: str, path: str) -> str | None:
    """The site-relative path a redirect page sends readers to, if it is one."""
    refresh = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    match = re.search(r"url=(\S+)", refresh["content"])
    base = path if path.endswith("/") else posixpath.dirname(path) + "/"
    target = posixpath.normpath(posixpath.join(base, match.group(1)))
    return target + ("/" if match.group(1).endswith("/") and not target.endswith("/") else "")


def problem_with(site_dir: Path, address: str, hops: int = 3) -> str | None:
    """None if `address` resolves in the built site, else why it does not."""
    path, _, anchor = address.partition("#")
    target = file_for(site_dir, path)
    if not target.is_file():
        return f"{address}: no file {target.relative_to(site_dir)}"
    if target.suffix != ".html":
        return f"{address}: an anchor on a file that is not a page" if anchor else None
    html = target.read_text(encoding="utf-8")
    redirect = redirect_target(html, path)
    if redirect is not None:
        if hops == 0:
            return f"{address}: too many redirects"
        return problem_with(site_dir, redirect + (f"#{anchor}" if anchor else ""), hops - 1)
    if anchor and BeautifulSoup(html, "html.parser").find(id=anchor) is None:
        return f"{address}: no element with id {anchor!r}"
    return None


def site_relative(url: str, site_url: str) -> str:
    """"https://host/repo/figures/#x" -> "/figures/#x"."""
    assert url.startswith(site_url), f"{url} is not on the site {site_url}"
    return "/" + url[len(site_url):]
