"""What one build of the site knows beyond its configuration, in one object.

A build of the site is MkDocs' build of the default edition, inside which
mkdocs-static-i18n builds each other edition. `adapter/hooks.py` starts a
`SiteBuild` when the site's build starts and drops it when the build ends
or fails, so nothing one build learnt (a problem, a page's
figures) reaches the next `mkdocs serve` rebuild.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from figures import Dataset, FigureDataError
from figures.editions import Edition
from figures.html import ShownOnPage
from figures.site_files import BuiltPage

from .data import load_data
from .preview_cache import PreviewCache

log = logging.getLogger("mkdocs.plugins.figures")


@dataclass
class PageState:
    """The page being rendered: its first mistake, and what it has shown."""

    problem: str | None = None
    cards: set[str] = field(default_factory=set)  # figure ids shown as cards
    charts: list[str] = field(default_factory=list)  # chart components called
    shown: ShownOnPage = field(default_factory=ShownOnPage)  # what the components have said once


@dataclass
class SiteBuild:
    project_dir: Path
    languages: list[str]
    serving: bool
    _data: tuple[Dataset, dict[str, Edition]] | None = None
    data_error: FigureDataError | None = None
    site_problem: str | None = None  # a mistake in data/ or mkdocs.yml: shown on every page when serving
    problems: list[str] = field(default_factory=list)  # every mistake reported, in order
    page: PageState = field(default_factory=PageState)
    pages: list[BuiltPage] = field(default_factory=list)  # every page built, in every edition
    default_404: str | None = None
    previews: PreviewCache = field(init=False)  # each page's image, started when the page is rendered

    def __post_init__(self) -> None:
        self.previews = PreviewCache(self.project_dir / ".cache" / "previews", beside=self.serving)

    def data(self) -> tuple[Dataset, dict[str, Edition]]:
        """The dataset and the editions' words, read once for all editions;
        raises FigureDataError, as often as asked, if they cannot be read."""
        if self._data is None and self.data_error is None:
            try:
                self._data = load_data(self.project_dir, self.languages)
            except FigureDataError as error:
                self.data_error = error
        if self.data_error is not None:
            raise self.data_error
        return self._data

    def report(self, message: str) -> None:
        """A mistake: `mkdocs build` stops with it; `mkdocs serve` logs it once
        (an edition built after another reports it again) and goes on."""
        if not self.serving:
            raise PluginError(message)
        if message not in self.problems:
            log.error(message)
        self.problems.append(message)

    def start_page(self) -> None:
        self.page = PageState()

    @property
    def failed(self) -> bool:
        return bool(self.problems)


_current: SiteBuild | None = None


def start(project_dir: Path, languages: list[str], serving: bool) -> SiteBuild:
    global _current
    drop()  # a build stopped by Ctrl-C reached neither on_post_build nor on_build_error
    _current = SiteBuild(project_dir, languages, serving)
    return _current


def current() -> SiteBuild:
    if _current is None:
        raise RuntimeError("no site build has started: adapter/hooks.py must be listed under hooks: in mkdocs.yml")
    return _current


def drop() -> None:
    global _current
    dropped, _current = _current, None
    if dropped is not None:
        dropped.previews.close()
