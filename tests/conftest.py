"""Session fixtures: the real site built once, its pages parsed once, the
dataset loaded once, and throw-away copies of the project for tests that
break it on purpose. Shared functions live in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from figures import Dataset, load_dataset
from helpers import DATA, PROJECT, SCHEMA, build, copy_project, html_pages


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA, SCHEMA, "data/figures.yml")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(PROJECT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    return html_pages(site)
