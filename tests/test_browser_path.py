"""The browser tests find the Chromium or Chrome each platform has, or say
in one line how to get one (tests/browser_path.py)."""

import subprocess
import sys

import browser_path

from helpers import PROJECT, clean_environment


def test_the_named_browser_comes_first(monkeypatch, tmp_path):
    named = tmp_path / "my-chrome"
    named.write_text("")
    monkeypatch.setenv(browser_path.VARIABLE, str(named))
    assert browser_path.browser_path() == named


def test_each_platforms_standard_place_is_looked_at(monkeypatch, tmp_path):
    chrome = tmp_path / "Google Chrome.app" / "Contents" / "MacOS" / "Google Chrome"
    chrome.parent.mkdir(parents=True)
    chrome.write_text("")
    monkeypatch.delenv(browser_path.VARIABLE, raising=False)
    monkeypatch.setattr(browser_path, "_DEBIAN", str(tmp_path / "none"))
    monkeypatch.setattr(browser_path.shutil, "which", lambda command: None)
    monkeypatch.setattr(browser_path, "_MACOS", (str(chrome),))
    monkeypatch.setattr(browser_path.sys, "platform", "darwin")
    assert browser_path.browser_path() == chrome
    monkeypatch.setattr(browser_path.sys, "platform", "linux")
    assert browser_path.browser_path() is None


def test_without_a_browser_one_line_says_how_to_get_one(tmp_path):
    script = "import sys, browser_path as b; b._DEBIAN = sys.argv[1]; b._MACOS = b._WINDOWS = (); sys.exit(b.main())"
    env = clean_environment(PATH=str(tmp_path), PYTHONPATH=str(PROJECT / "tests"))
    env.pop(browser_path.VARIABLE, None)
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "none")], capture_output=True, text=True, env=env, timeout=30
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "install Chromium or Google Chrome" in result.stderr, result.stderr
    assert f"set {browser_path.VARIABLE}=" in result.stderr
