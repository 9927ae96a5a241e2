"""The GitHub workflow is valid, pinned and clean: GitHub's workflow schema
(as check-jsonschema vendors it) and zizmor's audits, offline."""

import re
import subprocess
import sys
from pathlib import Path

from helpers import PROJECT, clean_environment

WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=clean_environment())


def test_the_workflow_matches_githubs_schema():
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_as_an_auditor():
    result = _run(str(BIN / "zizmor"), "--offline", "--persona=auditor", "--no-progress", str(WORKFLOW))
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, \
        result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{action}: no version comment"
