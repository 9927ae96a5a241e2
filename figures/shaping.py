"""A line of text in the order and the letter forms a reader sees, for a
renderer that draws glyphs one after the other, left to right.

The preview images are drawn by Pillow's basic layout, which needs nothing
but the FreeType that Pillow's wheels bundle. Pillow's complex layout
(libraqm) would shape and order text itself, but loads FriBiDi from the
system at run time: a fresh macOS or Windows machine, or a slim container,
has none, and every build died there. So the two steps are done here, by
packages with wheels (or pure Python) on Linux, macOS and Windows:

- arabic-reshaper gives each Arabic letter its joined form (initial, medial,
  final, isolated: Unicode's presentation forms) and joins lam and alef;
- python-bidi (Rust's unicode-bidi, Unicode's bidirectional algorithm with
  isolates) puts the runs in display order: an Arabic line reads from the
  right, and a Latin run isolated inside it keeps its own order.

Same text, same fonts, same package versions: the same glyphs in the same
order on every machine, so the same bytes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .errors import FigureDataError

# python-bidi's version this module was read from: it uses the package's
# table of mirrored pairs, which its documentation does not list
# (tests/test_contracts.py fails when an upgrade changes what is read).
BIDI_VERSION_READ = "0.6.12"
_PACKAGES = {"bidi": "python-bidi", "arabic_reshaper": "arabic-reshaper"}
_ISOLATE_OPENERS, _ISOLATE_CLOSER = "\u2066\u2067\u2068", "\u2069"
# The explicit direction marks, embeddings and isolates: they have done
# their work once the line is in display order, and a font draws them as
# boxes.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# The bidirectional classes that can move a character of a left-to-right
# line out of its reading order: right-to-left letters (Arabic's are the
# only ones reshaped), Arabic digits and the right-to-left embeddings,
# overrides and isolate.
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN", "RLE", "RLO", "RLI"})


def display_order(text: str, direction: str) -> str:
    """`text` (in reading order) as it shows, left to right, in a line of
    `direction` ("ltr" or "rtl"), Arabic letters joined."""
    if direction == "ltr" and not any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text):
        # Every character at level 0: reading order is display order, and no
        # letter to join. Skipping the two packages halves the time an
        # English or French preview takes to draw (150 to 70 ms).
        return _BIDI_CONTROLS.sub("", text)
    reshape, get_display, mirrored = _shaping_packages()
    if direction == "rtl":
        text = _mirrored_outside_isolates(text, mirrored)
    ordered = get_display(reshape(text), base_dir="R" if direction == "rtl" else "L")
    return _BIDI_CONTROLS.sub("", ordered)


def _mirrored_outside_isolates(text: str, mirrored: dict[str, str]) -> str:
    """A right-to-left line's brackets and quotation marks turned to face
    the way it reads (Unicode's rule L4, which python-bidi's Rust algorithm
    leaves to its caller): those outside an isolate, not those inside one.

    Exact when every strong left-to-right character of the line is inside an
    isolate, as figures.drawing.isolated_runs makes it (tests/test_sharing.py
    checks the real previews): a neutral character then always resolves to
    the line's own right-to-left level."""
    depth, out = 0, []
    for character in text:
        if character in _ISOLATE_OPENERS:
            depth += 1
        elif character == _ISOLATE_CLOSER:
            depth = max(depth - 1, 0)
        elif depth == 0 and unicodedata.mirrored(character):
            character = mirrored.get(character, character)
        out.append(character)
    return "".join(out)


def strong_left_to_right_outside_isolates(text: str) -> str:
    """The strong left-to-right characters of `text` that no isolate holds:
    none, for display_order to mirror a right-to-left line exactly."""
    depth, found = 0, []
    for character in text:
        if character in _ISOLATE_OPENERS:
            depth += 1
        elif character == _ISOLATE_CLOSER:
            depth = max(depth - 1, 0)
        elif depth == 0 and unicodedata.bidirectional(character) == "L":
            found.append(character)
    return "".join(found)


@functools.cache
def _shaping_packages():
    try:
        from arabic_reshaper import ArabicReshaper
        from bidi import get_display

        # python-bidi's table of mirrored pairs (Unicode's
        # BidiMirroring.txt), which its Python algorithm applies; the Rust
        # one does not mirror.
        from bidi.mirror import MIRRORED
    except ImportError as error:
        raise FigureDataError(
            f"the preview images need {_PACKAGES.get(error.name, error.name)}, which is not installed",
            expected="python-bidi and arabic-reshaper, as requirements/site.txt pins them: "
            "`make serve` or `make build` installs them into .venv",
        ) from None
    reshaper = ArabicReshaper(
        configuration={
            # The data's vowel marks (damma, shadda) are kept. DejaVu Sans draws
            # a mark with no advance, over the glyph that follows it: in display
            # order, reversed, each one precedes its letter, as reshaped.
            "delete_harakat": False,
            "shift_harakat_position": False,
            # lam-alef only, as a font's own shaping would join them; the word
            # ligature of "Allah" is a glyph DejaVu Sans may not have.
            "ARABIC LIGATURE ALLAH": False,
        }
    )
    return reshaper.reshape, get_display, MIRRORED


# The reliance by the name only this module may write: tests/test_contracts.py
# searches the rest of the project's code for it.
GUARDED = {
    r"bidi\.mirror": (),
}
