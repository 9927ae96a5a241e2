"""The MkDocs side of the site: everything that knows MkDocs, Material,
mkdocs-macros or mkdocs-static-i18n exists. The figure layer (figures/)
knows none of them; macros.py, the entry point mkdocs-macros loads, and
hooks.py, the one file under `hooks:` in mkdocs.yml, hand its output to
MkDocs.

Where the site reaches past a package's documented API, it does so in the
one module that wraps that package, which names the version it was read
from (tests/test_contracts.py pins each):

- i18n.py: mkdocs-static-i18n (the edition being built, the language
  selector's list, its combined search index);
- macros_plugin.py: mkdocs-macros and Jinja (the page's template, the
  plugin's own macros and variables, its error option);
- mkdocs_internals.py: MkDocs (a page's anchor ids, a generated file's place);
- material.py: Material for MkDocs (what overrides/ copied from its templates).

The build, step by step:

- hooks.py: each MkDocs event, its priority and why; the project's code
  imported afresh when a build of the site starts and one of its .py files
  changed.
- build_state.py: what one build of the site knows (its data, each page's
  problems and blocks, the pages built), dropped when it ends or fails.
- build_steps.py: what the site does at each event: theme tables, block
  components put back, sharing tags, the 404 page, and at the end the
  site's own files (figures/site_files.py), search indexes per edition,
  redirects and the public-address check.
- site_data.py: the data file and the editions' words, read for a build.
- page_urls.py: SiteAddresses from MkDocs' File.url and mkdocs.yml's nav.
- edition_checks.py: every edition has every page and nav title.
- page_lint.py: no digit typed in a page.
- blocks.py: block components kept out of Markdown's way.
- redirects.py: a moved page's old address, in every edition.
- settings.py: the shell's SITE_URL, ISSUES_URL and SOURCE_DATE_EPOCH, and
  every key under `extra` (extra.schema.json, the moved pages included),
  checked where they enter.
- new_edition.py: `python -m adapter.new_edition es`, an edition started
  in one command, all or nothing.
- link_check.py: public addresses resolve in a built site.
- preview_cache.py, template_cache.py: what a build keeps in .cache/.
- problems.py: how `mkdocs serve` shows a mistake in the page.
"""
