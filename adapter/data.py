"""The dataset, read and validated once per build.

mkdocs-static-i18n runs the macros plugin once per edition, and
`mkdocs serve` rebuilds on every save. The dataset is kept while no file
under data/ changes (same paths, sizes and modification times), so three
editions share one read, and an edited file is read again.
"""

from __future__ import annotations

import os
from pathlib import Path

from figures import Dataset, load_dataset

DATA_DIR = Path("data")
DATA_FILE = DATA_DIR / "figures.yml"
SCHEMA_FILE = DATA_DIR / "figures.schema.json"

_cache: dict[Path, tuple[tuple, Dataset]] = {}


def dataset(project_dir: Path) -> Dataset:
    """The project's dataset; raises FigureDataError with a readable message."""
    stamp = _stamp(project_dir / DATA_DIR)
    cached = _cache.get(project_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    loaded = load_dataset(project_dir / DATA_FILE, project_dir / SCHEMA_FILE, DATA_FILE.as_posix())
    _cache[project_dir] = (stamp, loaded)
    return loaded


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
