"""The search index: an inverted index on item keys, stored in the registry.

Writing: one import transaction buffers the postings of its items and writes them as one
*segment*: per term a row of sorted int32 item ids, plus the key counts and key-text lengths of the
segment's items (contiguous ids). A term whose rows pile up (many small imports) has its smallest
segments merged into one, so a query reads few rows per term whatever the import pattern.

Reading: a query reads the rows of its terms only and adds each term's length to the items it lists
(``numpy.bincount``): the characters an item shares with the draft in whole keys. With both
key-text lengths that bounds the text score the re-ranker computes (rapidfuzz's ratio of the sorted
key texts) from below and above, without reading any text; the candidates come best estimate first,
each with its upper bound, so the re-ranker can stop early. The commonest terms of a query only
re-score the best items its rarer terms found, so the work grows with the postings of its rare terms.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from sqlalchemy import Connection, bindparam, func, insert, select, update

from .schema import index_postings, index_segments, index_terms, items

__all__ = ["Candidate", "IndexReader", "SegmentWriter", "key_text_length"]

# A term with more rows than this has its smaller rows merged (see _merge_term).
MAX_SEGMENTS_PER_TERM = 8
_SQL_CHUNK = 500
# A query's rarest terms, up to this share of the registry's items in postings (and at least
# MIN_GENERATING_POSTINGS), decide its candidate pool; commoner terms only re-score the pool.
# At 1M items (benchmarks/duplicates_scale.py, 149 drafts) shares of 0.2 and 0.05 made queries no
# faster (every term's postings are read anyway) and 0.05 lost near-copies that differ in common
# words (recall@10 0.991 against 0.993).
GENERATING_POSTINGS_SHARE = 1.0
MIN_GENERATING_POSTINGS = 20_000
# Pool items re-scored with the common terms, per candidate asked for.
POOL_PER_CANDIDATE = 4


_MAX_U16 = 0xFFFF


def _chunks(values: Sequence, size: int = _SQL_CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def key_text_length(keys: Sequence[str]) -> int:
    """Characters of the key text of ``keys`` (the keys joined by single spaces)."""
    return sum(map(len, keys)) + max(len(keys) - 1, 0)


class Candidate(NamedTuple):
    """An item the index found for a draft: an estimate of its text score with the draft (0–100)
    and the most that text score can be (from the two key-text lengths alone)."""

    item_id: int
    estimate: float
    upper: float


class SegmentWriter:
    """Collects the keys of the items written in one transaction and writes them as a segment."""

    def __init__(self, first_item_id: int) -> None:
        self.first_item_id = first_item_id
        self._key_counts = array("H")
        self._key_lengths = array("H")
        self._postings: dict[tuple[str, str], array] = defaultdict(lambda: array("i"))

    def add(self, item_id: int, language: str, keys: Sequence[str]) -> None:
        expected = self.first_item_id + len(self._key_counts)
        if item_id != expected:
            raise ValueError(f"segment items must be contiguous: expected id {expected}, got {item_id}")
        distinct = set(keys)
        self._key_counts.append(min(len(distinct), _MAX_U16))
        self._key_lengths.append(min(key_text_length(keys), _MAX_U16))
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
                # The key counts, then the key-text lengths: a registry written before the lengths
                # were kept has the counts alone (see IndexReader._item_table).
                key_counts=np.frombuffer(self._key_counts + self._key_lengths, dtype=np.uint16).astype("<u2").tobytes(),
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
class _ItemTable:
    version: tuple[int, int]
    key_lengths: np.ndarray  # characters of the key text per item id (0 where no item)


class IndexReader:
    """Candidate search over the index; caches the per-item key-text lengths between queries."""

    def __init__(self) -> None:
        self._items: _ItemTable | None = None

    def _item_table(self, conn: Connection) -> _ItemTable:
        version = tuple(conn.execute(select(func.count(), func.coalesce(func.max(index_segments.c.id), 0))).one())
        if self._items is not None and self._items.version == version:
            return self._items
        rows = conn.execute(
            select(index_segments.c.first_item_id, index_segments.c.count, index_segments.c.key_counts)
        ).all()
        size = max((row.first_item_id + row.count for row in rows), default=0)
        lengths = np.zeros(size, dtype=np.float64)
        for row in rows:
            end = row.first_item_id + row.count
            if len(row.key_counts) == 4 * row.count:
                lengths[row.first_item_id : end] = np.frombuffer(row.key_counts, dtype="<u2")[row.count :]
            else:  # a segment written before the lengths were kept: measure its key texts
                lengths[row.first_item_id : end] = conn.execute(
                    select(func.length(items.c.key_text))
                    .where(items.c.id >= row.first_item_id, items.c.id < end)
                    .order_by(items.c.id)
                ).scalars().all()
        self._items = _ItemTable(version, lengths)
        return self._items

    def search(self, conn: Connection, language: str, keys: Sequence[str], *, limit: int) -> list[Candidate]:
        """The ``limit`` items of ``language`` whose text score with the draft's ``keys`` is
        estimated highest, best first.

        The text score is rapidfuzz's ratio of the two key texts with their words sorted:
        ``200 * LCS / (la + lb)`` over the lengths ``la``, ``lb``. The keys both items contain,
        in sorted order, are a common subsequence of both, so the characters of the shared keys
        (with one space each, less one) bound the LCS from below; the shorter text bounds it from
        above. The estimate is the middle of the two bounds: near copies, whose words nearly all
        match, sit at the top and are ranked by how much they differ in length, which an
        IDF-weighted overlap cannot tell apart.

        The rarest terms, up to :data:`GENERATING_POSTINGS_SHARE` of the registry in postings,
        decide the candidate pool (their characters summed over every item they list); the
        commoner terms only add theirs to the best :data:`POOL_PER_CANDIDATE` × ``limit`` items
        of that pool, so a query reads little more than the postings of its rare words, however
        large the registry."""
        terms = sorted(set(keys))
        if not terms:
            return []
        table = self._item_table(conn)
        found: list[tuple[int, int, int]] = []  # (df, term id, characters with the space)
        for chunk in _chunks(terms):
            rows = conn.execute(
                select(index_terms.c.id, index_terms.c.term, index_terms.c.df).where(
                    index_terms.c.language == language, index_terms.c.term.in_(chunk)
                )
            )
            found.extend((df, term_id, len(term) + 1) for term_id, term, df in rows)
        if not found:
            return []
        found.sort()
        budget = max(GENERATING_POSTINGS_SHARE * len(table.key_lengths), MIN_GENERATING_POSTINGS)
        generating, spent = 0, 0
        for df, _, _ in found:
            if generating and spent + df > budget:
                break
            generating, spent = generating + 1, spent + df
        postings = self._postings(conn, [term_id for _, term_id, _ in found])
        rows = [(row, weight) for _, term_id, weight in found[:generating] for row in postings[term_id]]
        ids = np.concatenate([row for row, _ in rows])
        weights = np.repeat(np.array([weight for _, weight in rows], dtype=np.float64), [len(row) for row, _ in rows])
        # Items written after the lengths were read are left out until the next query.
        lengths = table.key_lengths
        shared = np.bincount(ids, weights=weights, minlength=len(lengths))[: len(lengths)]
        draft_length = key_text_length(keys)
        pool = np.flatnonzero(shared > 0)  # a boolean mask: flatnonzero on floats is several times slower
        shared = shared[pool]
        if generating < len(found):
            # In id order, so that the look-ups into the sorted postings walk them forward.
            best = np.sort(_best(_estimate(shared, lengths[pool], draft_length), POOL_PER_CANDIDATE * limit))
            pool, shared = pool[best], shared[best]
            for _, term_id, weight in found[generating:]:
                for row in postings[term_id]:
                    shared = shared + weight * _contains(row, pool)
        estimates = _estimate(shared, lengths[pool], draft_length)
        best = _best(estimates, limit)
        pool, estimates = pool[best], estimates[best]
        total = lengths[pool] + draft_length
        upper = 200 * np.minimum(lengths[pool], draft_length) / total
        return list(map(Candidate._make, zip(pool.tolist(), estimates.tolist(), upper.tolist())))

    @staticmethod
    def _postings(conn: Connection, term_ids: list[int]) -> dict[int, list[np.ndarray]]:
        rows: dict[int, list[np.ndarray]] = defaultdict(list)
        for chunk in _chunks(sorted(term_ids)):
            for term_id, blob in conn.execute(
                select(index_postings.c.term_id, index_postings.c.item_ids).where(index_postings.c.term_id.in_(chunk))
            ):
                rows[term_id].append(np.frombuffer(blob, dtype="<i4"))
        return rows


def _estimate(shared: np.ndarray, lengths: np.ndarray, draft_length: int) -> np.ndarray:
    """The middle of the lowest and highest text scores of items of key-text ``lengths`` that share
    ``shared`` characters of whole keys (one space each) with a draft key text of ``draft_length``:
    ``200 * (shared - 1) / total`` and ``200 * min(length, draft_length) / total``."""
    estimate = np.minimum(lengths, draft_length)
    estimate += shared - 1
    estimate *= 100
    estimate /= lengths + draft_length
    return estimate


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
