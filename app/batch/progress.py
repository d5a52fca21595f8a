"""How far a batch is: a rich progress bar on a terminal, a plain line now and then otherwise
(a log file, a CI job, a scheduler's output)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from .work import Outcome

__all__ = ["BatchProgress", "Tally"]

# Seconds between two plain progress lines.
_PLAIN_INTERVAL = 10.0


@dataclass(slots=True)
class Tally:
    """Counts of the documents this run has dealt with."""

    total: int | None = None
    done: int = 0
    skipped: int = 0
    errors: int = 0
    bytes: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, outcomes: list[Outcome]) -> None:
        self.done += len(outcomes)
        self.errors += sum(outcome.error is not None for outcome in outcomes)
        self.bytes += sum(outcome.size for outcome in outcomes)

    def line(self) -> str:
        """A line like "120/10000 files (1.2%) · 12.3 files/s · 0.10 MB/s · 0 failed · ETA 0:13:20"."""
        seen = self.done + self.skipped
        count = f"{seen}/{self.total} files ({100 * seen / self.total:.1f}%)" if self.total else f"{seen} files"
        return f"{count} · {self.rates()}"

    def rates(self) -> str:
        """Speed, failures and the time left."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{rate:.1f} files/s", f"{self.bytes / elapsed / 1e6:.2f} MB/s", f"{self.errors} failed"]
        if self.skipped:
            parts.append(f"{self.skipped} finished earlier")
        if self.total is not None and rate > 0:
            parts.append(f"ETA {dt.timedelta(seconds=round(max(self.total - self.done - self.skipped, 0) / rate))}")
        return " · ".join(parts)


class BatchProgress:
    """Shows a :class:`Tally` on ``stream``: a live bar when it is a terminal, else a line every
    ten seconds and one at the end."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = _PLAIN_INTERVAL) -> None:
        self.stream = stream or sys.stderr
        self.tally = Tally()
        self.interval = interval
        self._console = Console(file=self.stream)
        self._bar: Progress | None = None
        self._task = None
        self._last_line = 0.0

    def start(self, tally: Tally) -> None:
        self.tally = tally
        if self._console.is_terminal:
            self._bar = Progress(
                TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[info]}"),
                TimeElapsedColumn(), console=self._console, transient=False,
            )
            self._task = self._bar.add_task("batch", total=tally.total, info="")
            self._bar.start()
        else:
            self._emit()

    def refresh(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=self.tally.done + self.tally.skipped, info=self.tally.rates())
        elif time.monotonic() - self._last_line >= self.interval:
            self._emit()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        else:
            self._emit()

    def _emit(self) -> None:
        self._last_line = time.monotonic()
        print(f"batch: {self.tally.line()}", file=self.stream, flush=True)
