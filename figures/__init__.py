"""The figure layer: load, validate, format and cite the site's figures.

Plain Python with no knowledge of MkDocs, so it can be tested alone and
moved to another site generator unchanged. `macros.py` is its only adapter.
"""

from __future__ import annotations

from pathlib import Path

from .errors import FigureDataError
from .model import Dataset, build_dataset
from .schema import load_schema, validate
from .yamlfile import read_yaml

__all__ = ["Dataset", "FigureDataError", "load_dataset"]


def load_dataset(data_path: Path, schema_path: Path, display_name: str | None = None) -> Dataset:
    """Read, validate and build the data file; raise FigureDataError if anything is off."""
    document = read_yaml(data_path, display_name)
    validate(document, load_schema(schema_path))
    return build_dataset(document)
