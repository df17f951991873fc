"""Tables as readers see them: separators, yes/no, labels, the DataTables options of a table."""

import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.present import caps, tables


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (11000, "11,000"),
        (11000.0, "11,000"),
        (1234567, "1,234,567"),
        (999, "999"),
        (0, "0"),
        (-2500, "-2,500"),
        (0.25, "0.25"),
        (1234.5, "1,234.5"),
        (2 / 3, "0.67"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
    ],
)
def test_number_text(value, text):
    assert tables.number_text(value) == text


@pytest.mark.parametrize(("value", "text"), [(True, "yes"), (False, "no"), (None, ""), (pd.NA, "")])
def test_yes_no(value, text):
    assert tables.yes_no(value) == text


@pytest.mark.parametrize(
    ("column", "grouped"),
    [
        ("value_low", True),
        ("claim_count", True),
        ("sources", True),
        ("article_id", False),
        ("sentence_no", False),
        ("year", False),
        ("published_year", False),
        ("paragraph_number", False),
    ],
)
def test_only_counts_and_values_get_separators(column, grouped):
    assert tables.is_grouped(column) is grouped


def test_for_readers_labels_categories_and_languages_and_keeps_text():
    frame = pd.DataFrame(
        {
            "category": ["returned_to_duty", "killed", None],
            "categories": ["casualty_rate, wounded", "", "killed"],
            "language": ["de", "en", None],
            "quote": ["It's 11000 & more", "a_b", None],
            "has_date": pd.array([True, None, False], dtype="boolean"),
        }
    )
    expected = pd.DataFrame(
        {
            "category": ["Returned to duty", "Killed", ""],
            "categories": ["Casualty rate, Wounded", "", "Killed"],
            "language": ["German", "English", ""],
            "quote": ["It's 11000 & more", "a_b", ""],
            "has_date": ["yes", "", "no"],
        }
    ).astype({"has_date": object})
    pdt.assert_frame_equal(tables.for_readers(frame), expected)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (pd.Timestamp("2025-04-02"), "2025-04-02"),
        (pd.Timestamp("2025-04-02 06:30"), "2025-04-02 06:30"),
        (pd.NaT, ""),
        (None, ""),
    ],
)
def test_date_text(value, text):
    assert tables.date_text(value) == text


def test_date_columns_read_as_days():
    frame = pd.DataFrame({"published_date": pd.to_datetime(["2025-04-02", None])})
    assert tables.for_readers(frame)["published_date"].tolist() == ["2025-04-02", ""]


def test_object_column_of_booleans_reads_yes_no():
    frame = pd.DataFrame({"is_consistent": [True, None, False]}, dtype=object)
    assert tables.for_readers(frame)["is_consistent"].tolist() == ["yes", "", "no"]


def test_for_readers_leaves_the_input_alone():
    frame = pd.DataFrame({"value": [11000], "is_hedged": [True]})
    before = frame.copy()
    tables.for_readers(frame)
    pdt.assert_frame_equal(frame, before)


@pytest.mark.parametrize(
    ("caption", "name"),
    [
        ("Claims", "Claims"),
        ("Spreads: the same quantity from different sources", "Spreads"),
        ("Outlets (Admiralty grade: A reliable ... F cannot be judged)", "Outlets"),
        (None, "table"),
        ("", "table"),
    ],
)
def test_short_name(caption, name):
    assert tables.short_name(caption) == name


def test_table_options_page_25_with_all_exports_and_labels_naming_the_table():
    options = tables.table_options("Key figures", text_columns=[0, 2], numeric_columns=[1])
    assert options["pageLength"] == 25
    lengths, labels = options["lengthMenu"]
    assert -1 in lengths and labels[lengths.index(-1)] == "All"
    assert "Key figures" in options["language"]["search"]
    assert "Key figures" in options["language"]["lengthMenu"]
    assert [b["extend"] for b in options["buttons"]] == ["csvHtml5", "excelHtml5"]
    assert [b["text"] for b in options["buttons"]] == ["CSV", "Excel"]
    assert {b["filename"] for b in options["buttons"]} == {"key-figures"}
    # every row the search matches, in the order shown, not only the page
    for button in options["buttons"]:
        assert button["exportOptions"]["modifier"] == {"search": "applied", "order": "applied"}
        assert "page" not in button["exportOptions"]["modifier"]
    csv, excel = (b["exportOptions"] for b in options["buttons"])
    assert "[1].indexOf(column)" in csv["format"]["body"]  # the CSV's numbers, plain
    assert "format" not in excel  # Excel makes "11,000" a number cell itself
    layout = options["layout"]
    assert "buttons" in layout.values() and "search" in layout.values()
    assert "pageLength" in layout["bottomStart"]
    assert options["columnDefs"] == [
        {"className": "dt-left", "targets": [0, 2]},
        {"className": "dt-right", "targets": [1]},
    ]


def test_two_tables_have_distinct_control_labels():
    first, second = tables.table_options("Claims", [], []), tables.table_options("Speakers", [], [])
    for key in ("search", "lengthMenu"):
        assert first["language"][key] != second["language"][key]
    assert first["buttons"][0]["titleAttr"] != second["buttons"][0]["titleAttr"]


def test_numeric_columns_are_numbers_not_booleans():
    frame = pd.DataFrame({"who": ["a"], "value": [1.0], "is_hedged": [True], "n": [2]})
    assert tables.numeric_columns(frame) == [1, 3]


def test_show_table_hands_itables_the_readers_frame_and_options(monkeypatch):
    shown = {}
    monkeypatch.setattr(
        tables.itables,
        "show",
        lambda frame, caption, **options: shown.update(
            frame=frame, caption=caption, options=options
        ),
    )
    frame = pd.DataFrame(
        {"category": ["killed"], "value_low": [11000.0], "sentence_no": [4], "is_hedged": [False]}
    )
    tables.show_table(frame, caption="Spreads: by source")
    expected = pd.DataFrame(
        {"Category": ["Killed"], "Value low": ["11,000"], "Sentence no": [4], "Is hedged": ["no"]}
    ).astype({"Value low": object, "Is hedged": object})
    pdt.assert_frame_equal(shown["frame"], expected)
    assert shown["caption"] == "Spreads: by source"
    assert shown["options"]["language"]["search"] == "Search Spreads:"
    assert shown["options"]["columnDefs"][1] == {"className": "dt-right", "targets": [1, 2]}


def test_show_html_table_escapes_all_but_our_markup(monkeypatch):
    shown = {}
    monkeypatch.setattr(
        tables.itables, "show", lambda frame, caption, **o: shown.update(f=frame, o=o)
    )
    frame = pd.DataFrame({"quote": ["O'Neil <b>&</b>"], "evidence": ['<a href="#s-a-1">x</a>']})
    tables.show_html_table(frame, "Key figures", ["evidence"])
    assert shown["f"].loc[0, "Quote"] == "O&#x27;Neil &lt;b&gt;&amp;&lt;/b&gt;"
    assert shown["f"].loc[0, "Evidence"] == '<a href="#s-a-1">x</a>'
    assert shown["o"]["allow_html"] is True


@pytest.mark.parametrize(
    ("rows", "cap", "shown", "note"),
    [
        (3, 5, 3, None),
        (5, 5, 5, None),
        (6, 5, 5, '<p class="dossier-note">1 of 6 rows are not shown.</p>'),
        (1234, 150, 150, '<p class="dossier-note">1,084 of 1,234 rows are not shown.</p>'),
    ],
)
def test_a_long_table_shows_its_first_rows_and_says_how_many_it_leaves_out(
    monkeypatch, rows, cap, shown, note
):
    got, notes = {}, []
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", cap)
    monkeypatch.setattr(tables.itables, "show", lambda frame, caption, **o: got.update(f=frame))
    monkeypatch.setattr(tables, "display", lambda html: notes.append(html.data))
    tables.show_table(pd.DataFrame({"source": [f"s{i}" for i in range(rows)]}), caption="T")
    assert len(got["f"]) == shown
    assert notes == ([note] if note else [])


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("body", "body"),
        ("x" * caps.CELL_CHARS, "x" * caps.CELL_CHARS),
        ("x" * (caps.CELL_CHARS + 1), "x" * (caps.CELL_CHARS - 1) + "…"),
    ],
)
def test_a_long_text_cell_is_cut_where_no_markup_is_shown(monkeypatch, text, shown):
    got = {}
    monkeypatch.setattr(tables.itables, "show", lambda frame, caption, **o: got.update(f=frame))
    tables.show_table(pd.DataFrame({"sections": [text]}), caption="Counted once")
    assert got["f"].loc[0, "Sections"] == shown
    tables.show_table(pd.DataFrame({"sections": [text]}), caption="Claims", allow_html=True)
    assert got["f"].loc[0, "Sections"] == text  # markup is never cut
