"""The state-body gazetteer (corpora/gazetteer/*.toml) is valid, consistent and covers the
executors named in the sample acts."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import defaultdict
from functools import lru_cache
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tapsyrma.corpora import data_path

GAZETTEER_DIR = data_path("gazetteer")
SAMPLES_DIR = data_path("samples")
FILES = ("bodies", "regions", "companies", "officials", "groups", "historical")

ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# ы, э, ь are ordinary in Kazakh (Республикасының, экономика); ё and ъ occur only in Russian words.
RU_ONLY = set("ёъЁЪ")
KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def _iso_date(value: str) -> str:
    dt.date.fromisoformat(value)
    return value


def _clean_names(values: list[str]) -> list[str]:
    for value in values:
        if not value.strip() or value != value.strip() or "  " in value:
            raise ValueError(f"expected a trimmed non-empty name, got {value!r}")
    if len(set(values)) != len(values):
        raise ValueError(f"expected distinct names, got {values}")
    return values


class FormerName(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name_ru: str = Field(min_length=3)
    name_kk: str = Field(min_length=3)
    until: str

    _until = field_validator("until")(_iso_date)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: Literal["body", "official", "company", "group"]
    name_ru: str = Field(min_length=3)
    name_kk: str = Field(min_length=3)
    short_ru: list[str] = []
    short_kk: list[str] = []
    parent: str | None = None
    abolished: str | None = None
    successors: list[str] = []
    former: list[FormerName] = []
    members: str | None = None
    variants_ru: list[str] = []
    variants_kk: list[str] = []

    _names = field_validator("short_ru", "short_kk", "variants_ru", "variants_kk")(_clean_names)
    _abolished = field_validator("abolished")(_iso_date)

    @field_validator("id")
    @classmethod
    def _ascii_snake(cls, value: str) -> str:
        if not ID_RE.fullmatch(value):
            raise ValueError(f"expected an ascii lower_snake id, got {value!r}")
        return value

    @model_validator(mode="after")
    def _group_fields(self) -> Entry:
        is_group = self.kind == "group"
        if is_group != (self.members is not None):
            raise ValueError(f"{self.id}: members is required for groups and only for groups")
        if not is_group and (self.variants_ru or self.variants_kk):
            raise ValueError(f"{self.id}: variants belong to groups; use short_* for a body")
        return self

    def wordings(self, lang: str) -> list[str]:
        """Every wording of this entry in one language: name, short forms, variants, former names."""
        return [
            getattr(self, f"name_{lang}"),
            *getattr(self, f"short_{lang}"),
            *getattr(self, f"variants_{lang}"),
            *(getattr(former, f"name_{lang}") for former in self.former),
        ]


@lru_cache(maxsize=None)
def load_file(name: str) -> tuple[Entry, ...]:
    with (GAZETTEER_DIR / f"{name}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) <= {"entry"}, f"{name}.toml: expected only [[entry]] tables, got {sorted(data)}"
    return tuple(Entry.model_validate(raw) for raw in data.get("entry", []))


@lru_cache(maxsize=None)
def all_entries() -> dict[str, Entry]:
    by_id: dict[str, Entry] = {}
    for name in FILES:
        for entry in load_file(name):
            assert entry.id not in by_id, f"id {entry.id!r} is defined twice ({name}.toml)"
            by_id[entry.id] = entry
    return by_id


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def test_folder_holds_exactly_the_known_files():
    assert sorted(p.stem for p in GAZETTEER_DIR.glob("*.toml")) == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_parses_and_validates(name):
    load_file(name)


def test_ids_unique_across_files():
    assert len(all_entries()) == sum(len(load_file(name)) for name in FILES)


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("bodies", {"body"}),
        ("regions", {"body", "official"}),
        ("companies", {"company"}),
        ("officials", {"official"}),
        ("groups", {"group"}),
        ("historical", {"body", "official", "company"}),
    ],
)
def test_kinds_match_file(name, kinds):
    wrong = [e.id for e in load_file(name) if e.kind not in kinds]
    assert not wrong, f"{name}.toml holds entries of another kind: {wrong}"


def test_abolished_only_in_historical():
    historical = {e.id for e in load_file("historical")}
    with_date = {e.id for e in all_entries().values() if e.abolished}
    assert with_date == historical


def test_parents_and_successors_exist():
    entries = all_entries()
    dangling = [
        (e.id, ref)
        for e in entries.values()
        for ref in ([e.parent] if e.parent else []) + e.successors
        if ref not in entries or ref == e.id
    ]
    assert not dangling


def test_parent_chains_have_no_cycles():
    entries = all_entries()
    for entry in entries.values():
        seen = {entry.id}
        parent = entry.parent
        while parent:
            assert parent not in seen, f"parent cycle through {entry.id}"
            seen.add(parent)
            parent = entries[parent].parent


def test_akims_belong_to_akimats():
    entries = all_entries()
    for entry in load_file("regions"):
        if entry.kind == "official":
            assert entry.parent and entries[entry.parent].kind == "body", entry.id


def test_former_names_are_in_date_order_and_differ_from_current():
    for entry in all_entries().values():
        dates = [former.until for former in entry.former]
        assert dates == sorted(dates), f"{entry.id}: former names out of date order"
        for former in entry.former:
            assert (former.name_ru, former.name_kk) != (entry.name_ru, entry.name_kk), entry.id
        if entry.abolished:
            assert all(d <= entry.abolished for d in dates), f"{entry.id}: a name outlives the body"


def _wordings_by_lang(lang: str):
    for entry in all_entries().values():
        for text in entry.wordings(lang):
            yield entry.id, text


def test_full_kazakh_names_are_kazakh():
    # Every official Kazakh name of a body, post or company has a Kazakh-only letter (Қазақстан,
    # әкімдігі, министрлігі...); one without is a Russian name pasted into the Kazakh field. Group
    # wordings can be plain ("прокуратура органдары") but never equal the Russian one.
    bad = [
        (e.id, text)
        for e in all_entries().values()
        for text in (e.name_kk, *(f.name_kk for f in e.former))
        if (e.kind != "group" and not KK_ONLY & set(text)) or _normalise(text) == _normalise(e.name_ru)
    ]
    assert not bad


# Russian loanwords that Kazakh officially writes with ъ or ё.
KK_LOANS_WITH_RU_LETTERS = re.compile(r"(?:суб|об)ъект\w*", re.IGNORECASE)

# Official proper names written with Kazakh letters inside Russian names.
RU_NAMES_WITH_KK_LETTERS = re.compile(r"Самрук-Қазына|Қазақстан темір жолы|Жетісу|Ұлытау")


def test_kazakh_names_have_no_russian_only_letters():
    bad = [
        (eid, text)
        for eid, text in _wordings_by_lang("kk")
        if RU_ONLY & set(KK_LOANS_WITH_RU_LETTERS.sub("", text))
    ]
    assert not bad


def test_russian_names_have_no_kazakh_only_letters():
    bad = [
        (eid, text)
        for eid, text in _wordings_by_lang("ru")
        if KK_ONLY & set(RU_NAMES_WITH_KK_LETTERS.sub("", text))
    ]
    assert not bad


def test_names_have_no_latin_lookalikes():
    # A Latin "o" or "c" inside a Cyrillic word makes a name silently unmatchable.
    mixed = re.compile(r"\w*(?:[a-zA-Z][а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]|[а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ][a-zA-Z])\w*")
    bad = [
        (eid, text)
        for lang in ("ru", "kk")
        for eid, text in _wordings_by_lang(lang)
        if mixed.search(text)
    ]
    assert not bad


def test_quotes_are_guillemets():
    # Nested quotes share their closing mark as officially written
    # («Фонд национального благосостояния «Самрук-Қазына»), so only the kind and order are checked.
    bad = [
        (eid, text)
        for lang in ("ru", "kk")
        for eid, text in _wordings_by_lang(lang)
        if re.search(r"[\"“”„']", text) or ("«" in text) != ("»" in text) or text.find("»") < text.find("«")
    ]
    assert not bad


# Wordings deliberately shared by several entries: the matcher has to resolve them by context
# (the date of the act, the level of the akim, a following name).
AMBIGUOUS: dict[str, set[str]] = {
    # Bodies abolished in 2014 whose names came back for new bodies (the act's date decides).
    "ru": {
        "Агентство Республики Казахстан по делам государственной службы",
        "Министерство культуры и информации Республики Казахстан",
        "Министерство по чрезвычайным ситуациям Республики Казахстан",
    },
    "kk": {
        "Қазақстан Республикасының Мемлекеттік қызмет істері агенттігі",
        "Қазақстан Республикасының Мәдениет және ақпарат министрлігі",
        "Қазақстан Республикасының Төтенше жағдайлар министрлігі",
    },
}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_wordings_are_not_shared_unless_listed_ambiguous(lang):
    owners: dict[str, set[str]] = defaultdict(set)
    for eid, text in _wordings_by_lang(lang):
        owners[_normalise(text)].add(eid)
    shared = {text: ids for text, ids in owners.items() if len(ids) > 1}
    allowed = {_normalise(a) for a in AMBIGUOUS[lang]}
    unlisted = {text: ids for text, ids in shared.items() if text not in allowed}
    assert not unlisted, f"wordings shared by several entries: {unlisted}"
    stale = allowed - set(shared)
    assert not stale, f"AMBIGUOUS lists wordings no longer shared: {stale}"


# Executors named in corpora/samples: (sample file, the words as they stand in the act,
# the nominative wording the gazetteer must hold, the id it must resolve to).
SAMPLE_EXECUTORS: list[tuple[str, str, str, str]] = [
]


@lru_cache(maxsize=None)
def _sample_text(name: str) -> str:
    return _normalise((SAMPLES_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("sample", "surface", "nominative", "eid"), SAMPLE_EXECUTORS)
def test_sample_executor_is_covered(sample, surface, nominative, eid):
    assert _normalise(surface) in _sample_text(sample), f"{surface!r} is not in {sample}"
    lang = "kk" if sample.startswith("kz-kk-") else "ru"
    entry = all_entries()[eid]
    assert _normalise(nominative) in {_normalise(w) for w in entry.wordings(lang)}, (
        f"{eid} has no wording {nominative!r}"
    )
