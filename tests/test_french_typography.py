"""French typography on every French text of the built site: its pages
(visible text and the texts of attributes a reader meets: tooltips,
alternative texts, labels, descriptions) and its SVG charts and cards.

French printers put a no-break space before the high punctuation (narrow,
U+202F, before ; ! ?, and U+00A0 or U+202F before :) and inside « »,
group digits with a narrow no-break space ("50 000"), and write the first
day of a month "1er". An ordinary space there lets a line start with a
colon, leave a guillemet alone at a line's end, or split a number in two.

The article's own English words (its title, the verbatim quotes, the
period wordings) follow English typography: they are left out, as are code,
addresses and elements in another language.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from helpers import addresses, nav_sources, page_address

# The French editions' folders ("fr/"): a site without one has nothing to check here.
FRENCH = [folder for language, folder in addresses().editions.items() if language.startswith("fr")]
NO_BREAK = "\u00a0\u202f"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
# What each rule finds, and what French needs instead.
RULES = (
    (re.compile(r"(?:^|(?<=[^\u202f]))[;!?]"), "no narrow no-break space (U+202F) before ; ! ?"),
    (re.compile(rf"(?:^|(?<=[^{NO_BREAK}])):"), "no no-break space (U+00A0 or U+202F) before :"),
    (re.compile(rf"«(?=[^{NO_BREAK}])"), "no no-break space after «"),
    (re.compile(rf"(?<=[^{NO_BREAK}])»"), "no no-break space before »"),
    (re.compile(rf"(?<![\d.,])\b1[\s{NO_BREAK}]+(?:{MONTHS})\b"), "“1” for the first day of a month, not “1er”"),
    (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}\b)"), "digits grouped by a space a line may break at, or a wide one"),
)
# Addresses and e-mail-like runs follow their own syntax.
ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\S*")
# Where a left-out text stood, so that the marks around it are still checked.
LEFT_OUT = "X"
# Attributes whose text a reader sees (a tooltip, an image's text in its
# place, a description shown by search engines and in shared links). Spoken
# labels (aria-label) are heard, not set in type.
READ_ATTRIBUTES = ("title", "alt", "placeholder")
READ_METAS = (
    "description",
    "og:title",
    "og:description",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
    "twitter:image:alt",
)


def typography_mistakes(text: str) -> list[str]:
    """Each place where `text` breaks a rule of French typography, with the
    words around it."""
    text = ADDRESS.sub(LEFT_OUT, text)
    mistakes = []
    for pattern, problem in RULES:
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " ")
            mistakes.append(f"{problem}: …{around}…")
    return mistakes


def english_verbatim(dataset) -> list[str]:
    """The article's own words as the site shows them, longest first (a
    quote holds its claims' excerpts)."""
    source = dataset.source
    words = {
        source.title,
        *(q.text for q in dataset.quotes.values()),
        *(c.excerpt for c in dataset.claims.values()),
        *(p.wording for p in dataset.periods.values()),
    }
    words |= {w[0].upper() + w[1:] for w in words}
    return sorted(words, key=len, reverse=True)


def without_verbatim(text: str, verbatim: list[str]) -> str:
    for words in verbatim:
        text = text.replace(words, LEFT_OUT)
    return text


def french_texts_of_page(soup: BeautifulSoup, verbatim: list[str]) -> list[str]:
    """The page's French texts: its visible text and the texts of the
    attributes readers meet, without code, scripts or foreign-language runs."""
    texts = []
    for element in soup.find_all(attrs={"content": True}):
        if element.name == "meta" and (element.get("name") or element.get("property")) in READ_METAS:
            texts.append(element["content"])
    for element in soup.find_all(True):
        for name in READ_ATTRIBUTES:
            if element.has_attr(name) and not element.find_parent(["code", "pre"]):
                texts.append(element[name])
    body = soup.body
    for element in body.find_all(["script", "style", "code", "pre", "svg", "textarea"]):
        element.decompose()
    for element in body.find_all(lang=True):
        if not element["lang"].startswith("fr"):
            element.replace_with(LEFT_OUT)
    texts.append(body.get_text())
    return [without_verbatim(text, verbatim) for text in texts]


def french_texts_of_svg(path, verbatim: list[str]) -> list[str]:
    """An SVG's texts, the ones in another language left out, as one text:
    a sentence wrapped onto several lines is read whole."""
    root = ElementTree.parse(path).getroot()
    texts = []
    for element in root.iter():
        language = element.get("lang") or element.get("{http://www.w3.org/XML/1998/namespace}lang")
        if language and not language.startswith("fr") and element is not root:
            texts.append(LEFT_OUT)
        elif element.tag.endswith(("}title", "}desc", "}text", "}tspan")) and element.text:
            texts.append(element.text)
    return [without_verbatim(" ".join(texts), verbatim)]


def french_pages(site, folder: str):
    root = site / folder.strip("/")
    return sorted(root.rglob("*.html"))


def test_the_rules_find_each_mistake_and_pass_french_as_printed():
    # The check itself must be able to fail: each mistake below is found...
    assert typography_mistakes("Source : le texte")  # ordinary space before :
    assert typography_mistakes("Source: le texte")  # no space at all
    assert typography_mistakes("Vraiment ?") and typography_mistakes("Oui\u00a0; non")
    assert typography_mistakes("« depuis le début\u202f»") and typography_mistakes("«\u202fdepuis »")
    assert typography_mistakes("du 1 janvier 2017") and typography_mistakes("1\u00a0janvier 2017")
    assert typography_mistakes("50 000 tentatives")
    # ...and French as a printer sets it passes, addresses included.
    assert not typography_mistakes(
        "Source\u00a0: «\u202fdepuis le début de l’année\u202f»\u202f; 50\u202f000 du 1er\u00a0janvier 2017, "
        "le 11 janvier, vraiment\u202f? Voir https://example.org/fr/?q=a:b et 127.0.0.1:8000/x."
    )


@pytest.mark.parametrize("folder", FRENCH)
def test_the_check_reads_every_french_page_and_image(site, folder):
    pages = french_pages(site, folder)
    assert {path.relative_to(site / folder).as_posix() for path in pages} >= {
        page_address(src) + "index.html" for src in nav_sources()
    }
    assert list((site / folder.strip("/")).rglob("*.svg"))


@pytest.mark.parametrize("folder", FRENCH)
@pytest.mark.parametrize("kind", ["pages", "images"])
def test_every_french_text_follows_french_typography(site, dataset, kind, folder):
    verbatim = english_verbatim(dataset)
    root = site / folder.strip("/")
    mistakes = []
    if kind == "pages":
        for path in french_pages(site, folder):
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for text in french_texts_of_page(soup, verbatim):
                mistakes += [f"{path.relative_to(site)}: {m}" for m in typography_mistakes(text)]
    else:
        for path in sorted(root.rglob("*.svg")):
            for text in french_texts_of_svg(path, verbatim):
                mistakes += [f"{path.relative_to(site)}: {m}" for m in typography_mistakes(text)]
    assert not mistakes, f"{len(mistakes)} mistakes of French typography:\n" + "\n".join(mistakes[:60])


@pytest.mark.parametrize("folder", FRENCH)
def test_the_french_footer_links_are_read_out_with_a_space_before_their_colon(site, folder):
    # Material's footer writes "Précédent: …" in its previous/next links'
    # aria-labels; overrides/partials/footer.html puts U+202F before the colon.
    labels = []
    for path in french_pages(site, folder):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        labels += [link["aria-label"] for link in soup.select("a.md-footer__link[aria-label]")]
    assert labels, "no previous/next link in the French footer"
    assert not [label for label in labels if typography_mistakes(label.split(":")[0] + ":")], labels[:4]
