"""The benchmark still applies to the code: each of its edits (the floor,
and going without each speed mechanism) finds the line it replaces. The
timings themselves are printed by `make bench`, never asserted."""

import importlib.util

import pytest

from helpers import PROJECT, copy_project

_SPEC = importlib.util.spec_from_file_location("bench", PROJECT / "benchmarks" / "bench.py")
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)


@pytest.mark.parametrize(
    "edit", [bench.floor_site, *dict.fromkeys(without for _, without, _ in bench.MECHANISMS)], ids=lambda e: e.__name__
)
def test_each_benchmark_edit_finds_its_line(edit, tmp_path):
    edit(copy_project(tmp_path / "project"))
