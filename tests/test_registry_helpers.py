"""Acts built from the real text of corpora/samples for the registry tests: the item texts,
executor names and deadline phrases are cut from the sample by their words, so every span
points into the sample text (as the parser's spans do)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser.model import Act, ActHeader, Deadline, Executor, Item
from tapsyrma.registry import Registry
from tapsyrma.registry.schema import metadata


def sample(name: str) -> str:
    return data_path("samples", name).read_text(encoding="utf-8")


def item_in(text: str, number: str, words: str, executors=(), deadline=None) -> Item:
    """The item of ``text`` that starts with ``words`` and ends at its line end; ``executors``
    are (phrase, id) pairs found inside the item, ``deadline`` (phrase, due date)."""
    start = text.index(words)
    end = text.index("\n", start)
    found = []
    for order, (phrase, body_id) in enumerate(executors):
        at = text.index(phrase, start, end)
        found.append(
            Executor(id=body_id, name_ru=None, name_kk=None, kind="body", role="lead" if order == 0 else "co",
                     text=phrase, span=(at, at + len(phrase)))
        )
    term = Deadline(kind="none")
    if deadline:
        phrase, due = deadline
        at = text.index(phrase, start, end)
        term = Deadline(kind="date", text=phrase, due=due, span=(at, at + len(phrase)))
    return Item(number=number, path=tuple(number.split(".")), text=text[start:end], span=(start, end),
                executors=tuple(found), deadline=term)


def act_of(name: str, language: str, kind: str, number: str, date: dt.date, items) -> Act:
    return Act(language=language, source=f"corpora/samples/{name}", act=ActHeader(kind=kind, number=number, date=date),
               items=tuple(items), text=sample(name))


def draft(text: str, language: str, items) -> Act:
    return Act(language=language, source="draft.txt", act=ActHeader(kind="указ"), items=tuple(items), text=text)


def backends():
    """SQLite always; PostgreSQL when TAPSYRMA_TEST_PG_URL names a server (bash .ci/postgres.sh)."""
    pg = os.environ.get("TAPSYRMA_TEST_PG_URL")
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            pg,
            id="postgresql",
            marks=pytest.mark.skipif(not pg, reason="no PostgreSQL: set TAPSYRMA_TEST_PG_URL (bash .ci/postgres.sh starts one)"),
        ),
    ]


def open_registry(backend: str | None, tmp_path) -> Registry:
    if backend == "sqlite":
        return Registry(tmp_path / "registry.db")
    registry = Registry(backend)
    metadata.drop_all(registry.engine)
    registry.close()
    return Registry(backend)
