"""Read a small text file that a contributor controls, refusing what could hurt.

The data file, its schema and the source's text come from the repository,
and the repository takes contributions: a path may be a folder, a FIFO (on
which a plain read blocks forever), a link to a device such as /dev/zero (a
read that never ends), or simply huge. Each is refused before it is opened,
and every OS error becomes the figure layer's one-paragraph message.
"""

from __future__ import annotations

import stat
from pathlib import Path

from .errors import FigureDataError

# The data file is about 20 KB and the article 2 KB: a megabyte is room to
# grow a hundredfold, and small enough to read in well under a second.
MAX_BYTES = 1_000_000


def read_text(path: Path, name: str, what: str, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of `path`; `name` is how messages show it, `what` what it is for."""
    try:
        info = path.stat()  # follows links, so a link to a device is judged as the device
    except FileNotFoundError:
        raise FigureDataError(f"{what} does not exist", file=name, expected="a file at this path") from None
    except OSError as error:
        raise FigureDataError(f"{what} cannot be read ({error.strerror or error})", file=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise FigureDataError(f"{what} is a folder, not a file", file=name, expected="a regular file") from None
    if not stat.S_ISREG(info.st_mode):
        raise FigureDataError(
            f"{what} is not a regular file (a FIFO, socket or device)", file=name, expected="a regular file"
        )
    if info.st_size > max_bytes:
        raise FigureDataError(
            f"{what} is {info.st_size:,} bytes long", file=name, expected=f"at most {max_bytes:,} bytes"
        )
    try:
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)  # the size may have changed since stat
    except OSError as error:
        raise FigureDataError(f"{what} cannot be read ({error.strerror or error})", file=name) from None
    if len(raw) > max_bytes:
        raise FigureDataError(
            f"{what} is over {max_bytes:,} bytes long", file=name, expected=f"at most {max_bytes:,} bytes"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FigureDataError(f"{what} is not valid UTF-8 ({error.reason})", file=name, line=line) from None
