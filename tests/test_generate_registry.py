"""The annual report (Appendix 8) straight from the registry of earlier instructions."""

from __future__ import annotations

import docx
from typer.testing import CliRunner

from tapsyrma.app.cli import app
from tapsyrma.corpora import data_path
from tapsyrma.parser import parse_file
from tapsyrma.registry import Registry


def test_report_from_registry_takes_the_acts_in_the_report_language(tmp_path):
    db = tmp_path / "registry.db"
    registry = Registry(str(db))
    registry.import_acts([parse_file(data_path("samples", name)) for name in (
        "kz-ru-ukaz-20220303-826.txt", "kz-kk-ukaz-20220303-826.txt", "kz-ru-ukaz-20190409-a130175.txt")])
    out = tmp_path / "report.docx"
    result = CliRunner().invoke(app, ["generate", "report", "--db", str(db), "--lang", "ru", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(cell.text for table in docx.Document(out).tables for row in table.rows for cell in row.cells)
    assert "встречи с населением" in text          # decree 826, Russian version
    assert "обеспечить организацию и проведение внеочередных" in text  # the 2019 decree
    assert "халықпен кездесулер" not in text                 # the Kazakh version stays out


def test_db_is_only_for_the_report(tmp_path):
    result = CliRunner().invoke(app, ["generate", "assignment", "--db", str(tmp_path / "r.db"), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code != 0
