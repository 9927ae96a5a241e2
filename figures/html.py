"""Small HTML components that show data from the data file, rendered from the
templates in figures/templates/ (escaping is the templates' job; see
templating.py).

Every element carries `data-figure` naming the record it shows, so readers'
tools and the tests can tell a number from the data file from one typed by
hand. Links stay in the reader's edition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter as _TemplateParser

from markupsafe import Markup

from .addresses import SiteAddresses
from .changes import latest_correction
from .citation import inferred_note, period_words
from .drawing import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE, isolated_runs
from .editions import Edition
from .formatting import NO_BREAK_SPACE, Formatter
from .model import Claim, Dataset, Figure, Period, Quote, Speaker
from .templating import inline, render, text

# A run of Latin script: letters (and $) with the digits, dots, apostrophes,
# hyphens and spaces between them ("Khaled Zerouali", "US$", "Al Qaida").
_LATIN_RUN = re.compile(r"([A-Za-z$](?:[A-Za-z0-9$.’'_\-]|\s(?=[A-Za-z0-9$]))*)")
_QUOTE_SLOT = re.compile(r"[^\s{}]?\{quote\}[^\s{}]?")  # "“{quote}”": the slot and its quotation marks
_SPACE_BEFORE_NUMBER = re.compile(r" \{number\}")


def component(method):
    """Mark a renderer method as a page component: a macro pages may call.
    The adapter exposes exactly these, so the list cannot drift."""
    method.is_component = True
    return method


@dataclass
class ShownOnPage:
    """What the page being rendered has shown so far, so that it says each
    thing once: a sentence shown as a block (later blocks point back to it),
    a speaker's name and title (later mentions give the name alone), and
    what a highlight in a quote means."""

    sentences: set[str] = field(default_factory=set)  # quote ids
    speakers: set[str] = field(default_factory=set)  # speaker ids
    highlight_legend: bool = False


class Renderer:
    """Renders records of one dataset in one edition, on one page. Each job's
    components are a renderer of their own (reference.py, charts.py,
    cards.py, corrections.py), built on this one's inline components."""

    def __init__(
        self,
        dataset: Dataset,
        edition: Edition,
        addresses: SiteAddresses,
        page_address: str,
        shown: ShownOnPage | None = None,
        site_name: str = "",
        issues_url: str | None = None,
    ) -> None:
        self.data = dataset
        self.edition = edition
        self.language = edition.language
        self.words = edition.words
        self.fmt = Formatter(edition)
        self.direction = edition.direction
        self.addresses = addresses
        self.page_address = page_address
        # What this page has shown so far; None: each thing in full every time.
        self.shown_on_page = shown
        # What the site generator knows of the site: its name in this edition
        # (citations name it), and its issue tracker's address, if given.
        self.site_name = site_name or addresses.base
        self.issues_url = issues_url

    # -- links ---------------------------------------------------------------

    def link(self, address: str) -> str:
        """A site-relative address as a link from this page."""
        return self.addresses.relative(address, self.page_address)

    def figure_href(self, figure_id: str) -> str:
        return self.link(self.addresses.figure(figure_id, self.language))

    def figure_url(self, figure_id: str) -> str:
        """The figure's row in this edition, as an absolute address to cite."""
        return self.addresses.absolute(self.addresses.figure(figure_id, self.language))

    # -- numbers -------------------------------------------------------------

    def shown(self, figure: Figure, with_unit: bool = False) -> str:
        """The value with its qualifier (and unit), as this edition writes it."""
        shown = self.fmt.qualified(figure.value, figure.qualifier, figure.currency)
        if with_unit and not figure.currency:
            return f"{shown}{NO_BREAK_SPACE}{figure.unit(self.language)}"
        return shown

    def value(self, figure: Figure, with_unit: bool = False) -> Markup:
        return inline().value(figure, self.isolated(self.shown(figure, with_unit)))

    def isolated(self, words: str) -> Markup:
        """`words` as text; in a right-to-left edition, each run of Latin
        script ("US$", "Khaled Zerouali") isolated left to right, so that
        the Arabic around it cannot reorder it ("$US")."""
        return isolated_html(words, self.direction)

    @component
    def figure(self, figure_id: str, with_unit: bool = False) -> Markup:
        """A figure in running text: its qualified value, linked to its
        reference row, with its quote and source as a tooltip."""
        figure = self.data.figure(figure_id)
        return render(
            "figure.html",
            figure=figure,
            href=self.figure_href(figure.id),
            tip=self.tooltip(figure.quote),
            value=self.value(figure, with_unit),
        )

    @component
    def figure_card(self, figure_id: str) -> Markup:
        """A figure as a block: value, label, period, speaker, quote, source."""
        figure = self.data.figure(figure_id)
        return render(
            "figure_card.html",
            figure=figure,
            words=self.display_words,
            tips=self.words,
            href=self.figure_href(figure.id),
            value=self.value(figure, with_unit=True),
            label=self.isolated(figure.label(self.language)),
            period=self.period(figure.period.id),
            speaker=self.speaker(figure.quote),
            quote=self._blockquote_once(figure.quote),
            corrected=self.corrected(figure),
        )

    def corrected(self, figure: Figure) -> Markup:
        """ "corrected on <date>", linked to the correction's entry in the
        log of changes; nothing for a figure never corrected."""
        change = latest_correction(self.data, figure)
        if change is None:
            return Markup("")
        href = self.link(self.addresses.page(self.addresses.corrections_page, self.language)) + "#" + change.anchor
        return render(
            "corrected.html",
            figure=figure,
            href=href,
            title=self.words["corrected_on_title"],
            words=self.fill(self.words["corrected_on"], date=self.date(change.date, f"change:{change.version}:date")),
        )

    def theme_link(self, theme_id: str) -> Markup:
        theme = self.data.theme(theme_id)
        return inline().theme_link(
            self.link(self.addresses.page(theme.page, self.language)), theme, theme.title(self.language)
        )

    # -- quotes and claims ---------------------------------------------------

    @component
    def claim(self, claim_id: str) -> Markup:
        """A claim's verbatim excerpt in running text, in quotation marks;
        in another language than the source's, followed by our translation."""
        claim = self.data.claim(claim_id)
        translation = (
            self.fill(
                self.words["our_translation_inline"], text=self.isolated(claim.excerpt_translation(self.language))
            )
            if self.translating
            else None
        )
        return render(
            "claim.html",
            claim=claim,
            tip=self.tooltip(claim.quote),
            quoted=self.quoted(inline().source_words(self.data.source.language, claim.excerpt)),
            translation=translation,
        )

    @component
    def claim_card(self, claim_id: str) -> Markup:
        """A claim as a block: its whole sentence, the claim's words marked."""
        claim = self.data.claim(claim_id)
        return self._blockquote_once(claim.quote, with_speaker=True, claim=claim)

    @property
    def translating(self) -> bool:
        """True when pages are in another language than the quotes."""
        return self.language != self.data.source.language

    def fill(self, template: str, **parts: Markup) -> Markup:
        """`fill`, with our words' Latin runs isolated in a right-to-left edition."""
        return fill(template, self.isolated, **parts)

    @property
    def display_words(self) -> Mapping:
        """Our words as the templates show them, Latin runs isolated."""
        return DisplayWords(self.edition)

    def _our_translation(self, translated: Markup) -> Markup:
        return self.fill(self.words["our_translation"], text=translated)

    def _blockquote_once(self, quote: Quote, with_speaker: bool = False, claim: Claim | None = None) -> Markup:
        """The sentence as a block the first time the page shows it; after
        that, the claim's own words (if any) and a pointer to the sentence above."""
        shown = self.shown_on_page
        if shown is None or quote.id not in shown.sentences:
            if shown is not None:
                shown.sentences.add(quote.id)
            return self._blockquote(quote, with_speaker, claim)
        return render(
            "quoted_above.html",
            data_id=f"claim:{claim.id}" if claim else f"quote:{quote.id}",
            claim=self.claim(claim.id) if claim else None,
            note=self.isolated(self.words["quoted_above" if claim else "sentence_above"]),
        )

    def _blockquote(self, quote: Quote, with_speaker: bool = False, claim: Claim | None = None) -> Markup:
        translation = None
        if self.translating:
            translation = self._our_translation(
                _marked(
                    quote.translation(self.language),
                    claim.excerpt_translation(self.language) if claim else None,
                    self.isolated,
                )
            )
        # The sentences are the article's own, reporting what a speaker said.
        # The caption starts with who states them: a capital, as a sentence has.
        if quote.speaker is not None:
            by = self.fill(self.words["reporting"], speaker=self.speaker(quote))
        else:
            by = inline().speaker("article", self.isolated(_sentence_start(self.words["article_voice"])))
        caption = [by] if with_speaker else []
        caption.append(self.quote_source(quote))
        sentence = _marked(quote.text, claim.excerpt if claim else None)
        return render(
            "quote.html",
            data_id=f"claim:{claim.id}" if claim else f"quote:{quote.id}",
            source_language=self.data.source.language,
            language=self.language,
            sentence=self.quoted(sentence),
            translation=translation,
            caption=Markup(" — ").join(caption),
            legend=self._highlight_legend() if "<mark>" in sentence else None,
        )

    def _highlight_legend(self) -> Markup | None:
        """What a highlight in a quote means, said once per page: at the first one."""
        if self.shown_on_page is not None:
            if self.shown_on_page.highlight_legend:
                return None
            self.shown_on_page.highlight_legend = True
        return self.isolated(self.words["highlight_legend"])

    # -- people, dates, periods, source --------------------------------------

    def speaker(self, quote: Quote, once_per_page: bool = True) -> Markup:
        """Who states `quote`: the speaker's name and title the first time
        the page gives them, the name alone after that (`once_per_page`);
        a table's row, read on its own, passes False and always has both."""
        if quote.speaker is None:
            return inline().speaker("article", self.isolated(self.words["article_voice"]))
        with_role = self._introduces(quote.speaker) if once_per_page else True
        return inline().speaker(
            quote.speaker.id,
            self.isolated(self.name_and_role(quote.speaker) if with_role else quote.speaker.name_in(self.language)),
        )

    @component
    def person(self, speaker_id: str, with_role: bool = False) -> Markup:
        """A speaker's name (and title) in running text."""
        speaker = self.data.speaker(speaker_id)
        if with_role:
            self._introduces(speaker)
        return inline().speaker(
            speaker.id, self.isolated(self.name_and_role(speaker) if with_role else speaker.name_in(self.language))
        )

    def _introduces(self, speaker: Speaker) -> bool:
        """True if the page has not yet given `speaker`'s name and title
        (it has from now on)."""
        if self.shown_on_page is None:
            return True
        first = speaker.id not in self.shown_on_page.speakers
        self.shown_on_page.speakers.add(speaker.id)
        return first

    def date(self, iso: str, data_id: str) -> Markup:
        return inline().date(iso, data_id, self.fmt.date(iso))

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

    def period(self, period_id: str) -> Markup:
        """The span a figure covers, the source's words for it, and what we inferred."""
        return self._period(self.data.period(period_id))

    def _period(self, period: Period) -> Markup:
        w = self.words
        if period.recurrence:
            span = self.isolated(w["yearly"])
        elif period.start:
            span = self.fill(w["span"], start=self.period_start(period.id), end=self.period_end(period.id))
        else:
            span = self.fill(w["until"], end=self.period_end(period.id))
        # <bdi>: the source's English words keep their order inside Arabic text.
        quoted = self.quoted(inline().source_words(self.data.source.language, period.wording))
        if self.translating:
            quoted = self.fill(
                w["with_translation"],
                words=quoted,
                translation=self.quoted(self.isolated(period.wording_translation(self.language))),
            )
        notes = [self.fill(w["source_wording"], wording=quoted)]
        inferred = inferred_note(period)
        if inferred:
            notes.append(self.isolated(w[inferred]))
        return render("period.html", period=period, span=span, notes=Markup(text(w["separator"])).join(notes))

    @component
    def title(self) -> Markup:
        return inline().title(self.quoted(inline().source_words(self.data.source.language, self.data.source.title)))

    def quoted(self, words: Markup) -> Markup:
        """The source's `words` (rendered) in this edition's quotation marks:
        one kind of mark per edition, in text, cards and charts alike."""
        return fill(self.words["quoted"], text=words)

    @component
    def citation(self) -> Markup:
        """A short citation of the source, saying what it does not state."""
        return render(
            "citation.html",
            filled=self.fill(
                self.words["citation"],
                title=self.title(),
                kind=inline().source_kind(self.data.source.kind(self.language)),
                date=self.published(),
                not_stated=self.isolated(self.words["not_stated"]),
            ),
        )

    def quote_source(self, quote: Quote) -> Markup:
        """Where a quote stands: title, date and paragraph of the source. The
        word before the paragraph's number stays on its line ("paragraph 3")."""
        number = inline().paragraph(quote.id, self.fmt.number(quote.paragraph))
        template = _SPACE_BEFORE_NUMBER.sub(NO_BREAK_SPACE + "{number}", self.words["quote_source"])
        return self.fill(template, title=self.title(), date=self.published(), number=number)

    def tooltip(self, quote: Quote) -> str:
        """Plain text for a `title` attribute: quote, speaker, source."""
        source = self.data.source
        # The sentence is the article's: a speaker is the one it reports, not
        # the one quoted. "unattributed" reads well inside the tooltip's
        # parentheses ("article_voice" has its own).
        if quote.speaker:
            who = self.words["reporting_in_tooltip"].format(speaker=self.name_and_role(quote.speaker))
        else:
            who = self.words["unattributed"]
        template, title = self.words["tooltip"], self.words["quoted"].format(text=source.title)
        if self.direction == "rtl":
            # The source's sentence, with its quotation marks, and its title read
            # left to right as wholes: Latin runs isolated one by one would be
            # set in right-to-left order, with the commas between them.
            template = _QUOTE_SLOT.sub(lambda m: LEFT_TO_RIGHT_ISOLATE + m.group() + POP_DIRECTIONAL_ISOLATE, template)
            title, who = LEFT_TO_RIGHT_ISOLATE + title + POP_DIRECTIONAL_ISOLATE, isolated_runs(who, self.direction)
        where = self.words["tooltip_source"].format(title=title, date=self.fmt.date(source.date_published))
        tip = template.format(quote=quote.text, who=who, source=where)
        if self.translating:
            tip += self.words["translation_in_tooltip"].format(text=quote.translation(self.language))
        return tip

    def name_and_role(self, speaker: Speaker) -> str:
        return self.words["name_and_role"].format(name=speaker.name_in(self.language), role=speaker.role(self.language))

    def source_line(self) -> str:
        """ "Source: “<title>”, <date>", as plain text for images."""
        source = self.data.source
        return self.words["source_line"].format(
            title=self.words["quoted"].format(text=source.title), date=self.fmt.date(source.date_published)
        )

    def period_words(self, period: Period) -> str:
        """A period in a few words, as plain text (charts, cards, images); inferred
        dates say so (figures/citation.py)."""
        return period_words(period, self.edition)

    def _not_stated(self) -> Markup:
        return inline().not_stated(self.words["not_stated"])


def _sentence_start(words: str) -> str:
    """`words` as the start of a sentence: the first letter a capital."""
    return words[:1].upper() + words[1:]


def isolated_html(words: str, direction: str) -> Markup:
    """`words` as HTML text, Latin runs in <bdi dir="ltr"> in a right-to-left edition."""
    if direction != "rtl":
        return text(words)
    return Markup("").join(
        inline().latin(part) if index % 2 else text(part) for index, part in enumerate(_LATIN_RUN.split(words))
    )


class DisplayWords(Mapping):
    """An edition's words as HTML, each isolated when a template reads it: a
    template reads a few of the edition's hundred words (isolating them all
    for each card took 7 % of a build at 1,000 figures)."""

    def __init__(self, edition: Edition) -> None:
        self._words, self._direction = edition.words, edition.direction

    def __getitem__(self, key: str):
        value = self._words[key]
        return isolated_html(value, self._direction) if isinstance(value, str) else value

    def __iter__(self):
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def fill(template: str, as_text=text, **parts: Markup) -> Markup:
    """Our words from `template`, made safe by `as_text`, with rendered
    `parts` in its {slots}."""
    pieces = []
    for literal, slot, _, _ in _TemplateParser().parse(template):
        pieces.append(as_text(literal))
        if slot is not None:
            pieces.append(Markup(parts[slot]))
    return Markup("").join(pieces)


def _marked(sentence: str, words: str | None, as_text=text) -> Markup:
    """`sentence` made safe by `as_text`, with `words` in it highlighted."""
    if not words or words not in sentence:
        return as_text(sentence)
    before, _, after = sentence.partition(words)
    return as_text(before) + inline().marked(as_text(words)) + as_text(after)
