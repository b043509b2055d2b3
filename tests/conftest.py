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
