"""Preview images kept between builds, in .cache/previews/ (which git
ignores): most builds (a `mkdocs serve` reload, a rebuild, a copy of the
project in the tests) change none of the 30 images, or a few. Measured with
`make bench` (CPU seconds of `mkdocs build --strict` on the real site):
2.82 s with every image drawn, 1.88 s with them kept (33 %); at 1,000
figures, 4 %. A correction of one figure still redraws the 15 images that
show it (about 0.5 s), which `mkdocs serve` draws beside its build.

An image is kept under its place in the site and a digest of what it shows
and of what draws it (the record; figures/preview.py, figures/drawing.py,
figures/shaping.py and the fonts; the versions of Pillow and of the shaping
packages), so a changed figure, wording or drawing
code is drawn again. The folder holds one image per page and site address:
the image shows the address, and the tests build under another one than
`mkdocs serve`, so a single slot per page would be redrawn at every switch.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import multiprocessing
import os
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import PIL

import figures.preview as preview_module
from figures.preview import Preview, preview_png

# How long the build waits for an image from the process (which draws one in
# 0.02 s, and starts in 0.3 s) before it draws the image itself.
_PROCESS_SECONDS = 60
_PROCESS_FAILED = (BrokenProcessPool, OSError, RuntimeError, TimeoutError)


class PreviewCache:
    """The images of one build. `start` is called as each page is rendered;
    under `mkdocs serve` (`beside=True`), an image not kept is drawn from
    then on in a process beside the build, on the machine's other core, while
    MkDocs renders the pages and editions still to come; `png` collects it
    when the site's files are written. Measured with four servers of
    copies of the project, corrections saved to each in turn (10 each,
    medians): a corrected figure shown in 1.58 s, against 1.92 s with its
    images drawn at the end of the build; in-process, a rebuild after a
    correction took 1.28 s, one with nothing to draw 1.25 s. A process, not a thread:
    most of an image's drawing holds Python's lock (two threads drew the 30
    images in 0.50 s against 0.67 s in one). `mkdocs build` draws them
    in its own process at the end: a process started for it would add
    about 0.3 s of CPU to each build that draws one (the tests run dozens)."""

    def __init__(self, folder: Path, beside: bool = False) -> None:
        self.folder = folder
        self.drawing_code = _drawing_code()
        self._beside = beside
        self._started: dict[tuple[str, Preview], Future[bytes]] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._abandoned = False  # an image the process did not give: drawn here instead

    def start(self, preview: Preview, address: str) -> None:
        """The page at `address` is rendered: under `mkdocs serve`, begin
        to draw its image now, unless it is kept."""
        if not self._beside or (address, preview) in self._started or self._kept(preview, address).exists():
            return
        try:
            if self._pool is None:
                # "spawn": a fresh interpreter. Forking would copy `mkdocs
                # serve`'s threads' locks in whatever state they are.
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._started[address, preview] = self._pool.submit(preview_png, preview)
        except _PROCESS_FAILED:
            self._give_up()

    def png(self, preview: Preview, address: str) -> bytes:
        """The image of `preview`, to be written at `address` in the site:
        kept, started, or drawn now."""
        kept = self._kept(preview, address)
        started = self._started.pop((address, preview), None)
        try:
            return kept.read_bytes()
        except OSError:
            pass
        image = None
        if started is not None and not self._abandoned:
            try:
                image = started.result(timeout=_PROCESS_SECONDS)
            except _PROCESS_FAILED:
                self._give_up()
        if image is None:
            image = preview_png(preview)
        self._keep(kept, image)
        return image

    def left_over(self) -> list[str]:
        """The addresses of images started and never asked for: none, unless
        the records the pages gave differ from those the site's files ask."""
        return sorted(address for address, _ in self._started)

    def close(self) -> None:
        """The build is over: the process, if one was started, stops (what
        it had not drawn is dropped, after a failed build)."""
        if self._pool is not None:
            # Waited for, unless it was left with an image it may never finish.
            self._pool.shutdown(wait=not (self._started or self._abandoned), cancel_futures=True)
        self._started.clear()

    def _give_up(self) -> None:
        """The process did not start, died or hangs: this build draws every
        image itself from now on, and waits for none from the process."""
        self._abandoned, self._beside = True, False

    def _kept(self, preview: Preview, address: str) -> Path:
        site = hashlib.sha256(f"{preview.site} {preview.address}".encode()).hexdigest()[:8]
        slot = f"{address.removesuffix('.png').replace('/', '~')}@{site}"
        digest = hashlib.sha256(repr(preview).encode("utf-8") + self.drawing_code).hexdigest()[:32]
        return self.folder / f"{slot}.{digest}.png"

    def _keep(self, kept: Path, image: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        slot = kept.name.rsplit(".", 2)[0]
        for older in self.folder.glob(f"{slot}.*.png"):
            older.unlink(missing_ok=True)
        # Written whole, then renamed: a build running beside this one (the
        # tests run several) reads either nothing or the complete image.
        with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".tmp", delete=False) as file:
            file.write(image)
        os.replace(file.name, kept)


def _drawing_code() -> bytes:
    """What draws the images: its source, its fonts and the versions of
    Pillow and of the packages that shape the text."""
    digest = hashlib.sha256(PIL.__version__.encode())
    for package in ("python-bidi", "arabic-reshaper"):
        # Missing: figures/shaping.py says what to install when an image is drawn.
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f" {package} {importlib.metadata.version(package)}".encode())
    layer = Path(preview_module.__file__).parent
    for path in [layer / "preview.py", layer / "drawing.py", layer / "shaping.py", *sorted(layer.glob("fonts/*"))]:
        digest.update(path.read_bytes())
    return digest.digest()
