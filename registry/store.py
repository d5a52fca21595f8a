"""The registry of earlier instructions: a SQLite file or a PostgreSQL database of parsed acts.

:class:`Registry` stores acts (whole, as their JSON contract) and, for search, their items,
executors and deadlines with spans into the act text, plus the search index. Imports are
idempotent (an act is identified by a hash of its content) and atomic: one call to
:meth:`Registry.import_acts` is one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, func, insert, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from tapsyrma.parser.errors import RegistryError
from tapsyrma.parser.model import Act, Deadline

from .features import ItemFeatures, deadline_fields, executor_key, item_features
from .index import Candidate, IndexReader, SegmentWriter
from .schema import SCHEMA_VERSION, acts, deadlines, executors, index_postings, index_segments, index_terms, items, meta, metadata

__all__ = ["Registry", "ImportResult", "RegistryStats", "StoredItem", "default_url", "content_hash"]

# Rows are written in batches of this many, so a large file neither holds every row in memory nor
# pays one round trip per row.
_WRITE_BATCH = 5000
# Acts whose presence is asked in one query (the content hashes of a batch).
_LOOKUP_BATCH = 500
_SQLITE_CACHE_KIB = 64 * 1024
# The re-ranker asks for thousands of key texts per draft item: one statement, compiled once, with
# the ids expanded at execution (an IN of literals is compiled anew for every call).
_KEY_TEXTS = select(items.c.id, items.c.key_text).where(items.c.id.in_(bindparam("ids", expanding=True)))


def default_url() -> str:
    """``sqlite:///`` URL of the per-user registry (``$XDG_DATA_HOME/tapsyrma/registry.db``)."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'tapsyrma' / 'registry.db'}"


def _resolve_url(url: str | os.PathLike | None) -> str:
    if url is None:
        url = default_url()
    url = os.fspath(url)
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def content_hash(act: Act) -> str:
    """Identity of an act in the registry: its content, whatever file it was read from."""
    body = act.model_dump(mode="json", by_alias=True, exclude={"source", "warnings"})
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import transaction did."""

    acts_added: int = 0
    acts_skipped: int = 0
    items_added: int = 0
    hashes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RegistryStats:
    url: str
    acts: dict[str, int]
    items: dict[str, int]
    executors: int
    resolved_executors: int
    index_terms: int
    index_rows: int
    index_bytes: int
    segments: int
    bilingual_acts: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class StoredItem:
    """An item of the registry as the duplicate search sees it."""

    id: int
    act_id: int
    language: str
    act_kind: str | None
    act_number: str | None
    act_date: dt.date | None
    act_title: str | None
    source: str
    number: str | None
    path: tuple[str, ...]
    text: str
    span: tuple[int, int]
    features: ItemFeatures
    executor_names: tuple[str, ...] = field(default=())


def _path_key(path: Sequence[str]) -> str:
    return "/".join(path)


class Registry:
    """A registry of earlier instructions at ``url`` (SQLite path or URL, PostgreSQL URL)."""

    def __init__(self, url: str | os.PathLike | None = None) -> None:
        self.url = _resolve_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise RegistryError(f"registry: expected a database URL or a file path, got {self.url!r} ({exc})") from None
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite" and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine: Engine = create_engine(parsed)
        except (ArgumentError, ImportError, SQLAlchemyError) as exc:
            raise RegistryError(
                f"registry: expected a database URL (sqlite:///PATH, postgresql+psycopg://...) or a file path, "
                f"got {self.display_url} ({_one_line(exc)})"
            ) from None
        if self.dialect == "sqlite":
            _sqlite_transactions(self.engine)
        self._reader = IndexReader()
        self._create_schema()

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _create_schema(self) -> None:
        try:
            with self.engine.begin() as conn:
                metadata.create_all(conn)
                # create_all skips the indexes of tables that exist: registries made by an earlier
                # version get the indexes added since.
                for table in metadata.sorted_tables:
                    for index in table.indexes:
                        index.create(conn, checkfirst=True)
                version = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
                if version is None:
                    conn.execute(insert(meta).values(key="schema_version", value=SCHEMA_VERSION))
                elif version != SCHEMA_VERSION:
                    raise RegistryError(
                        f"registry {self.display_url}: expected schema version {SCHEMA_VERSION}, got {version}"
                    )
        except SQLAlchemyError as exc:
            raise RegistryError(f"registry: cannot open {self.display_url}: {_one_line(exc)}") from None

    def _write_transaction(self):
        """A transaction that holds the registry's write lock from its first statement, so that
        ids taken as max+1 stay unique when two imports run at once."""
        conn = self.engine.connect()
        if self.dialect == "sqlite":
            conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        return conn

    # --- import ------------------------------------------------------------------------------

    def import_acts(self, new_acts: Iterable[Act], *, on_act: Callable[[Act, bool], None] | None = None) -> ImportResult:
        """Add ``new_acts`` in one transaction; acts already present (same content) are skipped.
        ``on_act(act, added)`` is called after each act (for progress)."""
        try:
            with self._write_transaction() as conn, conn.begin():
                if self.dialect == "postgresql":
                    conn.exec_driver_sql("LOCK TABLE acts IN SHARE ROW EXCLUSIVE MODE")
                return _Importer(conn).run(new_acts, on_act)
        except SQLAlchemyError as exc:
            raise RegistryError(f"registry {self.display_url}: import failed, nothing written: {_one_line(exc)}") from None

    # --- reading -----------------------------------------------------------------------------

    def stats(self) -> RegistryStats:
        with self.engine.connect() as conn:
            act_counts = dict(conn.execute(select(acts.c.language, func.count()).group_by(acts.c.language)).all())
            item_counts = dict(
                conn.execute(
                    select(acts.c.language, func.count()).select_from(items.join(acts)).group_by(acts.c.language)
                ).all()
            )
            twins = acts.alias("twin")
            bilingual = conn.execute(
                select(func.count())
                .select_from(acts)
                .where(
                    acts.c.language == "ru",
                    select(twins.c.id)
                    .where(
                        twins.c.language == "kk",
                        twins.c.kind == acts.c.kind,
                        twins.c.number.is_not_distinct_from(acts.c.number),
                        twins.c.date == acts.c.date,
                    )
                    .exists(),
                )
            ).scalar()
            return RegistryStats(
                url=self.display_url,
                acts=act_counts,
                items=item_counts,
                executors=conn.execute(select(func.count()).select_from(executors)).scalar(),
                resolved_executors=conn.execute(
                    select(func.count()).select_from(executors).where(executors.c.body_id.is_not(None))
                ).scalar(),
                index_terms=conn.execute(select(func.count()).select_from(index_terms)).scalar(),
                index_rows=conn.execute(select(func.count()).select_from(index_postings)).scalar(),
                index_bytes=conn.execute(
                    select(func.coalesce(func.sum(func.length(index_postings.c.item_ids)), 0))
                ).scalar()
                + conn.execute(select(func.coalesce(func.sum(func.length(index_segments.c.key_counts)), 0))).scalar(),
                segments=conn.execute(select(func.count()).select_from(index_segments)).scalar(),
                bilingual_acts=bilingual,
            )

    def iter_acts(self) -> Iterator[Act]:
        """Every act of the registry, in import order."""
        with self.engine.connect() as conn:
            for (document,) in conn.execution_options(yield_per=200).execute(select(acts.c.document).order_by(acts.c.id)):
                yield Act.from_json(zlib.decompress(document))

    def iter_item_rows(self) -> Iterator[dict]:
        """One flat row per item (for CSV export), in import order."""
        with self.engine.connect() as conn:
            query = (
                select(
                    items.c.id,
                    acts.c.language,
                    acts.c.kind,
                    acts.c.number,
                    acts.c.date,
                    acts.c.title,
                    acts.c.source,
                    items.c.number.label("item_number"),
                    items.c.text,
                    deadlines.c.text.label("deadline"),
                    deadlines.c.due,
                    items.c.completion_form,
                )
                .select_from(items.join(acts).outerjoin(deadlines, deadlines.c.item_id == items.c.id))
                .order_by(items.c.id)
            )
            for batch in conn.execution_options(yield_per=1000).execute(query).partitions():
                names = _executor_names(conn, [row.id for row in batch])
                for row in batch:
                    yield {
                        "language": row.language,
                        "act_kind": row.kind,
                        "act_number": row.number,
                        "act_date": row.date.isoformat() if row.date else "",
                        "act_title": row.title or "",
                        "item_number": row.item_number or "",
                        "text": row.text,
                        "executors": "; ".join(names.get(row.id, ())),
                        "deadline": row.deadline or "",
                        "deadline_due": row.due.isoformat() if row.due else "",
                        "completion_form": row.completion_form or "",
                        "source": row.source,
                    }

    def candidates(self, language: str, keys: Sequence[str], *, limit: int) -> list[Candidate]:
        """Items of ``language`` whose key texts are estimated closest to ``keys`` (index search),
        best estimate first, each with the highest text score it can reach."""
        with self.engine.connect() as conn:
            return self._reader.search(conn, language, keys, limit=limit)

    def key_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The key text of each item id (what the text score compares)."""
        if not ids:
            return {}
        with self.engine.connect() as conn:
            return dict(conn.execute(_KEY_TEXTS, {"ids": list(ids)}).all())

    def items_by_id(self, ids: Sequence[int]) -> dict[int, StoredItem]:
        if not ids:
            return {}
        with self.engine.connect() as conn:
            return _load_items(conn, items.c.id.in_(list(ids)))

    def twins(self, ids: Sequence[int]) -> dict[int, list[StoredItem]]:
        """For each item id, the same item of the act's version in the other language (acts
        linked by kind, number and date; items by their path). An act whose text gives no number
        is linked by kind and date when the other language has one such act alone."""
        if not ids:
            return {}
        with self.engine.connect() as conn:
            own = conn.execute(
                select(items.c.id, items.c.path, acts.c.language, acts.c.kind, acts.c.number, acts.c.date)
                .select_from(items.join(acts))
                .where(items.c.id.in_(list(ids)), acts.c.date.is_not(None))
            ).all()
            if not own:
                return {}
            other = {"ru": "kk", "kk": "ru"}
            wanted = {(row.kind, row.number, row.date, other.get(row.language)) for row in own}
            candidates: dict[tuple, list[int]] = {}
            numbers = {row.number for row in own if row.number is not None}
            unnumbered = {row.date for row in own if row.number is None}
            # both through the (number, date) index: by number, or numberless on those days
            found_acts = or_(acts.c.number.in_(numbers), acts.c.number.is_(None) & acts.c.date.in_(unnumbered))
            for row in conn.execute(
                select(acts.c.id, acts.c.kind, acts.c.number, acts.c.date, acts.c.language).where(
                    found_acts, acts.c.date.in_({row.date for row in own})
                )
            ):
                if (row.kind, row.number, row.date, row.language) in wanted:
                    candidates.setdefault((row.kind, row.number, row.date), []).append(row.id)
            # without a number, two acts of one kind and day could be taken for each other
            twin_acts = [i for place, found in candidates.items() if place[1] is not None or len(found) == 1 for i in found]
            if not twin_acts:
                return {}
            by_place: dict[tuple, list[StoredItem]] = {}
            for twin in _load_items(
                conn, items.c.act_id.in_(twin_acts) & items.c.path.in_({row.path for row in own})
            ).values():
                by_place.setdefault((twin.act_kind, twin.act_number, twin.act_date, "/".join(twin.path)), []).append(twin)
            result: dict[int, list[StoredItem]] = {}
            for row in own:
                found = by_place.get((row.kind, row.number, row.date, row.path))
                if found:
                    result[row.id] = found
            return result

    def all_item_keys(self, language: str) -> Iterator[tuple[int, str]]:
        """(id, key text) of every item of ``language`` — for exhaustive comparison in benchmarks."""
        with self.engine.connect() as conn:
            query = select(items.c.id, items.c.key_text).select_from(items.join(acts)).where(acts.c.language == language)
            for row in conn.execution_options(yield_per=10000).execute(query):
                yield row.id, row.key_text


def _one_line(exc: Exception) -> str:
    return " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]


def _sqlite_transactions(engine: Engine) -> None:
    """pysqlite begins transactions lazily and never for DDL; take over BEGIN so that imports are
    atomic and can ask for the write lock up front (SQLAlchemy's documented recipe)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        # An import touches the index pages of every table; the default 2 MB page cache makes
        # each of those a read from the file once the registry outgrows it.
        cursor.execute(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def _executor_names(conn: Connection, item_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    rows = conn.execute(
        select(executors.c.item_id, executors.c.text)
        .where(executors.c.item_id.in_(item_ids))
        .order_by(executors.c.item_id, executors.c.position)
    )
    for item_id, text in rows:
        names.setdefault(item_id, []).append(text)
    return names


def _load_items(conn: Connection, where) -> dict[int, StoredItem]:
    rows = conn.execute(
        select(
            items.c.id,
            items.c.act_id,
            items.c.number,
            items.c.path,
            items.c.text,
            items.c.span_start,
            items.c.span_end,
            items.c.key_text,
            items.c.numbers,
            items.c.names,
            acts.c.language,
            acts.c.kind,
            acts.c.number.label("act_number"),
            acts.c.date,
            acts.c.title,
            acts.c.source,
            deadlines.c.kind.label("deadline_kind"),
            deadlines.c.text.label("deadline_text"),
            deadlines.c.due,
        )
        .select_from(items.join(acts).outerjoin(deadlines, deadlines.c.item_id == items.c.id))
        .where(where)
    ).all()
    if not rows:
        return {}
    executor_rows: dict[int, list] = {}
    for row in conn.execute(
        select(executors.c.item_id, executors.c.body_id, executors.c.text)
        .where(executors.c.item_id.in_([row.id for row in rows]))
        .order_by(executors.c.item_id, executors.c.position)
    ):
        executor_rows.setdefault(row.item_id, []).append(row)
    result = {}
    for row in rows:
        own_executors = executor_rows.get(row.id, [])
        deadline = Deadline(kind=row.deadline_kind or "none", text=row.deadline_text, due=row.due)
        due, deadline_text = deadline_fields(deadline, row.language)
        features = ItemFeatures(
            language=row.language,
            keys=tuple(row.key_text.split()),
            numbers=tuple(row.numbers.split()),
            names=tuple(filter(None, row.names.split("|"))),
            executors=tuple(
                dict.fromkeys(executor_key(executor.body_id, executor.text, row.language) for executor in own_executors)
            ),
            deadline_due=due,
            deadline_text=deadline_text,
        )
        result[row.id] = StoredItem(
            id=row.id,
            act_id=row.act_id,
            language=row.language,
            act_kind=row.kind,
            act_number=row.act_number,
            act_date=row.date,
            act_title=row.title,
            source=row.source,
            number=row.number,
            path=tuple(row.path.split("/")) if row.path else (),
            text=row.text,
            span=(row.span_start, row.span_end),
            features=features,
            executor_names=tuple(executor.text for executor in own_executors),
        )
    return result


class _Importer:
    """Writes acts inside one open transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next_act_id = (conn.execute(select(func.max(acts.c.id))).scalar() or 0) + 1
        self.next_item_id = (conn.execute(select(func.max(items.c.id))).scalar() or 0) + 1
        self.segment = SegmentWriter(self.next_item_id)
        self.rows: dict = {acts: [], items: [], executors: [], deadlines: []}
        self.seen: set[str] = set()

    def run(self, new_acts: Iterable[Act], on_act) -> ImportResult:
        added = skipped = item_count = 0
        hashes = []
        acts_left = iter(new_acts)
        while batch := list(itertools.islice(acts_left, _LOOKUP_BATCH)):
            digests = [content_hash(act) for act in batch]
            hashes.extend(digests)
            stored = set(self.conn.execute(select(acts.c.content_hash).where(acts.c.content_hash.in_(set(digests)))).scalars())
            for act, digest in zip(batch, digests):
                present = digest in self.seen or digest in stored
                if present:
                    skipped += 1
                else:
                    self.seen.add(digest)
                    item_count += self._add(act, digest)
                    added += 1
                if on_act is not None:
                    on_act(act, not present)
        self._flush()
        self.segment.flush(self.conn)
        return ImportResult(added, skipped, item_count, tuple(hashes))

    def _add(self, act: Act, digest: str) -> int:
        act_id = self.next_act_id
        self.next_act_id += 1
        header = act.act
        self.rows[acts].append(
            {
                "id": act_id,
                "content_hash": digest,
                "language": act.language,
                "kind": header.kind,
                "number": header.number,
                "date": header.date,
                "title": header.title,
                "issuer": header.issuer,
                "source": act.source,
                "document": zlib.compress(act.to_json(indent=None).encode("utf-8")),
                "imported_at": dt.datetime.now(dt.timezone.utc),
            }
        )
        for position, item in enumerate(act.items):
            item_id = self.next_item_id
            self.next_item_id += 1
            features = item_features(item, act.language)
            self.rows[items].append(
                {
                    "id": item_id,
                    "act_id": act_id,
                    "position": position,
                    "number": item.number,
                    "path": _path_key(item.path),
                    "text": item.text,
                    "span_start": item.span[0],
                    "span_end": item.span[1],
                    "action": item.action,
                    "completion_form": item.completion_form,
                    "final_result": item.final_result,
                    "key_text": features.key_text,
                    "numbers": " ".join(features.numbers),
                    "names": "|".join(features.names),
                }
            )
            for index, executor in enumerate(item.executors):
                self.rows[executors].append(
                    {
                        "item_id": item_id,
                        "position": index,
                        "body_id": executor.id,
                        "name_ru": executor.name_ru,
                        "name_kk": executor.name_kk,
                        "kind": executor.kind,
                        "role": executor.role,
                        "text": executor.text,
                        "span_start": executor.span[0],
                        "span_end": executor.span[1],
                    }
                )
            deadline = item.deadline
            self.rows[deadlines].append(
                {
                    "item_id": item_id,
                    "kind": deadline.kind,
                    "text": deadline.text,
                    "due": deadline.due,
                    "basis": deadline.basis,
                    "rule": deadline.rule,
                    "trace": json.dumps(list(deadline.trace), ensure_ascii=False),
                    "schedule": json.dumps([day.isoformat() for day in deadline.schedule]),
                    "span_start": deadline.span[0] if deadline.span else None,
                    "span_end": deadline.span[1] if deadline.span else None,
                }
            )
            self.segment.add(item_id, act.language, features.keys)
        if sum(len(rows) for rows in self.rows.values()) >= _WRITE_BATCH:
            self._flush()
        return len(act.items)

    def _flush(self) -> None:
        for table in (acts, items, executors, deadlines):
            if self.rows[table]:
                self.conn.execute(insert(table), self.rows[table])
                self.rows[table] = []
