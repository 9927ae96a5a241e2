"""The site's own files, beside its pages: one function, `site_files`, that
takes the addresses and the pages built and returns every file as
site-relative path -> bytes.

It is the step a site generator runs after it has rendered the pages: the
exports and the inventory once, at the site root; each edition's figure
cards; the standalone file of each chart a page shows; each page's preview
image. The MkDocs adapter only writes what it returns, so a move to
another generator calls it unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .addresses import CSV_PATH, DATAPACKAGE_PATH, INVENTORY_PATH, JSON_PATH, SiteAddresses
from .cards import CardRenderer, without_scheme
from .charts import ChartRenderer
from .drawing import isolated_runs
from .editions import Edition
from .exports import citation_exports, datapackage, figures_csv, figures_json
from .html import Renderer
from .inventory import inventory
from .model import Dataset, Figure
from .preview import Preview, PreviewFigure, preview_png

# Version field of objects.inv; raise it when figure ids or page names change.
INVENTORY_VERSION = "1"


@dataclass(frozen=True)
class BuiltPage:
    """A page as the generator rendered it, in one edition."""

    source: str  # its source in the default edition: "returns.md"
    language: str
    title: str  # as the preview image and the sharing tags give it
    description: str
    site_name: str  # the edition's
    figures: tuple[str, ...]  # the figures it shows, in order
    charts: tuple[str, ...] = ()  # the chart components it shows
    nav_title: str | None = None  # its title in the nav


def site_files(
    dataset: Dataset,
    editions: Mapping[str, Edition],
    addresses: SiteAddresses,
    pages: Sequence[BuiltPage],
    moved_pages: Mapping[str, str] | None = None,
    draw_preview: Callable[[Preview, str], bytes] | None = None,
    old_addresses: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """Every file of the site besides its pages (`pages` in the nav's order,
    then pages made from the data). `moved_pages` maps an old
    source path to its new one, kept in the inventory; `old_addresses` gives
    each old source path's address in the default edition ("figures/"), where
    the cards of a moved reference page are written too; `draw_preview(preview,
    address)` draws a preview image (by default, drawn afresh)."""
    draw = draw_preview or (lambda preview, address: preview_png(preview))
    default = addresses.default_language
    edition = editions[default]
    reference = addresses.page(addresses.reference_page)
    names = {page.language: page.site_name for page in pages}
    site_name = names.get(default, "")
    files: dict[str, bytes] = {
        JSON_PATH: figures_json(dataset, addresses, edition, site_name).encode(),
        CSV_PATH: figures_csv(dataset, addresses, edition, site_name).encode(),
        DATAPACKAGE_PATH: datapackage(dataset, addresses, site_name).encode(),
        **{path: text.encode() for path, text in citation_exports(dataset, addresses, edition, site_name).items()},
    }
    documents = [
        (page.source.removesuffix(".md"), addresses.page(page.source), page.nav_title)
        for page in pages
        if page.language == default and page.nav_title is not None
    ]
    titles = {source + ".md": title for source, _, title in documents}
    documents += [
        (old.removesuffix(".md"), addresses.page(new), titles.get(new, new)) for old, new in (moved_pages or {}).items()
    ]
    files[INVENTORY_PATH] = inventory(dataset, site_name, INVENTORY_VERSION, reference, edition, documents)
    for language in editions:
        cards = CardRenderer(
            dataset,
            editions[language],
            addresses,
            addresses.page(addresses.reference_page, language),
            site_name=names.get(language),
        )
        files.update({path: svg.encode() for path, svg in cards.card_files().items()})
    files.update(_cards_at_old_addresses(files, dataset, addresses, moved_pages or {}, old_addresses or {}))
    for page in pages:
        renderer = ChartRenderer(
            dataset,
            editions[page.language],
            addresses,
            addresses.page(page.source, page.language),
            site_name=page.site_name,
        )
        for chart in page.charts:
            if drawn := renderer.standalone_chart(chart):
                files[drawn[0]] = drawn[1].encode()
        address = addresses.preview(page.source, page.language)
        files[address] = draw(page_preview(renderer, page), address)
    return files


def _cards_at_old_addresses(
    files: Mapping[str, bytes],
    dataset: Dataset,
    addresses: SiteAddresses,
    moved_pages: Mapping[str, str],
    old_addresses: Mapping[str, str],
) -> dict[str, bytes]:
    """The cards once more at the old address of a reference page that moved:
    a card is an image, embedded by its address, and a redirect page cannot
    stand in for an image."""
    copies = {}
    for old, new in moved_pages.items():
        if new != addresses.reference_page or old not in old_addresses:
            continue
        for language, folder in addresses.editions.items():
            for figure_id in dataset.figures:
                card = addresses.card(figure_id, language)
                copies[folder + old_addresses[old] + card.removeprefix(addresses.page(new, language))] = files[card]
    return copies


def page_preview(renderer: Renderer, page: BuiltPage) -> Preview:
    """What a page's preview image shows."""
    # Each figure's period, then who states it: an image shared alone still
    # says whose number it is.
    figures = tuple(
        PreviewFigure(
            renderer.shown(f, with_unit=True),
            f.label(renderer.language),
            f"{renderer.period_words(f.period)}. {preview_speaker(renderer, f)}",
        )
        for f in map(renderer.data.figure, page.figures)
    )
    return Preview(
        page.title,
        figures,
        page.description,
        renderer.source_line(),
        page.site_name,
        renderer.language,
        renderer.direction,
        without_scheme(renderer.addresses.base).rstrip("/"),
    )


def preview_speaker(renderer: Renderer, figure: Figure) -> str:
    """Who states a figure, in a preview's few words."""
    speaker = figure.quote.speaker
    return (
        renderer.words["preview_speaker"].format(name=speaker.name_in(renderer.language))
        if speaker
        else renderer.words["preview_article"]
    )


def preview_alt(renderer: Renderer, preview: Preview) -> str:
    """The preview image in words, for og:image:alt."""
    parts = [preview.title + "."]
    # A page with no figure prints its description instead: the alt says it too.
    if not preview.figures and preview.summary:
        parts.append(preview.summary)
    parts += [
        renderer.words["chart_point"].format(label=f.label, value=f.value, period=f.period) for f in preview.figures[:6]
    ]
    # Plain text, shown by other sites: Latin runs isolated with Unicode's marks.
    return isolated_runs(" ".join(parts + [preview.source_line + "."]), renderer.direction)
