"""The briefing pipe for real: papermill executes the notebook, nbconvert exports the HTML."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import FIXTURES, ROOT, SEEDS, write_notebook
from dossier.run import briefing

pytestmark = pytest.mark.slow

# Any element that would make the browser fetch something from the network.
NETWORK_REF = re.compile(
    r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*"
    r"\b(?:src|href|data)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)
CSS_NETWORK_REF = re.compile(r"@import\s+url\(\s*[\"']?(?:https?:)?//|url\(\s*[\"']?https?://")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("briefing")
    result = briefing.build(
        {"corpus": str(SEEDS), "title": "Troops <b>& co</b>", "outlets": ["rfa.org", "scmp.com"]},
        out_dir=out,
        name="seeds",
    )
    return result, result.html.read_text(encoding="utf-8")


def test_briefing_writes_the_executed_notebook_and_the_html(built):
    result, _ = built
    assert result.notebook.name == "seeds.ipynb" and result.html.name == "seeds.html"
    nb = nbformat.read(result.notebook, as_version=4)
    assert nb.metadata.papermill.parameters["title"] == "Troops <b>& co</b>"
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    # the live-only widget cell is kept for JupyterLab, but an unattended run never executes it
    explore = next(c for c in nb.cells if c.get("id") == "explore")
    assert "live-only" in explore.metadata["tags"] and explore.outputs == []


def test_html_makes_no_network_request(built):
    _, html = built
    assert not NETWORK_REF.findall(html)
    assert not CSS_NETWORK_REF.findall(html)
    assert "require.min.js" not in html and "MathJax.js" not in html
    assert "@jupyter-widgets/html-manager" not in html


def test_html_holds_the_chart_spec_the_bundle_and_the_table(built):
    _, html = built
    assert html.count('class="dossier-chart"') == 2  # figures by source, figures by speaker
    assert "window.vegaEmbed=" in html  # the inline bundle
    assert re.search(r'"\$schema": ?"https://vega\.github\.io/schema/vega-lite/v6', html)
    assert '"outlet_choice"' in html and '"category_choice"' in html
    assert '"input": "select"' in html
    assert "000_8d15dd48c9a3f5e1.txt" in html  # the articles table's data
    assert "20,000-25,000" in html and "Volodymyr Zelenskyy" in html  # the claims ledger


def test_html_answers_first_and_links_every_figure_to_its_sentence(built):
    _, html = built
    for expected in (
        "11,000-12,000 (2 sources disagree: rfa.org 12,000;",
        "400 killed + 3,600 wounded = 4,000 (Yu, scmp.com), consistent with ~4,000",
        "may reach 20,000-25,000 more (rfa.org, per Ukrainian President Volodymyr Zelenskyy",
        "1,500 January and February and ~3,500 currently",
    ):
        assert expected in html
    anchors = set(re.findall(r'id="(s-[^"]+)"', html))
    links = set(re.findall(r'href=\\?"#(s-[^"\\]+)', html))
    assert len(anchors) == 12 and links and links <= anchors  # 15 claims in 12 sentences


def test_html_drops_live_only_cells_and_code(built):
    _, html = built
    assert "Explore (live)" not in html
    assert "widget-view+json" not in html
    assert "from dossier import" not in html and "dossier.load(" not in html
    assert "widget-state+json" not in html
    assert "Every file was read." in html


def test_title_is_escaped_everywhere(built):
    _, html = built
    assert "<b>& co</b>" not in html
    assert "<title>Troops &lt;b&gt;&amp; co&lt;/b&gt;</title>" in html
    assert "<h1>Troops &lt;b&gt;&amp; co&lt;/b&gt;</h1>" in html


def test_html_size_is_bounded(built):
    _, html = built
    assert len(html.encode()) < 3_000_000


def test_query_parameter_filters_the_corpus(tmp_path):
    result = briefing.build({"corpus": str(SEEDS), "query": "lawmaker"}, out_dir=tmp_path, name="q")
    html = result.html.read_text(encoding="utf-8")
    assert "1 article · outlets: scmp.com" in html
    assert "<title>Briefing</title>" in html  # the notebook's default title


def test_unknown_parameters_are_refused_before_running(tmp_path):
    with pytest.raises(briefing.BriefingArgumentError, match=r"unknown parameter.*colour"):
        briefing.build({"colour": "red"}, out_dir=tmp_path)
    assert not list(tmp_path.iterdir())


def test_a_failing_notebook_is_kept_and_no_html_is_written(tmp_path):
    with pytest.raises(briefing.BriefingError) as exc:
        briefing.build({"corpus": str(FIXTURES / "bad" / "empty.txt")}, out_dir=tmp_path)
    message = str(exc.value)
    assert "NoArticlesError" in message and "\n" not in message
    assert str(tmp_path / "briefing.ipynb") in message
    kept = nbformat.read(tmp_path / "briefing.ipynb", as_version=4)
    assert any(
        o.get("ename") == "NoArticlesError" for c in kept.cells for o in c.get("outputs", [])
    )
    assert not (tmp_path / "briefing.html").exists()


def test_a_cell_that_runs_too_long_fails_with_a_timeout(tmp_path):
    sleepy = write_notebook(
        tmp_path / "sleepy.ipynb", 'corpus = ""\nseconds = 60', "import time\ntime.sleep(seconds)"
    )
    with pytest.raises(briefing.BriefingError, match="timed out"):
        briefing.build({}, out_dir=tmp_path / "out", notebook=sleepy, timeout=2)
    assert (tmp_path / "out" / "briefing.ipynb").exists()


def test_live_only_cells_never_run_unattended(tmp_path):
    notebook = write_notebook(tmp_path / "live.ipynb", 'corpus = ""', "ran = 'the report'")
    nb = nbformat.read(notebook, as_version=4)
    waits = nbformat.v4.new_code_cell(
        "import time\ntime.sleep(60)  # a widget waiting for a person"
    )
    waits.metadata["tags"] = ["live-only"]
    nb.cells.insert(1, waits)
    nbformat.write(nb, notebook)
    result = briefing.build({}, out_dir=tmp_path / "out", notebook=notebook, timeout=10)
    executed = nbformat.read(result.notebook, as_version=4)
    kept = [c for c in executed.cells if "live-only" in c.metadata.get("tags", [])]
    assert len(kept) == 1 and kept[0].outputs == [] and kept[0].get("execution_count") is None
    assert executed.cells[-1].source == "ran = 'the report'" and result.html.exists()


def dossier_cli(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "dossier", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def test_cli_prints_the_html_path_and_exits_0(tmp_path):
    run = dossier_cli(
        "brief", "--corpus", "seeds", "--out", str(tmp_path), "--name", "cli",
        "-p", "title", "2025", "-p", "outlets", json.dumps(["rfa.org"]),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"{tmp_path / 'cli.html'}\n"
    html = (tmp_path / "cli.html").read_text(encoding="utf-8")
    assert "<h1>2025</h1>" in html  # text parameters stay text
    assert "1 article · outlets: rfa.org" in html
    assert "without encryption" not in run.stderr  # the kernel talks over Unix sockets


def test_kernel_uses_unix_sockets_unless_their_path_would_be_too_long():
    assert (
        briefing.kernel_config("/home/analyst/.local/share/jupyter/runtime").KernelManager.transport
        == "ipc"
    )
    assert "transport" not in briefing.kernel_config("/" + "d" * 60).KernelManager


def test_cli_failure_exits_1_with_a_one_line_reason_and_keeps_the_notebook(tmp_path):
    run = dossier_cli("brief", "--corpus", str(FIXTURES / "bad"), "--out", str(tmp_path))
    assert run.returncode == 0, run.stderr  # bad files beside a good one: a briefing, not a failure
    run = dossier_cli(
        "brief", "--corpus", str(FIXTURES / "bad" / "*only.txt"), "--out", str(tmp_path / "f")
    )
    assert run.returncode == 1
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("dossier: briefing failed: cell ")
    assert "NoArticlesError" in last and str(tmp_path / "f" / "briefing.ipynb") in last
    assert run.stdout == ""
    assert (tmp_path / "f" / "briefing.ipynb").exists()
    assert not (tmp_path / "f" / "briefing.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "--corpus", "no/such/folder"], "no such corpus"),
        (["brief", "-p", "colour", "red"], "unknown parameter 'colour'"),
        (["brief", "-p", "corpus", "seeds"], "give the corpus with --corpus"),
        (["brief", "--timeout", "0"], "timeout must be a positive"),
        (["brief", "--notebook", "nope.ipynb"], "no such notebook"),
        (["brief", "--nonsense"], "unrecognized arguments"),
        ([], "required: COMMAND"),
    ],
)
def test_cli_bad_arguments_exit_2(args, message, tmp_path):
    run = dossier_cli(*args, "--out", str(tmp_path)) if args[:1] == ["brief"] else dossier_cli()
    assert run.returncode == 2
    assert message in run.stderr
    assert not list(tmp_path.iterdir())


def test_cli_help_explains_every_option():
    run = dossier_cli("brief", "--help")
    assert run.returncode == 0
    for option in ("--corpus", "--out", "--name", "--parameter", "--timeout", "--notebook"):
        assert option in run.stdout


def test_explore_notebook_runs(tmp_path):
    import papermill

    out = tmp_path / "explore.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "explore.ipynb"),
        str(out),
        parameters={"corpus": str(SEEDS)},
        cwd=str(ROOT / "notebooks"),
        execution_timeout=300,
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    claims = next(c for c in nb.cells if c.get("id") == "claims")
    assert "application/vnd.jupyter.widget-view+json" in claims.outputs[0]["data"]


def test_a_large_corpus_gives_a_bounded_html(tmp_path):
    from dossier.dev import bench

    folder = tmp_path / "corpus"
    folder.mkdir()
    bench.make_corpus(folder, 1500)
    result = briefing.build({"corpus": str(folder)}, out_dir=tmp_path / "out", name="large")
    html = result.html.read_text(encoding="utf-8")
    size = len(html.encode())
    print(f"\n1,500 articles: HTML {size / 1e6:.1f} MB")
    assert size < 6_000_000
    assert "most recent of" in html and ".claims.csv" in html  # the ledger is capped, visibly
    assert "more sentences with figures are not shown here" in html
    assert "one row per source" in html  # the range chart aggregates


@pytest.mark.parametrize("case", ["no figures", "no article matches"])
def test_a_briefing_with_nothing_to_report_says_so(tmp_path, case):
    if case == "no figures":
        folder = tmp_path / "corpus"
        folder.mkdir()
        (folder / "a.txt").write_text(
            "Talks Resume in Geneva\n\nDiplomats met again to discuss a ceasefire.\n",
            encoding="utf-8",
        )
        parameters = {"corpus": str(folder)}
    else:
        parameters = {"corpus": str(SEEDS), "query": "no-such-word"}
    result = briefing.build(parameters, out_dir=tmp_path / "out", name="empty")
    html = result.html.read_text(encoding="utf-8")
    assert "No figures about forces or casualties in the selected articles." in html
    assert not NETWORK_REF.findall(html)


# A failing cell, a cell timeout or a cell that ends the run early: exit 1, notebook kept, and
# no socket of the kernel left beside the notebook (the fixtures are copied to a folder of
# their own, so anything the run leaves there shows).
NOTEBOOKS = FIXTURES / "notebooks"


def run_fixture(name, tmp_path, *options):
    from dossier.run import cli

    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = shutil.copy(NOTEBOOKS / f"{name}.ipynb", folder)
    out = tmp_path / "out"
    status = cli.main(["brief", "--notebook", str(notebook), "--out", str(out), *options])
    assert sorted(p.name for p in folder.iterdir()) == [f"{name}.ipynb"]  # no kernel-ipc-N
    return status, out


@pytest.mark.parametrize(
    ("name", "options", "reason"),
    [
        ("sleeps", ["--timeout", "2"], "timed out: a cell ran longer than the 2 s a cell may run"),
        ("raises", [], "raised ValueError: the figures do not add up"),
        ("raises_tagged", [], "raised ValueError: an error the cell was told to expect"),
        ("exits", [], "a cell ended the run early (such as sys.exit()): 1 cell(s) did not run"),
    ],
    ids=["cell timeout", "cell error", "error in a raises-exception cell", "sys.exit()"],
)
def test_a_cell_that_fails_fails_the_run(tmp_path, capsys, name, options, reason):
    status, out = run_fixture(name, tmp_path, *options)
    captured = capsys.readouterr()
    assert status == 1 and captured.out == ""
    last = captured.err.strip().splitlines()[-1]
    assert last.startswith("dossier: briefing failed: ") and reason in last
    assert (out / "briefing.ipynb").exists() and not (out / "briefing.html").exists()


def test_a_run_keeps_its_kernel_sockets_out_of_the_notebook_folder(tmp_path, capsys, monkeypatch):
    import tempfile

    runtime = Path(tempfile.mkdtemp(prefix="rt-")) / "runtime"  # short, and not made yet
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    try:
        status, out = run_fixture("runs", tmp_path)
        assert status == 0 and capsys.readouterr().out == f"{out / 'briefing.html'}\n"
        cell = nbformat.read(out / "briefing.ipynb", as_version=4).cells[-1]
        seen = json.loads(cell.outputs[0]["text"])
        assert seen["beside"] == ["runs.ipynb"]  # while it ran, too
        assert seen["ip"].startswith(f"{runtime}/kernel-")
    finally:
        shutil.rmtree(runtime.parent, ignore_errors=True)


def test_the_whole_ledger_is_written_beside_the_html_and_linked_by_name(tmp_path, capsys):
    import duckdb
    import pandas as pd

    import dossier
    from dossier.run import cli

    assert cli.main(["brief", "--corpus", str(SEEDS), "--out", str(tmp_path), "--name", "s"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 's.html'}\n"
    claims = dossier.load(SEEDS).claims
    from_csv = pd.read_csv(tmp_path / "s.claims.csv")
    parquet = str(tmp_path / "s.claims.parquet")
    from_parquet = duckdb.sql(f"SELECT * FROM '{parquet}'").df()
    for frame in (from_csv, from_parquet):
        assert sorted(frame["claim_id"]) == sorted(claims["claim_id"])
        assert len(frame) == len(claims)
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert 'href="s.claims.csv"' in html and 'href="s.claims.parquet"' in html
    assert "most recent of" not in html  # every claim is in the table: no note
    assert str(tmp_path) not in html  # the links are relative
    assert not NETWORK_REF.findall(html)
