"""The state-body gazetteer (corpora/gazetteer/*.toml) is valid, consistent and covers the
executors named in the sample acts."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections import defaultdict
from functools import cache
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from tapsyrma.corpora import data_path

GAZETTEER_DIR = data_path("gazetteer")
SAMPLES_DIR = data_path("samples")
FILES = ("bodies", "regions", "companies", "officials", "groups", "historical", "russian_federation", "cities", "territorial")

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
    short_ru: list[str] = []
    short_kk: list[str] = []

    _until = field_validator("until")(_iso_date)
    _names = field_validator("short_ru", "short_kk")(_clean_names)


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

    _names = field_validator("short_ru", "short_kk", "variants_ru", "variants_kk")(
        _clean_names
    )
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
            raise ValueError(
                f"{self.id}: members is required for groups and only for groups"
            )
        if self.members is not None and not ID_RE.fullmatch(self.members):
            raise ValueError(
                f"{self.id}: expected an ascii lower_snake members id, got {self.members!r}"
            )
        if not is_group and (self.variants_ru or self.variants_kk):
            raise ValueError(
                f"{self.id}: variants belong to groups; use short_* for a body"
            )
        return self

    def wordings(self, lang: str) -> list[str]:
        """Every wording of this entry in one language: name, short forms, variants, former names."""
        return [
            getattr(self, f"name_{lang}"),
            *getattr(self, f"short_{lang}"),
            *getattr(self, f"variants_{lang}"),
            *(getattr(former, f"name_{lang}") for former in self.former),
            *(short for former in self.former for short in getattr(former, f"short_{lang}")),
        ]


@cache
def load_file(name: str) -> tuple[Entry, ...]:
    with (GAZETTEER_DIR / f"{name}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) <= {"entry"}, (
        f"{name}.toml: expected only [[entry]] tables, got {sorted(data)}"
    )
    return tuple(Entry.model_validate(raw) for raw in data.get("entry", []))


@cache
def all_entries() -> dict[str, Entry]:
    by_id: dict[str, Entry] = {}
    for name in FILES:
        for entry in load_file(name):
            assert entry.id not in by_id, (
                f"id {entry.id!r} is defined twice ({name}.toml)"
            )
            by_id[entry.id] = entry
    return by_id


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def test_folder_holds_exactly_the_known_files():
    assert sorted(p.stem for p in GAZETTEER_DIR.glob("*.toml")) == sorted((*FILES, "fields", "posts"))


def _family_gazetteer():
    from tapsyrma.parser.gazetteer import Gazetteer

    return Gazetteer.load()


def test_fields_file_validates_and_fills_every_family():
    # Every field has both languages, ids are unique, and every family wording holds the slot once.
    names = _family_gazetteer()
    ids = [f.id for f in names.fields.field]
    assert ids and len(ids) == len(set(ids))
    families = [e for e in all_entries().values() if "{fields}" in e.name_ru]
    assert families
    for entry in families:
        for lang in ("ru", "kk"):
            assert all(w.count("{fields}") == 1 for w in entry.wordings(lang)), entry.id


def test_family_member_ids_resolve_back():
    names = _family_gazetteer()
    member = names.lookup("Руководители областных управлений образования, здравоохранения, культуры", "ru")
    assert member.id == "group_regional_department_head_education_health_culture"
    assert names.get(member.id) == member
    assert names.lookup("облыстық білім, денсаулық сақтау және мәдениет басқармаларының басшылары", "kk") == member


def test_posts_name_the_heads_of_bodies_in_both_languages():
    names = _family_gazetteer()
    derived = [e for e in names.entries if e.id not in all_entries()]
    rules = {e.id.split("_of_")[0] for e in derived}
    assert rules == {"minister", "chairman", "committee_chairman", "office", "deputy"}  # every rule of posts.toml fits some entry
    for text, lang, expected in [
        ("Министру финансов Республики Казахстан", "ru", "Министр финансов Республики Казахстан"),
        ("Қазақстан Республикасының Қаржы министріне", "kk", "Министр финансов Республики Казахстан"),
        ("Председателю Агентства по делам государственной службы", "ru", "Председатель Агентства Республики Казахстан по делам государственной службы"),
        ("Мемлекеттік қызмет істері агенттігінің төрағасына", "kk", "Председатель Агентства Республики Казахстан по делам государственной службы"),
    ]:
        found = names.matches(text, lang)
        assert [m.entry.name_ru for m in found] == [expected], text
        assert names.get(found[0].entry.parent).kind == "body"
    # a post the files name already is not derived twice
    assert names.lookup("Председатель Комитета национальной безопасности Республики Казахстан", "ru").id == "chairman_knb"
    # an akim's office (a body) and deputy (an official), with their Kazakh place out of the genitive
    office, deputy = names.get("office_of_akim_karaganda"), names.get("deputy_of_akim_karaganda")
    assert (office.kind, office.name_ru, office.name_kk) == ("body", "Аппарат акима Карагандинской области", "Қарағанды облысы әкімінің аппараты")
    assert (deputy.kind, deputy.name_ru, deputy.name_kk) == ("official", "Заместитель акима Карагандинской области", "Қарағанды облысы әкімінің орынбасары")
    assert office.parent == deputy.parent == "akim_karaganda"


def test_a_post_rule_without_its_slot_is_refused(tmp_path):
    from tapsyrma.parser.errors import DataError
    from tapsyrma.parser.gazetteer import Gazetteer

    for path in GAZETTEER_DIR.glob("*.toml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "posts.toml").write_text(
        '[[post]]\nid = "minister"\nbody_ru = "Министерство {rest}"\npost_ru = "Министр"\n'
        'body_kk = "{rest} министрлігі"\npost_kk = "{rest} министрі"\n', encoding="utf-8")
    with pytest.raises(DataError, match="posts.toml: .*expected \\{rest\\} once"):
        Gazetteer.load(directory=tmp_path)


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
        ("russian_federation", {"body", "official"}),
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
            assert (former.name_ru, former.name_kk) != (entry.name_ru, entry.name_kk), (
                entry.id
            )
        if entry.abolished:
            assert all(d <= entry.abolished for d in dates), (
                f"{entry.id}: a name outlives the body"
            )


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
        if (e.kind != "group" and not KK_ONLY & set(text))
        or _normalise(text) == _normalise(e.name_ru)
    ]
    assert not bad


# Russian loanwords that Kazakh officially writes with ъ or ё.
KK_LOANS_WITH_RU_LETTERS = re.compile(r"(?:суб|об)ъект\w*", re.IGNORECASE)

# Official proper names written with Kazakh letters inside Russian names.
RU_NAMES_WITH_KK_LETTERS = re.compile(
    r"Самрук-Қазына|Қазақстан темір жолы|Жетісу|Ұлытау"
)


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
    mixed = re.compile(
        r"\w*(?:[a-zA-Z][а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]|[а-яА-ЯёЁәғқңөұүһіӘҒҚҢӨҰҮҺІ][a-zA-Z])\w*"
    )
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
        if re.search(r"[\"“”„']", text)
        or ("«" in text) != ("»" in text)
        or text.find("»") < text.find("«")
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
    # Presidential decrees (Указ / Жарлық)
    (
        "kz-ru-ukaz-20190319-884.txt",
        "Правительству Республики Казахстан",
        "Правительство Республики Казахстан",
        "government",
    ),
    (
        "kz-ru-ukaz-20190319-884.txt",
        "Управлением делами Президента Республики Казахстан",
        "Управление делами Президента Республики Казахстан",
        "presidents_affairs_administration",
    ),
    (
        "kz-ru-ukaz-20190319-884.txt",
        "Канцелярию Первого Президента Республики Казахстан – Елбасы",
        "Канцелярия Первого Президента Республики Казахстан – Елбасы",
        "chancellery_first_president",
    ),
    (
        "kz-ru-ukaz-20190319-884.txt",
        "на Администрацию Президента Республики Казахстан",
        "Администрация Президента Республики Казахстан",
        "administration_president",
    ),
    (
        "kz-kk-ukaz-20190319-884.txt",
        "Қазақстан Республикасының Үкіметі",
        "Қазақстан Республикасының Үкіметі",
        "government",
    ),
    (
        "kz-kk-ukaz-20190319-884.txt",
        "Қазақстан Республикасы Президентінің Іс басқармасымен",
        "Қазақстан Республикасы Президентінің Іс басқармасы",
        "presidents_affairs_administration",
    ),
    (
        "kz-kk-ukaz-20190319-884.txt",
        "Қазақстан Республикасы Президентінің Әкімшілігіне",
        "Қазақстан Республикасы Президентінің Әкімшілігі",
        "administration_president",
    ),
    (
        "kz-ru-ukaz-20190409-a130175.txt",
        "Центральной избирательной комиссии Республики Казахстан",
        "Центральная избирательная комиссия Республики Казахстан",
        "cec",
    ),
    (
        "kz-ru-ukaz-20190409-a130175.txt",
        "Акимам областей, городов Нур-Султана, Алматы и Шымкента",
        "акимы областей, городов Нур-Султана, Алматы и Шымкента",
        "group_regional_akims",
    ),
    (
        "kz-ru-ukaz-20190409-a130175.txt",
        "территориальным и участковым избирательным комиссиям",
        "территориальные и участковые избирательные комиссии",
        "group_election_commissions",
    ),
    (
        "kz-kk-ukaz-20190409-a130175.txt",
        "Қазақстан Республикасының Орталық сайлау комиссиясы",
        "Қазақстан Республикасының Орталық сайлау комиссиясы",
        "cec",
    ),
    (
        "kz-kk-ukaz-20190409-a130175.txt",
        "Облыстардың, Нұр-Сұлтан, Алматы мен Шымкент қалаларының әкімдері",
        "облыстардың, Нұр-Сұлтан, Алматы мен Шымкент қалаларының әкімдері",
        "group_regional_akims",
    ),
    (
        "kz-ru-ukaz-20190703-a133041.txt",
        "местными исполнительными органами",
        "местные исполнительные органы",
        "group_local_executive_bodies",
    ),
    (
        "kz-ru-ukaz-20190703-a133041.txt",
        "субъектами квазигосударственного сектора",
        "субъекты квазигосударственного сектора",
        "group_quasi_public_sector",
    ),
    (
        "kz-ru-ukaz-20190703-a133041.txt",
        "государственным органам, непосредственно подчиненным и подотчетным Президенту Республики Казахстан",
        "государственные органы, непосредственно подчиненные и подотчетные Президенту Республики Казахстан",
        "group_bodies_subordinate_to_president",
    ),
    (
        "kz-kk-ukaz-20190703-a133041.txt",
        "жергілікті атқарушы органдармен",
        "жергілікті атқарушы органдар",
        "group_local_executive_bodies",
    ),
    (
        "kz-kk-ukaz-20190703-a133041.txt",
        "квазимемлекеттік сектор субъектілерімен",
        "квазимемлекеттік сектор субъектілері",
        "group_quasi_public_sector",
    ),
    (
        "kz-kk-ukaz-20190703-a133041.txt",
        "Қазақстан Республикасының Президентіне тікелей бағынатын және есеп беретін мемлекеттік органдар",
        "Қазақстан Республикасының Президентіне тікелей бағынатын және есеп беретін мемлекеттік органдар",
        "group_bodies_subordinate_to_president",
    ),
    (
        "kz-ru-ukaz-20191226-a137658.txt",
        "Центральным государственным и местным исполнительным органам",
        "центральные государственные и местные исполнительные органы",
        "group_central_and_local_executive_bodies",
    ),
    (
        "kz-kk-ukaz-20191226-a137658.txt",
        "Орталық мемлекеттік және жергілікті атқарушы органдар",
        "орталық мемлекеттік және жергілікті атқарушы органдар",
        "group_central_and_local_executive_bodies",
    ),
    (
        "kz-ru-ukaz-20201021-a147637.txt",
        "акимам городов Нур-Султана, Алматы, Шымкента и областей",
        "акимы городов Нур-Султана, Алматы, Шымкента и областей",
        "group_regional_akims",
    ),
    (
        "kz-kk-ukaz-20201021-a147637.txt",
        "Нұр-Сұлтан, Алматы, Шымкент қалаларының және облыстардың әкімдері",
        "Нұр-Сұлтан, Алматы, Шымкент қалаларының және облыстардың әкімдері",
        "group_regional_akims",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "комендатуру города Алматы",
        "Комендатура города Алматы",
        "almaty_commandant_office",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "Министерство внутренних дел Республики Казахстан",
        "Министерство внутренних дел Республики Казахстан",
        "mvd",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "Комитет национальной безопасности Республики Казахстан",
        "Комитет национальной безопасности Республики Казахстан",
        "knb",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "Министерство обороны Республики Казахстан",
        "Министерство обороны Республики Казахстан",
        "mod",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "Министерство по чрезвычайным ситуациям Республики Казахстан",
        "Министерство по чрезвычайным ситуациям Республики Казахстан",
        "mchs",
    ),
    (
        "kz-ru-ukaz-20220105-a162981.txt",
        "Генеральному Прокурору Республики Казахстан",
        "Генеральный Прокурор Республики Казахстан",
        "prosecutor_general",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Алматы қаласының комендатурасы",
        "Алматы қаласының комендатурасы",
        "almaty_commandant_office",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Қазақстан Республикасының Ішкі істер министрлігі",
        "Қазақстан Республикасының Ішкі істер министрлігі",
        "mvd",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Қазақстан Республикасының Ұлттық қауіпсіздік комитеті",
        "Қазақстан Республикасының Ұлттық қауіпсіздік комитеті",
        "knb",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Қазақстан Республикасының Қорғаныс министрлігі",
        "Қазақстан Республикасының Қорғаныс министрлігі",
        "mod",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Қазақстан Республикасының Төтенше жағдайлар министрлігі",
        "Қазақстан Республикасының Төтенше жағдайлар министрлігі",
        "mchs",
    ),
    (
        "kz-kk-ukaz-20220105-a162981.txt",
        "Қазақстан Республикасының Бас Прокуроры",
        "Қазақстан Республикасының Бас Прокуроры",
        "prosecutor_general",
    ),
    (
        "kz-ru-ukaz-20220303-826.txt",
        "Акимам всех уровней",
        "акимы всех уровней",
        "group_all_akims",
    ),
    (
        "kz-ru-ukaz-20220303-826.txt",
        "Акимам областей, городов республиканского значения, столицы",
        "акимы областей, городов республиканского значения, столицы",
        "group_regional_akims",
    ),
    (
        "kz-ru-ukaz-20220303-826.txt",
        "Акиматам и аппаратам акимов",
        "акиматы и аппараты акимов",
        "group_akimats_and_akim_offices",
    ),
    (
        "kz-ru-ukaz-20220303-826.txt",
        "центральных исполнительных органов",
        "центральные исполнительные органы",
        "group_central_executive_bodies",
    ),
    (
        "kz-ru-ukaz-20220303-826.txt",
        "национальных холдингов и компаний",
        "национальные холдинги и компании",
        "group_national_holdings_and_companies",
    ),
    (
        "kz-kk-ukaz-20220303-826.txt",
        "Барлық деңгейдегі әкімдер",
        "барлық деңгейдегі әкімдер",
        "group_all_akims",
    ),
    (
        "kz-kk-ukaz-20220303-826.txt",
        "Облыстардың, республикалық маңызы бар қалалардың, астананың әкімдері",
        "облыстардың, республикалық маңызы бар қалалардың, астананың әкімдері",
        "group_regional_akims",
    ),
    (
        "kz-kk-ukaz-20220303-826.txt",
        "Әкімдіктер мен әкімдер аппараттары",
        "әкімдіктер мен әкімдер аппараттары",
        "group_akimats_and_akim_offices",
    ),
    (
        "kz-kk-ukaz-20220303-826.txt",
        "Қазақстан Республикасының Үкіметі",
        "Қазақстан Республикасының Үкіметі",
        "government",
    ),
    (
        "kz-kk-ukaz-20220303-826.txt",
        "ұлттық холдингтер мен компаниялар",
        "ұлттық холдингтер мен компаниялар",
        "group_national_holdings_and_companies",
    ),
    (
        "kz-ru-ukaz-20220503-a167469.txt",
        "Центральным государственным органам",
        "центральные государственные органы",
        "group_central_state_bodies",
    ),
    (
        "kz-ru-ukaz-20220503-a167469.txt",
        "местным представительным и исполнительным органам",
        "местные представительные и исполнительные органы",
        "group_local_representative_and_executive_bodies",
    ),
    (
        "kz-kk-ukaz-20220503-a167469.txt",
        "Орталық мемлекеттік органдар",
        "орталық мемлекеттік органдар",
        "group_central_state_bodies",
    ),
    (
        "kz-kk-ukaz-20220503-a167469.txt",
        "жергілікті өкілді және атқарушы органдары",
        "жергілікті өкілді және атқарушы органдар",
        "group_local_representative_and_executive_bodies",
    ),
    (
        "kz-ru-ukaz-20231005-366.txt",
        "Генеральной прокуратуре Республики Казахстан",
        "Генеральная прокуратура Республики Казахстан",
        "prosecutor_general_office",
    ),
    (
        "kz-ru-ukaz-20231005-366.txt",
        "Комитет по возврату активов Генеральной прокуратуры Республики Казахстан",
        "Комитет по возврату активов Генеральной прокуратуры Республики Казахстан",
        "asset_recovery_committee",
    ),
    (
        "kz-ru-ukaz-20231005-366.txt",
        "заинтересованными государственными органами",
        "заинтересованные государственные органы",
        "group_interested_state_bodies",
    ),
    (
        "kz-kk-ukaz-20231005-366.txt",
        "Қазақстан Республикасының Бас прокуратурасы",
        "Қазақстан Республикасының Бас прокуратурасы",
        "prosecutor_general_office",
    ),
    (
        "kz-kk-ukaz-20231005-366.txt",
        "Қазақстан Республикасы Бас прокуратурасының Активтерді қайтару жөніндегі комитеті",
        "Қазақстан Республикасы Бас прокуратурасының Активтерді қайтару жөніндегі комитеті",
        "asset_recovery_committee",
    ),
    (
        "kz-kk-ukaz-20231005-366.txt",
        "мүдделі мемлекеттік органдармен",
        "мүдделі мемлекеттік органдар",
        "group_interested_state_bodies",
    ),
    (
        "kz-ru-ukaz-20240902-a200256.txt",
        "Центральную избирательную комиссию Республики Казахстан",
        "Центральная избирательная комиссия Республики Казахстан",
        "cec",
    ),
    (
        "kz-ru-ukaz-20240902-a200256.txt",
        "территориальные и участковые избирательные комиссии",
        "территориальные и участковые избирательные комиссии",
        "group_election_commissions",
    ),
    (
        "kz-ru-ukaz-20240902-a200256.txt",
        "центральными государственными и местными исполнительными органами Республики Казахстан",
        "центральные государственные и местные исполнительные органы Республики Казахстан",
        "group_central_and_local_executive_bodies",
    ),
    (
        "kz-kk-ukaz-20240902-a200256.txt",
        "Қазақстан Республикасының Орталық сайлау комиссиясына",
        "Қазақстан Республикасының Орталық сайлау комиссиясы",
        "cec",
    ),
    (
        "kz-kk-ukaz-20240902-a200256.txt",
        "орталық мемлекеттік органдарымен және жергілікті атқарушы органдарымен",
        "орталық мемлекеттік органдар және жергілікті атқарушы органдар",
        "group_central_and_local_executive_bodies",
    ),
    (
        "kz-ru-ukaz-20250318-a208242.txt",
        "Агентство Республики Казахстан по атомной энергии",
        "Агентство Республики Казахстан по атомной энергии",
        "atomic_energy_agency",
    ),
    (
        "kz-ru-ukaz-20250318-a208242.txt",
        "Министерства энергетики Республики Казахстан",
        "Министерство энергетики Республики Казахстан",
        "energy",
    ),
    (
        "kz-ru-ukaz-20250318-a208242.txt",
        "Администрации Президента Республики Казахстан",
        "Администрация Президента Республики Казахстан",
        "administration_president",
    ),
    (
        "kz-kk-ukaz-20250318-a208242.txt",
        "Қазақстан Республикасының Атом энергиясы жөніндегі агенттігі",
        "Қазақстан Республикасының Атом энергиясы жөніндегі агенттігі",
        "atomic_energy_agency",
    ),
    (
        "kz-kk-ukaz-20250318-a208242.txt",
        "Қазақстан Республикасы Президентінің Әкімшілігі",
        "Қазақстан Республикасы Президентінің Әкімшілігі",
        "administration_president",
    ),
    (
        "kz-kk-ukaz-20250318-a208242.txt",
        "Қазақстан Республикасының Энергетика министрлігінен",
        "Қазақстан Республикасының Энергетика министрлігі",
        "energy",
    ),
    # Government resolutions (постановление / қаулы)
    (
        "kz-ru-postanovlenie-20210315-a153979.txt",
        "Министерству образования и науки Республики Казахстан",
        "Министерство образования и науки Республики Казахстан",
        "mes",
    ),
    (
        "kz-kk-postanovlenie-20210315-a153979.txt",
        "Қазақстан Республикасы Білім және ғылым министрлігі",
        "Қазақстан Республикасының Білім және ғылым министрлігі",
        "mes",
    ),
    (
        "kz-ru-postanovlenie-20220525-a168134.txt",
        "Комитету лесного хозяйства и животного мира Министерства экологии, геологии и природных ресурсов Республики Казахстан",
        "Комитет лесного хозяйства и животного мира Министерства экологии, геологии и природных ресурсов Республики Казахстан",
        "mepr_forestry_committee",
    ),
    (
        "kz-ru-postanovlenie-20220525-a168134.txt",
        "Акимату Западно-Казахстанской области",
        "Акимат Западно-Казахстанской области",
        "akimat_west_kazakhstan",
    ),
    (
        "kz-ru-postanovlenie-20220525-a168134.txt",
        "Министерству экологии, геологии и природных ресурсов Республики Казахстан",
        "Министерство экологии, геологии и природных ресурсов Республики Казахстан",
        "mepr",
    ),
    (
        "kz-kk-postanovlenie-20220525-a168134.txt",
        "Қазақстан Республикасы Экология, геология және табиғи ресурстар министрлігінің Орман шаруашылығы және жануарлар дүниесі комитеті",
        "Қазақстан Республикасы Экология, геология және табиғи ресурстар министрлігінің Орман шаруашылығы және жануарлар дүниесі комитеті",
        "mepr_forestry_committee",
    ),
    (
        "kz-kk-postanovlenie-20220525-a168134.txt",
        "Батыс Қазақстан облысының әкімдігі",
        "Батыс Қазақстан облысының әкімдігі",
        "akimat_west_kazakhstan",
    ),
    (
        "kz-kk-postanovlenie-20220525-a168134.txt",
        "Қазақстан Республикасының Экология, геология және табиғи ресурстар министрлігі",
        "Қазақстан Республикасының Экология, геология және табиғи ресурстар министрлігі",
        "mepr",
    ),
    (
        "kz-ru-postanovlenie-20230120-a178224.txt",
        "Комитету государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "Комитет государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "mf_state_property_committee",
    ),
    (
        "kz-ru-postanovlenie-20230120-a178224.txt",
        "Комитету геологии Министерства индустрии и инфраструктурного развития Республики Казахстан",
        "Комитет геологии Министерства индустрии и инфраструктурного развития Республики Казахстан",
        "geology_committee",
    ),
    (
        "kz-ru-postanovlenie-20230120-a178224.txt",
        "Министерству индустрии и инфраструктурного развития Республики Казахстан",
        "Министерство индустрии и инфраструктурного развития Республики Казахстан",
        "miid",
    ),
    (
        "kz-ru-postanovlenie-20230120-a178224.txt",
        "Министерству экологии и природных ресурсов Республики Казахстан",
        "Министерство экологии и природных ресурсов Республики Казахстан",
        "mepr",
    ),
    (
        "kz-ru-postanovlenie-20230316-a179116.txt",
        "Министерство науки и высшего образования Республики Казахстан",
        "Министерство науки и высшего образования Республики Казахстан",
        "mnvo",
    ),
    (
        "kz-ru-postanovlenie-20230316-a179116.txt",
        "Министерство сельского хозяйства Республики Казахстан",
        "Министерство сельского хозяйства Республики Казахстан",
        "msh",
    ),
    (
        "kz-ru-postanovlenie-20230316-a179116.txt",
        "Министерство здравоохранения Республики Казахстан",
        "Министерство здравоохранения Республики Казахстан",
        "mz",
    ),
    (
        "kz-ru-postanovlenie-20230316-a179116.txt",
        "Министерству иностранных дел Республики Казахстан",
        "Министерство иностранных дел Республики Казахстан",
        "mfa",
    ),
    (
        "kz-kk-postanovlenie-20230316-a179116.txt",
        "Қазақстан Республикасының Экология және табиғи ресурстар министрлігі",
        "Қазақстан Республикасының Экология және табиғи ресурстар министрлігі",
        "mepr",
    ),
    (
        "kz-kk-postanovlenie-20230316-a179116.txt",
        "Қазақстан Республикасының Ғылым және жоғары білім министрлігі",
        "Қазақстан Республикасының Ғылым және жоғары білім министрлігі",
        "mnvo",
    ),
    (
        "kz-kk-postanovlenie-20230316-a179116.txt",
        "Қазақстан Республикасының Ауыл шаруашылығы министрлігі",
        "Қазақстан Республикасының Ауыл шаруашылығы министрлігі",
        "msh",
    ),
    (
        "kz-kk-postanovlenie-20230316-a179116.txt",
        "Қазақстан Республикасының Денсаулық сақтау министрлігі",
        "Қазақстан Республикасының Денсаулық сақтау министрлігі",
        "mz",
    ),
    (
        "kz-kk-postanovlenie-20230316-a179116.txt",
        "Қазақстан Республикасының Сыртқы істер министрлігі",
        "Қазақстан Республикасының Сыртқы істер министрлігі",
        "mfa",
    ),
    (
        "kz-ru-postanovlenie-20240125-36.txt",
        "Министерству водных ресурсов и ирригации Республики Казахстан",
        "Министерство водных ресурсов и ирригации Республики Казахстан",
        "mvri",
    ),
    (
        "kz-ru-postanovlenie-20240125-36.txt",
        "Комитета водного хозяйства Министерства водных ресурсов и ирригации Республики Казахстан",
        "Комитет водного хозяйства Министерства водных ресурсов и ирригации Республики Казахстан",
        "mvri_water_committee",
    ),
    (
        "kz-ru-postanovlenie-20240125-36.txt",
        "Комитету государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "Комитет государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "mf_state_property_committee",
    ),
    (
        "kz-kk-postanovlenie-20240125-36.txt",
        "Қазақстан Республикасының Экология және табиғи ресурстар министрлігі",
        "Қазақстан Республикасының Экология және табиғи ресурстар министрлігі",
        "mepr",
    ),
    (
        "kz-kk-postanovlenie-20240125-36.txt",
        "Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік мүлік және жекешелендіру комитеті",
        "Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік мүлік және жекешелендіру комитеті",
        "mf_state_property_committee",
    ),
    (
        "kz-ru-postanovlenie-20240131-a193534.txt",
        "Комитету науки Министерства науки и высшего образования Республики Казахстан",
        "Комитет науки Министерства науки и высшего образования Республики Казахстан",
        "mnvo_science_committee",
    ),
    (
        "kz-kk-postanovlenie-20240131-a193534.txt",
        "Қазақстан Республикасы Ғылым және жоғары білім министрлігінің Ғылым комитеті",
        "Қазақстан Республикасы Ғылым және жоғары білім министрлігінің Ғылым комитеті",
        "mnvo_science_committee",
    ),
    (
        "kz-ru-postanovlenie-20240205-a193079.txt",
        "Комитет рыбного хозяйства Министерства сельского хозяйства Республики Казахстан",
        "Комитет рыбного хозяйства Министерства сельского хозяйства Республики Казахстан",
        "fisheries_committee",
    ),
    (
        "kz-ru-postanovlenie-20240205-a193079.txt",
        "Министерству сельского хозяйства Республики Казахстан",
        "Министерство сельского хозяйства Республики Казахстан",
        "msh",
    ),
    (
        "kz-ru-postanovlenie-20240205-a193079.txt",
        "Министерством экологии и природных ресурсов Республики Казахстан",
        "Министерство экологии и природных ресурсов Республики Казахстан",
        "mepr",
    ),
    (
        "kz-ru-postanovlenie-20240205-a193079.txt",
        "Комитетом государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "Комитет государственного имущества и приватизации Министерства финансов Республики Казахстан",
        "mf_state_property_committee",
    ),
    (
        "kz-kk-postanovlenie-20240205-a193079.txt",
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің Балық шаруашылығы комитеті",
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің Балық шаруашылығы комитеті",
        "fisheries_committee",
    ),
    (
        "kz-kk-postanovlenie-20240205-a193079.txt",
        "Қазақстан Республикасының Ауыл шаруашылығы министрлігі",
        "Қазақстан Республикасының Ауыл шаруашылығы министрлігі",
        "msh",
    ),
    # Decisions of the akim of Almaty region, 1997-2000 (local and relative references)
    (
        "kz-ru-reshenie-akima-19970401-a1811.txt",
        "Акимам районов",
        "акимы районов",
        "group_district_akims",
    ),
    (
        "kz-ru-reshenie-akima-19970401-a1811.txt",
        "Государственной инспекции гортехнадзора областного управления по чрезвычайным ситуациям",
        "Государственная инспекция гортехнадзора областного управления по чрезвычайным ситуациям",
        "group_regional_technical_inspection",
    ),
    (
        "kz-ru-reshenie-akima-19970401-a1811.txt",
        "Областному управлению внутренних дел",
        "областное управление внутренних дел",
        "group_regional_department_internal_affairs",
    ),
    (
        "kz-ru-reshenie-akima-19970401-a1811.txt",
        'АО "Алматыгаз"',
        "АО «Алматыгаз»",
        "almatygaz",
    ),
    (
        "kz-ru-reshenie-akima-19970401-a1811.txt",
        "на областное управление по чрезвычайным ситуациям",
        "областное управление по чрезвычайным ситуациям",
        "group_regional_department_emergencies",
    ),
    (
        "kz-kk-reshenie-akima-19970401-a1811.txt",
        "Аудандардың әкiмдерi",
        "аудандардың әкімдері",
        "group_district_akims",
    ),
    (
        "kz-kk-reshenie-akima-19970401-a1811.txt",
        "Облыстық төтенше жағдайлар жөнiндегi басқарманың мемлекеттiк қалалық техникалық қадағалау инспекциясы",
        "облыстық төтенше жағдайлар жөніндегі басқарманың мемлекеттік қалалық техникалық қадағалау инспекциясы",
        "group_regional_technical_inspection",
    ),
    (
        "kz-kk-reshenie-akima-19970401-a1811.txt",
        "Облыстық iшкi iстер басқармасы",
        "облыстық ішкі істер басқармасы",
        "group_regional_department_internal_affairs",
    ),
    (
        "kz-kk-reshenie-akima-19970401-a1811.txt",
        '"Алматыгаз" АҚ',
        "«Алматыгаз» АҚ",
        "almatygaz",
    ),
    (
        "kz-kk-reshenie-akima-19970401-a1811.txt",
        "облыстық төтенше жағдайлар жөнiндегi басқармаға",
        "облыстық төтенше жағдайлар жөніндегі басқарма",
        "group_regional_department_emergencies",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "Акимам районов и сельских (поселковых) округов",
        "акимы районов и сельских (поселковых) округов",
        "group_district_and_rural_akims",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "облсельхозуправлению",
        "облсельхозуправление",
        "group_regional_department_agriculture",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "областному лесохозяйственному объединению",
        "областное лесохозяйственное объединение",
        "group_regional_forestry_association",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "Иле-Алатаускому государственному национальному природному парку",
        "Иле-Алатауский государственный национальный природный парк",
        "ile_alatau_national_park",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "авиаотделению базы авиационной охраны лесов",
        "Авиаотделение базы авиационной охраны лесов",
        "forest_aviation_unit",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "облуправлению экобиоресурсов",
        "облуправление экобиоресурсов",
        "group_regional_department_ecology",
    ),
    (
        "kz-ru-reshenie-akima-19970403-a1576.txt",
        "областному Совету общества охраны природы",
        "областной совет общества охраны природы",
        "group_regional_nature_protection_society",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "Аудандардың және селолық (поселкелiк) округтердiң әкiмдерi",
        "аудандардың және селолық (поселкелік) округтердің әкімдері",
        "group_district_and_rural_akims",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "облыстық ауылшаруашылығы басқармасы",
        "облыстық ауылшаруашылығы басқармасы",
        "group_regional_department_agriculture",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "облыстық орман шаруашылығы бiрлестiгi",
        "облыстық орман шаруашылығы бірлестігі",
        "group_regional_forestry_association",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "Iле-Алатау мемлекеттiк ұлттық табиғат бағы",
        "Іле-Алатау мемлекеттік ұлттық табиғат бағы",
        "ile_alatau_national_park",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "ормандарды авиациялық қорғау базасының авиабөлiмшесi",
        "Ормандарды авиациялық қорғау базасының авиабөлімшесі",
        "forest_aviation_unit",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "облыстық экобиоресурстар басқармасы",
        "облыстық экобиоресурстар басқармасы",
        "group_regional_department_ecology",
    ),
    (
        "kz-kk-reshenie-akima-19970403-a1576.txt",
        "облыстық табиғат қорғау қоғамының Кеңесi",
        "облыстық табиғат қорғау қоғамының кеңесі",
        "group_regional_nature_protection_society",
    ),
    (
        "kz-ru-reshenie-akima-19970527-5-150.txt",
        "Акимам районов и городов",
        "акимы районов и городов",
        "group_district_and_city_akims",
    ),
    (
        "kz-ru-reshenie-akima-19970527-5-150.txt",
        "руководителям комитетов и управлений",
        "руководители комитетов и управлений",
        "group_regional_department_heads",
    ),
    (
        "kz-ru-reshenie-akima-19970527-5-150.txt",
        "отдел организационно-инспекторской и кадровой работы аппарата акима области",
        "отдел организационно-инспекторской и кадровой работы аппарата акима области",
        "group_regional_akim_office_personnel_department",
    ),
    (
        "kz-kk-reshenie-akima-19970527-5-150.txt",
        "Аудандардың және қалалардың әкiмдерi",
        "аудандардың және қалалардың әкімдері",
        "group_district_and_city_akims",
    ),
    (
        "kz-kk-reshenie-akima-19970527-5-150.txt",
        "комитеттер мен басқармалардың басшылары",
        "комитеттер мен басқармалардың басшылары",
        "group_regional_department_heads",
    ),
    (
        "kz-kk-reshenie-akima-19970527-5-150.txt",
        "облыс аппаратының ұйымдық-инспекторлық және кадрлармен жұмыс бөлiмiне",
        "облыс аппаратының ұйымдық-инспекторлық және кадрлармен жұмыс бөлімі",
        "group_regional_akim_office_personnel_department",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "Талдыкорганскому объединениям лесного и охотничьего хозяйства",
        "Талдыкорганское объединение лесного и охотничьего хозяйства",
        "taldykorgan_forestry_association",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "акимов районов, городов и сельпосокругов",
        "акимы районов, городов и сельпосокругов",
        "group_district_and_rural_akims",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        'Алматинским казенным предприятием автомобильных дорог "Алматыавтодор"',
        "Алматинское казенное предприятие автомобильных дорог «Алматыавтодор»",
        "almatyavtodor",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "облуправления экологии и биоресурсов",
        "облуправление экологии и биоресурсов",
        "group_regional_department_ecology",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "Комитетом лесного и охотничьего хозяйства Министерства сельского хозяйства Республики Казахстан",
        "Комитет лесного и охотничьего хозяйства Министерства сельского хозяйства Республики Казахстан",
        "mepr_forestry_committee",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "областным объединениям лесных и охотничьих хозяйств",
        "областные объединения лесных и охотничьих хозяйств",
        "group_regional_forestry_association",
    ),
    (
        "kz-ru-reshenie-akima-19980205-2-46.txt",
        "Иле-Алатауским государственным национальным природным парком",
        "Иле-Алатауский государственный национальный природный парк",
        "ile_alatau_national_park",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "Аудандар мен қалалардың әкiмдерi",
        "аудандар мен қалалардың әкімдері",
        "group_district_and_city_akims",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "Талдықорған орман және аң шаруашылығы бiрлестiктерiмен",
        "Талдықорған орман және аң шаруашылығы бірлестігі",
        "taldykorgan_forestry_association",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        '"Алматыавтожол" қазыналық кәсiпорны',
        "«Алматыавтожол» қазыналық кәсіпорны",
        "almatyavtodor",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "Облыстың экология және биоресурстар басқармасының",
        "облыстың экология және биоресурстар басқармасы",
        "group_regional_department_ecology",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "Қазақстан Республикасы Ауыл шаруашылығы министрлiгiнiң Орман және аң шаруашылығы комитетiмен",
        "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің Орман және аң шаруашылығы комитеті",
        "mepr_forestry_committee",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "орман және аң шаруашылығының облыстық бiрлестiктерi",
        "орман және аң шаруашылығының облыстық бірлестіктері",
        "group_regional_forestry_association",
    ),
    (
        "kz-kk-reshenie-akima-19980205-2-46.txt",
        "Iле-Алатау мемлекеттiк ұлттық табиғи паркiмен",
        "Іле-Алатау мемлекеттік ұлттық табиғи паркі",
        "ile_alatau_national_park",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "Заместителям Акима области",
        "заместители акима области",
        "group_deputy_regional_akims",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "руководителям областных управлений, комитетов и предприятий",
        "руководители областных управлений, комитетов и предприятий",
        "group_regional_department_heads",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "областного управления дорожного и коммунального хозяйства",
        "областное управление дорожного и коммунального хозяйства",
        "group_regional_department_roads_and_utilities",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "областного финансового управления",
        "областное финансовое управление",
        "group_regional_department_finance",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "Алматинское государственное учреждение автомобильных дорог",
        "Алматинское государственное учреждение автомобильных дорог",
        "almaty_roads_institution",
    ),
    (
        "kz-ru-reshenie-akima-20000414-4-113.txt",
        "областной штаб",
        "областной штаб",
        "group_regional_headquarters",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "Облыс Әкімінің орынбасарлары",
        "облыс әкімінің орынбасарлары",
        "group_deputy_regional_akims",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "аудандар мен қалалардың әкімдері",
        "аудандар мен қалалардың әкімдері",
        "group_district_and_city_akims",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "Облыстық жол және коммуналдық шаруашылық басқармасының",
        "облыстық жол және коммуналдық шаруашылық басқармасы",
        "group_regional_department_roads_and_utilities",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "Облыстық қаржы басқармасының",
        "облыстық қаржы басқармасы",
        "group_regional_department_finance",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "Алматы автомобиль жолдары мемлекеттік мекемесі",
        "Алматы автомобиль жолдары мемлекеттік мекемесі",
        "almaty_roads_institution",
    ),
    (
        "kz-kk-reshenie-akima-20000414-4-113.txt",
        "облыстық штаб",
        "облыстық штаб",
        "group_regional_headquarters",
    ),
    # The Rules of control (decree No. 403 as amended): posts and bodies that control instructions
    (
        "ukaz-403-2023-ru.txt",
        "Руководителем Администрации Президента",
        "Руководитель Администрации Президента",
        "head_administration_president",
    ),
    (
        "ukaz-403-2023-ru.txt",
        "Секретарем Совета Безопасности",
        "Секретарь Совета Безопасности",
        "secretary_security_council",
    ),
    (
        "ukaz-403-2023-ru.txt",
        "Государственному советнику Республики Казахстан",
        "Государственный советник Республики Казахстан",
        "state_counsellor",
    ),
    (
        "ukaz-403-2023-ru.txt",
        "начальником Канцелярии Президента",
        "Начальник Канцелярии Президента",
        "head_president_chancellery",
    ),
    (
        "ukaz-403-2023-ru.txt",
        "Руководителя Аппарата Правительства",
        "Руководитель Аппарата Правительства",
        "head_government_office",
    ),
    (
        "ukaz-403-2023-ru.txt",
        "Ассамблеи народа Казахстана",
        "Ассамблея народа Казахстана",
        "assembly_people",
    ),
    (
        "ukaz-403-2023-kk.txt",
        "Президент Әкімшілігінің Басшысына",
        "Президент Әкімшілігінің Басшысы",
        "head_administration_president",
    ),
    (
        "ukaz-403-2023-kk.txt",
        "Қауіпсіздік Кеңесінің Хатшысына",
        "Қауіпсіздік Кеңесінің Хатшысы",
        "secretary_security_council",
    ),
    (
        "ukaz-403-2023-kk.txt",
        "Қазақстан Республикасының Мемлекеттік кеңесшісі",
        "Қазақстан Республикасының Мемлекеттік кеңесшісі",
        "state_counsellor",
    ),
    (
        "ukaz-403-2023-kk.txt",
        "Үкімет Аппаратының Басшысы",
        "Үкімет Аппаратының Басшысы",
        "head_government_office",
    ),
    (
        "ukaz-403-2023-kk.txt",
        "Қазақстан халқы Ассамблеясы",
        "Қазақстан халқы Ассамблеясы",
        "assembly_people",
    ),
    # Russian presidential orders of 2002: federal bodies of the Russian Federation
    (
        "ru-rasporyazhenie-2002-359-rp.txt",
        "Минобразованию России",
        "Минобразование России",
        "rf_education",
    ),
    (
        "ru-rasporyazhenie-2002-359-rp.txt",
        "Минтруду России",
        "Минтруд России",
        "rf_labour_social_development",
    ),
    (
        "ru-rasporyazhenie-2002-359-rp.txt",
        "Администрацию Президента Российской Федерации",
        "Администрация Президента Российской Федерации",
        "rf_administration_president",
    ),
    (
        "ru-rasporyazhenie-2002-385-rp.txt",
        "Минюсту России",
        "Минюст России",
        "rf_justice",
    ),
    (
        "ru-rasporyazhenie-2002-391-rp.txt",
        "Правительству Российской Федерации",
        "Правительство Российской Федерации",
        "rf_government",
    ),
    (
        "ru-rasporyazhenie-2002-391-rp.txt",
        "МВД России",
        "МВД России",
        "rf_internal_affairs",
    ),
    (
        "ru-rasporyazhenie-2002-450-rp.txt",
        "ФСБ России",
        "ФСБ России",
        "rf_federal_security_service",
    ),
    (
        "ru-rasporyazhenie-2002-484-rp.txt",
        "ФПС России",
        "ФПС России",
        "rf_federal_border_service",
    ),
    (
        "ru-rasporyazhenie-2002-484-rp.txt",
        "МИДом России",
        "МИД России",
        "rf_foreign_affairs",
    ),
    (
        "ru-rasporyazhenie-2002-484-rp.txt",
        "Минимуществом России",
        "Минимущество России",
        "rf_property_relations",
    ),
    (
        "ru-rasporyazhenie-2002-484-rp.txt",
        "Пограничной службой Российской Федерации",
        "Пограничная служба Российской Федерации",
        "rf_federal_border_service",
    ),
]


def _sample_lang(name: str) -> str:
    return "kk" if name.startswith("kz-kk-") or name.endswith("-kk.txt") else "ru"


# Kazakh acts of the 1990s type the Latin i for the Kazakh і; the matcher folds it, and so does the test.
_LATIN_I_TO_KAZAKH = str.maketrans("iI", "іІ")


def _sample_form(text: str, lang: str) -> str:
    text = text.replace('"', "").replace("«", "").replace("»", "")
    if lang == "kk":
        text = text.translate(_LATIN_I_TO_KAZAKH)
    return _normalise(text)


@cache
def _sample_text(name: str) -> str:
    return _sample_form(
        (SAMPLES_DIR / name).read_text(encoding="utf-8"), _sample_lang(name)
    )


def test_sample_list_names_every_act_with_executors():
    # Every sample act is in the list, the Russian presidential orders (ru-*) with the bodies of
    # the Russian Federation they name (russian_federation.toml).
    listed = {sample for sample, *_ in SAMPLE_EXECUTORS}
    assert {p.name for p in SAMPLES_DIR.glob("*.txt")} - listed == set()


def test_russian_federation_ids_are_marked():
    # Bodies of another state never share an id pattern with Kazakhstan's: registry ids stay apart.
    assert all(e.id.startswith("rf_") for e in load_file("russian_federation"))
    assert not [e.id for name in FILES if name != "russian_federation" for e in load_file(name) if e.id.startswith("rf_")]


@pytest.mark.parametrize(("sample", "surface", "nominative", "eid"), SAMPLE_EXECUTORS)
def test_sample_executor_is_covered(sample, surface, nominative, eid):
    lang = _sample_lang(sample)
    assert _sample_form(surface, lang) in _sample_text(sample), (
        f"{surface!r} is not in {sample}"
    )
    families = [e.id for e in all_entries().values() if "{fields}" in e.name_ru]
    if eid not in all_entries() or any(eid.startswith(f + "_") for f in families):
        # a member of a family («областное управление {fields}»): the gazetteer spells it out
        entry = _family_gazetteer().lookup(nominative, lang)
        assert entry is not None and entry.id == eid, f"{nominative!r} resolves to {entry and entry.id}, not {eid}"
        return
    entry = all_entries()[eid]
    assert _sample_form(nominative, lang) in {
        _sample_form(w, lang) for w in entry.wordings(lang)
    }, f"{eid} has no wording {nominative!r}"
