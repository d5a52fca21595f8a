"""Russian or Kazakh: every act of the corpus, and short pasted fragments."""

from __future__ import annotations

import pytest

from tapsyrma.corpora import data_path
from tapsyrma.parser.errors import LanguageError
from tapsyrma.parser.language import detect_language, resolve_language

SAMPLES = sorted(p.name for p in data_path("samples").glob("*.txt"))


def _expected(name: str) -> str:
    return "kk" if name.startswith("kz-kk-") or name.endswith("-kk.txt") else "ru"


@pytest.mark.parametrize("name", SAMPLES)
def test_every_act_of_the_corpus(name):
    text = data_path("samples", name).read_text(encoding="utf-8")
    assert detect_language(text).language == _expected(name)


@pytest.mark.parametrize("fragment, expected", [
    ("4. Правительству Республики Казахстан принять меры по реализации настоящего Указа.", "ru"),
    ("4. Қазақстан Республикасының Үкіметі осы Жарлықты іске асыру жөнінде шаралар қабылдасын.", "kk"),
    ("3) КеАҚ-ны әділет органдарында мемлекеттік тіркеуді;", "kk"),
    ("бір ай мерзімде", "kk"),
    ("в месячный срок", "ru"),
    ("Министерству иностранных дел совместно с АО «Қазақстан темір жолы» обеспечить перевозки.", "ru"),
    # Kazakh with a Russian quotation stays Kazakh.
    ("Үкімет «О государственном имуществе» Заңына сәйкес шешім қабылдасын және ақпарат берсін.", "kk"),
    # An old text with a Latin i for the Kazakh і.
    ("Аудандардың әкiмдерi бiр ай мерзiмде тексеру жүргiзсiн.", "kk"),
])
def test_short_fragments(fragment, expected):
    assert detect_language(fragment).language == expected


def test_text_without_cyrillic_is_refused_with_a_reason():
    with pytest.raises(LanguageError, match="expected Russian or Kazakh"):
        detect_language("The Government shall take measures within one month.")


def test_forced_language_is_taken_as_given():
    assert resolve_language("в месячный срок", "kk") == "kk"
    with pytest.raises(LanguageError, match="auto, ru or kk"):
        resolve_language("текст", "en")
