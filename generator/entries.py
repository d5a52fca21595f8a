"""Instructions for the annual report, read from a JSON or XLSX list.

Columns are recognised by their headers in either language: the column titles of Appendix 8, the
aliases of ``[report.input_headers]`` in documents.toml, or the field names below. An XLSX may be
the report itself (a sphere row above its instructions is kept as their sphere). JSON is a list of
objects, or an object ``{"year": ..., "reporter": ..., "items": [...]}``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from tapsyrma.parser.errors import InputError

from .spheres import sphere_named
from .wording import LANGUAGES, wording

Status = Literal["done", "in_progress"]

_HEADER_NOISE = re.compile(r"[\s*:.]+")


class ReportEntry(BaseModel):
    """One instruction of the annual report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    requisites: str = ""
    content: str = ""
    status: Status | None = None
    status_text: str | None = None
    final_result: str | None = None
    interim_result: str | None = None
    sphere: str | None = None
    executor: str | None = None


class ReportInput(BaseModel):
    """The instructions of a report with the reporting body and the year, when the input names them."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entries: tuple[ReportEntry, ...]
    year: int | None = None
    reporter: str | None = None


_FIELDS = tuple(name for name in ReportEntry.model_fields if name != "status_text")


def _normal(text: str) -> str:
    return _HEADER_NOISE.sub(" ", text.casefold()).strip()


@lru_cache(maxsize=1)
def _header_fields() -> dict[str, str]:
    """Every known header, normalised → the entry field it fills."""
    headers = {name: name for name in _FIELDS}
    for lang in LANGUAGES:
        report = wording(lang).report
        for field, title in report.columns.items():
            if field in _FIELDS:
                headers[_normal(title)] = field
        for field, aliases in report.input_headers.items():
            for alias in aliases:
                headers[_normal(alias)] = field
    return headers


@lru_cache(maxsize=1)
def _status_words() -> dict[str, Status]:
    words: dict[str, Status] = {}
    for lang in LANGUAGES:
        report = wording(lang).report
        for status, label in report.status.items():
            words[_normal(label)] = status
        for status, aliases in report.input_status.items():
            for alias in aliases:
                words[_normal(alias)] = status
    return words


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def entry_from_mapping(row: Mapping[str, Any], *, where: str) -> ReportEntry:
    """An entry from a mapping whose keys are headers in either language or field names."""
    known = _header_fields()
    values: dict[str, Any] = {}
    for header, value in row.items():
        field = known.get(_normal(str(header)))
        if field is not None and _text(value) is not None:
            values[field] = _text(value)
    if "content" not in values and "requisites" not in values:
        raise InputError(f"{where}: expected the content or the requisites of an instruction, got columns {list(row)}")
    status = values.pop("status", None)
    if status is not None:
        known_status = _status_words().get(_normal(status))
        values["status"] = known_status
        values["status_text"] = None if known_status else status
    return ReportEntry(**values)


def _from_json(data: Any, source: str) -> ReportInput:
    year = reporter = None
    if isinstance(data, dict):
        year, reporter = data.get("year"), data.get("reporter")
        data = data.get("items")
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise InputError(f"{source}: expected a list of instructions (objects) or {{\"items\": [...]}}, got {type(data).__name__}")
    entries = tuple(entry_from_mapping(row, where=f"{source}: item {index}") for index, row in enumerate(data, start=1))
    try:
        year = int(year) if year is not None else None
    except ValueError:
        raise InputError(f"{source}: year: expected a number, got {year!r}") from None
    return ReportInput(entries=entries, year=year, reporter=_text(reporter))


def _from_rows(rows: Iterable[tuple[Any, ...]], source: str) -> ReportInput:
    """Rows of a sheet: the first row with two known headers is the header; a row with text in one
    cell only that names a sphere sets the sphere of the rows below it."""
    known = _header_fields()
    header: list[str | None] | None = None
    sphere: str | None = None
    entries = []
    for number, row in enumerate(rows, start=1):
        cells = [_text(cell) for cell in row]
        if header is None:
            fields = [known.get(_normal(cell)) if cell else None for cell in cells]
            if sum(field is not None for field in fields) >= 2:
                header = fields
            continue
        filled = [cell for cell in cells if cell]
        if not filled:
            continue
        if len(filled) == 1 and (named := sphere_named(filled[0])):
            sphere = named
            continue
        mapping = {field: cell for field, cell in zip(header, cells) if field and cell}
        if not mapping:
            continue
        if sphere and "sphere" not in mapping:
            mapping["sphere"] = sphere
        entries.append(entry_from_mapping(mapping, where=f"{source}: row {number}"))
    if header is None:
        raise InputError(f"{source}: expected a header row naming the columns (e.g. the titles of Appendix 8), got none")
    return ReportInput(entries=tuple(entries))


def read_entries(data: bytes, *, source: str, suffix: str) -> ReportInput:
    """Instructions for the report from the bytes of a ``.json`` or ``.xlsx`` file."""
    if suffix == ".json":
        try:
            return _from_json(json.loads(data), source)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}: expected JSON, got an error at line {exc.lineno}: {exc.msg}") from None
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for a bad file
            raise InputError(f"{source}: expected an XLSX workbook, got {type(exc).__name__}: {exc}") from None
        try:
            return _from_rows(workbook.worksheets[0].iter_rows(values_only=True), source)
        finally:
            workbook.close()
    raise InputError(f"{source}: expected a .json or .xlsx list of instructions, got {suffix or 'no extension'}")


def read_entries_file(path: str | Path) -> ReportInput:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return read_entries(data, source=str(path), suffix=path.suffix.lower())

