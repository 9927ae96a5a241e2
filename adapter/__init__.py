"""The MkDocs side of the site: everything that knows MkDocs, Material,
mkdocs-macros or mkdocs-static-i18n exists. The figure layer (figures/)
knows none of them; macros.py, the entry point mkdocs-macros loads, and
hooks.py, the one file under `hooks:` in mkdocs.yml, hand its output to
MkDocs.

- hooks.py: each MkDocs event, its priority and why; the project's code
  imported afresh for every build of the site after the first.
- events/: what the site does at MkDocs' events. site.py: the build's
  start, and its end (the site's own files, search indexes per edition,
  redirects, the public-address check), and the server of `mkdocs serve`;
  pages.py: each page's sharing
  tags, language selector and direction, and the one 404 page.
- build/: what one build knows and makes. state.py: the build's state,
  dropped when it ends or fails; data.py: the data read for a build;
  site_config.py: mkdocs.yml's pages, moves and the site's addresses;
  redirects.py: a moved page's old address, in every edition;
  preview_cache.py: preview images kept in .cache/, and under `mkdocs
  serve` drawn in a process beside the build; problems.py: how
  `mkdocs serve` shows a mistake.
- checks/: what stops a build. editions.py: every edition has every page
  and nav title; page_text.py: no digit typed in a page, no heading
  anchored by a number alone;
  untranslated.py: no mark of a text awaiting translation, when
  publishing; public_addresses.py: the public addresses resolve;
  settings.py: the shell's SITE_URL, ISSUES_URL and SOURCE_DATE_EPOCH, and
  every key under `extra` (extra.schema.json, the moved pages included),
  checked where they enter.
- wrappers/: the one module per package that relies on its behaviour past
  its documented API, each listing what it relies on, the version it was
  read from, and pinned by tests/test_contracts.py: i18n.py
  (mkdocs-static-i18n), macros_plugin.py (mkdocs-macros and Jinja),
  material.py (Material for MkDocs, and what overrides/ copied),
  mkdocs.py (MkDocs, and the watchdog its server polls with).
- new_edition.py: `python -m adapter.new_edition es`, an edition started
  in one command, all or nothing.
"""
