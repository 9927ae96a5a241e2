"""Mistakes in a page's source that the build refuses: digits typed where
every number must come from the data file through a macro, and headings
whose anchor would only be a number."""

from __future__ import annotations

import re

# Jinja expressions, statements and comments: what a page may hold digits in.
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def typed_digits(markdown: str) -> list[tuple[int, str]]:
    """(line number, line) for each line with a digit outside template tags,
    front matter included, since MkDocs never renders macros there."""
    # Blank out tags but keep their newlines, so line numbers stay right.
    stripped = _TEMPLATE_TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    return [
        (number, line.strip()) for number, line in enumerate(stripped.splitlines(), start=1) if re.search(r"\d", line)
    ]


# A section heading (## to ######), with its { #id } or other attributes.
_HEADING = re.compile(r"^(#{2,6})[ \t]+(?P<text>.*?)[ \t]*(?P<attributes>\{:?[^{}]*\})?[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


def unnamed_headings(markdown: str) -> list[tuple[int, str]]:
    """(line number, line) for each section heading whose anchor Markdown
    would number (`_1`, `_2`…): text with no Latin letter or digit to make
    an id from (an Arabic heading), and no { #id } of its own. Such an
    anchor changes whenever a heading is added above it."""
    from markdown.extensions.toc import slugify  # the id maker of mkdocs.yml's `toc` (its default)

    found, fenced = [], False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match and "#" not in (match["attributes"] or "") and not slugify(match["text"], "-"):
            found.append((number, line.strip()))
    return found
