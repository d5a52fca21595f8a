"""The web app through FastAPI's TestClient, on real acts: pages, corrections, downloads, limits, API."""

from __future__ import annotations

import html
import io
import json
import re
import threading
from pathlib import Path

import anyio
import docx
import openpyxl
import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tapsyrma.app import serve_cmd
from tapsyrma.app.web import WebSettings, create_app
from tapsyrma.app.web.edits import apply_edits, fields_from_form, shown_fields
from tapsyrma.app.web.highlight import item_marks, segments
from tapsyrma.app.web.labels import labels
from tapsyrma.app.web.limits import Worker
from tapsyrma.corpora import data_path
from tapsyrma.generator.context import item_key
from tapsyrma.generator.wording import wording
from tapsyrma.parser import parse_file
from tapsyrma.parser.model import Act
from tapsyrma.registry import Registry

SAMPLES = data_path("samples")
RU_ACT = SAMPLES / "kz-ru-ukaz-20220303-826.txt"
KK_ACT = SAMPLES / "kz-kk-ukaz-20220303-826.txt"
READER_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"
OTHER_ACTS = ("kz-ru-ukaz-20231005-366.txt", "kz-ru-postanovlenie-20240125-36.txt")
REGISTRY_ITEMS = 0  # set by the registry fixture
RU = labels("ru")
KK = labels("kk")


@pytest.fixture(scope="module")
def ru_act() -> Act:
    return parse_file(RU_ACT)


@pytest.fixture(scope="module")
def kk_act() -> Act:
    return parse_file(KK_ACT)


@pytest.fixture(scope="module")
def registry_url(tmp_path_factory, ru_act, kk_act) -> str:
    """A registry holding decree No. 826 in both languages and two unrelated acts."""
    global REGISTRY_ITEMS
    url = f"sqlite:///{tmp_path_factory.mktemp('registry') / 'registry.db'}"
    others = [parse_file(SAMPLES / name) for name in OTHER_ACTS]
    with Registry(url) as registry:
        REGISTRY_ITEMS = registry.import_acts([ru_act, kk_act, *others]).items_added
    return url


@pytest.fixture(scope="module")
def client(registry_url):
    with TestClient(create_app(WebSettings(db=registry_url))) as client:
        yield client


@pytest.fixture(scope="module")
def small_client(tmp_path_factory):
    """An app that takes acts of at most 4 KB and answers within 1 ms: limits are reached."""
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'registry.db'}"
    settings = WebSettings(db=url, max_bytes=4096, warm_up=False)
    with TestClient(create_app(settings)) as client:
        yield client


def _parse_page(client, text: str, *, ui: str = "ru", lang: str = "auto", duplicates: bool = True, **extra):
    data = {"text": text, "lang": lang, "ui": ui, **extra}
    if duplicates:
        data["duplicates"] = "1"
    return client.post("/parse", data=data, files={"file": ("", b"")})


def _upload_page(client, name: str, content: bytes, *, ui: str = "ru"):
    return client.post("/parse", data={"text": "", "lang": "auto", "ui": ui}, files={"file": (name, content)})


def _form_of(page: str) -> dict[str, object]:
    """The fields of the result page's form as the browser would send them unchanged."""
    fields: dict[str, object] = {"edited": []}
    for name, value in re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.DOTALL):
        fields[name] = html.unescape(value)
    for tag in re.findall(r"<input [^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or ('type="checkbox"' in tag and " checked" not in tag):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        text = html.unescape(value.group(1)) if value else ""
        if name.group(1) == "edited":
            fields["edited"].append(text)
        else:
            fields[name.group(1)] = text
    for name, body in re.findall(r'<select name="([^"]+)">(.*?)</select>', page, re.DOTALL):
        selected = re.search(r'<option value="([^"]+)" selected', body)
        fields[name] = selected.group(1) if selected else "auto"
    return fields


def _index_of(act: Act, key: str) -> int:
    return next(index for index, item in enumerate(act.items) if item_key(item) == key)


def _item_block(page: str, key: str) -> str:
    match = re.search(rf'<tbody class="item[^"]*" data-item="{re.escape(key)}">(.*?)</tbody>', page, re.DOTALL)
    assert match, f"no row of item {key} on the page"
    return match.group(1)


def _appendix_row(data: bytes, number: str) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            if cells and cells[0] == number:
                return cells
    raise AssertionError(f"no row {number!r} in the document")


def _no_trace(page: str) -> None:
    assert "Traceback" not in page and 'File "' not in page


# --------------------------------------------------------------------------------------------
# Pages


@pytest.mark.parametrize("ui", ["ru", "kk"])
def test_start_page_speaks_the_interface_language_and_loads_nothing_from_outside(client, ui):
    response = client.get(f"/?ui={ui}")
    assert response.status_code == 200
    page = response.text
    words = labels(ui)
    assert f'<html lang="{ui}">' in page
    assert words["input"]["submit"] in page and words["input"]["paste"] in page
    assert words["input"]["registry"].format(acts=4, items=REGISTRY_ITEMS) in page
    assert response.cookies.get("tapsyrma_ui") == ui
    assert "default-src 'self'" in response.headers["content-security-policy"]
    external = re.findall(r'(?:src|href|action)="(https?:)?//', page)
    assert not external
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        assert client.get(asset).status_code == 200


def test_interface_language_follows_the_cookie_then_the_browser(client):
    client.cookies.clear()
    assert '<html lang="kk">' in client.get("/", headers={"Accept-Language": "kk-KZ,kk;q=0.9"}).text
    client.get("/?ui=ru")
    assert '<html lang="ru">' in client.get("/", headers={"Accept-Language": "kk-KZ"}).text
    client.cookies.clear()


def test_pasted_act_shows_header_items_highlights_and_duplicates(client, ru_act):
    response = _parse_page(client, RU_ACT.read_text(encoding="utf-8"))
    assert response.status_code == 200
    page = response.text
    assert "Указ № 826 · 03.03.2022" in page
    assert "О проведении встреч акимов с населением" in page
    assert RU["result"]["item_count"].format(count=len(ru_act.items)) in page
    assert re.findall(r'data-item="([^"]+)"', page) == [item_key(item) for item in ru_act.items]
    row = _item_block(page, "2.1")
    assert '<mark class="deadline">ежегодно до 15 января</mark>' in row
    assert "→ 15.01.2023" in row
    assert "акимы областей, городов Астаны, Алматы и Шымкента" in row
    assert "Администрация Президента Республики Казахстан" in row
    # the executor of 2.1 stands in the intro of point 2, outside the item: marked in the source text
    source = page[page.index('class="source-text"'):]
    assert '<mark class="executor" title="2.1, 2.2">Акимам областей, городов республиканского значения, столицы</mark>' in source
    # the registry holds this very decree: each item is its own duplicate, with the Kazakh twin
    assert RU["duplicates"]["duplicate"] in row
    assert "Указ № 826 03.03.2022, п. 2.1" in row
    assert RU["duplicates"]["reasons"]["same action and executors"] in row
    assert RU["duplicates"]["twin"].format(language=RU["act_languages"]["kk"], verdict=RU["duplicates"]["duplicate"]) in row


def test_kazakh_interface_on_a_kazakh_act(client, kk_act):
    page = _parse_page(client, KK_ACT.read_text(encoding="utf-8"), ui="kk").text
    assert '<html lang="kk">' in page
    assert "Жарлық № 826 · 03.03.2022" in page
    assert KK["result"]["item_count"].format(count=len(kk_act.items)) in page
    assert f'{KK["act_languages"]["kk"]} ({KK["result"]["detected"]})' in page
    assert '<mark class="deadline">жыл сайын 15 қаңтарға дейін</mark>' in _item_block(page, "2.1")
    assert KK["duplicates"]["duplicate"] in page and KK["downloads"]["assignment"] in page


def test_language_can_be_chosen_and_the_receipt_date_moves_relative_terms(client):
    text = "1. Правительству Республики Казахстан в месячный срок принять меры, вытекающие из настоящего Указа."
    page = _parse_page(client, text, lang="ru", received="2024-02-01", duplicates=False).text
    assert f'{RU["act_languages"]["ru"]} ({RU["result"]["chosen"]})' in page
    # a month from 1 February 2024 is 1 March 2024, a Friday
    assert "→ 01.03.2024" in _item_block(page, "1")
    assert RU["duplicates"]["heading"] not in page


def test_uploaded_docx_gives_the_same_items_as_the_pasted_text(client, ru_act):
    document = docx.Document()
    for line in RU_ACT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    page = _upload_page(client, "ukaz-826.docx", buffer.getvalue()).text
    assert re.findall(r'data-item="([^"]+)"', page) == [item_key(item) for item in ru_act.items]


def test_text_pdf_upload_is_parsed(client):
    page = _upload_page(client, "ukaz-826.pdf", (READER_FIXTURES / "ukaz-826-ru-kk.pdf").read_bytes()).text
    assert 'data-item="' in page


@pytest.mark.parametrize(
    ("name", "content", "key", "status"),
    [
        ("scan.pdf", (READER_FIXTURES / "scan.pdf").read_bytes(), "scanned", 422),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "wrong_type", 415),
        ("act.docx", b"PK\x03\x04 not really a zip", "unreadable", 400),
    ],
)
def test_bad_uploads_are_explained_in_plain_words(client, name, content, key, status):
    response = _upload_page(client, name, content, ui="kk")
    assert response.status_code == status
    assert KK["errors"][key] in response.text
    assert KK["input"]["submit"] in response.text  # the form is there to try again
    _no_trace(response.text)


def test_empty_and_foreign_text(client):
    empty = _parse_page(client, "   ")
    assert empty.status_code == 400 and RU["errors"]["empty"] in empty.text
    english = "The Government shall take all measures arising from this Decree within one month."
    foreign = _parse_page(client, english)
    assert foreign.status_code == 400 and RU["errors"]["language"] in foreign.text
    assert english in foreign.text  # the drafter's text is kept in the form
    _no_trace(foreign.text)


def test_bad_receipt_date(client):
    response = _parse_page(client, RU_ACT.read_text(encoding="utf-8"), received="03.03.2022")
    assert response.status_code == 400 and RU["errors"]["date"] in response.text


def test_too_large_upload_and_body(small_client):
    text = RU_ACT.read_bytes()
    assert len(text) > 4096
    upload = _upload_page(small_client, "ukaz-826.txt", text)
    assert upload.status_code == 413
    assert RU["errors"]["too_large"].format(limit_mb="0.00391") in upload.text
    # a body over ten times the limit is refused before it is read, in the same words
    body = _upload_page(small_client, "ukaz-826.txt", text * 10)
    assert body.status_code == 413 and RU["errors"]["too_large"].format(limit_mb="0.00391") in body.text
    api = small_client.post("/api/parse", json={"text": text.decode("utf-8") * 10})
    assert api.status_code == 413 and api.json()["error"] == "too_large"


def test_a_request_that_takes_too_long_is_answered(registry_url):
    settings = WebSettings(db=registry_url, timeout=0.001, warm_up=False)
    with TestClient(create_app(settings)) as client:
        response = _parse_page(client, RU_ACT.read_text(encoding="utf-8"), duplicates=False)
    assert response.status_code == 504
    assert RU["errors"]["timeout"].format(seconds="0.001") in response.text


# --------------------------------------------------------------------------------------------
# Corrections and downloads


@pytest.fixture(scope="module")
def result_form(client):
    page = _parse_page(client, RU_ACT.read_text(encoding="utf-8")).text
    return _form_of(page)


def test_the_form_sent_back_unchanged_changes_nothing(client, result_form, ru_act):
    response = client.post("/download/json", data=result_form)
    assert response.status_code == 200
    assert Act.from_json(response.content).items == ru_act.items


def test_corrected_deadline_executor_and_form_reach_appendix_5(client, result_form, ru_act):
    index = _index_of(ru_act, "2.1")
    last = _index_of(ru_act, "5.3")
    form = dict(result_form)
    form[f"due-{index}"] = "2022-06-15"
    form[f"executors-{last}"] = "Министерство информации и общественного развития Республики Казахстан\nПравительство Республики Казахстан"
    form[f"form-{last}"] = "информация в Администрацию Президента"
    response = client.post("/download/assignment", data=form)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="tapsyrma-826-2022-03-03-ru-appendix5.docx"' in response.headers["content-disposition"]
    row = _appendix_row(response.content, "2.1.")
    assert "15.06.2022" in row[2] and "15.01.2023" not in row[2]
    assert row[2].startswith("ежегодно до 15 января")
    row = _appendix_row(response.content, "5.3.")
    assert row[3] == "информация в Администрацию Президента"
    assert row[5].splitlines() == [
        f"Министерство информации и общественного развития Республики Казахстан {wording('ru').common.lead_mark}",
        "Правительство Республики Казахстан",
    ]
    untouched = _appendix_row(response.content, "2.2.")
    assert "20.01.2023" in untouched[2]


def test_a_new_deadline_phrase_is_read_and_marked_as_corrected(client, result_form, ru_act):
    index = _index_of(ru_act, "2.1")
    form = dict(result_form)
    form[f"deadline-{index}"] = "до 1 июня 2022 года"
    page = client.post("/review", data=form).text
    row = _item_block(page, "2.1")
    assert "→ 01.06.2022" in row
    assert RU["result"]["edited"] in row
    assert f'<input type="hidden" name="edited" value="{index}">' in page
    # the duplicate is still the same instruction, now with an earlier term
    assert f'{RU["duplicates"]["reasons"]["same action and executors"]}, {RU["duplicates"]["reasons"]["earlier deadline"]}' in row
    # the correction survives the next round trip (here: the interface language switch)
    again = _form_of(page)
    again["switch_ui"] = "kk"
    switched = client.post("/review", data=again).text
    assert '<html lang="kk">' in switched
    assert "→ 01.06.2022" in _item_block(switched, "2.1") and KK["result"]["edited"] in switched


def test_cards_xlsx_and_json_downloads(client, result_form, ru_act):
    cards = client.post("/download/cards", data=result_form)
    assert cards.status_code == 200
    document = docx.Document(io.BytesIO(cards.content))
    text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert len(document.tables) == len(ru_act.items)
    for item in ru_act.items:
        assert item.text[:60] in text
    workbook = openpyxl.load_workbook(io.BytesIO(client.post("/download/xlsx", data=result_form).content))
    cells = [str(cell.value) for row in workbook.active.iter_rows() for cell in row if cell.value]
    assert any(value.startswith("ежегодно до 15 января") for value in cells)
    parsed = json.loads(client.post("/download/json", data=result_form).content)
    assert parsed["schema"] == "tapsyrma/act@1" and len(parsed["items"]) == len(ru_act.items)


def test_a_stale_or_broken_form_asks_to_start_again(client, result_form):
    form = dict(result_form)
    form["act"] = '{"schema": "tapsyrma/act@1", "items": 3}'
    response = client.post("/download/assignment", data=form)
    assert response.status_code == 400 and RU["errors"]["form"] in response.text
    _no_trace(response.text)
    unknown = client.post("/download/pdf", data=result_form)
    assert unknown.status_code == 400 and RU["errors"]["unreadable"] in unknown.text


def test_an_act_without_items_has_no_documents(client):
    page = _parse_page(client, "Указ Президента Республики Казахстан о мерах по развитию сельского хозяйства.", duplicates=False).text
    assert RU["result"]["no_items"] in page
    response = client.post("/download/assignment", data=_form_of(page))
    assert response.status_code == 400 and RU["errors"]["no_items"] in response.text


def test_registering_an_act_makes_it_a_duplicate_of_itself(tmp_path, kk_act):
    settings = WebSettings(db=f"sqlite:///{tmp_path / 'registry.db'}", warm_up=False)
    with TestClient(create_app(settings)) as client:
        start = client.get("/?ui=kk").text
        assert KK["input"]["registry_empty"] in start
        page = _parse_page(client, KK_ACT.read_text(encoding="utf-8"), ui="kk").text
        assert KK["duplicates"]["none"] in page
        registered = client.post("/register", data=_form_of(page)).text
        assert KK["downloads"]["registered"].format(items=len(kk_act.items)) in registered
        assert KK["duplicates"]["duplicate"] in _item_block(registered, "2.1")
        again = client.post("/register", data=_form_of(registered)).text
        assert KK["downloads"]["already"] in again


# --------------------------------------------------------------------------------------------
# The parts behind the pages


def test_highlight_segments_rebuild_the_text_and_mark_what_was_matched(ru_act):
    pieces = segments(ru_act.text, item_marks(ru_act))
    assert "".join(piece.text for piece in pieces) == ru_act.text
    marked = {piece.text for piece in pieces if piece.kind == "executor"}
    assert {executor.text for item in ru_act.items for executor in item.executors} <= marked
    deadlines = {piece.text for piece in pieces if piece.kind == "deadline"}
    assert {item.deadline.text for item in ru_act.items if item.deadline.span} <= deadlines


def test_edits_resolve_executors_in_the_gazetteer_and_recompute_control(kk_act):
    index = _index_of(kk_act, "4")
    shown = shown_fields(kk_act.items[index], "kk")
    form = {f"{field}-{index}": getattr(shown, field) for field in ("executors", "deadline", "due", "form")}
    form[f"executors-{index}"] = "Қазақстан Республикасының Үкіметі\nЖаңа комиссия"
    corrected, changed = apply_edits(kk_act, [None] * index + [fields_from_form(form, index)])
    assert changed == (index,)
    executors = corrected.items[index].executors
    assert [(e.id, e.role) for e in executors] == [("government", "lead"), (None, "co")]
    assert executors[1].text == "Жаңа комиссия"
    assert corrected.items[index].control is not None
    assert corrected.items[:index] == kk_act.items[:index]


def test_every_field_sent_back_as_shown_changes_nothing(kk_act):
    form = {}
    for index, item in enumerate(kk_act.items):
        shown = shown_fields(item, "kk")
        form |= {f"{field}-{index}": getattr(shown, field) for field in ("executors", "deadline", "due", "form")}
    unchanged, changed = apply_edits(kk_act, [fields_from_form(form, index) for index in range(len(kk_act.items))])
    assert changed == () and unchanged == kk_act


def test_worker_runs_blocking_work_off_the_event_loop_and_gives_up_on_time():
    async def main():
        worker = Worker(concurrency=1, timeout=5)
        release = threading.Event()

        async def release_from_the_loop():
            release.set()

        async with anyio.create_task_group() as group:
            group.start_soon(release_from_the_loop)
            # while the thread waits, the loop runs the task that releases it
            assert await worker.run(release.wait, 5) is True

        blocked, started = threading.Event(), threading.Event()
        slow = Worker(concurrency=1, timeout=0.05)
        with pytest.raises(TimeoutError):
            await slow.run(blocked.wait)
        with pytest.raises(TimeoutError):
            await slow.run(started.set)  # waits for the slot the timed-out call still holds
        blocked.set()
        return started

    started = anyio.run(main)
    # the slot is free again: the abandoned call would start now if it were going to
    assert not started.wait(0.5), "a call that timed out while waiting for a slot must not start"


# --------------------------------------------------------------------------------------------
# The JSON API


def test_api_parse_duplicates_generate(client, ru_act):
    parsed = client.post("/api/parse", json={"text": RU_ACT.read_text(encoding="utf-8"), "source": "826.txt"})
    assert parsed.status_code == 200
    act = parsed.json()
    assert act["schema"] == "tapsyrma/act@1" and act["source"] == "826.txt"
    assert [item["path"] for item in act["items"]] == [list(item.path) for item in ru_act.items]

    found = client.post("/api/duplicates", json={"act": act, "top": 3})
    assert found.status_code == 200
    first = found.json()[0]["matches"][0]
    assert first["verdict"] == "duplicate" and first["earlier"]["act_number"] == "826"

    act["items"][1]["completion_form"] = "информация в Администрацию Президента"
    assignment = client.post("/api/generate", json={"act": act, "document": "assignment"})
    assert assignment.status_code == 200
    assert _appendix_row(assignment.content, "2.1.")[3] == "информация в Администрацию Президента"
    card = client.post("/api/generate", json={"act": act, "document": "card", "item": "2.1", "format": "html"})
    assert card.status_code == 200 and "ежегодно до 15 января" in card.text
    cards = client.post("/api/generate", json={"act": act, "document": "cards"})
    assert len(docx.Document(io.BytesIO(cards.content)).tables) == len(ru_act.items)
    assert client.post("/api/generate", json={"act": act, "document": "cards", "format": "xlsx"}).status_code == 400


def test_api_file_upload_and_errors(client):
    upload = client.post("/api/parse/file", files={"file": ("826.txt", KK_ACT.read_bytes())}, data={"received": "2022-03-10"})
    assert upload.status_code == 200 and upload.json()["language"] == "kk"
    scan = client.post("/api/parse/file", files={"file": ("scan.pdf", (READER_FIXTURES / "scan.pdf").read_bytes())})
    assert scan.status_code == 422 and scan.json()["error"] == "scanned"
    assert "OCR" in scan.json()["message"]
    foreign = client.post("/api/parse", json={"text": "Nothing Cyrillic here at all."})
    assert foreign.status_code == 400 and foreign.json()["error"] == "language"


def test_api_registry_import_is_idempotent(tmp_path, ru_act):
    settings = WebSettings(db=f"sqlite:///{tmp_path / 'registry.db'}", warm_up=False)
    with TestClient(create_app(settings)) as client:
        first = client.post("/api/registry", json=ru_act.to_dict()).json()
        second = client.post("/api/registry", json=ru_act.to_dict()).json()
    assert first == {"acts_added": 1, "acts_skipped": 0, "items_added": len(ru_act.items)}
    assert second == {"acts_added": 0, "acts_skipped": 1, "items_added": 0}


def test_openapi_schema_lists_the_api(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/parse", "/api/parse/file", "/api/duplicates", "/api/generate", "/api/registry"} <= set(schema["paths"])
    assert not any(path.startswith(("/parse", "/review", "/download")) for path in schema["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load its scripts from a CDN


def test_serve_command_options():
    app = typer.Typer()
    serve_cmd.register(app)
    app.command("version")(lambda: None)  # two commands: `serve` is then a subcommand, as under `tapsyrma`
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--max-size", "--timeout", "127.0.0.1", "8000"):
        assert option in result.output
