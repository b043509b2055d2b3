"""A citeproc-py output formatter for Markdown (the module-level names citeproc-py expects)."""

from __future__ import annotations

import re

__all__ = ["Bold", "Italic", "Light", "Oblique", "SmallCaps", "Subscript", "Superscript", "Underline", "preformat"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def preformat(text: object) -> str:
    """Text with the characters Markdown would read as markup backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", str(text))


class _Wrapped(str):
    mark = ""

    def __new__(cls, text: object) -> _Wrapped:
        text = str(text)
        return super().__new__(cls, f"{cls.mark}{text}{cls.mark}" if text.strip() and cls.mark else text)


class Italic(_Wrapped):
    mark = "*"


class Oblique(Italic):
    pass


class Bold(_Wrapped):
    mark = "**"


class Light(_Wrapped):
    pass


class Underline(_Wrapped):
    pass


class Superscript(_Wrapped):
    pass


class Subscript(_Wrapped):
    pass


class SmallCaps(_Wrapped):
    pass
