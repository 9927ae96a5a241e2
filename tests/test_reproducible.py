"""Two builds of the same commit give byte-identical sites, and a build
needs no network: the run's shared site is built again from a copy of the
project in another folder, with nothing kept from earlier builds (no
.cache/: every template compiled, every image drawn), with every network
call refused and, on Linux, without the system's FriBiDi (as on a fresh
macOS or Windows machine), and the two are compared file by file.

How the network is refused: the build's Python starts with a
`sitecustomize.py` of the test's own on PYTHONPATH (Python's `site` imports
it before anything else), which replaces socket's connect and name look-up
with a function that records the attempt and raises. It needs neither root
nor user namespaces (`unshare --net` needs one or the other; a GitHub runner
has neither for sure), so it holds the same on a runner, as an unprivileged
user and on a laptop. pytest-socket guards only the pytest process, not the
`mkdocs build` the test starts, so it would prove nothing here.

The guard proves itself: the build writes that it was installed, a probe
under the same guard is refused a connection to a server that the probe
reaches without it, and any attempt the build made is listed."""

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import RELEASE_DATE, SOURCE_DATE_EPOCH, build, clean_environment, copy_project, without_system_fribidi

_GUARD = textwrap.dedent('''\
    """Refuse every network call of this Python process, and say so."""
    import os
    import socket

    _LOG = os.environ["NETWORK_GUARD_LOG"]


    def _write(line):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {line}\\n")


    def _refuse(*args, **kwargs):
        _write(f"refused {args[1:] if args and isinstance(args[0], socket.socket) else args!r}")
        raise OSError("network refused by the test's guard (tests/test_reproducible.py)")


    for _name in ("connect", "connect_ex", "sendto"):
        setattr(socket.socket, _name, _refuse)
    for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "create_connection"):
        setattr(socket, _name, _refuse)
    _write("installed")
    ''')


def _guard(folder: Path) -> dict[str, str]:
    """The environment that runs a Python process under the guard."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(_GUARD, encoding="utf-8")
    return {"PYTHONPATH": str(folder), "NETWORK_GUARD_LOG": str(folder / "log")}


def _log(guard: dict[str, str]) -> list[str]:
    path = Path(guard["NETWORK_GUARD_LOG"])
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _files(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_the_guard_refuses_a_connection_that_works_without_it(tmp_path):
    """The control: a probe connects to a server on this machine, then,
    under the guard, is refused and the refusal is recorded."""
    guard = _guard(tmp_path / "guard")
    probe = (
        "import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5).close(); "
        "print('connected')"
    )
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = str(server.getsockname()[1])
        free = subprocess.run(
            [sys.executable, "-c", probe, port], capture_output=True, text=True, timeout=30, env=clean_environment()
        )
        guarded = subprocess.run(
            [sys.executable, "-c", probe, port],
            capture_output=True,
            text=True,
            timeout=30,
            env=clean_environment(**guard),
        )
    assert free.returncode == 0 and free.stdout.strip() == "connected", free.stderr
    assert guarded.returncode != 0 and "network refused by the test's guard" in guarded.stderr, guarded.stderr
    log = _log(guard)
    assert any(line.endswith(" installed") for line in log) and any(" refused " in line for line in log), log


def test_two_builds_are_byte_identical_and_need_no_network(site, tmp_path):
    guard = _guard(tmp_path / "guard")
    bare = without_system_fribidi(tmp_path / "no-fribidi") if sys.platform == "linux" else {}
    again = build(
        copy_project(tmp_path / "project"), tmp_path / "again", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, **guard, **bare
    )
    assert again.returncode == 0, again.stderr
    log = _log(guard)
    assert any(line.endswith(" installed") for line in log), f"the guard was not installed in the build: {log}"
    assert [line for line in log if " refused " in line] == [], "the build tried to reach the network"
    one, two = _files(site), _files(tmp_path / "again")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert RELEASE_DATE.encode() in one["sitemap.xml"]  # SOURCE_DATE_EPOCH is the sitemap's date
