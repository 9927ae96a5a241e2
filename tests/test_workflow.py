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
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, (
        result.stdout + result.stderr
    )


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = re.findall(r"uses:\s*(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{action}: no version comment"


# What each action the workflow uses needs of the job's token, from each
# action's documentation: configure-pages reads the Pages site through
# GitHub's API; deploy-pages writes it and proves, with an OIDC token, which
# run made the artifact; checkout reads the repository.
# upload-pages-artifact and setup-python need nothing of the token.
NEEDED = {
    "actions/checkout": {"contents": "read"},
    "actions/setup-python": {},
    "actions/configure-pages": {"pages": "read"},
    "actions/upload-pages-artifact": {},
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
}
_LEVELS = {"none": 0, "read": 1, "write": 2}


def _workflow() -> dict:
    import yaml

    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _granted(permissions) -> dict[str, str]:
    """A `permissions:` value as scope -> level ("read-all", "write-all" or a map)."""
    if isinstance(permissions, str):
        level = permissions.removesuffix("-all")
        return {scope: level for needs in NEEDED.values() for scope in needs}
    return dict(permissions or {})


def _missing_permissions(workflow: dict) -> list[str]:
    """Each step whose job's token lacks what its action needs. A job's own
    `permissions:` replaces the workflow's (GitHub's documentation)."""
    missing = []
    for job_id, job in workflow["jobs"].items():
        granted = _granted(job["permissions"] if "permissions" in job else workflow.get("permissions"))
        for step in job.get("steps", []):
            if "uses" not in step:
                continue
            action = step["uses"].split("@")[0]
            assert action in NEEDED, f"{action}: say in NEEDED what it needs of the token"
            for scope, level in NEEDED[action].items():
                if _LEVELS[granted.get(scope, "none")] < _LEVELS[level]:
                    missing.append(f"{job_id}: {action} needs {scope}: {level}")
    return missing


def test_every_action_s_job_holds_the_token_permissions_it_needs():
    assert _missing_permissions(_workflow()) == []


def test_the_permission_check_sees_a_job_that_lacks_one():
    """The build job as it was: its own `permissions:` would hold only
    contents: read, or it would fall back to the workflow's, which has no
    pages: configure-pages cannot read the Pages site either way."""
    workflow = _workflow()
    workflow["jobs"]["build"]["permissions"] = {"contents": "read"}
    assert _missing_permissions(workflow) == ["build: actions/configure-pages needs pages: read"]
    del workflow["jobs"]["build"]["permissions"]
    assert _missing_permissions(workflow) == ["build: actions/configure-pages needs pages: read"]
    del workflow["jobs"]["deploy"]["permissions"]["id-token"]
    assert "deploy: actions/deploy-pages needs id-token: write" in _missing_permissions(workflow)


def test_the_tests_run_on_the_lowest_python_the_readme_names_and_the_newest():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    lowest = re.search(r"Python (\d+\.\d+\.\d+) or newer", readme).group(1)
    versions = [str(v) for v in _workflow()["jobs"]["test"]["strategy"]["matrix"]["python"]]
    assert lowest in versions and len(versions) >= 2, versions
    assert max(versions, key=lambda v: tuple(map(int, v.split(".")))) != lowest


def test_pip_is_cached_and_each_change_runs_once():
    workflow = _workflow()
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip" and "requirements/" in step["with"]["cache-dependency-path"]
    triggers = workflow[True]  # PyYAML reads the key `on` as true
    # A branch with a pull request runs as the pull request only.
    assert triggers["push"] == {"branches": ["main"]} and "pull_request" in triggers
