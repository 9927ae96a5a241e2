"""The components pages may call, each by the renderer that draws it.

A renderer has one job (html.py: figures, quotes, people and dates in
running text and as cards; reference.py: every figure at once; charts.py;
cards.py: the cards to embed; corrections.py: the version and the log of
changes). A method marked @component is a macro pages may call, so the
list cannot drift from the code.
"""

from __future__ import annotations

from .cards import CardRenderer
from .charts import ChartRenderer
from .corrections import CorrectionsRenderer
from .html import Renderer
from .reference import ReferenceRenderer

RENDERERS = (Renderer, ReferenceRenderer, ChartRenderer, CardRenderer, CorrectionsRenderer)


def _components() -> dict[str, type[Renderer]]:
    found: dict[str, type[Renderer]] = {}
    for renderer in RENDERERS:
        for name, method in vars(renderer).items():
            if getattr(method, "is_component", False):
                assert name not in found, f"two renderers define the component {name!r}"
                found[name] = renderer
    return dict(sorted(found.items()))


# component name -> the renderer that defines it
COMPONENTS: dict[str, type[Renderer]] = _components()
