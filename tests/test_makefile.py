"""The README's two commands, where they stop before doing anything: a
Python older than the pins install on is refused at once, in one line,
before a venv is made or a package installed."""

import re
import shutil
import subprocess
import sys

from helpers import PROJECT, clean_environment


def test_make_refuses_an_older_python_at_once_naming_the_version(tmp_path):
    for name in ("Makefile", "requirements"):
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    newer = f"{sys.version_info.major}.{sys.version_info.minor + 1}.0"  # newer than this Python: refused
    # A make of its own, not a sub-make of the `make test` that may run this.
    env = {k: v for k, v in clean_environment().items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    result = subprocess.run(
        ["make", "build", f"MIN_PYTHON={newer}", f"PYTHON3={sys.executable}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode != 0
    ours = [line for line in result.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert ours == [
        f"make: Python {newer} or newer is needed (README, Two commands); {sys.executable} is "
        f"{'.'.join(map(str, sys.version_info[:3]))}: run make again with PYTHON3=<a newer python3>"
    ]
    assert not (tmp_path / ".venv").exists(), "something was installed before the refusal"


def test_the_makefile_names_the_readmes_lowest_python():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"Python (\d+\.\d+\.\d+) or newer", readme).group(1) == re.search(
        r"^MIN_PYTHON := (\S+)$", makefile, re.M
    ).group(1)
