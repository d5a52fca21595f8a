"""The territorial bodies of central state bodies in a region (corpora/gazetteer/territorial.toml):
a police department, an emergencies department, the region's prosecutor's office ... found in any
case form and named as executors of regional acts, narrowed to the region the act writes, with
the region in both languages."""

from __future__ import annotations

import tomllib

import pytest
from tapsyrma.corpora import data_path
from tapsyrma.parser.executors import find_executors
from tapsyrma.parser.gazetteer import gazetteer


def _entries() -> list[dict]:
    with (data_path("gazetteer") / "territorial.toml").open("rb") as fh:
        return tomllib.load(fh)["entry"]


def test_every_entry_is_a_territorial_group():
    entries = _entries()
    assert entries
    for entry in entries:
        assert entry["kind"] == "group" and entry["id"].startswith("group_territorial_"), entry["id"]
        assert entry["members"] == entry["id"].removeprefix("group_"), entry["id"]
        # the narrowing frames put the Russian place after the name and the Kazakh one before it
        assert gazetteer().lookup(entry["name_ru"], "ru").id == entry["id"]
        assert gazetteer().lookup(entry["name_kk"], "kk").id == entry["id"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Департаментом полиции", "ru", "group_territorial_police"),
        ("Полиция департаментімен", "kk", "group_territorial_police"),
        ("Департамента по чрезвычайным ситуациям", "ru", "group_territorial_emergencies"),
        ("Төтенше жағдайлар департаментінің", "kk", "group_territorial_emergencies"),
        ("Департаменту государственных доходов", "ru", "group_territorial_state_revenue"),
        ("Мемлекеттік кірістер департаментіне", "kk", "group_territorial_state_revenue"),
        ("Департаменте юстиции", "ru", "group_territorial_justice"),
        ("Әділет департаментінде", "kk", "group_territorial_justice"),
        ("Санитариялық-эпидемиологиялық бақылау департаментінен", "kk", "group_territorial_sanitary_control"),
        ("Прокуратурой", "ru", "group_territorial_prosecutor"),
        ("прокуратурасына", "kk", "group_territorial_prosecutor"),
        ("Департаментом по делам обороны", "ru", "group_territorial_defence"),
        ("Қорғаныс істері жөніндегі департаментімен", "kk", "group_territorial_defence"),
        ("Департаменту КНБ", "ru", "group_territorial_national_security"),
        ("Департаменту полиции на транспорте", "ru", "group_territorial_transport_police"),
        # earlier names and abbreviations are the same body
        ("Департаменту внутренних дел", "ru", "group_territorial_police"),
        ("ГУВД", "ru", "group_territorial_police"),
        ("Ішкі істер бас басқармасына", "kk", "group_territorial_police"),
        ("ДЧС", "ru", "group_territorial_emergencies"),
        ("Налоговым департаментом", "ru", "group_territorial_state_revenue"),
        ("Департаменту охраны общественного здоровья", "ru", "group_territorial_sanitary_control"),
        ("Военному комиссариату", "ru", "group_territorial_defence"),
        # the wordings of other groups and bodies keep them
        ("органам прокуратуры", "ru", "group_prosecution_bodies"),
        ("Генеральной прокуратуре", "ru", "prosecutor_general_office"),
        ("Бас прокуратурасына", "kk", "prosecutor_general_office"),
    ],
)
def test_lookup_in_case_forms(text, lang, expected):
    assert gazetteer().lookup(text, lang).id == expected


# The sentences are synthetic, written as akimats' resolutions address the territorial bodies of
# the region: the Russian and the Kazakh of one point give one id and the same names.
REGION_RU = "Карагандинской области"
REGION_KK = "Қарағанды облысының"

ADDRESSED = [
    (
        "Рекомендовать Департаменту полиции Карагандинской области (по согласованию) обеспечить охрану общественного порядка.",
        "Қарағанды облысының Полиция департаментіне (келісім бойынша) қоғамдық тәртіпті қамтамасыз ету ұсынылсын.",
        "group_territorial_police",
        "Департамент полиции Карагандинской области",
        "Қарағанды облысының Полиция департаменті",
    ),
    (
        "Рекомендовать Департаменту по чрезвычайным ситуациям Карагандинской области (по согласованию) обеспечить готовность сил.",
        "Қарағанды облысының Төтенше жағдайлар департаментіне (келісім бойынша) күштердің әзірлігін қамтамасыз ету ұсынылсын.",
        "group_territorial_emergencies",
        "Департамент по чрезвычайным ситуациям Карагандинской области",
        "Қарағанды облысының Төтенше жағдайлар департаменті",
    ),
    (
        "Рекомендовать Департаменту юстиции Карагандинской области (по согласованию) обеспечить государственную регистрацию.",
        "Қарағанды облысының Әділет департаментіне (келісім бойынша) мемлекеттік тіркеуді қамтамасыз ету ұсынылсын.",
        "group_territorial_justice",
        "Департамент юстиции Карагандинской области",
        "Қарағанды облысының Әділет департаменті",
    ),
    (
        "Рекомендовать Департаменту санитарно-эпидемиологического контроля Карагандинской области (по согласованию) усилить надзор.",
        "Қарағанды облысының Санитариялық-эпидемиологиялық бақылау департаментіне (келісім бойынша) қадағалауды күшейту ұсынылсын.",
        "group_territorial_sanitary_control",
        "Департамент санитарно-эпидемиологического контроля Карагандинской области",
        "Қарағанды облысының Санитариялық-эпидемиологиялық бақылау департаменті",
    ),
    (
        "Рекомендовать Прокуратуре Карагандинской области (по согласованию) осуществлять надзор за исполнением.",
        "Қарағанды облысының прокуратурасына (келісім бойынша) орындалуын қадағалауды жүзеге асыру ұсынылсын.",
        "group_territorial_prosecutor",
        "Прокуратура Карагандинской области",
        "Қарағанды облысының прокуратурасы",
    ),
    (
        "Рекомендовать Департаменту по делам обороны Карагандинской области (по согласованию) организовать призыв.",
        "Қарағанды облысының Қорғаныс істері жөніндегі департаментіне (келісім бойынша) шақыруды ұйымдастыру ұсынылсын.",
        "group_territorial_defence",
        "Департамент по делам обороны Карагандинской области",
        "Қарағанды облысының Қорғаныс істері жөніндегі департаменті",
    ),
]


@pytest.mark.parametrize(("ru", "kk", "eid", "name_ru", "name_kk"), ADDRESSED, ids=[case[2] for case in ADDRESSED])
def test_addressee_narrowed_to_the_region_in_both_languages(ru, kk, eid, name_ru, name_kk):
    for text, lang in ((ru, "ru"), (kk, "kk")):
        executors, warnings = find_executors(text, lang)
        assert [(e.id, e.role, e.name_ru, e.name_kk) for e in executors] == [(eid, "lead", name_ru, name_kk)], text
        assert warnings == []
        assert executors[0].name_ru.endswith(REGION_RU) and executors[0].name_kk.startswith(REGION_KK)


# Synthetic: «по Карагандинской области» / «Қарағанды облысы бойынша» attach the region too; the
# narrowed names put it as a genitive place does («... доходов Карагандинской области»).
@pytest.mark.parametrize(
    ("text", "lang", "eid", "words"),
    [
        ("Рекомендовать Департаменту государственных доходов по Карагандинской области (по согласованию) обеспечить контроль за поступлением налогов.", "ru",
         "group_territorial_state_revenue", "Департаменту государственных доходов по Карагандинской области"),
        ("Рекомендовать ДГД по Карагандинской области обеспечить контроль.", "ru",
         "group_territorial_state_revenue", "ДГД по Карагандинской области"),
        ("Қарағанды облысы бойынша Мемлекеттік кірістер департаментіне (келісім бойынша) салықтардың түсуін бақылауды қамтамасыз ету ұсынылсын.", "kk",
         "group_territorial_state_revenue", "Қарағанды облысы бойынша Мемлекеттік кірістер департаментіне"),
        ("Рекомендовать Департаменту казначейства по Карагандинской области обеспечить исполнение бюджета.", "ru",
         "group_territorial_treasury", "Департаменту казначейства по Карагандинской области"),
        ("Қарағанды облысы бойынша Қазынашылық департаментіне бюджеттің атқарылуын қамтамасыз ету ұсынылсын.", "kk",
         "group_territorial_treasury", "Қарағанды облысы бойынша Қазынашылық департаментіне"),
        ("Рекомендовать Департаменту экологии по Карагандинской области (по согласованию) провести проверку.", "ru",
         "group_territorial_ecology", "Департаменту экологии по Карагандинской области"),
        ("Рекомендовать Департаменту Бюро национальной статистики Агентства по стратегическому планированию и реформам Республики Казахстан по Карагандинской области обеспечить сбор сведений.", "ru",
         "group_territorial_statistics", "Департаменту Бюро национальной статистики Агентства по стратегическому планированию и реформам Республики Казахстан по Карагандинской области"),
        ("Рекомендовать Департаменту Комитета национальной безопасности Республики Казахстан по Карагандинской области (по согласованию) оказать содействие.", "ru",
         "group_territorial_national_security", "Департаменту Комитета национальной безопасности Республики Казахстан по Карагандинской области"),
        ("Рекомендовать Департаменту Агентства Республики Казахстан по противодействию коррупции (Антикоррупционной службы) по Карагандинской области (по согласованию) провести анализ.", "ru",
         "group_territorial_anti_corruption", "Департаменту Агентства Республики Казахстан по противодействию коррупции (Антикоррупционной службы) по Карагандинской области"),
        ("Рекомендовать Департаменту внутреннего государственного аудита по Карагандинской области провести аудит.", "ru",
         "group_territorial_internal_audit", "Департаменту внутреннего государственного аудита по Карагандинской области"),
    ],
)
def test_region_after_po_or_before_boiynsha_narrows(text, lang, eid, words):
    executors, _ = find_executors(text, lang)
    assert [(e.id, e.text) for e in executors] == [(eid, words)]
    (executor,) = executors
    assert executor.name_ru.endswith(" " + REGION_RU)
    assert executor.name_kk.startswith("Қарағанды облысы")


def test_earlier_names_give_the_present_name_of_the_region_body():
    # synthetic points of older acts: the department of internal affairs, the military commissariat
    for text, lang, eid, name_ru in [
        ("Рекомендовать Департаменту внутренних дел Карагандинской области обеспечить порядок.", "ru",
         "group_territorial_police", "Департамент полиции Карагандинской области"),
        ("Қарағанды облысының Ішкі істер департаментіне қоғамдық тәртіпті қамтамасыз ету ұсынылсын.", "kk",
         "group_territorial_police", "Департамент полиции Карагандинской области"),
        ("Рекомендовать Военному комиссариату Карагандинской области обеспечить призыв.", "ru",
         "group_territorial_defence", "Департамент по делам обороны Карагандинской области"),
    ]:
        executors, _ = find_executors(text, lang)
        assert [(e.id, e.name_ru) for e in executors] == [(eid, name_ru)], text


def test_a_city_of_republican_significance_narrows_as_a_region_does():
    # synthetic: the city is named in Kazakh through its akimat
    executors, _ = find_executors("Рекомендовать Департаменту полиции города Астаны обеспечить порядок.", "ru")
    assert [(e.id, e.name_ru, e.name_kk) for e in executors] == [
        ("group_territorial_police", "Департамент полиции города Астаны", "Астана қаласының Полиция департаменті")
    ]


def test_the_ministry_after_the_region_is_part_of_the_official_name():
    # synthetic: «... Карагандинской области Министерства внутренних дел Республики Казахстан» is
    # one body; the ministry in the genitive is no executor of its own
    executors, _ = find_executors(
        "Департаменту полиции Карагандинской области Министерства внутренних дел Республики Казахстан (по согласованию) обеспечить охрану объектов.", "ru"
    )
    assert [(e.id, e.text) for e in executors] == [("group_territorial_police", "Департаменту полиции Карагандинской области")]


def test_a_list_of_territorial_bodies_keeps_the_lead_first():
    # synthetic
    text = ("Рекомендовать Департаменту полиции Карагандинской области, Департаменту по чрезвычайным ситуациям "
            "Карагандинской области, Прокуратуре Карагандинской области (по согласованию) обеспечить безопасность.")
    executors, _ = find_executors(text, "ru")
    assert [(e.id, e.role) for e in executors] == [
        ("group_territorial_police", "lead"),
        ("group_territorial_emergencies", "co"),
        ("group_territorial_prosecutor", "co"),
    ]
    text = "Қарағанды облысының Полиция департаменті, Қарағанды облысының ТЖД, Қарағанды облысының прокуратурасы"
    executors, _ = find_executors(text, "kk", mode="list")
    assert [(e.id, e.name_ru) for e in executors] == [
        ("group_territorial_police", "Департамент полиции Карагандинской области"),
        ("group_territorial_emergencies", "Департамент по чрезвычайным ситуациям Карагандинской области"),
        ("group_territorial_prosecutor", "Прокуратура Карагандинской области"),
    ]


def test_without_a_place_the_group_keeps_its_own_names():
    # synthetic: a district akimat's act names the district's prosecutor's office
    executors, _ = find_executors("Рекомендовать районной прокуратуре (по согласованию) осуществлять надзор.", "ru")
    assert [(e.id, e.name_ru, e.name_kk) for e in executors] == [("group_territorial_prosecutor", "Прокуратура", "прокуратурасы")]
