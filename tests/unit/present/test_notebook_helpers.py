"""The notebook helpers: the renderer, JSON safe in scripts, labels; and the house rules for the
committed notebooks (outputs stripped, literal parameters, no logic)."""

import ast
import json

import altair as alt
import nbformat
import pandas as pd
import pandas.testing as pdt
import pytest

from conftest import ROOT
from dossier.present import display

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_script_json_cannot_close_a_script_element():
    hostile = {"title": "</script><script>alert(1)</script>", "x": "a & b", "y": "\u2028"}
    text = display.script_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == hostile


def test_renderer_emits_a_div_and_a_vega_embed_call_with_the_spec():
    chart = alt.Chart(alt.Data(values=[{"a": "</script>"}])).mark_point().encode(x="a:N")
    bundle = display.render_chart(chart.to_dict())
    markup = bundle["text/html"]
    div_id = markup.split('id="', 1)[1].split('"', 1)[0]
    assert markup.startswith(f'<div id="{div_id}" class="dossier-chart"></div>')
    assert f'document.getElementById("{div_id}")' in markup
    assert "window.vegaEmbed(el, spec, opt)" in markup
    assert markup.count("</script>") == 1 and "\\u003c/script\\u003e" in markup
    assert "src=" not in markup  # nothing loaded from anywhere


def test_each_chart_gets_its_own_div():
    spec = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().to_dict()
    first, second = display.render_chart(spec), display.render_chart(spec)
    assert first["text/html"].split('"')[1] != second["text/html"].split('"')[1]


def test_vega_bundle_matches_altairs_vega_lite_and_is_safe_to_inline():
    bundle = display.vega_bundle()
    assert "window.vegaEmbed" in bundle
    assert "</script" not in bundle.lower()
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    assert f"{major_minor}." in bundle  # the Vega-Lite version string is in the bundle


def test_tables_show_readers_blanks_separators_yes_no_and_whole_ids():
    frame = pd.DataFrame(
        {
            "value": [25000.0, None],
            "who": ["Yu", None],
            "share": [0.5, 1.0],
            "sentence_no": [3.0, None],
            "is_hedged": [True, False],
        }
    )
    expected = pd.DataFrame(
        {
            "value": ["25,000", ""],
            "who": ["Yu", ""],
            "share": ["0.5", "1"],
            "sentence_no": pd.array([3, None], dtype="Int64"),
            "is_hedged": ["yes", "no"],
        }
    ).astype({"value": object, "share": object, "is_hedged": object})
    pdt.assert_frame_equal(display.for_readers(frame), expected)


@pytest.mark.parametrize(
    ("column", "label"),
    [("word_count", "Word count"), ("article_id", "Article ID"), ("title", "Title")],
)
def test_reader_label(column, label):
    assert display.reader_label(column) == label


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebooks_follow_the_house_rules(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    for cell in code:
        assert not cell.outputs and cell.execution_count is None, "commit notebooks stripped"
        tree = ast.parse(cell.source)
        assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(tree))
    parameters = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1, "exactly one parameters cell"
    for statement in ast.parse(parameters[0].source).body:
        assert isinstance(statement, ast.Assign)
        ast.literal_eval(statement.value)  # literal defaults only
    assert code.index(parameters[0]) == 0, "the parameters cell comes before any other code"
