"""Charts drawn from the data as inline SVG at build time: no JavaScript,
nothing fetched. Each chart is an accessible image (role="img", a title and
a description that state the values) followed by the same data as a table.

Geometry is in a 360-unit-wide viewBox, about the width of a phone, so text
stays readable at 390 px and scales up on wider screens. Colours come from
CSS classes (docs/assets/site.css), so light, dark and print modes apply.
"""

from __future__ import annotations

import datetime as dt

from babel.lists import format_list

from markupsafe import Markup

from .html import Renderer, component
from .templating import text
from .model import Figure, Period

WIDTH = 360
PEOPLE_UNITS = frozenset({"people", "attempts"})  # figures that count people or their attempts


class ChartRenderer(Renderer):

    # -- the people-counting figures -----------------------------------------

    @component
    def people_chart(self) -> Markup:
        """Horizontal bars for the figures that count people, on one scale,
        each with its qualifier and period."""
        figures = [f for f in self.data.figures.values() if f.unit("en") in PEOPLE_UNITS and not f.currency]
        if not figures:
            return Markup("")
        top = max(f.value for f in figures) or 1  # all zero: every bar is its minimum
        bar_room = 230  # the rest of the width holds the value's text
        row, rows = 66, []
        for index, figure in enumerate(figures):
            y = 8 + index * row
            length = max(2.0, bar_room * figure.value / top)
            rows.append(Markup(
                '<g data-figure="{id}">'
                '<text class="chart__label" x="{lx}" y="{ly}" text-anchor="{start}">{label}</text>'
                '<rect class="chart__bar chart__bar--{q}" x="{bx}" y="{by}" width="{w:.1f}" height="18"/>'
                "{more}"
                '<text class="chart__value" x="{vx:.1f}" y="{vy}" text-anchor="{start}">{value}</text>'
                '<text class="chart__note" x="{lx}" y="{py}" text-anchor="{start}">{period}</text>'
                "</g>"
            ).format(
                id=figure.id, lx=self._x(0), ly=y + 12, start="start",
                label=text(figure.label(self.language)), q=figure.qualifier,
                bx=self._x(0, length), by=y + 18, w=length,
                more=self._more_than_marker(figure, length, y + 18),
                vx=self._x(length + (14 if figure.qualifier == "more-than" else 6)), vy=y + 32,
                value=text(self.fmt.qualified(figure.value, figure.qualifier, figure.currency)),
                py=y + 52, period=text(self._period_words(figure.period)),
            ))
        height = 8 + len(figures) * row
        return self._figure(
            "people", height, Markup("").join(rows),
            title=self.words["chart_people_title"],
            description=" ".join(self._describe(f) for f in figures) + " " + self.words["chart_people_caveat"],
            table=self._table(figures),
        )

    def _more_than_marker(self, figure: Figure, length: float, y: int) -> Markup:
        """An open chevron past the bar's end: the true value lies further on."""
        if figure.qualifier != "more-than":
            return Markup("")
        tip, base = self._x(length + 9), self._x(length + 2)
        return Markup('<path class="chart__more" d="M{b:.1f} {y0} L{t:.1f} {ym} L{b:.1f} {y1}"/>').format(
            b=base, t=tip, y0=y + 2, ym=y + 9, y1=y + 16)

    # -- the periods ----------------------------------------------------------

    @component
    def timeline_chart(self) -> Markup:
        """The spans the figures cover, on one time axis from the earliest
        stated start to the article's date."""
        spans = [p for p in self.data.periods.values() if p.end and not p.recurrence
                 and any(f.period is p for f in self.data.figures.values())]
        spans.sort(key=lambda p: (p.start is None, p.start or ""))
        if not spans:
            return Markup("")
        latest = max(spans, key=lambda p: _as_date(p.end))
        earliest = min((p for p in spans if p.start), key=lambda p: _as_date(p.start), default=latest)
        first, last = _as_date(earliest.start or earliest.end), _as_date(latest.end)
        left, right = 6, WIDTH - 6
        days = max((last - first).days, 1)  # one day at least: a single date still has a width

        def x_of(day: dt.date) -> float:
            return left + (right - left) * (day - first).days / days

        rows, y = [], 8
        for period in spans:
            figures = [f for f in self.data.figures.values() if f.period is period]
            if not figures:
                continue
            lines = [f"{f.label(self.language)}: {self.fmt.qualified(f.value, f.qualifier, f.currency)}"
                     for f in figures]
            labels = Markup("").join(
                Markup('<text class="chart__label" x="{}" y="{}" text-anchor="{}" data-figure="{}">{}</text>')
                .format(self._x(0), y + 12 + 16 * i, "start", f.id, text(line))
                for i, (f, line) in enumerate(zip(figures, lines, strict=True)))
            y += 16 * len(lines) + 4
            start = x_of(_as_date(period.start)) if period.start else left
            bar_class = "chart__span" if period.start else "chart__span chart__span--open"
            x0, x1 = sorted((self._x(start), self._x(x_of(_as_date(period.end)))))
            rows.append(Markup(
                '<g data-figure="period:{id}">{labels}'
                '<rect class="{cls}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="14"/>'
                '<text class="chart__note" x="{nx}" y="{ny}" text-anchor="{start}">{note}</text></g>'
            ).format(id=period.id, labels=labels, cls=bar_class, x=x0, y=y, w=max(x1 - x0, 2.0),
                     nx=self._x(0), ny=y + 30, start="start",
                     note=text(self._period_words(period))))
            y += 44
        axis = Markup(
            '<line class="chart__axis" x1="{l}" y1="{y}" x2="{r}" y2="{y}"/>'
            '<text class="chart__note" x="{sx}" y="{ty}" text-anchor="{sa}" data-figure="period:{sid}:start">{s}</text>'
            '<text class="chart__note" x="{ex}" y="{ty}" text-anchor="{ea}" data-figure="period:{eid}:end">{e}</text>'
        ).format(l=left, r=right, y=y, sx=self._x(left), ex=self._x(right), ty=y + 16,
                 sa="start", ea="end",
                 sid=earliest.id, s=text(self.fmt.date(earliest.start or earliest.end)),
                 eid=latest.id, e=text(self.fmt.date(latest.end)))
        figures = [f for p in spans for f in self.data.figures.values() if f.period is p]
        return self._figure(
            "timeline", y + 24, Markup("").join(rows) + axis,
            title=self.words["chart_timeline_title"],
            description=" ".join(self._describe(f) for f in figures) + " " + self._timeline_caveat(),
            table=self._table(figures),
        )

    # -- shared parts ---------------------------------------------------------

    def _figure(self, name: str, height: int, body: Markup, title: str, description: str,
                table: Markup) -> Markup:
        ids = f"chart-{name}"
        return Markup(
            # Out of the search index: the key figures already say it in words.
            '<figure class="chart" data-figure="chart:{name}" data-search-exclude>'
            '<svg class="chart__svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{ids}-title {ids}-desc"'
            ' xmlns="http://www.w3.org/2000/svg" direction="{dir}">'
            '<title id="{ids}-title">{title}</title><desc id="{ids}-desc">{desc}</desc>{body}</svg>'
            "<figcaption>{title}</figcaption>"
            "<details><summary>{t_table}</summary>{table}</details>"
            "</figure>"
        ).format(name=name, w=WIDTH, h=height, ids=ids, dir=self.direction, title=text(title),
                 desc=text(description), body=body, t_table=text(self.words["chart_table"]), table=table)

    def _table(self, figures: list[Figure]) -> Markup:
        w = self.words
        head = Markup("").join(Markup('<th scope="col">{}</th>').format(w[k]) for k in ("figure", "value", "period"))
        rows = Markup("").join(
            Markup('<tr data-figure="{}"><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(
                f.id, text(f.label(self.language)), self.figure(f.id, with_unit=True),
                text(self._period_words(f.period)))
            for f in figures)
        return Markup("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>").format(head, rows)

    def _timeline_caveat(self) -> str:
        """What the timeline leaves out, named from the data."""
        unshown = [f.label(self.language) for f in self.data.figures.values() if f.period.recurrence]
        caveat = self.words["chart_timeline_caveat"]
        if unshown:
            caveat += " " + self.words["chart_timeline_unshown"].format(
                figures=format_list(unshown, locale=self.fmt.locale))
        return caveat

    def _describe(self, figure: Figure) -> str:
        return self.words["chart_point"].format(
            label=figure.label(self.language),
            value=self.fmt.qualified(figure.value, figure.qualifier, figure.currency),
            period=self._period_words(figure.period))

    def _period_words(self, period: Period) -> str:
        if period.recurrence:
            return self.words["yearly"]
        end = self.fmt.date(period.end)
        if period.start:
            return self.words["span"].format(start=self.fmt.date(period.start), end=end)
        return self.words["until_open"].format(end=end)

    # Right-to-left languages mirror the horizontal axis; the SVG carries
    # the language's direction, so a text's "start" is already its reading start.
    def _x(self, offset: float, length: float = 0.0) -> float:
        """x of a point `offset` units in from the reading start; with
        `length`, the left edge of a bar of that length starting there."""
        return WIDTH - offset - length if self.direction == "rtl" else offset


def _as_date(iso: str) -> dt.date:
    return dt.date(int(iso), 1, 1) if len(iso) == 4 else dt.date.fromisoformat(iso)
