"""tapsyrma batch --pairs: every Russian/Kazakh pair of a folder checked for consistency."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from tapsyrma.app.cli import app
from tapsyrma.corpora import data_path


def test_pairs_of_a_folder_are_compared(tmp_path):
    acts = tmp_path / "acts"
    acts.mkdir()
    for name in ("kz-ru-ukaz-20220303-826.txt", "kz-kk-ukaz-20220303-826.txt",
                 "kz-ru-postanovlenie-20240125-36.txt", "kz-kk-postanovlenie-20240125-36.txt",
                 "kz-ru-ukaz-20190409-a130175.txt"):  # the last one has no twin here
        shutil.copy(data_path("samples", name), acts / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(acts), "-o", str(out), "--jobs", "1", "--pairs"])
    assert result.exit_code == 0, result.output
    comparisons = [json.loads(line) for line in (out / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(comparisons) == 2
    by_source = {c["ru_source"].rsplit("/", 1)[-1]: c for c in comparisons}
    assert by_source["kz-ru-ukaz-20220303-826.txt"]["agree"] is True
    # The stored Russian resolution 36 predates the 2024 amendment: other ministries in pp. 3-4.
    differing = by_source["kz-ru-postanovlenie-20240125-36.txt"]
    assert differing["agree"] is False
    assert {d["kind"] for d in differing["discrepancies"]} == {"executor"}
    assert (out / "pairs" / "kz-ru-postanovlenie-20240125-36.html").exists()
    assert "2 pairs, 1 differ, 0 not compared." in (out / "pairs.md").read_text(encoding="utf-8")
