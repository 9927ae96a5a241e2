"""Two builds of the same commit give byte-identical sites, and a build
needs no network: the run's shared site is built again from a copy of the
project in another folder, with nothing kept from earlier builds (no
.cache/: every template compiled, every image drawn) and without a network
where the machine allows it, and the two are compared file by file."""

import os
import shutil
import subprocess

from helpers import RELEASE_DATE, SOURCE_DATE_EPOCH, build, copy_project


def _can_isolate_network() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--net", "true"], capture_output=True).returncode == 0


def _files(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical_and_need_no_network(site, tmp_path):
    isolated = _can_isolate_network()
    if os.environ.get("CI"):
        assert isolated, "CI runs as root and must be able to build without a network"
    # A new network namespace has no interface but a downed loopback: any
    # attempt to reach the network fails.
    again = build(copy_project(tmp_path / "project"), tmp_path / "again", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
                  prefix=("unshare", "--net") if isolated else ())
    assert again.returncode == 0, again.stderr
    one, two = _files(site), _files(tmp_path / "again")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert RELEASE_DATE.encode() in one["sitemap.xml"]  # SOURCE_DATE_EPOCH is the sitemap's date
