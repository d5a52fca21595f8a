"""The control rules of decree No. 403: every decision with its rule reference, in both languages,
on points of the sample acts and on built items worded like real instructions.

decide_control cases are data (tests/golden/rules/control_{ru,kk}.toml, one parametrised test);
extensions, removal, the draft check, the lexicon and the rule references against the text of the
decree itself are tested here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import string
import tomllib
from functools import cache
from pathlib import Path

import pytest
import typer
from pydantic import ValidationError
from tapsyrma.app import check_cmd
from tapsyrma.corpora import data_path
from tapsyrma.parser import parse_file
from tapsyrma.parser.langdata import load
from tapsyrma.parser.model import Act, ActHeader, Deadline, Executor, Item, ItemControl, RuleDecision
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.rules import (
    Extension,
    decide_control,
    duplicate_finding,
    extension_decision,
    lint_draft,
    removal_requirements,
    severity_label,
)
from tapsyrma.parser.rules.lexicon import _Schema, lexicon
from tapsyrma.parser.structure import parse_structure
from typer.testing import CliRunner

GOLDEN = Path(__file__).parent / "golden" / "rules"
LANGS = ("ru", "kk")
PRESIDENT = {"ru": "Президент Республики Казахстан", "kk": "Қазақстан Республикасының Президенті"}
SEED = {lang: data_path("samples", f"ukaz-403-2023-{lang}.txt").read_text(encoding="utf-8") for lang in LANGS}

# --- building items ------------------------------------------------------------------------


@cache
def _sample(name: str):
    lang = "kk" if "-kk-" in name else "ru"
    normalized = normalize(data_path("samples", name).read_text(encoding="utf-8"), lang)
    return lang, normalized.text, parse_structure(normalized, lang, source=name)


def _node(nodes, path: tuple[str, ...]):
    for node in nodes:
        if node.path == path and node.number == path[-1]:
            return node
        if found := _node(node.children, path):
            return found
    return None


def _end(node) -> int:
    return max([node.span[1], *(_end(child) for child in node.children)])


def _executors(specs, text: str, item_start: int, item_end: int, *, group: bool = False) -> tuple[Executor, ...]:
    found = []
    for i, (entry_id, words) in enumerate(specs):
        at = text.rfind(words, 0, item_end)
        if at < 0:
            at = text.find(words, item_start)
        assert at >= 0, f"executor words {words!r} are not in the act"
        found.append(Executor(
            id=entry_id or None, name_ru=None, name_kk=None, kind="group" if group and i == 0 else "body",
            role="lead" if i == 0 else "co", text=words, span=(at, at + len(words)),
        ))
    return tuple(found)


def _deadline(spec: dict | None) -> Deadline:
    if not spec:
        return Deadline(kind="none")
    dates = {key: dt.date.fromisoformat(spec[key]) for key in ("due", "basis") if key in spec}
    return Deadline(kind=spec["kind"], text=spec.get("text"), **dates)


def sample_item(name: str, path: tuple[str, ...], executors=(), *, keep_control: bool = True, group: bool = False,
                deadline: dict | None = None) -> tuple[Item, Act]:
    """The point ``path`` of a sample act (with everything under it) as an item of that act."""
    lang, text, parsed = _sample(name)
    node = _node(parsed.structure, path)
    assert node is not None, f"{name}: no point {path}"
    start, end = node.span[0], _end(node)
    item = Item(number=".".join(path), path=path, text=text[start:end], span=(start, end),
                executors=_executors(executors, text, start, end, group=group), deadline=_deadline(deadline))
    act = Act(language=lang, source=name, act=parsed.header, structure=parsed.structure, items=(item,),
              control=parsed.control if keep_control else None, text=text)
    return item, act


def built_item(lang: str, text: str, executors=(), *, title: str | None = None, issuer: str | None = None,
               date: str = "2024-02-01", deadline: dict | None = None, group: bool = False,
               completion_form: str | None = None, final_result: str | None = None, number: str = "1",
               kind: str = "указ") -> tuple[Item, Act]:
    """An item worded like a real instruction, in an act of the President unless ``issuer`` says otherwise."""
    item = Item(number=number, path=(number,), text=text, span=(0, len(text)),
                executors=_executors(executors, text, 0, len(text), group=group), deadline=_deadline(deadline),
                completion_form=completion_form, final_result=final_result)
    header = ActHeader(kind=kind, date=dt.date.fromisoformat(date), title=title, issuer=issuer or PRESIDENT[lang])
    return item, Act(language=lang, source="built", act=header, items=(item,), text=text)


def _show(item: Item, decision: RuleDecision | None) -> str:
    return f"\n  item: {item.text[:300]!r}\n  got:  {decision!r}"


# --- decide_control: golden cases ----------------------------------------------------------


def _golden() -> list:
    params = []
    for lang in LANGS:
        with (GOLDEN / f"control_{lang}.toml").open("rb") as fh:
            for case in tomllib.load(fh)["case"]:
                params.append(pytest.param(lang, case, id=f"{lang}-{case['id']}"))
    return params


def _case_item(lang: str, case: dict) -> tuple[Item, Act]:
    if "sample" in case:
        return sample_item(case["sample"], tuple(case["path"]), case.get("executors", ()),
                           keep_control=case.get("keep_control", True), group=case.get("group", False),
                           deadline=case.get("deadline"))
    return built_item(lang, case["text"], case.get("executors", ()), title=case.get("title"),
                      issuer=case.get("issuer"), date=case["date"], deadline=case.get("deadline"),
                      group=case.get("group", False))


@pytest.mark.parametrize(("lang", "case"), _golden())
def test_control_golden(lang: str, case: dict) -> None:
    item, act = _case_item(lang, case)
    received = dt.date.fromisoformat(case["received"]) if "received" in case else None
    decisions = decide_control(item, act, received=received).decisions
    for key in case.get("absent", ()):
        assert key not in decisions, f"{key} should not be decided" + _show(item, decisions[key])
    for key, expected in case["expect"].items():
        decision = decisions.get(key)
        assert decision is not None, f"no {key} decision" + _show(item, None)
        assert decision.rule == expected["rule"], f"{key}: rule" + _show(item, decision)
        if expected.get("null"):
            assert decision.value is None, f"{key}: value" + _show(item, decision)
        elif "value" in expected:
            assert decision.value == expected["value"], f"{key}: value" + _show(item, decision)
        for words in expected.get("evidence", ()):
            assert words in decision.evidence, f"{key}: evidence {words!r}" + _show(item, decision)
        assert decision.note, f"{key}: a decision explains itself" + _show(item, decision)


def test_golden_cases_are_twins() -> None:
    ids = {}
    for lang in LANGS:
        with (GOLDEN / f"control_{lang}.toml").open("rb") as fh:
            cases = tomllib.load(fh)["case"]
        # acts that exist in one language only: the Russian orders of 2002
        ids[lang] = {c["id"] for c in cases if not c.get("sample", "").startswith("ru-")}
    assert ids["ru"] == ids["kk"]


# --- decide_control: what the golden files cannot say ---------------------------------------

PERSONAL = {
    "ru": ("Личное поручение Президента Республики Казахстан",
           "Министерству здравоохранения Республики Казахстан проверить обеспеченность лекарственными средствами больниц Туркестанской области и доложить о принятых мерах.",
           [["mz", "Министерству здравоохранения Республики Казахстан"]]),
    "kk": ("Қазақстан Республикасы Президентінің жеке тапсырмасы",
           "Қазақстан Республикасының Денсаулық сақтау министрлігі Түркістан облысы ауруханаларының дәрі-дәрмекпен қамтамасыз етілуін тексерсін және қабылданған шаралар туралы баяндасын.",
           [["mz", "Қазақстан Республикасының Денсаулық сақтау министрлігі"]]),
}


@pytest.mark.parametrize("lang", LANGS)
def test_personal_instruction_without_term_gets_two_weeks_from_signing(lang: str) -> None:
    title, text, executors = PERSONAL[lang]
    item, act = built_item(lang, text, executors, title=title, date="2024-03-01")
    deadline = decide_control(item, act).decisions["deadline"]
    assert deadline.rule == {"ru": "п.51", "kk": "51-тармақ"}[lang]
    assert deadline.value == "2024-03-15"  # two weeks from Friday 1 March 2024, a working day
    assert "2024-03-01" in deadline.note


@pytest.mark.parametrize("lang", LANGS)
def test_personal_instruction_of_unknown_date(lang: str) -> None:
    title, text, executors = PERSONAL[lang]
    item, act = built_item(lang, text, executors, title=title)
    act = act.model_copy(update={"act": act.act.model_copy(update={"date": None})})
    deadline = decide_control(item, act).decisions["deadline"]
    assert deadline.value is None and deadline.rule == {"ru": "п.51", "kk": "51-тармақ"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_counts_from_act_date_when_receipt_unknown(lang: str) -> None:
    with (GOLDEN / f"control_{lang}.toml").open("rb") as fh:
        case = next(c for c in tomllib.load(fh)["case"] if c["id"] == "42-1-1-new-approaches")
    item, act = _case_item(lang, case)
    decisions = decide_control(item, act).decisions
    # 10 working days after Friday 1 March 2024; Friday 8 March is a holiday
    assert decisions["roadmap_due"].value == "2024-03-18"
    assert "2024-03-01" in decisions["roadmap_due"].note
    assert decisions["roadmap_due"].note != decide_control(item, act, received=dt.date(2024, 3, 1)).decisions["roadmap_due"].note


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_unknown_term(lang: str) -> None:
    with (GOLDEN / f"control_{lang}.toml").open("rb") as fh:
        case = next(c for c in tomllib.load(fh)["case"] if c["id"] == "42-1-1-new-approaches")
    case = {**case, "deadline": None}
    item, act = _case_item(lang, case)
    decisions = decide_control(item, act).decisions
    assert decisions["roadmap"].value is None and "roadmap_due" not in decisions


@pytest.mark.parametrize("lang", LANGS)
def test_monitoring_names_every_category_found(lang: str) -> None:
    text = {
        "ru": "Правительству Республики Казахстан обеспечить строительство центра обработки данных и ввод в промышленную эксплуатацию информационной системы.",
        "kk": "Қазақстан Республикасының Үкіметі деректерді өңдеу орталығының құрылысын және ақпараттық жүйенің өнеркәсіптік пайдалануға енгізілуін қамтамасыз етсін.",
    }[lang]
    executor = _ref(lang, "Правительству Республики Казахстан", "Қазақстан Республикасының Үкіметі")
    item, act = built_item(lang, text, [["government", executor]])
    monitoring = decide_control(item, act).decisions["monitoring"]
    assert monitoring.value == "construction"
    assert {"ru": "п.66-3 пп.2)", "kk": "66-3-тармақ 2) тармақша"}[lang] in monitoring.note


def test_confirmed_level_is_kept_for_extensions() -> None:
    item, act = sample_item("kz-ru-ukaz-20190409-a130175.txt", ("3",), [["government", "Правительству Республики Казахстан"]])
    proposed = extension_decision(item, [], requested=dt.date(2019, 7, 1), act=act)
    assert proposed.value == "government_regulation"
    confirmed = item.model_copy(update={"control": ItemControl(decisions={
        "level": RuleDecision(value="administration_president", rule="п.42-1 пп.7)")})})
    assert extension_decision(confirmed, [], requested=dt.date(2019, 7, 1), act=act).value == "president_or_head_of_administration"


# --- extensions: п.69-74 -------------------------------------------------------------------

ITEMS = {
    # an item on the Administration's control: a new law (п.42-1 пп.2)
    "law": {
        "ru": ("О мерах по развитию платформенной занятости",
               "Правительству Республики Казахстан до 1 июля 2024 года разработать и внести в Мажилис Парламента Республики Казахстан проект Закона Республики Казахстан «О платформенной занятости».",
               [["government", "Правительству Республики Казахстан"]]),
        "kk": ("Платформалық жұмыспен қамтуды дамыту жөніндегі шаралар туралы",
               "Қазақстан Республикасының Үкіметі 2024 жылғы 1 шілдеге дейін «Платформалық жұмыспен қамту туралы» Қазақстан Республикасы Заңының жобасын әзірлеп, Қазақстан Республикасы Парламентінің Мәжілісіне енгізсін.",
               [["government", "Қазақстан Республикасының Үкіметі"]]),
    },
    "amendments": {
        "ru": ("О мерах по защите прав потребителей",
               "Правительству Республики Казахстан внести в Мажилис Парламента Республики Казахстан предложения по внесению изменений и дополнений в законодательные акты по вопросам защиты прав потребителей.",
               [["government", "Правительству Республики Казахстан"]]),
        "kk": ("Тұтынушылардың құқықтарын қорғау жөніндегі шаралар туралы",
               "Қазақстан Республикасының Үкіметі тұтынушылардың құқықтарын қорғау мәселелері бойынша заңнамалық актілерге өзгерістер мен толықтырулар енгізу жөнінде Қазақстан Республикасы Парламентінің Мәжілісіне ұсыныстар енгізсін.",
               [["government", "Қазақстан Республикасының Үкіметі"]]),
    },
    "security_council": {
        "ru": ("Поручения Президента Республики Казахстан по итогам заседания Совета Безопасности Республики Казахстан",
               "Министерству обороны Республики Казахстан до 1 июля 2024 года внести предложения по совершенствованию системы территориальной обороны.",
               [["mod", "Министерству обороны Республики Казахстан"]]),
        "kk": ("Қазақстан Республикасы Қауіпсіздік Кеңесі отырысының қорытындылары бойынша Қазақстан Республикасы Президентінің тапсырмалары",
               "Қазақстан Республикасының Қорғаныс министрлігі 2024 жылғы 1 шілдеге дейін аумақтық қорғаныс жүйесін жетілдіру жөнінде ұсыныстар енгізсін.",
               [["mod", "Қазақстан Республикасының Қорғаныс министрлігі"]]),
    },
    "personal": {lang: PERSONAL[lang] for lang in LANGS},
    "published": {
        "ru": ("Поручения Главы государства, опубликованные в официальном аккаунте Акорды в социальных сетях",
               "Правительству Республики Казахстан до 1 мая 2024 года принять меры по снижению цен на социально значимые продовольственные товары.",
               [["government", "Правительству Республики Казахстан"]]),
        "kk": ("Ақорданың әлеуметтік желілердегі ресми аккаунтында жарияланған Мемлекет басшысының тапсырмалары",
               "Қазақстан Республикасының Үкіметі 2024 жылғы 1 мамырға дейін әлеуметтік маңызы бар азық-түлік тауарларының бағасын төмендету жөнінде шаралар қабылдасын.",
               [["government", "Қазақстан Республикасының Үкіметі"]]),
    },
    "national_plan": {
        "ru": ("Общенациональный план мероприятий по реализации Послания Главы государства народу Казахстана от 1 сентября 2023 года",
               "Правительству Республики Казахстан внести в Мажилис Парламента Республики Казахстан проект нового Налогового кодекса.",
               [["government", "Правительству Республики Казахстан"]]),
        "kk": ("Мемлекет басшысының 2023 жылғы 1 қыркүйектегі Қазақстан халқына Жолдауын іске асыру жөніндегі жалпыұлттық іс-шаралар жоспары",
               "Қазақстан Республикасының Үкіметі Қазақстан Республикасы Парламентінің Мәжілісіне жаңа Салық кодексінің жобасын енгізсін.",
               [["government", "Қазақстан Республикасының Үкіметі"]]),
    },
    "monument": {
        "ru": ("О праздновании 180-летия Абая Кунанбаева",
               "Министерству культуры и информации Республики Казахстан совместно с акиматом города Астаны обеспечить установку памятника Абаю Кунанбаеву в городе Астане к 1 сентября 2025 года.",
               [["mci", "Министерству культуры и информации Республики Казахстан"], ["akimat_astana", "акиматом города Астаны"]]),
        "kk": ("Абай Құнанбайұлының 180 жылдығын мерекелеу туралы",
               "Қазақстан Республикасының Мәдениет және ақпарат министрлігі Астана қаласының әкімдігімен бірлесіп 2025 жылғы 1 қыркүйекке дейін Астана қаласында Абай Құнанбайұлына ескерткіш орнатуды қамтамасыз етсін.",
               [["mci", "Қазақстан Республикасының Мәдениет және ақпарат министрлігі"], ["akimat_astana", "Астана қаласының әкімдігімен"]]),
    },
    "construction": {
        "ru": ("О строительстве школ",
               "Министерству просвещения Республики Казахстан совместно с акиматами областей обеспечить строительство и ввод в эксплуатацию 217 школ до конца 2025 года.",
               [["mp", "Министерству просвещения Республики Казахстан"], ["group_regional_akimats", "акиматами областей"]]),
        "kk": ("Мектептер салу туралы",
               "Қазақстан Республикасының Оқу-ағарту министрлігі облыстардың әкімдіктерімен бірлесіп 2025 жылдың соңына дейін 217 мектеп салуды және оларды пайдалануға беруді қамтамасыз етсін.",
               [["mp", "Қазақстан Республикасының Оқу-ағарту министрлігі"], ["group_regional_akimats", "облыстардың әкімдіктерімен"]]),
    },
    "digitalisation": {
        "ru": ("О цифровизации контроля исполнения",
               "Министерству цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан до 1 декабря 2024 года обеспечить ввод в промышленную эксплуатацию информационной системы «Единый реестр поручений».",
               [["mdd", "Министерству цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан"]]),
        "kk": ("Орындалуды бақылауды цифрландыру туралы",
               "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі 2024 жылғы 1 желтоқсанға дейін «Тапсырмалардың бірыңғай тізілімі» ақпараттық жүйесін өнеркәсіптік пайдалануға енгізуді қамтамасыз етсін.",
               [["mdd", "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі"]]),
    },
    "events": {
        "ru": ("О праздновании 180-летия Абая Кунанбаева",
               "Министерству культуры и информации Республики Казахстан совместно с акиматом области Абай обеспечить проведение юбилейных мероприятий, посвященных 180-летию Абая Кунанбаева.",
               [["mci", "Министерству культуры и информации Республики Казахстан"], ["akimat_abai", "акиматом области Абай"]]),
        "kk": ("Абай Құнанбайұлының 180 жылдығын мерекелеу туралы",
               "Қазақстан Республикасының Мәдениет және ақпарат министрлігі Абай облысының әкімдігімен бірлесіп Абай Құнанбайұлының 180 жылдығына арналған мерейтойлық іс-шаралардың өткізілуін қамтамасыз етсін.",
               [["mci", "Қазақстан Республикасының Мәдениет және ақпарат министрлігі"], ["akimat_abai", "Абай облысының әкімдігімен"]]),
    },
}
GOVERNMENT_LEVEL = {
    "ru": ("kz-ru-ukaz-20190409-a130175.txt", [["government", "Правительству Республики Казахстан"]]),
    "kk": ("kz-kk-ukaz-20190409-a130175.txt", [["government", "Қазақстан Республикасының Үкіметі"]]),
}
DUE = dt.date(2024, 7, 1)


def item_of(kind: str, lang: str, **changes) -> tuple[Item, Act]:
    title, text, executors = ITEMS[kind][lang]
    deadline = {"kind": "date", "text": "-", "due": DUE.isoformat()}
    return built_item(lang, text, executors, title=title, deadline=deadline, **changes)


def government_item(lang: str) -> tuple[Item, Act]:
    name, executors = GOVERNMENT_LEVEL[lang]
    return sample_item(name, ("3",), executors, deadline={"kind": "date", "text": "-", "due": DUE.isoformat()})


def _ref(lang: str, ru: str, kk: str) -> str:
    return ru if lang == "ru" else kk


def _extend(item: Item, act: Act, history=(), *, days: int = 30, kind: str = "extension") -> RuleDecision:
    return extension_decision(item, list(history), requested=DUE + dt.timedelta(days=days), act=act, kind=kind)


ONCE = Extension(kind="extension", previous_due=dt.date(2024, 5, 1), new_due=DUE, decided=dt.date(2024, 4, 20))


@pytest.mark.parametrize("lang", LANGS)
def test_first_extension_by_president_or_head_of_administration(lang: str) -> None:
    decision = _extend(*item_of("law", lang))
    assert decision.value == "president_or_head_of_administration"
    assert decision.rule == _ref(lang, "п.69 ч.1", "69-тармақ 1-бөлік")


@pytest.mark.parametrize("lang", LANGS)
def test_repeated_extension_needs_disciplinary_question(lang: str) -> None:
    decision = _extend(*item_of("law", lang), [ONCE])
    assert decision.value == "president_or_head_of_administration"
    assert decision.rule == _ref(lang, "п.72 ч.2", "72-тармақ 2-бөлік")
    assert _ref(lang, "дисциплинарной", "тәртіптік") in decision.note
    assert any("2024-07-01" in words for words in decision.evidence), "the earlier extension is cited"


@pytest.mark.parametrize("lang", LANGS)
def test_transfer_to_medium_term_counts_as_the_one_extension(lang: str) -> None:
    earlier = Extension(kind="medium_term", new_due=DUE)
    decision = _extend(*item_of("law", lang), [earlier])
    assert decision.rule == _ref(lang, "п.72 ч.2", "72-тармақ 2-бөлік")


@pytest.mark.parametrize("lang", LANGS)
def test_security_council_extension_by_its_secretary(lang: str) -> None:
    item, act = item_of("security_council", lang)
    first = _extend(item, act)
    assert first.value == "secretary_security_council"
    assert first.rule == _ref(lang, "п.69 ч.2", "69-тармақ 2-бөлік")
    assert first.evidence[0] == _ref(lang, "заседания Совета Безопасности", "Қауіпсіздік Кеңесі отырысының")
    repeated = _extend(item, act, [ONCE])
    assert repeated.value == "president_or_secretary_security_council"
    assert repeated.rule == _ref(lang, "п.72 ч.3", "72-тармақ 3-бөлік")


@pytest.mark.parametrize("lang", LANGS)
def test_repeated_extension_in_national_plan_only_by_president(lang: str) -> None:
    item, act = item_of("national_plan", lang)
    assert _extend(item, act).rule == _ref(lang, "п.69 ч.1", "69-тармақ 1-бөлік")
    repeated = _extend(item, act, [ONCE])
    assert repeated.value == "president"
    assert repeated.rule == _ref(lang, "п.72 ч.1", "72-тармақ 1-бөлік")
    assert _ref(lang, "Послания", "Жолдауын") in " ".join(repeated.evidence)


@pytest.mark.parametrize("lang", LANGS)
def test_personal_instruction_extended_only_by_president(lang: str) -> None:
    item, act = item_of("personal", lang)
    decision = _extend(item, act)
    assert decision.value == "president"
    assert decision.rule == _ref(lang, "п.74", "74-тармақ")
    assert _extend(item, act, [ONCE]).value == "president"


@pytest.mark.parametrize("lang", LANGS)
def test_published_instruction_is_the_exception_of_point_74(lang: str) -> None:
    decision = _extend(*item_of("published", lang))
    assert decision.value == "president_or_head_of_administration"
    assert decision.rule == _ref(lang, "п.69 ч.1", "69-тармақ 1-бөлік")
    assert _ref(lang, "исключение из п.74", "74-тармақтан") in decision.note


@pytest.mark.parametrize("lang", LANGS)
def test_government_level_extension_follows_its_regulation(lang: str) -> None:
    item, act = government_item(lang)
    decision = _extend(item, act)
    assert decision.value == "government_regulation"
    assert decision.rule == _ref(lang, "п.74-1", "74-1-тармақ")


@pytest.mark.parametrize("lang", LANGS)
def test_new_term(lang: str) -> None:
    sc = _extend(*item_of("security_council", lang), kind="new_term")
    assert sc.value == "president_or_secretary_security_council"
    assert sc.rule == _ref(lang, "п.70 ч.3", "70-тармақ 3-бөлік")
    other = _extend(*item_of("law", lang), [ONCE], kind="new_term")
    assert other.value is None, "the decree's text does not say who sets a new term"
    assert other.rule == _ref(lang, "п.70 ч.1", "70-тармақ 1-бөлік")
    assert _ref(lang, "не содержит", "көрсетпейді") in other.note


@pytest.mark.parametrize("lang", LANGS)
def test_long_term_transfer_requires_a_roadmap(lang: str) -> None:
    decision = _extend(*item_of("law", lang), kind="long_term")
    assert _ref(lang, "(п.59)", "(59-тармақ)") in decision.note
    assert _ref(lang, "(п.69 ч.4)", "(69-тармақ 4-бөлік)") in decision.note


@pytest.mark.parametrize("lang", LANGS)
def test_a_request_not_later_than_the_term_is_no_extension(lang: str) -> None:
    decision = _extend(*item_of("law", lang), days=-10)
    assert decision.value is None
    assert "2024-06-21" in decision.note and "2024-07-01" in decision.note


def test_extension_history_is_json() -> None:
    history = [Extension.model_validate_json('{"kind": "long_term", "new_due": "2025-12-31", "decided_by": "Руководитель Администрации Президента"}')]
    assert history[0].new_due == dt.date(2025, 12, 31)
    assert Extension.model_validate_json(history[0].model_dump_json()) == history[0]
    with pytest.raises(ValidationError):
        Extension.model_validate({"kind": "prolongation", "new_due": "2025-12-31"})


# --- removal from control: п.75-79 ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_removal_grounds(lang: str) -> None:
    item, act = item_of("law", lang)
    for ground, sub in (("executed", "1)"), ("superseded", "2)"), ("impossible", "3)"), ("transferred", "4)")):
        decisions = removal_requirements(item, act, ground=ground)
        assert decisions["removal_ground"].value == ground
        assert decisions["removal_ground"].rule == _ref(lang, f"п.75 пп.{sub}", f"75-тармақ {sub} тармақша")
        if ground != "executed":
            assert decisions["removal_evidence"].rule == decisions["removal_ground"].rule


@pytest.mark.parametrize("lang", LANGS)
def test_who_removes(lang: str) -> None:
    cases = {
        "law": ("president_or_head_of_administration", _ref(lang, "п.76 ч.1", "76-тармақ 1-бөлік")),
        "security_council": ("president_or_secretary_security_council", _ref(lang, "п.76 ч.4", "76-тармақ 4-бөлік")),
        "personal": ("president", _ref(lang, "п.77", "77-тармақ")),
        "published": ("president", _ref(lang, "п.77", "77-тармақ")),
    }
    for kind, (value, rule) in cases.items():
        by = removal_requirements(*item_of(kind, lang))["removal_by"]
        assert (by.value, by.rule) == (value, rule), kind
    government = removal_requirements(*government_item(lang))
    assert government["removal_by"].value is None and government["removal_by"].rule == _ref(lang, "п.75-1", "75-1-тармақ")
    assert "removal_order" not in government


@pytest.mark.parametrize("lang", LANGS)
def test_removal_evidence_per_kind_of_item(lang: str) -> None:
    expected = {
        "monument": ("administration_memo", 2),
        "construction": ("final_report", 2),
        "digitalisation": ("memo_and_final_report", 3),
        "law": ("signing", 5),
        "amendments": ("expert_opinion", 6),
        "events": ("fact", 7),
    }
    for kind, (value, paragraph) in expected.items():
        evidence = removal_requirements(*item_of(kind, lang))["removal_evidence"]
        assert evidence.value == value, kind
        assert evidence.rule == _ref(lang, f"п.76-1 абз.{paragraph}", f"76-1-тармақ {paragraph}-абзац"), kind
    general = removal_requirements(*item_of("security_council", lang))["removal_evidence"]
    assert general.value == "official_report" and general.rule == _ref(lang, "п.75 пп.1)", "75-тармақ 1) тармақша")
    assert _ref(lang, "не содержит", "қамтымайды") in general.note


@pytest.mark.parametrize("lang", LANGS)
def test_named_act_is_read_from_the_completion_form(lang: str) -> None:
    form = {"ru": "проект Закона Республики Казахстан «О защите прав потребителей»",
            "kk": "«Тұтынушылардың құқықтарын қорғау туралы» Қазақстан Республикасы Заңының жобасы"}[lang]
    item, act = item_of("amendments", lang, completion_form=form)
    evidence = removal_requirements(item, act)["removal_evidence"]
    assert evidence.value == "signing"


@pytest.mark.parametrize("lang", LANGS)
def test_administration_removes_before_the_executing_body(lang: str) -> None:
    order = removal_requirements(*item_of("law", lang))["removal_order"]
    assert order.value is True and order.rule == _ref(lang, "п.79", "79-тармақ")


@pytest.mark.parametrize("lang", LANGS)
def test_not_presidential_acts_are_not_extended_or_removed_by_these_rules(lang: str) -> None:
    name = f"kz-{lang}-postanovlenie-20210315-a153979.txt"
    item, act = sample_item(name, ("2",))
    assert removal_requirements(item, act)["removal_by"].rule == _ref(lang, "п.42", "42-тармақ")
    assert extension_decision(item, [], requested=dt.date(2030, 1, 1), act=act).rule == _ref(lang, "п.42", "42-тармақ")


# --- draft check: п.30, п.33 ---------------------------------------------------------------


def _codes(report) -> list[tuple[str | None, str, str]]:
    return [(f.item, f.code, f.rule) for f in report.findings]


@pytest.mark.parametrize(("lang", "executor", "words"), [
    ("ru", "Правительству Республики Казахстан", "принять иные меры"),
    ("kk", "Қазақстан Республикасының Үкіметі", "шараларды қабылдасын"),
])
def test_vague_wording_without_result(lang: str, executor: str, words: str) -> None:
    item, act = sample_item(f"kz-{lang}-ukaz-20190319-884.txt", ("3", "2"), [["government", executor]])
    report = lint_draft(act)
    vague = [f for f in report.findings if f.code == "vague"]
    assert len(vague) == 1, _codes(report)
    assert vague[0].rule == _ref(lang, "п.30 пп.3)", "30-тармақ 3) тармақша")
    assert vague[0].severity == "warning" and vague[0].item == "3.2"
    assert words in vague[0].message and vague[0].evidence == (words,)
    with_result = item.model_copy(update={"final_result": "—"})
    assert "vague" not in [f.code for f in lint_draft(act.model_copy(update={"items": (with_result,)})).findings]


@pytest.mark.parametrize("lang", LANGS)
def test_executors_named_and_known(lang: str) -> None:
    _, act = sample_item(f"kz-{lang}-ukaz-20201021-a147637.txt", ("2",))
    [finding] = [f for f in lint_draft(act).findings if f.code == "no_executors"]
    assert (finding.severity, finding.rule) == ("error", _ref(lang, "п.4 пп.5)", "4-тармақ 5) тармақша"))
    title, text, executors = ITEMS["law"][lang]
    unknown = [["", executors[0][1]]]
    _, act = built_item(lang, text, unknown, title=title)
    [finding] = [f for f in lint_draft(act).findings if f.code == "unknown_executor"]
    assert finding.severity == "warning" and finding.rule == _ref(lang, "п.30 пп.1)", "30-тармақ 1) тармақша")
    assert executors[0][1] in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_realistic_term(lang: str) -> None:
    title, text, executors = ITEMS["law"][lang]

    def term_codes(due: str, received: dt.date | None = None) -> list[str]:
        _, act = built_item(lang, text, executors, title=title, date="2024-03-07",
                            deadline={"kind": "date", "text": "-", "due": due})
        return [f.code for f in lint_draft(act, received=received).findings if f.rule.endswith(_ref(lang, "пп.4)", "4) тармақша"))]

    # Thursday 7 March 2024; Friday 8 March is a holiday: two working days end on Tuesday 12 March
    assert term_codes("2024-03-11") == ["deadline_short"]
    assert term_codes("2024-03-12") == []
    assert term_codes("2024-03-01") == ["deadline_before"]
    assert term_codes("2024-03-13", received=dt.date(2024, 3, 12)) == ["deadline_short"]


@pytest.mark.parametrize("lang", LANGS)
def test_missing_term_is_reported_with_its_default_rule(lang: str) -> None:
    title, text, executors = ITEMS["law"][lang]
    report = lint_draft(built_item(lang, text, executors, title=title)[1])
    assert ("1", "no_deadline", _ref(lang, "п.50 ч.2", "50-тармақ 2-бөлік")) in _codes(report)
    title, text, executors = PERSONAL[lang]
    report = lint_draft(built_item(lang, text, executors, title=title)[1])
    assert ("1", "no_deadline_personal", _ref(lang, "п.51", "51-тармақ")) in _codes(report)


@pytest.mark.parametrize("lang", LANGS)
def test_report_order_counts_and_json(lang: str) -> None:
    name = f"kz-{lang}-ukaz-20250318-a208242.txt"
    first, act = sample_item(name, ("4", "2"))
    second, _ = sample_item(name, ("5", "2"), [["government", _ref(lang, "Правительству Республики Казахстан", "Қазақстан Республикасының Үкіметі")]])
    act = act.model_copy(update={"items": (first, second)})
    report = lint_draft(act)
    assert [f.item for f in report.findings] == sorted((f.item for f in report.findings), key=["4.2", "5.2"].index)
    assert report.findings[0].severity == "error"
    assert report.count("error") == 1
    assert report.count("warning") == 2  # "принять иные меры" / "принятие иных мер" in both
    again = json.loads(report.to_json())
    assert again["language"] == lang and len(again["findings"]) == len(report.findings)
    duplicate = duplicate_finding(act, second, earlier="№ 884 п.3", score=91.4)
    merged = report.with_findings([duplicate], order=["4.2", "5.2"])
    assert [f.code for f in merged.findings if f.item == "5.2"] == ["vague", "duplicate", "no_result", "no_deadline"]
    assert duplicate.rule == _ref(lang, "п.33", "33-тармақ") and "№ 884 п.3" in duplicate.message and "91" in duplicate.message
    assert severity_label("error", lang) == _ref(lang, "ошибка", "қате")


# --- in the parse pipeline ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_parser_puts_the_decisions_on_every_item(lang: str) -> None:
    act = parse_file(data_path("samples", f"kz-{lang}-ukaz-20250318-a208242.txt"))
    assert act.items and all(item.control is not None for item in act.items)
    for item in act.items:  # the decree puts its execution on the Administration's control
        level = item.control.decisions["level"]
        assert (level.value, level.rule) == ("administration_president", _ref(lang, "п.30-1", "30-1-тармақ"))
    government = parse_file(data_path("samples", f"kz-{lang}-postanovlenie-20210315-a153979.txt"))
    assert [set(item.control.decisions) for item in government.items] == [{"level"}] * len(government.items)


# --- tapsyrma check -----------------------------------------------------------------------

app = typer.Typer()
app.callback()(lambda: None)  # a group, so that "check" stays a subcommand as on the root CLI
check_cmd.register(app)
EXIT_FINDINGS = check_cmd.EXIT_FINDINGS

DRAFT = {
    "ru": """# О мерах по поддержке отечественных производителей

В целях поддержки отечественных производителей ПОСТАНОВЛЯЮ:

1. Правительству Республики Казахстан до 11 марта 2024 года внести предложения по расширению закупа отечественной продукции.

2. Министерству торговли и интеграции Республики Казахстан принять необходимые меры по продвижению отечественных товаров.

3. Настоящий Указ вводится в действие со дня его подписания.

**Президент Республики Казахстан**

Астана, Акорда, 7 марта 2024 года
""",
    "kk": """# Отандық өндірушілерді қолдау жөніндегі шаралар туралы

Отандық өндірушілерді қолдау мақсатында ҚАУЛЫ ЕТЕМІН:

1. Қазақстан Республикасының Үкіметі 2024 жылғы 11 наурызға дейін отандық өнімді сатып алуды кеңейту жөнінде ұсыныстар енгізсін.

2. Қазақстан Республикасының Сауда және интеграция министрлігі отандық тауарларды ілгерілету жөнінде қажетті шараларды қабылдасын.

3. Осы Жарлық қол қойылған күнінен бастап қолданысқа енгізіледі.

**Қазақстан Республикасының Президенті**

Астана, Ақорда, 2024 жылғы 7 наурыз
""",
}


@pytest.mark.parametrize("lang", LANGS)
def test_check_command_prints_the_report_and_fails_on_errors(lang: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT[lang], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(draft)])
    assert result.exit_code == EXIT_FINDINGS, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert ["1", severity_label("error", lang), _ref(lang, "п.30 пп.4)", "30-тармақ 4) тармақша")] == rows[0][:3]
    assert ["2", severity_label("warning", lang), _ref(lang, "п.30 пп.3)", "30-тармақ 3) тармақша")] == rows[1][:3]
    # received later, the same term is still short; received earlier it is fine
    later = CliRunner().invoke(app, ["check", str(draft), "--received", "2024-03-04", "--format", "json"])
    assert later.exit_code == 0, later.output
    assert "deadline_short" not in {f["code"] for f in json.loads(later.output)["findings"]}


@pytest.mark.parametrize("lang", LANGS)
def test_check_command_adds_duplicates_from_the_registry(lang: str, tmp_path: Path) -> None:
    from tapsyrma.registry import Registry, import_paths

    sample = data_path("samples", f"kz-{lang}-ukaz-20190319-884.txt")
    db = str(tmp_path / "registry.db")
    import_paths(Registry(db), [sample])
    result = CliRunner().invoke(app, ["check", str(sample), "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    duplicates = [f for f in json.loads(result.output)["findings"] if f["code"] == "duplicate"]
    assert duplicates, "an act checked against a registry holding it duplicates itself"
    assert all(f["rule"] == _ref(lang, "п.33", "33-тармақ") for f in duplicates)
    assert "884" in duplicates[0]["message"]


# --- the lexicon ---------------------------------------------------------------------------


def test_lexicon_notes_take_the_same_values_in_both_languages() -> None:
    """The keys are twins (test_langdata_parity.py); a note must also fill the same placeholders."""
    ru, kk = load("ru", "control_rules"), load("kk", "control_rules")
    for table in ("refs", "names", "notes", "messages"):
        for key in ru[table]:
            fields = [{f for _, f, _, _ in string.Formatter().parse(data[table][key]) if f} for data in (ru, kk)]
            assert fields[0] == fields[1], f"[{table}] {key}: placeholders differ"


def test_pattern_syntax() -> None:
    ru = lexicon("ru")
    assert [h.text for h in ru.find("legislation", "проект Закона и законами")] == ["проект Закона"]
    assert ru.find("legislation", "в установленном законодательством порядке") == ()
    assert [h.text for h in ru.find("named_act", "принятие Закона Республики Казахстан «О связи»")] == ["Закона Республики Казахстан «"]
    # a gap is at most four words
    kk = lexicon("kk")  # words of kz-kk-ukaz-20220303-826 п.1 and kz-kk-ukaz-20191226 п.1
    assert kk.find("vague", "әлеуметтік мәселелерге баса назар аудара отырып") == ()
    assert kk.find("construction", "конституциялық құрылысқа және ұлттық қауіпсіздікке") == ()
    assert ru.find("legislation", "внести в Мажилис Парламента изменения в закон")
    assert not ru.find("legislation", "внести в Мажилис Парламента Республики Казахстан изменения в закон")


def test_broken_lexicon_is_a_data_error() -> None:
    data = copy.deepcopy(load("ru", "control_rules"))
    data["lint"]["vague"] = ["… принять меры"]
    with pytest.raises(ValidationError):
        _Schema.model_validate(data)
    del data["lint"]
    with pytest.raises(ValidationError):
        _Schema.model_validate(data)


# --- the references against the text of decree No. 403 ------------------------------------


def _point_block(lang: str, point: str) -> str:
    """The new text of ``point`` as the decree states it: from '"42-1. ' to the closing quote."""
    match = re.search(rf'"{re.escape(point)}\. (.*?)"(?:;|\.|\s*\n)', SEED[lang], re.DOTALL)
    assert match, f"{lang}: no new text of point {point}"
    return match.group(1)


def test_subpoint_6_of_point_42_1_is_printed_as_cyrillic_b_in_russian() -> None:
    assert "\nб) поручения, данные непосредственно в адрес Администрации" in _point_block("ru", "42-1")
    assert "\n6) " not in _point_block("ru", "42-1")
    assert "\n6) Президент Әкімшілігі мен" in _point_block("kk", "42-1")
    assert "«б)»" in lexicon("ru").note("level_slip")


def test_paragraphs_of_point_76_1_are_numbered_as_the_decree_sets_them() -> None:
    marks = {
        "ru": {2: "подпункте 1)", 3: "подпункте 2)", 4: "подпункте 3)", 5: "отдельного законодательного акта",
               6: "поправок в законодательство", 7: "подпункте 4)"},
        "kk": {2: "1) тармақшасында", 3: "2) тармақшасында", 4: "3) тармақшасында", 5: "жеке заңнамалық актіні",
               6: "заңнамаға түзетулер", 7: "4) тармақшасында"},
    }
    for lang in LANGS:
        paragraphs = [p for p in _point_block(lang, "76-1").split("\n\n") if p.strip()]
        for number, mark in marks[lang].items():
            assert mark in paragraphs[number - 1], f"{lang}: paragraph {number}"


def test_partly_amended_points_are_declared_in_the_notes() -> None:
    assert "абзац первый части первой и часть третью пункта 70" in SEED["ru"]
    assert "70-тармақтың бірінші бөлігінің 4) тармақшасы және үшінші бөлігі" in SEED["kk"]
    assert "абзац первый части первой и часть четвертую пункта 76" in SEED["ru"]
    for lang in LANGS:
        lx = lexicon(lang)
        assert "70" in lx.note("extension_new_term") and "76" in lx.note("removal_executed")


_POINT_OF = {"ru": re.compile(r"п\.(\d+(?:-\d+)?)"), "kk": re.compile(r"(\d+(?:-\d+)?)-тармақ")}


def _states_point(lang: str, point: str) -> bool:
    """Whether decree No. 403 gives new text of ``point`` or amends part of it."""
    if f'"{point}. ' in SEED[lang]:
        return True
    amended = rf"пункт\w* {re.escape(point)}\b" if lang == "ru" else rf"(?<![\d-]){re.escape(point)}-тармақ"
    return re.search(amended, SEED[lang]) is not None


def _every_decision(lang: str) -> list[RuleDecision]:
    decisions = []
    for param in _golden():
        case_lang, case = param.values
        if case_lang == lang:
            item, act = _case_item(lang, case)
            decisions += decide_control(item, act, received=dt.date(2024, 3, 15)).decisions.values()
    items = [item_of(kind, lang) for kind in ITEMS] + [government_item(lang)]
    for item, act in items:
        for history in ([], [ONCE]):
            for kind in ("extension", "medium_term", "long_term", "new_term"):
                decisions.append(_extend(item, act, history, kind=kind))
        for ground in ("executed", "superseded", "impossible", "transferred"):
            decisions += removal_requirements(item, act, ground=ground).values()
        decisions += [RuleDecision(value=None, rule=f.rule) for f in lint_draft(act).findings]
    return decisions


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_cited_is_a_point_the_decree_states(lang: str) -> None:
    rules = {decision.rule for decision in _every_decision(lang)}
    assert len(rules) > 40
    for rule in rules:
        match = _POINT_OF[lang].match(rule)
        assert match, f"{rule!r} is no reference"
        assert _states_point(lang, match.group(1)), f"{rule!r}: decree No. 403 does not state point {match.group(1)}"
