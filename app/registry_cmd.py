"""CLI of the registry: ``tapsyrma registry import|stats|export`` and ``tapsyrma dupes``."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tapsyrma.parser.errors import InputError, TapsyrmaError
from tapsyrma.parser.model import Act

__all__ = ["register"]

_DB_HELP = "registry database: a SQLite file path or URL, or postgresql+psycopg://... (default: ~/.local/share/tapsyrma/registry.db)"
# Imports of more files than this show a progress bar.
_PROGRESS_FROM_FILES = 5

DbOption = Annotated[Optional[str], typer.Option("--db", envvar="TAPSYRMA_DB", help=_DB_HELP)]


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class OutputFormat(str, Enum):
    json = "json"
    table = "table"


def _fail(exc: TapsyrmaError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
    return typer.Exit(exc.exit_code)


def _open(db: str | None):
    from tapsyrma.registry import Registry

    return Registry(db)


def _import(
    paths: Annotated[list[Path], typer.Argument(help="files or folders: acts (.txt .md .docx .pdf .html), .json/.jsonl acts, .csv/.xlsx lists")],
    db: DbOption = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="map columns of CSV/XLSX lists: FIELD=HEADER,... (FIELD: text, executors, deadline, act_kind, act_number, act_date, act_title, item_number, completion_form, language; HEADER may be a 1-based column number)")] = None,
    lang: Annotated[str, typer.Option("--lang", help="language of parsed acts: auto, ru or kk")] = "auto",
) -> None:
    """Add earlier acts and instruction lists to the registry (re-importing an act changes nothing)."""
    from tapsyrma.registry.importers import expand_paths, import_paths, parse_columns_option

    console = Console(stderr=True)
    try:
        registry = _open(db)
        files = expand_paths(paths)
        failed = []
        totals = {"acts_added": 0, "acts_skipped": 0, "items_added": 0}
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, disable=len(files) < _PROGRESS_FROM_FILES or not console.is_terminal,
        ) as progress:
            task = progress.add_task("importing", total=len(files))

            def on_file(outcome) -> None:
                progress.advance(task)
                if outcome.error:
                    failed.append(outcome)
                    console.print(f"[red]skipped[/red] {outcome.path}: {outcome.error}", highlight=False)
                    return
                for key in totals:
                    totals[key] += getattr(outcome.result, key)

            import_paths(registry, files, columns=parse_columns_option(columns), language=lang, on_file=on_file)
    except TapsyrmaError as exc:
        raise _fail(exc) from None
    typer.echo(
        f"{len(files) - len(failed)} files imported into {registry.display_url}: {totals['acts_added']} acts added "
        f"({totals['items_added']} items), {totals['acts_skipped']} already present"
        + (f"; {len(failed)} files failed" if failed else "")
    )
    if failed:
        raise typer.Exit(InputError.exit_code)


def _stats(
    db: DbOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json or table")] = OutputFormat.table,
) -> None:
    """What the registry holds."""
    try:
        stats = _open(db).stats()
    except TapsyrmaError as exc:
        raise _fail(exc) from None
    if output is OutputFormat.json:
        typer.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=stats.url, show_header=False)
    for name, value in stats.to_dict().items():
        if name != "url":
            table.add_row(name.replace("_", " "), ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else f"{value:,}")
    Console().print(table)


def _export(
    db: DbOption = None,
    output: Annotated[ExportFormat, typer.Option("--format", help="jsonl: one act per line; csv: one item per row")] = ExportFormat.jsonl,
) -> None:
    """Write the registry to stdout (JSONL acts re-import as they are; CSV rows re-import as lists)."""
    try:
        registry = _open(db)
        if output is ExportFormat.jsonl:
            for act in registry.iter_acts():
                sys.stdout.write(act.to_json(indent=None) + "\n")
            return
        writer = None
        for row in registry.iter_item_rows():
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    except TapsyrmaError as exc:
        raise _fail(exc) from None


def _read_draft(draft: str, lang: str) -> Act:
    from tapsyrma.registry.importers import JSON_SUFFIXES, read_acts

    if draft != "-" and Path(draft).suffix.lower() in JSON_SUFFIXES:
        acts = read_acts(draft)
        if len(acts) != 1:
            raise InputError(f"{draft}: expected one draft act, got {len(acts)}")
        return acts[0]
    from tapsyrma.parser import parse_document, parse_file
    from tapsyrma.parser.readers import read_stream

    if draft == "-":
        return parse_document(read_stream(sys.stdin.buffer), lang=lang)
    return parse_file(draft, lang=lang)


def _dupes(
    draft: Annotated[str, typer.Argument(help="the draft: any file parse reads, a JSON act, or - for stdin")],
    db: DbOption = None,
    top: Annotated[int, typer.Option("--top", min=1, help="matches per draft item")] = 5,
    min_score: Annotated[Optional[float], typer.Option("--min-score", min=0, max=100, help="least text score (0-100) of a match")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json or table")] = OutputFormat.table,
    lang: Annotated[str, typer.Option("--lang", help="language of the draft: auto, ru or kk")] = "auto",
) -> None:
    """Check each item of a draft against the registry of earlier instructions (rule п.33)."""
    from tapsyrma.registry import DEFAULT_MIN_SCORE, find_duplicates

    try:
        act = _read_draft(draft, lang)
        results = find_duplicates(act, _open(db), top=top, min_score=DEFAULT_MIN_SCORE if min_score is None else min_score)
    except TapsyrmaError as exc:
        raise _fail(exc) from None
    if output is OutputFormat.json:
        typer.echo(json.dumps([result.to_dict() for result in results], ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=True)
    for column in ("item", "verdict", "score", "earlier", "why"):
        table.add_column(column)
    for result in results:
        for match in result.matches or ():
            earlier = match.earlier
            where = " ".join(
                filter(None, [earlier.act_kind, earlier.act_number and f"№{earlier.act_number}", earlier.act_date and earlier.act_date.isoformat(), earlier.item_number and f"п.{earlier.item_number}"])
            )
            why = [match.reason, "shared: " + ", ".join(match.shared_words[:12])]
            why += [f"{diff.field}: {', '.join(diff.draft) or '—'} ≠ {', '.join(diff.earlier) or '—'} ({diff.note})" for diff in match.differences]
            why += [f"{t.earlier.language}: {t.verdict} ({t.earlier.source} {t.earlier.span[0]}-{t.earlier.span[1]})" for t in match.translations]
            table.add_row(
                result.item_number or "/".join(result.item_path),
                match.verdict,
                f"{match.score:.0f}",
                f"{where}\n{earlier.source} {earlier.span[0]}-{earlier.span[1]}\n{earlier.text[:160]}",
                "\n".join(why),
            )
    console = Console()
    if table.row_count:
        console.print(table)
    duplicates = sum(1 for result in results for match in result.matches if match.verdict == "duplicate")
    related = sum(1 for result in results for match in result.matches if match.verdict == "related")
    console.print(f"{len(results)} draft items: {duplicates} duplicate and {related} related matches", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``registry`` (import, stats, export) and ``dupes`` to the CLI ``app``."""
    registry_app = typer.Typer(help="The registry of earlier instructions (rule п.33 of the Rules).", no_args_is_help=True)
    registry_app.command("import")(_import)
    registry_app.command("stats")(_stats)
    registry_app.command("export")(_export)
    app.add_typer(registry_app, name="registry")
    app.command("dupes")(_dupes)
