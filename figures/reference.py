"""Components that show all figures at once: the key figures of the home
page and the reference table, with its citations and machine-readable data."""

from __future__ import annotations

from markupsafe import Markup

from .citation import bibtex, full_citation, short_citation
from .exports import CSV_PATH, DATAPACKAGE_PATH, JSON_PATH
from .html import Renderer, component, text, tooltip
from .inventory import INVENTORY_PATH
from .model import Figure


class ReferenceRenderer(Renderer):

    @component
    def key_figures(self) -> Markup:
        """Every figure at a glance, each with its theme page."""
        items = [
            Markup('<li data-figure="{id}"><a class="key-figures__value" href="{href}">{value}</a>'
                   '<span class="key-figures__label" data-figure="{id}:label">{label}</span>'
                   "{theme}</li>").format(
                id=f.id, href=text(self.links.figure(f.id)), value=self.value(f),
                label=text(f.label(self.language)), theme=self.theme_link(f.theme.id))
            for f in self.data.figures.values()
        ]
        return Markup('<ul class="key-figures">{}</ul>').format(Markup("").join(items))

    @component
    def figure_table(self) -> Markup:
        """One row per figure, anchored by its id, each followed by its quote
        and ready-to-copy citations."""
        w = self.words
        columns = ("figure", "value", "unit", "period", "stated_by", "theme")
        head = Markup("").join(Markup('<th scope="col">{}</th>').format(w[k]) for k in columns)
        rows = Markup("").join(self._row(f, len(columns)) for f in self.data.figures.values())
        return Markup(
            '<div class="figure-table" role="region" aria-label="{}" tabindex="0">'
            "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>"
        ).format(w["all_figures"], head, rows)

    def _row(self, f: Figure, width: int) -> Markup:
        w = self.words
        return Markup(
            '<tr id="{id}" data-figure="{id}">'
            '<th scope="row"><span data-figure="{id}:label">{label}</span>'
            '<br><a class="figure-table__id" href="#{id}" title="{t_link}"><code>{id}</code></a></th>'
            '<td data-label="{t_value}">{value}</td>'
            '<td data-label="{t_unit}" data-figure="{id}:unit">{unit}</td>'
            '<td data-label="{t_period}">{period}</td>'
            '<td data-label="{t_said}">{speaker}</td><td data-label="{t_theme}">{theme}</td></tr>'
            # data-search-exclude: the citations repeat the row, and would
            # triple the search index that every first view downloads.
            '<tr class="figure-table__cite" data-figure="{id}:cite" data-search-exclude><td colspan="{width}">'
            "<details><summary>{t_summary}</summary>{quote}"
            "<dl>"
            "<dt>{t_short}</dt><dd><pre><code>{short}</code></pre></dd>"
            "<dt>{t_full}</dt><dd><pre><code>{full}</code></pre></dd>"
            "<dt>{t_bibtex}</dt><dd><pre><code>{bibtex}</code></pre></dd>"
            "</dl></details></td></tr>"
        ).format(
            id=f.id, label=text(f.label(self.language)), t_link=tooltip(w["anchor_link"]),
            t_value=w["value"], t_unit=w["unit"], t_period=w["period"], t_said=w["stated_by"],
            t_theme=w["theme"],
            value=self.value(f), unit=text(f.unit(self.language)), period=self.period(f.period.id),
            speaker=self.speaker(f.quote), theme=self.theme_link(f.theme.id), width=width,
            t_summary=w["quote_and_citations"], quote=self._blockquote(f.quote),
            t_short=w["short_citation_label"], short=text(short_citation(self.data, f, self.language)),
            t_full=w["full_citation_label"],
            full=text(full_citation(self.data, f, self.links.absolute_figure(f.id), self.language)),
            t_bibtex=w["bibtex_label"], bibtex=text(bibtex(self.data)),
        )

    @component
    def downloads(self) -> Markup:
        """Links to the exports, which sit at the site root."""
        w = self.words
        items = [(JSON_PATH, w["download_json"]), (CSV_PATH, w["download_csv"]),
                 (DATAPACKAGE_PATH, w["download_datapackage"]), (INVENTORY_PATH, w["download_inventory"])]
        return Markup('<ul class="downloads">{}</ul>').format(Markup("").join(
            Markup('<li><a href="{}"><code>{}</code></a>: {}</li>').format(
                text(self.links.file(path)), path, text(description))
            for path, description in items))
