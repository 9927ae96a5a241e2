"""Serve a built site the way GitHub Pages serves a project (under
/<repository>/), drive a Chromium or a Chrome with Playwright (found by
browser_path.py), and weigh what a page view transfers. Shared by the browser tests and the benchmark."""

from __future__ import annotations

import functools
import gzip
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from browser_path import browser_path

from helpers import SUB_ORIGIN, SUB_PATH, addresses, clean_environment, mkdocs

PROJECT = Path(__file__).resolve().parents[1]
# Without the background-networking flags Chromium calls Google's servers on
# start, which this machine refuses; a fresh profile keeps runs independent.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GZIP_LEVEL = 6  # what web servers commonly use; level 9 would flatter the figures


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served_site(root: Path, port: int = 0):
    """Serve `root` on 127.0.0.1; yields the origin, e.g. http://127.0.0.1:41234."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build_under_sub_path(
    site_dir: Path, origin: str = SUB_ORIGIN, project: Path = PROJECT, sub_path: str = SUB_PATH
) -> Path:
    """Build `project` into `site_dir`, with its site_url under `sub_path`."""
    result = mkdocs(project, "build", "--strict", "--quiet", "--site-dir", str(site_dir), SITE_URL=origin + sub_path)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def launch_chromium(playwright):
    """The browser browser_path.py finds, headless."""
    # --no-proxy-server: Chromium would otherwise honour a proxy in the
    # shell's environment, even for 127.0.0.1.
    return playwright.chromium.launch(
        executable_path=str(browser_path()), args=[*CHROMIUM_ARGS, "--no-proxy-server"], env=clean_environment()
    )


class Tab:
    """One Chromium page that a worker's browser tests take turns on, as a
    first-time reader would open it: `fresh()` empties the cache (unless
    told to keep it), the site's storage (Material keeps the chosen palette
    there) and the log. (A new page or context per test costs Chromium
    about half a second.)"""

    def __init__(self, browser, origin: str) -> None:
        self.origin = origin
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.log: dict[str, list[str]] = {"requests": [], "failed": [], "console": [], "dialogs": []}
        page, log = self.page, self.log
        page.on("request", lambda r: log["requests"].append(r.url))
        page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: log["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.on("console", lambda m: log["console"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: log["console"].append(str(error)))
        page.on("dialog", lambda dialog: (log["dialogs"].append(dialog.message), dialog.dismiss()))

    def fresh(self, width: int = 390, height: int = 844, scheme: str = "light", keep_cache: bool = False):
        self.page.goto("about:blank")
        if not keep_cache:
            self.cdp.send("Network.clearBrowserCache")
        self.cdp.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": "all"})
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.emulate_media(color_scheme=scheme)
        for entries in self.log.values():
            entries.clear()
        return self.page

    def close(self) -> None:
        self.context.close()


def file_for_url(site_dir: Path, url: str) -> Path:
    path = urlsplit(url).path
    assert path.startswith(SUB_PATH), f"{url} is outside the site"
    relative = path[len(SUB_PATH) :]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site_dir / relative


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def transferred(site_dir: Path, urls: list[str]) -> int:
    """Gzip bytes of the files behind `urls`: what a server compressing its
    responses sends. Bytes, not times, so the figure is stable."""
    return sum(gzip_size(file_for_url(site_dir, url)) for url in dict.fromkeys(urls))


def chromium_available() -> bool:
    return browser_path() is not None


_ADDRESSES = addresses()
EDITIONS = list(_ADDRESSES.editions.values())  # the default edition at the root, then each one's folder
PAGES = [_ADDRESSES.page(src, language) for language in _ADDRESSES.editions for src in _ADDRESSES.pages]
NOT_FOUND = "404.html"  # what GitHub Pages shows for an address that does not exist


def second_page(path: str) -> str:
    """The page a reader opens after `path`: its edition's home page, or,
    from a home page, the edition's next page."""
    if path == NOT_FOUND:
        return EDITIONS[0]
    edition = next(e for e in reversed(EDITIONS) if path.startswith(e))
    home = edition
    return PAGES[PAGES.index(home) + 1] if path == home else home
