"""Small HTML components that show data from the data file.

Every element carries `data-figure` naming the record it shows, so readers'
tools and the tests can tell a number from the data file from one typed by
hand. All data is escaped twice over: for HTML, and for Markdown, because
MkDocs still runs Markdown on the text between inline tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from string import Formatter as _TemplateParser

from markupsafe import Markup, escape

from .formatting import Formatter
from .messages import MESSAGES
from .model import Claim, Dataset, Figure, Period, Quote

# Characters that Markdown (with the extensions in mkdocs.yml) would read as
# markup. As numeric entities they display unchanged and mean nothing.
_MARKDOWN_SPECIALS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^="}


def component(method):
    """Mark a renderer method as a page component: a macro pages may call.
    The adapter exposes exactly these, so the list cannot drift."""
    method.is_component = True
    return method


_MARKDOWN_ENTITIES = str.maketrans(_MARKDOWN_SPECIALS)
_HTML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def text(value: object) -> Markup:
    """`value` as inert text inside HTML inside Markdown."""
    return Markup(str(escape(value)).translate(_MARKDOWN_ENTITIES))


def tooltip(value: object) -> Markup:
    """`value` for a `title` attribute that Material shows as a tooltip.

    Material's tooltips insert the attribute's decoded value as HTML
    (innerHTML), so the text is escaped once for that, then again for the
    attribute: the tooltip then shows the text, and runs nothing."""
    return text(str(value).translate(_HTML_TEXT))


@dataclass(frozen=True)
class Links:
    """Addresses supplied by the site generator, relative to the page being
    rendered unless said otherwise: `figure(id)` is the figure's row in the
    reference table, `page(path)` a page by its source path ("enforcement.md")."""

    figure: Callable[[str], str]
    page: Callable[[str], str]
    file: Callable[[str], str]             # a file at the site root, e.g. "figures.csv"
    absolute_figure: Callable[[str], str]  # the figure's row, as an absolute URL


class Renderer:
    """Renders records of one dataset for one site language on one page."""

    def __init__(self, dataset: Dataset, language: str, links: Links) -> None:
        self.data = dataset
        self.language = language
        self.fmt = Formatter(language)
        self.words = MESSAGES[language]
        self.links = links
        self.direction = self.fmt.direction

    # -- numbers -----------------------------------------------------------

    def value(self, figure: Figure, with_unit: bool = False) -> Markup:
        shown = self.fmt.qualified(figure.value, figure.qualifier, figure.currency)
        if with_unit and not figure.currency:
            shown = f"{shown} {figure.unit(self.language)}"
        return Markup('<data value="{}">{}</data>').format(figure.value, text(shown))

    @component
    def figure(self, figure_id: str, with_unit: bool = False) -> Markup:
        """A figure in running text: its qualified value, linked to its
        reference row, with its quote and source as a tooltip."""
        figure = self.data.figure(figure_id)
        return Markup('<a class="fig" href="{}" data-figure="{}" title="{}">{}</a>').format(
            text(self.links.figure(figure.id)), figure.id, tooltip(self.tooltip(figure.quote)),
            self.value(figure, with_unit))

    @component
    def figure_card(self, figure_id: str) -> Markup:
        """A figure as a block: value, label, period, speaker, quote, source."""
        figure = self.data.figure(figure_id)
        w = self.words
        return Markup(
            '<figure class="fig-card" data-figure="{id}">'
            '<p class="fig-card__value"><a href="{href}" title="{link_title}">{value}</a></p>'
            '<p class="fig-card__label" data-figure="{id}:label">{label}</p>'
            '<dl class="fig-card__facts" data-search-exclude>'
            "<div><dt>{t_period}</dt><dd>{period}</dd></div>"
            "<div><dt>{t_said}</dt><dd>{speaker}</dd></div>"
            "</dl>"
            "{quote}"
            "</figure>"
        ).format(
            id=figure.id, href=text(self.links.figure(figure.id)),
            link_title=tooltip(w["figure_link"]), value=self.value(figure, with_unit=True),
            label=text(figure.label(self.language)),
            t_period=w["period"], period=self.period(figure.period.id),
            t_said=w["stated_by"], speaker=self.speaker(figure.quote),
            quote=self._blockquote(figure.quote),
        )

    @component
    def theme_link(self, theme_id: str) -> Markup:
        theme = self.data.theme(theme_id)
        return Markup('<a href="{}" data-figure="theme:{}">{}</a>').format(
            text(self.links.page(theme.page)), theme.id, text(theme.title(self.language)))

    # -- quotes and claims -------------------------------------------------

    @component
    def quote(self, quote_id: str) -> Markup:
        """A verbatim sentence of the source as a block, with attribution."""
        return self._blockquote(self.data.quote(quote_id), with_speaker=True)

    @component
    def claim(self, claim_id: str) -> Markup:
        """A claim's verbatim excerpt in running text, in quotation marks;
        in another language than the source's, followed by our translation."""
        claim = self.data.claim(claim_id)
        quoted = Markup('<q lang="{}">{}</q>').format(self.data.source.language, text(claim.excerpt))
        if self.translating:
            quoted += Markup(' <span class="translation">({})</span>').format(
                self._our_translation(claim.excerpt_translation(self.language)))
        return Markup('<span class="claim" data-figure="claim:{}" title="{}">{}</span>').format(
            claim.id, tooltip(self.tooltip(claim.quote)), quoted)

    @component
    def claim_card(self, claim_id: str) -> Markup:
        """A claim as a block: its whole sentence, the claim's words marked."""
        claim = self.data.claim(claim_id)
        return self._blockquote(claim.quote, with_speaker=True, claim=claim)

    @property
    def translating(self) -> bool:
        """True when pages are in another language than the quotes."""
        return self.language != self.data.source.language

    def _our_translation(self, translated: Markup | str) -> Markup:
        return _fill(self.words["our_translation"], text=translated if isinstance(translated, Markup)
                     else text(translated))

    def _blockquote(self, quote: Quote, with_speaker: bool = False, claim: Claim | None = None) -> Markup:
        sentence = _marked(quote.text, claim.excerpt if claim else None)
        translation = Markup("")
        if self.translating:
            translated = _marked(quote.translation(self.language),
                                 claim.excerpt_translation(self.language) if claim else None)
            translation = Markup('<p class="quote__translation" lang="{}">{}</p>').format(
                self.language, self._our_translation(translated))
        caption = [self.speaker(quote)] if with_speaker else []
        caption.append(self.quote_source(quote))
        data_id = f"claim:{claim.id}" if claim else f"quote:{quote.id}"
        return Markup(
            '<figure class="quote" data-figure="{}">'
            '<blockquote lang="{}" dir="ltr"><p>“{}”</p></blockquote>{}'
            "<figcaption>{}</figcaption></figure>"
        ).format(data_id, self.data.source.language, sentence, translation, Markup(" — ").join(caption))

    # -- people, dates, periods, source ------------------------------------

    def speaker(self, quote: Quote) -> Markup:
        if quote.speaker is None:
            return Markup('<span data-figure="speaker:article">{}</span>').format(
                text(self.words["article_voice"]))
        return Markup('<span data-figure="speaker:{}">{}</span>').format(
            quote.speaker.id, text(self._name_and_role(quote.speaker)))

    @component
    def person(self, speaker_id: str, with_role: bool = False) -> Markup:
        """A speaker's name (and title) in running text."""
        speaker = self.data.speaker(speaker_id)
        shown = self._name_and_role(speaker) if with_role else speaker.name
        return Markup('<span data-figure="speaker:{}">{}</span>').format(speaker.id, text(shown))

    def date(self, iso: str, data_id: str) -> Markup:
        return Markup('<time datetime="{}" data-figure="{}">{}</time>').format(
            iso, data_id, text(self.fmt.date(iso)))

    @component
    def published(self) -> Markup:
        return self.date(self.data.source.date_published, "source:date_published")

    @component
    def period_start(self, period_id: str) -> Markup:
        period = self.data.period(period_id)
        return self.date(period.start, f"period:{period.id}:start") if period.start else self._not_stated()

    @component
    def period_end(self, period_id: str) -> Markup:
        period = self.data.period(period_id)
        return self.date(period.end, f"period:{period.id}:end") if period.end else self._not_stated()

    @component
    def period(self, period_id: str) -> Markup:
        """The span a figure covers, the source's words for it, and what we inferred."""
        period = self.data.period(period_id)
        w = self.words
        if period.recurrence:
            span = text(w["yearly"])
        elif period.start:
            span = _fill(w["span"], start=self.period_start(period.id), end=self.period_end(period.id))
        else:
            span = _fill(w["until"], end=self.period_end(period.id))
        # <bdi>: the source's English words keep their order inside Arabic text.
        wording = Markup('<bdi lang="{}">{}</bdi>').format(self.data.source.language, text(period.wording))
        notes = [_fill(w["source_wording"], wording=wording)]
        inferred = _inferred_note(period)
        if inferred:
            notes.append(text(w[inferred]))
        return Markup('<span class="period" data-figure="period:{}">{} ({})</span>').format(
            period.id, span, Markup(text(w["separator"])).join(notes))

    @component
    def title(self) -> Markup:
        return Markup('<cite data-figure="source:title"><bdi lang="{}">“{}”</bdi></cite>').format(
            self.data.source.language, text(self.data.source.title))

    @component
    def citation(self) -> Markup:
        """A short citation of the source, saying what it does not state."""
        source = self.data.source
        return Markup('<span class="citation">{}</span>').format(_fill(
            self.words["citation"], title=self.title(),
            kind=Markup('<span data-figure="source:kind">{}</span>').format(text(source.kind(self.language))),
            date=self.published(), not_stated=text(self.words["not_stated"])))

    def quote_source(self, quote: Quote) -> Markup:
        """Where a quote stands: title, date and paragraph of the source."""
        number = Markup('<span data-figure="quote:{}:paragraph">{}</span>').format(
            quote.id, text(self.fmt.number(quote.paragraph)))
        return _fill(self.words["quote_source"], title=self.title(), date=self.published(), number=number)

    def tooltip(self, quote: Quote) -> str:
        """Plain text for a `title` attribute: quote, speaker, source."""
        source = self.data.source
        who = self._name_and_role(quote.speaker) if quote.speaker else self.words["article_voice"]
        tip = self.words["tooltip"].format(
            quote=quote.text, who=who,
            source=f"{source.title}, {self.fmt.date(source.date_published)}")
        if self.translating:
            tip += self.words["translation_in_tooltip"].format(text=quote.translation(self.language))
        return tip

    def _name_and_role(self, speaker) -> str:
        return self.words["name_and_role"].format(name=speaker.name, role=speaker.role(self.language))

    def _not_stated(self) -> Markup:
        return Markup('<span class="not-stated">{}</span>').format(text(self.words["not_stated"]))


def _inferred_note(period: Period) -> str | None:
    if {"start", "end"} <= period.inferred:
        return "inferred_both"
    if "start" in period.inferred:
        return "inferred_start"
    if "end" in period.inferred:
        return "inferred_end"
    return None


def _fill(template: str, **parts: Markup) -> Markup:
    """Our words from `template`, escaped, with rendered `parts` in its {slots}."""
    pieces = []
    for literal, slot, _, _ in _TemplateParser().parse(template):
        pieces.append(text(literal))
        if slot is not None:
            pieces.append(Markup(parts[slot]))
    return Markup("").join(pieces)


def _marked(sentence: str, words: str | None) -> Markup:
    """`sentence` as text, with `words` in it highlighted."""
    escaped = text(sentence)
    if not words:
        return escaped
    marked = Markup("<mark>{}</mark>").format(text(words))
    return Markup(str(escaped).replace(str(text(words)), str(marked), 1))
