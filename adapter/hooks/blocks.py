"""Put block components back into each page once Markdown is done with it,
and the parts that search leaves out once the page is finished
(see adapter/blocks.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from adapter import blocks  # noqa: E402


def on_page_content(html, page, config, files):
    restored = blocks.restore(html)
    # MkDocs checks links to anchors against the ids it saw in the Markdown;
    # the blocks' ids (a figure's row) count too.
    if page.present_anchor_ids is not None and restored is not html:
        page.present_anchor_ids |= blocks.ids_in(restored)
    return restored


def on_post_page(output, page, config):
    return blocks.restore_late(output)
