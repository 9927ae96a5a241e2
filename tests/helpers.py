"""What the tests share: running MkDocs in a shell of our own, copies of the
project to break on purpose, reading built pages, and fetching from servers
on this machine.

The suite must pass whatever the calling shell holds, so every subprocess
gets an environment made here: the site address the tests expect, and no
proxy (urllib and Chromium would send even 127.0.0.1 through one).
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from figures.paths import DATA_FILE, SCHEMA_FILE, WORDS_FILE

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / DATA_FILE
SCHEMA = PROJECT / SCHEMA_FILE
# Everything `mkdocs build` reads.
SITE_INPUTS = ("mkdocs.yml", "macros.py", "data", "docs", "figures", "adapter", "overrides")
# The site address the tests build with, whatever the shell says: a project
# site under a sub-path, as GitHub Pages serves it at
# https://<owner>.github.io/morocco-figures/. The browser tests serve the
# same build from a server on this machine (tests/browsing.py).
SUB_ORIGIN = "http://127.0.0.1:8000"
SUB_PATH = "/morocco-figures/"
SITE_URL = SUB_ORIGIN + SUB_PATH
# The build time of the shared site, for its sitemap: the data's release
# day, 00:00 UTC, the earliest day a build of this data can be made on (the
# log of changes refuses an entry dated after the build).
RELEASE_DATE = yaml.safe_load(DATA.read_text(encoding="utf-8"))["release"]["date"]
SOURCE_DATE_EPOCH = str(int(datetime.datetime.fromisoformat(RELEASE_DATE).replace(tzinfo=datetime.UTC).timestamp()))
# What `mkdocs serve` runs with: mkdocs.yml's own fallback, at the root.
LOCAL_URL = "http://127.0.0.1:8000/"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "no_proxy")
# False while a test marked `unit` runs (tests/conftest.py): such a test must
# not start mkdocs, or `make test-fast` would stop being fast.
MKDOCS_ALLOWED = True


def clean_environment(**overrides: str) -> dict[str, str]:
    """The shell's environment, minus proxies, with the tests' site address."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in _PROXY_VARIABLES}
    # No issue tracker either, whatever the shell says: the corrections page
    # then says the build has none (tests/test_corrections.py).
    return {**env, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "ISSUES_URL": "", **overrides}


def mkdocs(project_dir: Path, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """Run the mkdocs command line of this environment in `project_dir`, in
    a process of its own, with `env` on top of the tests' environment."""
    if not MKDOCS_ALLOWED:
        raise AssertionError(
            "a test marked `unit` runs mkdocs: give it `@pytest.mark.build` "
            "(tests/conftest.py says how a test gets its kind)"
        )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project_dir,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build(project_dir: Path, site_dir: Path, strict: bool = True, **env: str) -> subprocess.CompletedProcess:
    return mkdocs(project_dir, "build", *(["--strict"] if strict else []), "--site-dir", str(site_dir), **env)


def without_system_fribidi(folder: Path) -> dict[str, str]:
    """The environment of a process that cannot load the system's FriBiDi,
    as on a fresh macOS or Windows machine: the dynamic loader finds an
    empty libfribidi.so.0 first and gives up, so Pillow reports its libraqm
    layout unavailable. Linux only; needs no privilege."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "libfribidi.so.0").write_bytes(b"")
    return {"LD_LIBRARY_PATH": str(folder)}


def copy_project(destination: Path, cache: Path | None = None) -> Path:
    """A copy of everything the build reads; with `cache`, the copy's .cache/
    is that folder, so copies share the theme's compiled templates."""
    destination.mkdir(parents=True, exist_ok=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (destination / ".cache").symlink_to(cache, target_is_directory=True)
    for name in SITE_INPUTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def html_pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site, keyed by its path in the site. A
    moved page's old address (extra.moved_pages) holds a redirect, not a
    page: it is left out (redirect_pages lists them)."""
    redirects = set(redirect_pages(site_dir))
    return {
        name: BeautifulSoup((site_dir / name).read_text(encoding="utf-8"), "html.parser")
        for name in (path.relative_to(site_dir).as_posix() for path in sorted(site_dir.rglob("*.html")))
        if name not in redirects
    }


def redirect_pages(site_dir: Path) -> list[str]:
    """The redirect pages a built site has for its moved pages, in every
    edition: index.html under each old page's address."""
    found = []
    for old in moved_pages():
        for prefix in addresses().editions.values():
            name = prefix + page_address(old) + "index.html"
            if (site_dir / name).is_file():
                found.append(name)
    return found


def page_address(source: str) -> str:
    """A page's address from its source path, as MkDocs makes it with
    use_directory_urls: "returns.md" -> "returns/", "index.md" -> ""."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


# Requests to servers on this machine never go through a proxy.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@contextmanager
def mkdocs_serve(project_dir: Path, log_path: Path):
    """`mkdocs serve` on `project_dir`, on a free port of 127.0.0.1, its
    output in `log_path`; yields (base URL, process), and stops it after."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project_dir,
            env=clean_environment(SITE_URL=LOCAL_URL),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/", process
        finally:
            process.terminate()
            process.wait(timeout=10)


def fetch(url: str, timeout: float = 5) -> str:
    """The body of `url` as text, or "" if it cannot be fetched."""
    try:
        with _LOCAL.open(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of `path` that contains `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"test setup: {needle!r} not in {path}")


class DataFileEditor:
    """Edit a copy of the data file by key path, not by line number or by
    its current text, so that tests survive comments, blank lines and
    reordering. Lines are found through the figure layer's own reader."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def line(self, *key: str | int) -> int:
        from figures.yamlfile import read_yaml

        return read_yaml(self.path).lines[key]

    def _lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").splitlines(keepends=True)

    def _write(self, lines: list[str]) -> None:
        self.path.write_text("".join(lines), encoding="utf-8")

    def set(self, key: tuple, written: str) -> None:
        """Write `written` as the value of `key` (a one-line value)."""
        lines, number = self._lines(), self.line(*key)
        head = lines[number - 1].split(":", 1)[0]
        lines[number - 1] = f"{head}: {written}\n"
        self._write(lines)

    def rename(self, key: tuple, new_name: str) -> None:
        lines, number = self._lines(), self.line(*key)
        indent, rest = re.match(r"(\s*)(.*)", lines[number - 1]).groups()
        lines[number - 1] = indent + new_name + rest[len(str(key[-1])) :] + ("\n" if not rest.endswith("\n") else "")
        self._write(lines)

    def insert_after(self, key: tuple, text: str) -> int:
        """Insert a line after `key`'s line, indented like it; return its number."""
        lines, number = self._lines(), self.line(*key)
        indent = re.match(r"\s*", lines[number - 1]).group()
        lines.insert(number, indent + text + "\n")
        self._write(lines)
        return number + 1

    def delete(self, key: tuple) -> None:
        """Delete `key` and the block nested under it."""
        lines, number = self._lines(), self.line(*key)
        indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
        end = number
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        del lines[number - 1 : end]
        self._write(lines)

    def replace_in_value(self, key: tuple, old: str, new: str) -> None:
        """Replace `old` by `new` in the value written on `key`'s line."""
        lines, number = self._lines(), self.line(*key)
        head, value = lines[number - 1].split(":", 1)
        assert old in value, f"test setup: {old!r} not in the value of {key}"
        lines[number - 1] = head + ":" + value.replace(old, new, 1)
        self._write(lines)


def reformat_number(text: str, old: int, new: int) -> str:
    """`text` with the number `old` written as `new`, in the same grouping
    ("23,000", "23 000", "23.000" or "175 million" alike)."""

    def swap(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group())
        if int(digits) != old:
            return match.group()
        separator = next((c for c in match.group() if not c.isdigit()), "")
        grouped = f"{new:,}".replace(",", separator) if separator else str(new)
        return grouped

    return re.sub(r"\d+(?:[,.\u202f\u00a0 ]\d{3})*", swap, text)


# A correction as change_figure_value logs it, and its reason in each
# edition: dated the day of the data's release, which no build predates.
CORRECTION_DATE = RELEASE_DATE
# A correction's reason in each edition: these, and an edition the tests do
# not know (one started by a recipe) in the default edition's words.
_REASONS = {"en": "The article was corrected.", "fr": "L’article a été corrigé.", "ar": "صُحّح المقال."}


def correction_reason() -> dict[str, str]:
    return {language: _REASONS.get(language, _REASONS["en"]) for language in languages()}


def change_figure_value(data_file: Path, dataset, figure_id: str, new_value: int, log: bool = True) -> str:
    """Change a figure's value and the sentence that states it (the quote and
    our translations), as a real correction would, and (unless `log` is
    False) record it on top of the log of changes with a new version.
    Returns that version."""
    version = log_correction(data_file, dataset, figure_id, new_value) if log else dataset.release.version
    editor = DataFileEditor(data_file)
    figure = dataset.figure(figure_id)
    editor.set(("figures", figure_id, "value"), str(new_value))
    lines = data_file.read_text(encoding="utf-8").splitlines(keepends=True)
    keys = [("quotes", figure.quote.id, "text")] + [
        ("quotes", figure.quote.id, "translation", language)
        for language in figure.quote.translation.texts
        if language != "en"
    ]
    for key in keys:
        number = editor.line(*key)
        lines[number - 1] = reformat_number(lines[number - 1], figure.value, new_value)
    data_file.write_text("".join(lines), encoding="utf-8")
    # The new value is one the article does not state: the test's copy of
    # the article's text says it too, so that the quote still matches it.
    source = data_file.parent / dataset.source.text_file
    source.write_text(
        source.read_text(encoding="utf-8").replace(
            figure.quote.text, reformat_number(figure.quote.text, figure.value, new_value)
        ),
        encoding="utf-8",
    )
    pin_source_text(data_file)
    return version


def pin_source_text(data_file: Path) -> None:
    """Set source › text_sha256 of a copy's data file to its copy of the article."""
    import hashlib

    text_file = yaml.safe_load(data_file.read_text(encoding="utf-8"))["source"]["text_file"]
    digest = hashlib.sha256((data_file.parent / text_file).read_bytes()).hexdigest()
    DataFileEditor(data_file).set(("source", "text_sha256"), digest)


def log_correction(data_file: Path, dataset, figure_id: str, new_value: int) -> str:
    """Put a correction of `figure_id` on top of the data file's log of
    changes, and raise the data's version to it (its third number)."""
    import json

    major, minor, patch = dataset.release.version.split(".")
    version = f"{major}.{minor}.{int(patch) + 1}"
    editor = DataFileEditor(data_file)
    old_value = dataset.figure(figure_id).value
    reasons = "".join(
        f"\n    {language}: {json.dumps(reason, ensure_ascii=False)}"
        for language, reason in correction_reason().items()
    )
    labels = "".join(
        f"\n      {language}: {json.dumps(text, ensure_ascii=False)}"
        for language, text in dataset.figure(figure_id).label.texts.items()
    )
    entry = (
        f'- version: "{version}"\n  date: "{CORRECTION_DATE}"\n  kind: correction\n'
        f"  values:\n    {figure_id}: {{old: {old_value}, new: {new_value}}}\n"
        f"  labels:\n    {figure_id}:{labels}\n  reason:{reasons}"
    )
    lines = data_file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = editor.line("changes", 0)
    indent = re.match(r"\s*", lines[number - 1]).group()
    lines.insert(number - 1, indent + entry.replace("\n", "\n" + indent) + "\n")
    data_file.write_text("".join(lines), encoding="utf-8")
    editor.set(("release", "version"), f'"{version}"')
    editor.set(("release", "date"), f'"{CORRECTION_DATE}"')
    return version


GOLDEN_FILE = "tests/golden.yml"


def golden() -> dict:
    """The hand-checked renderings (tests/golden.yml)."""
    import yaml

    return yaml.safe_load((PROJECT / GOLDEN_FILE).read_text(encoding="utf-8"))


def golden_gaps() -> list[str]:
    """Each entry tests/golden.yml lacks, or has for no figure or edition:
    one per figure and field and edition that the data and mkdocs.yml call for."""
    from figures import load_dataset

    written, wanted = golden(), languages()
    figures = load_dataset(DATA, SCHEMA).figures
    gaps = [
        f"{date} › {language}"
        for date in ("article_date", "period_start")
        for language in wanted
        if language not in (written.get(date) or {})
    ]
    for figure_id in figures:
        entry = (written.get("figures") or {}).get(figure_id)
        if entry is None:
            gaps.append(f"figures › {figure_id} (value, shown, with_unit)")
            continue
        gaps += [f"figures › {figure_id} › value"] if "value" not in entry else []
        gaps += [
            f"figures › {figure_id} › {field} › {language}"
            for field in ("shown", "with_unit")
            for language in wanted
            if language not in (entry.get(field) or {})
        ]
    gaps += [
        f"figures › {figure_id} (no such figure in data/figures.yml)"
        for figure_id in (written.get("figures") or {})
        if figure_id not in figures
    ]
    return gaps


def golden_mismatch(field: str, edition: str, shown: dict, expected: dict) -> str:
    """A failed comparison with tests/golden.yml, pointing at the entries."""
    lines = [
        f"  figures › {figure_id} › {field} › {edition}: the file says {expected.get(figure_id)!r}, "
        f"the site shows {shown.get(figure_id)!r}"
        for figure_id in sorted(set(shown) | set(expected))
        if shown.get(figure_id) != expected.get(figure_id)
    ]
    return (
        f"{GOLDEN_FILE} and the {edition} edition disagree (fix the site, or the file if the figure "
        "really changed):\n" + "\n".join(lines)
    )


@functools.lru_cache(maxsize=1)
def site_config():
    """mkdocs.yml as MkDocs reads it, with the tests' site address."""
    from mkdocs.config import load_config

    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = SITE_URL
    try:
        return load_config(str(PROJECT / "mkdocs.yml"))
    finally:
        if saved is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = saved


def nav_sources() -> list[str]:
    """Each page's source path in the nav of mkdocs.yml, in order."""
    from adapter.build.site_config import nav_pages

    return [source for _, source in nav_pages(site_config()["nav"])]


def page_calling(macro: str) -> str:
    """The source path of the first page of the nav that calls `macro`:
    tests find a page by what it does, so moving it changes no test."""
    return next(
        src for src in nav_sources() if "{{ " + macro + "(" in (PROJECT / "docs" / src).read_text(encoding="utf-8")
    )


def embeds_page() -> str:
    """The source path of the page that offers the figures' cards to embed
    (the one calling {{ embeds() }}): it shows figures as images, not text."""
    return page_calling("embeds")


def corrections_page() -> str:
    """The source path of the corrections and changes page (it shows the log)."""
    return page_calling("changes_log")


def reference_page() -> str:
    """The source path of the table of all figures: the page of the nav that
    calls {{ figure_table() }}. Tests find it here, so moving it (CONTRIBUTING,
    “Moving a page”) changes no test."""
    return page_calling("figure_table")


def reference_file(edition_folder: str = "") -> str:
    """The reference page's built file in an edition's folder ("" or "fr/")."""
    return edition_folder + page_address(reference_page()) + "index.html"


def figure_address(figure_id: str) -> str:
    """A figure's address relative to the site's root: its row on the reference page."""
    return f"{page_address(reference_page())}#{figure_id}"


def nav_titles() -> dict[str, str]:
    """Each page's nav title (in the default edition), by source path."""
    from adapter.build.site_config import nav_pages

    return {source: title for title, source in nav_pages(site_config()["nav"])}


def moved_pages() -> dict[str, str]:
    """Old source path -> new one, as mkdocs.yml declares moves (extra.moved_pages)."""
    return dict(site_config()["extra"].get("moved_pages") or {})


def declare_move(config_file: Path, old: str, new: str) -> None:
    """Add `old: new` under extra › moved_pages of a copy's mkdocs.yml,
    whether the mapping is still empty ({}) or already holds moves."""
    text = config_file.read_text(encoding="utf-8")
    match = re.search(r"^(?P<indent> *)moved_pages:(?P<rest>.*)$", text, re.M)
    assert match, f"test setup: no moved_pages in {config_file}"
    indent = match["indent"] + "  "
    line = f"{match['indent']}moved_pages:\n{indent}{old}: {new}"
    if match["rest"].strip() == "{}":
        text = text[: match.start()] + line + text[match.end() :]
    else:
        text = text[: match.end()] + f"\n{indent}{old}: {new}" + text[match.end() :]
    config_file.write_text(text, encoding="utf-8")


def suffixes() -> dict[str, str]:
    """Each edition's page suffix: "" for the default, ".fr" for French."""
    default, *others = languages()
    return {default: "", **{language: f".{language}" for language in others}}


def start_edition(project: Path, language: str, locale: str | None = None):
    """`python -m adapter.new_edition`, in-process, on a copy."""
    from adapter.new_edition import start_edition as start

    return start(project, language, locale)


def translate_all(project: Path) -> list[str]:
    """What a translator's last step does to a started edition, without
    translating: every "not yet translated" mark deleted, each copied text
    kept. Returns the files changed."""
    from figures.untranslated import MARK

    changed = []
    for path in [project / "mkdocs.yml", *(project / "data").glob("*.yml"), *(project / "docs").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        if MARK in text:
            path.write_text(text.replace(f"\n{MARK}\n", "\n").replace(f"{MARK} ", ""), encoding="utf-8")
            changed.append(path.relative_to(project).as_posix())
    return changed


def languages() -> list[str]:
    """The site's editions, the default first, as mkdocs.yml declares them."""
    from adapter.wrappers.i18n import edition_languages

    return edition_languages(site_config())


def editions() -> dict:
    """Every edition's words and locale (data/site_words.yml)."""
    from figures.editions import load_editions

    return load_editions(PROJECT / WORDS_FILE, languages())


def addresses():
    """The site's public addresses, from MkDocs' own File.url, as the build has them."""
    from adapter.build.site_config import addresses_for

    return addresses_for(site_config())


def synthetic(project: Path, count: int) -> None:
    """Grow the data file to `count` figures: copies of the real ones under
    new ids, each with its card on its theme page in every edition."""
    import copy

    import yaml

    data_file = project / "data" / "figures.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    real = list(data["figures"].items())
    cards: dict[str, list[str]] = {}
    for index in range(count - len(real)):
        figure_id, figure = real[index % len(real)]
        new_id = f"{figure_id}-copy-{index}"
        data["figures"][new_id] = copy.deepcopy(figure)
        data["changes"][-1]["values"][new_id] = {"new": figure["value"]}  # published with the others
        data["changes"][-1]["labels"][new_id] = copy.deepcopy(figure["label"])  # written out, not an alias
        cards.setdefault(data["themes"][figure["theme"]]["page"], []).append(new_id)
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")
    for page, ids in cards.items():
        for source in (project / "docs").glob(page.removesuffix(".md") + "*.md"):
            with source.open("a", encoding="utf-8") as file:
                file.write("\n" + "\n\n".join(f'{{{{ figure_card("{i}") }}}}' for i in ids) + "\n")


def or_skipped(values: list, reason: str) -> list:
    """Parameters for pytest: `values`, or, when the site has none (after a
    recipe removes the Arabic edition, say), one skipped parameter that says
    why, where pytest's own reason would be "got empty parameter set"."""
    return values or [pytest.param(None, marks=pytest.mark.skip(reason=reason))]


def missing_in_ci_fails(message: str) -> None:
    """A tool a test needs is not there: in CI that is a failure, since CI
    installs every tool (`make test`), elsewhere a skip that says why."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
