"""Untrusted text stays text, in a real browser, where Material's JavaScript
re-inserts it: tooltips, search results, copy buttons.

Every text field of the data file that the build lets through gets a payload
at once: the payloads the attacks below use, and a code naming the field
(letters only: a payload must not change the numbers a sentence holds). The
quotes stay verbatim in the source's text, so our copy of it gets the same
payloads. Then, in each edition, every page is opened, every link, figure,
claim and tooltip is hovered and focused, and the search is asked for the
payload. No dialog may open, no element may be injected, the scripts must
be those of the same page without payloads, and the JSON-LD must parse.
"""

from __future__ import annotations

import json
import re
import string
from itertools import product

import pytest
import yaml

from browsing import EDITIONS, PAGES, build_under_sub_path
from figures import load_dataset
from helpers import copy_project

HOSTILE_SUB_PATH = "/hostile/"
# Each field's code is spliced into its payload, so an alert names the field.
PAYLOAD = ("<img src=x onerror=alert('{code}')>"
           "\"><svg onload=alert('{code}')>"
           "<!--<script>alert('{code}')</script>")
INJECTED = "img[src='x'], svg[onload], [onerror], [onload]"


def _codes():
    for size in (1, 2):
        for letters in product(string.ascii_lowercase, repeat=size):
            yield "field" + "".join(letters)


def make_hostile(raw: dict, article: str) -> tuple[dict, str, dict[str, str]]:
    """The data and the source's text with a payload in every text field the
    build accepts; returns (data, article, {code: field})."""
    codes, fields = _codes(), {}

    def payload(field: str) -> str:
        code = next(codes)
        fields[code] = field
        return PAYLOAD.format(code=code) + " "

    originals = {qid: q["text"] for qid, q in raw["quotes"].items()}
    for qid, quote in raw["quotes"].items():
        quote["text"] = payload(f"quotes › {qid} › text") + quote["text"]
        for language in quote["translation"]:
            quote["translation"][language] = (payload(f"quotes › {qid} › translation › {language}")
                                              + quote["translation"][language])
    for pid, period in raw["periods"].items():
        new = payload(f"periods › {pid} › wording") + period["wording"]
        for figure in raw["figures"].values():
            if figure["period"] == pid:
                quote = raw["quotes"][figure["quote"]]
                if new not in quote["text"]:
                    quote["text"] = quote["text"].replace(period["wording"], new, 1)
        period["wording"] = new
    for cid, claim in raw["claims"].items():
        quote = raw["quotes"][claim["quote"]]
        new = payload(f"claims › {cid} › excerpt") + claim["excerpt"]
        quote["text"] = quote["text"].replace(claim["excerpt"], new, 1)
        claim["excerpt"] = new
        for language, words in claim["excerpt_translation"].items():
            new = payload(f"claims › {cid} › excerpt_translation › {language}") + words
            quote["translation"][language] = quote["translation"][language].replace(words, new, 1)
            claim["excerpt_translation"][language] = new
    for kind in ("figures", "claims", "themes", "speakers"):
        for record_id, record in raw[kind].items():
            for name in ("label", "unit", "title", "role"):
                if isinstance(record.get(name), dict):
                    for language in record[name]:
                        record[name][language] = payload(f"{kind} › {record_id} › {name} › {language}") + \
                            record[name][language]
            if kind == "speakers":
                record["name"] = payload(f"speakers › {record_id} › name") + record["name"]
    source = raw["source"]
    new_title = payload("source › title") + source["title"]
    article = article.replace(source["title"], new_title, 1)
    source["title"] = new_title
    for language in source["kind"]:
        source["kind"][language] = payload(f"source › kind › {language}") + source["kind"][language]
    for name in ("author", "publisher"):
        source[name] = payload(f"source › {name}").strip()
    for qid, text in originals.items():
        article = article.replace(text, raw["quotes"][qid]["text"], 1)
    return raw, article, fields


@pytest.fixture(scope="module")
def hostile_site(web_root, tmp_path_factory, build_cache):
    origin, root = web_root
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", build_cache)
    data_file = project / "data" / "figures.yml"
    raw = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    source_file = data_file.parent / raw["source"]["text_file"]
    raw, article, fields = make_hostile(raw, source_file.read_text(encoding="utf-8"))
    data_file.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    source_file.write_text(article, encoding="utf-8")
    load_dataset(data_file, data_file.with_name("figures.schema.json"))  # the payloads pass the checks
    build_under_sub_path(root / HOSTILE_SUB_PATH.strip("/"), origin, project=project, sub_path=HOSTILE_SUB_PATH)
    return origin + HOSTILE_SUB_PATH, fields


# Hover and focus each element, as a reader moving through the page would;
# Material creates a tooltip on either. Returns how many were visited.
_VISIT_ALL = """async () => {
  const targets = [...document.querySelectorAll(".md-content a[href], .md-header [title], [title], .claim, summary, .md-content button, [tabindex]")];
  for (const element of targets) {
    element.dispatchEvent(new MouseEvent("mouseenter"));
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    element.focus();
    await new Promise(resolve => setTimeout(resolve, 5));
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
    base, fields = hostile_site
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
    page.evaluate(_VISIT_ALL.replace("> 20", ""))
    page.wait_for_timeout(200)
    assert dialogs == ["1"] and page.eval_on_selector_all(INJECTED, "els => els.length") == 1
