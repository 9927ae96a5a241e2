"""Preview images kept between builds, in .cache/previews/ (which git
ignores): most builds (a `mkdocs serve` reload, a rebuild, a copy of the
project in the tests) change none of the 27 images, or a few. Measured with
`make bench` (CPU seconds of `mkdocs build --strict` on the real site):
2.82 s with every image drawn, 1.88 s with them kept (33 %); at 1,000
figures, 4 %. A correction of one figure still redraws the 15 images that
show it (about 0.5 s of a `mkdocs serve` reload).

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
import os
import tempfile
from pathlib import Path

import PIL

import figures.preview as preview_module
from figures.preview import Preview, preview_png


class PreviewCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.drawing_code = _drawing_code()

    def png(self, preview: Preview, address: str) -> bytes:
        """The image of `preview`, to be written at `address` in the site."""
        site = hashlib.sha256(f"{preview.site} {preview.address}".encode()).hexdigest()[:8]
        slot = f"{address.removesuffix('.png').replace('/', '~')}@{site}"
        digest = hashlib.sha256(repr(preview).encode("utf-8") + self.drawing_code).hexdigest()[:32]
        kept = self.folder / f"{slot}.{digest}.png"
        try:
            return kept.read_bytes()
        except OSError:
            pass
        image = preview_png(preview)
        self._keep(kept, slot, image)
        return image

    def _keep(self, kept: Path, slot: str, image: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
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
