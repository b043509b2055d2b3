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
from .writers import dumps, write

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


def _write_bibliography(bib: Bibliography, to: str, out: str | None) -> None:
    """To a file one reference at a time (a large list never becomes one string), else to standard output."""
    if out:
        write(bib, out, to)
    else:
        sys.stdout.write(dumps(bib, to))


def _summarise(bib: Bibliography, prefix: str = "") -> None:
    """Warnings, then one line of counts, on standard error."""
    for line in bib.report.warnings:
        print(f"myobib: warning: {line}", file=sys.stderr)
    print(
        f"myobib: {prefix}{len(bib)} references, {len(bib.report.merges)} repeats merged, "
        f"{len(bib.report.unparsed)} lines unparsed",
        file=sys.stderr,
    )


def _add_crossref_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--mailto", metavar="EMAIL", help="your address, for Crossref's polite pool and NCBI (or MYOBIB_MAILTO)"
    )
    cmd.add_argument("--crossref-url", metavar="URL", help="Crossref API base URL (or MYOBIB_CROSSREF_URL)")
    cache = cmd.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="PATH", help="SQLite response cache (default: the user cache folder)")
    cache.add_argument("--no-cache", action="store_true", help="do not cache Crossref and NCBI responses")
    cmd.add_argument("--offline", action="store_true", help="answer from the cache and the library only")
    cmd.add_argument("--library", metavar="FILE", help="a CSL-JSON library you trust, searched before Crossref")


def _add_pubmed_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--no-pubmed", action="store_true", help="do not ask PubMed for PMIDs and PMCIDs")
    cmd.add_argument(
        "--ncbi-url", metavar="URL", help="root of the NCBI E-utilities and PMC ID Converter (or MYOBIB_NCBI_URL)"
    )
    cmd.add_argument(
        "--ncbi-api-key", metavar="KEY", help="your NCBI API key: 10 requests/s instead of 3 (or MYOBIB_NCBI_API_KEY)"
    )


def _pubmed_options(args: argparse.Namespace) -> dict[str, object]:
    return {"ncbi_url": args.ncbi_url, "api_key": args.ncbi_api_key}


def _client_options(args: argparse.Namespace) -> dict[str, object]:
    return {
        "mailto": args.mailto,
        "crossref_url": args.crossref_url,
        "cache": False if args.no_cache else args.cache,
        "offline": args.offline,
    }


def _run_parse(args: argparse.Namespace) -> int:
    bib = load(args.file)
    _write_bibliography(bib, args.to, args.output)
    if args.report:
        write_atomic(args.report, json.dumps(report_dict(bib, args.file), ensure_ascii=False, indent=2) + "\n")
    _summarise(bib)
    return 0


def _register_parse(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("parse", help="read a list, merge its repeats, write CSL-JSON or BibTeX")
    cmd.add_argument("file", help="the reference list (disease page, CSL-JSON or BibTeX)")
    cmd.add_argument("--to", choices=["csl-json", "bibtex"], default="csl-json", help="output format")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.add_argument("--report", metavar="REPORT.json", help="write merges and unparsed lines here")
    cmd.set_defaults(func=_run_parse)


def _run_build(args: argparse.Namespace) -> int:
    from .ncbi.crosscheck import pubmed_client_for
    from .resolve import make_client

    def say(line: str) -> None:
        print(f"myobib: {line}", file=sys.stderr)

    options = _client_options(args)
    client = None if args.no_crossref else make_client(**options)
    pubmed = None
    if not args.no_pubmed:
        pubmed = pubmed_client_for(
            **_pubmed_options(args), mailto=args.mailto, cache=options["cache"], offline=args.offline, on_message=say
        )
    styles = args.style or ["vancouver"]
    result = build(args.file, args.out, styles=styles, library=args.library, client=client, pubmed=pubmed)
    bib = result.bibliography
    for kind, path in result.files.items():
        say(f"wrote {kind}: {path}")
    _summarise(bib)
    if result.resolve_report is not None:
        say(result.resolve_report.summary())
    return 0


def _register_build(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "build", help="parse, merge, resolve DOIs and write every output (CSL-JSON, BibTeX, styles, reading list)"
    )
    cmd.add_argument("file", help="the reference list")
    cmd.add_argument("--out", default="build", metavar="DIR", help="output folder (default: ./build)")
    cmd.add_argument("--style", action="append", metavar="NAME", help="CSL style (repeatable; default: vancouver)")
    _add_crossref_options(cmd)
    cmd.add_argument("--no-crossref", action="store_true", help="DOIs from the library only; never ask Crossref")
    _add_pubmed_options(cmd)
    cmd.set_defaults(func=_run_build)


def _run_merge(args: argparse.Namespace) -> int:
    from .merge import merge_files

    result = merge_files(args.files, output=args.output, to=args.to, report=args.report, format=args.from_format)
    if result.text is not None:
        sys.stdout.write(result.text)
    bib = result.bibliography
    _summarise(bib, f"{len(args.files)} inputs, ")
    return 0


def _register_merge(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("merge", help="merge several lists (any formats) into one deduplicated bibliography")
    cmd.add_argument("files", nargs="+", metavar="FILE", help="reference files: BibTeX, CSL-JSON, RIS, MEDLINE, text")
    cmd.add_argument("--from", dest="from_format", metavar="FORMAT", help="format of every input (default: detect)")
    cmd.add_argument("--to", choices=["csl-json", "bibtex", "ris"], default="csl-json", help="output format")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.add_argument("--report", metavar="REPORT.json", help="write sources, merges, conflicts and unparsed lines here")
    cmd.set_defaults(func=_run_merge)


def _run_reading_list(args: argparse.Namespace) -> int:
    from .readinglist import render_file

    text = render_file(
        args.file,
        to=args.to,
        by=args.by,
        topic=args.topic,
        kind=args.kind,
        since=args.since,
        sort=args.sort,
        style=args.style,
        locale=args.locale,
        vocabulary=args.vocabulary,
    )
    _write_or_print(text, args.output)
    return 0


def _register_reading_list(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("reading-list", help="tag references by topic and kind; write a grouped reading list")
    cmd.add_argument("file", help="the reference list (disease page, CSL-JSON or BibTeX)")
    cmd.add_argument("--by", choices=["topic", "kind", "year", "journal"], default="topic", help="group by")
    cmd.add_argument("--topic", action="append", metavar="T", help="only references with this topic (repeatable)")
    cmd.add_argument("--kind", action="append", metavar="K", help="only papers of this kind (repeatable)")
    cmd.add_argument("--since", type=int, metavar="YEAR", help="only references from this year on")
    cmd.add_argument(
        "--sort",
        choices=["style", "order", "year", "author", "title", "journal"],
        default="style",
        help="order within a group (default: the style's)",
    )
    cmd.add_argument("--style", default="vancouver", metavar="NAME", help="CSL style (default: vancouver)")
    cmd.add_argument("--locale", metavar="L", help="CSL locale, e.g. en-GB")
    cmd.add_argument("--to", choices=["markdown", "html", "html-fragment"], default="markdown", help="output format")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.add_argument("--vocabulary", metavar="FILE", help="a JSON vocabulary merged over the shipped one")
    cmd.set_defaults(func=_run_reading_list)


def _run_resolve(args: argparse.Namespace) -> int:
    from .resolve import resolve_file

    bib, report = resolve_file(
        args.file,
        **_client_options(args),
        pubmed=not args.no_pubmed,
        ncbi_url=args.ncbi_url,
        ncbi_api_key=args.ncbi_api_key,
        library=args.library,
        checkpoint=args.checkpoint,
        on_message=lambda line: print(f"myobib: {line}", file=sys.stderr),
    )
    _write_bibliography(bib, args.to, args.output)
    if args.report:
        write_atomic(args.report, json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    print(f"myobib: {report.summary()}", file=sys.stderr)
    return 0


def _register_resolve(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "resolve", help="attach verified DOIs (trusted library first, then Crossref) and PMIDs (PubMed)"
    )
    cmd.add_argument("file", help="the reference list (disease page, CSL-JSON or BibTeX)")
    _add_crossref_options(cmd)
    _add_pubmed_options(cmd)
    cmd.add_argument("--checkpoint", metavar="FILE", help="keep finished look-ups here so a re-run resumes")
    cmd.add_argument("--to", choices=["csl-json", "bibtex"], default="csl-json", help="output format")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.add_argument("--report", metavar="REPORT.json", help="write one row per reference here")
    cmd.set_defaults(func=_run_resolve)


def _run_format(args: argparse.Namespace) -> int:
    from .formatting import format_file

    text = format_file(args.file, args.style, output=args.to, locale=args.locale, out=args.output)
    if not args.output:
        sys.stdout.write(text)
    return 0


def _register_format(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("format", help="format a reference list in a CSL style")
    cmd.add_argument("file", help="the reference list (disease page, CSL-JSON or BibTeX)")
    cmd.add_argument("--style", default="vancouver", metavar="NAME", help="CSL style id, alias or .csl file")
    cmd.add_argument("--to", choices=["text", "html", "markdown", "rst"], default="text", help="output format")
    cmd.add_argument("--locale", metavar="L", help="CSL locale, e.g. de-DE (default: the style's)")
    cmd.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    cmd.set_defaults(func=_run_format)


def _run_styles(args: argparse.Namespace) -> int:
    from .formatting import list_styles

    sys.stdout.write("".join(name + "\n" for name in list_styles(args.search)))
    return 0


def _register_styles(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("styles", help="list the CSL styles available by name")
    cmd.add_argument("--search", metavar="WORD", help="only styles whose id contains WORD")
    cmd.set_defaults(func=_run_styles)


def _run_check(args: argparse.Namespace) -> int:
    from .check import check_file

    def say(line: str) -> None:
        print(f"myobib: {line}", file=sys.stderr)

    report = check_file(
        args.file,
        **_client_options(args),
        use_crossref=not args.no_crossref,
        use_pubmed=not args.no_pubmed,
        ncbi_url=args.ncbi_url,
        ncbi_api_key=args.ncbi_api_key,
        library=args.library,
        repeats="drop" if args.drop_repeats else "keep",
        identifiers=args.add_identifiers,
        style=args.style,
        on_message=say,
    )
    if args.out:
        for kind, path in report.write(args.out).items():
            say(f"wrote {kind}: {path}")
    else:
        sys.stdout.write(report.to_markdown())
    say(report.summary())
    return report.exit_code(strict=args.strict)


CHECK_EXIT_CODES = """exit status:
  0  nothing needs attention (references may still be unresolved, unless --strict)
  1  something needs attention: retracted, withdrawn, expression of concern, ambiguous,
     a DOI that belongs to another work, or fields that disagree with the record
  2  bad input (the file cannot be read as a reference list) or a bad option"""


def _register_check(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "check",
        help="verify a list: a verdict per reference, a corrected list and its diff, HTML/Markdown/JSON reports",
        description="Parse, merge repeats and resolve a reference list, then say per reference whether it is "
        "verified, corrected, needs attention or unresolved (and why); write the corrected list in the list's "
        "own layout with a unified diff, and a report as HTML, Markdown and JSON.",
        epilog=CHECK_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmd.add_argument("file", help="the reference list (disease page, Vancouver/NLM text, BibTeX, CSL-JSON, RIS …)")
    cmd.add_argument(
        "--out",
        metavar="DIR",
        help="write the reports, corrected list and diff here (default: print the Markdown report)",
    )
    cmd.add_argument("--style", default="vancouver", metavar="NAME", help="CSL style for the report's entries")
    _add_crossref_options(cmd)
    cmd.add_argument("--no-crossref", action="store_true", help="use the library only; never ask Crossref")
    _add_pubmed_options(cmd)
    cmd.add_argument(
        "--drop-repeats", action="store_true", help="leave the unnumbered repeats out of the corrected list"
    )
    cmd.add_argument("--add-identifiers", action="store_true", help="append doi: and PMID: to each corrected citation")
    cmd.add_argument("--strict", action="store_true", help="exit 1 when a reference is unresolved, too")
    cmd.set_defaults(func=_run_check)


# Each entry adds one subcommand; its handler is stored as `func` on the parsed args.
COMMANDS: list = [_register_parse, _register_build]
COMMANDS.append(_register_merge)
COMMANDS.append(_register_reading_list)
COMMANDS.append(_register_resolve)
COMMANDS.append(_register_format)
COMMANDS.append(_register_styles)
COMMANDS.append(_register_check)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except MyobibError as exc:
        print(f"myobib: error: {exc}", file=sys.stderr)
        return 2  # also `myobib check`'s documented status for bad input
    except KeyboardInterrupt:
        print("myobib: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
