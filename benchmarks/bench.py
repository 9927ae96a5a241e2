"""Print the site's speed and size figures. Times vary from run to run, so
they are measured here and reported, not asserted in tests; the tests hold
the byte budgets.

    make bench            (or: .venv/bin/python benchmarks/bench.py [runs])
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]  # the figure layer and the tests' helpers

from browsing import (PAGES, SUB_PATH, build_under_sub_path, gzip_size, launch_chromium,  # noqa: E402
                      second_page, served_site, transferred)

from helpers import clean_environment, copy_project, synthetic  # noqa: E402

ENV = clean_environment()


def timed_build(project: Path, site_dir: Path, strict: bool = True) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--quiet",
                    "--site-dir", str(site_dir)], cwd=project, env=ENV, check=True)
    return time.perf_counter() - start


def build_times(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        return [timed_build(PROJECT, Path(tmp) / "site") for _ in range(runs)]


def without_previews(project: Path) -> None:
    """The same site without its preview images and sharing tags."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - adapter/hooks/sharing.py\n", ""),
                      encoding="utf-8")


def without_macros(project: Path) -> None:
    """The same site without the macros plugin (pages keep their raw
    {{ … }}), and so without the public-address check and the preview
    images, which need them."""
    without_previews(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - macros:")
    text = text[:start] + "\n".join(line for line in text[start:].splitlines()[1:]
                                     if not line.startswith("      "))
    text = text.replace("  - adapter/hooks/public_addresses.py\n", "")
    config.write_text(text, encoding="utf-8")


def macros_alone(project: Path) -> None:
    """The same site with the macros plugin running a module whose macros
    all return nothing: what mkdocs-macros costs before the figure layer
    does any work (no preview images, no public-address check)."""
    from figures.components import Components
    without_previews(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("module_name: macros", "module_name: no_figures")
    config.write_text(text.replace("  - adapter/hooks/public_addresses.py\n", ""), encoding="utf-8")
    (project / "no_figures.py").write_text(
        f"def define_env(env):\n    for name in {Components.names()!r}:\n"
        "        env.macro(lambda *args, **kwargs: '', name)\n", encoding="utf-8")


def macros_ratio(runs: int) -> tuple[float, float, float, float]:
    """Median build times, runs interleaved: the site; the site without its
    preview images; the macros plugin with nothing behind its macros; the
    site without the macros plugin (nor the images)."""
    full, no_previews, alone, plain = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        quiet = copy_project(Path(tmp) / "no-previews")
        without_previews(quiet)
        stub = copy_project(Path(tmp) / "macros-alone")
        macros_alone(stub)
        bare = copy_project(Path(tmp) / "plain")
        without_macros(bare)
        for _ in range(runs):
            full.append(timed_build(PROJECT, Path(tmp) / "site"))
            no_previews.append(timed_build(quiet, Path(tmp) / "site-quiet"))
            alone.append(timed_build(stub, Path(tmp) / "site-alone", strict=False))
            plain.append(timed_build(bare, Path(tmp) / "site-plain", strict=False))
    return tuple(statistics.median(times) for times in (full, no_previews, alone, plain))


def scale(counts: list[int]) -> list[tuple[int, float, float, int, int]]:
    """(figures, seconds of the first build, seconds of the next, bytes of
    the largest reference page, its gzip bytes): the table of all figures,
    or beyond a hundred figures the largest of its index and its theme
    tables. The first build of a copy compiles the theme's templates and
    draws the preview images (.cache/); the next finds them, as the real
    site's builds above do."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            project = copy_project(Path(tmp) / f"p{count}")
            synthetic(project, count)
            site = Path(tmp) / f"site{count}"
            first, again = timed_build(project, site), timed_build(project, site)
            largest = max((site / "figures").rglob("index.html"), key=gzip_size)
            rows.append((count, first, again, largest.stat().st_size, gzip_size(largest)))
    return rows


def page_weights() -> list[tuple[str, int, int, int]]:
    """(page, first-view gzip bytes, requests, gzip bytes of the home page (or
    the next page, for home) viewed second)."""
    from playwright.sync_api import sync_playwright
    rows = []
    with tempfile.TemporaryDirectory() as tmp, served_site(Path(tmp)) as origin, sync_playwright() as pw:
        site_dir = build_under_sub_path(Path(tmp) / SUB_PATH.strip("/"), origin)
        base = origin + SUB_PATH
        browser = launch_chromium(pw)
        for path in PAGES:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r, seen=requests: seen.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            first, count, seen = transferred(site_dir, requests), len(requests), set(requests)
            requests.clear()
            page.goto(base + second_page(path), wait_until="networkidle")
            second = transferred(site_dir, [u for u in requests if u not in seen])
            rows.append(("/" + path, first, count, second))
            context.close()
        browser.close()
    return rows


def serve_reload_times(runs: int) -> list[float]:
    """Seconds from saving an edited figure to `mkdocs serve` serving it."""
    from figures import load_dataset
    from helpers import DATA, change_figure_value
    dataset = load_dataset(DATA, DATA.with_name("figures.schema.json"))
    figure = next(f for f in dataset.figures.values() if 1_000 <= f.value < 1_000_000)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}/"
        data = project / "data" / "figures.yml"
        source = data.parent / dataset.source.text_file
        originals = data.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")
        try:
            _wait_for(base, f'data-figure="{figure.id}"', 60)
            for run in range(runs):
                data.write_text(originals[0], encoding="utf-8")
                source.write_text(originals[1], encoding="utf-8")
                new_value = figure.value + 1 + run
                change_figure_value(data, dataset, figure.id, new_value)
                start = time.perf_counter()
                _wait_for(base, f'<data value="{new_value}">', 60)
                times.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return times


def _wait_for(url: str, needle: str, timeout: float) -> None:
    from helpers import fetch
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return
        time.sleep(0.05)
    raise TimeoutError(f"{needle!r} never appeared at {url}")


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s  (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"


def main(runs: int) -> None:
    times = build_times(runs)
    print(f"Full build, mkdocs build --strict, interpreter start included: {_summary(times)}")
    full, no_previews, alone, plain = macros_ratio(5)
    print(f"With and without the macros plugin (median of 5, interleaved): {full:.2f} s / {plain:.2f} s"
          f" = {full / plain:.2f}; without the preview images: {no_previews:.2f} s / {plain:.2f} s"
          f" = {no_previews / plain:.2f}; the plugin alone, its macros returning nothing:"
          f" {alone:.2f} s / {plain:.2f} s = {alone / plain:.2f}")
    real = statistics.median(times)
    print("Synthetic data (real figures copied under new ids, each carded on its theme page):")
    print(f"{'figures':>8}{'first build':>13}{'next build':>12}{'x real':>8}{'largest reference page':>24}"
          f"{'gzip':>10}")
    for count, first, again, size, zipped in scale([100, 1000]):
        print(f"{count:>8}{first:>12.2f}s{again:>11.2f}s{again / real:>8.1f}{size / 1024:>21.0f} KB"
              f"{zipped / 1024:>7.0f} KB")
    print(f"mkdocs serve, edited figure to served page:                  {_summary(serve_reload_times(runs))}")
    print()
    print("Page weights (gzip level 6 of every file the browser requested; budgets 85 KB and 10 KB):")
    print(f"{'page':<22}{'first view':>12}{'requests':>10}{'second page':>13}")
    for page, first, count, second in page_weights():
        print(f"{page:<22}{first / 1024:>9.1f} KB{count:>10}{second / 1024:>10.1f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
