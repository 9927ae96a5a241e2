"""Charts drawn from the data at build time, as SVG: no JavaScript, nothing
fetched. Each chart stands alone, so that a screenshot or a downloaded file
keeps its context: its title above, its legend and a source line inside the
image. On the page it is an accessible image (its description states every
value) followed by the same data as a table, and a link to the standalone
file (returned by figures/site_files.py, at `chart_file`).

Geometry is in a 360-unit-wide viewBox, about the width of a phone, so text
stays readable at 390 px and scales up on wider screens.
"""

from __future__ import annotations

import datetime as dt
import math

from babel.lists import format_list
from markupsafe import Markup

from .drawing import Drawing, Fade, Layout, Line, Rect, Text, isolated_runs
from .formatting import NO_BREAK_SPACE
from .html import Renderer, component
from .model import Figure, Period
from .templating import render

WIDTH = 360
MOST_YEAR_LABELS = 6  # more would collide at 360 units
# An open-start bar: long enough to see its fade, short enough to name no start.
OPEN_BAR_LENGTH = 40
# Each chart component, and the method that draws it: site_files returns the
# standalone file of every component listed here that a page shows.
CHART_DRAWINGS = {"timeline_chart": "_timeline_drawing"}


def chart_file(name: str) -> str:
    """The standalone file of a chart ("chart-timeline"), beside the page that shows it."""
    return f"{name}.svg"


class ChartRenderer(Renderer):
    def standalone_chart(self, component_name: str) -> tuple[str, str] | None:
        """The standalone file that a chart component links to, as (its
        site-relative address, its SVG); None for a chart with nothing to draw."""
        drawing = self._drawing_of(component_name)
        if drawing is None:
            return None
        return self.page_folder() + chart_file(drawing.name), str(drawing.svg(standalone=True))

    def _drawing_of(self, component_name: str) -> Drawing | None:
        """The chart a component draws."""
        return getattr(self, CHART_DRAWINGS[component_name])()

    # -- the periods ------------------------------------------------------------

    @component
    def timeline_chart(self) -> Markup:
        """The spans the figures cover, on one time axis with a tick per year,
        from the earliest stated start to the article's date."""
        drawing = self._drawing_of("timeline_chart")
        return self._chart(drawing, self._timeline_figures()) if drawing else Markup("")

    def _spans(self) -> list[Period]:
        spans = [
            p
            for p in self.data.periods.values()
            if p.end and not p.recurrence and any(f.period is p for f in self.data.figures.values())
        ]
        return sorted(spans, key=lambda p: (p.start is None, p.start or ""))

    def _timeline_figures(self) -> list[Figure]:
        return [f for p in self._spans() for f in self.data.figures.values() if f.period is p]

    def _timeline_drawing(self) -> Drawing | None:
        spans = self._spans()
        if not spans:
            return None
        layout = Layout(WIDTH, self.direction)
        stated = [_as_date(p.start) for p in spans if p.start]
        last = max(_as_date(p.end) for p in spans)
        first = dt.date(min(stated + [last]).year, 1, 1)
        days = max((last - first).days, 1)  # one day at least: a single date still has a width

        def offset_of(day: dt.date) -> float:
            return layout.inner * (day - first).days / days

        drawing, y = self._frame("chart-timeline", self.words["chart_timeline_title"], layout)
        fade = Fade(f"{drawing.name}-fade", "left" if self.direction == "rtl" else "right")
        for period in spans:
            figures = [f for f in self.data.figures.values() if f.period is period]
            group = drawing.add(data_figure=f"period:{period.id}")
            for figure in figures:
                # A value stays whole on its line ("more than 23,000").
                line = self.words["label_and_value"].format(
                    label=figure.label(self.language), value=self.shown(figure).replace(" ", NO_BREAK_SPACE)
                )
                texts, y = layout.paragraph(line, y + 17, "chart__label", 14, 18, data_figure=figure.id)
                group.shapes.extend(texts)
            end = offset_of(_as_date(period.end))
            # An unknown start is drawn as unknown: a short bar fading in from
            # nothing just before its end, so no year can be read off where it
            # begins (a bar from the axis's first year would suggest that year).
            start = offset_of(_as_date(period.start)) if period.start else max(end - OPEN_BAR_LENGTH, 0.0)
            # (The open bar has no "chart__span" class: its fill, a gradient, is its own.)
            group.shapes.append(
                Rect(
                    layout.x(start, end - start),
                    y + 6,
                    max(end - start, 2.0),
                    14,
                    "chart__span" if period.start else "chart__span--open",
                    fill=None if period.start else f"url(#{fade.id})",
                )
            )
            notes, y = layout.paragraph(self.period_words(period), y + 38, "chart__note", 13, 16)
            group.shapes.extend(notes)
            y += 12
        if any(p.start is None for p in spans):
            drawing.fades.append(fade)
        y = self._axis(drawing, layout, first, last, offset_of, y)
        y = self._legend(drawing, layout, y, open_start=any(p.start is None for p in spans))
        self._source_line(drawing, layout, y)
        drawing.description = isolated_runs(
            self._description(self._timeline_figures()) + " " + self._timeline_caveat(), self.direction
        )
        return drawing

    def _axis(self, drawing: Drawing, layout: Layout, first: dt.date, last: dt.date, offset_of, y: float) -> float:
        """The time axis: a tick each year, a label every few years, and the
        article's date at the end. Returns the y below it."""
        shapes: list = [Line(layout.x(0), y, layout.x(layout.inner), y, "chart__axis")]
        years = list(range(first.year, last.year + 1))
        step = max(1, math.ceil(len(years) / MOST_YEAR_LABELS))
        for index, year in enumerate(years):
            x = layout.x(offset_of(dt.date(year, 1, 1)))
            shapes.append(Line(x, y, x, y + 5, "chart__tick-mark"))
            if index % step == 0:
                # The first label starts at the axis' start, so it is not cut off.
                shapes.append(
                    Text(
                        x,
                        y + 18,
                        self.fmt.date(str(year)),
                        "chart__tick",
                        anchor="start" if index == 0 else "middle",
                        data_figure=f"year:{year}",
                    )
                )
        end = layout.x(offset_of(last))
        shapes.append(Line(end, y - 4, end, y + 24, "chart__today"))
        shapes.append(
            Text(
                end,
                y + 36,
                self.fmt.date(last.isoformat()),
                "chart__tick",
                anchor="end",
                data_figure="source:date_published",
            )
        )
        drawing.add(*shapes)
        return y + 40

    # -- the parts every chart has ------------------------------------------------

    def _frame(self, name: str, title: str, layout: Layout) -> tuple[Drawing, float]:
        """A drawing with its title above; returns it and the y below the title."""
        drawing = Drawing(name, WIDTH, 0, self.direction, self.language, title, "")
        lines, y = layout.paragraph(title, 19, "drawing__title", 16, 20)
        drawing.add(*lines)
        return drawing, y + 4

    def _legend(self, drawing: Drawing, layout: Layout, y: float, open_start: bool = False) -> float:
        """What the chart's marks mean, for the marks it uses. Returns the y below."""
        if open_start:
            y += 22
            swatch = Rect(layout.x(0, 24), y - 10, 24, 10, "chart__span--open", fill=f"url(#{drawing.name}-fade)")
            lines, y = layout.paragraph(
                self.words["legend_open_start"], y, "chart__note", 13, 16, width=layout.inner - 30
            )
            drawing.add(swatch, *(Text(layout.x(30), t.y, t.text, t.kind) for t in lines))
        return y

    def _source_line(self, drawing: Drawing, layout: Layout, y: float) -> None:
        """ "Source: <title>, <date>" inside the image; sets the drawing's height."""
        source = self.data.source
        # The article's title stays in its own language, marked so for screen readers.
        foreign = (source.title, source.language) if source.language != self.language else None
        lines, y = layout.paragraph(self.source_line(), y + 24, "drawing__source", 13, 16, foreign=foreign)
        drawing.add(*lines, data_figure="source")
        drawing.height = y + 10

    def _chart(self, drawing: Drawing, figures: list[Figure]) -> Markup:
        return render(
            "chart.html",
            drawing=drawing,
            svg=drawing.svg(),
            words=self.display_words,
            download=self.link(self.page_folder() + chart_file(drawing.name)),
            table=self._table(figures),
        )

    def page_folder(self) -> str:
        """This page's folder, where the files drawn for it are written."""
        return (
            self.page_address
            if self.page_address.endswith("/") or not self.page_address
            else self.page_address.rsplit("/", 1)[0] + "/"
        )

    def _table(self, figures: list[Figure]) -> Markup:
        rows = [
            {
                "figure": f,
                "label": self.isolated(f.label(self.language)),
                "value": self.figure(f.id, with_unit=True),
                "period": self.isolated(self.period_words(f.period)),
            }
            for f in figures
        ]
        return render("chart_table.html", words=self.display_words, rows=rows)

    def _timeline_caveat(self) -> str:
        """What the timeline leaves out, named from the data."""
        unshown = [f.label(self.language) for f in self.data.figures.values() if f.period.recurrence]
        caveat = self.words["chart_timeline_caveat"]
        if unshown:
            caveat += " " + self.words["chart_timeline_unshown"].format(
                figures=format_list(unshown, locale=self.fmt.locale)
            )
        return caveat

    def _description(self, figures: list[Figure]) -> str:
        return " ".join(
            self.words["chart_point"].format(
                label=f.label(self.language), value=self.shown(f), period=self.period_words(f.period)
            )
            for f in figures
        )


def _as_date(iso: str) -> dt.date:
    return dt.date(int(iso), 1, 1) if len(iso) == 4 else dt.date.fromisoformat(iso)
