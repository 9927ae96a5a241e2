"""Keep block components out of Markdown's way.

A block component (a card, a quote, a table, a chart) is already finished
HTML. Left in the page's Markdown, Python-Markdown would scan all of it, and
that scan grows faster than the HTML does (at a thousand figures it was most
of the build). So a block macro leaves an HTML comment in the page, which
Markdown passes through untouched, and hooks/blocks.py puts the HTML back
once Markdown is done, on the same page.
"""

from __future__ import annotations

import itertools
import re

_PLACEHOLDER = re.compile(r"<!--figures-block-(\d+)-->")
_LATE_PLACEHOLDER = re.compile(r"<!--figures-late-(\d+)-->")
# An element the search index leaves out (Material's data-search-exclude).
_EXCLUDED_START = re.compile(r"<(tr|dl|figure)\b[^>]*\sdata-search-exclude[\s>]")
_pending: list[str] = []  # the current page's blocks, in order
# Parts the search index leaves out, by number, until their page is written:
# MkDocs converts every page before it writes the first.
_late: dict[int, str] = {}
_numbers = itertools.count()


def start_page() -> None:
    _pending.clear()


def placeholder(html: str) -> str:
    """A stand-in for `html` that Markdown leaves alone. The parts of it that
    search leaves out go around the search plugin as well, which would parse
    them only to drop them (at a thousand figures, the largest cost left)."""
    _pending.append(_set_aside_excluded(html))
    return f"<!--figures-block-{len(_pending) - 1}-->"


def _set_aside_excluded(html: str) -> str:
    pieces, position = [], 0
    while match := _EXCLUDED_START.search(html, position):
        end = _element_end(html, match.group(1), match.start())
        if end is None:
            break
        pieces.append(html[position:match.start()])
        number = next(_numbers)
        _late[number] = html[match.start():end]
        pieces.append(f"<!--figures-late-{number}-->")
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _element_end(html: str, tag: str, start: int) -> int | None:
    """Where the element `tag` that opens at `start` closes (nesting counted)."""
    tags = re.compile(rf"<(/?){tag}\b[^>]*>")
    depth = 0
    for match in tags.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def restore_late(html: str) -> str:
    """The finished page with the parts set aside for search put back."""
    return _LATE_PLACEHOLDER.sub(lambda match: _late.pop(int(match.group(1))), html)


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def ids_in(html: str) -> set[str]:
    return set(_ID.findall(html))


def restore(html: str) -> str:
    """The page's HTML with each stand-in replaced by its block."""
    if not _pending:
        return html
    return _PLACEHOLDER.sub(lambda match: _pending[int(match.group(1))], html)
