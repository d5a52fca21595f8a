"""The search index: an inverted index on item keys with IDF weighting, stored in the registry.

Writing: one import transaction buffers the postings of its items and writes them as one
*segment*: per term a row of sorted int32 item ids, plus the key counts of the segment's items
(contiguous ids). A term whose rows pile up (many small imports) has its smallest segments merged
into one, so a query reads few rows per term whatever the import pattern.

Reading: a query reads the rows of its terms only, adds each term's IDF to the items it lists
(``numpy.bincount``), scales by a BM25 length factor (binary term frequency) and keeps the best
candidates for the re-ranker. The work grows with the postings of the query's terms, not with the
registry.
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
# BM25 length normalisation (tf is 0/1 here, so k1 only shapes the length factor).
BM25_K1 = 1.2
BM25_B = 0.75
_SQL_CHUNK = 500


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
class _LengthTable:
    version: tuple[int, int]
    factor: np.ndarray  # BM25 length factor per item id (0 where no item)
    items: int


class IndexReader:
    """Candidate search over the index; caches the per-item length factors between queries."""

    def __init__(self) -> None:
        self._lengths: _LengthTable | None = None

    def _length_table(self, conn: Connection) -> _LengthTable:
        version = tuple(conn.execute(select(func.count(), func.coalesce(func.max(index_segments.c.id), 0))).one())
        if self._lengths is not None and self._lengths.version == version:
            return self._lengths
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
        average = counts[present].mean() if items else 1.0
        factor = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * counts / max(average, 1e-9)))
        factor[~present] = 0.0
        self._lengths = _LengthTable(version, factor, items)
        return self._lengths

    def search(self, conn: Connection, language: str, keys: Iterable[str], *, limit: int) -> list[tuple[int, float]]:
        """Ids of the items of ``language`` that share the most IDF weight with ``keys``, best
        first, with their BM25 score."""
        terms = sorted(set(keys))
        if not terms:
            return []
        lengths = self._length_table(conn)
        found: dict[int, float] = {}
        for chunk in _chunks(terms):
            rows = conn.execute(
                select(index_terms.c.id, index_terms.c.df).where(
                    index_terms.c.language == language, index_terms.c.term.in_(chunk)
                )
            )
            for term_id, df in rows:
                found[term_id] = math.log(1 + (lengths.items - df + 0.5) / (df + 0.5))
        if not found:
            return []
        blobs, weights = [], []
        for chunk in _chunks(sorted(found)):
            for term_id, blob in conn.execute(
                select(index_postings.c.term_id, index_postings.c.item_ids).where(index_postings.c.term_id.in_(chunk))
            ):
                ids = np.frombuffer(blob, dtype="<i4")
                blobs.append(ids)
                weights.append(np.full(len(ids), found[term_id]))
        ids = np.concatenate(blobs)
        # Items written after the length table was read have no length factor yet: left out.
        shared = np.bincount(ids, weights=np.concatenate(weights), minlength=len(lengths.factor))[: len(lengths.factor)]
        touched = np.flatnonzero(shared)
        scores = shared[touched] * lengths.factor[touched]
        if len(touched) > limit:
            best = np.argpartition(-scores, limit - 1)[:limit]
        else:
            best = np.arange(len(touched))
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(touched[i]), float(scores[i])) for i in best]
