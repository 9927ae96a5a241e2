"""After the last edition is built, check that every public address in
data/public_urls.txt still resolves (a page, an anchor, an export, or a
redirect to one): a renamed page or heading stops the build."""

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT_DIR))

from adapter.problems import stop_or_log  # noqa: E402
from adapter.site_addresses import PUBLIC_URLS, problem_with, public_addresses  # noqa: E402


@event_priority(-300)  # after the editions hook (-200) has finished the site
def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an edition built from inside the i18n plugin: the site is not finished
    project_dir = Path(config.config_file_path).parent
    broken = [(line, address, problem) for line, address in public_addresses(project_dir)
              if (problem := problem_with(Path(config.site_dir), address))]
    if not broken:
        return
    line, address, problem = broken[0]
    more = f" (and {len(broken) - 1} more listed addresses)" if len(broken) > 1 else ""
    stop_or_log(
        f"{PUBLIC_URLS.as_posix()}, line {line}: the public address {address} no longer resolves "
        f"({problem.removeprefix(address + ': ')}){more}; expected every listed address to keep working: "
        "add a redirect for a moved page, or keep an anchor with { #old-id }. See “Moving a page” in the README.")
