"""Compile the theme's templates once, not once per edition and per build.

MkDocs makes a new Jinja environment for every build, and
mkdocs-static-i18n builds each edition as a build of its own: without a
cache, Material's templates (and ours in overrides/) are compiled three
times a build and again on every `mkdocs serve` reload, about a fifth of
the build's time. Jinja's own bytecode cache keeps them in .cache/ (which
git ignores). A template whose source changed is compiled again: Jinja
stores a checksum of the source with each entry. The folder is named after
the versions that shape the compiled code, so an upgrade starts afresh.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import mkdocs
from material import __version__ as material_version


def template_cache_folder(config) -> Path:
    versions = f"jinja-{jinja2.__version__}-mkdocs-{mkdocs.__version__}-material-{material_version}"
    return Path(config.config_file_path).parent / ".cache" / "templates" / versions


def on_env(env, config, files):
    folder = template_cache_folder(config)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
