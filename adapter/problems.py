"""Report a mistake the same way from every check: `mkdocs build` stops with
the one-paragraph message; `mkdocs serve` logs it and shows it in place of
the page being viewed, as Hugo's server does, and keeps serving."""

from __future__ import annotations

import logging

from markupsafe import escape
from mkdocs.exceptions import PluginError

from . import mode

log = logging.getLogger("mkdocs.plugins.figures")

PANEL_CLASS = "build-problem"


def stop_or_log(message: str) -> None:
    """Stop the build; when serving, log the message and carry on."""
    if not mode.serving:
        raise PluginError(message)
    log.error(message)


def panel(message: str) -> str:
    """The message as the page's whole content, for `mkdocs serve`. The text
    is escaped for HTML, and braces become entities so that no template
    engine reads it again."""
    escaped = str(escape(message)).replace("{", "&#123;").replace("}", "&#125;")
    return (f'<div class="admonition failure {PANEL_CLASS}" role="alert">'
            '<p class="admonition-title">This page cannot be built until this is fixed</p>'
            f"<pre><code>{escaped}</code></pre>"
            "<p>The page reloads by itself once the file is saved with the mistake fixed.</p></div>")
