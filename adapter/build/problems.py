"""How `mkdocs serve` shows a mistake: in place of the page being viewed, as
Hugo's server does (`mkdocs build` stops instead: adapter/build/state.py)."""

from __future__ import annotations

from markupsafe import escape

PANEL_CLASS = "build-problem"


def panel(message: str) -> str:
    """The message as the page's whole content. The text is escaped for
    HTML, and braces become entities so that no template engine reads it
    again."""
    escaped = str(escape(message)).replace("{", "&#123;").replace("}", "&#125;")
    return (
        f'<div class="admonition failure {PANEL_CLASS}" role="alert">'
        '<p class="admonition-title">This page cannot be built until this is fixed</p>'
        f"<pre><code>{escaped}</code></pre>"
        "<p>The page reloads by itself once the file is saved with the mistake fixed.</p></div>"
    )
