"""The `myobib` command line: a thin layer, one library call per subcommand."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .api import load
from .build import build, report_dict
from .errors import MyobibError
from .model import Bibliography
from .textio import write_atomic
from .writers import csljson

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="myobib", description="Turn medical reference lists into clean bibliographies."
    )
    parser.add_argument("--version", action="version", version=f"myobib {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(commands)
    return parser


def _write_or_print(text: str, out: str | None) -> None:
    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def _serialise(bib: Bibliography, fmt: str) -> str:
    if fmt == "bibtex":
        from .writers import bibtex

        return bibtex.dumps(bib)
    return csljson.dumps(bib)


def _run_parse(args: argparse.Namespace) -> int:
    bib = load(args.file)
    _write_or_print(_serialise(bib, args.to), args.output)
    if args.report:
        write_atomic(args.report, json.dumps(report_dict(bib, args.file), ensure_ascii=False, indent=2) + "\n")
    for line in bib.report.warnings:
        print(f"myobib: warning: {line}", file=sys.stderr)
    print(
        f"myobib: {len(bib)} references, {len(bib.report.merges)} repeats merged, "
        f"{len(bib.report.unparsed)} lines unparsed",
        file=sys.stderr,
    )
    return 0


def _register_parse(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("parse", help="read a list, merge its repeats, write CSL-JSON or BibTeX")
    cmd.add_argument("file", help="the reference list (disease page, CSL-JSON or BibTeX)")
    cmd.add_argument("--to", choices=["csl-json", "bibtex"], default="csl-json", help="output format")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.add_argument("--report", metavar="REPORT.json", help="write merges and unparsed lines here")
    cmd.set_defaults(func=_run_parse)


def _run_build(args: argparse.Namespace) -> int:
    result = build(args.file, args.out)
    bib = result.bibliography
    for kind, path in result.files.items():
        print(f"myobib: wrote {kind}: {path}", file=sys.stderr)
    print(
        f"myobib: {len(bib)} references, {len(bib.report.merges)} repeats merged, "
        f"{len(bib.report.unparsed)} lines unparsed",
        file=sys.stderr,
    )
    return 0


def _register_build(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("build", help="run the whole pipeline on a list and write every output")
    cmd.add_argument("file", help="the reference list")
    cmd.add_argument("--out", default="build", metavar="DIR", help="output folder (default: ./build)")
    cmd.set_defaults(func=_run_build)


# Each entry adds one subcommand; its handler is stored as `func` on the parsed args.
COMMANDS: list = [_register_parse, _register_build]


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
