"""Two builds of the same commit give byte-identical sites, and a build
needs no network."""

import os
import shutil
import subprocess
import sys

from helpers import PROJECT, clean_environment

EPOCH = "1510790400"  # 16 November 2017, 00:00 UTC: a fixed time whose date is easy to check


def _build(site_dir, isolate_network: bool) -> subprocess.CompletedProcess:
    env = clean_environment(SOURCE_DATE_EPOCH=EPOCH)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if isolate_network:
        # A new network namespace has no interface but a downed loopback:
        # any attempt to reach the network fails.
        command = ["unshare", "--net", *command]
    return subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120)


def _files(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def _can_isolate_network() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--net", "true"], capture_output=True).returncode == 0


def test_two_builds_are_byte_identical_and_need_no_network(tmp_path):
    first = _build(tmp_path / "one", isolate_network=False)
    assert first.returncode == 0, first.stderr
    isolated = _can_isolate_network()
    if os.environ.get("CI"):
        assert isolated, "CI runs as root and must be able to build without a network"
    second = _build(tmp_path / "two", isolate_network=isolated)
    assert second.returncode == 0, second.stderr
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert b"2017-11-16" in one["sitemap.xml"]  # SOURCE_DATE_EPOCH is the sitemap's date
