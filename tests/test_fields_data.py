"""The fields of activity of corpora/gazetteer/fields.toml: the data is clean, and the departments
they name are found in both languages, in any case form, alone or in lists, by one id."""

from __future__ import annotations

import itertools
import re
import tomllib

import pytest
from tapsyrma.corpora import data_path
from tapsyrma.parser.executors import find_executors
from tapsyrma.parser.gazetteer import gazetteer, word_keys
from tapsyrma.parser.nlp import nlp

FIELDS_FILE = data_path("gazetteer") / "fields.toml"
SAMPLES_DIR = data_path("samples")
FAMILIES = ("group_regional_department", "group_regional_department_head")
ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
RU_ONLY = set("ёъЁЪ")
KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LATIN = re.compile(r"[A-Za-z]")


def _raw_fields() -> list[dict]:
    with FIELDS_FILE.open("rb") as fh:
        return tomllib.load(fh)["field"]


def _member_id(family: str, *field_ids: str) -> str:
    return "_".join((family, *field_ids))


# ---------------------------------------------------------------- the data


def test_every_field_has_a_unique_ascii_snake_id_and_wordings_in_both_languages():
    fields = _raw_fields()
    ids = [f["id"] for f in fields]
    assert len(ids) == len(set(ids))
    for field in fields:
        assert ID_RE.fullmatch(field["id"]) and field["id"].isascii(), field["id"]
        for lang in ("ru", "kk"):
            wordings = field[lang]
            assert wordings, (field["id"], lang)
            assert len(set(wordings)) == len(wordings), (field["id"], lang)
            for wording in wordings:
                assert wording == " ".join(wording.split()) and wording == wording.lower(), wording


def test_kazakh_wordings_have_no_russian_only_letters_and_russian_ones_no_kazakh_letters():
    for field in _raw_fields():
        for wording in field["kk"]:
            assert not RU_ONLY & set(wording), wording
            assert not LATIN.search(wording), wording
        for wording in field["ru"]:
            assert not KK_ONLY & set(wording), wording
            assert not LATIN.search(wording), wording


def test_no_wording_belongs_to_two_fields():
    for lang in ("ru", "kk"):
        owner: dict[str, str] = {}
        for field in _raw_fields():
            for wording in field[lang]:
                assert owner.setdefault(wording.casefold(), field["id"]) == field["id"], (wording, owner[wording.casefold()])


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_no_two_fields_match_the_same_words(lang):
    # Different spellings of one word («молодежной», «молодёжной»; «бақылауы», «бақылау») meet by
    # their keys: two fields whose wordings meet word for word would take the same text.
    tokenizer = nlp(lang).tokenizer
    wordings = [(f.id, w, [word_keys(t.text, lang) for t in tokenizer(w) if not t.is_space])
                for f in gazetteer().fields.field for w in f.wordings(lang)]
    for (id_a, text_a, keys_a), (id_b, text_b, keys_b) in itertools.combinations(wordings, 2):
        if id_a != id_b and len(keys_a) == len(keys_b):
            assert not all(a & b for a, b in zip(keys_a, keys_b)), (text_a, text_b)


def test_a_member_id_names_one_list_of_fields():
    # the member id is the family id plus the field ids: no two lists may spell one id
    names = gazetteer()
    field_ids = [f.id for f in names.fields.field]
    lists = [(i,) for i in field_ids] + list(itertools.combinations(field_ids, 2))
    member_ids = [_member_id(FAMILIES[0], *ids) for ids in lists]
    assert len(set(member_ids)) == len(member_ids)
    for member_id in member_ids:
        assert names.get(member_id).id == member_id


def test_the_fields_of_existing_members_keep_their_place():
    # new fields go last: the ids the registry holds for lists of the first fields stay
    assert [f.id for f in gazetteer().fields.field][:5] == ["finance", "economy", "education", "health", "culture"]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_field_names_its_department_and_the_name_is_found_again(family):
    names = gazetteer()
    for field in names.fields.field:
        member = names.get(_member_id(family, field.id))
        assert field.ru[0] in member.name_ru and field.kk[0] in member.name_kk, member.id
        for lang in ("ru", "kk"):
            assert names.lookup(member.name(lang), lang).id == member.id, member.name(lang)


def test_every_two_fields_name_one_department_list_found_again():
    names = gazetteer()
    for a, b in itertools.combinations(names.fields.field, 2):
        member = names.get(_member_id(FAMILIES[0], a.id, b.id))
        for lang in ("ru", "kk"):
            assert names.lookup(member.name(lang), lang).id == member.id, member.name(lang)


# ---------------------------------------------------------------- finding the departments


def test_department_of_religious_affairs_is_one_member_in_both_languages():
    names = gazetteer()
    ru = names.lookup("управлению по делам религий", "ru")
    kk = names.lookup("дін істері басқармасына", "kk")
    assert ru.id == kk.id == "group_regional_department_religion"
    assert (ru.name_ru, ru.name_kk) == ("областное управление по делам религий", "облыстық дін істері басқармасы")


@pytest.mark.parametrize(("words", "lang", "field_id"), [
    # dative, instrumental, genitive
    ("управлению по делам религий", "ru", "religion"),
    ("управлением по делам религий", "ru", "religion"),
    ("управления по делам религий", "ru", "religion"),
    ("дін істері басқармасына", "kk", "religion"),
    ("дін істері басқармасымен", "kk", "religion"),
    ("дін істері басқармасының", "kk", "religion"),
    ("областному управлению по вопросам молодежной политики", "ru", "youth_policy"),
    ("облыстық жастар саясаты мәселелері басқармасымен", "kk", "youth_policy"),
    ("управлением развития языков", "ru", "languages"),
    ("облыстың тілдерді дамыту жөніндегі басқармасының", "kk", "languages"),
    ("облуправления архивов и документации", "ru", "archives"),
    ("облыстық мұрағаттар мен құжаттама басқармасына", "kk", "archives"),
    ("управлению государственного архитектурно-строительного контроля", "ru", "construction_control"),
    ("мемлекеттік сәулет-құрылыс бақылауы басқармасымен", "kk", "construction_control"),
    ("управлением архитектуры и градостроительства", "ru", "architecture"),
    ("сәулет және қала құрылысы басқармасының", "kk", "architecture"),
    ("управления жилищной инспекции", "ru", "housing_inspection"),
    ("тұрғын үй инспекциясы басқармасына", "kk", "housing_inspection"),
    ("управлению жилищно-коммунального хозяйства", "ru", "housing_and_utilities"),
    ("тұрғын үй-коммуналдық шаруашылығы басқармасымен", "kk", "housing_and_utilities"),
    ("управлением цифровизации", "ru", "digitalisation"),
    ("цифрландыру басқармасының", "kk", "digitalisation"),
    ("управлению государственных закупок", "ru", "public_procurement"),
    ("мемлекеттік сатып алу басқармасына", "kk", "public_procurement"),
    ("управлением общественного развития", "ru", "public_development"),
    ("қоғамдық даму басқармасының", "kk", "public_development"),
    ("управления туризма", "ru", "tourism"),
    ("туризм басқармасына", "kk", "tourism"),
    ("управлению мобилизационной подготовки", "ru", "mobilisation"),
    ("жұмылдыру дайындығы басқармасымен", "kk", "mobilisation"),
    ("управлением по контролю за использованием и охраной земель", "ru", "land_control"),
    ("жердің пайдаланылуы мен қорғалуын бақылау басқармасының", "kk", "land_control"),
    ("управлению промышленности и индустриально-инновационного развития", "ru", "industry"),
    ("өнеркәсіп және индустриялық-инновациялық даму басқармасына", "kk", "industry"),
    ("управления социальной защиты населения", "ru", "social_protection"),
    ("халықты әлеуметтік қорғау басқармасына", "kk", "social_protection"),
    ("областному управлению юстиции", "ru", "justice"),
    ("облыстық әділет басқармасының", "kk", "justice"),
])
def test_a_department_is_found_in_any_case_form(words, lang, field_id):
    assert gazetteer().lookup(words, lang).id == _member_id(FAMILIES[0], field_id)


def test_a_list_of_departments_is_one_member_over_its_fields_in_both_languages():
    names = gazetteer()
    ru = names.lookup("начальникам областных управлений образования, здравоохранения и культуры", "ru")
    kk = names.lookup("облыстық білім, денсаулық сақтау және мәдениет басқармаларының бастықтарына", "kk")
    assert ru.id == kk.id == "group_regional_department_head_education_health_culture"


@pytest.mark.parametrize(("ru", "kk", "field_ids"), [
    # a field with «и» / «және» inside is read whole, in a list as alone
    ("управлениям образования, физической культуры и спорта", "білім, дене шынықтыру және спорт басқармаларына",
     ("education", "sport")),
    ("управлений физической культуры и спорта, туризма", "дене шынықтыру және спорт, туризм басқармаларының",
     ("sport", "tourism")),
    ("управлениям труда и социальной защиты населения, здравоохранения",
     "еңбек және халықты әлеуметтік қорғау, денсаулық сақтау басқармаларына",
     ("labour_and_social_protection", "health")),
    ("управлению культуры, архивов и документации", "мәдениет, архивтер және құжаттама басқармасына",
     ("culture_and_archives",)),
    ("управлениям культуры, архивов и документации и образования", "мәдениет, мұрағаттар және құжаттама, білім басқармаларына",
     ("culture_and_archives", "education")),
    ("управлению энергетики и жилищно-коммунального хозяйства", "энергетика және тұрғын үй-коммуналдық шаруашылығы басқармасына",
     ("energy_and_housing",)),
    # a plain list is the department named by it
    ("управлению предпринимательства и индустриально-инновационного развития",
     "кәсіпкерлік және индустриялық-инновациялық даму басқармасына", ("entrepreneurship", "industry")),
    ("управлению сельского хозяйства и земельных отношений", "ауыл шаруашылығы және жер қатынастары басқармасына",
     ("agriculture", "land_relations")),
    ("управлению культуры и развития языков", "мәдениет және тілдерді дамыту басқармасына", ("culture", "languages")),
    ("управлению культуры, развития языков и архивного дела", "мәдениет, тілдерді дамыту және архив ісі басқармасына",
     ("culture", "languages", "archives")),
])
def test_lists_of_fields_whose_names_hold_conjunctions(ru, kk, field_ids):
    names = gazetteer()
    expected = names.get(_member_id(FAMILIES[0], *field_ids)).id
    assert names.lookup(ru, "ru").id == expected, ru
    assert names.lookup(kk, "kk").id == expected, kk


@pytest.mark.parametrize(("sample", "lang", "words", "member_id"), [
    # a new field inside an older wording («коммуналдық шаруашылық» in «жол және коммуналдық
    # шаруашылық») leaves the older department whole
    ("kz-kk-reshenie-akima-20000414-4-113", "kk", "Облыстық жол және коммуналдық шаруашылық басқармасының бастығы",
     "group_regional_department_head_roads_and_utilities"),
    ("kz-ru-reshenie-akima-20000414-4-113", "ru", "Начальнику областного управления дорожного и коммунального хозяйства",
     "group_regional_department_head_roads_and_utilities"),
    ("kz-ru-reshenie-akima-20000414-4-113", "ru", "руководителей областных управлений образования, культуры и здравоохранения",
     "group_regional_department_head_education_health_culture"),
    ("kz-kk-reshenie-akima-20000414-4-113", "kk", "облыстық білім, денсаулық сақтау және мәдениет басқармаларының бастықтары",
     "group_regional_department_head_education_health_culture"),
])
def test_departments_of_the_sample_acts_keep_their_members(sample, lang, words, member_id):
    text = (SAMPLES_DIR / f"{sample}.txt").read_text(encoding="utf-8")
    found = {m.text: m.entry.id for m in gazetteer().matches(text, lang)}
    assert found[words] == member_id


@pytest.mark.parametrize(("text", "lang", "words", "member_id"), [
    # the place noun alone is part of the name and restates its level, as «Облыстың» does below
    ("Управлению по делам религий области обеспечить проведение разъяснительной работы среди населения.", "ru",
     "Управлению по делам религий области", "group_regional_department_religion"),
    ("Облыстың дін істері басқармасы діни ахуалға мониторинг жүргізуді қамтамасыз етсін.", "kk",
     "Облыстың дін істері басқармасы", "group_regional_department_religion"),
    ("Областному управлению культуры, архивов и документации обеспечить сохранность документов Национального архивного фонда.", "ru",
     "Областному управлению культуры, архивов и документации", "group_regional_department_culture_and_archives"),
    ("Облыстық мәдениет, архивтер және құжаттама басқармасы Ұлттық архив қоры құжаттарының сақталуын қамтамасыз етсін.", "kk",
     "Облыстық мәдениет, архивтер және құжаттама басқармасы", "group_regional_department_culture_and_archives"),
    ("Начальникам областных управлений образования, физической культуры и спорта принять меры по подготовке объектов к зиме.", "ru",
     "Начальникам областных управлений образования, физической культуры и спорта", "group_regional_department_head_education_sport"),
    ("Облыстық білім, дене шынықтыру және спорт басқармаларының бастықтары нысандарды қысқа дайындау жөнінде шаралар қабылдасын.", "kk",
     "Облыстық білім, дене шынықтыру және спорт басқармаларының бастықтары", "group_regional_department_head_education_sport"),
    ("Управлению энергетики и жилищно-коммунального хозяйства обеспечить готовность котельных к отопительному сезону.", "ru",
     "Управлению энергетики и жилищно-коммунального хозяйства", "group_regional_department_energy_and_housing"),
    ("Облыстық энергетика және тұрғын үй-коммуналдық шаруашылығы басқармасы қазандықтардың жылыту маусымына дайындығын қамтамасыз етсін.", "kk",
     "Облыстық энергетика және тұрғын үй-коммуналдық шаруашылығы басқармасы", "group_regional_department_energy_and_housing"),
    # the 2000s name of the department, read whole, under its present name
    ("Управлению по мобилизационной подготовке, гражданской обороне, организации предупреждения и ликвидации аварий и "
     "стихийных бедствий уточнить план эвакуации населения.", "ru",
     "Управлению по мобилизационной подготовке, гражданской обороне, организации предупреждения и ликвидации аварий и "
     "стихийных бедствий", "group_regional_department_mobilisation"),
    ("Облыстық жұмылдыру дайындығы басқармасы халықты көшіру жоспарын нақтыласын.", "kk",
     "Облыстық жұмылдыру дайындығы басқармасы", "group_regional_department_mobilisation"),
])
def test_find_executors_names_the_department_in_both_languages(text, lang, words, member_id):
    executors, warnings = find_executors(text, lang)
    assert warnings == []
    assert [(e.id, e.role, e.text) for e in executors] == [(member_id, "lead", words)]
    member = gazetteer().get(member_id)
    assert (executors[0].name_ru, executors[0].name_kk) == (member.name_ru, member.name_kk)
    assert executors[0].name_ru.startswith(("областное управление", "начальник областного управления"))
    assert executors[0].name_kk.startswith("облыстық")
