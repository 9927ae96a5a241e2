"""Session fixtures: the real site built once, its pages parsed once, the
dataset loaded once, and throw-away copies of the project for tests that
break it on purpose. Shared functions live in helpers.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from browser_path import HOW_TO_GET_ONE
from bs4 import BeautifulSoup

from figures import Dataset, load_dataset

import helpers
from browsing import Tab, chromium_available, launch_chromium, served_site
from helpers import (
    DATA,
    PROJECT,
    SCHEMA,
    SOURCE_DATE_EPOCH,
    SUB_ORIGIN,
    SUB_PATH,
    DataFileEditor,
    build,
    copy_project,
    html_pages,
)
from hostile import HOSTILE_SUB_PATH, HostileSite, build_hostile, hostile_project


def pytest_configure(config) -> None:
    """A golden file that lacks an entry (a new figure, a new edition) stops
    the run before any test, with one message that lists what to write."""
    from helpers import GOLDEN_FILE, golden_gaps

    gaps = golden_gaps()
    if gaps:
        raise pytest.UsageError(
            f"{GOLDEN_FILE} has no hand-checked entry for what the data and mkdocs.yml now hold "
            f"({len(gaps)}): "
            + "; ".join(gaps[:20])
            + (f"; and {len(gaps) - 20} more" if len(gaps) > 20 else "")
            + f". Write each one by hand, as a reader of that edition must see it (the header of {GOLDEN_FILE} says how)."
        )


# A test's kind (pytest.ini's markers) follows from the fixtures it uses; a
# test that runs mkdocs without them says so with @pytest.mark.build.
KINDS = ("unit", "build", "browser")
_BROWSER_FIXTURES = {"browser", "_tab", "tab", "wide_tab", "web_root"}
_BUILD_FIXTURES = {"site", "pages", "served", "hostile_site", "project_copy", "build_cache"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        given = {mark.name for mark in item.iter_markers() if mark.name in KINDS}
        if len(given) > 1:
            raise pytest.UsageError(f"{item.nodeid} is marked {sorted(given)}: a test has one kind")
        if given:
            continue
        used = set(item.fixturenames)
        item.add_marker("browser" if used & _BROWSER_FIXTURES else "build" if used & _BUILD_FIXTURES else "unit")


@pytest.fixture(autouse=True)
def _unit_tests_run_no_mkdocs(request, monkeypatch) -> None:
    """A test marked `unit` that starts mkdocs fails, naming the marker it needs."""
    if request.node.get_closest_marker("unit"):
        monkeypatch.setattr(helpers, "MKDOCS_ALLOWED", False)


@pytest.fixture
def data_copy(tmp_path) -> DataFileEditor:
    """A copy of data/ to break in-process, edited by key path."""
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    return DataFileEditor(tmp_path / "data" / "figures.yml")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA, SCHEMA, "data/figures.yml")


def _run_folder(tmp_path_factory) -> Path:
    """The folder this run's xdist workers share. (Under xdist each worker's
    base folder sits in the run's folder; without it, the base folder is the
    run's own: its parent is shared by all runs.)"""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _built_once(tmp_path_factory, name: str, build_into) -> Path:
    """A site built once for the whole run: the first xdist worker to get
    here builds it with `build_into(folder)`, the others wait and share it."""
    import fcntl

    shared = _run_folder(tmp_path_factory)
    site_dir, done = shared / name, shared / f"{name}.built"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build_into(site_dir)
            done.write_text("built\n")
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict for the whole run, with the
    tests' site address (under a sub-path, as GitHub Pages serves it)."""

    def build_into(site_dir: Path) -> None:
        result = build(PROJECT, site_dir, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
        assert result.returncode == 0, result.stderr

    return _built_once(tmp_path_factory, "shared-site", build_into)


@pytest.fixture(scope="session")
def build_cache(tmp_path_factory) -> Path:
    """One .cache/ for every copy of the project in this run: the theme's
    templates are compiled, and an unchanged preview image drawn, by the
    first build only."""
    return _run_folder(tmp_path_factory) / "copies-cache"


@pytest.fixture
def project_copy(tmp_path, build_cache) -> Path:
    return copy_project(tmp_path / "project", build_cache)


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    return html_pages(site)


@pytest.fixture(scope="session")
def browser():
    """A Chromium or a Chrome through Playwright; in CI, missing it is a failure."""
    if not chromium_available():
        message = HOW_TO_GET_ONE
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def _tab(browser, web_root):
    tab = Tab(browser, web_root[0])
    yield tab
    tab.close()


@pytest.fixture
def tab(_tab) -> Tab:
    """The worker's Chromium page, emptied: 390×844, light, no cache."""
    _tab.fresh()
    return _tab


@pytest.fixture
def wide_tab(_tab) -> Tab:
    """The worker's Chromium page at 1280×900, light, with the site's storage
    emptied but the cache kept, for tests that weigh nothing: a page opened
    with Material's assets cached costs Chromium a third less."""
    _tab.fresh(width=1280, height=900, keep_cache=True)
    return _tab


@pytest.fixture(scope="session")
def web_root(tmp_path_factory):
    """(origin, folder) of a server on 127.0.0.1 for built sites."""
    root = tmp_path_factory.mktemp("pages-root")
    with served_site(root) as origin:
        yield origin, root


@pytest.fixture(scope="session")
def hostile_site(web_root, tmp_path_factory, build_cache) -> HostileSite:
    """The site of a copy with a payload in every text field (tests/hostile.py),
    built once for the run and served beside the real one."""
    origin, root = web_root
    shared = _run_folder(tmp_path_factory)
    project, fields = hostile_project(shared / f"hostile-project-{os.getpid()}", build_cache)
    site_dir = _built_once(tmp_path_factory, "hostile-site", lambda folder: build_hostile(project, folder, SUB_ORIGIN))
    data_file = project / "data" / "figures.yml"
    dataset = load_dataset(data_file, data_file.with_name("figures.schema.json"))
    (root / HOSTILE_SUB_PATH.strip("/")).symlink_to(site_dir, target_is_directory=True)
    return HostileSite(origin + HOSTILE_SUB_PATH, site_dir, dataset, fields)


@pytest.fixture(scope="session")
def served(web_root, site):
    """(base URL of the site, its folder): the real site served under
    SUB_PATH as GitHub Pages serves a project (its site_url is on that path,
    and the 404 page's links are absolute paths)."""
    origin, root = web_root
    (root / SUB_PATH.strip("/")).symlink_to(site, target_is_directory=True)
    return origin + SUB_PATH, site
