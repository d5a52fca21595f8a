"""CLI: ``tapsyrma compare RU_FILE KK_FILE`` — do the Russian and the Kazakh version of an act say
the same? Exit status as diff's: 0 they agree, 1 they differ, 2 trouble."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from tapsyrma.parser.errors import TapsyrmaError
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES

__all__ = ["EXIT_DIFFERENT", "EXIT_TROUBLE", "register"]

EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2


class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"
    docx = "docx"


def _compare(
    ru_file: Annotated[str, typer.Argument(metavar="RU_FILE", help="The Russian version: any file `parse` reads, or the JSON `parse --format json` wrote.")],
    kk_file: Annotated[str, typer.Argument(metavar="KK_FILE", help="The Kazakh version, likewise.")],
    output_format: Annotated[CompareFormat, typer.Option("--format", "-f", help="table (terminal), json (tapsyrma/compare@1), html (both passages side by side), docx.")] = CompareFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of standard output (required for docx).")] = None,
    max_size_mb: Annotated[float, typer.Option("--max-size", metavar="MB", help="Refuse inputs larger than this.")] = DEFAULT_MAX_BYTES / 2**20,
) -> None:
    """Compare the Russian and the Kazakh version of one act by meaning, not by words.

    Reported: missing or extra points, subpoints and table rows; other terms (date, period, periodicity), executors, figures, percentages, dates and "№" references; another act number, date, entry into force or controlling body. Wording alone (a synonym, another word order) is not.

    Exit status: 0 the versions agree, 1 they differ, 2 an input cannot be read or is in the wrong language, or the command is misused.

    Examples:

      tapsyrma compare kz-ru-ukaz-20220303-826.txt kz-kk-ukaz-20220303-826.txt

      tapsyrma compare decree-ru.docx decree-kk.docx --format html -o compare.html
    """
    from .compare import compare_files, render_docx, render_html, render_table

    if output_format is CompareFormat.docx and output is None:
        raise typer.BadParameter("expected --output FILE.docx for the docx format, got none", param_hint="--output")
    try:
        comparison = compare_files(ru_file, kk_file, max_bytes=int(max_size_mb * 2**20))
    except TapsyrmaError as error:
        typer.echo(f"tapsyrma: error: {error}", err=True)
        raise typer.Exit(EXIT_TROUBLE) from None
    if output_format is CompareFormat.docx:
        output.write_bytes(render_docx(comparison))
    elif output_format is CompareFormat.table:
        stream = output.open("w", encoding="utf-8") if output else None
        try:
            render_table(comparison, Console(file=stream, width=160 if stream else None))
        finally:
            if stream:
                stream.close()
    else:
        text = comparison.to_json() + "\n" if output_format is CompareFormat.json else render_html(comparison)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    if not comparison.agree:
        raise typer.Exit(EXIT_DIFFERENT)


def register(app: typer.Typer) -> None:
    """Add ``compare`` to the CLI ``app``."""
    app.command("compare")(_compare)
