"""The figure layer: load, validate, format and cite the site's figures.

Plain Python with no knowledge of MkDocs, so it can be tested alone and
moved to another site generator unchanged. Its one adapter is the MkDocs
side: `macros.py` and `adapter/`.
"""

from __future__ import annotations

from pathlib import Path

from .changes import check_change_dates, check_changes
from .errors import FigureDataError
from .model import Dataset, build_dataset
from .schema import load_schema, validate
from .source_text import check_against_source
from .text_rules import check_ids_and_texts
from .yamlfile import read_yaml

__all__ = ["Dataset", "FigureDataError", "load_dataset"]


def load_dataset(
    data_path: Path, schema_path: Path, display_name: str | None = None, build_day: str | None = None
) -> Dataset:
    """Read, validate and build the data file, and hold it to the source's
    text and to its log of changes (dated up to `build_day`, ISO 8601, when
    given); raise FigureDataError if anything is off."""
    name = display_name or str(data_path)
    document = read_yaml(data_path, name)
    check_ids_and_texts(document)
    schema_name = str(Path(name).parent / schema_path.name)
    validate(document, load_schema(schema_path, schema_name), schema_name)
    dataset = build_dataset(document)
    check_against_source(dataset, document, data_path, str(Path(name).parent))
    check_changes(dataset)
    if build_day is not None:
        check_change_dates(dataset, build_day)
    return dataset
