"""Parse speed: structure parsing of the sample corpus repeated to >= 5 MB per language, next to
spaCy's bare tokenizer on the same texts in the same run (the ratio is the figure), plus the
full parse (items, executors, deadlines, control rules) on a smaller share, and peak memory.

    python benchmarks/parse_speed.py [--mb 5] [--full-mb 0.5]

Aim: structure parsing at least 30% of the bare tokenizer's speed. The bare tokenizer is
``spacy.blank(lang)``'s, as spaCy ships it; the pipeline's own tokenizer (``tapsyrma.parser.nlp``)
drops the punctuation-only special cases (emoticons) and is timed beside it.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

import spacy

from tapsyrma.corpora import data_path
from tapsyrma.parser import parse_text
from tapsyrma.parser.language import detect_language
from tapsyrma.parser.nlp import nlp
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.structure import parse_structure


def corpus(lang: str, megabytes: float) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(data_path("samples").glob("*.txt"))]
    texts = [t for t in texts if detect_language(t).language == lang]
    repeated, size = [], 0
    while size < megabytes * 1_000_000:
        for text in texts:
            repeated.append(text)
            size += len(text)
    return repeated


def rate(function, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        function(text)
    return sum(len(t) for t in texts) / (time.perf_counter() - start)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--mb", type=float, default=5.0, help="megabytes of text per language for the structure figure")
    options.add_argument("--full-mb", type=float, default=0.5, help="megabytes per language for the full parse figure")
    args = options.parse_args()
    print(f"{'lang':4} {'chars':>10} {'tokenizer c/s':>14} {'structure c/s':>14} {'ratio':>6} {'full parse c/s':>15} "
          f"{'peak MB':>8} {'our tokenizer c/s':>18}")
    for lang in ("ru", "kk"):
        texts = corpus(lang, args.mb)
        tokenizer, ours = spacy.blank(lang).tokenizer, nlp(lang).tokenizer
        tokenizer(texts[0])  # warm the caches before timing
        ours(texts[0])
        parse_structure(normalize(texts[0], lang), lang)
        tokenizer_rate = rate(tokenizer, texts)
        ours_rate = rate(ours, texts)
        structure_rate = rate(lambda text: parse_structure(normalize(text, lang), lang), texts)
        full_texts = corpus(lang, args.full_mb)
        parse_text(full_texts[0], lang=lang)
        full_rate = rate(lambda text: parse_text(text, lang=lang), full_texts)
        tracemalloc.start()
        for text in full_texts[: len(set(full_texts))]:
            parse_text(text, lang=lang)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{lang:4} {sum(map(len, texts)):>10} {tokenizer_rate:>14,.0f} {structure_rate:>14,.0f} "
              f"{structure_rate / tokenizer_rate:>6.2f} {full_rate:>15,.0f} {peak / 2**20:>8.1f} {ours_rate:>18,.0f}")
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
