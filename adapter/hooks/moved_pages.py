"""Keep a moved page's old address working, in every edition.

A page that moves is declared once in mkdocs.yml, by source path:

    extra:
      moved_pages:
        source-and-method.md: method.md

After the last edition is built, each old address gets a redirect page in
each edition (/source-and-method/, /fr/source-and-method/ and
/ar/source-and-method/), sending the reader to the same edition's new page
with the anchor kept. mkdocs-redirects does this for English only: with the
i18n plugin's suffix structure it points the other editions at pages that
do not exist (mkdocs-redirects issues 33 and 63). macros.py keeps the old
name in objects.inv, so intersphinx links to it keep resolving.
"""

import json
import posixpath
from html import escape
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# Said on the redirect page, which shows for an instant or without JavaScript.
MOVED = {"en": "This page has moved", "fr": "Cette page a été déplacée", "ar": "نُقلت هذه الصفحة"}
RTL = {"ar"}


def moved_pages(config) -> dict[str, str]:
    """{old source path: new source path}, as mkdocs.yml declares them."""
    return dict((config.extra or {}).get("moved_pages") or {})


def page_url(src_path: str, config) -> str:
    """The page's address as MkDocs makes it: "method.md" -> "method/"."""
    return File(src_path, config.docs_dir, config.site_dir, config.use_directory_urls).url


@event_priority(-250)  # after the editions hook (-200), before the address check (-300)
def on_post_build(config, **kwargs) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an edition built from inside the i18n plugin: the site is not finished
    languages = i18n.build_languages if i18n else ["en"]
    default = i18n.default_language if i18n else "en"
    site_url = (config.site_url or "/").rstrip("/") + "/"
    for old, new in moved_pages(config).items():
        for language in languages:
            prefix = "" if language == default else f"{language}/"
            _write_redirect(Path(config.site_dir), prefix + page_url(old, config),
                            prefix + page_url(new, config), site_url, language)


def _write_redirect(site_dir: Path, old: str, new: str, site_url: str, language: str) -> None:
    target = posixpath.relpath(new or ".", old or ".") + "/"
    absolute = escape(site_url + new)
    script_target = json.dumps(target).replace("<", "\\u003c")
    words = MOVED.get(language, MOVED["en"])
    html = (
        "<!doctype html>\n"
        f'<html lang="{language}" dir="{"rtl" if language in RTL else "ltr"}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f"<title>{escape(words)}</title>\n"
        f'<meta name="description" content="{escape(words)}: /{escape(new)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{absolute}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        # The refresh drops the #anchor; the script keeps it.
        f"<script>location.replace({script_target} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>{escape(words)}: <a href="{escape(target)}">{absolute}</a></p>\n'
        "</body>\n</html>\n")
    path = site_dir / old / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
