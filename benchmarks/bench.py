"""Print the site's speed and size figures. Times vary from run to run, so
they are measured here and reported, not asserted in tests; the tests hold
the byte budgets.

    make bench            (or: .venv/bin/python benchmarks/bench.py [runs])
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "tests"))

from browsing import (PAGES, SUB_PATH, build_under_sub_path, launch_chromium,  # noqa: E402
                      second_page, served_site, transferred)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_times(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                            "--site-dir", str(Path(tmp) / "site")], cwd=PROJECT, env=ENV, check=True)
            times.append(time.perf_counter() - start)
    return times


def page_weights() -> list[tuple[str, int, int, int]]:
    """(page, first-view gzip bytes, requests, gzip bytes of the home page (or
    the next page, for home) viewed second)."""
    from playwright.sync_api import sync_playwright
    rows = []
    with tempfile.TemporaryDirectory() as tmp, served_site(Path(tmp)) as origin, sync_playwright() as pw:
        site_dir = build_under_sub_path(Path(tmp), origin)
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
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "__pycache__"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/regularisation/"
        data = project / "data" / "figures.yml"
        original = data.read_text(encoding="utf-8")
        try:
            _wait_for(url, "more than 23,000", 60)
            for run in range(runs):
                shown = f"{23001 + run:,}"
                data.write_text(original.replace("value: 23000\n", f"value: {23001 + run}\n")
                                .replace("more than 23,000 people", f"more than {shown} people")
                                .replace("plus de 23 000 personnes",
                                         f"plus de {23001 + run:,} personnes".replace(",", " "))
                                .replace("لأكثر من 23.000 شخص", f"لأكثر من {23001 + run:,} شخص".replace(",", ".")),
                                encoding="utf-8")
                start = time.perf_counter()
                _wait_for(url, f"more than {shown}", 60)
                times.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return times


def _wait_for(url: str, needle: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if needle in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{needle!r} never appeared at {url}")


def _summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s  (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"


def main(runs: int) -> None:
    print(f"Full build, mkdocs build --strict, interpreter start included: {_summary(build_times(runs))}")
    print(f"mkdocs serve, edited figure to served page:                  {_summary(serve_reload_times(runs))}")
    print()
    print("Page weights (gzip level 6 of every file the browser requested; budgets 90 KB and 10 KB):")
    print(f"{'page':<22}{'first view':>12}{'requests':>10}{'second page':>13}")
    for page, first, count, second in page_weights():
        print(f"{page:<22}{first / 1024:>9.1f} KB{count:>10}{second / 1024:>10.1f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
