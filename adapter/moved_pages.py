"""Pages that moved: declared once in mkdocs.yml, by source path,

    extra:
      moved_pages:
        source-and-method.md: method.md

and kept alive at their old address in every edition by a redirect page
(hooks/moved_pages.py writes them; macros.py keeps the old names in
objects.inv)."""

from __future__ import annotations

import json
import posixpath

from mkdocs.structure.files import File

from figures.editions import Edition
from figures.templating import render


def moved_pages(config) -> dict[str, str]:
    """{old source path: new source path}, as mkdocs.yml declares them."""
    return dict((config.extra or {}).get("moved_pages") or {})


def page_url(src_path: str, config) -> str:
    """The page's address as MkDocs makes it: "method.md" -> "method/"."""
    return File(src_path, config.docs_dir, config.site_dir, config.use_directory_urls).url


def redirect_page(old: str, new: str, site_url: str, edition: Edition) -> str:
    """The page left at `old` (site-relative) sending readers to `new`,
    with the #anchor kept (a meta refresh drops it; the script keeps it)."""
    target = posixpath.relpath(new or ".", old or ".") + "/"
    return render("redirect.html", edition=edition, words=edition.words["page_moved"], target=target,
                  absolute=site_url + new, new=new,
                  script_target=json.dumps(target).replace("<", "\\u003c")) + "\n"
