"""Whether this MkDocs process is serving or building.

`mkdocs build` stops on a mistake; `mkdocs serve` must live through it and
show it in the page. MkDocs says which command runs only through the
`on_startup` event, which hooks/authoring.py receives and records here, for
macros.py to read (both import this one module object).
"""

serving = False
