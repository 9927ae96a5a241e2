"""Shared fixtures: the real site built once per test session, and
throw-away copies of the project for tests that break it on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PROJECT = Path(__file__).resolve().parents[1]
# Everything `mkdocs build` reads.
SITE_INPUTS = ("mkdocs.yml", "macros.py", "data", "docs", "figures", "hooks", "overrides")


def mkdocs(project_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the mkdocs command line of this environment in `project_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=project_dir, env=env,
                          capture_output=True, text=True, timeout=timeout)


def build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return mkdocs(project_dir, "build", "--strict", "--site-dir", str(site_dir))


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


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


def html_pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site, keyed by its path in the site."""
    return {
        path.relative_to(site_dir).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site_dir.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    return html_pages(site)
