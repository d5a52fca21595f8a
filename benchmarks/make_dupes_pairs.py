"""Build corpora/dupes/pairs.jsonl: labelled pairs of instruction items for the duplicate benchmark.

Every pair starts from a REAL item of corpora/samples (its leaf text, with the text of its parent
when the parent ends in ":" and so names the executor). Executors are found in the text with the
phrase table corpora/dupes/executors.tsv (written by reading the samples). The second item of a
pair is another real item or a variant of the first made by one documented rule (``how``):

duplicate (the same instruction again):
  reissue          the same text in a later act
  word_order       the two halves of the action swapped at the first comma or conjunction
  case_forms       (ru) executor in the nominative, infinitive turned into the 3rd person
                   ("Правительству ... обеспечить" → "Правительство ... обеспечит")
  deadline_update  the same text with a new, later deadline phrase (a re-issue, п.75 пп.2)
  executor_form    the executor written by its short form (same canonical body)
  co_executor      a co-executor added ("совместно с ..."), the lead kept
  reword           a filler word inserted, "а также"/"сондай-ақ" kinds of words dropped
related (hard negatives: same action, another field differs):
  other_executor   the same text given to another body (no common executor)
  other_numbers    the same text with a key number changed (5 → 7, 2020 → 2021 ...)
none (hard negatives):
  boilerplate      two real items of different acts that share a standard formula
  sibling          two different real items with the most words in common (read and judged)
none (easy):
  random           two unrelated real items

Run: python benchmarks/make_dupes_pairs.py  (deterministic; rewrites the pairs file).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import random
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from tapsyrma.corpora import data_path
from tapsyrma.parser.normalize import normalize
from tapsyrma.parser.structure import parse_structure

SEED = 403
OUT = data_path("dupes", "pairs.jsonl")

# Items that are only a formula of every act (effective date, control clause) or an amendment
# line are not instructions to compare; they feed the "boilerplate" pairs only.
_FORMULA = re.compile(
    r"(вводится в действие|вступает в силу|Контроль за (исполнением|выполнением)|қолданысқа енгізіледі|"
    r"бақылау .* жүктелсін|күшіне енеді|изложить в|редакцияда жазылсын|дополнить|толықтырылсын)",
    re.IGNORECASE,
)
_BOILER = re.compile(
    r"(принять иные меры, вытекающие|принятие иных мер, вытекающих|принять иные меры по реализации|"
    r"туындайтын өзге (де )?шараларды|іске асыру жөнінде (өзге де )?шаралар|прилагаемые:? (изменения|дополнения)|"
    r"енгізілетін (өзгерістер|толықтырулар)|мер по реализации настоящего)",
    re.IGNORECASE,
)
_FILLERS = {"ru": ["своевременно", "в приоритетном порядке", "в полном объеме"], "kk": ["уақтылы", "басым тәртіппен", "толық көлемде"]}
_DROPPABLE = {"ru": [" а также", " в том числе", " также"], "kk": [" сондай-ақ", " оның ішінде"]}
_DEADLINES = {
    "ru": [("в срок до 1 декабря 2024 года", "2024-12-01"), ("в срок до 1 июля 2025 года", "2025-07-01"), ("в срок до 1 марта 2026 года", "2026-03-01")],
    "kk": [("2024 жылғы 1 желтоқсанға дейінгі мерзімде", "2024-12-01"), ("2025 жылғы 1 шілдеге дейінгі мерзімде", "2025-07-01"), ("2026 жылғы 1 наурызға дейінгі мерзімде", "2026-03-01")],
}
_SHORT_FORMS = {
    "ru": {"Правительству Республики Казахстан": "Правительству", "Министерству финансов Республики Казахстан": "Министерству финансов",
           "Министерству иностранных дел Республики Казахстан": "МИД", "Министерству юстиции Республики Казахстан": "Министерству юстиции"},
    "kk": {"Қазақстан Республикасының Үкіметі": "Үкімет", "Қазақстан Республикасының Қаржы министрлігі": "Қаржы министрлігі",
           "Қазақстан Республикасының Сыртқы істер министрлігі": "СІМ", "Қазақстан Республикасының Әділет министрлігі": "Әділет министрлігі"},
}
_CO_WORDS = {"ru": ("совместно с", {"mf": "Министерством финансов Республики Казахстан", "mne": "Министерством национальной экономики Республики Казахстан", "mju": "Министерством юстиции Республики Казахстан"}),
             "kk": ("бірлесіп", {"mf": "Қазақстан Республикасының Қаржы министрлігімен", "mne": "Қазақстан Республикасының Ұлттық экономика министрлігімен", "mju": "Қазақстан Республикасының Әділет министрлігімен"})}
_SPLIT = {"ru": re.compile(r", | и "), "kk": re.compile(r", | және ")}
_NUMBER = re.compile(r"(?<![\w.])\d+(?![\w])")


def _executor_table():
    with data_path("dupes", "executors.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return sorted(rows, key=lambda row: -len(row["as_written"]))


def _items():
    """Real leaf items of the samples: (source, lang, text)."""
    found = []
    for path in sorted(glob.glob(str(data_path("samples", "*.txt")))):
        name = os.path.basename(path)
        if name.startswith("ukaz-403") or name.startswith("ru-rasporyazhenie"):
            continue
        lang = "kk" if "-kk-" in name else "ru"
        normalized = normalize(Path(path).read_text(encoding="utf-8"), lang)
        parsed = parse_structure(normalized, lang, source=name)

        def walk(nodes, parent):
            for node in nodes:
                if node.kind in ("table_row", "appendix"):
                    continue
                if node.children and node.path in parsed.exception_lists:
                    # A list of exceptions or objects is one instruction with its list, not one per line.
                    text = " ".join([node.text] + [child.text for child in node.children])
                    found.append((f"{name}#{'/'.join(node.path)}", lang, text))
                    continue
                if node.children:
                    walk(node.children, node.text)
                    continue
                if not node.path:
                    continue
                text = f"{parent} {node.text}" if parent and parent.endswith(":") else node.text
                found.append((f"{name}#{'/'.join(node.path)}", lang, text))

        walk(parsed.structure, None)
    return found


def _executors(text, lang, table):
    found, taken = [], []
    for row in table:
        if row["lang"] != lang:
            continue
        match = re.search(re.escape(row["as_written"]) + r"(?!\w)", text)
        start = match.start() if match else -1
        if start < 0 or any(start < end and start + len(row["as_written"]) > begin for begin, end in taken):
            continue
        taken.append((start, start + len(row["as_written"])))
        found.append((start, {"id": row["id"] or None, "text": row["as_written"]}))
    return [executor for _, executor in sorted(found, key=lambda pair: pair[0])]


def _side(source, lang, text, executors, deadline=None):
    return {"source": source, "lang": lang, "text": text, "executors": executors, "deadline": deadline}


def main() -> None:
    rng = random.Random(SEED)
    table = _executor_table()
    pool = {lang: [row for row in table if row["lang"] == lang and row["id"]] for lang in ("ru", "kk")}
    items = _items()
    instructions = [(s, l, t) for s, l, t in items if not _FORMULA.search(t) and not _BOILER.search(t) and len(t.split()) >= 7]
    pairs = []

    def add(label, how, hard, a, b):
        pairs.append({"id": f"p{len(pairs) + 1:04d}", "label": label, "how": how, "hard": hard, "a": a, "b": b})

    def with_executor(source, lang, text):
        executors = _executors(text, lang, table)
        if executors:
            return text, executors
        # An item that names no executor (the act's issuer acts itself) is given one, as a
        # registry of instructions to bodies would hold it.
        row = rng.choice(pool[lang])
        first = text[0].lower() + text[1:]
        return (f"{row['as_written']} {first}" if lang == "ru" else f"{row['as_written']} {text}"), [{"id": row["id"], "text": row["as_written"]}]

    rng.shuffle(instructions)
    for index, (source, lang, original) in enumerate(instructions):
        text, executors = with_executor(source, lang, original)
        base = _side(source, lang, text, executors)
        rule = index % 7
        lead = executors[0]
        # --- duplicates
        if rule == 0:
            add("duplicate", "reissue", False, base, _side(source + "@reissue", lang, text, executors))
        elif rule == 1:
            head_end = text.find(lead["text"]) + len(lead["text"]) if lead["text"] in text else 0
            head, action = text[:head_end], text[head_end:]
            parts = _SPLIT[lang].split(action.rstrip(".;"), maxsplit=1)
            if len(parts) == 2 and len(parts[1].split()) >= 2:
                swapped = f"{head} {parts[1].strip()}, {parts[0].strip()}".strip()
                add("duplicate", "word_order", True, base, _side(source + "@word_order", lang, swapped, executors))
        elif rule == 2 and lang == "ru" and lead["text"] in text:
            row = next((r for r in table if r["as_written"] == lead["text"]), None)
            varied = _third_person(text.replace(lead["text"], row["nominative"], 1)) if row else None
            if varied and varied != text:
                add("duplicate", "case_forms", True, base, _side(source + "@case_forms", lang, varied, [{"id": lead["id"], "text": row["nominative"]}] + executors[1:]))
        elif rule == 3:
            (old_text, old_due), (new_text, new_due) = sorted(rng.sample(_DEADLINES[lang], 2), key=lambda d: d[1])
            a = _side(source, lang, f"{text.rstrip('.;')} {old_text}.", executors, {"text": old_text, "due": old_due})
            b = _side(source + "@deadline_update", lang, f"{text.rstrip('.;')} {new_text}.", executors, {"text": new_text, "due": new_due})
            add("duplicate", "deadline_update", True, a, b)
        elif rule == 4:
            short = _SHORT_FORMS[lang].get(lead["text"])
            if short and lead["text"] in text:
                add("duplicate", "executor_form", True, base, _side(source + "@executor_form", lang, text.replace(lead["text"], short, 1), [{"id": lead["id"], "text": short}] + executors[1:]))
            else:
                word, bodies = _CO_WORDS[lang]
                co_id = rng.choice([key for key in bodies if key != lead["id"]])
                co = bodies[co_id]
                if lead["text"] in text:
                    end = text.find(lead["text"]) + len(lead["text"])
                    phrase = f"{word} {co}" if lang == "ru" else f"{co} {word}"
                    varied = f"{text[:end]} {phrase}{text[end:]}"
                    add("duplicate", "co_executor", True, base, _side(source + "@co_executor", lang, varied, executors + [{"id": co_id, "text": co}]))
        elif rule == 5:
            varied = text
            for drop in _DROPPABLE[lang]:
                varied = varied.replace(drop, "", 1)
            words = varied.split()
            position = min(len(words) - 1, len(" ".join(words).split(lead["text"])[0].split()) + len(lead["text"].split()) + 1)
            words.insert(position, rng.choice(_FILLERS[lang]))
            add("duplicate", "reword", True, base, _side(source + "@reword", lang, " ".join(words), executors))
        # --- hard negatives for every item: another executor; other numbers where it has some
        others = [row for row in pool[lang] if row["id"] not in {e["id"] for e in executors}]
        if lead["text"] in text and others and index % 2 == 0:
            row = rng.choice(others)
            replaced = text.replace(lead["text"], row["as_written"], 1)
            add("related", "other_executor", True, base, _side(source + "@other_executor", lang, replaced, [{"id": row["id"], "text": row["as_written"]}] + executors[1:]))
        numbers = [m for m in _NUMBER.finditer(text) if not any(m.start() >= text.find(e["text"]) >= 0 and m.end() <= text.find(e["text"]) + len(e["text"]) for e in executors)]
        if numbers:
            number = rng.choice(numbers)
            value = int(number.group())
            changed = text[: number.start()] + str(value + rng.choice([1, 2, 5, 10])) + text[number.end():]
            add("related", "other_numbers", True, base, _side(source + "@other_numbers", lang, changed, executors))
    # --- boilerplate: real items of different acts sharing a formula
    formula_items = [(s, l, t) for s, l, t in items if _BOILER.search(t) or _FORMULA.search(t)]
    for lang in ("ru", "kk"):
        same = [item for item in formula_items if item[1] == lang]
        for left_index, left in enumerate(same):
            for right in same[left_index + 1 :]:
                if left[0].split("#")[0] != right[0].split("#")[0] and rng.random() < 0.05:
                    a_text, a_exec = left[2], _executors(left[2], lang, table)
                    b_text, b_exec = right[2], _executors(right[2], lang, table)
                    add("none", "boilerplate", True, _side(left[0], lang, a_text, a_exec), _side(right[0], lang, b_text, b_exec))
    # --- siblings: the most similar pairs of different real items (hard), then random (easy)
    for lang in ("ru", "kk"):
        same = [item for item in instructions if item[1] == lang]
        texts = [text for _, _, text in same]
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, processor=None, workers=-1)
        ranked = sorted(
            ((scores[i][j], i, j) for i in range(len(same)) for j in range(i + 1, len(same)) if same[i][0].split("#")[0] != same[j][0].split("#")[0] or same[i][0] != same[j][0]),
            reverse=True,
        )
        used = {}
        taken = 0
        for score, i, j in ranked:
            if texts[i] == texts[j] or used.get(i, 0) >= 2 or used.get(j, 0) >= 2:
                continue
            if taken >= 40:
                break
            taken += 1
            used[i] = used.get(i, 0) + 1
            used[j] = used.get(j, 0) + 1
            add("none", "sibling", True, _side(same[i][0], lang, texts[i], _executors(texts[i], lang, table)), _side(same[j][0], lang, texts[j], _executors(texts[j], lang, table)))
        for _ in range(20):
            i, j = rng.sample(range(len(same)), 2)
            add("none", "random", False, _side(same[i][0], lang, texts[i], _executors(texts[i], lang, table)), _side(same[j][0], lang, texts[j], _executors(texts[j], lang, table)))
    with OUT.open("w", encoding="utf-8") as fh:
        for pair in pairs:
            fh.write(json.dumps(pair, ensure_ascii=False) + "\n")
    counts = {}
    for pair in pairs:
        counts[(pair["label"], pair["how"])] = counts.get((pair["label"], pair["how"]), 0) + 1
    for key, count in sorted(counts.items()):
        print(*key, count, sep="\t")
    print("pairs", len(pairs), "hard", sum(pair["hard"] for pair in pairs), file=sys.stderr)


def _third_person(text: str) -> str:
    """The first infinitive turned into the 3rd person singular ("обеспечить" → "обеспечит")."""
    import pymorphy3

    morph = _third_person.morph = getattr(_third_person, "morph", None) or pymorphy3.MorphAnalyzer()
    words = text.split(" ")
    for index, word in enumerate(words):
        core = word.strip(",.;:")
        parse = next((p for p in morph.parse(core) if p.tag.POS == "INFN"), None)
        if parse is None:
            continue
        tense = "futr" if "perf" in parse.tag else "pres"
        form = parse.inflect({"3per", "sing", tense, "indc"})
        if form:
            words[index] = word.replace(core, form.word)
            return " ".join(words)
    return text


if __name__ == "__main__":
    main()
