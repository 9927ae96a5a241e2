"""Tell the adapter whether MkDocs serves or builds (see adapter/mode.py)."""

import sys
from pathlib import Path

# MkDocs loads hooks by path; make the project's packages importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from adapter import mode  # noqa: E402


def on_startup(*, command: str, dirty: bool) -> None:
    mode.serving = command == "serve"
