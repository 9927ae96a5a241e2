"""Untrusted text stays text, in a real browser, where Material's JavaScript
re-inserts it: tooltips, search results, copy buttons.

Every text field of the data file that the build lets through gets a payload
at once (tests/hostile.py), with a code naming the field. Then every page of
each edition is opened on its own, its folded parts opened, and each element
of its content that carries a tooltip is focused, each time waiting until
Material has turned its title into a tooltip; each edition's
search is asked for the payload. No dialog may open, no element may be
injected, the scripts must be those of the same page without payloads, and
the JSON-LD must parse.
"""

from __future__ import annotations

import json
import re

import pytest

from browsing import EDITIONS, PAGES
from hostile import INJECTED, PAYLOAD

# A part of every payload that survives any escaping of < > ' and &.
PAYLOAD_MARK = "onerror=alert"
assert PAYLOAD_MARK in PAYLOAD

# The content's own tooltips; a heading's permalink title is Markdown's (permalink_title, our words).
_TITLED = ".md-content [title]:not(.headerlink)"
_SCRIPTS = (
    "() => [...document.scripts].map(s => s.getAttribute('src') ?"
    " s.getAttribute('src').replace(/^.*assets\\//, 'assets/') : s.type || 'inline')"
)


def expected_scripts(site_dir, path: str) -> list[str]:
    """The scripts of the page without payloads, as its file lists them."""
    from bs4 import BeautifulSoup

    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return [
        re.sub(r"^.*assets/", "assets/", s["src"]) if s.get("src") else (s.get("type") or "inline")
        for s in BeautifulSoup(html, "html.parser").find_all("script")
    ]


# Material shows a claim's or a link's title as a tooltip when it takes the
# focus (a span takes it with a tabindex), and takes the title away while it
# shows. Each visible titled element is focused in turn, in the page itself,
# until its title is gone; then the tooltip shown is what an injection would
# live in. One call per page: Playwright's hover and wait, element by
# element, took 0.35 s a tooltip, most of this file's time.
_SHOW_EACH_TOOLTIP = """async ([selector, injected]) => {
  const shown = [], found = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.checkVisibility()) continue;
    if (!element.matches('a, button, [tabindex]')) element.setAttribute('tabindex', '-1');
    element.focus();
    const started = performance.now();
    while (element.hasAttribute('title')) {
      if (performance.now() - started > 15000) return {timeout: element.outerHTML.slice(0, 300)};
      await new Promise(next => requestAnimationFrame(next));
    }
    const tooltip = document.getElementById(element.getAttribute('aria-describedby'));
    if (tooltip) found.push(...[...tooltip.querySelectorAll(injected)].map(e => e.outerHTML));
    shown.push(tooltip ? tooltip.textContent : '');
  }
  return {shown, found};
}"""


def _show_each_tooltip(page, selector: str) -> list[str]:
    """Show each visible element of `selector` that carries a title as
    Material's tooltip; returns the tooltips' texts, and fails on a timeout or
    an element injected into one."""
    result = page.evaluate(_SHOW_EACH_TOOLTIP, [selector, INJECTED])
    assert "timeout" not in result, f"Material made no tooltip of {result.get('timeout')}"
    assert result["found"] == [], f"elements injected into a tooltip: {result['found']}"
    return result["shown"]


def _problems(page, dialogs, fields, clean_site, path) -> dict[str, list[str]]:
    found = {
        "dialogs": [f"{m}: {fields.get(m, m)}" for m in dialogs],
        "injected elements": page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)"),
        "scripts differ": [] if page.evaluate(_SCRIPTS) == expected_scripts(clean_site, path) else [path],
        "no footer (markup swallowed)": [] if page.query_selector("footer.md-footer") else [path],
    }
    for script in page.eval_on_selector_all('script[type="application/ld+json"]', "s => s.map(x => x.text)"):
        if "<img" not in json.dumps(json.loads(script), ensure_ascii=False):
            found.setdefault("JSON-LD lost the text", []).append(path)
    return {name: items for name, items in found.items() if items}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_payloads_stay_text_in_the_browser(wide_tab, served, hostile_site, path):
    _, clean_site = served
    tab, page = wide_tab, wide_tab.page
    page.goto(hostile_site.base + path, wait_until="load")
    page.eval_on_selector_all(".md-content details", "folds => folds.forEach(fold => fold.open = true)")
    # A page that shows the data shows its payloads: what it must keep as text is there to check.
    if page.query_selector(".md-content [data-figure]"):
        assert PAYLOAD_MARK in page.inner_text(".md-content"), f"/{path}: no payload on the page"
    shown = _show_each_tooltip(page, _TITLED)
    assert shown or not page.query_selector(_TITLED), f"/{path}: no tooltip was shown"
    # A page that shows the data shows payloads in its tooltips too: they were there to check.
    if page.query_selector(".md-content [data-figure][title]"):
        assert any(PAYLOAD_MARK in text for text in shown), f"/{path}: no payload in a tooltip"
    problems = _problems(page, tab.log["dialogs"], hostile_site.fields, clean_site, path)
    assert problems == {}, f"/{path}: " + json.dumps(problems, ensure_ascii=False, indent=1)[:4000]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.strip("/") or "en")
def test_search_results_keep_payloads_as_text(wide_tab, served, hostile_site, edition):
    """The results show the sentences that hold the payloads (the index and
    the worker load when the search opens)."""
    _, clean_site = served
    tab, page = wide_tab, wide_tab.page
    page.goto(hostile_site.base + edition, wait_until="load")
    page.keyboard.press("/")  # Material's shortcut, as a reader would open the search
    page.keyboard.type("Zerouali")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    _show_each_tooltip(page, ".md-search-result [title]")
    problems = _problems(page, tab.log["dialogs"], hostile_site.fields, clean_site, edition)
    assert problems == {}, f"/{edition} search: " + json.dumps(problems, ensure_ascii=False, indent=1)[:4000]
