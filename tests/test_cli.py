"""The tapsyrma command line as a user meets it: real acts in, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tapsyrma.corpora import data_path

SAMPLE_RU = data_path("samples", "kz-ru-ukaz-20220303-826.txt")
SAMPLE_KK = data_path("samples", "kz-kk-ukaz-20220303-826.txt")


def tapsyrma(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tapsyrma.app.cli", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_parse_json_is_the_contract_and_spans_index_the_text():
    result = tapsyrma("parse", str(SAMPLE_RU), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    act = json.loads(result.stdout)
    assert act["schema"] == "tapsyrma/act@1" and act["language"] == "ru"
    assert act["act"]["kind"] == "указ" and act["act"]["number"] == "826"
    assert len(act["items"]) >= 10
    for item in act["items"]:
        start, end = item["span"]
        assert act["text"][start:end] == item["text"]
        for executor in item["executors"]:
            s, e = executor["span"]
            assert act["text"][s:e] == executor["text"]


def test_parse_from_stdin_in_kazakh_with_received_date():
    result = tapsyrma("parse", "-", "--format", "json", "--received", "2022-03-10", stdin=SAMPLE_KK.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    act = json.loads(result.stdout)
    assert act["language"] == "kk" and act["source"] == "-"
    assert {item["deadline"]["basis"] for item in act["items"]} == {"2022-03-10"}


@pytest.mark.parametrize("fmt, expected", [("table", "826"), ("md", "| № | action |"), ("text", "Акимам всех уровней")])
def test_parse_other_formats(fmt, expected, tmp_path):
    out = tmp_path / "out"
    result = tapsyrma("parse", str(SAMPLE_RU), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert expected in out.read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    unknown = tmp_path / "act.xyz"
    unknown.write_text("1. Правительству принять меры.", encoding="utf-8")
    for path in (tmp_path / "missing.txt", empty, unknown, tmp_path):
        result = tapsyrma("parse", str(path))
        assert result.returncode == 1, (path, result.stderr.decode())
        message = result.stderr.decode().strip()
        assert message.startswith("tapsyrma: error:") and "\n" not in message, message
        assert "Traceback" not in message


def test_usage_errors_exit_2():
    assert tapsyrma("parse", str(SAMPLE_RU), "--received", "10.03.2022").returncode == 2
    assert tapsyrma("parse", str(SAMPLE_RU), "--format", "pdf").returncode == 2


def test_schema_and_version():
    schema = json.loads(tapsyrma("schema").stdout)
    assert schema["$id"] == "tapsyrma/act@1"
    version = tapsyrma("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("tapsyrma ")
