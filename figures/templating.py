"""Render the components' HTML from small Jinja2 templates (figures/templates/).

Every value a template writes is escaped for where it lands, with no call to
remember: `finalize` makes plain text inert both as HTML and as Markdown
(MkDocs still runs Markdown between inline tags), and autoescape leaves
already-rendered parts (Markup) alone. A `None` reaching a template is a bug
and raises, so a page can never show "None".
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

# Characters that Markdown (with the extensions in mkdocs.yml) would read as
# markup. As numeric entities they display unchanged and mean nothing.
_MARKDOWN = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^="}
# What markupsafe.escape replaces ("&" first), then Markdown's characters.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}


def _replacer(entities: dict[str, str]):
    """A function replacing each of `entities`' characters with its entity.

    Components write hundreds of thousands of strings at scale. One
    `str.replace` per character present is several times faster than
    `str.translate` with a table, which looks up every character of the
    text (13 µs for a sentence of Arabic). The entities hold no character
    of the table but "&", which is replaced first."""
    pairs = tuple(entities.items())

    def replace(value: str) -> str:
        for character, entity in pairs:
            if character in value:
                value = value.replace(character, entity)
        return value

    return replace


_inert_markdown = _replacer(_MARKDOWN)
_inert_text = _replacer({**_HTML, **_MARKDOWN})
_html_text = _replacer({k: _HTML[k] for k in "&<>"})


def text(value: object) -> Markup:
    """`value` as inert text inside HTML inside Markdown."""
    if hasattr(value, "__html__"):  # already HTML: only Markdown's characters
        return Markup(_inert_markdown(value.__html__()))
    return Markup(_inert_text(str(value)))


def tooltip(value: object) -> Markup:
    """`value` for a `title` attribute that Material shows as a tooltip.

    Material's tooltips insert the attribute's decoded value as HTML
    (innerHTML), so the text is escaped once for that, then again for the
    attribute: the tooltip then shows the text, and runs nothing."""
    return text(_html_text(str(value)))


def _inert(value: object) -> object:
    if value is None:
        raise ValueError("a template was given None: the component has a bug")
    return value if isinstance(value, Markup) else text(value)


class _OneLineLoader(FileSystemLoader):
    """Templates are written one tag a line, for reading; each line is
    stripped and the lines joined, so the HTML comes out on one line (a blank
    line inside would end an HTML block in Markdown). Data keeps its own
    line breaks (a BibTeX entry in <pre>). Comments start with {#."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


_environment = Environment(
    loader=_OneLineLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    finalize=_inert,
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)
_environment.filters["tooltip"] = tooltip
# A coordinate, written as is: a number needs no escaping, and a drawing
# writes hundreds of thousands of them at scale.
_environment.filters["num"] = lambda value: Markup(f"{float(value):.1f}")


def render(template: str, **context: object) -> Markup:
    return Markup(_environment.get_template(template).render(**context))


def inline():
    """The Jinja macros of inline.html (the small pieces every component is
    made of), as callables returning Markup. Looked up on each use, not kept
    at import: Jinja compiles a template again once its file changed
    (`auto_reload`), so `mkdocs serve` shows an edited template at once."""
    return _environment.get_template("inline.html").module
