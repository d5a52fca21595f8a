"""Executors of instruction items (golden cases per language and phenomenon), and the gazetteer
matcher they are built on."""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser.errors import DataError, LanguageError
from tapsyrma.parser.executors import common_name, find_aliases, find_executors
from tapsyrma.parser.gazetteer import Gazetteer, gazetteer
from tapsyrma.parser.morphology import inflect_name_ru

GOLDEN = Path(__file__).parent / "golden" / "executors"


def _golden(lang: str) -> list:
    with (GOLDEN / f"{lang}.toml").open("rb") as fh:
        cases = tomllib.load(fh)["case"]
    return [pytest.param(lang, case, id=f"{lang}-{n}-{case['phenomenon'][:40]}") for n, case in enumerate(cases, 1)]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _marked(text: str, executors) -> str:
    """The text with every executor bracketed, for a failure message."""
    out, last = [], 0
    for e in sorted(executors, key=lambda e: e.span):
        out += [text[last : e.span[0]], f"[{text[e.span[0]:e.span[1]]}]{{{e.id or e.kind}/{e.role}}}"]
        last = e.span[1]
    return "".join(out) + text[last:]


@pytest.mark.parametrize(("lang", "case"), _golden("ru") + _golden("kk"))
def test_golden(lang, case):
    text = case["text"]
    if "source" in case:
        sample = (data_path("samples") / case["source"].split(":")[0]).read_text(encoding="utf-8")
        assert _squash(text) in _squash(sample), f"the case is not in {case['source']}"
    # the short names an act defines («(далее – Агентство)») when the case names the act
    aliases = ()
    if "aliases_of" in case:
        aliases = find_aliases((data_path("samples") / case["aliases_of"]).read_text(encoding="utf-8"), lang, on=case.get("on"))
    executors, warnings = find_executors(text, lang, on=case.get("on"), mode=case.get("mode", "addressee"), aliases=aliases)
    # an unknown executor's nominative name, and a known one's kind, are compared where the case gives them
    named = [i for i, e in enumerate(case["expected"]) if "name" in e]
    kinded = [i for i, e in enumerate(case["expected"]) if "id" in e and "kind" in e]
    # and the names of a known one narrowed by the act's words («... органам Восточно-Казахстанской области»)
    got = [
        ({"id": e.id, "role": e.role} | ({"kind": e.kind} if i in kinded else {})
         | {key: getattr(e, key) for key in ("name_ru", "name_kk") if i < len(case["expected"]) and key in case["expected"][i]})
        if e.id
        else {"text": e.text, "kind": e.kind, "role": e.role}
        | ({"name": e.name_ru or e.name_kk} if i in named else {})
        for i, e in enumerate(executors)
    ]
    assert got == case["expected"], f"{case['phenomenon']}:\n  {_marked(text, executors)}"
    # a warning per unknown executor, and per known one read through a misspelt word the case names
    unknown = [w for w in warnings if w.startswith("executor not in the gazetteer")]
    assert len(unknown) == sum(e.id is None for e in executors)
    misspelt = [re.search(r"one letter off its name, «(.+?)»", w).group(1) for w in warnings if w not in unknown]
    assert misspelt == case.get("misspelt", [])
    for executor in executors:
        assert text[executor.span[0] : executor.span[1]] == executor.text


def test_spans_are_offset_into_the_act():
    text = "Министерству финансов совместно с МНЭ обеспечить"
    executors, _ = find_executors(text, "ru", offset=100)
    assert [e.span for e in executors] == [(100, 121), (134, 137)]
    assert executors[0].name_ru == "Министерство финансов Республики Казахстан"
    assert executors[0].name_kk == "Қазақстан Республикасының Қаржы министрлігі"
    assert executors[0].kind == "body"


def test_unknown_body_is_kept_with_a_warning():
    executors, warnings = find_executors("МВД  Украины  определить  порядок", "ru", offset=7)
    assert [(e.id, e.kind, e.text) for e in executors] == [(None, "body", "МВД  Украины")]
    assert warnings == ["executor not in the gazetteer: «МВД  Украины» at 7"]


def test_former_name_keeps_the_canonical_entry():
    executors, _ = find_executors(
        "Министерству экологии, геологии и природных ресурсов Республики Казахстан принять иные меры", "ru",
        on=dt.date(2022, 5, 25),
    )
    (executor,) = executors
    assert executor.id == "mepr"
    assert executor.text == "Министерству экологии, геологии и природных ресурсов Республики Казахстан"
    assert executor.name_ru == gazetteer().get("mepr").name_ru


def test_list_mode_names_every_body_in_order():
    executors, warnings = find_executors("МНЭ, МФ РК, Министерство юстиции", "ru", mode="list")
    assert [(e.id, e.role) for e in executors] == [("mne", "lead"), ("mf", "co"), ("mju", "co")]
    assert warnings == []


def test_addressee_mode_ignores_bodies_after_the_verb():
    executors, _ = find_executors("Правительству Республики Казахстан внести в Администрацию Президента предложения", "ru")
    assert [e.id for e in executors] == ["government"]
    executors, _ = find_executors("Правительству Республики Казахстан внести в Администрацию Президента предложения", "ru", mode="list")
    assert [e.id for e in executors] == ["government", "administration_president"]


def test_bad_arguments():
    with pytest.raises(LanguageError):
        find_executors("text", "en")
    with pytest.raises(ValueError, match="mode"):
        find_executors("text", "ru", mode="table")


def test_executor_data_has_the_same_keys_in_both_languages():
    def keys(value, prefix=""):
        if isinstance(value, dict):
            return {f"{prefix}.{k}" for k in value} | {k for key, v in value.items() for k in keys(v, f"{prefix}.{key}")}
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return {k for item in value for k in keys(item, f"{prefix}[]")}
        return set()

    ru, kk = (tomllib.loads(data_path("lang", lang, "executors.toml").read_text(encoding="utf-8")) for lang in ("ru", "kk"))
    assert keys(ru) == keys(kk)


def test_place_lists_read_index_for_index_have_one_entry_per_entry_of_the_other_language():
    ru, kk = (tomllib.loads(data_path("lang", lang, "executors.toml").read_text(encoding="utf-8"))["places"] for lang in ("ru", "kk"))
    for key in ("redundant_adjectives", "code_name_words"):
        assert len(ru[key]) == len(kk[key]), key


@pytest.mark.parametrize(("lang", "text", "names"), [
    # synthetic: a campaign's staff named by a season's code name, in either language
    ("ru", "Областному штабу «Весна-2025» обеспечить проведение паводковых мероприятий.",
     ("областной штаб «Весна-2025»", "«Көктем-2025» облыстық штаб")),
    ("kk", "Көктем-2025 облыстық штабы су тасқыны іс-шараларын өткізуді қамтамасыз етсін.",
     ("областной штаб «Весна-2025»", "Көктем-2025 облыстық штаб")),
    # a code name of other words reads the same in both languages
    ("ru", "Областному штабу «Береке-2025» обеспечить проведение мероприятий.",
     ("областной штаб «Береке-2025»", "«Береке-2025» облыстық штаб")),
])
def test_a_code_name_of_a_seasons_word_is_named_with_its_twin(lang, text, names):
    executors, _ = find_executors(text, lang, on=dt.date(2025, 3, 1))
    assert [(e.id, e.name_ru, e.name_kk) for e in executors] == [("group_regional_headquarters", *names)]


def test_logic_has_no_russian_or_kazakh_words():
    # letter maps (ё → е) are spelling, not words; every word lives in corpora/
    cyrillic = re.compile(r"[а-яёәғқңөұүһі]{3,}", re.IGNORECASE)
    for module in ("executors.py", "gazetteer.py", "morphology.py", "nlp.py"):
        tree = ast.parse((Path(__file__).parents[1] / "parser" / module).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        literals = [
            node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        ]
        assert not [s for s in literals if cyrillic.search(s)], module


# --- gazetteer matching ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Министерству иностранных дел Республики Казахстан", "ru", [("mfa", "name")]),
        ("совместно с Министерством финансов", "ru", [("mf", "short")]),
        ("МИД, МНЭ и МВД", "ru", [("mfa", "short"), ("mne", "short"), ("mvd", "short")]),
        ("Қазақстан Республикасының Сыртқы істер министрлігіне", "kk", [("mfa", "name")]),
        ("Үкіметке", "kk", [("government", "short")]),
    ],
)
def test_matches_in_any_case_form(text, lang, expected):
    assert [(m.entry.id, m.via) for m in gazetteer().matches(text, lang)] == expected


def test_longest_match_wins():
    matches = gazetteer().matches("Министерство финансов Республики Казахстан", "ru")
    assert [(m.entry.id, m.start, m.end) for m in matches] == [("mf", 0, 42)]


def test_abbreviations_match_only_in_capitals():
    assert gazetteer().matches("мид", "ru") == []


def test_kazakh_names_written_with_russian_letters_are_found():
    # older acts typed on Russian keyboards: «Қаржы» as «Каржы», «қалалар» as «калалар»
    names = gazetteer()
    assert names.lookup("Каржы министрлігіне", "kk").id == "mf"
    assert names.lookup("аудандар мен калалар әкімдері", "kk").id == "group_district_and_city_akims"
    # abbreviations are not folded: ҚМ (finance) and КМ (transport) are different ministries
    assert names.lookup("ҚМ", "kk").id == "mf"
    assert names.lookup("КМ", "kk").id == "mtr"


def test_one_closing_mark_after_nested_names_is_part_of_the_name():
    executors, _ = find_executors("АО «НК «КазМунайГаз» обеспечить исполнение.", "ru")
    assert [(e.id, e.text) for e in executors] == [("kazmunaygas", "АО «НК «КазМунайГаз»")]


def test_common_name_drops_the_proper_name_that_narrows_a_name():
    assert common_name('областной штаб "Зима-2001"') == "областной штаб"
    assert common_name("Қыс-2001 облыстық штаб") == "облыстық штаб"
    assert common_name("Министерство финансов Республики Казахстан") is None
    assert common_name("«Қыс-2001»") is None  # nothing but the proper name


def test_a_misspelt_long_word_inside_a_name_is_read_with_a_warning():
    # 4-113, Appendix 1 row 13: «мемлекетік» for «мемлекеттік»
    executors, warnings = find_executors("Алматы автомобиль жолдары мемлекетік мекемесі", "kk", mode="list", offset=3)
    assert [e.id for e in executors] == ["almaty_roads_institution"]
    assert warnings == ["executor read through a word one letter off its name, «мемлекетік»: «Алматы автомобиль жолдары мемлекетік "
                        "мекемесі» at 3 is Алматы автомобиль жолдары мемлекеттік мекемесі"]
    names = gazetteer()
    # one misspelt word per name, one letter off, and not among its first words
    assert names.matches("Алматы автомобиль жолдары мемлекетік мекемсі", "kk") == []
    assert names.matches("Алматы автомобиль жолдары мемлекеік мекемесі", "kk") == []
    assert names.matches("Алматы автомобль жолдары мемлекеттік мекемесі", "kk") == []
    assert [m.entry.id for m in names.matches("Министерство финансов Республики Казахстан", "ru")] == ["mf"]
    assert [m.misspelt for m in names.matches("Министерство финансов Республики Казахстан", "ru")] == [None]


@pytest.mark.parametrize(
    ("ru", "kk", "expected"),
    [
        ("районному отделу образования", "аудандық білім бөліміне", "group_district_department_education"),
        ("начальнику отдела занятости и социальных программ района", "ауданның жұмыспен қамту және әлеуметтік бағдарламалар бөлімінің басшысына",
         "group_district_department_head_labour_and_social_protection"),
        ("хозсубъектами", "шаруашылық субъектілерімен", "group_business_entities"),
        ("акимам областей", "облыстардың әкімдеріне", "group_oblast_akims"),
        ("облфинуправлению", "облыстық қаржы басқармасына", "group_regional_department_finance"),
        ("департаменту экономики области", "облыстық экономика департаментіне", "group_regional_department_economy"),
        ("акиматами областей", "облыстардың әкімдіктерімен", "group_oblast_akimats"),
        ("субъектам малого и среднего предпринимательства", "шағын және орта кәсіпкерлік субъектілеріне", "group_entrepreneurs"),
    ],
)
def test_local_groups_resolve_alike_in_both_languages(ru, kk, expected):
    names = gazetteer()
    assert names.lookup(ru, "ru").id == names.lookup(kk, "kk").id == expected


def test_lookup_resolves_any_wording():
    names = gazetteer()
    assert names.lookup("Министерству финансов", "ru").id == "mf"
    assert names.lookup("Қаржы министрлігімен", "kk").id == "mf"
    assert names.lookup("Министерство экологии, геологии и природных ресурсов Республики Казахстан", "ru").id == "mepr"
    assert names.lookup("Министерство чудес", "ru") is None
    assert names.get("mf").kind == "body" and names.get("no_such_id") is None


def test_user_gazetteer_file_is_added(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[entry]]\nid = "test_agency"\nkind = "body"\nname_ru = "Агентство по испытаниям"\n'
        'name_kk = "Сынақ агенттігі"\nparent = "government"\n',
        encoding="utf-8",
    )
    names = Gazetteer.load(extra_paths=[extra])
    assert names.lookup("Агентству по испытаниям", "ru").id == "test_agency"
    assert names.lookup("Сынақ агенттігіне", "kk").id == "test_agency"
    executors, warnings = find_executors("Агентству по испытаниям обеспечить", "ru", names=names)
    assert [e.id for e in executors] == ["test_agency"] and warnings == []
    executors, warnings = find_executors("Агентству по испытаниям обеспечить", "ru")
    assert [e.id for e in executors] == [None] and len(warnings) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[entry]]\nid = "Bad Id"\nkind = "body"\nname_ru = "Орган"\nname_kk = "Орган"\n', "'Bad Id'"),
        ('[[entry]]\nid = "x"\nkind = "ministry"\nname_ru = "Орган"\nname_kk = "Орган"\n', "kind"),
        ('[[entry]]\nid = "x"\nkind = "body"\nname_ru = "Орган"\nname_kk = "Орган"\nparent = "nobody"\n', "'nobody'"),
        ('[[entry]]\nid = "mf"\nkind = "body"\nname_ru = "Орган"\nname_kk = "Орган"\n', "already defined"),
        ('[[entry]\n', "valid TOML"),
    ],
)
def test_bad_user_gazetteer_names_file_and_entry(tmp_path, body, message):
    extra = tmp_path / "bad.toml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)) as error:
        Gazetteer.load(extra_paths=[extra])
    assert "bad.toml" in str(error.value)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_body_is_found_in_the_frames_acts_name_executors_in(lang):
    # every current entry of the gazetteer, by its full name, its variants and a short name with a
    # quoted name («НК «КазМунайГаз»», «Казахтелеком»»): as the addressee (ru dative,
    # kk nominative subject) and as a co-executor (ru «совместно с» and the instrumental); Kazakh
    # oblique forms are the golden cases' concern
    names = gazetteer()
    frames = {
        "ru": ("{datv} в месячный срок обеспечить исполнение.", "Правительству совместно с {ablt} принять меры."),
        "kk": ("{nomn} бір ай мерзімде орындалуын қамтамасыз етсін.",),
    }[lang]
    missed = []
    for entry in names.entries:
        if entry.family or entry.abolished or entry.id.startswith("rf_"):
            continue
        full, shorts, variants = ((entry.name_ru, entry.short_ru, entry.variants_ru) if lang == "ru"
                                  else (entry.name_kk, entry.short_kk, entry.variants_kk))
        for name in (full, *(short for short in shorts if "«" in short), *variants):
            name = name[0].upper() + name[1:]
            for frame in frames:
                text = frame.format(datv=inflect_name_ru(name, "datv"), ablt=inflect_name_ru(name, "ablt"), nomn=name)
                executors, _ = find_executors(text, lang)
                if entry.id not in [e.id for e in executors]:
                    missed.append(text)
    assert missed == []
