"""Files the registry imports, read into acts.

- any file the parser reads (TXT, Markdown, DOCX, PDF, HTML): parsed into one act;
- ``.jsonl``: one act (``tapsyrma parse --format json``) per line; ``.json``: one act or a list;
- ``.csv`` / ``.xlsx``: lists of earlier instructions, one item per row. Columns are found by
  their header, in Russian or Kazakh (``corpora/lang/<lang>/registry.toml``, ``[columns]``) or by
  field id, or given explicitly (``columns={"text": "Поручение"}`` or a 1-based column number).
  Rows with the same act requisites form one act; the act text is made of the rows' cells, so
  every span points at the words that were read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from tapsyrma.parser import langdata
from tapsyrma.parser.errors import InputError, TapsyrmaError
from tapsyrma.parser.language import detect_language
from tapsyrma.parser.model import Act, ActHeader, Deadline, Executor, Item
from tapsyrma.parser.readers import decode_text
from tapsyrma.parser.structure import find_date

from .store import ImportResult, Registry

__all__ = ["FIELDS", "FileImport", "import_paths", "read_acts", "parse_columns_option", "expand_paths"]

FIELDS = (
    "act_kind",
    "act_number",
    "act_date",
    "act_title",
    "item_number",
    "text",
    "executors",
    "deadline",
    "completion_form",
    "language",
)
TABLE_SUFFIXES = (".csv", ".xlsx")
JSON_SUFFIXES = (".json", ".jsonl")
_LIST_SEPARATORS = re.compile(r"\s*[;\n]\s*")
_HEADER_NOISE = re.compile(r"[\s.,:*\"«»()]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _header_key(cell: str) -> str:
    return _HEADER_NOISE.sub(" ", cell.casefold()).strip()


@lru_cache(maxsize=1)
def _header_words() -> tuple[tuple[str, str], ...]:
    """(header wording, field) pairs of both languages, longest wording first."""
    pairs = [(field, field) for field in FIELDS]
    for lang in langdata.LANGUAGES:
        columns = langdata.load(lang, "registry")["columns"]
        pairs.extend((_header_key(word), field) for field in FIELDS for word in columns.get(field, ()))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def parse_columns_option(option: str | None) -> dict[str, str]:
    """``"text=Поручение,executors=3"`` → ``{"text": "Поручение", "executors": "3"}``."""
    if not option:
        return {}
    mapping = {}
    for part in option.split(","):
        field, sep, header = part.partition("=")
        field = field.strip()
        if not sep or field not in FIELDS or not header.strip():
            raise InputError(f"--columns: expected FIELD=HEADER pairs with FIELD one of {', '.join(FIELDS)}, got {part!r}")
        mapping[field] = header.strip()
    return mapping


def _map_columns(header: list[str], explicit: Mapping[str, str], source: str) -> dict[str, int]:
    mapping: dict[str, int] = {}
    keys = [_header_key(cell) for cell in header]
    for field, wanted in explicit.items():
        if wanted.isdigit() and 1 <= int(wanted) <= len(header):
            mapping[field] = int(wanted) - 1
        elif _header_key(wanted) in keys:
            mapping[field] = keys.index(_header_key(wanted))
        else:
            raise InputError(f"{source}: --columns {field}={wanted}: expected a header of {header} or a column number")
    taken = set(mapping.values())
    for index, key in enumerate(keys):
        if index in taken or not key:
            continue
        for word, field in _header_words():
            if field not in mapping and (key == word or key.startswith(word + " ")):
                mapping[field] = index
                taken.add(index)
                break
    if "text" not in mapping:
        raise InputError(
            f"{source}: expected a column with the text of the instruction (header like «Текст поручения» / "
            f"«Тапсырма мәтіні», or --columns text=HEADER), got headers {header}"
        )
    return mapping


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _table_rows(path: Path) -> Iterator[list[str]]:
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zipfile, KeyError, ValueError... for a bad file
            raise InputError(f"{path}: expected an XLSX workbook, got {type(exc).__name__}: {exc}") from None
        try:
            for row in book.worksheets[0].iter_rows(values_only=True):
                yield [_cell(value) for value in row]
        finally:
            book.close()
        return
    text, _encoding = decode_text(path.read_bytes(), str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for row in csv.reader(io.StringIO(text), dialect):
        yield [_cell(value) for value in row]


@dataclass
class _ActRows:
    language: str
    kind: str | None
    number: str | None
    date: dt.date | None
    title: str | None
    rows: list[dict[str, str]]


@lru_cache(maxsize=None)
def _kind_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    kinds = langdata.load(lang, "structure")["kinds"]
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in kinds.items())


def _kind(cell: str, lang: str) -> str | None:
    """The contract's word for the kind of act named in ``cell`` (any language)."""
    if not cell:
        return None
    names = langdata.load("ru", "structure")["kind_names"]
    for candidate in (lang, *(other for other in langdata.LANGUAGES if other != lang)):
        for kind, pattern in _kind_patterns(candidate):
            if pattern.search(cell):
                return names[kind]
    return cell.casefold()


def _date(cell: str, lang: str, source: str) -> dt.date | None:
    if not cell:
        return None
    if _ISO_DATE.fullmatch(cell):
        return dt.date.fromisoformat(cell)
    found = find_date(cell, lang)
    if found is None:
        raise InputError(f"{source}: expected a date like 03.03.2022 or 2022-03-03, got {cell!r}")
    return found[0]


def _language(row: dict[str, str], source: str) -> str:
    requested = row.get("language", "").casefold()
    if requested in langdata.LANGUAGES:
        return requested
    return detect_language(row["text"]).language


def _table_acts(path: Path, columns: Mapping[str, str]) -> list[Act]:
    rows = iter(_table_rows(path))
    header = next(rows, None)
    if header is None:
        raise InputError(f"{path}: expected a header row and instruction rows, got an empty table")
    mapping = _map_columns(header, columns, str(path))
    groups: dict[tuple, _ActRows] = {}
    for line_number, values in enumerate(rows, start=2):
        row = {field: values[index] if index < len(values) else "" for field, index in mapping.items()}
        if not row["text"]:
            continue
        source = f"{path}:{line_number}"
        lang = _language(row, source)
        key = (
            lang,
            _kind(row.get("act_kind", ""), lang),
            row.get("act_number") or None,
            _date(row.get("act_date", ""), lang, source),
            row.get("act_title") or None,
        )
        group = groups.setdefault(key, _ActRows(*key, rows=[]))
        group.rows.append({**row, "_line": str(line_number)})
    return [_act_from_rows(group, str(path)) for group in groups.values()]


def _act_from_rows(group: _ActRows, source: str) -> Act:
    """An act whose text is the rows' cells, one block per cell, so spans point at them."""
    text_parts: list[str] = []
    position = 0
    act_items = []

    def add(block: str) -> tuple[int, int]:
        nonlocal position
        start = position
        text_parts.append(block + "\n\n")
        position += len(block) + 2
        return start, start + len(block)

    for index, row in enumerate(group.rows, start=1):
        number = row.get("item_number") or str(index)
        span = add(row["text"])
        act_executors = []
        names = [name for name in _LIST_SEPARATORS.split(row.get("executors", "")) if name]
        if names:
            line_start = position
            add("; ".join(names))
            offset = line_start
            for order, name in enumerate(names):
                act_executors.append(
                    Executor(
                        id=None,
                        name_ru=None,
                        name_kk=None,
                        kind="body",
                        role="lead" if order == 0 else "co",
                        text=name,
                        span=(offset, offset + len(name)),
                    )
                )
                offset += len(name) + 2
        deadline = Deadline(kind="none")
        if row.get("deadline"):
            deadline_span = add(row["deadline"])
            found = find_date(row["deadline"], group.language)
            deadline = Deadline(
                kind="date" if found else "relative",
                text=row["deadline"],
                due=found[0] if found else None,
                trace=(f"registry import: cell of row {row['_line']}",),
                span=deadline_span,
            )
        act_items.append(
            Item(
                number=number,
                path=(number,),
                text=row["text"],
                span=span,
                executors=tuple(act_executors),
                deadline=deadline,
                completion_form=row.get("completion_form") or None,
            )
        )
    return Act(
        language=group.language,
        source=source,
        act=ActHeader(kind=group.kind, number=group.number, date=group.date, title=group.title),
        items=tuple(act_items),
        text="".join(text_parts),
    )


def _json_acts(path: Path) -> list[Act]:
    text, _encoding = decode_text(path.read_bytes(), str(path))
    try:
        if path.suffix.lower() == ".jsonl":
            return [Act.from_json(line) for line in text.splitlines() if line.strip()]
        data = json.loads(text)
        return [Act.from_json(entry) for entry in (data if isinstance(data, list) else [data])]
    except (ValidationError, json.JSONDecodeError) as exc:
        first = str(exc).splitlines()[0]
        raise InputError(f"{path}: expected acts in the tapsyrma/act@1 JSON form, got {first}") from None


def read_acts(path: str | Path, *, columns: Mapping[str, str] | None = None, language: str = "auto") -> list[Act]:
    """The acts in the file at ``path`` (see the module docstring for the formats)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: expected a file, got {'a directory' if path.is_dir() else 'nothing'}")
    if suffix in TABLE_SUFFIXES:
        return _table_acts(path, columns or {})
    if suffix in JSON_SUFFIXES:
        return _json_acts(path)
    from tapsyrma.parser import parse_file

    return [parse_file(path, lang=language)]


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files of folders named (sorted), skipping hidden ones."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(child for child in path.rglob("*") if child.is_file() and not child.name.startswith(".")))
        else:
            found.append(path)
    return found


@dataclass(frozen=True, slots=True)
class FileImport:
    """The outcome of importing one file: what was added, or why nothing was."""

    path: Path
    result: ImportResult | None
    error: str | None = None


def import_paths(
    registry: Registry,
    paths: Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    language: str = "auto",
    on_file: Callable[[FileImport], None] | None = None,
) -> list[FileImport]:
    """Import each file (folders: their files) in its own transaction. A file that cannot be
    read or written is reported with its error and leaves nothing in the registry."""
    outcomes = []
    for path in expand_paths(paths):
        try:
            outcome = FileImport(path, registry.import_acts(read_acts(path, columns=columns, language=language)))
        except TapsyrmaError as exc:
            outcome = FileImport(path, None, str(exc))
        outcomes.append(outcome)
        if on_file is not None:
            on_file(outcome)
    return outcomes
