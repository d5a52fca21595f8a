"""Russian lemmas and Kazakh stems: inflected forms of one name meet on one key."""

import pytest

from tapsyrma.parser.errors import LanguageError
from tapsyrma.parser.morphology import lemma_ru, lemmas_ru, normalize_words, plural_kk, plural_ru, stem_kk, stems_kk, unjoined_kk


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Министерству", "министерство"), ("Министерством", "министерство"), ("финансов", "финансы"),
     ("Правительству", "правительство"), ("акиматам", "акимат"), ("МИД", "мид"), ("Объёмы", "объем")],
)
def test_russian_lemma(word, lemma):
    assert lemma_ru(word) == lemma


def test_russian_keeps_every_normal_form():
    assert {"дело", "деть"} <= set(lemmas_ru("дел"))
    assert lemmas_ru("дел")[0] == lemma_ru("дел")


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["министрлігі", "министрлігіне", "Министрлігімен", "министрлігінің", "министрлігін", "министрлігінде"], "министрлік"),
        (["Үкімет", "Үкіметке", "Үкіметі", "Үкіметінің", "Үкіметпен"], "үкімет"),
        (["әкімдігі", "әкімдіктеріне", "әкімдіктері", "әкімдігімен"], "әкімдік"),
        (["органдарына", "органдары", "органдарының", "органдар"], "орган"),
        (["облысы", "облыстардың", "облыстарының", "облысының", "облыстары", "облыстағы"], "облыс"),
        (["әкімдері", "әкімі", "әкімдеріне", "әкіміне", "әкiмдерi"], "әкім"),
        (["Республикасы", "Республикасының", "Республикасына"], "республикас"),
        (["Комитеті", "комитетінің", "комитетіне", "комитетімен"], "комитет"),
        (["Агенттігі", "агенттігімен", "Агенттігіне"], "агенттік"),
        (["орталығы", "орталығына"], "орталық"),
        (["Қарағанды", "Қарағандыға"], "қараған"),
    ],
)
def test_kazakh_forms_share_a_stem(forms, stem):
    assert {stem_kk(form) for form in forms} == {stem}


@pytest.mark.parametrize("word", ["Қазақстан", "Астана", "Шымкент", "Ақтөбе", "Алматы", "қамтамасыз", "мен"])
def test_kazakh_bare_names_keep_a_form_of_themselves(word):
    # the unstripped word is always one of the analyses, so a nominative name meets its forms
    assert word.casefold() in stems_kk(word)


def test_kazakh_stem_respects_sound_rules():
    # -ға follows voiced sounds, -қа voiceless ones: the wrong pairing is not a suffix
    assert stem_kk("Үкіметға") == "үкіметға"
    # vowel harmony: a back suffix on a front stem is not stripped
    assert stem_kk("кеңесы") == "кеңесы"
    # -не (dative) needs a possessive before it
    assert stem_kk("Астане") == "астане"
    # a minimal stem is kept: "ата" is not а + та
    assert stem_kk("ата") == "ата"


def test_kazakh_ambiguous_forms_keep_every_reading():
    # орга-ны (accusative) or орган-ы (possessive): the first is ranked higher, both are kept
    assert stems_kk("органы")[:2] == ("орга", "орган")
    assert set(stems_kk("Республикаға")) & set(stems_kk("Республикасы")) == {"республика"}


def test_kazakh_hyphenated_abbreviation_ending():
    assert stem_kk("ҚР-ның") == "қр"
    assert stem_kk("ҚР-ға") == "қр"
    assert stem_kk("іс-шара") == "іс-шара"


@pytest.mark.parametrize(
    ("before", "word", "unjoined"),
    [("аудандардың", "қалалардың", True),  # 5-150: «аудандардың қалалардың әкiмдерi»
     ("облыстың", "аудандарының", False),  # an izafet: the second takes the possessive
     ("Алматы", "облысының", False),  # the first no genitive
     ("аудандардың", "әкімдері", False)],  # the second no genitive
)
def test_kazakh_genitives_side_by_side_are_a_list_only_when_the_second_cannot_be_the_head(before, word, unjoined):
    assert unjoined_kk(before, word) is unjoined


def test_normalize_words():
    assert normalize_words("Министерству иностранных дел Республики Казахстан!", "ru") == [
        "министерство", "иностранный", "дело", "республика", "казахстан"]
    assert normalize_words("Қазақстан Республикасының Сыртқы істер министрлігіне (жинақтау)", "kk") == [
        "қазақс", "республикас", "сырт", "іс", "министрлік", "жинақтау"]
    assert normalize_words("Қазақстан Республикасы Сыртқы істер министрлігі", "kk") == normalize_words(
        "Қазақстан Республикасының Сыртқы істер министрлігіне", "kk")
    with pytest.raises(LanguageError):
        normalize_words("text", "en")


@pytest.mark.parametrize(
    ("word", "noun", "plural"),
    [("қаласының", "қала", "қалаларының"), ("министрлігіне", "министрлік", "министрліктеріне"),
     ("ауылының", "ауыл", "ауылдарының"),  # л takes -дар, not -лар
     ("округінің", "округ", "округтерінің"), ("облысы", "облыс", "облыстары"),
     ("әкімдігімен", "әкімдік", "әкімдіктерімен"),  # the word's own form of the instrumental, not -менен
     ("Қаласы", "қала", "Қалалары"),
     ("қаласының", "облыс", None), ("қалаларының", "қала", None)],
)
def test_kazakh_plural_keeps_possessive_and_case(word, noun, plural):
    assert plural_kk(word, noun) == plural


def test_russian_plural_keeps_the_case():
    assert [plural_ru(w, "gent") for w in ("города", "района", "области")] == ["городов", "районов", "областей"]
    assert plural_ru("Району", "datv") == "Районам"
    assert plural_ru("города", "datv") is None
