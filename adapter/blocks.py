"""Keep block components out of Markdown's way.

A block component (a card, a quote, a table, a chart) is already finished
HTML. Left in the page's Markdown, Python-Markdown would scan all of it, and
that scan grows faster than the HTML does (at a thousand figures it was most
of the build). So a block macro leaves an HTML comment in the page, which
Markdown passes through untouched, and hooks/blocks.py puts the HTML back
once Markdown is done, on the same page.
"""

from __future__ import annotations

import re

_TOKEN = "figures-block-{}"
_PLACEHOLDER = re.compile(r"<!--figures-block-(\d+)-->")
_pending: list[str] = []  # the current page's blocks, in order


def start_page() -> None:
    _pending.clear()


def placeholder(html: str) -> str:
    """A stand-in for `html` that Markdown leaves alone."""
    _pending.append(html)
    return f"<!--{_TOKEN.format(len(_pending) - 1)}-->"


_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def ids_in(html: str) -> set[str]:
    return set(_ID.findall(html))


def restore(html: str) -> str:
    """The page's HTML with each stand-in replaced by its block."""
    if not _pending:
        return html
    return _PLACEHOLDER.sub(lambda match: _pending[int(match.group(1))], html)
