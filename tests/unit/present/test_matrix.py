"""Who said what, when: one row per source, one column per category label, dated cells."""

import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.present import matrix


def figures_frame(rows: list[tuple]) -> pd.DataFrame:
    """Figures as reconcile.figures gives them, from (source_label, category, actor, low, high,
    published_date) rows."""
    columns = ["source_label", "category", "actor", "value_low", "value_high", "published_date"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame


def test_one_row_per_source_one_column_per_category_latest_first():
    figures = figures_frame(
        [
            ("Anna, a.example", "killed", "Ruritania", 11000.0, 11000.0, "2024-10-30"),
            ("Anna, a.example", "killed", "Ruritania", 12000.0, 12000.0, "2024-11-05"),
            ("Anna, a.example", "wounded", "Ruritania", 10000.0, 12000.0, None),
            ("b.example", "deployed", "Ruritania", 800.0, 800.0, "2024-11-01"),
            ("b.example", "killed", "Ruritania", 40.5, 40.5, None),
        ]
    )
    expected = pd.DataFrame(
        {
            "source": ["Anna, a.example", "b.example"],
            "Forces deployed": ["", "800 (2024-11-01)"],
            "Killed": ["12,000 (2024-11-05); 11,000 (2024-10-30)", "40.5 (undated)"],
            "Wounded": ["10,000-12,000 (undated)", ""],
        }
    )
    pdt.assert_frame_equal(matrix.source_matrix(figures), expected)


def test_undated_figures_come_after_dated_ones():
    figures = figures_frame(
        [
            ("b.example", "killed", "Ruritania", 5.0, 5.0, None),
            ("b.example", "killed", "Ruritania", 7.0, 7.0, "2024-01-02"),
        ]
    )
    assert matrix.source_matrix(figures)["Killed"].tolist() == ["7 (2024-01-02); 5 (undated)"]


def test_a_category_about_several_sides_names_the_side():
    figures = figures_frame(
        [
            ("b.example", "killed", "Ruritania", 5.0, 5.0, "2024-01-01"),
            ("b.example", "killed", "Borduria", 9.0, 9.0, "2024-01-02"),
            ("b.example", "wounded", "Borduria", 3.0, 3.0, "2024-01-02"),
        ]
    )
    got = matrix.source_matrix(figures)
    assert got["Killed"].tolist() == ["Borduria: 9 (2024-01-02); Ruritania: 5 (2024-01-01)"]
    assert got["Wounded"].tolist() == ["3 (2024-01-02)"]


def test_rows_are_the_sources_with_most_figures_first_then_by_name():
    figures = figures_frame(
        [
            ("zed", "killed", "Ruritania", 1.0, 1.0, None),
            ("ann", "killed", "Ruritania", 1.0, 1.0, None),
            ("zed", "wounded", "Ruritania", 2.0, 2.0, None),
            ("bob", "killed", "Ruritania", 1.0, 1.0, None),
        ]
    )
    assert matrix.source_matrix(figures)["source"].tolist() == ["zed", "ann", "bob"]


def test_a_crowded_cell_counts_what_it_leaves_out():
    rows = [("b.example", "killed", "Ruritania", float(n), float(n), f"2024-01-{n:02}")
            for n in range(1, 9)]  # fmt: skip
    cell = matrix.source_matrix(figures_frame(rows))["Killed"].iloc[0]
    assert cell.endswith("4 (2024-01-04); and 3 more")
    assert cell.startswith("8 (2024-01-08); ")


def test_no_figures_is_an_empty_table():
    got = matrix.source_matrix(figures_frame([]))
    assert list(got.columns) == ["source"] and got.empty


@pytest.mark.parametrize(("sources", "limit", "notes"), [(3, 5, 0), (6, 5, 1)])
def test_show_caps_rows_with_a_visible_note(monkeypatch, sources, limit, notes):
    shown, tables = [], []
    monkeypatch.setattr(matrix, "display", shown.append)
    monkeypatch.setattr(matrix.tables, "show_table", lambda frame, **_: tables.append(frame))
    rows = [(f"s{i}", "killed", "Ruritania", 1.0, 1.0, None) for i in range(sources)]
    matrix.show(figures_frame(rows), limit=limit)
    assert len(tables[0]) == min(sources, limit) and len(shown) == notes
    if notes:
        assert "The 5 sources with the most figures are shown; 1 more is not." in shown[0].data


def test_a_figure_with_no_side_next_to_one_with_a_side_is_told_apart():
    figures = figures_frame(
        [
            ("Anna, a.example", "killed", "Ruritania", 40.0, 40.0, "2024-10-30"),
            ("Anna, a.example", "killed", None, 12.0, 12.0, "2024-11-05"),
        ]
    )
    cell = matrix.source_matrix(figures)["Killed"].iloc[0]
    assert "Ruritania: 40" in cell and cell != "12 (2024-11-05); 40 (2024-10-30)"
