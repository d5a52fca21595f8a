"""The registry: imports (idempotent, atomic, CSV/XLSX by Russian and Kazakh headers, JSON/JSONL),
stats, export, index search, and the CLI — on SQLite and, when TAPSYRMA_TEST_PG_URL is set, on
PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import json

import openpyxl
import pytest
import typer
from typer.testing import CliRunner

from test_registry_helpers import act_of, backends, item_in, open_registry, sample
from tapsyrma.app.registry_cmd import register
from tapsyrma.parser.errors import InputError, RegistryError
from tapsyrma.registry import Registry, import_paths, index, item_features, read_acts
from tapsyrma.registry.schema import metadata

RU = "kz-ru-ukaz-20190409-a130175.txt"
DAY = dt.date(2019, 4, 9)


def election_act():
    text = sample(RU)
    return act_of(
        RU, "ru", "указ", "130175", DAY,
        [
            item_in(text, "2", "Центральной избирательной комиссии", [("Центральной избирательной комиссии Республики Казахстан", "cec")]),
            item_in(text, "3", "Правительству Республики Казахстан принять", [("Правительству Республики Казахстан", "government")]),
        ],
    )


@pytest.fixture(params=backends())
def registry(request, tmp_path):
    registry = open_registry(request.param, tmp_path)
    yield registry
    if registry.dialect == "postgresql":
        metadata.drop_all(registry.engine)
    registry.close()


def test_reimporting_the_same_act_changes_nothing(registry):
    first = registry.import_acts([election_act()])
    again = registry.import_acts([election_act().model_copy(update={"source": "elsewhere/copy.txt"})])
    assert (first.acts_added, first.items_added) == (1, 2)
    assert (again.acts_added, again.acts_skipped, again.items_added) == (0, 1, 0)
    stats = registry.stats()
    assert stats.acts == {"ru": 1} and stats.items == {"ru": 2}
    assert stats.executors == 2 and stats.resolved_executors == 2 and stats.segments == 1


def test_a_failed_import_leaves_nothing_written(registry):
    registry.import_acts([election_act()])
    before = registry.stats()
    other = election_act().model_copy(update={"act": election_act().act.model_copy(update={"number": "999"})})

    def acts_then_failure():
        yield other
        raise InputError("draft.csv: expected a date, got 'завтра'")

    with pytest.raises(InputError):
        registry.import_acts(acts_then_failure())
    assert registry.stats() == before
    assert registry.import_acts([other]).acts_added == 1


def test_index_search_finds_the_item_by_its_keys(registry):
    registry.import_acts([election_act()])
    act = election_act()
    keys = item_features(act.items[1], "ru").keys
    [best, *_] = registry.candidates("ru", keys, limit=5)
    # The item itself: every key shared and the same length, so both bounds are 100.
    assert registry.items_by_id([best.item_id])[best.item_id].text == act.items[1].text
    assert best.estimate == pytest.approx(100) and best.upper == pytest.approx(100)
    assert registry.candidates("kk", keys, limit=5) == []


def test_common_terms_only_rescore_the_items_the_rare_ones_found(registry, monkeypatch):
    """With the candidate pool decided by the rarest term alone, the commoner terms still add their
    weight to the pool's items: the best item and its score are those of the full search."""
    registry.import_acts([election_act()])
    keys = item_features(election_act().items[1], "ru").keys
    full = registry.candidates("ru", keys, limit=5)
    monkeypatch.setattr(index, "GENERATING_POSTINGS_SHARE", 0.0)
    monkeypatch.setattr(index, "MIN_GENERATING_POSTINGS", 1)
    pooled = registry.candidates("ru", keys, limit=5)
    assert pooled[0][0] == full[0][0] and pooled[0][1] == pytest.approx(full[0][1])
    assert len(pooled) <= len(full)


def _write_csv(path, header, rows, delimiter=";"):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


REAL_RU_ITEM = "обеспечить организацию и проведение внеочередных президентских выборов."
REAL_KK_ITEM = "кезектен тыс президенттік сайлауды ұйымдастыру мен өткізуді қамтамасыз етсін."


def test_csv_list_with_russian_headers(registry, tmp_path):
    assert REAL_RU_ITEM in sample(RU)
    path = tmp_path / "поручения.csv"
    _write_csv(
        path,
        ["Вид акта", "Номер акта", "Дата акта", "Пункт", "Текст поручения", "Исполнители", "Срок исполнения"],
        [
            ["Указ", "130175", "09.04.2019", "2", REAL_RU_ITEM, "Центральная избирательная комиссия Республики Казахстан", "до 1 июня 2019 года"],
            ["Указ", "130175", "09.04.2019", "3", "принять необходимые меры по финансовому обеспечению выборов.", "Правительство; Министерство финансов", ""],
        ],
    )
    [act] = read_acts(path)
    assert (act.language, act.act.kind, act.act.number, act.act.date) == ("ru", "указ", "130175", DAY)
    first, second = act.items
    assert first.text == REAL_RU_ITEM and act.text[first.span[0] : first.span[1]] == REAL_RU_ITEM
    assert first.deadline.due == dt.date(2019, 6, 1) and act.text[slice(*first.deadline.span)] == "до 1 июня 2019 года"
    assert [(e.text, e.role) for e in second.executors] == [("Правительство", "lead"), ("Министерство финансов", "co")]
    assert all(act.text[slice(*e.span)] == e.text for e in second.executors)
    [outcome] = import_paths(registry, [path])
    assert outcome.error is None and outcome.result.items_added == 2
    assert import_paths(registry, [path])[0].result.acts_skipped == 1


def test_xlsx_list_with_kazakh_headers(registry, tmp_path):
    assert REAL_KK_ITEM in sample("kz-kk-ukaz-20190409-a130175.txt")
    path = tmp_path / "тапсырмалар.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Актінің түрі", "Актінің нөмірі", "Актінің күні", "Тармақ", "Тапсырма мәтіні", "Орындаушылар", "Орындау мерзімі"])
    sheet.append(["Жарлық", "130175", dt.datetime(2019, 4, 9), 2, REAL_KK_ITEM, "Қазақстан Республикасының Орталық сайлау комиссиясы", "2019 жылғы 1 маусымға дейін"])
    book.save(path)
    [act] = read_acts(path)
    assert (act.language, act.act.kind, act.act.number, act.act.date) == ("kk", "указ", "130175", DAY)
    [item] = act.items
    assert item.number == "2" and item.text == REAL_KK_ITEM
    assert item.deadline.due == dt.date(2019, 6, 1)
    assert registry.import_acts([act]).items_added == 1


def test_columns_given_explicitly_and_a_list_without_text_column(tmp_path):
    path = tmp_path / "list.csv"
    _write_csv(path, ["A", "B"], [["Указ", REAL_RU_ITEM]], delimiter=",")
    with pytest.raises(InputError, match="expected a column with the text"):
        read_acts(path)
    [act] = read_acts(path, columns={"act_kind": "A", "text": "2"})
    assert act.act.kind == "указ" and act.items[0].text == REAL_RU_ITEM


def test_export_jsonl_reimports_as_the_same_acts(registry, tmp_path):
    registry.import_acts([election_act()])
    path = tmp_path / "export.jsonl"
    path.write_text("".join(act.to_json(indent=None) + "\n" for act in registry.iter_acts()), encoding="utf-8")
    [act] = read_acts(path)
    assert act == election_act()
    assert registry.import_acts([act]).acts_skipped == 1
    [row, _] = list(registry.iter_item_rows())
    assert row["act_number"] == "130175" and row["executors"] == "Центральной избирательной комиссии Республики Казахстан"


def test_bad_url_is_a_registry_error(tmp_path):
    with pytest.raises(RegistryError, match="expected a database URL"):
        Registry("nosuchdb://x/y")


# --- CLI ---------------------------------------------------------------------------------------


@pytest.fixture
def cli():
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """tapsyrma"""

    register(app)
    return app


def test_cli_import_stats_export_and_dupes(cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    listing = tmp_path / "list.csv"
    _write_csv(
        listing,
        ["Вид акта", "Номер акта", "Дата акта", "Пункт", "Текст поручения", "Исполнители"],
        [["Указ", "130175", "2019-04-09", "2", REAL_RU_ITEM, "Центральная избирательная комиссия"]],
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["registry", "import", str(listing), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 acts added (1 items)" in result.output
    again = runner.invoke(cli, ["registry", "import", str(listing), "--db", db])
    assert "0 acts added (0 items), 1 already present" in again.output

    stats = json.loads(runner.invoke(cli, ["registry", "stats", "--db", db, "--format", "json"]).output)
    assert stats["items"] == {"ru": 1}

    exported = runner.invoke(cli, ["registry", "export", "--db", db, "--format", "csv"]).output
    assert exported.splitlines()[0].startswith("language,act_kind,act_number") and REAL_RU_ITEM in exported

    draft = tmp_path / "draft.json"
    [act] = read_acts(listing)
    draft.write_text(act.to_json(), encoding="utf-8")
    out = runner.invoke(cli, ["dupes", str(draft), "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    [item] = json.loads(out.output)
    assert item["matches"][0]["verdict"] == "duplicate" and item["matches"][0]["earlier"]["act_number"] == "130175"
    table = runner.invoke(cli, ["dupes", str(draft), "--db", db])
    assert "duplicate" in table.output and "1 draft items: 1 duplicate" in table.output

    missing = runner.invoke(cli, ["registry", "import", str(tmp_path / "nope.csv"), "--db", db])
    assert missing.exit_code != 0 and "nope.csv" in missing.output
