"""Components that show all figures at once: the key figures of the home
page and the reference table, with its citations and machine-readable data."""

from __future__ import annotations

from markupsafe import Markup

from .addresses import BIBTEX_PATH, CSL_PATH, CSV_PATH, DATAPACKAGE_PATH, INVENTORY_PATH, JSON_PATH
from .citation import article_csl, bibtex, csl_json, figure_bibtex, figure_csl, full_citation, short_citation
from .html import Renderer, component
from .templating import render, text

TABLE_COLUMNS = ("figure", "value", "unit", "period", "stated_by", "theme")


class ReferenceRenderer(Renderer):
    @component
    def key_figures(self) -> Markup:
        """Every figure at a glance, each with its theme page."""
        items = [
            {
                "figure": f,
                "href": self.figure_href(f.id),
                "value": self.value(f),
                "label": self.isolated(f.label(self.language)),
                "period": self.isolated(self.period_words(f.period)),
                "who": self.fill(
                    self.words["fact"],
                    name=text(self.words["stated_by"]),
                    value=self.isolated(
                        f.quote.speaker.name_in(self.language) if f.quote.speaker else self.words["article_voice"]
                    ),
                ),
                "theme": self.theme_link(f.theme.id),
            }
            for f in self.data.figures.values()
        ]
        return render("key_figures.html", items=items)

    @component
    def figure_table(self) -> Markup:
        """One row per figure, anchored by its id, each followed by its quote
        and ready-to-copy citations."""
        rows = [
            {
                "figure": f,
                "label": f.label(self.language),
                "value": self.value(f),
                "unit": f.unit(self.language),
                "period": self.period(f.period.id),
                "speaker": self.speaker(f.quote, once_per_page=False),
                "theme": self.theme_link(f.theme.id),
                "quote": self._blockquote(f.quote),
                "short": short_citation(self.data, f, self.edition, self.site_name),
                "full": full_citation(self.data, f, self.figure_url(f.id), self.edition, self.site_name),
                "bibtex": figure_bibtex(
                    self.data, f, self.figure_url(f.id), self.edition, self.site_name, self.addresses.default_language
                ),
                "csl": csl_json(
                    [
                        figure_csl(
                            self.data,
                            f,
                            self.figure_url(f.id),
                            self.edition,
                            self.site_name,
                            self.addresses.default_language,
                        ),
                        article_csl(self.data, self.edition, self.addresses.default_language),
                    ]
                ),
                "corrected": self.corrected(f),
                "address": self.figure_url(f.id),
            }
            for f in self.data.figures.values()
        ]
        return render(
            "figure_table.html",
            words=self.display_words,
            tips=self.words,
            columns=TABLE_COLUMNS,
            rows=rows,
            bibtex=bibtex(self.data, self.edition, self.addresses.default_language),
            direction=self.direction,
        )

    @property
    def _between(self) -> str:
        """What this edition writes between a label and its value: ": ", or
        French's no-break space and colon."""
        return self.words["label_and_value"].split("{label}")[1].split("{value}")[0]

    @component
    def downloads(self) -> Markup:
        """Links to the exports, which sit at the site root."""
        w = self.words
        items = [
            {"name": name, "href": self.link(name), "description": self.isolated(w[key])}
            for name, key in (
                (JSON_PATH, "download_json"),
                (CSV_PATH, "download_csv"),
                (DATAPACKAGE_PATH, "download_datapackage"),
                (INVENTORY_PATH, "download_inventory"),
                (BIBTEX_PATH, "download_bib"),
                (CSL_PATH, "download_csl"),
            )
        ]
        return render("downloads.html", items=items, between=self._between)
