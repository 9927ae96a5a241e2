"""MkDocs, where this site goes past its documented plugin API: the one
module that does. Read from MkDocs 1.6.1 (pinned; tests/test_contracts.py
fails, naming the item, if an upgrade changes one):

- `Page.present_anchor_ids`: the ids MkDocs found while converting the
  page's Markdown, against which it checks every link to an anchor
  (`validation: anchors`). The block components go around Markdown
  (adapter/blocks.py), so their ids (a figure's row) are added here.
- `File.url` and `File.dest_uri` of a generated file, which
  mkdocs-static-i18n does not place in an edition's folder: set here.
"""

from __future__ import annotations

VERSION_READ = "1.6.1"


def add_anchor_ids(page, ids: set[str]) -> None:
    """Count `ids` among the anchors a link to this page may point at."""
    if page.present_anchor_ids is not None and ids:
        page.present_anchor_ids |= ids


def place_in_folder(file, folder: str) -> None:
    """Publish a generated file under `folder` ("fr/"), as its edition's."""
    file.dest_uri = folder + file.dest_uri
    file.url = folder + file.url
