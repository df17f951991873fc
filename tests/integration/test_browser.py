"""The exported briefing in a real browser: Debian's chromium, driven by playwright.

One briefing is built from the seeds plus a hostile article (HTML and script in its title and
figures' sentences), opened from disk with every non-file request aborted, and checked the way a
reader uses it: nothing fetched, nothing logged as an error, no hostile markup live, every chart
drawn, every chart dropdown filtering marks, the claims search filtering rows.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

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
SCREENSHOT = ROOT / "reports" / "browser-briefing.png"
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
    for path in [*seeds, HOSTILE]:
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
            page = browser.new_page(viewport={"width": 1280, "height": 900})
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
