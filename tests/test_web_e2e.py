"""The web app end to end in a real Chromium: a drafter pastes an act, corrects an item, downloads
Appendix 5, in Russian and in Kazakh.

The server is the `serve` command in its own process, on a free port, with a registry that holds
decree No. 826. Chromium is Debian's (`bash .ci/chromium.sh` installs it); without it the tests
are skipped outside CI and fail in CI. Screenshots go to the test's temporary folder, and to
docs/images/ when TAPSYRMA_WEB_SCREENSHOTS=1 (a deliberate refresh of the documentation).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import docx
import pytest

from tapsyrma.app.web.labels import labels
from tapsyrma.corpora import data_path
from tapsyrma.generator.context import item_key
from tapsyrma.parser import parse_file
from tapsyrma.registry import Registry

SAMPLES = data_path("samples")
RU_ACT = SAMPLES / "kz-ru-ukaz-20220303-826.txt"
KK_ACT = SAMPLES / "kz-kk-ukaz-20220303-826.txt"
DOC_IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# The server's act size limit in the tests: small, so that the page's own check can be seen.
LIMIT_MB = 1
SERVER_START_SECONDS = 90
# `serve` alone under a Typer app: the command exactly as `tapsyrma serve` runs it.
LAUNCHER = "import typer; from tapsyrma.app import serve_cmd; app = typer.Typer(); serve_cmd.register(app); app()"
RU = labels("ru")
KK = labels("kk")


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must run the browser tests (bash .ci/chromium.sh installs Chromium)")
    pytest.skip(f"{reason}; run `bash .ci/chromium.sh` to install it")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")):
        _unavailable(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh, temporary user-data directory.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Base URL of a running `serve`, its registry holding decree No. 826 in both languages."""
    folder = tmp_path_factory.mktemp("serve")
    url = f"sqlite:///{folder / 'registry.db'}"
    with Registry(url) as registry:
        registry.import_acts([parse_file(RU_ACT), parse_file(KK_ACT)])
    port = _free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, "--host", "127.0.0.1", "--port", str(port), "--db", url, "--max-size", str(LIMIT_MB)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the server did not start:\n{(folder / 'server.log').read_text()}")
        time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture
def page(browser, server, request):
    locale = getattr(request, "param", "ru-RU")
    context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    opened = context.new_page()
    requested: list[str] = []
    opened.on("request", lambda sent: requested.append(sent.url))
    yield opened
    context.close()
    outside = [url for url in requested if not url.startswith(server) and not url.startswith("data:")]
    assert not outside, f"the page loaded something from outside the app: {outside}"


def _screenshot(page, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    if os.environ.get("TAPSYRMA_WEB_SCREENSHOTS") == "1":
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_IMAGES / name)


def _appendix_row(path: Path, number: str) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            if cells[0] == number:
                return cells
    raise AssertionError(f"no row {number!r} in {path}")


def _button(page, label: str):
    return page.get_by_role("button", name=label, exact=True)


def _row(page, key: str):
    return page.locator(f'tbody[data-item="{key}"]')


def test_drafter_reviews_a_russian_act_fixes_a_deadline_and_downloads_appendix_5(page, server, tmp_path):
    act = parse_file(RU_ACT)
    page.goto(f"{server}/?ui=ru")
    assert page.locator("h1").inner_text() == RU["input"]["heading"]
    page.fill("#text", RU_ACT.read_text(encoding="utf-8"))
    _button(page, RU["input"]["submit"]).click()
    page.wait_for_selector("table.items-table")

    assert page.locator("tbody[data-item]").evaluate_all("rows => rows.map(row => row.dataset.item)") == [
        item_key(item) for item in act.items
    ]
    row = _row(page, "2.1")
    assert row.locator("mark.deadline").inner_text() == "ежегодно до 15 января"
    assert "→ 15.01.2023" in row.inner_text()
    assert RU["duplicates"]["duplicate"].upper() in row.inner_text().upper()
    page.locator('.source-text mark.executor[title="2.1, 2.2"]').first.wait_for()

    row.locator('input[type="date"]').fill("2022-06-15")
    _button(page, RU["table"]["apply"]).click()
    page.wait_for_selector('tbody[data-item="2.1"] .badge')
    row = _row(page, "2.1")
    assert "→ 15.06.2022" in row.inner_text()
    assert RU["duplicates"]["reasons"]["earlier deadline"] in row.inner_text()
    _screenshot(page, tmp_path, "web-result.png")

    with page.expect_download() as download:
        _button(page, RU["downloads"]["assignment"]).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "tapsyrma-826-2022-03-03-ru-appendix5.docx"
    cells = _appendix_row(saved, "2.1.")
    assert "15.06.2022" in cells[2] and "15.01.2023" not in cells[2]
    assert "20.01.2023" in _appendix_row(saved, "2.2.")[2]


@pytest.mark.parametrize("page", ["kk-KZ"], indirect=True)
def test_kazakh_interface_kazakh_act_new_term_phrase_and_switch_back(page, server, tmp_path):
    page.goto(f"{server}/?ui=ru")
    page.click('a[data-ui="kk"]')
    page.wait_for_selector('html[lang="kk"]')
    assert page.locator("h1").inner_text() == KK["input"]["heading"]
    _screenshot(page, tmp_path, "web-start-kk.png")
    page.fill("#text", KK_ACT.read_text(encoding="utf-8"))
    _button(page, KK["input"]["submit"]).click()
    page.wait_for_selector("table.items-table")
    assert page.locator("section.items h2").inner_text() == KK["result"]["item_count"].format(count=12)

    row = _row(page, "2.1")
    row.locator('input[name^="deadline-"]').fill("2022 жылғы 1 маусымға дейін")
    _button(page, KK["table"]["apply"]).click()
    page.wait_for_selector('tbody[data-item="2.1"] .badge')
    assert "→ 01.06.2022" in _row(page, "2.1").inner_text()
    _screenshot(page, tmp_path, "web-result-kk.png")

    with page.expect_download() as download:
        _button(page, KK["downloads"]["assignment"]).click()
    saved = tmp_path / "appendix5-kk.docx"
    download.value.save_as(saved)
    cells = _appendix_row(saved, "2.1.")
    assert cells[2].splitlines()[0] == "2022 жылғы 1 маусымға дейін"
    assert "01.06.2022" in cells[2]

    # the interface switches back to Russian on the same act, the correction kept
    page.click('button[data-ui="ru"]')
    page.wait_for_selector('html[lang="ru"]')
    assert RU["result"]["edited"] in _row(page, "2.1").inner_text()
    assert "→ 01.06.2022" in _row(page, "2.1").inner_text()


def test_errors_are_said_in_plain_words(page, server, tmp_path):
    page.goto(f"{server}/?ui=ru")
    # a file over the limit is refused by the page before it is sent
    big = tmp_path / "big.txt"
    big.write_bytes(RU_ACT.read_bytes() * (LIMIT_MB * 2**20 // RU_ACT.stat().st_size + 1))
    page.set_input_files("#file", str(big))
    message = page.locator("[data-file-error]")
    message.wait_for()
    assert message.inner_text() == RU["errors"]["too_large"].format(limit_mb=str(LIMIT_MB))
    # a scan is refused by the server, and the page says why
    scan = Path(__file__).resolve().parent / "fixtures" / "readers" / "scan.pdf"
    page.set_input_files("#file", str(scan))
    _button(page, RU["input"]["submit"]).click()
    alert = page.locator('[role="alert"] p')
    alert.wait_for()
    assert alert.inner_text() == RU["errors"]["scanned"]
    assert "Traceback" not in page.content()
