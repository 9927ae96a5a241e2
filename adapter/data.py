"""The dataset and the editions' words, read and checked once per build.

mkdocs-static-i18n runs the macros plugin once per edition, and
`mkdocs serve` rebuilds on every save. What was read is kept while no file
under data/ changes (same paths, sizes and modification times), so three
editions share one read, and an edited file is read again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from figures import Dataset, load_dataset
from figures.editions import Edition, load_editions

DATA_DIR = Path("data")
DATA_FILE = DATA_DIR / "figures.yml"
SCHEMA_FILE = DATA_DIR / "figures.schema.json"
WORDS_FILE = DATA_DIR / "site_words.yml"

_cache: dict[tuple, tuple[tuple, tuple[Dataset, dict[str, Edition]]]] = {}


def load(project_dir: Path, languages: Sequence[str]) -> tuple[Dataset, dict[str, Edition]]:
    """The dataset and the editions of `languages` (the default first);
    raises FigureDataError with a readable message."""
    stamp = _stamp(project_dir / DATA_DIR)
    key = (project_dir, tuple(languages))
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    dataset = load_dataset(project_dir / DATA_FILE, project_dir / SCHEMA_FILE, DATA_FILE.as_posix())
    # With the dataset: every text missing in either file, in one message.
    editions = load_editions(project_dir / WORDS_FILE, languages, WORDS_FILE.as_posix(), dataset=dataset)
    _cache[key] = (stamp, (dataset, editions))
    return dataset, editions


def _stamp(folder: Path) -> tuple:
    """What changes when any file under `folder` does; lstat never opens or
    follows anything, so a FIFO or a link loop cannot hang it."""
    entries = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            entries.append((str(path), info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(sorted(entries))
