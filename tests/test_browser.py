"""Every page in a real browser (Debian's Chromium via Playwright), served
under a sub-path as GitHub Pages serves a project, in light and dark mode."""

from __future__ import annotations

import os
import urllib.request
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from browsing import (PAGES, SUB_PATH, build_under_sub_path, chromium_available, launch_chromium,
                      served_site, transferred)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FIRST_VIEW_BUDGET = 90 * 1024   # gzip bytes, everything a first view loads
SECOND_PAGE_BUDGET = 10 * 1024  # gzip bytes, what another page adds once assets are cached


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = "Debian's chromium is not installed (/usr/bin/chromium); `make test` installs it"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a missing browser is a failure, not a skip
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(base URL of the site, its folder), served under SUB_PATH."""
    root = tmp_path_factory.mktemp("pages-root")
    with served_site(root) as origin:
        site_dir = build_under_sub_path(root, origin)
        yield origin + SUB_PATH, site_dir


def _visit(browser, url: str, scheme: str, width: int = 390):
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    log = {"requests": [], "failed": [], "console": []}
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: log["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: log["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: log["console"].append(str(error)))
    page.goto(url, wait_until="networkidle")
    return context, page, log


def _broken_links(page, base: str) -> list[str]:
    """Every link on the page that leaves the site, or lands on no page or no anchor."""
    problems, documents = [], {}
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        target, anchor = urldefrag(href)
        if not target.startswith(base):
            problems.append(f"{href}: leaves the site")
            continue
        if target not in documents:
            try:
                with urllib.request.urlopen(target, timeout=10) as response:
                    documents[target] = response.read().decode("utf-8", "replace")
            except OSError as error:
                documents[target] = None
                problems.append(f"{href}: {error}")
        html = documents[target]
        if html is not None and anchor and BeautifulSoup(html, "html.parser").find(id=anchor) is None:
            problems.append(f"{href}: no element with id {anchor!r}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_in_a_real_browser(browser, served, path, scheme):
    from axe_playwright_python.sync_playwright import Axe
    base, _ = served
    context, page, log = _visit(browser, base + path, scheme)
    try:
        expected_scheme = {"light": "default", "dark": "slate"}[scheme]
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected_scheme
        axe = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        problems = {
            "requests to other hosts": [u for u in log["requests"] if not u.startswith(base)],
            "failed requests": log["failed"],
            "console errors": log["console"],
            "axe violations": [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
                               for v in axe.response["violations"]],
            "horizontal scrolling at 390 px": page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
                " ? [document.documentElement.scrollWidth] : []"),
            "broken links": _broken_links(page, base),
        }
        assert {k: v for k, v in problems.items() if v} == {}
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_page_weight_budget(browser, served, path):
    base, site_dir = served
    context, page, log = _visit(browser, base + path, "light", width=1280)
    try:
        first_view = transferred(site_dir, log["requests"])
        assert first_view < FIRST_VIEW_BUDGET, f"first view of /{path}: {first_view:,} gzip bytes"
        # Then another page, as a reader clicking on: what it adds to the cache.
        seen = set(log["requests"])
        other = PAGES[1] if path == PAGES[0] else PAGES[0]
        log["requests"].clear()
        page.goto(base + other, wait_until="networkidle")
        added = transferred(site_dir, [u for u in log["requests"] if u not in seen])
        assert added < SECOND_PAGE_BUDGET, f"/{other} after /{path}: {added:,} gzip bytes"
    finally:
        context.close()


def test_the_budget_check_counts_every_request(browser, served):
    """The weight test would notice a heavier page: the first view includes
    the stylesheet, the script and the search index, not just the HTML."""
    base, site_dir = served
    context, _, log = _visit(browser, base, "light")
    try:
        kinds = {url.rsplit(".", 1)[-1] for url in log["requests"]}
        assert {"css", "js", "json"} <= kinds
        assert transferred(site_dir, log["requests"]) > 60 * 1024
    finally:
        context.close()
