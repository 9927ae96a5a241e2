"""Once the data outgrows one reference page (figures/reference.py), each
theme's table becomes a page of its own, in every edition: generated here,
outside the nav (the table of all figures links to each)."""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from adapter import data, editions  # noqa: E402
from adapter.addresses import rows_at_most  # noqa: E402
from figures import FigureDataError  # noqa: E402
from figures.reference import split_by_theme, table_pages  # noqa: E402


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this edition's files
def on_files(files, config):
    languages = editions.edition_languages(config)
    try:
        dataset, _ = data.load(PROJECT_DIR, languages)
    except FigureDataError:
        return files  # the macros plugin reports it
    most = rows_at_most(config)
    if not split_by_theme(dataset, most):
        return files
    language = editions.current_language(config)
    prefix = "" if language == languages[0] else f"{language}/"
    for src, (theme_id, part, _) in table_pages(dataset, most).items():
        # Macros only: the theme's title is data, and comes through one.
        content = (f"# {{{{ theme_title(\"{theme_id}\") }}}}\n\n"
                   f"{{{{ figure_table(theme=\"{theme_id}\", part={part}) }}}}\n")
        page = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        page.dest_uri = prefix + page.dest_uri
        page.url = prefix + page.url
        files.append(page)
    return files
