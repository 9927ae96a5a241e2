"""MkDocs, as this site relies on it past the plugin API's documented
events: the one module that does. Read from MkDocs 1.6.1 (pinned;
tests/test_contracts.py reads the installed MkDocs and fails, naming the
item, if an upgrade changes one):

- `on_env` hands over the Jinja environment MkDocs renders the theme with,
  before it loads a template: `use_template_cache` sets Jinja's own
  `bytecode_cache` on it.
- `Theme.get_env()` makes the Jinja environment of each build, and
  `Files.add_files_from_theme` lists every file of its loader
  (`env.list_templates`) to pick the theme's static files, dropping each
  path with a component that starts with a dot. `skip_dot_folders_in_theme_listing`
  makes `get_env` give an environment whose loader does not walk into dot
  folders: the same files, without Material's 14,500 icons (`.icons/`).
- `File(src_path, docs_dir, site_dir, use_directory_urls).url`: a page's
  address, as MkDocs makes it ("method.md" -> "method/", "index.md" -> "./").
- `config["mdx_configs"]`: the options of each Markdown extension, as
  `markdown_extensions` in mkdocs.yml gives them, which MkDocs hands to
  Python-Markdown for each page it renders (`Page.render`). An `on_config`
  handler may change them: `set_permalink_title` gives the toc extension's
  documented `permalink_title` (the title of each heading's ¶ link) in the
  words of the edition being built. mkdocs-static-i18n builds each edition
  after an `on_config` of its own, but refuses `mdx_configs` among an
  edition's settings in mkdocs.yml, so the words cannot be given there.
- `mkdocs serve` makes a `LiveReloadServer` without its `polling_interval`
  (so 0.5 s), watches the docs folder and mkdocs.yml, then hands the
  server to `on_serve`, which may return another, and watches `watch:` on
  the one returned. `look_for_saves_every` returns a server made the same
  way (`builder`, `root`, `mount_path`, `error_handler`, and `dev_addr`
  from the config) with a shorter interval, watching what the first one
  watched (watchdog 7.1's `observer.emitters`, each with its
  `watch.raw_path`, the path given, and `watch.is_recursive`).

Why the template cache: MkDocs makes a new Jinja environment for every
build, and mkdocs-static-i18n builds each edition as a build of its own:
without a cache, Material's templates (and ours in overrides/) are compiled
three times a build and again on every `mkdocs serve` reload. Measured with
`make bench` (CPU seconds of `mkdocs build --strict` on the real site):
2.28 s without, 1.81 s with (21 %); at 1,000 figures, no difference. Jinja's bytecode cache keeps them in
.cache/ (which git ignores); a template whose source changed is compiled
again (Jinja stores a checksum of the source with each entry). The folder
is named after the versions that shape the compiled code, so an upgrade
starts afresh.

Why the shorter interval: the server looks for saved files by polling, so
a save waits for the next look before anything is built: 0.25 s on
average, up to 0.5 s. Every 0.2 s (adapter/events/site.py), the wait is
0.1 s on average. Measured with four servers of copies of the project,
corrections saved to each in turn (12 each, medians): a corrected figure
shown in 1.60 s, against 1.74 s every 0.5 s; every 0.1 s gained nothing
more (1.61 s). The price is the listing of the watched folders (about 180
files) at each look: an idle `mkdocs serve` took 1.0 % of a core every
0.5 s, 2.6 % every 0.2 s, 4.9 % every 0.1 s.

Why the listing without dot folders: MkDocs lists the theme's files in each
edition's build, and more than 99 % of what it walks and then drops is
Material's icons. Measured in-process on the real site: 0.09 s an edition,
0.27 s of every build and of every `mkdocs serve` reload, against 0.002 s
without the icons' folders.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

import jinja2
from mkdocs.structure.files import File

VERSION_READ = "1.6.1"
WATCHDOG_VERSION_READ = "7.1.0"  # what mkdocs serve watches with


def template_cache_folder(project_dir: Path) -> Path:
    versions = "-".join(f"{name}-{version(name)}" for name in ("jinja2", "mkdocs", "mkdocs-material"))
    return project_dir / ".cache" / "templates" / versions


def use_template_cache(env: jinja2.Environment, project_dir: Path) -> jinja2.Environment:
    folder = template_cache_folder(project_dir)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


class _LoaderSkippingDotFolders(jinja2.FileSystemLoader):
    """Jinja's FileSystemLoader (templates load as before), listing no file
    under a folder whose name starts with a dot: MkDocs drops those from
    the theme's files anyway."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, subfolders, names in os.walk(searchpath, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = Path(folder).relative_to(searchpath)
                found.update((relative / name).as_posix() for name in names)
        return sorted(found)


def skip_dot_folders_in_theme_listing(config) -> None:
    """This build's theme environment lists the theme's files without
    walking its dot folders (Material's icons)."""
    theme = config["theme"]
    make_env = type(theme).get_env

    def get_env() -> jinja2.Environment:
        env = make_env(theme)
        env.loader = _LoaderSkippingDotFolders(theme.dirs)
        return env

    theme.get_env = get_env


def look_for_saves_every(seconds: float, server, config):
    """A server like `server`, the one `mkdocs serve` made, that looks for
    saved files every `seconds` instead of every 0.5 s; `server` is
    closed, never having served."""
    from mkdocs.livereload import LiveReloadServer

    host, port = config["dev_addr"]
    faster = LiveReloadServer(
        builder=server.builder,
        host=host,
        port=port,
        root=server.root,
        mount_path=server.mount_path,
        polling_interval=seconds,
    )
    faster.error_handler = server.error_handler
    for watch in sorted((emitter.watch for emitter in server.observer.emitters), key=lambda watch: watch.raw_path):
        faster.watch(watch.raw_path, recursive=watch.is_recursive)
    server.server_close()
    return faster


def page_url(src_path: str, config) -> str:
    """A page's address as MkDocs makes it: "method.md" -> "method/", and
    the home page "" (MkDocs gives it as "./")."""
    url = File(src_path, config["docs_dir"], config["site_dir"], config["use_directory_urls"]).url
    return "" if url in ("./", ".") else url


def set_permalink_title(config, title: str) -> None:
    """Each heading's permalink titled `title` in the pages MkDocs renders
    from now on (Python-Markdown's toc option `permalink_title`)."""
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = title


# Each reliance by a name that only this module may write:
# tests/test_contracts.py searches the rest of the MkDocs side for it.
GUARDED = {
    r"bytecode_cache": (),
    r"\bFile\(|File\.generated": (),
    r"mdx_configs": (),
    r"get_env|list_templates": (),
    r"LiveReloadServer|polling_interval|\.emitters\b|raw_path": (),
}
