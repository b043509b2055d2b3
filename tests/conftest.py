"""Shared fixtures: paths to the shipped seed list and to ../shared; the real clients (`tests/clients.py`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.clients"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MYOBIB_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "refs" / "idiopathic-inflammatory-myopathies.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"../shared not found at {SHARED}; set MYOBIB_SHARED"
    return SHARED


@pytest.fixture(autouse=True)
def _never_ncbi(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches NCBI: unless a test points it elsewhere, the NCBI client talks to a dead local port."""
    monkeypatch.setenv("MYOBIB_NCBI_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("MYOBIB_NCBI_API_KEY", raising=False)
