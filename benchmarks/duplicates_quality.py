"""Quality of the duplicate verdicts on the labelled pairs of corpora/dupes/pairs.jsonl.

Prints precision and recall of the verdict "duplicate" (tapsyrma.registry.compare: keys, executors,
numbers, deadline), and in the same run those of plain rapidfuzz token_set_ratio on the raw texts
at its best threshold (best F1), overall and per way the pair was made. Also the agreement on the
three labels duplicate / related / none.

    python benchmarks/duplicates_quality.py [--pairs PATH] [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter, defaultdict

from rapidfuzz import fuzz, utils

from tapsyrma.corpora import data_path
from tapsyrma.parser.model import Deadline, Executor, Item
from tapsyrma.registry import compare, item_features


def side_item(side: dict) -> Item:
    """An item as the parser would give it: executor and deadline spans into the text."""
    text = side["text"]
    executors = []
    for order, executor in enumerate(side["executors"]):
        start = text.find(executor["text"])
        if start < 0:
            continue
        executors.append(
            Executor(id=executor["id"], name_ru=None, name_kk=None, kind="body", role="lead" if order == 0 else "co",
                     text=executor["text"], span=(start, start + len(executor["text"])))
        )
    deadline = Deadline(kind="none")
    if side.get("deadline"):
        start = text.find(side["deadline"]["text"])
        deadline = Deadline(kind="date", text=side["deadline"]["text"], due=dt.date.fromisoformat(side["deadline"]["due"]),
                            span=(start, start + len(side["deadline"]["text"])) if start >= 0 else None)
    return Item(number="1", path=("1",), text=text, span=(0, len(text)), executors=tuple(executors), deadline=deadline)


def precision_recall(predicted: list[bool], truth: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and t for p, t in zip(predicted, truth))
    fp = sum(p and not t for p, t in zip(predicted, truth))
    fn = sum(t and not p for p, t in zip(predicted, truth))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=str(data_path("dupes", "pairs.jsonl")))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in open(args.pairs, encoding="utf-8")]
    truth = [pair["label"] == "duplicate" for pair in pairs]

    started = time.perf_counter()
    verdicts, scores = [], []
    for pair in pairs:
        a = item_features(side_item(pair["a"]), pair["a"]["lang"])
        b = item_features(side_item(pair["b"]), pair["b"]["lang"])
        verdict, score, _ = compare(a, b)
        verdicts.append(verdict)
        scores.append(score)
    ours_seconds = time.perf_counter() - started

    baseline = [fuzz.token_set_ratio(p["a"]["text"], p["b"]["text"], processor=utils.default_process) for p in pairs]
    best = max(
        ((precision_recall([s >= t for s in baseline], truth), t) for t in range(50, 101)),
        key=lambda found: (found[0][2], found[1]),
    )
    (b_precision, b_recall, b_f1), threshold = best
    ours = [v == "duplicate" for v in verdicts]
    precision, recall, f1 = precision_recall(ours, truth)
    print(f"pairs: {len(pairs)} ({sum(truth)} duplicate, {sum(p['label'] == 'related' for p in pairs)} related, "
          f"{sum(p['label'] == 'none' for p in pairs)} none; {sum(p['hard'] for p in pairs)} hard)")
    print(f"{'':34} precision  recall    F1")
    print(f"{'tapsyrma verdict duplicate':34} {precision:9.3f} {recall:7.3f} {f1:6.3f}   ({1000 * ours_seconds / len(pairs):.2f} ms/pair)")
    print(f"{f'token_set_ratio >= {threshold} (best F1)':34} {b_precision:9.3f} {b_recall:7.3f} {b_f1:6.3f}")
    three = sum(v == p["label"] for v, p in zip(verdicts, pairs)) / len(pairs)
    print(f"three-way agreement (duplicate/related/none): {three:.3f}")
    print("\nper way the pair was made: label, n, ours correct, baseline correct")
    by_how = defaultdict(lambda: [0, 0, 0, ""])
    for pair, mine, base in zip(pairs, ours, baseline):
        row = by_how[pair["how"]]
        row[0] += 1
        row[1] += mine == (pair["label"] == "duplicate")
        row[2] += (base >= threshold) == (pair["label"] == "duplicate")
        row[3] = pair["label"]
    for how, (n, mine, base, label) in sorted(by_how.items(), key=lambda kv: kv[1][3]):
        print(f"  {how:16} {label:9} {n:4}  {mine / n:6.3f}  {base / n:6.3f}")
    print("\nconfusion (label → verdict):", dict(Counter((p["label"], v) for p, v in zip(pairs, verdicts))))
    if args.show_errors:
        for pair, verdict, score in zip(pairs, verdicts, scores):
            if (verdict == "duplicate") != (pair["label"] == "duplicate"):
                print(f"\n{pair['id']} {pair['how']} label={pair['label']} verdict={verdict} score={score:.0f}")
                print("  A:", pair["a"]["text"][:200])
                print("  B:", pair["b"]["text"][:200])


if __name__ == "__main__":
    main()
