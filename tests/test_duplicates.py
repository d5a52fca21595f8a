"""Duplicate verdicts on real items of corpora/samples, through a registry (SQLite; PostgreSQL
when TAPSYRMA_TEST_PG_URL is set)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select, update

from test_registry_helpers import act_of, backends, draft, item_in, open_registry, sample
from tapsyrma.corpora import data_path
from tapsyrma.parser.errors import LanguageError
from tapsyrma.parser.model import Act, ActHeader, Item
from tapsyrma.registry import DraftItemMatches, compare, duplicates, find_duplicates, item_features
from tapsyrma.registry.duplicates import text_score
from tapsyrma.registry.schema import index_segments, metadata

RU = "kz-ru-ukaz-20190409-a130175.txt"
KK = "kz-kk-ukaz-20190409-a130175.txt"
ELECTION_DAY = dt.date(2019, 4, 9)
CEC_RU = ("Центральной избирательной комиссии Республики Казахстан", "cec")
GOV_RU = ("Правительству Республики Казахстан", "government")
CEC_KK = ("Қазақстан Республикасының Орталық сайлау комиссиясы", "cec")
GOV_KK = ("Қазақстан Республикасының Үкіметі", "government")


def ru_items(text=None):
    text = text or sample(RU)
    return [
        item_in(text, "2", "Центральной избирательной комиссии", [CEC_RU]),
        item_in(text, "3", "Правительству Республики Казахстан принять необходимые", [GOV_RU]),
    ]


def kk_items():
    text = sample(KK)
    return [
        item_in(text, "2", "Қазақстан Республикасының Орталық сайлау комиссиясы кезектен", [CEC_KK]),
        item_in(text, "3", "Қазақстан Республикасының Үкіметі кезектен", [GOV_KK]),
    ]


@pytest.fixture(params=backends())
def registry(request, tmp_path):
    registry = open_registry(request.param, tmp_path)
    registry.import_acts([act_of(RU, "ru", "указ", "130175", ELECTION_DAY, ru_items())])
    yield registry
    if registry.dialect == "postgresql":
        metadata.drop_all(registry.engine)
    registry.close()


def features(text, words, executors=(), lang="ru", deadline=None):
    return item_features(item_in(text, "1", words, executors, deadline), lang)


def test_reworded_reissue_with_a_later_deadline_is_a_duplicate_pointing_at_the_earlier_item(registry):
    text = (
        "1. Центральной избирательной комиссии Республики Казахстан обеспечить проведение и организацию "
        "внеочередных президентских выборов в срок до 1 июня 2026 года.\n"
    )
    item = item_in(text, "1", "Центральной", [CEC_RU], ("в срок до 1 июня 2026 года", dt.date(2026, 6, 1)))
    [result] = find_duplicates(draft(text, "ru", [item]), registry)
    best = result.matches[0]
    assert best.verdict == "duplicate"
    assert best.earlier.act_number == "130175" and best.earlier.act_date == ELECTION_DAY
    assert best.earlier.item_number == "2" and best.earlier.source.endswith(RU)
    start, end = best.earlier.span
    assert sample(RU)[start:end] == best.earlier.text and best.earlier.text.startswith("Центральной избирательной")
    assert {"обеспечить", "проведение", "организация", "внеочередной", "президентский", "выборы"} <= set(best.shared_words)
    assert best.earlier.executors == (CEC_RU[0],)


def test_same_action_for_another_executor_is_related_not_duplicate(registry):
    text = "1. Правительству Республики Казахстан обеспечить организацию и проведение внеочередных президентских выборов.\n"
    item = item_in(text, "1", "Правительству", [GOV_RU])
    best = find_duplicates([item], registry, language="ru")[0].matches[0]
    assert best.verdict == "related" and best.reason == "same action, other executors"
    [difference] = [d for d in best.differences if d.field == "executors"]
    assert difference.draft == ("government",) and difference.earlier == ("cec",)


def test_shared_boilerplate_is_no_match(registry):
    text = "1. Правительству Республики Казахстан принять иные меры, вытекающие из настоящего Указа.\n"
    [result] = find_duplicates([item_in(text, "1", "Правительству", [GOV_RU])], registry, language="ru")
    assert result.keys == () and result.matches == ()


def test_other_key_numbers_make_a_related_pair():
    text = sample("ru-rasporyazhenie-2002-391-rp.txt")
    start = text.index("1. Согласиться")
    earlier_text = " ".join(text[start : text.index("2. Правительству", start)].split()) + "\n"
    later_text = earlier_text.replace("10 сотрудников", "15 сотрудников")
    earlier = features(earlier_text, "Согласиться")
    later = features(later_text, "Согласиться")
    assert earlier.numbers == ("10",) and later.numbers == ("15",)
    verdict, score, reason = compare(later, earlier)
    assert verdict == "related" and score == 100 and reason == "same action, other key numbers"
    assert compare(earlier, earlier)[0] == "duplicate"


def test_word_order_and_case_forms_do_not_matter():
    text = sample(RU)
    earlier = features(text, "Правительству Республики Казахстан принять необходимые", [GOV_RU])
    varied = (
        "Правительство Республики Казахстан примет по организационному, материально-техническому и финансовому "
        "обеспечению внеочередных президентских выборов необходимые меры.\n"
    )
    later = features(varied, "Правительство", [("Правительство Республики Казахстан", "government")])
    assert compare(later, earlier)[:2] == ("duplicate", 100.0)


def test_results_are_immutable_and_round_trip_through_json(registry):
    [result] = find_duplicates(ru_items(), registry, language="ru")[:1]
    again = DraftItemMatches.model_validate(json.loads(result.to_json()))
    assert again == result and result.matches[0].verdict == "duplicate"
    with pytest.raises(Exception):
        result.matches = ()


def test_bare_items_need_a_language(registry):
    with pytest.raises(LanguageError):
        find_duplicates(ru_items(), registry)


def test_russian_draft_reaches_the_kazakh_version_of_the_earlier_act(registry):
    registry.import_acts([act_of(KK, "kk", "указ", "130175", ELECTION_DAY, kk_items())])
    text = "1. Правительству Республики Казахстан обеспечить организацию и проведение внеочередных президентских выборов.\n"
    best = find_duplicates([item_in(text, "1", "Правительству", [GOV_RU])], registry, language="ru")[0].matches[0]
    [twin] = best.translations
    assert twin.earlier.language == "kk" and twin.earlier.item_number == "2"
    assert twin.earlier.text.startswith("Қазақстан Республикасының Орталық сайлау комиссиясы")
    # executors are canonical ids, so the field comparison works across languages
    assert twin.verdict == "related" and twin.differences[0].earlier == ("cec",)
    # and back: a Kazakh draft finds the Kazakh item and its Russian twin
    kk_text = sample(KK)
    kk_draft = item_in(kk_text, "2", "Қазақстан Республикасының Орталық сайлау комиссиясы кезектен", [CEC_KK])
    best = find_duplicates([kk_draft], registry, language="kk")[0].matches[0]
    assert best.verdict == "duplicate" and best.earlier.language == "kk"
    assert [t.earlier.language for t in best.translations] == ["ru"] and best.translations[0].verdict == "duplicate"


@pytest.mark.parametrize("backend", backends())
def test_versions_whose_text_gives_no_number_are_linked_by_kind_and_date(backend, tmp_path):
    # the database's texts of decree a167469 (3 May 2022) name no number in either language
    from tapsyrma.parser import parse_file

    ru, kk = (parse_file(data_path("samples", f"kz-{lang}-ukaz-20220503-a167469.txt")) for lang in ("ru", "kk"))
    assert ru.act.number is None and kk.act.number is None
    registry = open_registry(backend, tmp_path)
    try:
        registry.import_acts([ru, kk])
        assert registry.stats().bilingual_acts == 1
        best = find_duplicates([ru.items[-1]], registry, language="ru")[0].matches[0]
        assert [t.earlier.language for t in best.translations] == ["kk"]
        assert best.translations[0].earlier.item_number == ru.items[-1].number
        # a second Kazakh decree of that day without a number makes the link ambiguous: none is made
        other = kk.model_copy(update={"source": "other.txt", "items": kk.items[:1], "text": kk.text + " "})
        registry.import_acts([other])
        assert find_duplicates([ru.items[-1]], registry, language="ru")[0].matches[0].translations == ()
    finally:
        if registry.dialect == "postgresql":
            metadata.drop_all(registry.engine)
        registry.close()


# --- the candidate search and the re-ranking, against exhaustive scoring -------------------------


def _pair_sides():
    with data_path("dupes", "pairs.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _bare_item(text):
    return Item(number="1", path=("1",), text=text, span=(0, len(text)))


@pytest.fixture(scope="module", params=backends())
def pairs_registry(request, tmp_path_factory):
    """The first side of every labelled pair (real items of corpora/samples), 20 to an act."""
    registry = open_registry(request.param, tmp_path_factory.mktemp("pairs"))
    texts = {"ru": [], "kk": []}
    for pair in _pair_sides():
        if pair["a"]["text"] not in texts[pair["a"]["lang"]]:
            texts[pair["a"]["lang"]].append(pair["a"]["text"])
    acts = []
    for lang, rows in texts.items():
        for start in range(0, len(rows), 20):
            text = "\n\n".join(rows[start : start + 20])
            items, at = [], 0
            for number, row in enumerate(rows[start : start + 20], start=1):
                items.append(Item(number=str(number), path=(str(number),), text=row, span=(at, at + len(row))))
                at += len(row) + 2
            acts.append(Act(language=lang, source=f"pairs-{lang}-{start}.txt", act=ActHeader(kind="указ", number=str(start)),
                            items=tuple(items), text=text))
    registry.import_acts(acts)
    yield registry
    if registry.dialect == "postgresql":
        metadata.drop_all(registry.engine)
    registry.close()


def _drafts():
    """The second side of the pairs: reworded, re-addressed, renumbered variants of stored items
    (those with keys: a bare control formula has none, and nothing to search for)."""
    sides = [(pair["b"]["lang"], pair["b"]["text"]) for pair in _pair_sides()[::12]]
    return [(lang, text) for lang, text in sides if item_features(_bare_item(text), lang).keys]


@pytest.mark.parametrize("block", [3, duplicates.RERANK_BLOCK])
def test_reranked_candidates_are_the_best_of_an_exhaustive_comparison(pairs_registry, monkeypatch, block):
    """Scored in small blocks, with the length bound skipping candidates and the estimate ending
    the search, the re-ranker still returns the scores of the exhaustive top 10."""
    monkeypatch.setattr(duplicates, "RERANK_BLOCK", block)
    every = {lang: [text for _, text in pairs_registry.all_item_keys(lang)] for lang in ("ru", "kk")}
    checked = 0
    for lang, text in _drafts():
        draft_features = item_features(_bare_item(text), lang)
        exhaustive = sorted(text_score(draft_features.key_text, every[lang]), reverse=True)
        best = [score for score in exhaustive[:10] if score >= 50]
        found = duplicates.ranked_candidates(draft_features, pairs_registry, count=10, min_score=50)
        assert [score for score, _, _ in found] == best, text
        checked += bool(best)
    assert checked >= 40


def test_the_index_bounds_the_text_score_of_every_candidate(pairs_registry):
    """The estimate is the middle of a lower bound (the shared keys' characters) and an upper one
    (the shorter key text): the text score of every candidate lies between them."""
    for lang, text in _drafts():
        draft_features = item_features(_bare_item(text), lang)
        candidates = pairs_registry.candidates(lang, draft_features.keys, limit=100_000)
        texts = pairs_registry.key_texts([candidate.item_id for candidate in candidates])
        scores = text_score(draft_features.key_text, [texts[candidate.item_id] for candidate in candidates])
        for candidate, score in zip(candidates, scores):
            lower = 2 * candidate.estimate - candidate.upper
            # rapidfuzz scores are single precision
            assert lower - 1e-4 <= score <= candidate.upper + 1e-4, (text, texts[candidate.item_id])
        assert [candidate.estimate for candidate in candidates] == sorted((c.estimate for c in candidates), reverse=True)


def test_a_registry_indexed_without_key_text_lengths_is_searched_alike(tmp_path):
    """Segments written before the key-text lengths were kept hold the key counts alone; their
    lengths are measured from the stored key texts, so the search finds the same candidates."""
    registry = open_registry("sqlite", tmp_path)
    registry.import_acts([act_of(RU, "ru", "указ", "130175", ELECTION_DAY, ru_items())])
    keys = item_features(ru_items()[0], "ru").keys
    before = registry.candidates("ru", keys, limit=10)
    with registry.engine.begin() as conn:
        for segment_id, count, blob in conn.execute(select(index_segments.c.id, index_segments.c.count, index_segments.c.key_counts)).all():
            conn.execute(update(index_segments).where(index_segments.c.id == segment_id).values(key_counts=blob[: 2 * count]))
    registry.close()
    again = open_registry("sqlite", tmp_path)
    assert again.candidates("ru", keys, limit=10) == before and before[0].estimate == pytest.approx(100)
    again.close()
