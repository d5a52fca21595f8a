"""Where the documents are parsed: in this process, in a pool of processes on this machine, or
on a Dask distributed cluster. Every runner takes units lazily, keeps a bounded number in flight
(so memory stays flat however large the archive) and yields outcomes as they complete."""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from tapsyrma.parser.errors import InputError

from .sources import Unit
from .work import Outcome, process_unit, warm_up

__all__ = ["run_dask", "run_pool", "run_serial"]

# Documents in flight per worker: enough to keep every worker busy while the parent writes.
_WINDOW_PER_WORKER = 4
_WORKER_DIED = "the worker process died while reading it (a crash or out of memory)"


def run_serial(units: Iterator[Unit], *, lang: str, max_bytes: int) -> Iterator[list[Outcome]]:
    """One document after another in this process."""
    for unit in units:
        yield [process_unit(unit, lang, max_bytes)]


def run_pool(units: Iterator[Unit], *, jobs: int, lang: str, max_bytes: int) -> Iterator[list[Outcome]]:
    """``jobs`` worker processes on this machine. A worker that dies (a crash in a library, the
    out-of-memory killer) takes the documents in flight with it: each of them is then read alone
    in a fresh process, so only the one that kills its worker is reported as failed."""
    window = jobs * _WINDOW_PER_WORKER
    pool = _new_pool(jobs)
    pending: dict[Future, Unit] = {}
    try:
        exhausted = False
        while True:
            suspects: list[Unit] = []
            while not exhausted and len(pending) < window:
                unit = next(units, None)
                if unit is None:
                    exhausted = True
                    break
                try:
                    pending[pool.submit(process_unit, unit, lang, max_bytes)] = unit
                except BrokenProcessPool:
                    suspects.append(unit)
                    break
            if not pending and not suspects:
                return
            outcomes: list[Outcome] = []
            if pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    unit = pending.pop(future)
                    try:
                        outcomes.append(future.result())
                    except BrokenProcessPool:
                        suspects.append(unit)
            if suspects:
                suspects.extend(pending.values())
                pending.clear()
                pool.shutdown(wait=True)
                outcomes.extend(_alone(suspects, lang, max_bytes))
                pool = _new_pool(jobs)
            yield outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(units: list[Unit], lang: str, max_bytes: int) -> list[Outcome]:
    outcomes = []
    for unit in units:
        with _new_pool(1) as pool:
            try:
                outcomes.append(pool.submit(process_unit, unit, lang, max_bytes).result())
            except BrokenProcessPool:
                outcomes.append(Outcome.failed(unit, _WORKER_DIED, "WorkerDied"))
    return outcomes


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    """Linux forks workers from this process after :func:`warm_up`, so they share the loaded
    parser; elsewhere each worker warms up itself."""
    if sys.platform.startswith("linux"):
        warm_up()
        return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupt)
    return ProcessPoolExecutor(jobs, initializer=_start_worker)


def _ignore_interrupt() -> None:
    """Ctrl-C is the parent's to handle: it stops submitting and keeps what is finished."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_worker() -> None:
    _ignore_interrupt()
    warm_up()


def run_dask(units: Iterator[Unit], *, scheduler: str, lang: str, max_bytes: int) -> Iterator[list[Outcome]]:
    """The same work on a Dask distributed cluster at ``scheduler`` (tcp://HOST:PORT). Files are
    sent by path and read by the workers, so they must see the same paths (a shared folder);
    archive members are sent as content."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError("--scheduler: the Dask cluster runner is not installed; expected pip install 'tapsyrma[cluster]'") from None
    try:
        client = Client(scheduler, set_as_default=False, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"--scheduler: expected a reachable Dask scheduler at {scheduler}, got {type(error).__name__}: {error}") from None
    with client:
        try:
            client.run(warm_up)
        except Exception as error:  # noqa: BLE001 - whatever a worker raises, the cluster cannot do the job
            raise InputError(f"--scheduler: expected workers with tapsyrma installed, got {type(error).__name__}: {error}") from None
        window = _WINDOW_PER_WORKER * max(sum(client.nthreads().values()), 1)
        completed = as_completed(loop=client.loop)
        pending: dict[str, Unit] = {}
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                unit = next(units, None)
                if unit is None:
                    exhausted = True
                else:
                    future = client.submit(process_unit, unit, lang, max_bytes, pure=False)
                    pending[future.key] = unit
                    completed.add(future)
            if not pending:
                return
            outcomes = []
            for future in completed.next_batch(block=True):
                unit = pending.pop(future.key)
                try:
                    outcomes.append(future.result())
                except Exception as error:  # noqa: BLE001 - a lost worker or connection fails one document, not the batch
                    outcomes.append(Outcome.failed(unit, f"the cluster could not run it ({type(error).__name__}: {error})", "WorkerDied"))
                future.release()
            yield outcomes
