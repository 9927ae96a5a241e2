"""Untrusted text stays text, in a real browser, where Material's JavaScript
re-inserts it: tooltips, search results, copy buttons.

Every text field of the data file that the build lets through gets a payload
at once (tests/hostile.py), with a code naming the field. Then, in each edition, every page is opened, every link, figure,
claim and tooltip is hovered and focused, and the search is asked for the
payload. No dialog may open, no element may be injected, the scripts must
be those of the same page without payloads, and the JSON-LD must parse.
"""

from __future__ import annotations

import json
import re

import pytest

from browsing import EDITIONS, PAGES
from hostile import INJECTED

# Hover each element, as a reader moving the pointer through the page
# would, and focus those that only the keyboard reaches (Material shows a
# tooltip on either; focusing every link as well cost Chromium a second a
# page and reaches no other code). Material handles the events as they
# come; what it does later (its tooltips hide after 250 ms) happens in the
# wait at the end. Returns how many were visited.
_VISIT_ALL = """async () => {
  const targets = [...document.querySelectorAll(".md-content a[href], .md-header [title], [title], .claim, summary, .md-content button, [tabindex]")];
  for (const element of targets) {
    element.dispatchEvent(new MouseEvent("mouseenter"));
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    if (element.matches(".claim, summary, [tabindex]")) element.focus();
  }
  await new Promise(resolve => setTimeout(resolve, 250));
  return targets.length;
}"""

_SCRIPTS = ("() => [...document.scripts].map(s => s.getAttribute('src') ?"
            " s.getAttribute('src').replace(/^.*assets\\//, 'assets/') : s.type || 'inline')")


def expected_scripts(site_dir, path: str) -> list[str]:
    """The scripts of the page without payloads, as its file lists them."""
    from bs4 import BeautifulSoup
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return [re.sub(r"^.*assets/", "assets/", s["src"]) if s.get("src") else (s.get("type") or "inline")
            for s in BeautifulSoup(html, "html.parser").find_all("script")]


def _search(page, words: str) -> None:
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("/")  # Material's shortcut, as a reader would open the search
    page.keyboard.type(words)
    # The index and the worker load when the search opens: under a loaded
    # machine that can take seconds.
    page.wait_for_selector(".md-search-result__item", timeout=20000)  # the worker answered, Material rendered
    page.evaluate(_VISIT_ALL.replace('".md-content a[href], .md-header [title], [title], .claim, summary, .md-content button, [tabindex]"',
                                     '".md-search-result a, .md-search-result [title]"'))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.strip("/") or "en")
def test_payloads_stay_text_in_the_browser(tab, served, hostile_site, edition):
    base, fields = hostile_site.base, hostile_site.fields
    _, clean_site = served
    problems: dict[str, list[str]] = {}
    page, dialogs = tab.fresh(width=1280, height=900), tab.log["dialogs"]
    for path in [p for p in PAGES if p.startswith(edition) and (edition or not p.startswith(("fr/", "ar/")))]:
        page.goto(base + path, wait_until="load")
        visited = page.evaluate(_VISIT_ALL)
        if path == edition:  # once per edition: its search index is the same on every page
            # Results show the sentences that hold the payloads.
            _search(page, "Zerouali")
        found = {
            "dialogs": [f"{m}: {fields.get(m, m)}" for m in dialogs],
            "injected elements": page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)"),
            "scripts differ": [] if page.evaluate(_SCRIPTS) == expected_scripts(clean_site, path) else [path],
            "no footer (markup swallowed)": [] if page.query_selector("footer.md-footer") else [path],
            "too few elements visited": [] if visited >= 5 else [f"{path}: {visited}"],
        }
        for script in page.eval_on_selector_all('script[type="application/ld+json"]', "s => s.map(x => x.text)"):
            document = json.loads(script)
            if "<img" not in json.dumps(document, ensure_ascii=False):
                found.setdefault("JSON-LD lost the text", []).append(path)
        for name, items in found.items():
            if items:
                problems.setdefault(name, []).extend(f"/{path}: {item}" for item in items)
        dialogs.clear()
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)[:4000]


def test_the_payloads_would_be_caught(tab, web_root):
    """The checks above see a payload that does run: the same visit of a
    page whose tooltip carries the payload escaped only once."""
    origin, root = web_root
    (root / "planted.html").write_text(
        '<!doctype html><html><body><a href="#" title="&lt;img src=x onerror=alert(1)&gt;">x</a>'
        "<script>for (const a of document.querySelectorAll('[title]')) a.addEventListener('mouseenter', "
        "() => { const d = document.createElement('div'); d.innerHTML = a.title; document.body.append(d); });"
        "</script></body></html>", encoding="utf-8")
    page, dialogs = tab.page, tab.log["dialogs"]
    page.goto(origin + "/planted.html")
    page.evaluate(_VISIT_ALL)
    page.wait_for_timeout(200)
    assert dialogs == ["1"] and page.eval_on_selector_all(INJECTED, "els => els.length") == 1
