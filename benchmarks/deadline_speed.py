"""Deadline speed and accuracy: tapsyrma's deadline grammar next to dateparser's search_dates, on
the same texts in the same run.

    python benchmarks/deadline_speed.py [--repeat 5] [--acts]

The texts are the golden cases (tests/golden/deadlines/{ru,kk}.toml): phrases in their sentence,
most of them verbatim from the sample acts. For each language the script prints phrases per
second of ``find_deadlines`` and of ``dateparser.search.search_dates`` (languages=[lang],
RELATIVE_BASE = the case's basis, PREFER_DATES_FROM = future), and how many golden cases each
gets right: the first date it finds equals the expected due date (no date where none is due;
for tapsyrma the kind must match as well), over all cases and over those with a due date. The
golden cases are the ones tapsyrma's tests hold it to, so its score there is a check, not news.
``--acts`` also times both on the whole sample acts. Needs the ``bench`` extra (dateparser).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
import tomllib
import warnings
from pathlib import Path

from dateparser.search import search_dates

from tapsyrma.corpora import data_path
from tapsyrma.parser.deadlines import find_deadline, find_deadlines

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "deadlines"


def golden(lang: str) -> list[dict]:
    with (GOLDEN / f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)["case"]


def dateparser_settings(basis: dt.date | None) -> dict:
    settings = {"PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": False}
    if basis is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(basis, dt.time())
    return settings


def dateparser_first(text: str, lang: str, basis: dt.date | None) -> dt.date | None:
    found = search_dates(text, languages=[lang], settings=dateparser_settings(basis))
    return found[0][1].date() if found else None


def per_second(run, items: list, repeat: int) -> float:
    """Items per second: the median of ``repeat`` passes over ``items``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            run(*item)
        times.append(time.perf_counter() - start)
    return len(items) / statistics.median(times)


def accuracy(lang: str, cases: list[dict]) -> dict[str, int]:
    """How many cases each gets right: all of them, and those with a due date to find."""
    counts = dict.fromkeys(("ours", "ours_due", "theirs", "ours_dated", "theirs_dated", "dated"), 0)
    for case in cases:
        expected = case.get("due")
        found = find_deadline(case["text"], lang, case.get("basis"))
        due = found.due if found else None
        ours = due == expected and (found.kind if found else "none") == case["kind"]
        theirs = dateparser_first(case["text"], lang, case.get("basis")) == expected
        counts["ours"] += ours
        counts["ours_due"] += due == expected
        counts["theirs"] += theirs
        if expected is not None:
            counts["dated"] += 1
            counts["ours_dated"] += ours
            counts["theirs_dated"] += theirs
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--acts", action="store_true", help="also time the whole sample acts")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # dateparser's deprecation warnings about its own settings

    for lang in ("ru", "kk"):
        cases = golden(lang)
        items = [(case["text"], lang, case.get("basis")) for case in cases]
        find_deadlines(*items[0])  # build the grammar and the calendar outside the timing
        dateparser_first(*items[0])  # load dateparser's language data outside the timing
        ours = per_second(find_deadlines, items, args.repeat)
        theirs = per_second(dateparser_first, items, max(1, args.repeat // 2))
        right = accuracy(lang, cases)
        print(f"{lang}: {len(cases)} golden phrases, {right['dated']} with a due date")
        print(f"  tapsyrma find_deadlines   {ours:7.0f} phrases/s   right: {right['ours']}/{len(cases)}, "
              f"with a due date {right['ours_dated']}/{right['dated']} (due date alone: {right['ours_due']})")
        print(f"  dateparser search_dates   {theirs:7.0f} phrases/s   right: {right['theirs']}/{len(cases)}, "
              f"with a due date {right['theirs_dated']}/{right['dated']}")
        print(f"  speed: tapsyrma {ours / theirs:.1f}x dateparser")

    if args.acts:
        acts = [(path.read_text(encoding="utf-8"), "kk" if "-kk-" in path.name or path.name.endswith("-kk.txt")
                 else "ru", dt.date(2024, 1, 1)) for path in sorted(data_path("samples").glob("*.txt"))]
        chars = sum(len(text) for text, _, _ in acts)
        ours = per_second(find_deadlines, acts, args.repeat) * chars / len(acts)
        theirs = per_second(lambda text, lang, basis: search_dates(text, languages=[lang],
                                                                   settings=dateparser_settings(basis)), acts, 1)
        print(f"sample acts, {len(acts)} files, {chars} characters:")
        print(f"  tapsyrma find_deadlines   {ours / 1000:9.0f} k characters/s")
        print(f"  dateparser search_dates   {theirs * chars / len(acts) / 1000:9.0f} k characters/s")


if __name__ == "__main__":
    main()
