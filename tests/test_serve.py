"""`mkdocs serve` shows an edited figure without a restart."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(project_copy, tmp_path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project_copy, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/regularisation/"
    try:
        assert wait_for(lambda: "more than 23,000" in fetch(url), 30), "mkdocs serve did not start"
        yield project_copy, url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_editing_the_data_file_updates_the_served_page(served):
    project, url = served
    data = project / "data" / "figures.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    value: 23000\n", "    value: 23500\n")
                        .replace("more than 23,000 people", "more than 23,500 people")
                        .replace("plus de 23 000 personnes", "plus de 23 500 personnes")
                        .replace("لأكثر من 23.000 شخص", "لأكثر من 23.500 شخص"), encoding="utf-8")
    assert wait_for(lambda: "more than 23,500" in fetch(url), 30)
