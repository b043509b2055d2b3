"""The public API listed in myobib/__init__.py."""

from __future__ import annotations

import importlib

import myobib


def test_every_exported_name_resolves():
    for name in myobib.__all__:
        assert getattr(myobib, name) is not None, name


def test_functions_are_not_shadowed_by_their_modules():
    for module in ("myobib.resolve", "myobib.merge", "myobib.build"):
        importlib.import_module(module)
    assert callable(myobib.resolve) and callable(myobib.merge) and callable(myobib.build)
    assert myobib.resolve.__module__ == "myobib.resolve"
