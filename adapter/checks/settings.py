"""Every setting checked where it enters the build, with a message that
names it: the shell's SITE_URL, ISSUES_URL and SOURCE_DATE_EPOCH, and each
key under `extra` in mkdocs.yml (adapter/checks/extra.schema.json), the moved
pages included.

The shell's settings are checked when the site's build starts
(`check_environment`, from the on_config hook): they cannot change while
`mkdocs serve` runs, and MkDocs itself would crash on a bad
SOURCE_DATE_EPOCH later, so a bad one stops serve too, with its message.
What mkdocs.yml holds is checked with the data (`check_extra`, from
macros.py), so `mkdocs serve` shows it in the page until it is fixed.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from figures import FigureDataError
from figures.schema import load_schema, validate
from figures.yamlfile import YamlDocument

EXTRA_SCHEMA = Path(__file__).with_name("extra.schema.json")
_EXTRA_SCHEMA_NAME = "adapter/checks/extra.schema.json"
MOVED = ("extra", "moved_pages")
# What an address may not hold: it lands in attributes, the sitemap, JSON,
# BibTeX and CSL, and a reader's copy button.
_UNSAFE_IN_ADDRESS = re.compile(r"[\s\"'`<>{}\\|^]")
_ADDRESS_AT_MOST = 300
# SOURCE_DATE_EPOCH: whole seconds from 1970 to the end of 9999 (what a date can show).
_EPOCH_AT_MOST = int(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())


def check_environment(config, environ=os.environ) -> None:
    """SITE_URL, ISSUES_URL and SOURCE_DATE_EPOCH, as the shell gives them;
    raises FigureDataError naming the variable."""
    site_url = config["site_url"]
    if "SITE_URL" in environ or site_url is not None:
        source = "SITE_URL" if "SITE_URL" in environ else "site_url in mkdocs.yml"
        _check_address(site_url or "", source, empty_allowed=False)
    issues_url = (config["extra"] or {}).get("issues_url")
    if isinstance(issues_url, str) and issues_url:
        _check_address(
            issues_url,
            "ISSUES_URL" if "ISSUES_URL" in environ else "extra › issues_url in mkdocs.yml",
            empty_allowed=True,
        )
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not (epoch.isascii() and epoch.isdigit() and int(epoch) <= _EPOCH_AT_MOST):
        raise FigureDataError(
            f"SOURCE_DATE_EPOCH is {epoch[:40]!r}, which is not a whole number of seconds in range",
            expected=f"a whole number of seconds since 1970-01-01 UTC, from 0 to {_EPOCH_AT_MOST}, such as "
            "$(git log -1 --format=%ct); or SOURCE_DATE_EPOCH unset",
        )


def build_date(environ=os.environ) -> str:
    """The day of this build, ISO 8601: SOURCE_DATE_EPOCH's when it is set,
    so a rebuild of the same commit decides the same way; today's otherwise."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


def _check_address(address: str, source: str, empty_allowed: bool) -> None:
    expected = (
        f"an http or https address of at most {_ADDRESS_AT_MOST} characters, with no space, quote, "
        "brace or angle bracket, such as https://example.org/site/"
        + ("; or empty for none" if empty_allowed else f"; or {source.split()[0]} unset")
    )
    if not address:
        raise FigureDataError(f"{source} is empty", expected=expected)
    shown = address[:80] + ("…" if len(address) > 80 else "")
    if len(address) > _ADDRESS_AT_MOST:
        raise FigureDataError(f"{source} is {len(address)} characters long ({shown!r})", expected=expected)
    unsafe = _UNSAFE_IN_ADDRESS.search(address)
    if unsafe:
        raise FigureDataError(f"{source} ({shown!r}) holds {unsafe.group()!r}", expected=expected)
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FigureDataError(f"{source} ({shown!r}) is not an http or https address", expected=expected)


def check_extra(config, docs_dir: Path, pages: list[str]) -> None:
    """Every key under `extra` against adapter/checks/extra.schema.json, then the
    moved pages: each a page of docs/, moved to a page of the site, not to
    itself nor round a loop, its old page gone."""
    extra = dict(config["extra"] or {})
    validate(
        YamlDocument({"extra": extra}, {}, "mkdocs.yml"),
        {"type": "object", "properties": {"extra": load_schema(EXTRA_SCHEMA, _EXTRA_SCHEMA_NAME)}},
        _EXTRA_SCHEMA_NAME,
    )
    moved = extra.get("moved_pages") or {}

    def error(old: str, problem: str, expected: str) -> FigureDataError:
        return FigureDataError(problem, file="mkdocs.yml", key=(*MOVED, old), expected=expected)

    for old, new in moved.items():
        if old == new:
            raise error(old, f"the page '{old}' is moved to itself", "a move from a page's old name to its new one")
        if (docs_dir / old).exists():
            raise error(
                old,
                f"the page '{old}' is declared moved, but docs/{old} still exists",
                f"docs/{old} renamed to docs/{new} (git mv), or the move deleted from extra › moved_pages",
            )
        seen, step = [old], new
        while step in moved:
            if step in seen:
                raise error(
                    old,
                    "the moved pages go round a loop: " + " → ".join([*seen, step]),
                    "each old name moved once, to a page of the site",
                )
            seen.append(step)
            step = moved[step]
        if new in moved:
            raise error(
                old,
                f"the page '{old}' is moved to '{new}', which is itself declared moved (to '{moved[new]}')",
                f"'{old}' moved straight to its page: {old}: {step}",
            )
