"""Drawings: charts and figure cards as SVG, laid out here, written by one
template (templates/drawing.svg).

Layout code places shapes; it never writes markup. A drawing renders two
ways from the same record: inline in a page, coloured by the site's
stylesheet so light, dark and print modes apply, or as a standalone file
(`standalone=True`) that carries its own colours and a system font stack,
so that it reads the same embedded anywhere, with nothing fetched.

SVG text does not wrap, and there is no font to measure at build time, so
lines are broken by an estimate of the text's width: generous, so that a
line may end early but never runs out of the drawing.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup

from .templating import render

# Unicode's isolates: in a right-to-left drawing, each Latin run ("US$",
# "Khaled Zerouali") keeps its own order, as <bdi> does in HTML. SVG text
# and the preview images' ordering (figures/shaping.py) both honour them.
LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2069"
# The quotation marks around the source's English words go with them: « »
# (the Arabic edition's) when they open on a Latin letter.
_LATIN_RUN = re.compile(r"((?:[A-Za-z$“”\"]|«(?=[A-Za-z]))(?:[A-Za-z0-9$.’'“”\"\-:»]|\s(?=[A-Za-z0-9$“”\"»]))*)")
# Average advance of a character, in ems, at the widest of the fonts a
# reader may have: the estimate errs towards shorter lines.
_EM_PER_CHARACTER = 0.62


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    kind: str  # a class: chart__label, chart__value, chart__note…
    anchor: str = "start"  # the reading start: right-hand in a right-to-left drawing
    data_figure: str | None = None
    # Words in another language than the drawing's, and that language: the
    # part of this line that holds them is marked with its `lang`.
    foreign: tuple[str, str] | None = None

    def runs(self) -> list[tuple[str, str | None]]:
        """The line in runs of (text, language), the language None where it
        is the drawing's own."""
        if not self.foreign:
            return [(self.text, None)]
        words, language = self.foreign
        start, end = _longest_run_of(self.text, words)
        if end - start < 4:
            return [(self.text, None)]
        # An isolate that holds the run (a Latin run in a right-to-left line)
        # goes into the marked part whole, so that both stay paired.
        opened = self.text.rfind(LEFT_TO_RIGHT_ISOLATE, 0, start)
        if opened != -1 and POP_DIRECTIONAL_ISOLATE not in self.text[opened:start]:
            start = opened
            closing = self.text.find(POP_DIRECTIONAL_ISOLATE, end)
            end = len(self.text) if closing == -1 else closing + 1
        runs = [(self.text[:start], None), (self.text[start:end], language), (self.text[end:], None)]
        return [run for run in runs if run[0]]


def _longest_run_of(line: str, words: str) -> tuple[int, int]:
    """(start, end) of the longest stretch of `line`, starting and ending at
    a word's edge, that `words` contain."""
    best = (0, 0)
    for start in range(len(line)):
        if line[start].isspace() or (start and line[start - 1].isalnum()):
            continue
        end = len(line)
        while end - start > best[1] - best[0] and line[start:end].rstrip() not in words:
            end -= 1
        end = start + len(line[start:end].rstrip())
        if end - start > best[1] - best[0] and (end == len(line) or not line[end].isalnum()):
            best = (start, end)
    return best


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    kind: str
    fill: str | None = None  # a paint server, "url(#…)", where a class cannot say it


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    kind: str


@dataclass(frozen=True)
class Fade:
    """A horizontal gradient from transparent to the mark colour, toward `to`."""

    id: str
    to: str  # "right" or "left"


@dataclass
class Group:
    data_figure: str | None
    shapes: list = field(default_factory=list)


@dataclass
class Drawing:
    name: str  # unique on its page: the ids of its title and description derive from it
    width: int
    height: float
    direction: str
    language: str
    title: str
    description: str
    groups: list[Group] = field(default_factory=list)
    fades: list[Fade] = field(default_factory=list)
    # What travels with a standalone file (Dublin Core and Creative Commons
    # terms, as editors such as Inkscape write them): identifier, licence,
    # licence_url, rights, date.
    metadata: dict[str, str] | None = None

    def add(self, *shapes, data_figure: str | None = None) -> Group:
        group = Group(data_figure, list(shapes))
        self.groups.append(group)
        return group

    def svg(self, standalone: bool = False) -> Markup:
        return render("drawing.svg", drawing=self, standalone=standalone)


def isolated_runs(words: str, direction: str) -> str:
    """`words` with each Latin run isolated left to right, in a right-to-left drawing."""
    if direction != "rtl":
        return words
    return _LATIN_RUN.sub(lambda m: f"{LEFT_TO_RIGHT_ISOLATE}{m.group(1)}{POP_DIRECTIONAL_ISOLATE}", words)


def text_width(words: str, font_size: float) -> float:
    """An estimate of the width `words` take at `font_size`."""
    return len(words) * font_size * _EM_PER_CHARACTER


def wrapped(words: str, width: float, font_size: float) -> list[str]:
    """`words` broken into lines that fit `width` units at `font_size`."""
    characters = max(8, int(width / (font_size * _EM_PER_CHARACTER)))
    return textwrap.wrap(words, characters, break_long_words=False, break_on_hyphens=False) or [""]


class Layout:
    """Places text from the reading start of a drawing `width` units wide:
    the x of a reading-start offset mirrors in a right-to-left drawing."""

    def __init__(self, width: int, direction: str, margin: float = 6) -> None:
        self.width, self.direction, self.margin = width, direction, margin

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin

    def x(self, offset: float, length: float = 0.0) -> float:
        """x of a point `offset` units in from the reading start; with
        `length`, the left edge of a shape of that length starting there."""
        offset += self.margin
        return self.width - offset - length if self.direction == "rtl" else offset

    def paragraph(
        self,
        words: str,
        y: float,
        kind: str,
        font_size: float,
        line_height: float,
        width: float | None = None,
        data_figure: str | None = None,
        foreign: tuple[str, str] | None = None,
    ) -> tuple[list[Text], float]:
        """`words` wrapped from the reading start, first baseline at `y`;
        returns the lines and the y below them."""
        lines = wrapped(words, width or self.inner, font_size)
        texts = [
            Text(
                self.x(0),
                y + i * line_height,
                isolated_runs(line, self.direction),
                kind,
                data_figure=data_figure,
                foreign=foreign,
            )
            for i, line in enumerate(lines)
        ]
        return texts, y + (len(lines) - 1) * line_height
