"""Keep block components out of Markdown's way.

A block component (a card, a quote, a table, a chart) is already finished
HTML. Left in the page's Markdown, Python-Markdown scans all of it, and
that scan grows faster than the HTML does. So a block macro leaves an HTML
comment in the page, which Markdown passes through untouched, and the HTML
is put back once Markdown is done (`restore`). Measured with `make bench`
(CPU seconds of `mkdocs build --strict`): the real site 0.99 s without,
0.93 s with (6 %); 1,000 figures 14.9 s without, 7.6 s with (49 %).

The parts of a block that the search index leaves out (Material's
`data-search-exclude`) go around the search plugin as well, which would
parse them only to drop them; they come back in the finished page
(`restore_excluded`). At 1,000 figures: 9.3 s without, 7.6 s with (18 %);
no difference on the real site.
"""

from __future__ import annotations

import itertools
import re

_PLACEHOLDER = re.compile(r"<!--figures-block-(\d+)-->")
_EXCLUDED_PLACEHOLDER = re.compile(r"<!--figures-excluded-(\d+)-->")
# An element the search index leaves out, by its opening tag.
_EXCLUDED_START = re.compile(r"<(tr|dl|figure)\b[^>]*\sdata-search-exclude[\s>]")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")


class Blocks:
    """The blocks of the page being rendered, and the excluded parts of every
    page until it is written: MkDocs converts every page before it writes
    the first."""

    def __init__(self) -> None:
        self._page: list[str] = []
        self._excluded: dict[int, str] = {}
        self._numbers = itertools.count()

    def start_page(self) -> None:
        self._page.clear()

    def placeholder(self, html: str) -> str:
        """A stand-in for `html` that Markdown leaves alone."""
        self._page.append(self._set_aside_excluded(html))
        return f"<!--figures-block-{len(self._page) - 1}-->"

    def restore(self, html: str) -> tuple[str, set[str]]:
        """The page's HTML with each stand-in replaced by its block, and the
        element ids the blocks brought."""
        if not self._page:
            return html, set()
        restored = _PLACEHOLDER.sub(lambda match: self._page[int(match.group(1))]
                                    if int(match.group(1)) < len(self._page) else match.group(), html)
        return restored, set(_ID.findall(restored))

    def restore_excluded(self, html: str) -> str:
        """The finished page with the parts set aside for search put back."""
        return _EXCLUDED_PLACEHOLDER.sub(lambda match: self._excluded.get(int(match.group(1)), match.group()), html)

    def _set_aside_excluded(self, html: str) -> str:
        pieces, position = [], 0
        while match := _EXCLUDED_START.search(html, position):
            end = _element_end(html, match.group(1), match.start())
            if end is None:
                break
            number = next(self._numbers)
            self._excluded[number] = html[match.start():end]
            pieces += [html[position:match.start()], f"<!--figures-excluded-{number}-->"]
            position = end
        pieces.append(html[position:])
        return "".join(pieces)


def _element_end(html: str, tag: str, start: int) -> int | None:
    """Where the element `tag` that opens at `start` closes: the components
    write these elements, so counting their own tag's nesting suffices."""
    depth = 0
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None
