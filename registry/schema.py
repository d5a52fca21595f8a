"""The registry's tables: earlier acts, their items, executors and deadlines, and the search index.

One schema for SQLite and PostgreSQL (SQLAlchemy Core). Every item keeps its act's source file and
its span into the act text, so a match links back to the words of the earlier act.

The search index is an inverted index on the item's key lemmas (stems for Kazakh):
``index_terms`` holds each key once per language with its document frequency (the rarest terms
of a query build its candidate pool), ``index_postings`` holds, per term and per import segment, the
sorted ids of the items that contain it as a packed int32 array, and ``index_segments`` the key
counts and key-text lengths of the items of each segment (item ids of one segment are contiguous),
from which the index estimates the text score. A segment is what one import transaction wrote; small
segments of a term are merged as they accumulate (:mod:`tapsyrma.registry.index`).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = "1"

metadata = MetaData()

meta = Table(
    "registry_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

acts = Table(
    "acts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("language", String(2), nullable=False),
    Column("kind", String(64)),
    Column("number", String(64)),
    Column("date", Date),
    Column("title", Text),
    Column("issuer", Text),
    Column("source", Text, nullable=False),
    Column("document", LargeBinary, nullable=False, doc="the whole act as its JSON contract (tapsyrma/act@1), zlib"),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    # Number and date first: the other language version of an act is looked up by them.
    Index("ix_acts_number_date", "number", "date", "kind"),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("act_id", Integer, ForeignKey("acts.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("number", String(64)),
    Column("path", Text, nullable=False, doc="the item's path, numbers joined by '/'"),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("action", Text),
    Column("completion_form", Text),
    Column("final_result", Text),
    Column("key_text", Text, nullable=False, doc="key lemmas/stems of the action, in text order"),
    Column("numbers", Text, nullable=False, doc="key numbers of the action, space separated"),
    Column("names", Text, nullable=False, doc="quoted proper names of the action, normalised, '|' separated"),
    Index("ix_items_act", "act_id", "position"),
)

executors = Table(
    "executors",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("body_id", String(128), doc="canonical gazetteer id, when resolved"),
    Column("name_ru", Text),
    Column("name_kk", Text),
    Column("kind", String(16), nullable=False),
    Column("role", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Index("ix_executors_body", "body_id"),
)

deadlines = Table(
    "deadlines",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("text", Text),
    Column("due", Date),
    Column("basis", Date),
    Column("rule", Text),
    Column("trace", Text, nullable=False, doc="JSON list"),
    Column("schedule", Text, nullable=False, doc="JSON list of ISO dates"),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

index_terms = Table(
    "index_terms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("language", String(2), nullable=False),
    Column("term", String(256), nullable=False),
    Column("df", Integer, nullable=False),
    UniqueConstraint("language", "term", name="uq_index_terms_language_term"),
)

index_postings = Table(
    "index_postings",
    metadata,
    Column("term_id", Integer, ForeignKey("index_terms.id", ondelete="CASCADE"), primary_key=True),
    Column("segment", Integer, primary_key=True),
    Column("count", Integer, nullable=False),
    Column("item_ids", LargeBinary, nullable=False, doc="sorted little-endian int32 item ids"),
)

index_segments = Table(
    "index_segments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("first_item_id", Integer, nullable=False),
    Column("count", Integer, nullable=False),
    Column("key_counts", LargeBinary, nullable=False, doc="little-endian uint16 key count per item, then uint16 key-text length per item (counts only in registries written before)"),
)
