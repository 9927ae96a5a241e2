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
}
