"""The real clients myobib's exports are read with in tests: citeproc-js, citation-js, pandoc, biber, bibtex.

Each client is a session fixture that finds it or skips the test with the reason:

- `citeproc_js`, `citation_js`: npm packages pinned in `tests/npm/package.json`, installed by
  `.ci/clients` into `$MYOBIB_CLIENTS` (default `${XDG_CACHE_HOME:-~/.cache}/myobib/clients`, outside
  the package), run by Debian's `node`. `.run(script, job)` runs one of the scripts in `tests/npm/`
  with `job` as JSON on standard input and returns its JSON output: one node process per call, so a
  test module makes one call for all its entries.
- `pandoc`, `biber`, `bibtex`: the executable's path (Debian `pandoc`, `biber`, `texlive-binaries`).

A test that uses one of these fixtures is a client test. This module is also a pytest plugin
(`tests/conftest.py` loads it): when client tests were selected and every one of them skipped, the
run fails, so a machine without the clients cannot pass silently. Set `MYOBIB_SKIP_CLIENTS=1` to
accept that on purpose (a partial set, where some client tests ran, never fails).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

NPM_DIR = Path(__file__).resolve().parent / "npm"
PINNED: dict[str, str] = json.loads((NPM_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]
CLIENT_FIXTURES = frozenset({"citeproc_js", "citation_js", "pandoc", "biber", "bibtex"})
INSTALL_HINT = "install the test clients with `bash .ci/clients`"


def clients_dir() -> Path:
    """Where `.ci/clients` installs the npm clients (a folder holding `node_modules`)."""
    explicit = os.environ.get("MYOBIB_CLIENTS")
    if explicit:
        return Path(explicit).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "myobib" / "clients"


def missing_npm(packages: list[str]) -> str | None:
    """Why the pinned npm `packages` cannot be used (node missing, not installed, other version), or None."""
    if shutil.which("node") is None:
        return f"node is not installed ({INSTALL_HINT})"
    folder = clients_dir() / "node_modules"
    for package in packages:
        manifest = folder / package / "package.json"
        if not manifest.is_file():
            return f"npm {package} is not installed in {folder} ({INSTALL_HINT}, or set MYOBIB_CLIENTS)"
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        if version != PINNED[package]:
            return f"npm {package} {version} found in {folder}, {PINNED[package]} is pinned ({INSTALL_HINT})"
    return None


class ClientError(RuntimeError):
    """A client exited with an error."""


@dataclass(frozen=True)
class NodeClient:
    """A node script of `tests/npm/` run with the installed npm packages."""

    name: str

    def run(self, script: str, job: Any, timeout: float = 120) -> Any:
        """The script's JSON output for `job`."""
        return self.start(script, job).result(timeout)

    def start(self, script: str, job: Any) -> Running:
        """Start the script on `job` and return at once, so Python can work while node does."""
        command = ["node", "--stack-size=8000", str(NPM_DIR / script), str(clients_dir() / "node_modules")]
        return Running(f"{self.name} ({script})", command, json.dumps(job, ensure_ascii=False))


class Running:
    """A node script at work in a thread of its own; `result()` waits for its JSON output."""

    def __init__(self, label: str, command: list[str], stdin: str) -> None:
        self.label = label
        self._done: subprocess.CompletedProcess[str] | BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(command, stdin), daemon=True)
        self._thread.start()

    def _run(self, command: list[str], stdin: str) -> None:
        try:
            self._done = subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8")
        except BaseException as exc:  # handed to the caller of result()
            self._done = exc

    def result(self, timeout: float = 120) -> Any:
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise ClientError(f"{self.label} took more than {timeout} s")
        if isinstance(self._done, BaseException):
            raise self._done
        assert self._done is not None
        if self._done.returncode:
            raise ClientError(f"{self.label} failed: {self._done.stderr[-3000:]}")
        return json.loads(self._done.stdout)


def _node_client(name: str, packages: list[str]) -> NodeClient:
    reason = missing_npm(packages)
    if reason:
        pytest.skip(reason)
    return NodeClient(name)


def _executable(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; {INSTALL_HINT})")
    return path


@pytest.fixture(scope="session")
def citeproc_js() -> NodeClient:
    """citeproc-js (npm `citeproc`), as Zotero and Mendeley run it."""
    return _node_client("citeproc-js", ["citeproc"])


@pytest.fixture(scope="session")
def citation_js() -> NodeClient:
    """citation-js (npm `@citation-js/core` with the bibtex, ris and csl plugins)."""
    return _node_client("citation-js", [p for p in PINNED if p.startswith("@citation-js/")])


@pytest.fixture(scope="session")
def pandoc() -> str:
    path = _executable("pandoc", "pandoc")
    version = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"pandoc\S* (\d+)\.(\d+)", version)
    if found and (int(found[1]), int(found[2])) < (2, 11):
        pytest.skip(f"pandoc {found[1]}.{found[2]} has no --citeproc (2.11 or later needed)")
    return path


@pytest.fixture(scope="session")
def biber() -> str:
    return _executable("biber", "biber")


@pytest.fixture(scope="session")
def bibtex() -> str:
    return _executable("bibtex", "texlive-binaries")


# -- the rule: a run whose client tests all skipped fails ---------------------------------------


class ClientRule:
    """Counts client tests that ran and fails the session when all selected ones skipped."""

    def __init__(self) -> None:
        self.client_tests: set[str] = set()
        self.ran: set[str] = set()
        self.skipped: dict[str, str] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            if CLIENT_FIXTURES & set(getattr(item, "fixturenames", ())):
                item.add_marker(pytest.mark.client)
                self.client_tests.add(item.nodeid)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.nodeid not in self.client_tests:
            return
        if report.when == "call":
            self.ran.add(report.nodeid)
        elif report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.skipped[report.nodeid] = reason

    def failure(self) -> str | None:
        """Why the run fails, or None."""
        if not self.client_tests or self.ran or not self.skipped or os.environ.get("MYOBIB_SKIP_CLIENTS"):
            return None
        reasons = sorted(set(self.skipped.values()))
        return (
            f"all {len(self.skipped)} client tests skipped ({'; '.join(reasons)}); "
            "set MYOBIB_SKIP_CLIENTS=1 to accept a run without them"
        )

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        message = self.failure()
        if message is not None:
            session.config.stash[_MESSAGE] = message
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        message = terminalreporter.config.stash.get(_MESSAGE, None)
        if message:
            terminalreporter.write_line(f"FAILED (client rule): {message}", red=True, bold=True)


_MESSAGE = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "client: uses a real client (citeproc-js, citation-js, pandoc, biber, bibtex)")
    config.pluginmanager.register(ClientRule(), "myobib-client-rule")
