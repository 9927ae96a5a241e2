"""Components that show all figures at once: the key figures of the home
page and the reference table, with its citations and machine-readable data."""

from __future__ import annotations

from markupsafe import Markup

from .addresses import BIBTEX_PATH, CSL_PATH, CSV_PATH, DATAPACKAGE_PATH, INVENTORY_PATH, JSON_PATH
from .citation import article_csl, bibtex, csl_json, figure_bibtex, figure_csl, full_citation, short_citation
from .html import Renderer, block_component, component
from .templating import render, text

TABLE_COLUMNS = ("figure", "value", "unit", "period", "stated_by", "theme")
# Beyond this many figures the table of all figures is split by theme: each
# theme's rows, with their citations, on a page of their own, and the table
# of all figures an index with one anchored line per figure, so that every
# figure's address (/figures/#id) keeps resolving. One page of all rows
# would outgrow the first-view byte budget (about 70 KB gzip at 1,000).
# The site's mkdocs.yml may set another number (extra.reference_rows_at_most);
# the adapter decides, and SiteAddresses.figure_pages carries the decision.
REFERENCE_ROWS_AT_MOST = 100


def split_by_theme(dataset, rows_at_most: int = REFERENCE_ROWS_AT_MOST) -> bool:
    return len(dataset.figures) > rows_at_most


def table_pages(dataset, rows_at_most: int = REFERENCE_ROWS_AT_MOST) -> dict[str, tuple[str, int, list]]:
    """Once split: source path -> (theme id, part, its figures), each part
    at most `rows_at_most` rows: "figures/sahel.md", then
    "figures/sahel/2.md"... for a theme with more."""
    pages: dict[str, tuple[str, int, list]] = {}
    for theme in dataset.themes.values():
        figures = [f for f in dataset.figures.values() if f.theme is theme]
        for start in range(0, len(figures), rows_at_most):
            part = start // rows_at_most + 1
            pages[table_page(theme.id, part)] = (theme.id, part, figures[start:start + rows_at_most])
    return pages


def table_page(theme_id: str, part: int = 1) -> str:
    return f"figures/{theme_id}.md" if part == 1 else f"figures/{theme_id}/{part}.md"


class ReferenceRenderer(Renderer):

    @block_component
    def key_figures(self) -> Markup:
        """Every figure at a glance, each with its theme page."""
        items = [{"figure": f, "href": self.figure_href(f.id), "value": self.value(f),
                  "label": self.isolated(f.label(self.language)),
                  "period": self.isolated(self.period_words(f.period)),
                  "who": self.fill(self.words["fact"], name=text(self.words["stated_by"]),
                                   value=self.isolated(f.quote.speaker.name_in(self.language) if f.quote.speaker
                                                       else self.words["article_voice"])),
                  "theme": self.theme_link(f.theme.id)}
                 for f in self.data.figures.values()]
        return render("key_figures.html", items=items)

    @block_component
    def figure_table(self, theme: str | None = None, part: int = 1) -> Markup:
        """One row per figure, anchored by its id, each followed by its quote
        and ready-to-copy citations. Once the table is split by theme: the
        rows of `theme` (its `part`), and without a theme an index of every figure."""
        figures, parts = list(self.data.figures.values()), Markup("")
        if self.addresses.figure_pages:  # split by theme
            if theme is None:
                return self._figure_index()
            theme_pages = {self.addresses.figure_pages[f.id] for f in self._figures_of(self.data.theme(theme))}
            figures = [f for f in figures if self.addresses.figure_pages[f.id] == table_page(theme, part)]
            parts = self._table_parts(theme, part, len(theme_pages))
        rows = [{"figure": f, "label": f.label(self.language), "value": self.value(f),
                 "unit": f.unit(self.language), "period": self.period(f.period.id),
                 "speaker": self.speaker(f.quote, once_per_page=False), "theme": self.theme_link(f.theme.id),
                 "quote": self._blockquote(f.quote),
                 "short": short_citation(self.data, f, self.edition, self.site_name),
                 "full": full_citation(self.data, f, self.figure_url(f.id), self.edition, self.site_name),
                 "bibtex": figure_bibtex(self.data, f, self.figure_url(f.id), self.edition, self.site_name,
                                         self.addresses.default_language),
                 "csl": csl_json([figure_csl(self.data, f, self.figure_url(f.id), self.edition, self.site_name,
                                             self.addresses.default_language), article_csl(self.data)]),
                 "corrected": self.corrected(f), "address": self.figure_url(f.id)}
                for f in figures]
        return parts + render("figure_table.html", words=self.display_words, tips=self.words, columns=TABLE_COLUMNS,
                              rows=rows, bibtex=bibtex(self.data), direction=self.direction)

    @component
    def theme_title(self, theme_id: str) -> Markup:
        return self.isolated(self.data.theme(theme_id).title(self.language))

    def _table_parts(self, theme_id: str, part: int, parts: int) -> Markup:
        """Links to every part of a theme's table, when it has more than one."""
        if parts < 2:
            return Markup("")
        items = [{"number": self.fmt.number(n), "current": n == part,
                  "href": self.link(self.addresses.page(table_page(theme_id, n), self.language))}
                 for n in range(1, parts + 1)]
        return render("table_parts.html", items=items,
                      label=self.words["table_part"].format(part=self.fmt.number(part), parts=self.fmt.number(parts)))

    def _figure_index(self) -> Markup:
        """Every figure on one line, anchored by its id, linked to its row."""
        themes = [{"theme": theme, "title": self.isolated(theme.title(self.language)),
                   "href": self.link(self.addresses.page(table_page(theme.id), self.language)),
                   "figures": [{"figure": f, "href": self.figure_href(f.id),
                                "label": self.isolated(f.label(self.language)), "value": self.value(f)}
                               for f in self._figures_of(theme)]}
                  for theme in self.data.themes.values() if self._figures_of(theme)]
        return render("figure_index.html", themes=themes, between=self._between,
                      lead=self.isolated(self.words["table_split"]))

    @property
    def _between(self) -> str:
        """What this edition writes between a label and its value: ": ", or
        French's no-break space and colon."""
        return self.words["label_and_value"].split("{label}")[1].split("{value}")[0]

    def _figures_of(self, theme) -> list:
        return [f for f in self.data.figures.values() if f.theme is theme]

    @block_component
    def downloads(self) -> Markup:
        """Links to the exports, which sit at the site root."""
        w = self.words
        items = [{"name": name, "href": self.link(name), "description": self.isolated(w[key])}
                 for name, key in ((JSON_PATH, "download_json"), (CSV_PATH, "download_csv"),
                                   (DATAPACKAGE_PATH, "download_datapackage"),
                                   (INVENTORY_PATH, "download_inventory"),
                                   (BIBTEX_PATH, "download_bib"), (CSL_PATH, "download_csl"))]
        return render("downloads.html", items=items, between=self._between)
