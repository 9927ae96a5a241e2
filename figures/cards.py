"""A figure as a standalone card that other sites can embed (an SVG file at
a stable address, `SiteAddresses.card`), and the page that offers the cards
with ready-to-copy embed snippets.

A card carries what keeps a number from drifting once it travels: the
value with its qualifier, what is counted, the period, who says it, the
source and the address of the figure on this site.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .changes import latest_correction
from .drawing import (
    LEFT_TO_RIGHT_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    Drawing,
    Layout,
    Rect,
    Text,
    text_width,
)
from .html import Renderer, component
from .model import Figure
from .templating import render

CARD_WIDTH = 480
# Text sizes are set for the narrowest page that shows a card: at 390 px, a
# card is drawn about 356 px wide, and its smallest text (16.5) at 12 px.
_INDENT = 16  # the text starts past the coloured rule on the reading-start side
# Characters that would end or break a Markdown image's alternative text.
_MARKDOWN_ALT = re.compile(r"([\\\[\]])")
_LINE_BREAKS = re.compile(r"[ \t\r\n\f\v]+")


class CardRenderer(Renderer):
    def card_drawing(self, figure: Figure) -> Drawing:
        """The card of `figure` in this edition."""
        w, layout = self.words, Layout(CARD_WIDTH, self.direction, margin=14)
        width = layout.inner - _INDENT
        drawing = Drawing(
            f"card-{figure.id}",
            CARD_WIDTH,
            0,
            self.direction,
            self.language,
            self.card_title(figure),
            self.card_description(figure),
            metadata=self.card_metadata(figure),
        )

        def paragraph(words: str, y: float, kind: str, size: float, line: float, data_figure=None):
            lines, bottom = layout.paragraph(words, y, kind, size, line, width=width, data_figure=data_figure)
            drawing.add(*(Text(layout.x(_INDENT), t.y, t.text, t.kind, data_figure=t.data_figure) for t in lines))
            return bottom

        y = paragraph(self.shown(figure, with_unit=True), 46, "card__value", 34, 40, data_figure=figure.id)
        y = paragraph(figure.label(self.language), y + 30, "card__label", 19, 24)
        change = latest_correction(self.data, figure)
        if change:
            y = paragraph(
                self.words["corrected_on"].format(date=self.fmt.date(change.date)),
                y + 23,
                "card__fact",
                16.5,
                21,
                data_figure=f"{figure.id}:corrected",
            )
        y = paragraph(
            w["fact"].format(name=w["period"], value=self.period_words(figure.period)), y + 28, "card__fact", 16.5, 21
        )
        y = paragraph(w["fact"].format(name=w["stated_by"], value=self.who(figure)), y + 23, "card__fact", 16.5, 21)
        y = paragraph(self.source_line(), y + 28, "card__source", 16.5, 21)
        # An address reads left to right, in any edition; a long one is
        # broken after a "/", so that each line is a piece of it as written.
        for index, line in enumerate(address_lines(without_scheme(self.figure_url(figure.id)), width, 16.5)):
            y = paragraph(
                LEFT_TO_RIGHT_ISOLATE + line + POP_DIRECTIONAL_ISOLATE,
                y + (22 if index == 0 else 21),
                "card__address",
                16.5,
                21,
            )
        drawing.height = y + 18
        # The frame and the rule go under the text: first in the drawing.
        frame = drawing.add(
            Rect(0.5, 0.5, CARD_WIDTH - 1, drawing.height - 1, "drawing__frame"),
            Rect(layout.x(0, 5), 14, 5, drawing.height - 28, "card__rule"),
        )
        drawing.groups.remove(frame)
        drawing.groups.insert(0, frame)
        return drawing

    def card_metadata(self, figure: Figure) -> dict[str, str]:
        """The card's licence and the data's version, for its file's <metadata>."""
        release = self.data.release
        licence = release.content_licence
        rights = self.words["card_rights"].format(
            licence=licence.name, version=release.version, date=self.fmt.date(release.date)
        )
        return {
            "identifier": self.figure_url(figure.id),
            "date": release.date,
            "rights": rights,
            "licence_url": licence.url,
        }

    def card_title(self, figure: Figure) -> str:
        return self.words["label_and_value"].format(
            label=figure.label(self.language), value=self.shown(figure, with_unit=True)
        )

    def card_description(self, figure: Figure) -> str:
        """The card in words: the figure, its period, who states it, the source."""
        return " ".join((self.card_alt(figure, with_role=True), self.source_line() + "."))

    def card_alt(self, figure: Figure, with_role: bool = False) -> str:
        """What stands in for the card where it is embedded (an image's alt):
        the figure with its qualifier, its period and who states it."""
        point = self.words["chart_point"].format(
            label=figure.label(self.language),
            value=self.shown(figure, with_unit=True),
            period=self.period_words(figure.period),
        )
        return f"{point} {self.stated_by(figure, with_role)}"

    def stated_by(self, figure: Figure, with_role: bool = False) -> str:
        """Who states the figure, as a sentence: the speaker as the article reports him, or the article."""
        speaker = figure.quote.speaker
        if speaker is None:
            return self.words["card_who_article"]
        name = self.name_and_role(speaker) if with_role else speaker.name_in(self.language)
        return self.words["card_who"].format(speaker=name)

    def who(self, figure: Figure) -> str:
        speaker = figure.quote.speaker
        return self.name_and_role(speaker) if speaker else self.words["article_voice"]

    def card_files(self) -> dict[str, str]:
        """Every figure's card in this edition: site-relative address -> SVG."""
        return {
            self.addresses.card(f.id, self.language): str(self.card_drawing(f).svg(standalone=True))
            for f in self.data.figures.values()
        }

    @component
    def embeds(self) -> Markup:
        """Each figure's card, with Markdown and HTML snippets that embed it
        elsewhere, linked to the figure's row."""
        items = []
        for figure in self.data.figures.values():
            card = self.addresses.card(figure.id, self.language)
            drawing = self.card_drawing(figure)
            source, target, alt = self.addresses.absolute(card), self.figure_url(figure.id), self.card_alt(figure)
            markdown = f"[![{markdown_alt(alt)}]({source})]({target})"
            html = (
                f'<a href="{escape(target)}"><img src="{escape(source)}" alt="{escape(alt)}" '
                f'width="{CARD_WIDTH}" height="{drawing.height:.0f}"></a>'
            )
            items.append(
                {
                    "figure": figure,
                    "src": self.link(card),
                    "alt": alt,
                    "href": self.figure_href(figure.id),
                    "width": CARD_WIDTH,
                    "height": f"{drawing.height:.0f}",
                    "label": self.isolated(figure.label(self.language)),
                    "markdown": markdown,
                    "html": html,
                }
            )
        return render("embeds.html", items=items, words=self.display_words)


def markdown_alt(words: str) -> str:
    """`words` as a Markdown image's alternative text on one line: brackets
    and backslashes escaped, so the snippet stays one image. (No-break
    spaces stay: they are the text's typography, not line breaks.)"""
    return _MARKDOWN_ALT.sub(r"\\\1", _LINE_BREAKS.sub(" ", words).strip())


def address_lines(address: str, width: float, font_size: float) -> list[str]:
    """`address` in lines that fit `width`, broken only after a "/"."""
    lines: list[str] = []
    for piece in re.split(r"(?<=/)", address):
        if lines and text_width(lines[-1] + piece, font_size) <= width:
            lines[-1] += piece
        elif piece:
            lines.append(piece)
    return lines


def without_scheme(url: str) -> str:
    return re.sub(r"^https?://", "", url)
