"""The `myobib` command line: a thin layer, one library call per subcommand."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .errors import MyobibError

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="myobib", description="Turn medical reference lists into clean bibliographies.")
    parser.add_argument("--version", action="version", version=f"myobib {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(commands)
    return parser


# Each entry adds one subcommand; its handler is stored as `func` on the parsed args.
COMMANDS: list = []


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except MyobibError as exc:
        print(f"myobib: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("myobib: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
