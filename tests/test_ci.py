"""`.ci/run` runs exactly the README's test command, and that command installs the test clients."""

from __future__ import annotations

import re

from .conftest import ROOT


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = next(c for c in readme_commands() if "pytest" in c)
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert test_command in ci_lines
    assert test_command.startswith("bash .ci/clients && ")


def test_the_readme_main_command_builds_the_seed():
    main_command = readme_commands()[0]
    assert "myobib build refs/idiopathic-inflammatory-myopathies.txt" in main_command
