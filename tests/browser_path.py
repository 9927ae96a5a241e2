"""Where the browser tests find a Chromium or a Chrome, on Linux, macOS and
Windows; the Makefile runs this file before the suite to see whether one is
there. Plain Python (no package from .venv), so it runs before the install.

    python3 tests/browser_path.py   prints the browser's path, or says in one
                                    line how to get one (exit status 1)
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

# The variable that names a browser outright, before anything is looked for.
VARIABLE = "CHROMIUM_PATH"
# Debian's package, where the runner images also link their Chromium.
_DEBIAN = "/usr/bin/chromium"
# Commands on PATH: Debian's package, other distributions', Chrome's.
_COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# Each platform's standard places, for a browser installed the usual way.
_MACOS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
_WINDOWS = tuple(
    rf"{root}\{folder}\chrome.exe"
    for root in ("%PROGRAMFILES%", "%PROGRAMFILES(X86)%", "%LOCALAPPDATA%")
    for folder in (r"Google\Chrome\Application", r"Chromium\Application")
)

HOW_TO_GET_ONE = (
    f"no Chromium or Chrome found (looked at ${VARIABLE}, {_DEBIAN}, {', '.join(_COMMANDS)} "
    "on PATH, and the standard macOS and Windows places): install Chromium or Google Chrome "
    f"(Debian, Ubuntu: apt-get install chromium), or set {VARIABLE}=/path/to/the/browser"
)


def browser_path() -> Path | None:
    """The browser the tests drive, or None."""
    named = os.environ.get(VARIABLE)
    if named:
        return Path(named)  # as named, even if wrong: Playwright then says what it could not start
    candidates = [_DEBIAN, *filter(None, map(shutil.which, _COMMANDS))]
    if sys.platform == "darwin":
        candidates += _MACOS
    elif sys.platform == "win32":
        candidates += [os.path.expandvars(path) for path in _WINDOWS]
    return next((Path(path) for path in candidates if Path(path).is_file()), None)


def main() -> int:
    found = browser_path()
    print(found if found else HOW_TO_GET_ONE, file=sys.stdout if found else sys.stderr)
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
