"""The shared client set-up: finding the pinned npm clients, and the rule that a run fails when
every client test skipped (but not when only some did)."""

from __future__ import annotations

import json

import pytest

from tests import clients

pytest_plugins = ["pytester"]

_SUITE = """
import pytest

@pytest.fixture
def citeproc_js():
    pytest.skip("citeproc-js missing (test)")

@pytest.fixture
def pandoc():
    {pandoc}

def test_js(citeproc_js):
    pass

def test_pandoc(pandoc):
    pass

def test_plain():
    pass
"""


def _run(pytester, pandoc_body: str, *args: str):
    pytester.makeconftest('pytest_plugins = ["tests.clients"]')
    pytester.makepyfile(_SUITE.format(pandoc=pandoc_body))
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", *args)


def test_run_fails_when_every_client_test_skipped(pytester, monkeypatch):
    monkeypatch.delenv("MYOBIB_SKIP_CLIENTS", raising=False)
    result = _run(pytester, 'pytest.skip("pandoc missing (test)")')
    result.assert_outcomes(passed=1, skipped=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*client rule*all 2 client tests skipped*citeproc-js missing (test)*"])


def test_run_passes_when_some_client_test_ran(pytester, monkeypatch):
    monkeypatch.delenv("MYOBIB_SKIP_CLIENTS", raising=False)
    result = _run(pytester, 'return "/usr/bin/pandoc"')
    result.assert_outcomes(passed=2, skipped=1)
    assert result.ret == pytest.ExitCode.OK


def test_the_rule_fails_only_when_client_tests_ran_none(monkeypatch):
    monkeypatch.delenv("MYOBIB_SKIP_CLIENTS", raising=False)
    rule = clients.ClientRule()
    assert rule.failure() is None  # no client test selected
    rule.client_tests = {"a", "b"}
    rule.skipped = {"a": "no node", "b": "no node"}
    assert "all 2 client tests skipped (no node)" in rule.failure()
    monkeypatch.setenv("MYOBIB_SKIP_CLIENTS", "1")
    assert rule.failure() is None  # accepted on purpose
    monkeypatch.delenv("MYOBIB_SKIP_CLIENTS")
    rule.ran = {"a"}
    assert rule.failure() is None


@pytest.mark.skipif(clients.shutil.which("node") is None, reason="node is not installed")
def test_npm_clients_are_found_in_the_folder_the_environment_names(tmp_path, monkeypatch):
    monkeypatch.setenv("MYOBIB_CLIENTS", str(tmp_path))
    assert clients.clients_dir() == tmp_path
    assert f"not installed in {tmp_path}" in clients.missing_npm(["citeproc"])
    manifest = tmp_path / "node_modules" / "citeproc" / "package.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text(json.dumps({"version": "0.0.1"}))
    assert "citeproc 0.0.1 found" in clients.missing_npm(["citeproc"])
    manifest.write_text(json.dumps({"version": clients.PINNED["citeproc"]}))
    assert clients.missing_npm(["citeproc"]) is None


def test_default_folder_is_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("MYOBIB_CLIENTS", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert clients.clients_dir() == tmp_path / "myobib" / "clients"
