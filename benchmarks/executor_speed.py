"""Speed of executor extraction (tapsyrma.parser.executors.find_executors), items per second, next
to the bare spaCy tokenizer on the same texts in the same run; and the gazetteer matcher (a token
trie over lemma/stem keys) next to spaCy's Matcher with the same patterns written as
``{"_": {"keys": {"INTERSECTS": [...]}}}``.

    python benchmarks/executor_speed.py [--repeat N]

Items are the points and subpoints of corpora/samples (RU and KK). "cold" is the first pass in a
fresh process (lemma/stem caches empty, gazetteer and tries built before timing), "warm" the
best of ``--repeat`` further passes.
"""

from __future__ import annotations

import argparse
import re
import time

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.util import filter_spans

from tapsyrma.corpora import data_path
from tapsyrma.parser.executors import find_executors
from tapsyrma.parser.gazetteer import _QUOTES, _name_keys, gazetteer, word_keys
from tapsyrma.parser.nlp import nlp

_ITEM = re.compile(r"^\s*(?:-\s+|\d+(?:-\d+)?[.)]\s+)(.+)$", re.MULTILINE)


def items(lang: str) -> list[str]:
    texts = []
    for path in sorted(data_path("samples").glob(f"kz-{lang}-*.txt")):
        texts += [m.group(1).strip() for m in _ITEM.finditer(path.read_text(encoding="utf-8"))]
    return texts


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:10.0f} items/s"


def timed(function, texts) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - start


def spacy_matcher(lang: str) -> Matcher:
    """The gazetteer as a spaCy Matcher over the same keys (the alternative to the trie)."""
    if not Token.has_extension("keys"):
        Token.set_extension("keys", getter=lambda t: list(word_keys(t.text, t.lang_)))
    matcher = Matcher(nlp(lang).vocab)
    tokenizer = nlp(lang).tokenizer
    for entry in gazetteer().entries:
        for wording, _, _ in entry.wordings(lang):
            pattern = [{"_": {"keys": {"INTERSECTS": sorted(_name_keys(t.text, lang))}}}
                       for t in tokenizer(wording) if t.text not in _QUOTES and not t.is_space]
            if pattern:
                matcher.add(entry.id, [pattern])
    return matcher


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = gazetteer()
    for lang in ("ru", "kk"):
        names.matches("", lang)  # build the trie before timing
    print(f"{'':28}{'cold':>20}{'warm':>20}")
    for lang in ("ru", "kk"):
        texts = items(lang)
        tokenizer = nlp(lang).tokenizer
        extract = lambda text: find_executors(text, lang)
        cold = timed(extract, texts)
        warm = min(timed(extract, texts) for _ in range(args.repeat))
        bare = min(timed(tokenizer, texts) for _ in range(args.repeat))
        print(f"{lang} find_executors ({len(texts)} items){rate(len(texts), cold):>20}{rate(len(texts), warm):>20}")
        print(f"{lang} spaCy tokenizer alone   {'':>20}{rate(len(texts), bare):>20}")
        docs = [nlp(lang).make_doc(text) for text in texts]
        trie = min(timed(lambda doc: names.match_doc(doc, lang), docs) for _ in range(args.repeat))
        matcher = spacy_matcher(lang)
        spacy_time = min(timed(lambda doc: filter_spans(matcher(doc, as_spans=True)), docs) for _ in range(args.repeat))
        print(f"{lang} gazetteer: token trie    {'':>20}{rate(len(docs), trie):>20}")
        print(f"{lang} gazetteer: spaCy Matcher {'':>20}{rate(len(docs), spacy_time):>20}")


if __name__ == "__main__":
    main()
