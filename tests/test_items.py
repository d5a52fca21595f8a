"""Items built from real acts: what a node's paragraphs add to its executors."""

from __future__ import annotations

import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser import parse_file


def _item(sample: str, path: tuple[str, ...]):
    act = parse_file(data_path("samples") / sample)
    return next(item for item in act.items if item.path == path)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_paragraphs_that_continue_the_intro_name_co_executors(lang):
    # «4. Администрации Президента: 1) внести на рассмотрение Президенту: совместно с Председателем
    # Агентства проекты ...; совместно с Правительством предложения ...»
    item = _item(f"kz-{lang}-ukaz-20250318-a208242.txt", ("4", "1"))
    assert [e.role for e in item.executors] == ["lead", "co", "co"]
    assert item.executors[0].id == "administration_president"
    assert item.executors[2].id == "government"


@pytest.mark.parametrize(("lang", "form"), [("ru", "внесение предложений"), ("kk", "ұсыныстар енгізу")])
def test_proposals_brought_for_consideration_are_the_completion_form(lang, form):
    # «внести на рассмотрение Президенту: ... проекты ...; ... предложения по перераспределению ...»;
    # «Президентінің қарауына: ... жобаларын; ... қайта бөлу жөнінде ұсыныстар енгізсін»
    assert _item(f"kz-{lang}-ukaz-20250318-a208242.txt", ("4", "1")).completion_form == form


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_participants_who_are_no_bodies_are_not_co_executors(lang):
    # «после проведения встреч: проводить личные приёмы граждан совместно с ... депутатами
    # маслихата, членами общественных советов ...; систематизировать ...»
    item = _item(f"kz-{lang}-ukaz-20220303-826.txt", ("3", "5"))
    assert [e.id for e in item.executors] == ["group_all_akims"]


@pytest.mark.parametrize(("lang", "names"), [
    # a code name of a season's words is named with its twin: «Зима-2001» is «Қыс-2001»
    ("ru", ('областной штаб "Зима-2001"', '"Қыс-2001" облыстық штаб')),
    # the Kazakh text writes the code name without quotes: «Қыс-2001 облыстық штабы»
    ("kk", ("областной штаб «Зима-2001»", "Қыс-2001 облыстық штаб")),
])
def test_a_body_named_once_with_its_proper_name_keeps_it_where_the_act_names_it_short(lang, names):
    # plan rows: «Областной штаб "Зима-2001", заместители ...» (row 4) and «областной штаб» (rows 11, 16)
    act = parse_file(data_path("samples") / f"kz-{lang}-reshenie-akima-20000414-4-113.txt")
    rows = {item.path[-1]: item for item in act.items if item.path[0] == "appendix-1"}
    for number in ("4", "11", "16"):
        headquarters = rows[number].executors[0]
        assert headquarters.id == "group_regional_headquarters"
        assert (headquarters.name_ru, headquarters.name_kk) == names
    assert rows["11"].executors[0].text == {"ru": "областной штаб", "kk": "облыстық штаб"}[lang]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_company_acting_along_in_a_paragraph_is_a_co_executor(lang):
    # «1. Акимам районов, ...: ...; совместно с АО "Алматыгаз" создать предприятия ...»
    item = _item(f"kz-{lang}-reshenie-akima-19970401-a1811.txt", ("1",))
    assert ("almatygaz", "co") in [(e.id, e.role) for e in item.executors][1:]


@pytest.mark.parametrize(("sample", "number", "opening"), [
    # «2. Алматинскому и Талдыкорганскому объединениям ... (Чукарин В.Ф., Демесинов А.А.) обеспечить ...»
    ("kz-ru-reshenie-akima-19980205-2-46.txt", "2", "обеспечить выращивание"),
    ("kz-kk-reshenie-akima-19980205-2-46.txt", "2", "отырғызу материалдарын"),
    # «... Үкіметімен бірлесіп, осы Жарлықтан туындайтын өзге де шараларды ...»
    ("kz-kk-ukaz-20231005-366.txt", "3", "осы Жарлықтан туындайтын"),
])
def test_the_action_starts_after_the_persons_and_the_co_marker(sample, number, opening):
    act = parse_file(data_path("samples") / sample)
    item = next(item for item in act.items if item.number == number)
    assert item.action.startswith(opening)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_control_clause_names_its_body_without_the_control_words(lang):
    # «Контроль за исполнением ... возложить на первого заместителя акима области ...»;
    # «Осы шешімнің орындалуына бақылау жасау облыс Әкімінің бірінші орынбасары ... жүктелсін»
    act = parse_file(data_path("samples") / f"kz-{lang}-reshenie-akima-19980205-2-46.txt")
    body = act.control.body
    assert (body.id, body.name_ru, body.name_kk) == (
        "group_first_deputy_regional_akim", "первый заместитель акима области", "облыс әкімінің бірінші орынбасары")


def test_a_kazakh_plan_table_maps_its_measure_column_by_header():
    # «№ | Шаралардың аталуы | Өткізілу мерзімі | Жауапты орындаушылар»: the action is the measure cell
    item = _item("kz-kk-reshenie-akima-20000414-4-113.txt", ("appendix-1", "2"))
    assert item.action == "Бюджеттік сала объектілерінде күрделі жөндеу жұмыстарын жүргізуге тендер өткізу"
    assert item.deadline.due is not None and [e.text for e in item.executors] == ["Ж.Ә. Әмірханова"]


@pytest.mark.parametrize(
    ("lang", "path", "action"),
    [
        # the holder of the post after it is no part of the action
        ("ru", ("5",), "предусмотреть выделение денежных средств"),
        ("kk", ("4",), "жалпы пайдаланымдағы автомобиль жолдарын қысқы пайдалану жағдайларына дайындасын"),
        # a task handed over stands before the executors
        ("ru", ("6",), "Персональную ответственность за своевременную подготовку к предстоящему отопительному сезону"),
        ("kk", ("6",), "Білім беру, денсаулық сақтау және мәдениет мекемелерін дер кезінде әзірлеуге дербес жауапкершілік жүктелсін"),
    ],
)
def test_the_action_leaves_out_the_post_holders_and_takes_a_task_handed_over(lang, path, action):
    item = _item(f"kz-{lang}-reshenie-akima-20000414-4-113.txt", path)
    assert item.action.startswith(action), item.action


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_designation_list_is_no_item(lang):
    # «1. Назначить: 1) Министерство экологии ...: национальным координационным центром ...» and
    # «1. Мыналар: 1) ... министрлігі: ... ұлттық үйлестіру орталығы; ... орган болып тағайындалсын»:
    # bodies are made centres, nobody is told to act
    act = parse_file(data_path("samples") / f"kz-{lang}-postanovlenie-20230316-a179116.txt")
    assert [item.path for item in act.items if item.path[0] == "1"] == []
    assert [item.path[0] for item in act.items][:1] == ["2"]


def test_an_executor_read_through_a_misspelling_is_warned_about_in_the_act():
    act = parse_file(data_path("samples") / "kz-kk-reshenie-akima-20000414-4-113.txt")
    row = next(item for item in act.items if item.path == ("appendix-1", "13"))
    assert "almaty_roads_institution" in [e.id for e in row.executors]
    assert any("«мемлекетік»" in w and "Алматы автомобиль жолдары мемлекетік мекемесі" in w for w in act.warnings)
