"""The hand-annotated gold set (corpora/gold/*.json) is well-formed and consistent with the sample
acts it annotates: schema, file and language, act date, paths and numbers, first words found in
the text in document order, executors, and deadlines that follow the rules of the annotation guide
(corpora/gold/README.md)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from functools import cache
from typing import Annotated, Literal

import holidays
import pytest
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints
from tapsyrma.corpora import data_path
from tapsyrma.parser.gazetteer import gazetteer

GOLD_DIR = data_path("gold")
SAMPLES_DIR = data_path("samples")
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LABEL_RE = re.compile(r"\d+(?:-\d+)*|[а-яё]")
APPENDIX_RE = re.compile(r"appendix(?:-\d+)?")
FILE_DATE_RE = re.compile(r"-(\d{8})-")
PROVENANCE_RE = re.compile(r"\A(?:# (?:source|note): [^\n]*\n)+")


def _iso(value: str) -> str:
    dt.date.fromisoformat(value)
    return value


IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_iso)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class GoldExecutor(_Strict):
    name_ru: Text
    name_kk: Text | None = None
    kind: Literal["body", "group", "official"]
    role: Literal["lead", "co"]


class GoldDeadline(_Strict):
    kind: Literal["date", "relative", "period_end", "periodic", "none"]
    text: Text | None
    due: IsoDate | None


class GoldItem(_Strict):
    number: Text
    path: list[Text]
    first_words: Text
    executors: list[GoldExecutor]
    deadline: GoldDeadline
    completion_form: Text | None
    final_result: Text | None
    comment: Text | None = None


class GoldActHeader(_Strict):
    kind: Literal["указ", "постановление", "решение", "распоряжение"]
    number: Text | None
    date: IsoDate


class GoldAct(_Strict):
    file: Text
    language: Literal["ru", "kk"]
    act: GoldActHeader
    basis: IsoDate
    items: list[GoldItem]
    notes: Text


def _squash(text: str) -> str:
    return " ".join(text.split())


@cache
def _gold(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _act_text(file_name: str) -> str:
    """The sample's act text without its provenance lines, whitespace collapsed."""
    raw = (SAMPLES_DIR / file_name).read_text(encoding="utf-8")
    return _squash(PROVENANCE_RE.sub("", raw))


def _items(path):
    return _gold(path)["items"]


def _context(text: str, at: int) -> str:
    return text[max(0, at - 60): at + 60]


gold_param = pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)


def test_gold_set_covers_languages_kinds_and_seeds():
    documents = [_gold(path) for path in GOLD_FILES]
    assert len(documents) >= 32, f"expected at least 32 annotated acts, got {len(documents)}"
    assert {doc["language"] for doc in documents} == {"ru", "kk"}
    kinds = {doc["act"]["kind"] for doc in documents}
    assert kinds == {"указ", "постановление", "решение", "распоряжение"}, kinds
    stems = {path.stem for path in GOLD_FILES}
    assert {"ukaz-403-2023-ru", "ukaz-403-2023-kk"} <= stems
    rasporyazheniya = {stem for stem in stems if stem.startswith("ru-rasporyazhenie-")}
    assert len(rasporyazheniya) == 5, rasporyazheniya
    pairs = {stem.replace("kz-kk-", "") for stem in stems if stem.startswith("kz-kk-")}
    both = {stem for stem in pairs if f"kz-ru-{stem}" in stems}
    assert len(both) >= 0.75 * len(pairs), (
        f"expected most Kazakh acts annotated with their Russian twin, got {len(both)} of {len(pairs)}")


@gold_param
def test_schema(gold_path):
    GoldAct.model_validate(_gold(gold_path))


@gold_param
def test_points_to_its_sample_in_its_language(gold_path):
    doc = _gold(gold_path)
    assert doc["file"] == f"{gold_path.stem}.txt"
    assert (SAMPLES_DIR / doc["file"]).is_file(), f"no sample {doc['file']}"
    stem = gold_path.stem
    expected = "kk" if stem.startswith("kz-kk-") or stem.endswith("-kk") else "ru"
    assert doc["language"] == expected
    if doc["language"] == "kk":
        assert KK_ONLY & set(_act_text(doc["file"])), "a Kazakh gold file must point to a Kazakh text"


@gold_param
def test_act_date_is_the_basis_and_matches_the_source(gold_path):
    doc = _gold(gold_path)
    assert doc["basis"] == doc["act"]["date"], "relative terms count from the act's date"
    date = dt.date.fromisoformat(doc["act"]["date"])
    found = FILE_DATE_RE.search(doc["file"])
    if found:
        assert date == dt.datetime.strptime(found.group(1), "%Y%m%d").date()
    else:
        # files without a date in the name state it in the text: "4 декабря 2023 года", "1 августа 2002 года"
        text = _act_text(doc["file"])
        months_ru = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                     "октября", "ноября", "декабря"]
        months_kk = ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
                     "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"]
        ru = f"{date.day} {months_ru[date.month - 1]} {date.year}"
        kk = f"{date.year} жылғы {date.day} {months_kk[date.month - 1]}"
        assert ru in text or kk in text, f"act date {date} not stated in {doc['file']}"
    number = doc["act"]["number"]
    if number is not None:
        assert number.replace("-рп", "") in doc["file"] or f"№ {number}" in _act_text(doc["file"])


@gold_param
def test_paths_and_numbers_are_consistent(gold_path):
    paths = [tuple(item["path"]) for item in _items(gold_path)]
    assert len(paths) == len(set(paths)), "paths must be unique within an act"
    for item in _items(gold_path):
        path = item["path"]
        assert path and item["number"] == path[-1], f"number must be the last label of the path: {path}"
        if APPENDIX_RE.fullmatch(path[0]):
            assert len(path) == 2 and path[1].isdigit(), f"a plan-table row is [appendix, №]: {path}"
        else:
            assert 1 <= len(path) <= 3, path
            assert all(LABEL_RE.fullmatch(label) for label in path), f"labels without punctuation: {path}"
    for path in paths:
        for depth in range(1, len(path)):
            assert path[:depth] not in paths, (
                f"{path[:depth]} is an intro whose subpoints are items; it cannot be an item itself")
    points = [path for path in paths if not APPENDIX_RE.fullmatch(path[0])]
    rows = [path for path in paths if APPENDIX_RE.fullmatch(path[0])]
    assert paths == points + rows, "points come first, then appendix rows"


@gold_param
def test_first_words_occur_in_the_text_in_document_order(gold_path):
    doc = _gold(gold_path)
    text = _act_text(doc["file"])
    position = 0
    for item in doc["items"]:
        words = _squash(item["first_words"])
        assert 3 <= len(words.split()) <= 8, f"3-8 words expected, got {words!r}"
        found = text.find(words, position)
        assert found >= 0, (
            f"{item['path']}: {words!r} not found after offset {position}; text there: {_context(text, position)!r}")
        position = found + len(words)


@gold_param
def test_executors_have_one_lead_first_and_russian_names(gold_path):
    for item in _items(gold_path):
        executors = item["executors"]
        assert executors, f"{item['path']}: an item has at least one executor"
        roles = [executor["role"] for executor in executors]
        assert roles[0] == "lead" and roles.count("lead") == 1, f"{item['path']}: lead first, one lead: {roles}"
        names = [executor["name_ru"] for executor in executors]
        assert len(names) == len(set(names)), f"{item['path']}: an executor is listed once: {names}"
        for name in names:
            assert name == name.strip() and "  " not in name, repr(name)
            assert not KK_ONLY & set(name), f"{item['path']}: name_ru must be Russian, got {name!r}"


@gold_param
def test_kazakh_names_only_for_what_the_gazetteer_does_not_know_in_kazakh_acts(gold_path):
    # name_kk writes an unknown body or person as the Kazakh text does; a known one is its id
    language = json.loads(gold_path.read_text(encoding="utf-8"))["language"]
    for item in _items(gold_path):
        for executor in item["executors"]:
            if "name_kk" not in executor:
                continue
            assert language == "kk", f"{item['path']}: name_kk belongs to Kazakh acts"
            name = executor["name_kk"]
            assert name == name.strip() and "  " not in name, repr(name)
            assert gazetteer().lookup(executor["name_ru"], "ru") is None, f"{item['path']}: {executor['name_ru']!r} is in the gazetteer"


@cache
def _kz_days_off(year: int):
    return holidays.KZ(years=year)


@gold_param
def test_deadlines_follow_the_rules(gold_path):
    doc = _gold(gold_path)
    basis = dt.date.fromisoformat(doc["basis"])
    text = _act_text(doc["file"])
    for item in doc["items"]:
        deadline = item["deadline"]
        kind, phrase, due = deadline["kind"], deadline["text"], deadline["due"]
        where = f"{item['path']} {phrase!r}"
        if kind == "none":
            assert phrase is None and due is None, where
            continue
        assert phrase is not None and _squash(phrase) in text, f"{where}: the term phrase must be quoted from the text"
        if due is None:
            assert kind in ("relative", "periodic"), f"{where}: only event-bound or standing terms have no due date"
            continue
        due_date = dt.date.fromisoformat(due)
        if kind == "period_end":
            last_day = calendar.monthrange(due_date.year, due_date.month)[1]
            assert due_date.day == last_day, f"{where}: a period ends on a month end"
        if kind == "relative":
            assert due_date > basis, where
            assert due_date.weekday() < 5 and due_date not in _kz_days_off(due_date.year), (
                f"{where}: a relative due falling on a day off moves to the next working day")
        if kind == "periodic":
            assert due_date > basis, f"{where}: the first due date after the basis"


@gold_param
def test_items_without_completion_form_or_result_use_null(gold_path):
    for item in _items(gold_path):
        for field in ("completion_form", "final_result"):
            value = item[field]
            assert value is None or value.strip() == value != "", f"{item['path']} {field}: {value!r}"
