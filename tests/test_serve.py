"""`mkdocs serve` shows an edited figure without a restart, and lives
through every mistake: it keeps answering, shows the message in the page
being viewed, and shows the page again once the files are fixed."""

from __future__ import annotations

import time

import pytest

from figures import load_dataset

from helpers import (
    DATA,
    DataFileEditor,
    addresses,
    build,
    change_figure_value,
    copy_project,
    fetch,
    languages,
    mkdocs_serve,
)

DATASET = load_dataset(DATA, DATA.with_name("figures.schema.json"))
FIGURE = next(f for f in DATASET.figures.values() if 1_000 <= f.value < 1_000_000)
PANEL = 'class="admonition failure build-problem"'
# How long to wait for the server to start, and for a rebuild to show. A
# rebuild takes a few seconds on an idle machine; these bounds leave room for
# a machine shared with other work, and a change that never shows still fails.
START_SECONDS, REBUILD_SECONDS = 180, 120


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


class Server:
    """`mkdocs serve` on a copy of the project, shared by this file's tests
    (a start is a full build, 4–5 s): each test gets it as it started."""

    def __init__(self, project, log_file, process, base: str) -> None:
        self.project, self.log_file, self.process, self.base = project, log_file, process, base
        self.pristine = self._files()

    def _files(self) -> dict:
        return {
            path: path.read_bytes()
            for folder in ("docs", "data", "figures")
            for path in (self.project / folder).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8")

    def restore(self) -> None:
        """Put back every file a test changed, and wait until the page shows
        the figure as it was, with no problem."""
        changed = [path for path, content in self.pristine.items() if path.read_bytes() != content]
        for path in changed:
            path.write_bytes(self.pristine[path])
        url = self.base + addresses().page(FIGURE.theme.page)
        shown = f'<data value="{FIGURE.value}">{FIGURE.value:,}'
        assert wait_for(lambda: PANEL not in (html := fetch(url)) and shown in html, REBUILD_SECONDS), (
            f"mkdocs serve did not show the restored copy ({[str(p) for p in changed]})"
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory, build_cache):
    project = copy_project(tmp_path_factory.mktemp("serve") / "project", build_cache)
    log_file = project.parent / "serve.log"
    with mkdocs_serve(project, log_file) as (base, process):
        assert wait_for(lambda: f'data-figure="{FIGURE.id}"' in fetch(base), START_SECONDS), (
            "mkdocs serve did not start"
        )
        yield Server(project, log_file, process, base)


@pytest.fixture
def served(server):
    """(project, base URL, server process), as the server started."""
    assert server.process.poll() is None, "mkdocs serve exited in an earlier test:\n" + server.log()[-3000:]
    yield server.project, server.base, server.process
    server.restore()


def _theme_page_card(project):
    page = project / "docs" / FIGURE.theme.page
    return page, f'figure_card("{FIGURE.id}")'


def _unknown_id(project):
    page, card = _theme_page_card(project)
    page.write_text(page.read_text(encoding="utf-8").replace(card, card.replace('")', 'x")')), encoding="utf-8")
    return addresses().page(FIGURE.theme.page), f"unknown figure id &#39;{FIGURE.id}x&#39;"


def _misspelt_macro(project):
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ published() }}", "{{ publised() }}"), encoding="utf-8")
    return "", "&#39;publised&#39; is not a macro or variable of this site"


def _yaml_error(project):
    DataFileEditor(project / "data" / "figures.yml").set(("figures", FIGURE.id, "value"), "[1")
    return addresses().page(FIGURE.theme.page), "malformed YAML"


def _schema_error(project):
    DataFileEditor(project / "data" / "figures.yml").set(("figures", FIGURE.id, "value"), '"many"')
    return addresses().page(FIGURE.theme.page, languages()[-1]), "expected a whole number"


def test_serve_shows_each_edit_and_lives_through_each_mistake(served, tmp_path):
    """One server (each start is a full build): an edited figure shows
    without a restart; then each mistake in turn replaces the last one."""
    project, base, process = served
    new_value = FIGURE.value + 500
    change_figure_value(project / "data" / "figures.yml", DATASET, FIGURE.id, new_value)
    assert wait_for(
        lambda: f'<data value="{new_value}">' in fetch(base + addresses().page(FIGURE.theme.page)), REBUILD_SECONDS
    )

    saved = {path: path.read_bytes() for path in [*(project / "docs").glob("*.md"), project / "data/figures.yml"]}
    for mistake in (_unknown_id, _misspelt_macro, _yaml_error, _schema_error):
        for file, content in saved.items():  # the last mistake fixed, this one made
            file.write_bytes(content)
        path, message = mistake(project)
        url = base + path
        # The page being viewed shows the message; the server keeps answering.
        assert wait_for(
            lambda url=url, message=message: PANEL in (html := fetch(url)) and message in html, REBUILD_SECONDS
        ), (mistake, fetch(url)[:3000])
        assert fetch(base + "assets/site.css", timeout=10), f"{mistake.__name__}: the server stopped answering"
        assert process.poll() is None, f"{mistake.__name__}: mkdocs serve exited"
    # Fixed: the same address shows the page again, with the edit.
    for file, content in saved.items():
        file.write_bytes(content)
    assert wait_for(
        lambda: PANEL not in (html := fetch(url)) and f'<data value="{new_value}">' in html, REBUILD_SECONDS
    )
    assert process.poll() is None
    # Nothing of the failed rebuilds is left: the page is a clean build's,
    # byte for byte, but for the script mkdocs serve adds to reload it.
    served_html = fetch(url)
    reloader = served_html.rindex("<script>", 0, served_html.rindex("</body>"))
    assert "livereload(" in served_html[reloader:]
    built = build(project, tmp_path / "clean", SITE_URL=base)
    assert built.returncode == 0, built.stderr
    clean = (tmp_path / "clean" / path / "index.html").read_text(encoding="utf-8")
    assert served_html[:reloader] + served_html[served_html.index("</script>", reloader) + len("</script>") :] == clean


def test_serve_runs_the_python_code_and_the_templates_as_they_are_now(served):
    """An edit to the figure layer's Python and one to a component's template
    (figures/templates/) take effect on the next rebuild, in every component
    that uses it, and so does reverting them (MkDocs keeps its hooks, and
    Python its modules, for the whole process: adapter/hooks.py imports them
    afresh). Both in one rebuild: each is a full build of three editions."""
    project, base, _ = served
    url = base + addresses().page(FIGURE.theme.page)
    value = FIGURE.value
    as_it_was = f'<data value="{value}">{value:,}'
    assert as_it_was in fetch(url)
    formatting = project / "figures" / "formatting.py"
    inline = project / "figures" / "templates" / "inline.html"
    originals = {path: path.read_text(encoding="utf-8") for path in (formatting, inline)}
    edits = {
        formatting: (
            "return format_decimal(value, locale=self.locale)",
            "return format_decimal(value, locale=self.locale, group_separator=False)",
        ),
        inline: ('<data value="{{ figure.value }}">', '<data class="edited" value="{{ figure.value }}">'),
    }
    for path, (old, new) in edits.items():
        assert old in originals[path], f"test setup: {old!r} is no longer in {path.relative_to(project)}"
        path.write_text(originals[path].replace(old, new), encoding="utf-8")
    ungrouped, edited = f'value="{value}">{value}<', f'<data class="edited" value="{value}">'
    assert wait_for(lambda: edited in (html := fetch(url)) and ungrouped in html, REBUILD_SECONDS), (
        f"the edited {'template' if ungrouped in fetch(url) else 'formatting code'} did not take effect"
    )
    assert f'<data value="{value}">' not in fetch(url), "the edited template did not take effect in every component"
    for path, original in originals.items():
        path.write_text(original, encoding="utf-8")
    assert wait_for(lambda: as_it_was in (html := fetch(url)) and edited not in html, REBUILD_SECONDS), (
        "reverting the formatting code and the template did not take effect"
    )


def test_serve_console_is_quiet_and_says_a_mistake_once(server, served):
    """A build with nothing wrong (the server's start) prints MkDocs' own
    lines and one of ours; a mistake is logged once, as an error, with no
    follow-on messages (a page shown as a problem has lost its anchors: no
    public-address check)."""
    project, base, _ = served
    before = server.log()
    start = before[: before.index("Serving on")]
    ours = [line for line in start.splitlines() if "Figures:" in line]
    assert len(ours) == 1, start
    assert not [line for line in start.splitlines() if "[macros]" in line or "mkdocs_static_i18n" in line], start
    page = project / "docs" / FIGURE.theme.page
    page.write_text(page.read_text(encoding="utf-8") + "\nSome 12 people.\n", encoding="utf-8")
    url = base + addresses().page(FIGURE.theme.page)
    assert wait_for(lambda: PANEL in fetch(url), REBUILD_SECONDS)
    # The rebuild is over when the server reloads the browsers after the
    # error. Not "Documentation built in 0.99 seconds": MkDocs' command line
    # drops any line of its build's log it has printed before
    # (mkdocs.utils.DuplicateFilter), so a rebuild that takes as long as an
    # earlier one, to the hundredth of a second, prints none.
    error = "a digit typed outside a macro"
    assert wait_for(
        lambda: error in (log := server.log()[len(before) :]) and "Reloading browsers" in log[log.index(error) :],
        REBUILD_SECONDS,
    ), server.log()[len(before) :]
    after = server.log()[len(before) :]
    problems = [line for line in after.splitlines() if "ERROR" in line or "WARNING" in line]
    assert len(problems) == 1 and problems[0].startswith("ERROR") and error in problems[0], after
