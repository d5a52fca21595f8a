"""The ``tapsyrma`` command line: the composition root of parser, registry and generator.

Every command turns a :class:`TapsyrmaError` into one line on stderr and exit code 1; usage
errors exit with 2 (click's convention); success is 0.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from tapsyrma.parser import Act, parse_document
from tapsyrma.parser.errors import TapsyrmaError
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES, read_path, read_stream

from . import batch_cmd, check_cmd, compare_cmd, generate_cmd, registry_cmd, serve_cmd
from .options import ActLanguage

app = typer.Typer(
    name="tapsyrma",
    help=(
        "Structured instruction items from acts of the President and the Government of Kazakhstan "
        "(Russian and Kazakh): executors, deadlines, duplicates, control documents."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "parser" / "act.schema.json"


class OutputFormat(str, Enum):
    json = "json"
    text = "text"
    table = "table"
    md = "md"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tapsyrma {metadata.version('tapsyrma')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """tapsyrma: paste or drop an act, get its instruction items."""


def parse_date_option(value: Optional[str], option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected a date YYYY-MM-DD, got {value!r}", param_hint=option) from None


def read_act(path: str, *, lang: str, received: dt.date | None, max_bytes: int) -> Act:
    """An act from a file, from stdin ("-"), or from the JSON that ``tapsyrma parse`` wrote."""
    document = read_stream(sys.stdin.buffer, "-", max_bytes=max_bytes) if path == "-" else read_path(path, max_bytes=max_bytes)
    stripped = document.text.lstrip()
    if stripped.startswith("{") and '"tapsyrma/act@1"' in stripped[:200]:
        return Act.from_json(document.text)
    return parse_document(document, lang=lang, received=received)


@app.command()
def parse(
    path: str = typer.Argument(..., help="The act: .txt .md .html .docx .pdf, or - for standard input."),
    lang: ActLanguage = typer.Option(ActLanguage.auto, "--lang", help="Language of the act; auto detects Russian or Kazakh."),
    received: Optional[str] = typer.Option(
        None, "--received", metavar="YYYY-MM-DD",
        help="Date the act reached the executing body: relative terms count from it (п.50). Default: the act's date.",
    ),
    output_format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="json (the tapsyrma/act@1 contract), text (the normalised text spans index into), table, md."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of standard output."),
    max_size_mb: float = typer.Option(DEFAULT_MAX_BYTES / 2**20, "--max-size", metavar="MB", help="Refuse inputs larger than this."),
) -> None:
    """Parse an act into its structure and instruction items.

    Examples:

      tapsyrma parse decree.docx

      tapsyrma parse act.txt --format json -o act.json

      cat act.txt | tapsyrma parse - --lang kk --received 2024-02-01 --format md
    """
    act = read_act(path, lang=lang.value, received=parse_date_option(received, "--received"), max_bytes=int(max_size_mb * 2**20))
    if output_format is OutputFormat.json:
        _emit(act.to_json() + "\n", output)
    elif output_format is OutputFormat.text:
        _emit(act.text + "\n", output)
    elif output_format is OutputFormat.md:
        _emit(render_markdown(act), output)
    else:
        console = Console(file=output.open("w", encoding="utf-8") if output else None, width=160 if output else None)
        render_table(act, console)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the tapsyrma/act@1 JSON that `parse --format json` writes."""
    typer.echo(SCHEMA_FILE.read_text(encoding="utf-8"), nl=False)


def _emit(text: str, output: Path | None) -> None:
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _executors_text(item, lang: str) -> str:
    names = []
    for executor in item.executors:
        name = (executor.name_kk if lang == "kk" else executor.name_ru) or executor.text
        names.append(f"{name} (lead)" if executor.role == "lead" and len(item.executors) > 1 else name)
    return "; ".join(names)


def _deadline_text(item) -> str:
    deadline = item.deadline
    if deadline.kind == "none":
        return "—"
    due = f" → {deadline.due.isoformat()}" if deadline.due else ""
    return f"{deadline.text or deadline.kind}{due}"


def _header_line(act: Act) -> str:
    header = act.act
    parts = [header.kind or "act", f"№ {header.number}" if header.number else None,
             header.date.isoformat() if header.date else None, header.issuer]
    return " · ".join(p for p in parts if p)


def render_table(act: Act, console: Console) -> None:
    console.print(f"[bold]{_header_line(act)}[/bold]  [dim]({act.language})[/dim]")
    if act.act.title:
        console.print(act.act.title)
    table = Table(show_lines=True)
    for column in ("№", "action", "executors", "deadline", "form"):
        table.add_column(column, overflow="fold")
    for item in act.items:
        table.add_row(".".join(item.path) or (item.number or ""), item.action or item.text[:200],
                      _executors_text(item, act.language), _deadline_text(item), item.completion_form or "")
    console.print(table)
    console.print(f"{len(act.items)} items; control: {act.control.text if act.control else '—'}")
    for warning in act.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")


def render_markdown(act: Act) -> str:
    lines = [f"# {act.act.title or _header_line(act)}", "", f"{_header_line(act)} ({act.language})", ""]
    lines += ["| № | action | executors | deadline | form |", "|---|---|---|---|---|"]
    for item in act.items:
        cells = [".".join(item.path), item.action or item.text, _executors_text(item, act.language), _deadline_text(item), item.completion_form or ""]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    lines.append("")
    if act.control:
        lines += [f"Control: {act.control.text}", ""]
    lines += [f"- warning: {w}" for w in act.warnings]
    return "\n".join(lines) + "\n"


generate_cmd.register(app)
registry_cmd.register(app)
check_cmd.register(app)
serve_cmd.register(app)
compare_cmd.register(app)
batch_cmd.register(app)


def main() -> None:
    try:
        app()
    except TapsyrmaError as error:
        typer.echo(f"tapsyrma: error: {error}", err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("tapsyrma: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
