"""Run the `mkdocs` command line as a fresh process, without paying for its
imports each time.

Every build a test makes is the real command line in a process of its own:
its own modules (the project copy's hooks, macros and figure layer), its
own environment, its exit code and its output. Importing MkDocs, Material,
the plugins and their libraries takes about a second, a quarter of a build,
and the suite makes some twenty builds. So the processes are forked from a
server (multiprocessing's "forkserver": one clean process, no threads) that
has imported those third-party packages once. Nothing of the project is
imported there: each build imports the code it builds.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Third-party packages only: the project's own code is imported by each build.
_PRELOAD = ["mkdocs.__main__", "mkdocs.commands.build", "mkdocs.commands.serve", "material.plugins.search.plugin",
            "mkdocs_macros.plugin", "mkdocs_static_i18n.plugin", "babel.numbers", "babel.dates", "jsonschema",
            "markdown", "pymdownx", "yaml", "PIL.Image", "PIL.ImageDraw", "PIL.ImageFont", "sphobjinv"]

_context = None


def _forkserver():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(_PRELOAD)
    return _context


def _main(args: list[str], cwd: str, env: dict[str, str], output: str) -> None:
    """In the forked process: the command line, as `python -m mkdocs` runs it."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, cwd)  # as `python -m` puts the working folder first
    with open(output + ".out", "w") as stdout, open(output + ".err", "w") as stderr:
        os.dup2(stdout.fileno(), 1)
        os.dup2(stderr.fileno(), 2)
    from mkdocs.__main__ import cli
    cli.main(args=args, prog_name="mkdocs")  # exits with the command's status


def run_mkdocs(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "output")
        process = _forkserver().Process(target=_main, args=(list(args), str(cwd), env, output))
        process.start()
        process.join(timeout)
        if process.exitcode is None:
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["mkdocs", *args], timeout)
        stdout = Path(output + ".out").read_text(encoding="utf-8", errors="replace")
        stderr = Path(output + ".err").read_text(encoding="utf-8", errors="replace")
    return subprocess.CompletedProcess(["mkdocs", *args], process.exitcode, stdout, stderr)
