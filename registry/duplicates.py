"""Duplicate detection (rule п.33): each draft item against the registry of earlier instructions.

A plain string score is wrong in both directions: "the same action for a different executor" and
"inflation to 5%" vs "to 7%" score 90+ on raw text, while a reworded re-issue scores low. So the
items are compared by field (:mod:`tapsyrma.registry.features`):

1. candidates: the inverted index estimates each item's text score from the characters of the
   keys it shares and the two key-text lengths, and bounds it from above;
2. text score: rapidfuzz on the key lemmas/stems (executors, deadline, numbers and repeated
   formulas left out), the candidates re-ranked by it, best estimate first, until none left can
   enter the best ones (:func:`ranked_candidates`);
3. fields: executors (canonical ids), key numbers, deadline;
4. verdict: ``duplicate`` — same action, overlapping executors, same key numbers (a later deadline
   is a re-issue, п.75 пп.2, and is listed as a difference); ``related`` — same action but another
   executor or other key numbers, or a similar wording; otherwise no match.

Where the registry holds the earlier act in both languages (linked by kind, number and date),
a match also names the same item of the other version and compares its fields, which are
language-neutral (executor ids, numbers, due dates).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from tapsyrma.parser.errors import LanguageError
from tapsyrma.parser.model import Act, Item, Language

from .features import ItemFeatures, item_features
from .store import Registry, StoredItem

__all__ = [
    "DraftItemMatches",
    "FieldDifference",
    "EarlierItem",
    "Match",
    "TranslationMatch",
    "Verdict",
    "compare",
    "find_duplicates",
    "DEFAULT_MIN_SCORE",
    "SAME_ACTION_SCORE",
]

Verdict = Literal["duplicate", "related", "none"]

# Text score (0–100, rapidfuzz on keys) from which two items are taken to instruct the same action.
SAME_ACTION_SCORE = 85.0
# Below this text score a candidate is not reported at all.
DEFAULT_MIN_SCORE = 70.0
# Fewer shared keys than this is no evidence of anything, whatever the score.
MIN_SHARED_KEYS = 2
# The index's candidates (best estimate first) are re-ranked by text score in blocks of this
# many, until no candidate left can enter the best ones found ...
RERANK_BLOCK = 200
# ... judged by the estimate: over the exhaustive top 10s of 140 drafts at 1M items
# (benchmarks/duplicates_scale.py), the text score exceeded it by 13 points at the 99th
# percentile, 17 at most (words sharing letters with the draft's other words); a slack of 12
# still re-ranked every exhaustive top 10 of those drafts, and scores 10% fewer texts than 15 ...
ESTIMATE_SLACK = 12.0
# ... or until this many were re-ranked per item asked for (at least MIN_CANDIDATES).
CANDIDATES_PER_MATCH = 75
MIN_CANDIDATES = 3000
# Of the re-ranked candidates, this many per requested match are loaded and compared by field.
FIELD_COMPARED_PER_MATCH = 4


def candidate_limit(count: int) -> int:
    """Index candidates re-ranked at most for the best ``count`` items."""
    return max(MIN_CANDIDATES, CANDIDATES_PER_MATCH * count)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldDifference(_Frozen):
    """A field whose values differ between the draft item and the earlier one."""

    field: Literal["executors", "numbers", "names", "deadline"]
    draft: tuple[str, ...]
    earlier: tuple[str, ...]
    note: str


class EarlierItem(_Frozen):
    """Where the earlier item is: its act, its number, its source file and span."""

    registry_id: int
    language: Language
    act_kind: str | None
    act_number: str | None
    act_date: dt.date | None
    act_title: str | None
    item_number: str | None
    item_path: tuple[str, ...]
    source: str
    span: tuple[int, int]
    text: str
    executors: tuple[str, ...]


class TranslationMatch(_Frozen):
    """The same earlier item in the other language version of its act, with its own fields."""

    verdict: Verdict
    earlier: EarlierItem
    differences: tuple[FieldDifference, ...]


class Match(_Frozen):
    """One earlier item that the draft item duplicates or is related to, and why."""

    verdict: Literal["duplicate", "related"]
    score: float
    reason: str
    shared_words: tuple[str, ...]
    differences: tuple[FieldDifference, ...]
    earlier: EarlierItem
    translations: tuple[TranslationMatch, ...] = ()


class DraftItemMatches(_Frozen):
    """The matches of one draft item, best first."""

    item_number: str | None
    item_path: tuple[str, ...]
    language: Language
    text: str
    span: tuple[int, int]
    keys: tuple[str, ...]
    matches: tuple[Match, ...]

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def text_score(draft_keys: str, earlier_keys: Sequence[str]) -> list[float]:
    """Text scores of one draft key text against earlier key texts (rapidfuzz, word order ignored)."""
    if not earlier_keys:
        return []
    # One draft against many: rapidfuzz prepares the draft once.
    scores = process.cdist([draft_keys], earlier_keys, scorer=fuzz.token_sort_ratio, processor=None, workers=1)
    return scores[0].tolist()


def ranked_candidates(
    features: ItemFeatures, registry: Registry, *, count: int, min_score: float = 0.0, limit: int | None = None
) -> list[tuple[float, int, str]]:
    """The ``count`` registry items with the best text scores at or above ``min_score`` against
    ``features``, best first (ties by id among those scored): (score, item id, key text).

    The index's candidates are scored in blocks, best estimate first; a candidate whose highest
    possible score (from the key-text lengths) cannot reach the ``count``-th best score so far is
    skipped unread, and the search stops once the estimates fall :data:`ESTIMATE_SLACK` below
    that score, or after ``limit`` candidates (default :func:`candidate_limit`)."""
    candidates = registry.candidates(features.language, features.keys, limit=limit or candidate_limit(count))
    ranked: list[tuple[float, int, str]] = []
    position = 0
    while position < len(candidates):
        # Until ``count`` items are found, anything reaching min_score counts; after that only a
        # score above the ``count``-th best changes the result (a tie with it would not).
        full = len(ranked) == count
        bar = ranked[-1][0] if full else min_score
        block = []
        for candidate in candidates[position : position + RERANK_BLOCK]:
            if candidate.estimate + ESTIMATE_SLACK < bar:
                position = len(candidates)
                break
            position += 1
            if candidate.upper > bar or (not full and candidate.upper == bar):
                block.append(candidate.item_id)
        if not block:
            continue
        texts = registry.key_texts(block)
        ids = [item_id for item_id in block if item_id in texts]
        scores = text_score(features.key_text, [texts[item_id] for item_id in ids])
        ranked.extend((score, item_id, texts[item_id]) for score, item_id in zip(scores, ids) if score >= min_score)
        ranked.sort(key=lambda row: (-row[0], row[1]))
        del ranked[count:]
    return ranked


def _deadline_difference(draft: ItemFeatures, earlier: ItemFeatures) -> FieldDifference | None:
    if draft.deadline_due and earlier.deadline_due:
        if draft.deadline_due == earlier.deadline_due:
            return None
        note = "later deadline (a re-issue)" if draft.deadline_due > earlier.deadline_due else "earlier deadline"
        return FieldDifference(
            field="deadline",
            draft=(draft.deadline_due.isoformat(),),
            earlier=(earlier.deadline_due.isoformat(),),
            note=note,
        )
    if draft.deadline_text != earlier.deadline_text and (draft.deadline_text or earlier.deadline_text):
        return FieldDifference(
            field="deadline",
            draft=tuple(filter(None, [draft.deadline_text])),
            earlier=tuple(filter(None, [earlier.deadline_text])),
            note="other term",
        )
    return None


def _field_verdict(score: float, draft: ItemFeatures, earlier: ItemFeatures) -> tuple[Verdict, str, tuple[FieldDifference, ...]]:
    """The verdict for two items whose text score is ``score``, from their fields."""
    differences = []
    executors_known = bool(draft.executors) and bool(earlier.executors)
    # The same responsible body: the lead of one is among the executors of the other. A shared
    # co-executor alone ("together with the Government") does not make it the same instruction.
    executors_overlap = not executors_known or draft.executors[0] in earlier.executors or earlier.executors[0] in draft.executors
    if executors_known and set(draft.executors) != set(earlier.executors):
        differences.append(
            FieldDifference(
                field="executors",
                draft=draft.executors,
                earlier=earlier.executors,
                note="overlapping executors" if executors_overlap else "other executors",
            )
        )
    numbers_differ = draft.numbers != earlier.numbers
    if numbers_differ:
        differences.append(
            FieldDifference(field="numbers", draft=draft.numbers, earlier=earlier.numbers, note="other key numbers")
        )
    names_differ = bool(draft.names) and bool(earlier.names) and not set(draft.names) & set(earlier.names)
    if names_differ:
        differences.append(FieldDifference(field="names", draft=draft.names, earlier=earlier.names, note="other named objects"))
    deadline = _deadline_difference(draft, earlier)
    if deadline is not None:
        differences.append(deadline)
    if score >= SAME_ACTION_SCORE:
        if not executors_overlap:
            return "related", "same action, other executors", tuple(differences)
        if numbers_differ:
            return "related", "same action, other key numbers", tuple(differences)
        if names_differ:
            return "related", "same action, other named objects", tuple(differences)
        if deadline is not None:
            return "duplicate", f"same action and executors, {deadline.note}", tuple(differences)
        return "duplicate", "same action and executors", tuple(differences)
    return "related", "similar wording", tuple(differences)


def compare(draft: ItemFeatures, earlier: ItemFeatures, *, min_score: float = DEFAULT_MIN_SCORE) -> tuple[Verdict, float, str]:
    """Verdict, text score and reason for one pair of items (no registry needed)."""
    shared = set(draft.keys) & set(earlier.keys)
    if len(shared) < MIN_SHARED_KEYS:
        return "none", 0.0, "no shared words"
    score = text_score(draft.key_text, [earlier.key_text])[0]
    if score < min_score:
        return "none", score, "different wording"
    verdict, reason, _ = _field_verdict(score, draft, earlier)
    return verdict, score, reason


def _earlier(item: StoredItem) -> EarlierItem:
    return EarlierItem(
        registry_id=item.id,
        language=item.language,
        act_kind=item.act_kind,
        act_number=item.act_number,
        act_date=item.act_date,
        act_title=item.act_title,
        item_number=item.number,
        item_path=item.path,
        source=item.source,
        span=item.span,
        text=item.text,
        executors=item.executor_names,
    )


def _draft_items(items: Act | Iterable[Item], language: Language | None) -> tuple[Sequence[Item], Language]:
    if isinstance(items, Act):
        if language is not None and language != items.language:
            raise LanguageError(f"find_duplicates: the act is {items.language!r}, got language={language!r}")
        return items.items, items.language
    if language not in ("ru", "kk"):
        raise LanguageError(f"find_duplicates: expected language 'ru' or 'kk' for bare items, got {language!r}")
    return list(items), language


def find_duplicates(
    items: Act | Iterable[Item],
    registry: Registry,
    *,
    top: int = 5,
    min_score: float = DEFAULT_MIN_SCORE,
    language: Language | None = None,
) -> list[DraftItemMatches]:
    """Earlier items that each draft item duplicates or is related to, best first.

    ``items`` is a parsed draft (:class:`Act`) or its items with ``language``. ``top`` limits the
    matches per item, ``min_score`` the text score (0–100) a match needs.
    """
    draft_items, lang = _draft_items(items, language)
    results = []
    for item in draft_items:
        features = item_features(item, lang)
        matches: list[Match] = []
        if len(features.keys) >= MIN_SHARED_KEYS:
            matches = _matches(features, registry, top=top, min_score=min_score)
        results.append(
            DraftItemMatches(
                item_number=item.number,
                item_path=item.path,
                language=lang,
                text=item.text,
                span=item.span,
                keys=features.keys,
                matches=tuple(matches),
            )
        )
    return results


_VERDICT_ORDER = {"duplicate": 0, "related": 1}


def _matches(features: ItemFeatures, registry: Registry, *, top: int, min_score: float) -> list[Match]:
    # Only the best-scoring ones are compared by field: many near-copies tie above min_score.
    draft_keys = set(features.keys)
    kept = [
        (score, item_id)
        for score, item_id, key_text in ranked_candidates(
            features, registry, count=FIELD_COMPARED_PER_MATCH * top, min_score=min_score
        )
        if len(draft_keys & set(key_text.split())) >= MIN_SHARED_KEYS
    ]
    if not kept:
        return []
    stored = registry.items_by_id([item_id for _, item_id in kept])
    twins = registry.twins([item_id for _, item_id in kept])
    matches = []
    for score, item_id in kept:
        earlier = stored[item_id]
        verdict, reason, differences = _field_verdict(score, features, earlier.features)
        translations = []
        for twin in twins.get(item_id, ()):
            twin_verdict, _, twin_differences = _field_verdict(
                score, _language_neutral(features), _language_neutral(twin.features)
            )
            translations.append(
                TranslationMatch(verdict=twin_verdict, earlier=_earlier(twin), differences=twin_differences)
            )
        matches.append(
            Match(
                verdict=verdict,
                score=round(score, 1),
                reason=reason,
                shared_words=tuple(key for key in dict.fromkeys(features.keys) if key in set(earlier.features.keys)),
                differences=differences,
                earlier=_earlier(earlier),
                translations=tuple(translations),
            )
        )
    matches.sort(key=lambda match: (_VERDICT_ORDER[match.verdict], -match.score, match.earlier.registry_id))
    return matches[:top]


def _language_neutral(features: ItemFeatures) -> ItemFeatures:
    """The fields of an item of the other language that can be compared across languages:
    executor ids (unresolved names are language-bound), numbers and due dates."""
    return ItemFeatures(
        language=features.language,
        keys=features.keys,
        numbers=features.numbers,
        names=(),
        executors=tuple(key for key in features.executors if not key.startswith("~")),
        deadline_due=features.deadline_due,
        deadline_text=None if features.deadline_due is None else features.deadline_text,
    )
