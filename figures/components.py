"""Every component a page can use, in one renderer."""

from .cards import CardRenderer
from .charts import ChartRenderer
from .corrections import CorrectionsRenderer
from .reference import ReferenceRenderer


class Components(ChartRenderer, CardRenderer, ReferenceRenderer, CorrectionsRenderer):
    """Inline figures, cards and quotes (Renderer), the key figures and the
    reference table (ReferenceRenderer), the charts (ChartRenderer), the
    embeddable cards (CardRenderer), and the corrections page and the
    footer (CorrectionsRenderer)."""

    @classmethod
    def names(cls) -> list[str]:
        """The components pages may call, marked with @component."""
        return sorted(name for name in dir(cls) if getattr(getattr(cls, name), "is_component", False))

    @classmethod
    def block_names(cls) -> frozenset[str]:
        """The components whose HTML is a block of its own (@block_component)."""
        return frozenset(name for name in cls.names() if getattr(getattr(cls, name), "is_block", False))
