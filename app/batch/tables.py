"""items.csv and items.xlsx: one row per instruction item of every act of a batch, written as the
acts stream by (the XLSX in openpyxl's write-only mode, so a million rows take no more memory
than ten)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from tapsyrma.parser import langdata

__all__ = ["COLUMNS", "CsvItems", "XlsxItems", "executor_name", "item_rows"]

COLUMNS = (
    "source",
    "language",
    "act_kind",
    "act_number",
    "act_date",
    "item_number",
    "action",
    "executors",
    "deadline",
    "deadline_due",
    "completion_form",
)
# Excel's limits: rows per sheet and characters per cell.
_XLSX_MAX_ROWS = 1_048_576
_XLSX_MAX_CELL = 32_767


def executor_name(executor: dict, lang: str) -> str:
    """The canonical name in ``lang`` of a resolved executor, else the act's own words."""
    return executor.get(f"name_{lang}") or executor["text"]


def item_rows(act: dict, lang: str) -> Iterator[dict[str, str]]:
    """Rows of an act in its ``tapsyrma/act@1`` JSON form; executor names in ``lang``."""
    header = act["act"]
    for item in act["items"]:
        executors = sorted(item["executors"], key=lambda executor: executor["role"] != "lead")
        deadline = item["deadline"]
        yield {
            "source": act["source"],
            "language": act["language"],
            "act_kind": header["kind"] or "",
            "act_number": header["number"] or "",
            "act_date": header["date"] or "",
            "item_number": item["number"] or ".".join(item["path"]),
            "action": item["action"] or item["text"],
            "executors": "; ".join(dict.fromkeys(executor_name(executor, lang) for executor in executors)),
            "deadline": deadline["text"] or "",
            "deadline_due": deadline["due"] or "",
            "completion_form": item["completion_form"] or "",
        }


class CsvItems:
    """items.csv: UTF-8 with a byte-order mark (Excel then reads Cyrillic right), field ids as
    the header, like ``tapsyrma registry export --format csv``."""

    def __init__(self, path: Path) -> None:
        self._stream = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.DictWriter(self._stream, fieldnames=COLUMNS)
        self._writer.writeheader()

    def add(self, row: dict[str, str]) -> None:
        self._writer.writerow(row)

    def close(self) -> None:
        self._stream.close()


class XlsxItems:
    """items.xlsx with the header in ``lang``; past Excel's row limit the rows go on in a new sheet."""

    def __init__(self, path: Path, lang: str) -> None:
        self._path = path
        self._book = Workbook(write_only=True)
        self._header = [langdata.load(lang, "batch")["columns"][column] for column in COLUMNS]
        self._sheet = None
        self._rows = _XLSX_MAX_ROWS
        self._sheets = 0

    def add(self, row: dict[str, str]) -> None:
        if self._rows >= _XLSX_MAX_ROWS:
            self._sheets += 1
            self._sheet = self._book.create_sheet(f"items {self._sheets}" if self._sheets > 1 else "items")
            self._sheet.freeze_panes = "A2"
            self._sheet.append(self._header)
            self._rows = 1
        self._sheet.append([_cell(row[column]) for column in COLUMNS])
        self._rows += 1

    def close(self) -> None:
        if self._sheet is None:
            self._sheet = self._book.create_sheet("items")
            self._sheet.append(self._header)
        self._book.save(self._path)


def _cell(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:_XLSX_MAX_CELL]
