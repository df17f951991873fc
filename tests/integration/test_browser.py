"""The exported briefing in a real browser: Debian's chromium, driven by playwright.

One briefing is built from the seeds plus a hostile article (HTML and script in its title and
figures' sentences) and one with apostrophes, quotes and ampersands, opened from disk with every
non-file request aborted, and checked the way a reader uses it: nothing fetched, nothing logged
as an error, no hostile markup live, every chart drawn, every chart dropdown filtering marks, the
claims search filtering rows, CSV and Excel exports holding every row, print showing every row
and no control, dark mode, a 390 px screen, punctuation escaped once, evidence linking back to
the ledger.
"""

from __future__ import annotations

import contextlib
import csv
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from conftest import FIXTURES, ROOT, SEEDS

pytestmark = pytest.mark.slow

# Debian's chromium (make test installs it); playwright never downloads a browser here.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = FIXTURES / "hostile" / "hostile.txt"
HOSTILE_OUTLET = "hostile.example.com"
PUNCTUATION = FIXTURES / "hostile" / "punctuation.txt"  # ' " & in title, speaker and figures
PUNCTUATION_OUTLET = "quotes.example.org"
SCREENSHOT = ROOT / "reports" / "browser-briefing.png"
VIEWPORT = {"width": 1280, "height": 900}
CHART_TIMEOUT_MS = 10_000
FILTER_TIMEOUT_MS = 5_000
# Every drawn element of a Vega SVG: paths (rects, symbols, areas), lines (rules, ticks), texts.
MARKS = "svg g[class*='mark-'] path, svg g[class*='mark-'] line, svg g[class*='mark-'] text"
INFO_COUNT = re.compile(r"of ([\d,]+) entr")


@dataclass(repr=False)
class Session:
    """A page with everything it did recorded."""

    page: object
    html: Path
    aborted: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        return [f"console: {m}" for m in self.console_errors] + [
            f"pageerror: {m}" for m in self.page_errors
        ]


@pytest.fixture(scope="module")
def briefing_html(tmp_path_factory) -> Path:
    """One briefing built by the CLI from the two seeds and the hostile article."""
    tmp = tmp_path_factory.mktemp("browser")
    corpus = tmp / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 2, f"expected the seed articles in {SEEDS}"
    for path in [*seeds, HOSTILE, PUNCTUATION]:
        shutil.copy(path, corpus / path.name)
    run = subprocess.run(
        [
            *(sys.executable, "-m", "dossier", "brief", "--corpus", str(corpus)),
            *("--out", str(tmp / "out"), "--name", "briefing"),
            *("-p", "title", "Browser test <i>briefing</i>"),
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert run.returncode == 0, f"dossier brief exited {run.returncode}:\n{run.stderr[-3000:]}"
    html = Path(run.stdout.strip())
    assert html.is_file(), f"dossier brief printed {run.stdout!r}, not an HTML file"
    return html


@pytest.fixture(scope="module")
def session(briefing_html):
    """The briefing open in chromium, charts drawn, a screenshot saved."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium package "
            "(make test does it when run as root: apt-get install chromium)"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
            s = Session(page=page, html=briefing_html)

            def route(r):
                if r.request.url.startswith("file:"):
                    r.continue_()
                else:
                    s.aborted.append(r.request.url)
                    r.abort()

            def dialog(d):
                s.dialogs.append(f"{d.type}: {d.message}")
                d.dismiss()

            page.route("**/*", route)
            page.on(
                "requestfailed",
                lambda req: s.failed.append(f"{req.url} ({req.failure})"),
            )
            page.on(
                "console",
                lambda m: m.type == "error" and s.console_errors.append(f"{m.text} @ {m.location}"),
            )
            page.on("pageerror", lambda e: s.page_errors.append(str(e)))
            page.on("dialog", dialog)

            page.goto(briefing_html.as_uri(), wait_until="load")
            # test_every_chart_is_drawn says which chart is missing
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_function(
                    """() => {
                      const charts = document.querySelectorAll('.dossier-chart');
                      return charts.length > 0 && Array.from(charts).every(
                        c => c.querySelector('svg, canvas'));
                    }""",
                    timeout=CHART_TIMEOUT_MS,
                )
            page.wait_for_timeout(300)
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            page.screenshot(path=str(briefing_html.parent / SCREENSHOT.name), full_page=True)
            yield s
        finally:
            browser.close()


def mark_count(chart) -> int:
    return chart.locator(MARKS).count()


def claims_table(page):
    """The DataTables container whose table's caption reads "Claims"."""
    containers = page.locator("div.dt-container").filter(
        has=page.locator("table.dataTable caption", has_text=re.compile(r"^\s*Claims\s*$"))
    )
    assert containers.count() == 1, f"expected one table captioned 'Claims', found {containers}"
    return containers.first


def entries(container) -> tuple[int, str]:
    """The number of rows the table's info line says match, and the line itself."""
    info = container.locator(".dt-info").inner_text()
    found = INFO_COUNT.search(info)
    assert found, f"unexpected DataTables info text: {info!r}"
    return int(found.group(1).replace(",", "")), info


def search(container, text: str) -> None:
    box = container.locator("input[type=search]")
    before = container.locator(".dt-info").inner_text()
    box.fill(text)
    box.press("End")  # a keyup, as a reader's typing gives
    with contextlib.suppress(PlaywrightTimeout):  # the callers say what did not change
        info = container.locator(".dt-info").filter(has_not_text=before)
        info.wait_for(timeout=FILTER_TIMEOUT_MS)


def visible_rows(container) -> list[str]:
    rows = container.locator("table.dataTable > tbody > tr")
    return [rows.nth(i).inner_text() for i in range(rows.count())]


def test_page_requests_nothing_but_its_own_file(session):
    assert not session.aborted, f"the page tried to fetch: {session.aborted}"
    file_failures = [f for f in session.failed if f.startswith("file:")]
    assert not file_failures, f"file requests failed: {file_failures}"


def test_page_logs_no_error(session):
    assert not session.errors(), "errors while loading:\n" + "\n".join(session.errors())


def test_hostile_markup_is_shown_as_text_and_never_runs(session):
    page = session.page
    assert not session.dialogs, f"hostile script opened dialogs: {session.dialogs}"
    pwned = page.evaluate("() => window.__pwned")
    assert pwned is None, f"hostile script ran: window.__pwned = {pwned!r}"
    assert page.locator('img[src="x"]').count() == 0, "the hostile <img onerror> is live markup"
    assert page.locator('a[href^="javascript:"]').count() == 0, "a javascript: link is live"
    live_bold = page.locator("b", has_text=re.compile(r"^were$"))
    assert live_bold.count() == 0, "<b> from an article is live markup"
    assert page.locator("h1 i").count() == 0, "the title parameter's <i> is live markup"
    text = page.inner_text("body")
    assert "<script>window.__pwned=1" in text, "the hostile title is not shown as text"
    assert "Browser test <i>briefing</i>" in text, "the title parameter is not shown as text"

    # The hostile claims are on a later page of the ledger: search brings them up.
    claims = claims_table(page)
    search(claims, HOSTILE_OUTLET)
    try:
        text = page.inner_text("body")
        for shown in ('onerror="window.__pwned=2', "<b>were</b>", "javascript:window.__pwned=3"):
            assert shown in text, f"{shown!r} from the hostile article is not shown as text"
        assert "</script><script>window.__pwned=4</script>" in text
        assert page.locator('img[src="x"], a[href^="javascript:"]').count() == 0
        assert page.evaluate("() => window.__pwned") is None, "hostile script ran in the ledger"
    finally:
        search(claims, "")
    assert not session.dialogs, f"hostile script opened dialogs: {session.dialogs}"


def test_every_chart_is_drawn(session):
    charts = session.page.locator(".dossier-chart")
    assert charts.count() > 0, "the briefing has no .dossier-chart"
    undrawn = []
    for i in range(charts.count()):
        chart = charts.nth(i)
        if chart.locator("svg, canvas").count() == 0:
            undrawn.append(f"#{chart.get_attribute('id')}: {chart.inner_text()[:200]!r}")
    assert not undrawn, f"charts not drawn within {CHART_TIMEOUT_MS} ms: {undrawn}"


def test_every_chart_dropdown_filters_its_marks(session):
    page = session.page
    charts = page.locator(".dossier-chart")
    tried, unchanged = [], []
    for i in range(charts.count()):
        chart = charts.nth(i)
        selects = chart.locator("select")
        for j in range(selects.count()):
            select = selects.nth(j)
            name = f"#{chart.get_attribute('id')} select[name={select.get_attribute('name')}]"
            options = select.locator("option")
            assert options.count() >= 2, f"{name} has fewer than two options"
            label = options.nth(1).inner_text()
            before = mark_count(chart)
            assert before > 0, f"{name}: the chart has no marks"
            select.select_option(index=1)
            page.wait_for_timeout(500)
            with contextlib.suppress(PlaywrightTimeout):  # reported below with the counts
                page.wait_for_function(
                    "([el, sel, n]) => el.querySelectorAll(sel).length !== n",
                    arg=[chart.element_handle(), MARKS, before],
                    timeout=FILTER_TIMEOUT_MS,
                )
            after = mark_count(chart)
            tried.append(f"{name} -> {label!r}: {before} -> {after} marks")
            if after == before:
                unchanged.append(tried[-1])
            select.select_option(index=0)
            page.wait_for_timeout(500)
            restored = mark_count(chart)
            assert restored == before, f"{name}: back to 'All' gives {restored} marks, not {before}"
    assert tried, "no chart has a dropdown (select) filter"
    assert not unchanged, f"dropdowns that changed nothing: {unchanged} (all: {tried})"
    assert not session.errors(), "errors while filtering:\n" + "\n".join(session.errors())


def test_claims_search_filters_rows(session):
    claims = claims_table(session.page)
    total, info = entries(claims)
    rows_before = visible_rows(claims)
    assert total > 0 and rows_before, f"the claims table is empty: {info!r}"
    search(claims, "wounded")
    try:
        matched, info_after = entries(claims)
        rows = visible_rows(claims)
        assert 0 < matched < total, f"searching 'wounded': {info!r} -> {info_after!r}"
        assert 0 < len(rows) < len(rows_before), (
            f"searching 'wounded' shows {len(rows)} rows, before {len(rows_before)}: {info_after!r}"
        )
        assert all("wounded" in row.lower() for row in rows), f"rows without 'wounded': {rows}"
    finally:
        search(claims, "")
    assert entries(claims)[0] == total, "clearing the search does not bring every claim back"
    assert len(visible_rows(claims)) == len(rows_before)


def test_nothing_ran_or_failed_after_interaction(session):
    """Re-drawn charts and re-rendered table rows must stay as inert as the first render."""
    assert not session.dialogs, f"dialogs opened: {session.dialogs}"
    assert session.page.evaluate("() => window.__pwned") is None, "hostile script ran"
    assert not session.aborted, f"the page tried to fetch: {session.aborted}"
    assert not session.errors(), "errors during the session:\n" + "\n".join(session.errors())
    assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size > 10_000, "no screenshot saved"


# ---- reading, export, print, dark mode, narrow screens (issue 12) ----------------------------

CONTROLS = (
    ".dt-search", ".dt-length", ".dt-paging", ".dt-buttons", ".dossier-chart .vega-bindings",
    ".vega-embed details", ".dossier-back",
)  # fmt: skip
ESCAPES = re.compile(r"&(#x?[0-9a-f]+|amp|quot|apos|lt|gt);", re.IGNORECASE)


def tables(page) -> list:
    containers = page.locator("div.dt-container")
    assert containers.count() >= 2, "expected the briefing's tables"
    return [containers.nth(i) for i in range(containers.count())]


def caption(container) -> str:
    return container.locator("table.dataTable caption").inner_text().strip()


def set_length(container, length: str) -> None:
    container.locator(".dt-length select").select_option(label=length)


def body_rows(container) -> int:
    return container.locator("table.dataTable > tbody > tr").count()


@pytest.fixture
def reset_tables(session):
    """Each test leaves every table as it found it: no search, 25 rows a page, first page."""
    yield session
    page = session.page
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen", color_scheme="light")
    page.set_viewport_size(VIEWPORT)
    for container in tables(page):
        if container.locator("input[type=search]").input_value():
            search(container, "")
        set_length(container, "25")


def download(page, button) -> Path:
    with page.expect_download() as info:
        button.click()
    return Path(info.value.path())


PLAIN_NUMBER = re.compile(r"(-?\d+(\.\d+)?)?")


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows as text: inline strings and numbers, in cell order."""
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None, "the xlsx is a damaged zip"
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    return [
        ["".join(c.itertext()) for c in row.findall("s:c", ns)]
        for row in sheet.findall("s:sheetData/s:row", ns)
    ]


def test_tables_page_25_with_a_show_all_choice_and_distinct_labels(session):
    labels = []
    for container in tables(session.page):
        options = container.locator(".dt-length select option")
        texts = [options.nth(i).inner_text() for i in range(options.count())]
        assert "25" in texts and "All" in texts, f"{caption(container)}: length menu {texts}"
        assert container.locator(".dt-length select").input_value() == "25"
        labels += [
            container.locator(".dt-search label").inner_text(),
            container.locator(".dt-length label").inner_text(),
        ]
        for button in ("buttons-csv", "buttons-excel"):
            labels.append(container.locator(f"button.{button}").get_attribute("title"))
    assert len(labels) == len(set(labels)), f"controls sharing a label: {labels}"


def test_numbers_have_separators_and_booleans_read_yes_no(session):
    cells = session.page.evaluate(
        """() => Array.from(document.querySelectorAll('table.dataTable > tbody > tr > td'))
             .map(td => [td.className, td.innerText.trim()])"""
    )
    numbers = [text for css, text in cells if "dt-right" in css and text]
    assert numbers, "no numeric (right-aligned) cell in any table"
    unformatted = [n for n in numbers if not re.fullmatch(r"-?\d{1,3}(,\d{3})*(\.\d+)?", n)]
    assert not unformatted, f"numbers without thousands separators: {unformatted}"
    assert any("," in n for n in numbers), "no number large enough to show a separator"
    texts = {text for _, text in cells}
    assert not texts & {"True", "False", "true", "false"}, "a boolean shown as True/False"
    assert {"yes", "no"} <= texts, "booleans are not shown as yes/no"
    headers = session.page.locator("table.dataTable thead th").all_inner_texts()
    assert not [h for h in headers if "_" in h], f"snake_case headers: {headers}"
    snake = [t for t in texts if re.fullmatch(r"[a-z]+(_[a-z]+)+", t)]
    assert not snake, f"snake_case values: {snake}"


@pytest.mark.parametrize("kind", ["csv", "excel"])
def test_export_buttons_give_every_row_the_search_matches(reset_tables, kind):
    page = reset_tables.page
    for container in tables(page):
        total, _ = entries(container)
        set_length(container, "10")  # exports are not limited to the page shown
        rows = (csv_rows if kind == "csv" else xlsx_rows)(
            download(page, container.locator(f"button.buttons-{kind}"))
        )
        name = caption(container)
        header = container.locator("table.dataTable thead th").all_inner_texts()
        assert [h.strip() for h in rows[0]] == [h.strip() for h in header], name
        assert len(rows) - 1 == total, f"{name}: {kind} has {len(rows) - 1} rows, table {total}"
        if kind == "csv":  # read by programs: numbers without thousands separators
            right = container.locator("table.dataTable > tbody > tr:first-child > td")
            numeric = [
                i
                for i in range(right.count())
                if "dt-right" in (right.nth(i).get_attribute("class") or "")
            ]
            grouped = [r[i] for r in rows[1:] for i in numeric if not PLAIN_NUMBER.fullmatch(r[i])]
            assert not grouped, f"{name}: CSV numbers with separators: {grouped[:3]}"
        cells = [cell for row in rows for cell in row]
        ours = [c for c in cells if 'href="#' in c or 'class="dossier' in c or "<mark>" in c]
        assert not ours, f"{name}: our markup exported, not its text: {ours[:3]}"
        assert not [c for c in cells if ESCAPES.search(c)], f"{name}: escaped text exported"
    claims = claims_table(page)
    every, _ = entries(claims)
    search(claims, PUNCTUATION_OUTLET)
    matched, _ = entries(claims)
    assert 0 < matched < every, f"searching {PUNCTUATION_OUTLET}: {matched} of {every}"
    rows = (csv_rows if kind == "csv" else xlsx_rows)(
        download(page, claims.locator(f"button.buttons-{kind}"))
    )
    assert len(rows) - 1 == matched, f"{kind} export: {len(rows) - 1} rows, search {matched}"
    text = "\n".join("\t".join(row) for row in rows)
    assert 'Harbor town\'s "quiet" week & the toll' in text, "the evidence link's text"
    assert "governor's office" in text and '"eastern" district & the port' in text


def test_print_shows_every_row_of_every_table_and_no_control(reset_tables):
    page = reset_tables.page
    claims = claims_table(page)
    set_length(claims, "10")  # a reader's page of 10: printing must still show every claim
    total, _ = entries(claims)
    assert total > 10 and body_rows(claims) == 10, "the claims need more than one page of 10"
    # emulating print media changes the print media query (as printing does); beforeprint is
    # dispatched too, as a browser does before it prints
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(300)
    for container in tables(page):
        count, info = entries(container)
        assert body_rows(container) == count, f"{caption(container)} prints {info}"
    visible = [
        f"{selector} #{i}"
        for selector in CONTROLS
        for i in range(page.locator(selector).count())
        if page.locator(selector).nth(i).is_visible()
    ]
    assert not visible, f"controls visible in print: {visible}"
    breaks = page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-MarkdownCell'))
             .filter(cell => cell.querySelector('h2'))
             .map(cell => getComputedStyle(cell).breakBefore)"""
    )
    assert len(breaks) > 2 and set(breaks[1:]) == {"page"}, f"page breaks before h2: {breaks}"
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    page.wait_for_timeout(300)
    assert body_rows(claims) == 10, "after printing the reader's page length is not restored"


def test_dark_mode_changes_the_page_background(reset_tables):
    page = reset_tables.page
    style = "() => getComputedStyle(document.body).backgroundColor"
    page.emulate_media(color_scheme="light")
    light = page.evaluate(style)
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)
    dark = page.evaluate(style)
    assert dark != light, f"the background stays {light} in dark mode"
    channels = [int(v) for v in re.findall(r"\d+", dark)[:3]]
    assert max(channels) < 80, f"the dark background is not dark: {dark}"
    text = page.evaluate("() => getComputedStyle(document.body).color")
    assert min(int(v) for v in re.findall(r"\d+", text)[:3]) > 150, f"dark text: {text}"
    table = page.evaluate(
        "() => getComputedStyle(document.querySelector('table.dataTable td')).color"
    )
    assert min(int(v) for v in re.findall(r"\d+", table)[:3]) > 150, f"table text {table}"


def test_390_px_wide_has_no_horizontal_scroll_of_the_page(reset_tables):
    page = reset_tables.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    body = page.evaluate("() => document.body.scrollWidth")
    assert width <= 390 and body <= 390, f"the page scrolls sideways: {width}px, body {body}px"
    page.screenshot(path=str(reset_tables.html.parent / "browser-briefing-390.png"))


def test_apostrophes_quotes_and_ampersands_show_once_escaped(reset_tables):
    page = reset_tables.page
    claims = claims_table(page)
    search(claims, PUNCTUATION_OUTLET)
    ledger = claims.locator("table.dataTable").inner_text()
    assert "governor's office" in ledger, "the speaker's apostrophe is not shown as typed"
    assert 'wounded in the "eastern" district & the port.' in ledger
    assert "Smith & Sons depot" in ledger
    assert 'Harbor town\'s "quiet" week & the toll' in ledger, "the evidence link's title"
    evidence = page.locator("section.dossier-article").filter(has_text="Harbor town")
    assert evidence.count() == 1, "no evidence section for the punctuation article"
    shown = evidence.inner_text()
    assert 'Harbor town\'s "quiet" week & the toll that followed' in shown
    assert (
        'The governor\'s office said 2,750 soldiers were wounded in the "eastern" district &'
        in (shown)
    )
    text = page.inner_text("body")
    assert not ESCAPES.findall(text), f"escapes shown as text: {set(ESCAPES.findall(text))}"


def test_evidence_links_back_to_its_ledger_row_on_any_page(reset_tables):
    page = reset_tables.page
    claims = claims_table(page)
    set_length(claims, "10")
    search(claims, HOSTILE_OUTLET)  # the target is neither on the page nor matching the search
    target = page.evaluate(
        """() => Array.from(document.querySelectorAll('a.dossier-back'))
             .map(a => a.dataset.claim)
             .find(id => !document.querySelector('.dt-container [id="' + id + '"]'))"""
    )
    assert target, "every back-link's ledger row is already on the page: nothing to test"
    page.locator(f'a.dossier-back[data-claim="{target}"]').click()
    page.wait_for_timeout(300)
    row = claims.locator(f'table.dataTable > tbody > tr:has([id="{target}"])')
    assert row.count() == 1, f"the ledger row #{target} is not shown after the back-link"
    assert page.evaluate("() => location.hash") == f"#{target}"
    assert row.is_visible() and row.bounding_box()["y"] < VIEWPORT["height"], "not scrolled to"
    # and the row's own link goes to the same sentence the back-link came from
    href = row.locator(f'[id="{target}"]').get_attribute("href")
    back = page.locator(f'a.dossier-back[data-claim="{target}"]').first
    assert back.locator("xpath=..").get_attribute("id") == href.lstrip("#")


def test_numbers_with_separators_sort_as_numbers(reset_tables):
    page = reset_tables.page
    tried = []
    for container in tables(page):
        headers = container.locator("table.dataTable thead th")
        for i in range(headers.count()):
            cells = container.locator(f"table.dataTable > tbody > tr > td:nth-child({i + 1})")
            texts = [t.strip() for t in cells.all_inner_texts()]
            if not any(re.fullmatch(r"\d{1,3}(,\d{3})+", t) for t in texts):
                continue
            if not all(re.fullmatch(r"\d{1,3}(,\d{3})*|", t) for t in texts):
                continue
            headers.nth(i).locator(".dt-column-order").click()  # ascending (the icon sorts)
            page.wait_for_timeout(100)
            shown = [int(t.replace(",", "")) for t in cells.all_inner_texts() if t.strip()]
            tried.append(f"{caption(container)} / {headers.nth(i).inner_text()}")
            assert shown == sorted(shown), f"{tried[-1]} sorts as text: {shown}"
    assert tried, "no column of numbers with separators to sort"
