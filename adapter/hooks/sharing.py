"""What a link to a page shows where it is pasted: Open Graph and Twitter
card tags (overrides/main.html writes them from `page.meta["share"]`), and
the page's preview image, drawn from the data (figures/preview.py).

The image shows the figures the page shows: the components mark each
element with `data-figure`, so they are read from the finished content, the
page's own theme figures first.
"""

import re
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from adapter import data, editions  # noqa: E402
from adapter.addresses import site_addresses  # noqa: E402
from adapter.preview_cache import PreviewCache  # noqa: E402
from figures import FigureDataError  # noqa: E402
from figures.components import Components  # noqa: E402
from figures.preview import SIZE  # noqa: E402

# Images are drawn and compressed on another thread (zlib and much of
# Pillow's drawing release the GIL) while MkDocs goes on with the pages;
# each edition's build waits for its images before it ends.
_painter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
_drawing: list[Future] = []
_kept = PreviewCache(PROJECT_DIR / ".cache" / "previews")
_FIGURE_MARK = re.compile(r'data-figure="([a-z0-9-]+)[":]')  # "people-regularised", "people-regularised:label"


@event_priority(-10)  # after the block components are back in the page (hooks/blocks.py)
def on_page_content(html, page, config, files):
    languages = editions.edition_languages(config)
    try:
        dataset, site_editions = data.load(PROJECT_DIR, languages)
    except FigureDataError:
        return html  # the macros plugin stops the build, or shows the mistake when serving
    source = editions.source_path(page)
    addresses = site_addresses(config, dataset)
    if source not in addresses.pages:
        return html  # not a page of the site's nav: the 404 page
    language = editions.current_language(config)
    edition = site_editions[language]
    components = Components(dataset, edition, addresses, page.url)
    shown = list(dict.fromkeys(m for m in _FIGURE_MARK.findall(html) if m in dataset.figures))
    shown.sort(key=lambda figure_id: dataset.figure(figure_id).theme.page != source)  # stable: page order kept
    title = config["site_name"] if source == "index.md" else page.title  # the home page's nav title is "Overview"
    description = page.meta.get("description") or config["site_description"]
    preview = components.page_preview(title, shown, description, config["site_name"])
    address = addresses.preview(source, language)
    _drawing.append(_painter.submit(_write_preview, preview, Path(config["site_dir"]), address))
    locales = {lang: site_editions[lang].locale for lang in languages}
    page.meta["share"] = {
        "title": title,
        "description": description,
        "locale": locales[language],
        "alternate_locales": [locale for lang, locale in locales.items() if lang != language],
        "image": addresses.absolute(address),
        "image_alt": components.preview_alt(preview),
        "image_width": SIZE[0],
        "image_height": SIZE[1],
    }
    return html


def _write_preview(preview, site_dir: Path, address: str) -> None:
    target = site_dir / address
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_kept.png(preview, address))


@event_priority(100)  # before the other post-build steps read the site
def on_post_build(config, **kwargs) -> None:
    """Every image of this edition is written (an error in drawing one
    stops the build here, with its traceback)."""
    pending = _drawing[:]
    _drawing.clear()
    for future in pending:
        future.result()
