"""The dataset and the editions' words, read and checked for a build.

mkdocs-static-i18n builds each edition as a build of its own; the site's
build state (adapter/build/state.py) reads the data once for all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from figures import Dataset, load_dataset
from figures.editions import Edition, load_editions
from figures.history import NoHistory, check_history, history_error, published_data
from figures.paths import DATA_FILE, SCHEMA_FILE, WORDS_FILE

from ..checks.settings import build_date

log = logging.getLogger("mkdocs.plugins.figures")


def load_data(project_dir: Path, languages: Sequence[str]) -> tuple[Dataset, dict[str, Edition]]:
    """The dataset and the editions of `languages` (the default first);
    raises FigureDataError with a readable message."""
    dataset = load_dataset(
        project_dir / DATA_FILE, project_dir / SCHEMA_FILE, DATA_FILE.as_posix(), build_day=build_date()
    )
    try:
        published = published_data(project_dir)
    except NoHistory as why:
        # A copy without history (a test's, a download) cannot be held to main;
        # CI can, and tests/test_history.py fails there without it.
        log.debug(f"Figures: the log of changes is not checked against main's history: {why}")
        published = []
    check_history(dataset.document.data, published, history_error(dataset.document))
    # With the dataset: every text missing in either file, in one message.
    editions = load_editions(project_dir / WORDS_FILE, languages, WORDS_FILE.as_posix(), dataset=dataset)
    return dataset, editions
