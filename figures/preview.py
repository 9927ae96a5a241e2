"""The preview image of a page (1200×630 PNG), shown where a link to it is
pasted: a chat, a social post. It carries the page's title, its figures with
their qualifiers, and the source, so that a figure shared as a link keeps
its context.

Text is laid out by Pillow with libraqm (HarfBuzz shaping, FriBiDi
ordering), so Arabic is joined and runs right to left. The fonts are kept in
figures/fonts/ (DejaVu Sans, under its licence there): with the same fonts
and no metadata in the file, two builds write identical bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .drawing import isolated_runs

# Pillow is imported where an image is drawn: most builds find every image
# in the cache (adapter/preview_cache.py) and need not load it (0.1 s).
if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

SIZE = (1200, 630)
_MARGIN = 64
_FONTS = Path(__file__).parent / "fonts"
_INK, _MUTED, _MARK, _PAPER = (31, 31, 31), (85, 85, 85), (0, 105, 92), (255, 255, 255)


@dataclass(frozen=True)
class PreviewFigure:
    value: str   # with its qualifier and unit: "more than 23,000 people"
    label: str


@dataclass(frozen=True)
class Preview:
    title: str
    figures: tuple[PreviewFigure, ...]
    summary: str          # shown instead of figures on a page that has none
    source_line: str      # "Source: “…”, 16 November 2017"
    site: str             # the site's name and address
    language: str
    direction: str


def preview_png(preview: Preview) -> bytes:
    """The image, as PNG bytes."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", SIZE, _PAPER)
    draw = ImageDraw.Draw(image)
    writer = _Writer(draw, preview.language, preview.direction)
    # A band on the reading-start side, in the site's colour.
    band = (0, 0, 14, SIZE[1]) if preview.direction == "ltr" else (SIZE[0] - 14, 0, SIZE[0], SIZE[1])
    draw.rectangle(band, fill=_MARK)

    y = writer.paragraph(preview.title, _MARGIN - 8, _font(True, 50), _INK, SIZE[0] - 2 * _MARGIN, most_lines=2)
    footer_top = SIZE[1] - _MARGIN - 74
    if preview.figures:
        _figure_grid(writer, preview.figures, y + 28, footer_top - 12)
    else:
        writer.paragraph(preview.summary, y + 28, _font(False, 30), _INK, SIZE[0] - 2 * _MARGIN, most_lines=4)
    writer.paragraph(preview.source_line, footer_top, _font(False, 22), _MUTED, SIZE[0] - 2 * _MARGIN,
                     most_lines=2)
    writer.paragraph(preview.site, SIZE[1] - _MARGIN - 16, _font(True, 22), _MARK, SIZE[0] - 2 * _MARGIN,
                     most_lines=1)
    output = io.BytesIO()
    # zlib's default level: "optimize" would save 4% of the bytes for 2.5 times the time.
    image.save(output, format="PNG")
    return output.getvalue()


def _figure_grid(writer: _Writer, figures: tuple[PreviewFigure, ...], top: float, bottom: float) -> None:
    """Up to six figures, two or three to a row, each value above its label."""
    figures = figures[:6]
    columns = 1 if len(figures) == 1 else 2 if len(figures) <= 4 else 3
    rows = -(-len(figures) // columns)
    gap = 32
    width = (SIZE[0] - 2 * _MARGIN - gap * (columns - 1)) / columns
    height = (bottom - top) / rows
    value_size, label_size = {1: (64, 32), 2: (44, 24), 3: (36, 21)}[columns]
    for index, figure in enumerate(figures):
        row, column = divmod(index, columns)
        offset = column * (width + gap)
        y = top + row * height
        y = writer.paragraph(figure.value, y, _font(True, value_size), _MARK, width, most_lines=2, offset=offset)
        most = max(1, int((top + (row + 1) * height - y - 8) // (label_size * 1.25)))
        writer.paragraph(figure.label, y + 6, _font(False, label_size), _INK, width, most_lines=min(most, 3),
                         offset=offset)


class _Writer:
    """Writes wrapped lines from the reading start of the image."""

    def __init__(self, draw: ImageDraw.ImageDraw, language: str, direction: str) -> None:
        self.draw, self.language, self.direction = draw, language, direction

    def paragraph(self, words: str, y: float, font: ImageFont.FreeTypeFont, fill, width: float,
                  most_lines: int, offset: float = 0.0) -> float:
        """`words` wrapped to `width` from `offset` in from the reading start,
        top at `y`, in at most `most_lines` lines (the last one shortened with
        "…" if need be). Returns the y below the last line."""
        lines = self._lines(words, font, width, most_lines + 1)
        if len(lines) > most_lines:
            lines = lines[:most_lines]
            lines[-1] = self._shortened(lines[-1], font, width)
        line_height = font.size * 1.25
        for line in lines:
            x = _MARGIN + offset if self.direction == "ltr" else SIZE[0] - _MARGIN - offset
            self.draw.text((x, y), isolated_runs(line, self.direction), font=font, fill=fill,
                           anchor="la" if self.direction == "ltr" else "ra",
                           direction=self.direction, language=self.language)
            y += line_height
        return y

    def _length(self, text: str, font: ImageFont.FreeTypeFont) -> float:
        return font.getlength(isolated_runs(text, self.direction), direction=self.direction, language=self.language)

    def _lines(self, words: str, font: ImageFont.FreeTypeFont, width: float, most: int) -> list[str]:
        """Greedy line breaking, stopping once there are `most` lines."""
        lines: list[str] = []
        for word in words.split():
            if lines and self._length(f"{lines[-1]} {word}", font) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            elif len(lines) == most:
                break
            else:
                lines.append(word)
        return lines or [""]

    def _shortened(self, line: str, font: ImageFont.FreeTypeFont, width: float) -> str:
        """`line` with "…" at its end, dropping words until it fits (a
        single word too long for the line is left to overflow)."""
        words = line.split()
        while len(words) > 1 and self._length(" ".join(words) + " …", font) > width:
            words.pop()
        return " ".join(words) + " …"


_font_cache: dict[tuple[bool, int], ImageFont.FreeTypeFont] = {}


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont
    key = (bold, size)
    if key not in _font_cache:
        path = _FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
        _font_cache[key] = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)
    return _font_cache[key]
