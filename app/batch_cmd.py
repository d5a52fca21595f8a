"""CLI of batch processing: ``tapsyrma batch INPUT... -o OUTDIR``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from tapsyrma.parser.errors import TapsyrmaError
from tapsyrma.parser.readers import DEFAULT_MAX_BYTES

from .options import ActLanguage, OutputLanguage

__all__ = ["register"]


_LIMITS_PANEL = "Archive and file limits"


def _formats(value: str) -> list[str]:
    from tapsyrma.app.batch import FORMATS

    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(f"expected a comma-separated list of {', '.join(FORMATS)}, got {value!r}")
    return chosen


def _batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (walked recursively), glob patterns ('acts/**/*.docx'), .zip/.tar/.tar.gz archives (read without unpacking).", metavar="INPUT", show_default=False)],
    outdir: Annotated[Path, typer.Option("--output", "-o", help="Folder for the outputs (created if missing).", show_default=False)],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: all cores.")] = None,
    into_registry: Annotated[str | None, typer.Option("--into-registry", metavar="URL", help="Also add every act to this registry (SQLite path or URL, postgresql+psycopg://...).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted batch in OUTDIR: finished files are skipped.")] = False,
    formats: Annotated[str, typer.Option("--format", "-f", metavar="LIST", help="Outputs among jsonl,csv,xlsx (acts.jsonl is always written: --resume continues from it).")] = "jsonl,csv,xlsx",
    lang: Annotated[ActLanguage, typer.Option("--lang", help="Language of the acts; auto detects Russian or Kazakh per file.")] = ActLanguage.auto,
    report_lang: Annotated[OutputLanguage, typer.Option("--report-lang", help="Language of the summary, the XLSX header and executor names.")] = OutputLanguage.ru,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="Run on this Dask distributed cluster (pip install 'tapsyrma\\[cluster]'); workers read the files by path, so they must see the same folders.")] = None,
    max_size_mb: Annotated[float, typer.Option("--max-size", metavar="MB", rich_help_panel=_LIMITS_PANEL, help="Refuse files and archive members larger than this.")] = DEFAULT_MAX_BYTES / 2**20,
    max_members: Annotated[int, typer.Option("--max-members", min=1, rich_help_panel=_LIMITS_PANEL, help="Read at most this many members of one archive.")] = 100_000,
    max_ratio: Annotated[float, typer.Option("--max-ratio", min=1, rich_help_panel=_LIMITS_PANEL, help="Refuse members compressed more than this many times (zip bombs), and archives whose members add up to more than this many times their size.")] = 100.0,
    pairs: Annotated[bool, typer.Option("--pairs", help="Also check every Russian/Kazakh pair of files (by name kz-ru-X/kz-kk-X, or by act number and date): pairs.jsonl, pairs.md and an HTML page per pair that differs. Files inside archives are not paired.")] = False,
) -> None:
    """Parse a whole archive of acts: one act per line, item tables, a summary, optionally the registry.

    Writes to OUTDIR: acts.jsonl (one act per line, the JSON of `parse --format json`),
    errors.jsonl (file, reason), items.csv and items.xlsx (one row per item), summary.md and
    summary.html (counts by kind, language, year, executor; items due per month).

    A file that cannot be read is recorded in errors.jsonl and the batch goes on. Exit code:
    0 every file gave an act, 1 some files failed, 2 usage error. An interrupted batch (Ctrl-C,
    a kill, a power cut) continues with the same command and --resume.

    Examples:

      tapsyrma batch archive.zip -o out

      tapsyrma batch acts/ 'more/**/*.docx' -o out --jobs 8 --into-registry registry.db

      tapsyrma batch acts/ -o out --resume

      tapsyrma batch /shared/acts -o out --scheduler tcp://10.0.0.5:8786

      tapsyrma batch acts/ -o out --pairs
    """
    from tapsyrma.app.batch import ArchiveLimits, BatchProgress, run_batch
    from tapsyrma.app.batch.journal import outdir_problem
    from tapsyrma.app.batch.sources import expand_inputs

    chosen = _formats(formats)
    _, missing = expand_inputs(inputs)
    if missing:
        raise typer.BadParameter(f"expected existing files, folders or glob patterns, got {', '.join(map(repr, missing))}", param_hint="INPUTS")
    limits = ArchiveLimits(max_bytes=int(max_size_mb * 2**20), max_members=max_members, max_ratio=max_ratio)
    problem = outdir_problem(outdir, resume=resume, settings={"lang": lang.value, "max_bytes": limits.max_bytes})
    if problem:
        raise typer.BadParameter(problem, param_hint="--output")
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        result = run_batch(
            inputs, outdir, jobs=jobs, lang=lang.value, resume=resume, formats=chosen, into_registry=into_registry,
            scheduler=scheduler, limits=limits, report_lang=report_lang.value, progress=BatchProgress(),
        )
    except TapsyrmaError as error:
        console.print(f"[red]error:[/red] {error}", markup=True)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        console.print(f"interrupted; finished files are kept. Continue with: tapsyrma batch ... -o {outdir} --resume")
        raise typer.Exit(130) from None
    summary = result.summary
    rate = result.processed / result.seconds if result.seconds else 0.0
    console.print(
        f"{summary.files} files: {summary.acts} acts, {summary.items} items, {summary.errors} failed"
        + (f" ({result.skipped} finished by an earlier run)" if result.skipped else "")
        + f"; {result.processed} read in {result.seconds:.1f} s ({rate:.1f} files/s). Outputs in {outdir}"
    )
    if result.registry is not None:
        console.print(f"registry {result.registry.url}: {result.registry.acts_added} acts added ({result.registry.items_added} items), {result.registry.acts_skipped} already present")
    if summary.errors:
        console.print(f"reasons per file: {outdir / 'errors.jsonl'}")
    if pairs:
        from tapsyrma.app.compare import compare_pairs

        found_inputs, _ = expand_inputs(inputs)
        total, differ, failed = compare_pairs(found_inputs, outdir, max_bytes=limits.max_bytes)
        console.print(f"{total} Russian/Kazakh pairs: {differ} differ, {failed} not compared; see {outdir / 'pairs.md'}")
    raise typer.Exit(result.exit_code)


def register(app: typer.Typer) -> None:
    """Add ``batch`` to the CLI ``app``."""
    app.command("batch")(_batch)
