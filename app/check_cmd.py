"""CLI: ``tapsyrma check DRAFT`` — the draft check of the Rules (п.30) and, with a registry, the
duplicate check (п.33), as one report in the draft's language."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from tapsyrma.parser.errors import TapsyrmaError
from tapsyrma.parser.model import Act
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES
from tapsyrma.parser.rules import LintFinding, LintReport, duplicate_finding, item_label, lint_draft, severity_label

__all__ = ["EXIT_FINDINGS", "register"]

# Exit status when the report has error findings: 1 and 2 are taken by failures and usage errors.
EXIT_FINDINGS = 3
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}
_DB_HELP = (
    "registry of earlier instructions for the duplicate check (п.33): a SQLite file path or URL, or "
    "postgresql+psycopg://...; without it the duplicate check is skipped"
)


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _earlier(match) -> str:
    earlier = match.earlier
    act = " ".join(filter(None, [
        earlier.act_kind,
        earlier.act_number and f"№ {earlier.act_number}",
        earlier.act_date and earlier.act_date.isoformat(),
    ])) or earlier.source
    item = ".".join(earlier.item_path) or earlier.item_number
    return f"{act} ({item})" if item else act


def duplicate_findings(act: Act, db: str) -> list[LintFinding]:
    """One п.33 finding per earlier instruction the registry holds as a duplicate of a draft item."""
    from tapsyrma.registry import Registry, find_duplicates

    by_path = {item.path: item for item in act.items}
    findings = []
    for result in find_duplicates(act, Registry(db)):
        item = by_path.get(result.item_path)
        for match in result.matches:
            if item is not None and match.verdict == "duplicate":
                findings.append(duplicate_finding(act, item, earlier=_earlier(match), score=match.score))
    return findings


def check_report(act: Act, *, db: str | None, received=None) -> LintReport:
    """The lint report of ``act``, with the duplicate findings when a registry is given."""
    report = lint_draft(act, received=received)
    if db is None:
        return report
    return report.with_findings(duplicate_findings(act, db), order=[item_label(item) for item in act.items])


def _print(report: LintReport, console: Console) -> None:
    label = {severity: severity_label(severity, report.language) for severity in _SEVERITY_STYLE}
    if not console.is_terminal:  # one tab-separated line per finding, for grep and cut
        for f in report.findings:
            typer.echo("\t".join([f.item or "-", label[f.severity], f.rule, f.message]))
        return
    table = Table(show_lines=True, title=report.source)
    for column in ("№", "", "rule", "message"):
        table.add_column(column, overflow="fold")
    for f in report.findings:
        style = _SEVERITY_STYLE[f.severity]
        table.add_row(f.item or "—", f"[{style}]{label[f.severity]}[/{style}]", f.rule, f.message)
    if report.findings:
        console.print(table)
    counts = ", ".join(f"{label[s]}: {report.count(s)}" for s in _SEVERITY_STYLE)
    console.print(counts, highlight=False)


def _check(
    draft: Annotated[str, typer.Argument(help="the draft: any file `parse` reads, a JSON act, or - for stdin")],
    db: Annotated[str | None, typer.Option("--db", envvar="TAPSYRMA_DB", help=_DB_HELP)] = None,
    received: Annotated[str | None, typer.Option(
        "--received", metavar="YYYY-MM-DD",
        help="date the draft reached the executing body: terms count from it (п.50). Default: the act's date.",
    )] = None,
    output: Annotated[CheckFormat, typer.Option("--format", "-f", help="text (a table on a terminal) or json")] = CheckFormat.text,
    lang: Annotated[str, typer.Option("--lang", help="language of the draft: auto, ru or kk")] = "auto",
) -> None:
    """Check a draft of instructions against the Rules: a concrete result, a realistic term, named
    and known executors (п.30) and, with --db, duplicates of earlier instructions (п.33).

    Exit status: 0 without error findings, 3 with error findings, 1 when the draft or the registry
    cannot be read.

    Examples:

      tapsyrma check draft.docx

      tapsyrma check draft.txt --received 2024-03-11 --db registry.db --format json
    """
    from .cli import parse_date_option, read_act

    received_on = parse_date_option(received, "--received")
    try:
        act = read_act(draft, lang=lang, received=received_on, max_bytes=DEFAULT_MAX_BYTES)
        report = check_report(act, db=db, received=received_on)
    except TapsyrmaError as exc:
        Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    if output is CheckFormat.json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        _print(report, Console())
    if report.count("error"):
        raise typer.Exit(EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    """Add ``check`` to the CLI ``app``."""
    app.command("check")(_check)
