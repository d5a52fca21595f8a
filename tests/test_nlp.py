"""Tokenisation of the two languages, Kazakh first (spaCy has none of its own)."""

import pytest
import spacy

from tapsyrma.parser.errors import LanguageError
from tapsyrma.parser.nlp import Kazakh, nlp


def tokens(lang, text):
    return [t.text for t in nlp(lang)(text)]


def test_kazakh_is_a_registered_spacy_language():
    assert isinstance(nlp("kk"), Kazakh)
    assert isinstance(spacy.blank("kk"), Kazakh)
    assert nlp("kk") is nlp("kk")


def test_russian_is_blank_spacy_without_lemmatizer():
    assert nlp("ru").lang == "ru"
    assert nlp("ru").pipe_names == []


def test_unknown_language_is_refused():
    with pytest.raises(LanguageError, match="'en'"):
        nlp("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қазақстан Республикасының", ["Қазақстан", "Республикасының"]),
        ("2024 жылғы 1 наурызға дейін.", ["2024", "жылғы", "1", "наурызға", "дейін", "."]),
        ("30-1-тармақ", ["30-1-тармақ"]),
        ("іс-шаралар жоспарын", ["іс-шаралар", "жоспарын"]),
        ("ҚР-ның Үкіметке;", ["ҚР-ның", "Үкіметке", ";"]),
        ("(жинақтау), Қаржы министрлігі", ["(", "жинақтау", ")", ",", "Қаржы", "министрлігі"]),
        ("Алматы қ. әкімдігі, т.б.", ["Алматы", "қ.", "әкімдігі", ",", "т.б."]),
        ("«Бәйтерек» ұлттық басқарушы холдингі» АҚ", ["«", "Бәйтерек", "»", "ұлттық", "басқарушы", "холдингі", "»", "АҚ"]),
        ("қамтамасыз етсін.", ["қамтамасыз", "етсін", "."]),
        ("Ұлттық Банкі—Қазақстан", ["Ұлттық", "Банкі", "—", "Қазақстан"]),
    ],
)
def test_kazakh_tokenisation(text, expected):
    assert tokens("kk", text) == expected


def test_kazakh_lexical_attributes_come_from_data():
    doc = nlp("kk")("және екі 2024 министрлігі")
    assert [t.is_stop for t in doc] == [True, False, False, False]
    assert [t.like_num for t in doc] == [False, True, True, False]
    assert nlp("kk")("қ.")[0].norm_ == "қаласы"


def test_kazakh_tokeniser_on_a_real_point():
    # corpora/samples/kz-kk-ukaz-20190409-a130175.txt style: a subject, a partner, an imperative
    text = "Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік мүлік және жекешелендіру комитеті қамтамасыз етсін."
    assert tokens("kk", text)[:6] == ["Қазақстан", "Республикасы", "Қаржы", "министрлігінің", "Мемлекеттік", "мүлік"]
    assert tokens("kk", text)[-1] == "."


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "ормандарды авиациялық қорғау базасының авиабөлімшесі (Г.Ф.Черкасов):"),
    ("ru", "авиаотделению базы авиационной охраны лесов (Черкасов Г.Ф.):"),
])
def test_a_bracket_and_a_colon_are_two_tokens(lang, text):
    # spaCy's emoticon «):» would hide the colon that ends an intro naming its executors
    assert [t.text for t in nlp(lang).make_doc(text)][-2:] == [")", ":"]
