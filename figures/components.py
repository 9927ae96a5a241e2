"""Every component a page can use, in one renderer."""

from .charts import ChartRenderer
from .reference import ReferenceRenderer


class Components(ChartRenderer, ReferenceRenderer):
    """Inline figures, cards and quotes (Renderer), the key figures and the
    reference table (ReferenceRenderer), and the charts (ChartRenderer)."""

    @classmethod
    def names(cls) -> list[str]:
        """The components pages may call, marked with @component."""
        return sorted(name for name in dir(cls) if getattr(getattr(cls, name), "is_component", False))
