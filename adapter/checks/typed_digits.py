"""Find digits typed into page sources, where every number must come from
the data file through a macro."""

from __future__ import annotations

import re

# Jinja expressions, statements and comments: what a page may hold digits in.
_TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def typed_digits(markdown: str) -> list[tuple[int, str]]:
    """(line number, line) for each line with a digit outside template tags,
    front matter included, since MkDocs never renders macros there."""
    # Blank out tags but keep their newlines, so line numbers stay right.
    stripped = _TEMPLATE_TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markdown)
    return [(number, line.strip()) for number, line in enumerate(stripped.splitlines(), start=1)
            if re.search(r"\d", line)]
