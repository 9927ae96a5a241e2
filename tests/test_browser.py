"""Every page in a real browser (Debian's Chromium via Playwright), served
under a sub-path as GitHub Pages serves a project, in light mode, and in
dark mode where colours could differ (the reader switches with the header's
toggle)."""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from browsing import EDITIONS, NOT_FOUND, PAGES, second_page, transferred
from helpers import addresses, editions, fetch

# The right-to-left editions (Arabic), whose layout mirrors.
RIGHT_TO_LEFT = [language for language, edition in editions().items() if edition.direction == "rtl"]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FIRST_VIEW_BUDGET = 85 * 1024  # gzip bytes, everything a first view loads
SECOND_PAGE_BUDGET = 10 * 1024  # gzip bytes, what another page adds once assets are cached


def _visit(tab, url: str, settle: bool = True):
    page = tab.page
    page.goto(url, wait_until="load")
    if settle:
        _settle(page)
    return page


def _settle(page) -> None:
    """Wait for what loads after the load event: lazy images in view. (The
    search index waits for the reader, so nothing else comes late; this is
    faster than Playwright's "networkidle", which idles half a second.)"""
    page.wait_for_function(
        "[...document.images].every(image => image.complete || image.getBoundingClientRect().top > innerHeight)",
        timeout=5000,
    )


_ANCHORS: dict[str, set[str] | None] = {}  # page address -> its element ids (None: did not load)


def _ids_at(address: str) -> set[str] | None:
    if address not in _ANCHORS:
        html = fetch(address, timeout=10)
        _ANCHORS[address] = (
            {tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)} if html else None
        )
    return _ANCHORS[address]


def _broken_links(page, base: str) -> list[str]:
    """Every link on the page that leaves the site, or lands on no page or no anchor."""
    problems = []
    for href in sorted(set(page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"))):
        target, anchor = urldefrag(href)
        if not target.startswith(base):
            problems.append(f"{href}: leaves the site")
        elif (ids := _ids_at(target)) is None:
            problems.append(f"{href}: does not load")
        elif anchor and anchor not in ids:
            problems.append(f"{href}: no element with id {anchor!r}")
    return problems


# What changes between light and dark is colour: in dark mode, the colour rules.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def _axe_violations(page, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is now: WCAG's rules, or only
    `rules`. axe is put in the page once, not again for the dark run."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate(
        "options => axe.run(document, options).then(r => ({violations: r.violations,"
        " passed: r.passes.map(p => p.id)}))",
        {"runOnly": run_only, "resultTypes": ["violations"]},
    )
    # axe did check the page: the colour rules at least passed on its text.
    assert set(COLOUR_RULES) & set(result["passed"]) or result["violations"], "axe checked nothing"
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


@functools.cache
def _axe_source() -> str:
    """axe-core, as axe-playwright-python ships it."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


_SIDEWAYS = (
    "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    " ? [document.documentElement.scrollWidth] : []"
)


# Legible at 390 px: no text in the page's content under 14 px, none inside
# a chart under 12 px as drawn, and every button at least 24 × 24 px (WCAG 2.2).
_TOO_SMALL = """() => {
  const found = [], article = document.querySelector("article");
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest("svg") || !element.getClientRects().length) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 14) found.push(`${size}px: ${node.textContent.trim().slice(0, 40)}`);
  }
  for (const text of article.querySelectorAll("svg text")) {
    const svg = text.ownerSVGElement;
    const size = parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < 12) found.push(`chart ${size.toFixed(1)}px: ${text.textContent.slice(0, 40)}`);
  }
  for (const button of article.querySelectorAll("button, [role=button]")) {
    const box = button.getBoundingClientRect();
    if (box.width && (box.width < 24 || box.height < 24)) found.push(`button ${box.width}×${box.height}: ${button.className}`);
  }
  return [...new Set(found)];
}"""


def _checked_in_dark(path: str) -> bool:
    """Colours are the stylesheet's and the components', the same in every
    edition: every page of the default edition is checked in dark mode, and
    the home page of each other one (its direction and its words)."""
    return path in EDITIONS or path == NOT_FOUND or not path.startswith(tuple(e for e in EDITIONS if e))


@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND], ids=lambda p: p or "home")
def test_page_in_a_real_browser(tab, served, path):
    """Light mode first (the reader's system setting), then, for the pages
    `_checked_in_dark` names, the same page switched to dark."""
    base, site_dir = served
    page, log = _visit(tab, base + path), tab.log
    problems = {
        "light: not Material's light scheme": []
        if page.evaluate("document.body.dataset.mdColorScheme") == "default"
        else [path]
    }
    problems["light: axe violations"] = _axe_violations(page)
    problems["light: horizontal scrolling at 390 px"] = page.evaluate(_SIDEWAYS)
    problems["small text or buttons at 390 px"] = page.evaluate(_TOO_SMALL)
    problems["requests to other hosts"] = [u for u in log["requests"] if not u.startswith(base)]
    # Search loads when opened (overrides/main.html), not with the page.
    problems["search loaded before it was opened"] = [
        u for u in log["requests"] if "search_index" in u or "/workers/" in u
    ]
    problems["broken links"] = _broken_links(page, base)
    first_view = transferred(site_dir, log["requests"])
    if first_view >= FIRST_VIEW_BUDGET:
        problems["first view over budget"] = [f"{first_view:,} gzip bytes"]

    if _checked_in_dark(path):
        # The reader's switch in the header (Material remembers the light
        # palette it started with, so a change of system setting alone would
        # not show). Clicked from the page's script, not with the pointer: a
        # hovered toggle shows a tooltip that axe would catch fading out.
        page.emulate_media(color_scheme="dark")
        page.eval_on_selector(
            "form[data-md-component='palette'] label.md-header__button:not([hidden])", "toggle => toggle.click()"
        )
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
        problems["dark: axe violations"] = _axe_violations(page, COLOUR_RULES)

    problems["failed requests"] = list(log["failed"])
    problems["console errors"] = list(log["console"])
    # Then another page, as a reader clicking on: what it adds to what this
    # page loaded (the assets are in the cache by then).
    seen, other = set(log["requests"]), second_page(path)
    added = transferred(site_dir, [u for u in _first_view(tab, base + other) if u not in seen])
    if added >= SECOND_PAGE_BUDGET:
        problems["second page over budget"] = [f"/{other}: {added:,} gzip bytes"]
    assert {k: v for k, v in problems.items() if v} == {}


_FIRST_VIEWS: dict[str, list[str]] = {}


def _first_view(tab, url: str) -> list[str]:
    """Every request of `url` opened with an empty cache: what it can add
    after another page, at most. Most pages' second page is their edition's
    home, so each is opened once per worker, not once per page (28 visits
    fewer, about 0.3 s each); its own test checks its failures and errors."""
    if url not in _FIRST_VIEWS:
        tab.fresh()
        _visit(tab, url)
        _FIRST_VIEWS[url] = list(tab.log["requests"])
    return _FIRST_VIEWS[url]


def test_the_budget_check_counts_every_request(tab, served):
    """The weight test would notice a heavier page: the first view includes
    the stylesheet and the script, not just the HTML (the emptied cache is
    really empty); opening the search then loads its index and worker."""
    base, site_dir = served
    for _ in range(2):
        tab.fresh()
        page = _visit(tab, base)
        kinds = {url.rsplit(".", 1)[-1] for url in tab.log["requests"]}
        assert {"css", "js"} <= kinds and "json" not in kinds
        assert transferred(site_dir, tab.log["requests"]) > 60 * 1024
    page.keyboard.press("/")
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))", timeout=5000
    )


@pytest.mark.parametrize("language", [addresses().default_language, *RIGHT_TO_LEFT])
def test_a_figures_address_lands_on_its_row_highlighted_and_opened(tab, served, dataset, language):
    """…/figures/#id at 390 px: the row is in view below the sticky header,
    highlighted, its citations open, and its address ready to copy."""
    base, _ = served
    figure = list(dataset.figures.values())[-2]
    address = addresses().figure(figure.id, language)
    page = _visit(tab, base + address, settle=False)
    page.wait_for_timeout(300)
    facts = page.evaluate(
        """id => {
        const row = document.getElementById(id), header = document.querySelector('.md-header');
        const top = row.getBoundingClientRect().top;
        return {top, header: header.getBoundingClientRect().bottom, height: innerHeight,
                target: row.matches(':target'),
                background: getComputedStyle(row).backgroundColor,
                other: getComputedStyle(row.parentElement.querySelector('tr[id]:not(:target)')).backgroundColor,
                open: row.nextElementSibling.querySelector('details').open,
                copy: row.querySelector('button[data-clipboard-text]').dataset.clipboardText};
    }""",
        figure.id,
    )
    assert facts["target"] and facts["open"]
    assert facts["header"] <= facts["top"] < facts["height"] / 2
    assert facts["background"] != facts["other"], "the target row is highlighted"
    # The published address (the site's site_url), whatever serves this copy.
    assert facts["copy"].startswith("http") and facts["copy"].endswith("/" + address)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.strip("/") or "default")
def test_the_home_pages_first_screen_shows_figures_and_their_caveat(tab, served, edition):
    """At 390×844, before any scrolling: the caveat line, and figures with
    their period and who stated them."""
    base, _ = served
    page = _visit(tab, f"{base}{edition}", settle=False)
    seen = page.evaluate("""() => {
        const inView = el => el && el.getBoundingClientRect().bottom <= innerHeight;
        const first = document.querySelector('.key-figures li');
        return {lead: inView(document.querySelector('p.lead')),
                value: inView(first.querySelector('.key-figures__value')),
                period: inView(first.querySelector('.key-figures__period')),
                who: inView(first.querySelector('.key-figures__who'))};
    }""")
    assert seen == {"lead": True, "value": True, "period": True, "who": True}


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.strip("/") or "default")
def test_the_sites_name_is_whole_in_the_header_at_390_px(tab, served, edition):
    """At 390 px the header leaves about 160 px between its buttons for the
    site's name, in at most two lines (site.css): the name must fit there
    whole, not cut off, in every edition."""
    base, _ = served
    page = _visit(tab, f"{base}{edition}", settle=False)
    shown = page.evaluate("""() => {
        const name = document.querySelector('.md-header__title .md-header__topic:first-child .md-ellipsis');
        return {text: name.textContent.trim(), site: document.querySelector('meta[property="og:site_name"]').content,
                cut: name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1,
                lines: Math.round(name.clientHeight / parseFloat(getComputedStyle(name).lineHeight))};
    }""")
    assert shown["text"] == shown["site"] and shown["lines"] <= 2, shown
    assert not shown["cut"], f"the site's name is cut in the header at 390 px: {shown}"


@pytest.mark.parametrize("language", list(editions()))
def test_the_reference_table_fits_1280_px(tab, served, language):
    """The table needs no sideways scrolling, no value takes more than two
    lines, no date or id is broken, and every row's top border is drawn
    across its first column too."""
    base, _ = served
    tab.fresh(width=1280)
    page = _visit(tab, base + addresses().page(addresses().reference_page, language), settle=False)
    found = page.evaluate("""() => {
        const lines = el => new Set([...el.getClientRects()].map(r => Math.round(r.top))).size;
        const found = [], box = document.querySelector(".figure-table");
        if (box.scrollWidth > box.clientWidth) found.push(`the table scrolls: ${box.scrollWidth} > ${box.clientWidth}`);
        for (const el of document.querySelectorAll(".figure-table tr[id] data, .figure-table tr[id] time,"
                                                   + " .figure-table tr[id] code")) {
            if (lines(el) > (el.tagName === "DATA" ? 2 : 1)) found.push(`${lines(el)} lines: ${el.textContent}`);
        }
        for (const row of document.querySelectorAll(".figure-table tr[id]")) {
            const widths = [...row.children].map(cell => getComputedStyle(cell).borderTopWidth);
            if (new Set(widths).size > 1) found.push(`borders ${widths} on ${row.id}`);
        }
        return found;
    }""")
    assert found == []


@pytest.mark.parametrize("language", [addresses().default_language, *RIGHT_TO_LEFT])
def test_a_figures_tooltip_stays_on_a_390_px_screen_at_a_readable_size(tab, served, dataset, language):
    """Focusing a figure shows its source sentence in Material's tooltip:
    wholly inside the screen, in either direction, in 14 px text or more."""
    base, _ = served
    theme_page = next(iter(dataset.themes.values())).page
    page = _visit(tab, base + addresses().page(theme_page, language), settle=False)
    link = page.locator("article a.fig").first
    link.scroll_into_view_if_needed()
    link.focus()
    page.wait_for_selector(".md-tooltip2--active", timeout=5000)
    box = page.evaluate("""() => {
        const inner = document.querySelector('.md-tooltip2--active .md-tooltip2__inner');
        const r = inner.getBoundingClientRect();
        return {left: r.left, right: r.right, width: innerWidth, size: parseFloat(getComputedStyle(inner).fontSize),
                text: inner.textContent};
    }""")
    assert box["text"].strip()
    assert box["left"] >= 0 and box["right"] <= box["width"], box
    assert box["size"] >= 14, box
