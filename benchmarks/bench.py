"""Print the site's speed and size figures. Times vary from run to run, so
they are measured here and reported, not asserted in tests; the tests hold
the byte budgets.

    make bench            (or: .venv/bin/python benchmarks/bench.py [runs])
"""

from __future__ import annotations

import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]  # the figure layer and the tests' helpers

from browsing import PAGES, SUB_PATH, build_under_sub_path, launch_chromium, second_page, served_site, transferred  # noqa: E402
from helpers import clean_environment, copy_project, synthetic  # noqa: E402

# Python writes bytecode by default, so a user's builds after the first read
# the project's modules compiled. A shell with PYTHONDONTWRITEBYTECODE set
# (this machine's has it) would make every build compile them again, about
# 0.1 s a build that no user pays: the benchmark builds as Python does by
# default.
ENV = {name: value for name, value in clean_environment().items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed_build(project: Path, site_dir: Path, strict: bool = True) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build`, interpreter start
    included. CPU seconds change less than wall time when other work shares
    the machine's two cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            *(["--strict"] if strict else []),
            "--quiet",
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env=ENV,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"bench: {old!r} is no longer in {path.name}; update benchmarks/bench.py"
    path.write_text(text.replace(old, new), encoding="utf-8")


def floor_site(project: Path) -> None:
    """The simplest site a user could make of the same pages: mkdocs-macros
    with every macro returning an empty string, and no hooks."""
    from figures.components import COMPONENTS

    _edit(project / "mkdocs.yml", "hooks:\n  - adapter/hooks.py\n", "")
    _edit(project / "mkdocs.yml", "module_name: macros", "module_name: no_figures")
    (project / "no_figures.py").write_text(
        f"def define_env(env):\n    for name in {[*COMPONENTS, 'dataset_jsonld']!r}:\n"
        "        env.macro(lambda *args, **kwargs: '', name)\n",
        encoding="utf-8",
    )


# Each speed mechanism, and how a copy of the project goes without it.
def no_template_cache(project: Path) -> None:
    _edit(
        project / "adapter" / "events" / "site.py", "    return use_template_cache(env, project_dir)", "    return env"
    )


def no_preview_cache(project: Path) -> None:
    _edit(
        project / "adapter" / "events" / "site.py",
        "files = site_files(dataset, editions, addresses, pages, moved, state.previews.png, old_addresses=urls)",
        "files = site_files(dataset, editions, addresses, pages, moved, old_addresses=urls)",
    )


def no_dot_folder_skip(project: Path) -> None:
    _edit(project / "adapter" / "events" / "site.py", "    skip_dot_folders_in_theme_listing(config)\n", "")


MECHANISMS = [  # (name, how to go without it, figures in the copy measured)
    ("theme listed without its icons (adapter/wrappers/mkdocs.py)", no_dot_folder_skip, None),
    ("theme templates compiled once (adapter/wrappers/mkdocs.py)", no_template_cache, None),
    ("theme templates compiled once (adapter/wrappers/mkdocs.py)", no_template_cache, 1000),
    ("preview images kept (adapter/build/preview_cache.py)", no_preview_cache, None),
    ("preview images kept (adapter/build/preview_cache.py)", no_preview_cache, 1000),
]


def _medians(projects: dict[str, Path], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each project's build, runs interleaved,
    after one build each that fills its .cache/."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in projects}
    for project in projects.values():
        timed_build(project, project / "site")
    for _ in range(runs):
        for name, project in projects.items():
            times[name].append(timed_build(project, project / "site"))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}


def floor_ratio(runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        floor = copy_project(Path(tmp) / "floor")
        floor_site(floor)
        medians = _medians({"site": copy_project(Path(tmp) / "site"), "floor": floor}, runs)
    return medians["site"], medians["floor"]


def mechanisms(runs: int) -> list[tuple[str, int, tuple[float, float], tuple[float, float]]]:
    """(mechanism, figures, with it, without it): median (wall, CPU) seconds."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (name, without, count) in enumerate(MECHANISMS):
            kept, gone = copy_project(Path(tmp) / f"kept{index}"), copy_project(Path(tmp) / f"gone{index}")
            for project in (kept, gone):
                if count:
                    synthetic(project, count)
            without(gone)
            medians = _medians({"kept": kept, "gone": gone}, runs if count is None else max(1, runs // 2))
            rows.append((name, count or real_figures(), medians["kept"], medians["gone"]))
    return rows


def real_figures() -> int:
    from figures import load_dataset

    return len(load_dataset(PROJECT / "data" / "figures.yml", PROJECT / "data" / "figures.schema.json").figures)


def growth(added: list[int], runs: int) -> list[tuple[int, float, float]]:
    """(figures added, wall and CPU milliseconds per added figure, three
    editions): each copy's build against the real site's."""
    real = real_figures()
    with tempfile.TemporaryDirectory() as tmp:
        projects = {0: copy_project(Path(tmp) / "p0")}
        for count in added:
            projects[count] = copy_project(Path(tmp) / f"p{count}")
            synthetic(projects[count], real + count)
        medians = _medians(projects, runs)
    base_wall, base_cpu = medians[0]
    return [
        (count, (medians[count][0] - base_wall) / count * 1000, (medians[count][1] - base_cpu) / count * 1000)
        for count in added
    ]


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
    """Seconds from saving a corrected figure to `mkdocs serve` serving it.

    Each run corrects the figure in a scratch copy of the data (its value,
    its quote, the log of changes and the test copy of the article), then
    replaces the served project's two files whole, as an editor's save
    does: the server sees one change and rebuilds once."""
    import shutil

    from figures import load_dataset

    from helpers import DATA, SCHEMA, change_figure_value

    dataset = load_dataset(DATA, SCHEMA)
    figure = next(f for f in dataset.figures.values() if 1_000 <= f.value < 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        scratch = Path(tmp) / "scratch"
        shutil.copytree(project / "data", scratch)
        served = [project / "data" / "figures.yml", project / "data" / dataset.source.text_file]
        edited = [scratch / path.relative_to(project / "data") for path in served]

        def correct() -> str:
            current = load_dataset(edited[0], SCHEMA)
            new_value = current.figure(figure.id).value + 1
            change_figure_value(edited[0], current, figure.id, new_value)
            return f'<data value="{new_value}">'

        return _reload_times(project, f'data-figure="{figure.id}"', correct, edited, served, runs)


def floor_reload_times(runs: int) -> list[float]:
    """The same, for the floor (floor_site): a sentence added to the home
    page. What MkDocs, Material, mkdocs-static-i18n and mkdocs-macros take
    to notice a save and rebuild three editions, with nothing of ours."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        floor_site(project)
        home, edited = project / "docs" / "index.md", Path(tmp) / "index.md"
        edited.write_bytes(home.read_bytes())
        count = iter(range(runs))

        def add_sentence() -> str:
            marker = f"Floor edit number {'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[next(count) % 26]}."
            edited.write_text(edited.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
            return marker

        return _reload_times(project, "<html", add_sentence, [edited], [home], runs)


def _reload_times(project: Path, ready_mark: str, edit, edited: list[Path], served: list[Path], runs: int):
    """Serve `project`; `runs` times, `edit()` the scratch files `edited`
    (it returns what the home page shows once rebuilt), then replace the
    served files with them whole and time until the home page shows it."""
    import os
    import shutil

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base, times = f"http://127.0.0.1:{port}/", []
    try:
        _wait_for(base, ready_mark, 60)
        for _ in range(runs):
            shown = edit()
            ready = [path.with_name(path.name + ".ready") for path in edited]
            for source, target in zip(edited, ready, strict=True):
                shutil.copyfile(source, target)
            start = time.perf_counter()
            for source, target in zip(ready, served, strict=True):
                os.replace(source, target)
            _wait_for(base, shown, 60)
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
    (wall, cpu), (floor_wall, floor_cpu) = floor_ratio(runs)
    print(f"Build, mkdocs build --strict (median of {runs}, interleaved; wall and CPU seconds):")
    print(f"  the site                       {wall:6.2f} s wall {cpu:6.2f} s CPU")
    print(f"  the floor (macros return '', no hooks) {floor_wall:6.2f} s wall {floor_cpu:6.2f} s CPU")
    print(f"  ratio (goal: at most 1.15)     {wall / floor_wall:6.2f} wall {cpu / floor_cpu:6.2f} CPU")
    print()
    print("Speed mechanisms (median seconds with / without; kept where they save at least 10 %):")
    for name, count, (kept_wall, kept_cpu), (gone_wall, gone_cpu) in mechanisms(runs):
        print(
            f"  {name:58} {count:>5} figures  CPU {kept_cpu:5.2f} / {gone_cpu:5.2f} s"
            f" ({1 - kept_cpu / gone_cpu:4.0%} saved), wall {kept_wall:5.2f} / {gone_wall:5.2f} s"
        )
    print()
    print("Growth: each added figure (copies of the real ones, carded on their theme pages), three editions:")
    # Three builds each at least: with one, the 200-figure cost varied by a tenth.
    for count, per_wall, per_cpu in growth([200, 1000], max(3, runs // 2)):
        print(f"  {count:>5} added figures: {per_wall:5.1f} ms wall, {per_cpu:5.1f} ms CPU per figure")
    print()
    print("mkdocs serve, saved file to served page (goal: at most 1.6 s):")
    print(f"  the site, a corrected figure   {_summary(serve_reload_times(runs))}")
    print(f"  the floor, a sentence added    {_summary(floor_reload_times(runs))}")
    print()
    print("Page weights (gzip level 6 of every file the browser requested; budgets 85 KB and 10 KB):")
    print(f"{'page':<22}{'first view':>12}{'requests':>10}{'second page':>13}")
    for page, first, count, second in page_weights():
        print(f"{page:<22}{first / 1024:>9.1f} KB{count:>10}{second / 1024:>10.1f} KB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
