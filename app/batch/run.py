"""A batch from start to end: find the documents, skip those an earlier run finished, parse the
rest where the runner says, append each outcome to the journal, then derive the tables, the
summary and (if asked) the registry from acts.jsonl."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

from tapsyrma.parser.errors import InputError

from .journal import ACTS, ERRORS, Journal, outdir_problem, replacing
from .progress import BatchProgress, Tally
from .runners import run_dask, run_pool, run_serial
from .sources import DEFAULT_LIMITS, ArchiveLimits, Unit, expand_inputs, iter_candidates
from .summary import Summary
from .tables import CsvItems, XlsxItems, item_rows
from .work import Outcome

__all__ = ["FORMATS", "BatchResult", "RegistryImport", "default_jobs", "run_batch"]

FORMATS = ("jsonl", "csv", "xlsx")
# The journal is synced at most this often (seconds) and at least every this many outcomes:
# a crash loses at most that much finished work, which a resumed run does again.
_COMMIT_SECONDS = 0.5
_COMMIT_OUTCOMES = 256
# Acts per registry transaction: bounded memory, and an import that fails loses one chunk.
_REGISTRY_CHUNK = 500


@dataclass(frozen=True, slots=True)
class RegistryImport:
    url: str
    acts_added: int
    acts_skipped: int
    items_added: int


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What the output folder holds after a run (earlier runs' documents included)."""

    outdir: Path
    summary: Summary
    processed: int
    skipped: int
    seconds: float
    registry: RegistryImport | None = None

    @property
    def exit_code(self) -> int:
        """0 when every document gave an act, 1 when some failed."""
        return 1 if self.summary.errors else 0


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    inputs: Sequence[str],
    outdir: str | os.PathLike,
    *,
    jobs: int | None = None,
    lang: str = "auto",
    resume: bool = False,
    formats: Sequence[str] = FORMATS,
    into_registry: str | None = None,
    scheduler: str | None = None,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    report_lang: str = "ru",
    progress: BatchProgress | None = None,
) -> BatchResult:
    """Parse every document of ``inputs`` (files, folders, globs, .zip/.tar.* archives) into
    ``outdir``: acts.jsonl, errors.jsonl, items.csv / items.xlsx (``formats``), summary.md and
    summary.html. ``jobs`` processes on this machine (default: all cores), or the Dask cluster at
    ``scheduler``. ``resume`` continues an interrupted run in the same ``outdir``.

    Raises :class:`InputError` for inputs that match nothing or an ``outdir`` that cannot be used;
    a document that cannot be read is never raised, it is a line of errors.jsonl.
    """
    started = time.monotonic()
    outdir = Path(outdir)
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise InputError(f"batch: expected formats among {', '.join(FORMATS)}, got {', '.join(unknown)}")
    paths, missing = expand_inputs(inputs)
    if missing:
        raise InputError(f"batch: expected existing files, folders or glob patterns, got {', '.join(map(repr, missing))}")
    settings = {"lang": lang, "max_bytes": limits.max_bytes}
    problem = outdir_problem(outdir, resume=resume, settings=settings)
    if problem:
        raise InputError(problem)
    registry = _open_registry(into_registry)

    tally = Tally(total=sum(1 for _ in iter_candidates(paths, limits, outdir=outdir)) if progress is not None else None)
    journal = Journal(outdir, resume=resume, settings=settings)
    if progress is not None:
        progress.start(tally)

    def units() -> Iterator[Unit]:
        for candidate in iter_candidates(paths, limits, outdir=outdir):
            if journal.finished(candidate):
                tally.skipped += 1
                if progress is not None:
                    progress.refresh()
                continue
            yield candidate.unit()

    workers = jobs or default_jobs()
    if scheduler:
        outcome_batches = run_dask(units(), scheduler=scheduler, lang=lang, max_bytes=limits.max_bytes)
    elif workers > 1:
        outcome_batches = run_pool(units(), jobs=workers, lang=lang, max_bytes=limits.max_bytes)
    else:
        outcome_batches = run_serial(units(), lang=lang, max_bytes=limits.max_bytes)
    pending: list[Outcome] = []
    last_commit = time.monotonic()
    try:
        for outcomes in outcome_batches:
            pending.extend(outcomes)
            tally.add(outcomes)
            if progress is not None:
                progress.refresh()
            if len(pending) >= _COMMIT_OUTCOMES or time.monotonic() - last_commit >= _COMMIT_SECONDS:
                journal.commit(pending)
                pending.clear()
                last_commit = time.monotonic()
    finally:
        outcome_batches.close()
        journal.commit(pending)  # also on Ctrl-C: what is finished stays finished
        journal.close()
        if progress is not None:
            progress.close()
    if journal.superseded:
        journal.compact()
    summary = write_reports(outdir, formats=formats, report_lang=report_lang)
    imported = _import(registry, outdir) if registry is not None else None
    return BatchResult(outdir, summary, tally.done, tally.skipped, time.monotonic() - started, imported)


def write_reports(outdir: Path, *, formats: Sequence[str], report_lang: str) -> Summary:
    """items.csv, items.xlsx, summary.md and summary.html, derived from acts.jsonl and
    errors.jsonl in one streaming pass (each file replaced whole when it is complete)."""
    summary = Summary()
    with ExitStack() as stack:
        tables = []
        if "csv" in formats:
            tables.append(stack.enter_context(closing(CsvItems(stack.enter_context(replacing(outdir / "items.csv"))))))
        if "xlsx" in formats:
            tables.append(stack.enter_context(closing(XlsxItems(stack.enter_context(replacing(outdir / "items.xlsx")), report_lang))))
        for act in _json_lines(outdir / ACTS):
            summary.add_act(act, report_lang)
            for row in item_rows(act, report_lang):
                for table in tables:
                    table.add(row)
    for error in _json_lines(outdir / ERRORS):
        summary.add_error(error)
    with replacing(outdir / "summary.md") as path:
        path.write_text(summary.markdown(report_lang), encoding="utf-8")
    with replacing(outdir / "summary.html") as path:
        path.write_text(summary.html(report_lang), encoding="utf-8")
    return summary


def _json_lines(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with path.open("rb") as stream:
        for line in stream:
            yield json.loads(line)


def _open_registry(url: str | None):
    if url is None:
        return None
    from tapsyrma.registry import Registry

    return Registry(url)


def _import(registry, outdir: Path) -> RegistryImport:
    """Every act of acts.jsonl into the registry, a chunk per transaction; acts already there
    (an earlier run, a resumed one) are recognised by content and skipped."""
    from tapsyrma.parser.model import Act

    added = skipped = items = 0
    chunk: list[Act] = []

    def flush() -> None:
        nonlocal added, skipped, items
        result = registry.import_acts(chunk)
        added, skipped, items = added + result.acts_added, skipped + result.acts_skipped, items + result.items_added
        chunk.clear()

    with registry:
        with (outdir / ACTS).open("rb") as stream:
            for line in stream:
                chunk.append(Act.from_json(line))
                if len(chunk) >= _REGISTRY_CHUNK:
                    flush()
        if chunk:
            flush()
        return RegistryImport(registry.display_url, added, skipped, items)
