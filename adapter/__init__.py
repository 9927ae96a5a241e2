"""The MkDocs side of the site: everything that knows MkDocs, Material or
the i18n plugin exists, apart from macros.py, the entry point that
mkdocs-macros loads. The figure layer (figures/) knows none of it.

- mode.py: whether MkDocs is serving (show mistakes) or building (stop).
- problems.py: one way to report a mistake in either mode.
- site_addresses.py: resolve the public addresses in a built site.
- editions.py: checks that every edition has every page and nav entry.
- hooks/: MkDocs hooks (listed under `hooks:` in mkdocs.yml).
"""
