"""The akimats and akims of the cities of regional significance (corpora/gazetteer/cities.toml):
every city named alike in both languages, found in any case form and under its former names, and
named as an executor of regional acts."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache

import pytest
from tapsyrma.corpora import data_path
from tapsyrma.parser.executors import find_executors
from tapsyrma.parser.gazetteer import gazetteer

# «Акимат города Талдыкорган» / «Талдықорған қаласының әкімдігі»: the city's name in each language
# between the words that make the akimat or the akim of a city.
PATTERNS = {
    ("body", "ru"): re.compile(r"Акимат города (?P<city>\S+)"),
    ("body", "kk"): re.compile(r"(?P<city>\S+) қаласының әкімдігі"),
    ("official", "ru"): re.compile(r"Аким города (?P<city>\S+)"),
    ("official", "kk"): re.compile(r"(?P<city>\S+) қаласының әкімі"),
}


@cache
def _raw_entries() -> tuple[dict, ...]:
    with (data_path("gazetteer") / "cities.toml").open("rb") as fh:
        return tuple(tomllib.load(fh)["entry"])


def _city(entry: dict, lang: str, names: dict | None = None) -> str:
    match = PATTERNS[(entry["kind"], lang)].fullmatch((names or entry)[f"name_{lang}"])
    assert match, f"{entry['id']}: {(names or entry)[f'name_{lang}']!r} is not a city's akimat or akim"
    return match["city"]


def test_every_city_has_an_akimat_and_its_akim_named_alike_in_both_languages():
    entries = {e["id"]: e for e in _raw_entries()}
    akimats = {eid[len("akimat_city_"):] for eid, e in entries.items() if e["kind"] == "body"}
    akims = {eid[len("akim_city_"):] for eid, e in entries.items() if e["kind"] == "official"}
    assert akimats == akims and len(akimats) * 2 == len(entries)
    assert set(entries) == {f"{prefix}_city_{city}" for city in akimats for prefix in ("akimat", "akim")}
    for city in akimats:
        akimat, akim = entries[f"akimat_city_{city}"], entries[f"akim_city_{city}"]
        assert akim["parent"] == akimat["id"] and "parent" not in akimat
        for lang in ("ru", "kk"):
            assert _city(akimat, lang) == _city(akim, lang), city
        # the akim bore the akimat's former names, on the same dates, in both languages
        assert [f["until"] for f in akim.get("former", [])] == [f["until"] for f in akimat.get("former", [])], city
        for akimat_former, akim_former in zip(akimat.get("former", []), akim.get("former", [])):
            for lang in ("ru", "kk"):
                assert _city(akimat, lang, akimat_former) == _city(akim, lang, akim_former), city


def test_the_cities_of_republican_significance_stay_in_regions():
    names = gazetteer()
    assert names.lookup("акимату города Алматы", "ru").id == "akimat_almaty"
    assert names.lookup("Шымкент қаласының әкіміне", "kk").id == "akim_shymkent"
    assert names.lookup("Ақтөбе облысының әкімдігі", "kk").id == "akimat_aktobe"
    assert names.lookup("Ақтөбе қаласының әкімдігі", "kk").id == "akimat_city_aktobe"
    assert names.officials_of("akimat_city_taldykorgan") == (names.get("akim_city_taldykorgan"),)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Russian: dative, instrumental, genitive; the city declined or not, «города» or «г.»
        ("акиму города Талдыкорган", "ru", "akim_city_taldykorgan"),
        ("Акимату города Талдыкоргана", "ru", "akimat_city_taldykorgan"),
        ("акимом города Текели", "ru", "akim_city_tekeli"),
        ("акимата города Павлодар", "ru", "akimat_city_pavlodar"),
        ("акиматом города Павлодара", "ru", "akimat_city_pavlodar"),
        ("Акиму города Усть-Каменогорска", "ru", "akim_city_ust_kamenogorsk"),
        ("акимату г. Семей", "ru", "akimat_city_semey"),
        ("акиму г.Текели", "ru", "akim_city_tekeli"),
        ("Акиму города Сатпаева", "ru", "akim_city_satpayev"),
        ("акимом г. Сатпаев", "ru", "akim_city_satpayev"),
        ("акиму города Кызылорды", "ru", "akim_city_kyzylorda"),
        # Kazakh: dative, instrumental, genitive, and the izafet «қаласы әкімі»
        ("Талдықорған қаласының әкімдігіне", "kk", "akimat_city_taldykorgan"),
        ("Талдықорған қаласының әкіміне", "kk", "akim_city_taldykorgan"),
        ("Қонаев қаласының әкімдігіне", "kk", "akimat_city_konaev"),
        ("Семей қаласының әкімдігімен", "kk", "akimat_city_semey"),
        ("Екібастұз қаласы әкімінің", "kk", "akim_city_ekibastuz"),
        ("Өскемен қаласының әкіміне", "kk", "akim_city_ust_kamenogorsk"),
        ("Сәтбаев қаласының әкімі", "kk", "akim_city_satpayev"),
        ("Жаңаөзен қаласының әкімдігінің", "kk", "akimat_city_zhanaozen"),
    ],
)
def test_akimats_and_akims_are_found_in_any_case_form(text, lang, expected):
    found = gazetteer().lookup(text, lang)
    assert found is not None and found.id == expected, f"{text!r} resolves to {found and found.id}"


@pytest.mark.parametrize(
    ("text", "lang", "expected", "until"),
    [
        ("акиму г. Семипалатинска", "ru", "akim_city_semey", "2007-06-21"),
        ("Акимату города Капшагай", "ru", "akimat_city_konaev", "2022-05-03"),
        ("акиму г.Капчагая", "ru", "akim_city_konaev", "2022-05-03"),
        ("Қапшағай қаласының әкімдігіне", "kk", "akimat_city_konaev", "2022-05-03"),
        ("Қапшағай қаласының әкіміне", "kk", "akim_city_konaev", "2022-05-03"),
        ("акимату города Кустаная", "ru", "akimat_city_kostanay", "1997-06-17"),
        ("акиму города Кзыл-Орды", "ru", "akim_city_kyzylorda", "1997-06-17"),
        ("Жамбыл қаласының әкімдігі", "kk", "akimat_city_taraz", "1997-01-08"),
        ("акиму города Актюбинска", "ru", "akim_city_aktobe", "1999-03-11"),
        ("Лениногорск қаласының әкімі", "kk", "akim_city_ridder", "2002-12-31"),
    ],
)
def test_former_names_resolve_to_the_renamed_city(text, lang, expected, until):
    names = gazetteer()
    on = dt.date(1996, 12, 1)
    [match] = names.matches(text, lang, on=on)
    assert match.entry.id == expected and match.via == "former"
    assert match.former.until == dt.date.fromisoformat(until)
    assert names.lookup(text, lang, on=on).id == expected
    assert names.lookup(text, lang).id == expected  # a former name names the city on any date


def test_a_name_kazakh_kept_after_the_russian_renaming_is_in_use_on_both_sides_of_it():
    # Kazakh wrote «Семей» before 2007 as well: on an old date it is the name in use then.
    names = gazetteer()
    [before] = names.matches("Семей қаласының әкімі", "kk", on=dt.date(1998, 1, 1))
    [after] = names.matches("Семей қаласының әкімі", "kk", on=dt.date(2010, 1, 1))
    assert before.entry.id == after.entry.id == "akim_city_semey"
    assert (before.via, after.via) == ("former", "name")


@pytest.mark.parametrize(
    ("text", "lang", "on", "expected", "words"),
    [
        ("Акиму города Текели обеспечить своевременное проведение работ по благоустройству.",
         "ru", None, "akim_city_tekeli", "Акиму города Текели"),
        ("Текелі қаласының әкімі көріктендіру жұмыстарының уақтылы жүргізілуін қамтамасыз етсін.",
         "kk", None, "akim_city_tekeli", "Текелі қаласының әкімі"),
        ("Акиму г. Семипалатинска обеспечить выполнение настоящего решения.",
         "ru", dt.date(1998, 1, 1), "akim_city_semey", "Акиму г. Семипалатинска"),
        ("Қапшағай қаласының әкімі осы шешімнің орындалуын қамтамасыз етсін.",
         "kk", dt.date(1998, 1, 1), "akim_city_konaev", "Қапшағай қаласының әкімі"),
        ("Поручить акиму города Жезказган в месячный срок внести предложения.",
         "ru", None, "akim_city_zhezkazgan", "акиму города Жезказган"),
    ],
)
def test_the_akim_of_a_city_is_the_executor(text, lang, on, expected, words):
    executors, warnings = find_executors(text, lang, on=on)
    assert not warnings
    [executor] = executors
    entry = gazetteer().get(expected)
    assert (executor.id, executor.role, executor.kind, executor.text) == (expected, "lead", "official", words)
    assert (executor.name_ru, executor.name_kk) == (entry.name_ru, entry.name_kk)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Акимату города Талдыкорган совместно с акиматом города Текели в месячный срок разработать план мероприятий.", "ru"),
        ("Талдықорған қаласының әкімдігі Текелі қаласының әкімдігімен бірлесіп бір ай мерзімде іс-шаралар жоспарын әзірлесін.", "kk"),
    ],
)
def test_an_akimat_with_a_co_executor_akimat(text, lang):
    executors, warnings = find_executors(text, lang)
    assert not warnings
    assert [(e.id, e.role) for e in executors] == [("akimat_city_taldykorgan", "lead"), ("akimat_city_tekeli", "co")]
    assert executors[1].name_kk == "Текелі қаласының әкімдігі"


def test_a_city_narrowing_a_group_is_named_in_the_other_language_through_its_akimat():
    # «Қапшағай қаласының» of an act of 1998 is named as the city was called then, and today's
    # act by today's name
    [kk] = find_executors("Қапшағай қаласының жергілікті атқарушы органдары іс-шаралардың орындалуын қамтамасыз етсін.",
                          "kk", on=dt.date(1998, 1, 1))[0]
    assert kk.id == "group_local_executive_bodies" and kk.name_ru.endswith(" города Капшагай")
    [kk] = find_executors("Қонаев қаласының жергілікті атқарушы органдары іс-шаралардың орындалуын қамтамасыз етсін.",
                          "kk", on=dt.date(2024, 1, 1))[0]
    assert kk.name_ru.endswith(" города Конаев")
    [ru] = find_executors("Местным исполнительным органам города Текели обеспечить выполнение мероприятий.", "ru")[0]
    assert ru.id == "group_local_executive_bodies" and ru.name_kk.startswith("Текелі қаласының ")


@pytest.mark.parametrize(
    ("sample", "lang", "words"),
    [
        ("kz-ru-reshenie-akima-19970401-a1811.txt", "ru", "Акимам районов, г.Капчагая, сельских и поселковых округов"),
        ("kz-kk-reshenie-akima-19970401-a1811.txt", "kk", "Аудандардың, Қапшағай қаласының, селолық және поселкелiк округтерiнiң әкiмдерi"),  # Latin i as in the source
    ],
)
def test_a_city_among_groups_of_akims_stays_in_the_group(sample, lang, words):
    # «Акимам районов, г.Капчагая, сельских и поселковых округов:» of a 1997 act and its Kazakh
    # text: one head over districts, a city and rural districts is one group, as «акимам
    # областей, городов Астаны и Алматы» is, though the gazetteer knows the akim of the city
    text = (data_path("samples") / sample).read_text(encoding="utf-8")
    point = next(line for line in text.splitlines() if words in line)
    executors, _ = find_executors(point.removeprefix("1. "), lang, on=dt.date(1997, 4, 1))
    assert [(e.text, e.kind, e.role) for e in executors if e.role == "lead"] == [(words, "group", "lead")]
    # the other language names the group from its conjuncts' names, as the city was called then,
    # joined as the text joins them
    lead = executors[0]
    assert (lead.name_kk if lang == "ru" else lead.name_ru) == {
        "ru": "аудандардың, Қапшағай қаласының, селолық және поселкелік округтердің әкімдері",
        "kk": "акимы районов, города Капшагай, сельских и поселковых округов",
    }[lang]


@pytest.mark.parametrize(
    ("sample", "lang", "words", "other"),
    [
        ("kz-ru-reshenie-akima-20000414-4-113.txt", "ru", "Акимам районов и гг. Капчагай, Талдыкорган и Текели",
         "аудандардың және Қапшағай, Талдықорған және Текелі қалаларының әкімдері"),
        ("kz-kk-reshenie-akima-20000414-4-113.txt", "kk", "Аудандар мен Қапшағай, Талдықорған, Текелі қалаларының әкімдері",
         "акимы районов и городов Капшагай, Талдыкорган и Текели"),
    ],
)
def test_cities_listed_under_one_place_noun_share_it(sample, lang, words, other):
    # «Акимам районов и гг. Капчагай, Талдыкорган и Текели» (4-113, п.3): the bare names take
    # the noun one of them bears; the other language names the cities under one plural noun
    text = (data_path("samples") / sample).read_text(encoding="utf-8")
    point = next(line for line in text.splitlines() if words in line)
    executors, _ = find_executors(point.removeprefix("3. "), lang, on=dt.date(2000, 4, 14))
    lead = executors[0]
    assert (lead.text, lead.kind, lead.id) == (words, "group", None)
    assert (lead.name_kk if lang == "ru" else lead.name_ru) == other


@pytest.mark.parametrize(
    ("lang", "text", "words", "other"),
    [
        # synthetic, after 4-113 Appendix 1 row 4 («заместители Акимов районов и городов Талдыкорган ...»)
        ("ru", "Заместителям акимов районов и городов Талдыкорган, Капчагай и Текели обеспечить готовность.",
         "Заместителям акимов районов и городов Талдыкорган, Капчагай и Текели",
         "аудандар және Талдықорған, Қапшағай және Текелі қалалары әкімдерінің орынбасарлары"),
        ("kk", "Аудандар мен Қапшағай, Талдықорған және Текелі қалалары әкімдерінің орынбасарлары дайындықты қамтамасыз етсін.",
         "Аудандар мен Қапшағай, Талдықорған және Текелі қалалары әкімдерінің орынбасарлары",
         "заместители акимов районов и городов Капшагай, Талдыкорган и Текели"),
    ],
)
def test_deputies_of_the_akims_of_districts_and_cities_are_one_group_named_in_the_other_language(lang, text, words, other):
    # the head's own head («акимов», «әкімдерінің») is shared by every conjunct as the head is
    executors, _ = find_executors(text, lang, on=dt.date(2000, 4, 14))
    assert [(e.text, e.kind, e.id) for e in executors] == [(words, "group", None)]
    assert (executors[0].name_kk if lang == "ru" else executors[0].name_ru) == other


@pytest.mark.parametrize("text", [
    # synthetic: the cities' deputies, the city by its name of 2000 in the Russian spelling of then
    "Заместителям акимов гг. Талдыкорган, Капчагай и Текели обеспечить готовность.",
    "Заместителям акимов городов Талдыкорган, Капчагай и Текели обеспечить готовность.",
])
def test_deputies_of_listed_cities_are_the_deputies_of_each_akim(text):
    executors, _ = find_executors(text, "ru", on=dt.date(2000, 4, 14))
    assert [e.id for e in executors] == ["deputy_of_akim_city_taldykorgan", "deputy_of_akim_city_konaev", "deputy_of_akim_city_tekeli"]


@pytest.mark.parametrize(("lang", "text", "words", "other"), [
    # synthetic: two conjuncts joined by a conjunction alone, no comma
    ("kk", "Аудандардың және Қапшағай қаласының әкімдері жылу беру маусымына дайындықты қамтамасыз етсін.",
     "Аудандардың және Қапшағай қаласының әкімдері", "акимы районов и города Капшагай"),
    ("ru", "Акимам районов и сельских округов обеспечить подготовку к отопительному сезону.",
     "Акимам районов и сельских округов", "аудандардың және селолық және поселкелік округтердің әкімдері"),
])
def test_two_groups_of_akims_joined_by_a_conjunction_are_named_in_the_other_language(lang, text, words, other):
    executors, _ = find_executors(text, lang, on=dt.date(2000, 4, 14))
    assert [(e.text, e.kind, e.id) for e in executors] == [(words, "group", None)]
    assert (executors[0].name_kk if lang == "ru" else executors[0].name_ru) == other
