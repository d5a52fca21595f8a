"""The search index: an inverted index on item keys with IDF weighting, stored in the registry.

Writing: one import transaction buffers the postings of its items and writes them as one
*segment*: per term a row of sorted int32 item ids, plus the key counts of the segment's items
(contiguous ids). A term whose rows pile up (many small imports) has its smallest segments merged
into one, so a query reads few rows per term whatever the import pattern.

Reading: a query reads the rows of its terms only, adds each term's IDF to the items it lists
(``numpy.bincount``), divides by the key counts of both items (an IDF-weighted Dice coefficient)
and keeps the best candidates for the re-ranker. The commonest terms of a query only re-score the
best items its rarer terms found, so the work grows with the postings of its rare terms.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, bindparam, func, insert, select, update

from .schema import index_postings, index_segments, index_terms

__all__ = ["SegmentWriter", "IndexReader"]

# A term with more rows than this has its smaller rows merged (see _merge_term).
MAX_SEGMENTS_PER_TERM = 8
_SQL_CHUNK = 500
# A query's rarest terms, up to this share of the registry's items in postings (and at least
# MIN_GENERATING_POSTINGS), decide its candidate pool; commoner terms only re-score the pool.
# At 1M items (benchmarks/duplicates_scale.py) a share of 0.05 cut the search from 21 to 14 ms
# but recall@10 from 0.85 to 0.75: the pool then misses near-copies that differ in common words.
GENERATING_POSTINGS_SHARE = 1.0
MIN_GENERATING_POSTINGS = 20_000
# Pool items re-scored with the common terms, per candidate asked for.
POOL_PER_CANDIDATE = 4


def _chunks(values: Sequence, size: int = _SQL_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


class SegmentWriter:
    """Collects the keys of the items written in one transaction and writes them as a segment."""

    def __init__(self, first_item_id: int) -> None:
        self.first_item_id = first_item_id
        self._key_counts = array("H")
        self._postings: dict[tuple[str, str], array] = defaultdict(lambda: array("i"))

    def add(self, item_id: int, language: str, keys: Iterable[str]) -> None:
        expected = self.first_item_id + len(self._key_counts)
        if item_id != expected:
            raise ValueError(f"segment items must be contiguous: expected id {expected}, got {item_id}")
        distinct = set(keys)
        self._key_counts.append(min(len(distinct), 0xFFFF))
        for key in distinct:
            self._postings[(language, key)].append(item_id)

    def flush(self, conn: Connection) -> None:
        if not self._key_counts:
            return
        segment_id = (conn.execute(select(func.max(index_segments.c.id))).scalar() or 0) + 1
        conn.execute(
            insert(index_segments).values(
                id=segment_id,
                first_item_id=self.first_item_id,
                count=len(self._key_counts),
                key_counts=np.frombuffer(self._key_counts, dtype=np.uint16).astype("<u2").tobytes(),
            )
        )
        term_ids = self._term_ids(conn)
        conn.execute(
            insert(index_postings),
            [
                {"term_id": term_ids[term], "segment": segment_id, "count": len(ids), "item_ids": _pack(ids)}
                for term, ids in self._postings.items()
            ],
        )
        conn.execute(
            update(index_terms).where(index_terms.c.id == bindparam("tid")).values(df=index_terms.c.df + bindparam("n")),
            [{"tid": term_ids[term], "n": len(ids)} for term, ids in self._postings.items()],
        )
        crowded = []
        touched = sorted(term_ids.values())
        for chunk in _chunks(touched):
            crowded.extend(
                conn.execute(
                    select(index_postings.c.term_id)
                    .where(index_postings.c.term_id.in_(chunk))
                    .group_by(index_postings.c.term_id)
                    .having(func.count() > MAX_SEGMENTS_PER_TERM)
                ).scalars()
            )
        for term_id in crowded:
            _merge_term(conn, term_id)

    def _term_ids(self, conn: Connection) -> dict[tuple[str, str], int]:
        by_language: dict[str, list[str]] = defaultdict(list)
        for language, key in self._postings:
            by_language[language].append(key)
        ids: dict[tuple[str, str], int] = {}
        for language, keys in by_language.items():
            for chunk in _chunks(sorted(keys)):
                rows = conn.execute(
                    select(index_terms.c.id, index_terms.c.term).where(
                        index_terms.c.language == language, index_terms.c.term.in_(chunk)
                    )
                )
                ids.update(((language, term), term_id) for term_id, term in rows)
        missing = [term for term in self._postings if term not in ids]
        if missing:
            next_id = (conn.execute(select(func.max(index_terms.c.id))).scalar() or 0) + 1
            rows = []
            for offset, (language, key) in enumerate(missing):
                ids[(language, key)] = next_id + offset
                rows.append({"id": next_id + offset, "language": language, "term": key, "df": 0})
            conn.execute(insert(index_terms), rows)
        return ids


def _pack(ids: array) -> bytes:
    return np.frombuffer(ids, dtype=np.int32).astype("<i4").tobytes()


def _merge_term(conn: Connection, term_id: int) -> None:
    """Merge the smaller rows of a term into one: all but the largest when the largest outweighs
    the rest, else all, so that each id is rewritten O(log n) times over the registry's life."""
    rows = conn.execute(
        select(index_postings.c.segment, index_postings.c.count, index_postings.c.item_ids)
        .where(index_postings.c.term_id == term_id)
        .order_by(index_postings.c.count)
    ).all()
    rest = sum(row.count for row in rows[:-1])
    merged_rows = rows[:-1] if rows[-1].count > 2 * rest else rows
    ids = np.sort(np.concatenate([np.frombuffer(row.item_ids, dtype="<i4") for row in merged_rows]))
    segments = [row.segment for row in merged_rows]
    conn.execute(
        index_postings.delete().where(index_postings.c.term_id == term_id, index_postings.c.segment.in_(segments))
    )
    conn.execute(
        insert(index_postings).values(
            term_id=term_id, segment=min(segments), count=len(ids), item_ids=ids.astype("<i4").tobytes()
        )
    )


@dataclass(frozen=True, slots=True)
class _KeyCountTable:
    version: tuple[int, int]
    key_counts: np.ndarray  # distinct keys per item id (infinite where no item)
    items: int


class IndexReader:
    """Candidate search over the index; caches the per-item key counts between queries."""

    def __init__(self) -> None:
        self._key_counts: _KeyCountTable | None = None

    def _key_count_table(self, conn: Connection) -> _KeyCountTable:
        version = tuple(conn.execute(select(func.count(), func.coalesce(func.max(index_segments.c.id), 0))).one())
        if self._key_counts is not None and self._key_counts.version == version:
            return self._key_counts
        rows = conn.execute(
            select(index_segments.c.first_item_id, index_segments.c.count, index_segments.c.key_counts)
        ).all()
        size = max((row.first_item_id + row.count for row in rows), default=0)
        counts = np.zeros(size, dtype=np.float64)
        present = np.zeros(size, dtype=bool)
        for row in rows:
            counts[row.first_item_id : row.first_item_id + row.count] = np.frombuffer(row.key_counts, dtype="<u2")
            present[row.first_item_id : row.first_item_id + row.count] = True
        items = int(present.sum())
        counts[~present] = np.inf
        self._key_counts = _KeyCountTable(version, counts, items)
        return self._key_counts

    def search(self, conn: Connection, language: str, keys: Iterable[str], *, limit: int) -> list[tuple[int, float]]:
        """Ids of the items of ``language`` that share the most IDF weight with ``keys``, best
        first, with their score: twice the IDF weight of the shared keys over the sum of both
        items' key counts. Like the text score the re-ranker computes (rapidfuzz's ratio is a
        Dice coefficient over characters), it drops as either item has words the other lacks; a
        BM25 length factor would rank a truncated copy above the exact one.

        The rarest terms, up to :data:`GENERATING_POSTINGS_SHARE` of the registry in postings,
        decide the candidate pool (their scores summed over every item they list); the commoner
        terms only add their weight to the best :data:`POOL_PER_CANDIDATE` × ``limit`` items of
        that pool, so a query reads little more than the postings of its rare words, however
        large the registry."""
        terms = sorted(set(keys))
        if not terms:
            return []
        table = self._key_count_table(conn)
        found: list[tuple[int, int, float]] = []  # (df, term id, idf)
        for chunk in _chunks(terms):
            rows = conn.execute(
                select(index_terms.c.id, index_terms.c.df).where(
                    index_terms.c.language == language, index_terms.c.term.in_(chunk)
                )
            )
            found.extend((df, term_id, math.log(1 + (table.items - df + 0.5) / (df + 0.5))) for term_id, df in rows)
        if not found:
            return []
        found.sort()
        budget = max(GENERATING_POSTINGS_SHARE * table.items, MIN_GENERATING_POSTINGS)
        generating, spent = 0, 0
        for df, _, _ in found:
            if generating and spent + df > budget:
                break
            generating, spent = generating + 1, spent + df
        postings = self._postings(conn, [term_id for _, term_id, _ in found])
        ids = np.concatenate([row for _, term_id, _ in found[:generating] for row in postings[term_id]])
        weights = np.concatenate(
            [np.full(len(row), idf) for _, term_id, idf in found[:generating] for row in postings[term_id]]
        )
        # Items written after the key counts were read are left out until the next query.
        size = len(table.key_counts)
        shared = np.bincount(ids, weights=weights, minlength=size)[:size]
        draft_count = len(terms)
        pool = np.flatnonzero(shared)
        scores = 2 * shared[pool] / (table.key_counts[pool] + draft_count)
        if generating < len(found):
            # In id order, so that the look-ups into the sorted postings walk them forward.
            pool = np.sort(pool[_best(scores, POOL_PER_CANDIDATE * limit)])
            scores = shared[pool]
            for _, term_id, idf in found[generating:]:
                for row in postings[term_id]:
                    scores = scores + idf * _contains(row, pool)
            scores = 2 * scores / (table.key_counts[pool] + draft_count)
        best = _best(scores, limit)
        return [(int(pool[i]), float(scores[i])) for i in best]

    @staticmethod
    def _postings(conn: Connection, term_ids: list[int]) -> dict[int, list[np.ndarray]]:
        rows: dict[int, list[np.ndarray]] = defaultdict(list)
        for chunk in _chunks(sorted(term_ids)):
            for term_id, blob in conn.execute(
                select(index_postings.c.term_id, index_postings.c.item_ids).where(index_postings.c.term_id.in_(chunk))
            ):
                rows[term_id].append(np.frombuffer(blob, dtype="<i4"))
        return rows


def _best(scores: np.ndarray, count: int) -> np.ndarray:
    """Positions of the ``count`` highest scores, highest first (ties in position order)."""
    if len(scores) > count:
        best = np.argpartition(-scores, count - 1)[:count]
        best.sort()
    else:
        best = np.arange(len(scores))
    return best[np.argsort(-scores[best], kind="stable")]


def _contains(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Whether each of ``ids`` is in ``sorted_ids``."""
    if not len(sorted_ids):
        return np.zeros(len(ids), dtype=bool)
    at = np.searchsorted(sorted_ids, ids)
    return sorted_ids[np.minimum(at, len(sorted_ids) - 1)] == ids
