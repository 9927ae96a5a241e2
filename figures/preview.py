"""The preview image of a page (1200×630 PNG), shown where a link to it is
pasted: a chat, a social post. It carries the page's title, its figures with
their qualifiers, and the source, so that a figure shared as a link keeps
its context.

Each line is put in display order, Arabic letters joined, by
figures/shaping.py, and drawn by Pillow's basic layout, which needs no
system library (Pillow's libraqm would load FriBiDi from the system). The
fonts are kept in figures/fonts/ (DejaVu Sans, under its licence there):
with the same fonts and no metadata in the file, two builds write identical
bytes on every machine.
"""

from __future__ import annotations

import dataclasses
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .drawing import isolated_runs
from .shaping import display_order

# Pillow is imported where an image is drawn: most builds find every image
# in the cache (adapter/build/preview_cache.py) and need not load it (0.1 s).
if TYPE_CHECKING:
    from PIL import ImageFont

SIZE = (1200, 630)
_MARGIN = 64
_FONTS = Path(__file__).parent / "fonts"
_INK, _MUTED, _MARK, _PAPER = (31, 31, 31), (85, 85, 85), (0, 105, 92), (255, 255, 255)


@dataclass(frozen=True)
class PreviewFigure:
    value: str  # with its qualifier and unit: "more than 23,000 people"
    label: str
    period: str = ""  # in a few words, inferred dates marked as such


@dataclass(frozen=True)
class Preview:
    title: str
    figures: tuple[PreviewFigure, ...]
    summary: str  # shown instead of figures on a page that has none
    source_line: str  # "Source: “…”, 16 November 2017"
    site: str  # the site's name
    language: str
    direction: str
    address: str = ""  # the site's address, without its scheme: always read left to right


@dataclass(frozen=True)
class Placed:
    """One line of text as the image draws it: `x` is its reading start
    (its right end in a right-to-left line), `y` its top."""

    text: str
    x: float
    y: float
    size: int
    bold: bool
    fill: tuple[int, int, int]
    direction: str
    role: str  # title, value, label, period, summary, source, site, address
    leading: float = 1.25  # line height, in sizes

    @property
    def anchor(self) -> str:
        return "la" if self.direction == "ltr" else "ra"

    def box(self) -> tuple[float, float, float, float]:
        """The pixels the line covers (left, top, right, bottom), as drawn."""
        left, top, right, bottom = _font(self.bold, self.size).getbbox(self._shaped(), anchor=self.anchor)
        return self.x + left, self.y + top, self.x + right, self.y + bottom

    def _shaped(self) -> str:
        return _shaped(self.text, self.direction)


def preview_png(preview: Preview) -> bytes:
    """The image, as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, _PAPER)
    draw = ImageDraw.Draw(image)
    # A band on the reading-start side, in the site's colour.
    band = (0, 0, 14, SIZE[1]) if preview.direction == "ltr" else (SIZE[0] - 14, 0, SIZE[0], SIZE[1])
    draw.rectangle(band, fill=_MARK)
    for line in laid_out(preview):
        draw.text(
            (line.x, line.y), line._shaped(), font=_font(line.bold, line.size), fill=line.fill, anchor=line.anchor
        )
    output = io.BytesIO()
    # zlib's fastest level: encoding is half of an image's time, and level 1
    # takes 11 ms where the default (6) takes 17, for 9 % more bytes (about
    # 76 KB an image, which only a link's preview fetches).
    image.save(output, format="PNG", compress_level=1)
    return output.getvalue()


def laid_out(preview: Preview) -> tuple[Placed, ...]:
    """Every line the image shows, placed: what the tests measure, and what
    preview_png draws. Nothing is cut: the sizes step down, the title's
    first, until everything fits whole."""
    writer = _Writer(preview.language, preview.direction)
    width = SIZE[0] - 2 * _MARGIN
    footer = _footer(writer, preview, width)
    room = min(line.y for line in footer) - 16
    body: tuple[Placed, ...] = ()
    for body_step in range(len(_GRID_SIZES[3])):
        for title_size in (50, 44, 38, 34):
            title = writer.lines(preview.title, title_size, True, _INK, width, 0.0, _MARGIN - 8, "title")
            if len(title) > 2 and title_size > 34:
                continue
            top = _bottom(title) + 24
            if preview.figures:
                body = _figure_grid(writer, preview.figures, top, body_step)
            else:
                body = tuple(
                    writer.lines(preview.summary, (30, 27, 24, 22)[body_step], False, _INK, width, 0.0, top, "summary")
                )
            if _bottom(body) <= room:
                return (*title, *body, *footer)
    return (*title, *body, *footer)  # more than an image holds: the test of the real pages says so


def _footer(writer: _Writer, preview: Preview, width: float) -> tuple[Placed, ...]:
    """The source line, then the site's name and address, at the foot."""
    site = _site_line(writer, preview, width, SIZE[1] - _MARGIN - 22)
    source = writer.lines(preview.source_line, 20, False, _MUTED, width, 0.0, 0.0, "source")
    lift = site[0].y - 10 - _bottom(source)
    return (*(_moved(line, lift) for line in source), *site)


def _site_line(writer: _Writer, preview: Preview, width: float, y: float) -> tuple[Placed, ...]:
    """The site's name, then its address as its own left-to-right run: whole
    if it fits; the name is dropped before the address is cut at a separator."""
    size, separator = 22, " · "
    addresses = [preview.address, *_shorter_addresses(preview.address)] if preview.address else [""]
    # On the home page the title is the site's name: the address alone follows it.
    names = (preview.site, "") if preview.site != preview.title else ("",)
    for address in addresses:
        for name in names:
            gap = separator if name and address else ""
            if writer.length(name + gap, size, True) + writer.length(address, size, True, "ltr") <= width:
                return _name_and_address(writer, name + gap, address, size, y)
    return _name_and_address(writer, "", addresses[-1], size, y)


def _name_and_address(writer: _Writer, name: str, address: str, size: int, y: float) -> tuple[Placed, ...]:
    start = writer.x(0.0)
    placed = [Placed(name, start, y, size, True, _MARK, writer.direction, "site")] if name else []
    if address:
        after = writer.length(name, size, True)
        # The address's reading start is its left end, wherever the line starts.
        x = start + after if writer.direction == "ltr" else start - after - writer.length(address, size, True, "ltr")
        placed.append(Placed(address, x, y, size, True, _MARK, "ltr", "address"))
    return tuple(placed)


def _shorter_addresses(address: str) -> list[str]:
    """`address` cut at its separators: the host and the last part of the
    path ("host/…/last"), then the host alone."""
    host, _, path = address.partition("/")
    parts = [p for p in path.split("/") if p]
    shorter = [f"{host}/…/{parts[-1]}"] if len(parts) > 1 else []
    return shorter + [host] if path else shorter


# The sizes of a figure's value, label and period, by figures to a row, largest first.
# The period line carries who states the figure too: it stays legible when
# a feed shows the image at a third of its size.
_GRID_SIZES = {
    1: [(64, 32, 26), (54, 28, 24), (44, 26, 22), (40, 24, 21)],
    2: [(44, 24, 22), (40, 22, 21), (34, 20, 20), (30, 19, 19)],
    3: [(36, 21, 19), (32, 20, 18), (28, 18, 17), (26, 17, 15)],
}


def _figure_grid(writer: _Writer, figures: tuple[PreviewFigure, ...], top: float, step: int) -> tuple[Placed, ...]:
    """Up to six figures, two or three to a row: each value above its label
    and period, in the `step`th of the sizes."""
    figures = figures[:6]
    columns = 1 if len(figures) == 1 else 2 if len(figures) <= 4 else 3
    gap = 32
    width = (SIZE[0] - 2 * _MARGIN - gap * (columns - 1)) / columns
    value_size, label_size, period_size = _GRID_SIZES[columns][step]
    placed, y = [], top
    for row in range(0, len(figures), columns):
        row_bottom = y
        for column, figure in enumerate(figures[row : row + columns]):
            offset = column * (width + gap)
            cell = writer.lines(figure.value, value_size, True, _MARK, width, offset, y, "value")
            cell += writer.lines(figure.label, label_size, False, _INK, width, offset, _bottom(cell) + 4, "label")
            if figure.period:
                cell += writer.lines(
                    figure.period, period_size, False, _MUTED, width, offset, _bottom(cell) + 2, "period"
                )
            placed += cell
            row_bottom = max(row_bottom, _bottom(cell))
        y = row_bottom + 20
    return tuple(placed)


def _bottom(lines) -> float:
    return max(line.y + line.size * line.leading for line in lines)


def _moved(line: Placed, by: float) -> Placed:
    return dataclasses.replace(line, y=line.y + by)


_ARABIC = ("ar", "fa", "ur")


class _Writer:
    """Breaks text into lines from the reading start of the image."""

    def __init__(self, language: str, direction: str) -> None:
        self.language, self.direction = language, direction
        # Arabic's marks above and below the letters need more room between lines.
        self.leading = 1.45 if language in _ARABIC else 1.25

    def x(self, offset: float) -> float:
        return _MARGIN + offset if self.direction == "ltr" else SIZE[0] - _MARGIN - offset

    def length(self, text: str, size: int, bold: bool, direction: str | None = None) -> float:
        return _length(text, size, bold, direction or self.direction)

    def lines(
        self, words: str, size: int, bold: bool, fill, width: float, offset: float, y: float, role: str
    ) -> list[Placed]:
        """`words` wrapped to `width` from `offset` in from the reading start,
        the first line's top at `y`. Lines break at spaces only: a no-break
        space keeps a date or a number with its word."""
        lines: list[str] = []
        for word in words.split(" "):
            if lines and self.length(f"{lines[-1]} {word}", size, bold) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            elif word:
                lines.append(word)
        return [
            Placed(
                text, self.x(offset), y + i * size * self.leading, size, bold, fill, self.direction, role, self.leading
            )
            for i, text in enumerate(lines or [""])
        ]


# Both kept for the process: the layout measures the same words at each of
# the sizes it tries, and the same labels on several pages. Drawing the 30
# images of the real site takes 37 ms an image with both, 55 ms without
# this one, 68 ms without either (CPU, measured by building with an empty
# .cache/previews/). A few thousand short strings at most.
@functools.cache
def _length(text: str, size: int, bold: bool, direction: str) -> float:
    return _font(bold, size).getlength(_shaped(text, direction))


@functools.cache
def _shaped(text: str, direction: str) -> str:
    """`text` as the basic layout draws it: each Latin run isolated in a
    right-to-left line, then in display order, Arabic letters joined."""
    return display_order(isolated_runs(text, direction), direction)


# One process draws the images, one at a time (a FreeType face must not be
# used by two threads at once): each font is loaded once for the process.
@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    path = _FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
