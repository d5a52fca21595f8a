"""The work on one document, wherever it runs (this process, a pool process, a Dask worker):
read, parse, and say what came of it. Nothing raised here stops a batch: every failure is an
:class:`Outcome` with a reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tapsyrma.parser import langdata, parse_document, parse_text
from tapsyrma.parser.errors import TapsyrmaError
from tapsyrma.parser.readers import read_bytes

from .sources import Unit

__all__ = ["Outcome", "process_unit", "warm_up"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What came of one document: its act as one JSON line, or the reason it has none."""

    source: str
    fingerprint: dict
    size: int = 0
    sha256: str | None = None
    act_json: str | None = None
    items: int = 0
    error: str | None = None
    error_type: str | None = None

    @classmethod
    def failed(cls, unit: Unit, reason: str, error_type: str, *, size: int = 0, sha256: str | None = None) -> Outcome:
        return cls(unit.source, unit.fingerprint, size, sha256, error=_without_source(reason, unit.source), error_type=error_type)


def process_unit(unit: Unit, lang: str, max_bytes: int) -> Outcome:
    """Read and parse ``unit``; a file is read here, where the worker runs."""
    if unit.rejection:
        return Outcome.failed(unit, unit.rejection, "Rejected")
    data = unit.data
    if data is None:
        try:
            with open(unit.path, "rb") as stream:
                data = stream.read(max_bytes + 1)  # one byte over: the reader reports it
        except OSError as error:
            return Outcome.failed(unit, f"cannot be read ({error.strerror or error})", "InputError")
    digest = hashlib.sha256(data).hexdigest()
    try:
        act = parse_document(read_bytes(data, unit.source, max_bytes=max_bytes), lang=lang)
    except TapsyrmaError as error:
        return Outcome.failed(unit, str(error), type(error).__name__, size=len(data), sha256=digest)
    except Exception as error:  # noqa: BLE001 - a defect in a reader or the parser must not stop thousands of files
        return Outcome.failed(unit, f"internal error {type(error).__name__}: {error}", "InternalError", size=len(data), sha256=digest)
    return Outcome(unit.source, unit.fingerprint, len(data), digest, act.to_json(indent=None), len(act.items))


def warm_up() -> None:
    """Load the parser's data for both languages once (a short act of ``batch.toml`` each), so
    that worker processes forked from this one share it instead of each loading it again."""
    for lang in langdata.LANGUAGES:
        parse_text(langdata.load(lang, "batch")["warm_up"], lang=lang)


def _without_source(reason: str, source: str) -> str:
    """Readers start their messages with the file's name; errors.jsonl has it in its own field."""
    prefix = f"{source}: "
    return reason[len(prefix):] if reason.startswith(prefix) else " ".join(reason.split())
