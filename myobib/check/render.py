"""The check report for people: Markdown, and one standalone HTML page with a "needs attention" filter.

Every text from the list or a record is escaped; formatted citations pass through the
reading list's inline-markup allow-list. The page loads nothing and runs only its own
filter script (a Content-Security-Policy with the script's hash), like the reading list.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from ..readinglist.render import doi_url, escape_markdown, safe_html, script_policy
from .findings import ATTENTION, CORRECTED, UNRESOLVED, VERDICTS, VERIFIED, Difference, Finding
from .report import CheckReport

__all__ = ["pubmed_url", "to_html", "to_markdown"]

LABELS = {ATTENTION: "needs attention", UNRESOLVED: "unresolved", CORRECTED: "corrected", VERIFIED: "verified"}
KINDS = {
    "disagrees": "disagrees with the record",
    "added": "missing from the list",
    "completed": "completed from the record",
    "differs": "written differently",
}


def pubmed_url(pmid: str) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{quote(pmid.strip(), safe='')}/"


def _identifier_url(name: str, value: str) -> str | None:
    return doi_url(value) if name == "DOI" else pubmed_url(value) if name == "PMID" else None


def _title(report: CheckReport) -> str:
    page = report.header.get("title") or report.header.get("disease")
    return f"Reference check: {page}" if page else f"Reference check: {report.source}"


def _facts(report: CheckReport) -> str:
    crossref = f"Crossref {report.options.get('crossref', 'not asked')}"
    return f"{report.source} · {report.format or 'list'} · {crossref} · style {report.options.get('style')}"


def _where(occurrence: dict[str, Any]) -> str:
    start, end = occurrence.get("line-start"), occurrence.get("line-end")
    lines = f"line {start}" if start == end else f"lines {start}-{end}"
    number = occurrence.get("list-number")
    return f"#{number}, {lines}" if number is not None else lines


def _occurrence_note(occurrence: dict[str, Any], repeats: str) -> str:
    if occurrence["role"] == "entry":
        return f"entry: {_where(occurrence)}"
    state = "dropped from the corrected list" if repeats == "drop" else "kept"
    conflicts = occurrence.get("conflicts") or []
    same = f"differs from the entry in {', '.join(conflicts)}" if conflicts else "same work"
    rule = f" ({occurrence['rule']})" if occurrence.get("rule") else ""
    return f"repeat: {_where(occurrence)}, {same}{rule}; {state}"


def _published_note(published: dict[str, Any]) -> str:
    parts = [f"volume {published['volume']}" if published.get("volume") else "",
             f"issue {published['issue']}" if published.get("issue") else "",
             f"pages {published['page']}" if published.get("page") else "",
             f"issue date {published['issued']}" if published.get("issued") else ""]  # fmt: skip
    return "cited ahead of print, now published: " + ", ".join(p for p in parts if p) + f" ({published['source']})"


def _notice_note(notice: dict[str, Any]) -> str:
    where = "the list cites it" if notice.get("source") == "the list" else "on the record"
    return f"{notice['kind']}: {notice.get('notice') or '?'} ({where})"


def _difference_note(diff: Difference) -> str:
    applied = "; applied in the corrected list" if diff.applied else ""
    return (
        f"{diff.field}: the list says {diff.list_value or '—'}, {diff.source} says {diff.record_value or '—'} "
        f"({KINDS.get(diff.kind, diff.kind)}{applied})"
    )


# -- Markdown ------------------------------------------------------------------------------------------


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _markdown_finding(finding: Finding, repeats: str) -> Iterator[str]:
    number = f"{finding.number}. " if finding.number is not None else ""
    yield f"### {escape_markdown(number + (finding.title or finding.key))}"
    yield ""
    yield f"- **{LABELS[finding.verdict]}**" + (
        ": " + escape_markdown("; ".join(finding.reasons)) if finding.reasons else ""
    )
    yield f"- As listed: {escape_markdown(' '.join(finding.original.split()))}"
    if finding.corrected and finding.corrected.split() != finding.original.split():
        yield f"- Corrected: {escape_markdown(' '.join(finding.corrected.split()))}"
    for diff in finding.differences:
        yield f"- Difference: {escape_markdown(_difference_note(diff))}"
    if finding.published:
        yield f"- {escape_markdown(_published_note(finding.published))}"
    for notice in finding.notices:
        yield f"- Notice: {escape_markdown(_notice_note(notice))}"
    for name, found in finding.identifiers.items():
        value = str(found["value"])
        link = _identifier_url(name, value)
        shown = f"[{escape_markdown(value)}]({link})" if link else escape_markdown(value)
        yield f"- {name}: {shown} ({escape_markdown(str(found['source']))})"
    for occurrence in finding.occurrences:
        yield f"- {escape_markdown(_occurrence_note(occurrence, repeats))}"
    yield ""


def to_markdown(report: CheckReport) -> str:
    """The report as Markdown: the counts first, then each reference, grouped by verdict, then the diff."""
    counts = report.counts()
    columns = ["references", "repeats", *VERDICTS]
    lines = [f"# {escape_markdown(_title(report))}", "", escape_markdown(_facts(report)), ""]
    lines += ["| " + " | ".join(c.replace("-", " ") for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(counts[c]) for c in columns) + " |", ""]
    for message in [*report.messages, *report.warnings]:
        lines.append(f"- {escape_markdown(message)}")
    for line in report.unparsed:
        lines.append(f"- unparsed line {line.line}: {escape_markdown(line.text)} ({escape_markdown(line.reason)})")
    if report.messages or report.warnings or report.unparsed:
        lines.append("")
    repeats = str(report.options.get("repeats", "keep"))
    for verdict in VERDICTS:
        chosen = [f for f in report.findings if f.verdict == verdict]
        if chosen:
            lines += [f"## {LABELS[verdict].capitalize()} ({len(chosen)})", ""]
            for finding in chosen:
                lines += list(_markdown_finding(finding, repeats))
    if report.corrected_text is not None:
        lines += ["## Changes to the list", ""]
        if report.diff:
            fence = _fence(report.diff)
            lines += [f"{fence}diff", report.diff.rstrip("\n"), fence, ""]
        else:
            lines += ["None: the corrected list is the list as it stands.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- HTML ----------------------------------------------------------------------------------------------

_SCRIPT = """
(function () {
  var box = document.getElementById("myobib-attention-only");
  var shown = document.getElementById("myobib-shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".myobib-check"));
  function update() {
    var count = 0;
    rows.forEach(function (row) {
      var hide = box.checked && row.getAttribute("data-verdict") !== "needs-attention";
      row.hidden = hide;
      if (!hide) { count += 1; }
    });
    shown.textContent = String(count);
  }
  box.addEventListener("change", update);
  update();
})();
"""

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
table { border-collapse: collapse; }
.myobib-summary td, .myobib-summary th { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: center; }
.myobib-checks { width: 100%; table-layout: fixed; }
.myobib-checks col.n { width: 2.5rem; } .myobib-checks col.v { width: 8.5rem; } .myobib-checks col.r { width: 34%; }
.myobib-checks > tbody > tr > td { overflow-wrap: anywhere; }
.myobib-differences { width: 100%; margin-top: 0.3rem; table-layout: fixed; }
.myobib-differences td { overflow-wrap: break-word; } .myobib-differences td.myobib-source { overflow-wrap: anywhere; }
.myobib-checks > tbody > tr > td, .myobib-checks > thead > tr > th { border-top: 1px solid #ccc; padding: 0.5rem;
  vertical-align: top; text-align: left; }
.myobib-verdict { display: inline-block; border-radius: 0.3rem; padding: 0 0.4rem; white-space: nowrap; }
.myobib-needs-attention .myobib-verdict { background: #fdd; }
.myobib-unresolved .myobib-verdict { background: #eee; }
.myobib-corrected .myobib-verdict { background: #def; }
.myobib-verified .myobib-verdict { background: #dfd; }
.myobib-differences td, .myobib-differences th { padding: 0.1rem 0.4rem; text-align: left; font-size: 0.9rem; }
.myobib-disagrees { background: #fee; }
.myobib-added, .myobib-completed { background: #eef8ee; }
.myobib-disagrees .myobib-listed { color: #a00; font-weight: 600; }
.myobib-applied .myobib-listed { text-decoration: line-through; }
.myobib-applied .myobib-record, .myobib-disagrees .myobib-record { color: #060; font-weight: 600; }
.myobib-notes { margin: 0.3rem 0; padding-left: 1.1rem; font-size: 0.9rem; }
.myobib-ids a { margin-right: 0.6rem; }
pre { white-space: pre-wrap; font-size: 0.85rem; background: #f6f6f6; padding: 0.5rem; }
[hidden] { display: none !important; }
"""


def _esc(text: Any) -> str:
    return html.escape(str(text))


def _id_links(finding: Finding) -> str:
    links = []
    for name, found in finding.identifiers.items():
        value = str(found["value"])
        label = f"{name}: {value}" if name != "DOI" else f"doi:{value}"
        url = _identifier_url(name, value)
        title = f'title="{_esc(found["source"])}"'
        if url:
            links.append(f'<a class="myobib-{name.lower()}" href="{_esc(url)}" {title}>{_esc(label)}</a>')
        else:
            links.append(f'<span class="myobib-{name.lower()}" {title}>{_esc(label)}</span>')
    return f'<div class="myobib-ids">{"".join(links)}</div>' if links else ""


def _differences_table(finding: Finding) -> str:
    if not finding.differences:
        return ""
    rows = ["<tr><th>field</th><th>the list says</th><th>the record says</th><th>source</th><th></th></tr>"]
    for d in finding.differences:
        applied = " · applied" if d.applied else ""
        rows.append(
            f'<tr class="myobib-difference myobib-{_esc(d.kind)}{" myobib-applied" if d.applied else ""}">'
            f"<th>{_esc(d.field)}</th>"
            f'<td><span class="myobib-listed">{_esc(d.list_value or "—")}</span></td>'
            f'<td><span class="myobib-record">{_esc(d.record_value or "—")}</span></td>'
            f'<td class="myobib-source">{_esc(d.source)}</td><td>{_esc(KINDS.get(d.kind, d.kind) + applied)}</td></tr>'
        )
    return f'<table class="myobib-differences">{"".join(rows)}</table>'


def _notes(finding: Finding) -> str:
    notes = [f'<li class="myobib-reason">{_esc(reason)}</li>' for reason in finding.reasons]
    if finding.published:
        notes.append(f'<li class="myobib-published">{_esc(_published_note(finding.published))}</li>')
    notes += [f'<li class="myobib-notice">{_esc(_notice_note(n))}</li>' for n in finding.notices]
    return f'<ul class="myobib-notes">{"".join(notes)}</ul>' if notes else ""


def _occurrences(finding: Finding, repeats: str) -> str:
    items = "".join(f"<li>{_esc(_occurrence_note(o, repeats))}</li>" for o in finding.occurrences)
    return f'<ul class="myobib-notes myobib-occurrences">{items}</ul>' if items else ""


def _html_row(finding: Finding, formatted: str | None, repeats: str) -> str:
    citation = safe_html(formatted) if formatted else _esc(finding.original)
    listed = f'<details><summary>As listed</summary><pre class="myobib-original">{_esc(finding.original)}</pre>'
    if finding.corrected and finding.corrected.split() != finding.original.split():
        listed += f'<p>Corrected:</p><pre class="myobib-corrected">{_esc(finding.corrected)}</pre>'
    listed += "</details>"
    return (
        f'<tr class="myobib-check myobib-{_esc(finding.verdict)}" id="ref-{_esc(finding.key)}" '
        f'data-key="{_esc(finding.key)}" data-verdict="{_esc(finding.verdict)}">'
        f"<td>{_esc(finding.number if finding.number is not None else '')}</td>"
        f'<td><span class="myobib-verdict">{_esc(LABELS[finding.verdict])}</span></td>'
        f'<td><div class="myobib-citation">{citation}</div>{_id_links(finding)}{listed}</td>'
        f"<td>{_notes(finding)}{_differences_table(finding)}{_occurrences(finding, repeats)}</td></tr>"
    )


def to_html(report: CheckReport) -> str:
    """The standalone page: summary counts, the filter, one row per reference, then the diff."""
    counts = report.counts()
    columns = ["references", "repeats", *VERDICTS]
    summary = (
        '<table class="myobib-summary"><tr>'
        + "".join(f"<th>{_esc(c.replace('-', ' '))}</th>" for c in columns)
        + "</tr><tr>"
        + "".join(f'<td id="myobib-count-{_esc(c)}">{counts[c]}</td>' for c in columns)
        + "</tr></table>"
    )
    messages = [*report.messages, *report.warnings]
    messages += [f"unparsed line {u.line}: {u.text} ({u.reason})" for u in report.unparsed]
    notes = f'<ul class="myobib-messages">{"".join(f"<li>{_esc(m)}</li>" for m in messages)}</ul>' if messages else ""
    repeats = str(report.options.get("repeats", "keep"))
    rows = "\n".join(_html_row(f, report.formatted.get(f.key), repeats) for f in report.findings)
    total = len(report.findings)
    diff = ""
    if report.corrected_text is not None:
        body = _esc(report.diff) if report.diff else "None: the corrected list is the list as it stands."
        summary_line = "<summary>Changes to the list (unified diff)</summary>"
        diff = f'<details class="myobib-diff">{summary_line}<pre>{body}</pre></details>'
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_esc(script_policy(_SCRIPT))}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(_title(report))}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{_esc(_title(report))}</h1>",
            f'<p class="myobib-facts">{_esc(_facts(report))}</p>',
            summary,
            notes,
            '<p><label><input type="checkbox" id="myobib-attention-only"> Show only references that need attention'
            f'</label> · <span id="myobib-shown">{total}</span> of {total} shown</p>',
            '<table class="myobib-checks"><colgroup><col class="n"><col class="v"><col class="r"><col></colgroup>'
            "<thead><tr><th>#</th><th>Verdict</th><th>Reference</th><th>Findings</th></tr></thead><tbody>",
            rows,
            "</tbody></table>",
            diff,
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
