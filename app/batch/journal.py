"""The output folder of a batch, written so that any interruption can be resumed.

``acts.jsonl`` (one act per line, the ``tapsyrma/act@1`` JSON) and ``errors.jsonl`` (one failed
document per line) only ever grow by whole lines, and ``manifest.jsonl`` records each finished
document *after* its line is synced to disk. Whatever a crash, a kill or a power loss leaves, the
manifest names only documents whose output is complete. A resumed run cuts a half-written last
line, drops lines of documents the manifest does not name (and all but the last line of a document
read again because it changed), and skips the documents the manifest names unchanged.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .sources import Candidate
from .work import Outcome

__all__ = ["ACTS", "ERRORS", "MANIFEST", "SETTINGS", "Journal", "outdir_problem", "replacing"]

ACTS = "acts.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.jsonl"
SETTINGS = "batch.json"
_SETTINGS_SCHEMA = "tapsyrma/batch@1"
# The settings a resumed run must share with the run it continues: they change every output line.
_BINDING_SETTINGS = ("lang", "max_bytes")


def outdir_problem(outdir: Path, *, resume: bool, settings: dict) -> str | None:
    """Why a batch may not write to ``outdir``, or None."""
    if outdir.exists() and not outdir.is_dir():
        return f"{outdir} is a file; expected a folder for the outputs"
    manifest = outdir / MANIFEST
    if not resume:
        if any((outdir / name).exists() for name in (ACTS, ERRORS, MANIFEST)):
            return f"{outdir} holds the outputs of an earlier batch; add --resume to continue it, or choose another folder"
        return None
    previous = _read_settings(outdir)
    if manifest.exists() and previous is not None:
        for key in _BINDING_SETTINGS:
            if previous.get(key) != settings.get(key):
                return f"--resume: the batch in {outdir} ran with {key}={previous.get(key)!r}, this run asks for {settings.get(key)!r}"
    return None


class Journal:
    """Appends outcomes to the output folder and knows which documents are finished."""

    def __init__(self, outdir: Path, *, resume: bool, settings: dict) -> None:
        self.outdir = outdir
        outdir.mkdir(parents=True, exist_ok=True)
        self.finished_before: dict[str, dict] = {}
        self.superseded = False
        if resume:
            self.finished_before = _recover_manifest(outdir / MANIFEST)
            self.compact()
        _write_atomically(outdir / SETTINGS, json.dumps({"schema": _SETTINGS_SCHEMA, **settings}, ensure_ascii=False, indent=2) + "\n")
        # Open for the journal's life, closed by close().
        self._acts = open(outdir / ACTS, "ab")  # noqa: SIM115
        self._errors = open(outdir / ERRORS, "ab")  # noqa: SIM115
        self._manifest = open(outdir / MANIFEST, "ab")  # noqa: SIM115
        _sync_folder(outdir)

    def finished(self, candidate: Candidate) -> bool:
        """Whether an earlier run finished this document, unchanged since."""
        entry = self.finished_before.get(candidate.source)
        if entry is None:
            return False
        if entry["fingerprint"] == candidate.fingerprint:
            return True
        self.superseded = True  # read again: its earlier line goes at the next compaction
        return False

    def commit(self, outcomes: Iterable[Outcome]) -> None:
        """Write the outcomes' lines, sync them, then record them in the manifest and sync it."""
        outcomes = list(outcomes)
        if not outcomes:
            return
        written = set()
        for outcome in outcomes:
            if outcome.act_json is not None:
                self._acts.write(outcome.act_json.encode("utf-8") + b"\n")
                written.add(self._acts)
            else:
                self._errors.write(_json_line({"file": outcome.source, "reason": outcome.error, "error": outcome.error_type}))
                written.add(self._errors)
        _sync(*written)
        for outcome in outcomes:
            self._manifest.write(_json_line({
                "source": outcome.source,
                "fingerprint": outcome.fingerprint,
                "sha256": outcome.sha256,
                "outcome": "act" if outcome.act_json is not None else "error",
                "items": outcome.items,
            }))
        _sync(self._manifest)

    def compact(self) -> None:
        """Keep in acts.jsonl and errors.jsonl exactly one line per document of the manifest:
        its last, of the kind the manifest says; then the manifest itself, one entry per document."""
        path = self.outdir / MANIFEST
        manifest = _recover_manifest(path)
        for name, kind, field in ((ACTS, "act", "source"), (ERRORS, "error", "file")):
            _compact_lines(self.outdir / name, manifest, kind, field)
        if path.exists() and _count_lines(path) != len(manifest):
            with replacing(path) as temporary, temporary.open("wb") as out:
                out.writelines(_json_line(entry) for entry in manifest.values())
        self.superseded = False

    def close(self) -> None:
        for stream in (self._acts, self._errors, self._manifest):
            stream.close()


def _recover_manifest(path: Path) -> dict[str, dict]:
    """The manifest's entries by source (the last entry wins), after cutting a half-written line."""
    if not path.exists():
        return {}
    _cut_partial_line(path)
    entries: dict[str, dict] = {}
    with path.open("rb") as stream:
        for line in stream:
            entry = _decoded(line)
            if entry is not None:
                entries[entry["source"]] = entry
    return entries


def _compact_lines(path: Path, manifest: dict[str, dict], kind: str, field: str) -> None:
    if not path.exists():
        return
    _cut_partial_line(path)
    occurrences: Counter[str] = Counter()
    kept_all = True
    with path.open("rb") as stream:
        for line in stream:
            source = (_decoded(line) or {}).get(field)
            occurrences[source] += 1
            entry = manifest.get(source)
            kept_all = kept_all and entry is not None and entry["outcome"] == kind and occurrences[source] == 1
    if kept_all:
        return
    seen: Counter[str] = Counter()
    with replacing(path) as temporary, path.open("rb") as stream, temporary.open("wb") as out:
        for line in stream:
            source = (_decoded(line) or {}).get(field)
            seen[source] += 1
            entry = manifest.get(source)
            if entry is not None and entry["outcome"] == kind and seen[source] == occurrences[source]:
                out.write(line)


def _count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def _decoded(line: bytes) -> dict | None:
    """A line's JSON object; None for what no committed line can be (text a crash garbled)."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _cut_partial_line(path: Path) -> None:
    """Truncate the file after its last newline: a line cut short by a crash is dropped."""
    with path.open("r+b") as stream:
        size = stream.seek(0, os.SEEK_END)
        position = size
        while position > 0:
            step = min(position, 1 << 16)
            stream.seek(position - step)
            chunk = stream.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                position = position - step + newline + 1
                break
            position -= step
        if position != size:
            stream.truncate(position)
            _sync(stream)


def _read_settings(outdir: Path) -> dict | None:
    try:
        return json.loads((outdir / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path to write ``path``'s new content to; it replaces ``path`` in one step
    when the block ends without an error, so ``path`` is never seen half-written."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        yield temporary
        with temporary.open("rb+") as written:
            _sync(written)
        os.replace(temporary, path)
        _sync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _write_atomically(path: Path, text: str) -> None:
    with replacing(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _json_line(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n"


def _sync(*streams) -> None:
    for stream in streams:
        stream.flush()
        os.fsync(stream.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the folder's entries (new and renamed files) durable too (POSIX only)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
