"""Batch processing on real acts: a folder of samples with a legacy-encoded copy, a DOCX, archives,
and the bad files an archive of thousands holds (a corrupt DOCX, an empty file, a member climbing
out with ../, a symbolic link out of the folder, a zip bomb). Parallel equals serial, a run killed
with SIGKILL resumes to exactly one line per file, a Dask cluster gives what this machine gives."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest
from tapsyrma.app.batch import ArchiveLimits, run_batch, runners
from tapsyrma.app.batch.sources import Unit, iter_candidates
from tapsyrma.app.batch.tables import item_rows
from tapsyrma.app.cli import app
from tapsyrma.corpora import data_path
from tapsyrma.parser import parse_file
from tapsyrma.parser.model import Act
from typer.testing import CliRunner

SAMPLES = data_path("samples")
RU = ["kz-ru-postanovlenie-20210315-a153979.txt", "kz-ru-ukaz-20240902-a200256.txt", "kz-ru-ukaz-20190703-a133041.txt",
      "kz-ru-ukaz-20201021-a147637.txt", "ru-rasporyazhenie-2002-385-rp.txt"]
KK = ["kz-kk-postanovlenie-20210315-a153979.txt", "kz-kk-ukaz-20240902-a200256.txt", "kz-kk-ukaz-20220503-a167469.txt"]
LEGACY = "ru-rasporyazhenie-2002-391-rp.txt"
AS_DOCX = "kz-ru-ukaz-20190319-884.txt"
ZIPPED = ["kz-ru-ukaz-20231005-366.txt", "kz-kk-ukaz-20231005-366.txt"]
TARRED = ["kz-kk-ukaz-20190703-a133041.txt", "kz-ru-postanovlenie-20230120-a178224.txt"]
# Documents of the corpus that give an act, and the reason each bad one is refused.
GOOD = len(RU) + len(KK) + 1 + 1 + len(ZIPPED) + len(TARRED)
BAD = {
    "bad/corrupt.docx": "not a valid DOCX file",
    "bad/empty.txt": "file is empty",
    "bad/old.doc": "unsupported file type '.doc'",
    "bad/escape.txt": "symbolic link pointing outside",
    "packed.zip!/../evil.txt": "climbs out of the archive",
    "bomb.zip!/bomb.txt": "zip bomb",
}



def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def make_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)


def build_corpus(root: Path) -> Path:
    acts = root / "acts"
    for folder, names in (("ru", RU), ("kk/deeper", KK)):
        (acts / folder).mkdir(parents=True)
        for name in names:
            (acts / folder / name).write_text(sample_text(name), encoding="utf-8")
    (acts / "legacy").mkdir()
    (acts / "legacy" / LEGACY.replace(".txt", "-cp1251.txt")).write_bytes(sample_text(LEGACY).encode("cp1251"))
    (acts / "docx").mkdir()
    make_docx(sample_text(AS_DOCX), acts / "docx" / AS_DOCX.replace(".txt", ".docx"))
    bad = acts / "bad"
    bad.mkdir()
    (bad / "corrupt.docx").write_bytes((acts / "docx" / AS_DOCX.replace(".txt", ".docx")).read_bytes()[:400])
    (bad / "empty.txt").write_bytes(b"")
    (bad / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + sample_text(RU[0]).encode("cp1251"))
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text(sample_text(RU[0]), encoding="utf-8")
    (bad / "escape.txt").symlink_to(root / "outside" / "secret.txt")
    (bad / ".hidden.txt").write_text(sample_text(RU[0]), encoding="utf-8")
    with zipfile.ZipFile(acts / "packed.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ZIPPED:
            archive.writestr(f"2023/{name}", sample_text(name))
        archive.writestr("../evil.txt", sample_text(RU[0]))
        archive.writestr("__MACOSX/2023/._x.txt", b"\x00\x05")
    with zipfile.ZipFile(acts / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b" " * (8 << 20))
    with tarfile.open(acts / "packed.tar.gz", "w:gz") as archive:
        for name in TARRED:
            data = sample_text(name).encode("utf-8")
            info = tarfile.TarInfo(f"old/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return acts


def act_lines(outdir: Path) -> dict[str, str]:
    """acts.jsonl by source; fails on a partial or repeated line."""
    lines = (outdir / "acts.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b"", "acts.jsonl must end with a whole line"
    by_source = {}
    for line in lines[:-1]:
        source = json.loads(line)["source"]
        assert source not in by_source, f"two lines for {source}"
        by_source[source] = line.decode("utf-8")
    return by_source


def errors_by_file(outdir: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in (outdir / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file = {record["file"]: record for record in records}
    assert len(by_file) == len(records), "two error lines for one file"
    return by_file


def short(source: str, corpus: Path) -> str:
    return source.removeprefix(f"{corpus}/")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    outdir = tmp_path_factory.mktemp("serial") / "out"
    return run_batch([str(corpus)], outdir, jobs=1)


def test_every_document_gives_an_act_or_a_reason(serial, corpus):
    outdir = serial.outdir
    acts = act_lines(outdir)
    assert len(acts) == GOOD == serial.summary.acts
    sources = {short(source, corpus) for source in acts}
    assert f"legacy/{LEGACY.replace('.txt', '-cp1251.txt')}" in sources
    assert {"packed.zip!/2023/kz-kk-ukaz-20231005-366.txt", f"packed.tar.gz!/old/{TARRED[0]}"} <= sources
    assert not any("secret" in source or "hidden" in source or "__MACOSX" in source for source in sources)

    errors = {short(file, corpus): record for file, record in errors_by_file(outdir).items()}
    assert set(errors) == set(BAD)
    for file, expected in BAD.items():
        assert expected in errors[file]["reason"], (file, errors[file])
        assert not errors[file]["reason"].startswith(str(corpus)), "the reason repeats the file name"
    assert errors["bomb.zip!/bomb.txt"]["error"] == "Rejected" and errors["bad/corrupt.docx"]["error"] == "InputError"
    assert errors["bad/old.doc"]["error"] == "UnsupportedFormatError"
    assert serial.exit_code == 1 and serial.summary.errors == len(BAD)


def test_lines_are_the_parse_contract_and_encodings_do_not_matter(serial, corpus):
    acts = {Path(source.split("!/")[-1]).name: Act.from_json(line) for source, line in act_lines(serial.outdir).items()}
    direct = parse_file(SAMPLES / LEGACY)
    legacy = acts[LEGACY.replace(".txt", "-cp1251.txt")]
    assert legacy.items == direct.items and legacy.act == direct.act and legacy.text == direct.text
    assert legacy.source.endswith("-cp1251.txt")
    for name in ZIPPED + TARRED + RU[:1]:
        assert acts[name].items == parse_file(SAMPLES / name).items, name
    from_docx = acts[AS_DOCX.replace(".txt", ".docx")]
    assert from_docx.act.number == "884" and len(from_docx.items) == len(parse_file(SAMPLES / AS_DOCX).items) > 0


def test_tables_and_summary_count_the_items(serial):
    outdir = serial.outdir
    acts = [json.loads(line) for line in act_lines(outdir).values()]
    with (outdir / "items.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == sum(len(act["items"]) for act in acts) == serial.summary.items > 0
    sheet = openpyxl.load_workbook(outdir / "items.xlsx", read_only=True).active
    sheet_rows = list(sheet.iter_rows(values_only=True))
    assert sheet_rows[0][0] == "Файл" and len(sheet_rows) == len(rows) + 1
    # executors: canonical names (not the act's "Правительству..."), the lead first
    source = next(act["source"] for act in acts if act["source"].endswith("kz-ru-ukaz-20240902-a200256.txt"))
    row = next(row for row in rows if row["source"] == source and row["item_number"] == "5")
    assert row["executors"].split("; ") == ["Правительство Республики Казахстан", "Центральная избирательная комиссия Республики Казахстан",
                                            "центральные и местные исполнительные органы"]
    act = next(act for act in acts if act["source"] == source)
    shuffled = {**act, "items": [{**item, "executors": item["executors"][::-1]} for item in act["items"]]}
    assert [row["executors"].split("; ")[0] for row in item_rows(shuffled, "ru")] == [
        "Центральная избирательная комиссия Республики Казахстан", "Правительство Республики Казахстан"]
    assert next(row for row in item_rows(act, "kk") if row["item_number"] == "5")["executors"].startswith("Қазақстан Республикасының Үкіметі;")
    dated = [row for row in rows if row["deadline_due"]]
    assert dated and all(row["deadline"] for row in dated)

    markdown = (outdir / "summary.md").read_text(encoding="utf-8")
    assert f"| {serial.summary.files} | {GOOD} | {len(rows)} | {len(BAD)} |" in markdown
    languages = Counter(act["language"] for act in acts)
    assert f"| русский | {languages['ru']} |" in markdown and f"| казахский | {languages['kk']} |" in markdown
    months = Counter(row["deadline_due"][:7] for row in dated)
    month, count = months.most_common(1)[0]
    assert f"| {month} | {count} |" in markdown
    html = (outdir / "summary.html").read_text(encoding="utf-8")
    assert html.count("<svg") >= 5 and "<script" not in html and "http" not in html.split("<body>")[1]


def test_parallel_run_equals_serial_run(serial, corpus, tmp_path):
    parallel = run_batch([str(corpus)], tmp_path / "out", jobs=2)
    assert act_lines(parallel.outdir) == act_lines(serial.outdir)
    assert errors_by_file(parallel.outdir) == errors_by_file(serial.outdir)
    for name in ("summary.md", "summary.html"):
        assert (parallel.outdir / name).read_text(encoding="utf-8") == (serial.outdir / name).read_text(encoding="utf-8")
    assert parallel.exit_code == 1


def test_a_run_killed_with_sigkill_resumes_to_one_line_per_file(tmp_path):
    folder = tmp_path / "acts"
    folder.mkdir()
    slow = ["kz-ru-ukaz-20220303-826.txt", "kz-kk-ukaz-20220303-826.txt", "kz-ru-reshenie-akima-20000414-4-113.txt"]
    for copy in range(8):
        for name in slow:
            (folder / f"{copy}-{name}").write_text(sample_text(name), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    outdir = tmp_path / "out"
    command = [sys.executable, "-m", "tapsyrma.app.cli", "batch", str(folder), "-o", str(outdir), "--jobs", "2", "--format", "jsonl"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    manifest = outdir / "manifest.jsonl"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = manifest.read_bytes().count(b"\n")
    assert 2 <= finished < 3 * 8 + 1, "the run must have been killed half-way"
    # What a crash can leave besides: a line the manifest does not know, and one cut short.
    known = {json.loads(line)["source"] for line in manifest.read_bytes().split(b"\n")[:-1]}  # the kill may cut the last
    unknown = next(str(path) for path in sorted(folder.iterdir()) if str(path) not in known and path.name != "empty.txt")
    stray = parse_file(unknown).model_copy(update={"source": unknown}).to_json(indent=None)
    with (outdir / "acts.jsonl").open("ab") as stream:
        stream.write(stray.encode("utf-8") + b"\n" + stray.encode("utf-8")[:500])
    with manifest.open("ab") as stream:
        stream.write(b'{"source": "')

    resumed = subprocess.run([*command, "--resume"], check=False, capture_output=True, timeout=120)
    assert resumed.returncode == 1, resumed.stderr.decode()
    assert "finished by an earlier run" in resumed.stderr.decode()
    acts = act_lines(outdir)
    assert set(acts) == {str(path) for path in folder.iterdir() if path.name != "empty.txt"}
    expected = {name: parse_file(SAMPLES / name).items for name in slow}
    for source, line in acts.items():
        assert Act.from_json(line).items == expected[Path(source).name.split("-", 1)[1]], source
    assert list(errors_by_file(outdir)) == [str(folder / "empty.txt")]
    entries = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == len({entry["source"] for entry in entries}) == 3 * 8 + 1


def test_resume_reads_a_changed_file_again_and_keeps_only_its_new_line(tmp_path):
    folder = tmp_path / "acts"
    folder.mkdir()
    for name in RU[:2]:
        (folder / name).write_text(sample_text(name), encoding="utf-8")
    outdir = folder / "out"  # inside the folder it reads: the walk must not read its own outputs
    first = run_batch([str(folder)], outdir, jobs=1)
    assert first.exit_code == 0 and first.processed == 2
    changed = folder / RU[0]
    changed.write_text(sample_text(KK[0]), encoding="utf-8")
    again = run_batch([str(folder)], outdir, jobs=1, resume=True)
    assert (again.processed, again.skipped) == (1, 1)
    acts = act_lines(outdir)
    assert len(acts) == 2 and json.loads(acts[str(changed)])["language"] == "kk"
    assert len((outdir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    with pytest.raises(Exception, match="--resume"):
        run_batch([str(folder)], outdir, jobs=1)


def crash_on_poison(unit, lang, max_bytes):
    """process_unit, except that the worker dies on "poison.txt" as it would from a segfault in a
    library or the out-of-memory killer (module level: the pool pickles it by name)."""
    if unit.source.endswith("poison.txt"):
        os._exit(3)
    return PROCESS_UNIT(unit, lang, max_bytes)


PROCESS_UNIT = runners.process_unit


def test_a_worker_that_dies_fails_only_its_own_document(monkeypatch):
    monkeypatch.setattr(runners, "process_unit", crash_on_poison)  # workers are forked: they inherit it
    units = [Unit(f"{index}.txt", {}, data=sample_text(RU[index % 2]).encode()) for index in range(6)]
    units.insert(3, Unit("poison.txt", {}, data=b"x"))
    outcomes = [outcome for batch in runners.run_pool(iter(units), jobs=2, lang="auto", max_bytes=1 << 20) for outcome in batch]
    by_source = {outcome.source: outcome for outcome in outcomes}
    assert len(outcomes) == len(by_source) == 7
    assert by_source["poison.txt"].error_type == "WorkerDied" and "died" in by_source["poison.txt"].error
    assert all(outcome.act_json for source, outcome in by_source.items() if source != "poison.txt")


def test_archive_limits_stop_what_is_unsafe(tmp_path):
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(5):
            archive.writestr(f"{index}.txt", sample_text(RU[0]))
        archive.writestr("/etc/passwd.txt", "x")
    candidates = list(iter_candidates([str(many)], ArchiveLimits(max_members=3)))
    assert [c.rejection for c in candidates[:3]] == [None] * 3
    assert "more than 3 members" in candidates[3].rejection and len(candidates) == 4
    absolute = list(iter_candidates([str(many)]))[-1]
    assert "absolute path" in absolute.rejection

    links = tmp_path / "links.tar"
    with tarfile.open(links, "w") as archive:
        info = tarfile.TarInfo("link.txt")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    (rejected,) = iter_candidates([str(links)])
    assert "link inside the archive" in rejected.rejection

    # many members, each under the ratio limit, that together expand far beyond the archive
    spread = tmp_path / "spread.zip"
    with zipfile.ZipFile(spread, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(40):
            archive.writestr(f"{index}.txt", (f"{index} " * 20_000).encode())
    candidates = list(iter_candidates([str(spread)], ArchiveLimits(max_ratio=20)))
    assert "expands to more than 20 times" in candidates[-1].rejection and len(candidates) < 40


def test_exit_codes_progress_and_usage(tmp_path):
    runner = CliRunner()
    good = tmp_path / "good"
    good.mkdir()
    (good / RU[1]).write_text(sample_text(RU[1]), encoding="utf-8")
    result = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "ok"), "--jobs", "1", "--format", "jsonl,csv"])
    assert result.exit_code == 0, result.output
    assert "files/s" in result.output and "1 files: 1 acts" in result.output
    assert not (tmp_path / "ok" / "items.xlsx").exists() and (tmp_path / "ok" / "items.csv").exists()

    (good / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "some"), "--jobs", "1"])
    assert result.exit_code == 1 and "1 failed" in result.output

    for arguments in (
        [str(tmp_path / "missing")],
        [str(tmp_path / "nothing-*.txt")],
        [str(good), "--format", "jsonl,pdf"],
        [str(good), "-o", str(tmp_path / "ok")],  # an earlier batch's folder without --resume
    ):
        if "-o" not in arguments:
            arguments = [*arguments, "-o", str(tmp_path / "usage")]
        result = runner.invoke(app, ["batch", *arguments])
        assert result.exit_code == 2, (arguments, result.output)
    assert "--resume" in result.output


def test_into_registry_adds_every_act_once(serial, corpus, tmp_path):
    from tapsyrma.registry import Registry

    url = f"sqlite:///{tmp_path / 'registry.db'}"
    outdir = tmp_path / "out"
    first = run_batch([str(corpus)], outdir, jobs=2, into_registry=url, formats=["jsonl"])
    assert first.registry.acts_added + first.registry.acts_skipped == GOOD
    assert first.registry.items_added == serial.summary.items
    again = run_batch([str(corpus)], outdir, jobs=2, into_registry=url, formats=["jsonl"], resume=True)
    assert (again.processed, again.skipped) == (0, GOOD + len(BAD))
    assert again.registry.acts_added == 0 and again.registry.acts_skipped == GOOD
    with Registry(url) as registry:
        assert sum(registry.stats().acts.values()) == first.registry.acts_added


def test_a_dask_cluster_gives_what_this_machine_gives(serial, corpus, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as cluster:
        clustered = run_batch([str(corpus)], tmp_path / "out", scheduler=cluster.scheduler_address)
    assert act_lines(clustered.outdir) == act_lines(serial.outdir)
    assert errors_by_file(clustered.outdir) == errors_by_file(serial.outdir)
    assert clustered.exit_code == 1
