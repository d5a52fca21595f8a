"""Scale of the registry: fill it with N items (real items varied), then check 20-item drafts.

Prints the import rate, the index and database size, the query latency per draft item (p50/p95,
one core: the candidate search, the re-ranking and the field comparison of find_duplicates),
recall@10 of the index against exhaustive rapidfuzz scoring of the same queries over every item
in the same run, and the peak memory.

    python benchmarks/duplicates_scale.py [--items 1000000] [--db URL] [--queries 20]

Items: the real items of corpora/dupes/pairs.jsonl (from corpora/samples), each copy varied by
1–3 random edits (a word dropped, two words swapped, a word of another item inserted, a number
changed, the tail replaced by another item's tail), grouped 20 to an act, imported 1,000 acts
(20,000 items) per transaction; the import rate counts the time in ``import_acts`` only.
``--items 0 --db URL`` measures the queries on a registry filled before. recall@10 is tie-aware: a returned item counts when its exhaustive
score reaches the 10th best exhaustive score (many varied copies score alike).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from tapsyrma.corpora import data_path
from tapsyrma.parser.model import Act, ActHeader, Executor, Item
from tapsyrma.registry import Registry, find_duplicates, item_features
from tapsyrma.registry.duplicates import DEFAULT_MIN_SCORE, ranked_candidates

ITEMS_PER_ACT = 20
ACTS_PER_TRANSACTION = 1000
_NUMBER = re.compile(r"\d+")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def base_items() -> dict[str, list[tuple[str, list[dict]]]]:
    seen, bases = set(), {"ru": [], "kk": []}
    for line in data_path("dupes", "pairs.jsonl").open(encoding="utf-8"):
        pair = json.loads(line)
        for side in (pair["a"], pair["b"]):
            if side["text"] not in seen:
                seen.add(side["text"])
                bases[side["lang"]].append((side["text"], side["executors"]))
    return bases


def vary(text: str, executors: list[dict], rng: random.Random, donors: list[tuple[str, list[dict]]]) -> str:
    protected = [e["text"] for e in executors if e["text"] in text]
    head = ""
    if protected:  # keep the executor names intact so that their spans stay findable
        end = max(text.find(name) + len(name) for name in protected)
        head, text = text[:end], text[end:]
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        if len(words) < 3:
            break
        edit = rng.random()
        if edit < 0.25:
            del words[rng.randrange(len(words))]
        elif edit < 0.45:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        elif edit < 0.7:
            donor = rng.choice(donors)[0].split()
            words.insert(rng.randrange(len(words)), rng.choice(donor))
        elif edit < 0.85:
            i = rng.randrange(len(words))
            words[i] = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), words[i]) if _NUMBER.search(words[i]) else words[i]
        else:
            donor = rng.choice(donors)[0].split()
            cut = rng.randrange(1, len(words))
            words = words[:cut] + donor[rng.randrange(len(donor)) :]
    return (head + " " + " ".join(words)).strip()


def make_act(index: int, lang: str, rows: list[tuple[str, list[dict]]]) -> Act:
    parts, items, position = [], [], 0
    for number, (text, executors) in enumerate(rows, start=1):
        start = position
        found = []
        for order, executor in enumerate(executors):
            at = text.find(executor["text"])
            if at >= 0:
                found.append(Executor(id=executor["id"], name_ru=None, name_kk=None, kind="body", role="lead" if order == 0 else "co",
                                      text=executor["text"], span=(start + at, start + at + len(executor["text"]))))
        items.append(Item(number=str(number), path=(str(number),), text=text, span=(start, start + len(text)), executors=tuple(found)))
        parts.append(text + "\n\n")
        position += len(text) + 2
    return Act(language=lang, source=f"bench-{index}.txt", act=ActHeader(kind="указ", number=str(index), date=dt.date(2020, 1, 1) + dt.timedelta(days=index % 2000)),
               items=tuple(items), text="".join(parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="registry URL (default: a new SQLite file in a temporary folder)")
    parser.add_argument("--queries", type=int, default=20, help="items in the draft")
    parser.add_argument("--seed", type=int, default=33)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bases = base_items()
    workdir = tempfile.mkdtemp(prefix="tapsyrma-scale-")
    url = args.db or f"sqlite:///{workdir}/registry.db"
    registry = Registry(url)

    total_acts = args.items // ITEMS_PER_ACT
    import_seconds = 0.0
    made = 0
    rates = []  # (items in the registry, items/s of the transaction that reached it)
    while made < total_acts:
        batch = []
        for _ in range(min(ACTS_PER_TRANSACTION, total_acts - made)):
            lang = "ru" if made % 2 == 0 else "kk"
            rows = []
            for _ in range(ITEMS_PER_ACT):
                text, executors = rng.choice(bases[lang])
                rows.append((vary(text, executors, rng, bases[lang]), executors))
            batch.append(make_act(made, lang, rows))
            made += 1
        started = time.perf_counter()
        registry.import_acts(batch)
        elapsed = time.perf_counter() - started
        import_seconds += elapsed
        rates.append((made * ITEMS_PER_ACT, len(batch) * ITEMS_PER_ACT / elapsed))
        print(f"\r  imported {made * ITEMS_PER_ACT:,} items, {rates[-1][1]:,.0f} items/s", end="", flush=True)
    print()
    stats = registry.stats()
    db_file = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    db_size = sum(p.stat().st_size for p in db_file.parent.glob(db_file.name + "*")) if db_file else None
    import_peak = peak_mb()

    # A draft: half near-copies of stored items, half fresh variants of real items.
    draft_items = []
    for index in range(args.queries):
        lang = "ru" if index % 2 == 0 else "kk"
        text, executors = rng.choice(bases[lang])
        draft_items.append((lang, make_act(10**9 + index, lang, [(vary(text, executors, rng, bases[lang]), executors)]).items[0]))
    latencies = []
    # One other item per language first, as a running server would have done: loads the index's
    # key counts and compiles the language rules.
    for lang in ("ru", "kk"):
        text, executors = rng.choice(bases[lang])
        find_duplicates([make_act(0, lang, [(text, executors)]).items[0]], registry, language=lang, top=10)
    for lang, item in draft_items:
        started = time.perf_counter()
        find_duplicates([item], registry, language=lang, top=10)
        latencies.append((time.perf_counter() - started) * 1000)
    query_peak = peak_mb()

    # recall@10: index candidates re-ranked vs exhaustive scoring of every stored item.
    keys = {lang: list(registry.all_item_keys(lang)) for lang in ("ru", "kk")}
    recalls, reportable_recalls, exhaustive_ms, tied = [], [], [], 0
    for lang, item in draft_items:
        features = item_features(item, lang)
        system = [(score, item_id) for score, item_id, _ in ranked_candidates(features, registry, count=10)]
        started = time.perf_counter()
        ids = [item_id for item_id, _ in keys[lang]]
        scores = process.cdist([text for _, text in keys[lang]], [features.key_text], scorer=fuzz.token_sort_ratio, processor=None, workers=-1)[:, 0]
        exhaustive_ms.append((time.perf_counter() - started) * 1000)
        tenth = np.sort(scores)[-10]
        # Nothing in the registry shares a word with this item, or it has no key at all (its empty
        # key text "matches" every other empty one): no top 10 to find.
        if tenth == 0 or not features.keys:
            continue
        tied += int(np.count_nonzero(scores >= tenth) > 10)
        by_id = dict(zip(ids, scores))
        recalls.append(sum(by_id[item_id] >= tenth for _, item_id in system) / 10)
        # The matches find_duplicates can report: exhaustive top 10 above the default min score.
        reportable = [i for i in np.argsort(-scores)[:10] if scores[i] >= DEFAULT_MIN_SCORE]
        if reportable:
            found = {item_id for _, item_id in system}
            reportable_recalls.append(sum(ids[i] in found or scores[i] <= system[-1][0] for i in reportable) / len(reportable))

    print(f"registry: {stats.items} items in {stats.acts} acts ({registry.display_url})")
    if rates:
        tenths = dict.fromkeys(rates[min(len(rates) - 1, round(len(rates) * part / 10))] for part in range(0, 11, 2))
        print(f"import: {made * ITEMS_PER_ACT / import_seconds:,.0f} items/s ({import_seconds:.0f} s in import_acts for "
              f"{made * ITEMS_PER_ACT:,} items, {len(rates)} transactions; generating the items not counted); "
              "per transaction as the registry grows: " + ", ".join(f"{size:,}: {rate:,.0f}" for size, rate in tenths))
    print(f"index: {stats.index_terms:,} terms, {stats.index_rows:,} posting rows, {stats.index_bytes / 2**20:.1f} MiB postings"
          + (f"; database files {db_size / 2**20:,.0f} MiB" if db_size else ""))
    print(f"query latency per draft item (find_duplicates, top 10, one core): p50 {statistics.median(latencies):.1f} ms, "
          f"p95 {np.percentile(latencies, 95):.1f} ms over {len(latencies)} items")
    print(f"exhaustive rapidfuzz token_sort_ratio over all items of the language (reference, all cores): "
          f"p50 {statistics.median(exhaustive_ms):.0f} ms per item")
    print(f"recall@10 of the index vs exhaustive scoring: {statistics.mean(recalls):.3f} (min {min(recalls):.1f}; "
          f"{len(draft_items) - len(recalls)} draft items without keys or with no word in common with any item left out). Ties: a returned "
          f"item is a hit when its exhaustive score reaches the 10th-best exhaustive score; {tied} of {len(recalls)} "
          "draft items had more than 10 items at or above that score, so any 10 of them count")
    if reportable_recalls:
        print(f"recall@10 of the matches scoring >= {DEFAULT_MIN_SCORE:.0f} (what dupes reports): {statistics.mean(reportable_recalls):.3f} "
              f"over {len(reportable_recalls)} draft items (an exhaustive top-10 item is found when returned, or when the "
              "10th returned item scores at least as high)")
    print(f"peak memory: {import_peak:,.0f} MiB after import, {query_peak:,.0f} MiB after queries, {peak_mb():,.0f} MiB with the exhaustive reference")


if __name__ == "__main__":
    main()
