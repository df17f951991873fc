"""Tables as readers see them: itables (DataTables, offline) with readers' labels, numbers with
thousands separators, yes/no, one label per category, export buttons and a "show all" length.

Numbers are formatted here, in Python ("11,000"), not by a JavaScript renderer: the same text
then shows in JupyterLab, in the HTML and in the exports, and DataTables still sorts such a
column as numbers (it detects the ``num-fmt`` type); Excel's export turns "11,000" back into a
number with a thousands format.
"""

from __future__ import annotations

import json
import re

import itables
import pandas as pd
from IPython.display import HTML, display
from itables import JavascriptFunction

from dossier.extract.categories import label as category_label
from dossier.present import caps, evidence
from dossier.present.languages import language_name

PAGE_LENGTH = 25
LENGTH_MENU = [[10, 25, 50, 100, -1], [10, 25, 50, 100, "All"]]
MAX_TABLE_ROWS = caps.TABLE_ROWS  # rows embedded per table; the rest counted in a visible note
# Search box, length menu, export buttons, info and paging always shown (itables hides them
# for tables that fit one page).
TABLE_OPTIONS = {
    "classes": "display compact",
    "maxBytes": 0,
    "showIndex": False,
    "layout": {
        "topStart": "buttons",  # itables puts the buttons here unless "buttons" is a value
        "topEnd": "search",
        "bottomStart": ["pageLength", "info"],
        "bottomEnd": "paging",
    },
    "style": "table-layout:auto;width:100%;margin:auto;caption-side:bottom",
    "autoWidth": False,
    "pageLength": PAGE_LENGTH,
    "lengthMenu": LENGTH_MENU,
}
# Numeric columns that name or number things rather than count them: no thousands separator
# (a year 2025, a sentence number, an id).
_NOT_GROUPED = re.compile(r"(^|_)(id|no|number|year|index)$")
_SLUG = re.compile(r"[^a-z0-9]+")


def reader_label(column: str) -> str:
    """Return a column name as a reader reads it: "word_count" -> "Word count"."""
    return column.replace("_", " ").capitalize().replace(" id", " ID")


def number_text(value: object) -> str:
    """Return a number as readers write it: 11000 -> "11,000", 0.25 -> "0.25", missing -> ""."""
    if value is None or pd.isna(value):
        return ""
    if float(value) % 1 == 0:
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def yes_no(value: object) -> str:
    """Return True as "yes", False as "no", missing as ""."""
    if value is None or pd.isna(value):
        return ""
    return "yes" if bool(value) else "no"


def is_grouped(column: str) -> bool:
    """Return whether a numeric column gets thousands separators (counts and values do; ids,
    sentence numbers and years do not)."""
    return not _NOT_GROUPED.search(str(column).lower())


def _is_boolean(values: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(values.dtype):
        return True
    present = values.dropna()
    return values.dtype == object and len(present) > 0 and present.map(type).eq(bool).all()


def for_readers(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` as a reader should see it: counts and values with thousands separators
    ("11,000"), booleans as yes/no, ids and sentence numbers as whole numbers, categories by
    their label, languages by name, dates as YYYY-MM-DD, missing text and dates blank."""
    out = frame.copy()
    for column, dtype in out.dtypes.items():
        values = out[column]
        if _is_boolean(values):
            out[column] = values.map(yes_no).astype(object)
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            out[column] = values.map(date_text).astype(object)
        elif pd.api.types.is_numeric_dtype(dtype):
            if is_grouped(column):
                out[column] = values.map(number_text).astype(object)
            elif pd.api.types.is_float_dtype(dtype) and (values.dropna() % 1 == 0).all():
                out[column] = values.astype("Int64")
        elif pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype):
            out[column] = values.fillna("")
            if column == "category":
                out[column] = out[column].map(category_label)
            elif column == "categories":
                out[column] = out[column].map(_category_list)
            elif column == "language":
                out[column] = out[column].map(lambda c: language_name(c) if c else "")
    return out


def date_text(value: object) -> str:
    """Return a date as "2025-04-02" (with the time when it is not midnight); blank when
    missing."""
    if value is None or pd.isna(value):
        return ""
    stamp = pd.Timestamp(value)
    return f"{stamp:%Y-%m-%d}" if stamp == stamp.normalize() else f"{stamp:%Y-%m-%d %H:%M}"


def _category_list(text: str) -> str:
    names = [n.strip() for n in str(text).split(",") if n.strip()]
    return ", ".join(category_label(n) for n in names)


def short_name(caption: str | None) -> str:
    """Return a caption's first words, for control labels: "Spreads: the same ..." -> "Spreads"."""
    return re.split(r"[:(]", caption or "table", maxsplit=1)[0].strip() or "table"


def table_options(caption: str | None, text_columns: list[int], numeric_columns: list[int]):
    """Return the DataTables options of one table: labels naming the table (every search box
    and menu has its own), CSV and Excel buttons exporting every row the search matches."""
    name = short_name(caption)
    slug = _SLUG.sub("-", name.lower()).strip("-") or "table"
    export = {"columns": ":visible", "modifier": {"search": "applied", "order": "applied"}}
    # a CSV is read by programs: its numbers carry no thousands separator ("11000"); Excel's
    # export makes "11,000" a number cell by itself
    plain = {**export, "format": {"body": _plain_numbers(numeric_columns)}}
    buttons = [
        {"extend": kind, "text": text, "titleAttr": f"Download {name} as {text}",
         "filename": slug, "title": "", "messageTop": "", "messageBottom": "",
         "footer": False, "exportOptions": options}
        for kind, text, options in (("csvHtml5", "CSV", plain), ("excelHtml5", "Excel", export))
    ]  # fmt: skip
    return {
        **TABLE_OPTIONS,
        "buttons": buttons,
        "columnDefs": [
            {"className": "dt-left", "targets": text_columns},
            {"className": "dt-right", "targets": numeric_columns},
        ],
        "language": {
            "search": f"Search {name}:",
            "lengthMenu": f"Show _MENU_ rows of {name}",
            "info": "_START_ to _END_ of _TOTAL_ entries",
        },
    }


def _plain_numbers(columns: list[int]) -> JavascriptFunction:
    """A DataTables export formatter: every cell as Buttons' own formatter gives it (markup
    stripped, entities decoded), and the cells of ``columns`` without thousands separators."""
    return JavascriptFunction(
        "function (data, row, column) {"
        " var text = window.$.fn.dataTable.Buttons.stripData(data, null);"
        f" return {json.dumps(sorted(columns))}.indexOf(column) >= 0"
        ' ? String(text).replace(/,/g, "") : text; }'
    )


def show_table(frame: pd.DataFrame, caption: str | None = None, **options: object) -> None:
    """Display ``frame`` as a searchable, sortable table that works offline (itables), in
    readers' form (:func:`for_readers`), column names as readers' labels ("word_count" ->
    "Word count"). Cell text is escaped unless ``allow_html=True``."""
    _show(frame, caption, lambda shown: shown, options)


def show_html_table(frame: pd.DataFrame, caption: str, html_columns: list[str], **options) -> None:
    """:func:`show_table` for a frame with columns of markup we wrote (links): every other text
    cell is escaped first, so article text still shows as text."""
    escape = lambda shown: evidence.escape_text(shown, keep=html_columns)  # noqa: E731
    _show(frame, caption, escape, {**options, "allow_html": True})


def _show(frame: pd.DataFrame, caption: str | None, escape, options: dict) -> None:
    if len(frame) > MAX_TABLE_ROWS:
        left = len(frame) - MAX_TABLE_ROWS
        display(HTML(f'<p class="dossier-note">{left:,} of {len(frame):,} rows are not shown.</p>'))
        frame = frame.head(MAX_TABLE_ROWS)
    numeric = numeric_columns(frame)
    text = [i for i in range(frame.shape[1]) if i not in numeric]
    shown = for_readers(frame)
    if not options.get("allow_html"):  # markup is never cut: a cut could leave a tag open
        shown = shown.apply(_shortened)
    shown = escape(shown).rename(columns=reader_label)
    itables.show(shown, caption=caption, **{**table_options(caption, text, numeric), **options})


def _shortened(values: pd.Series) -> pd.Series:
    """``values`` with every text longer than :data:`caps.CELL_CHARS` cut, "…" marking the cut
    (a cell joining the sections of thousands of figures would fill the page)."""
    if not (pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values)):
        return values
    long = values.map(lambda v: isinstance(v, str) and len(v) > caps.CELL_CHARS)
    if not long.any():
        return values
    return values.where(~long, values.str.slice(0, caps.CELL_CHARS - 1) + "…")


def numeric_columns(frame: pd.DataFrame) -> list[int]:
    """Return the positions of the columns holding numbers (not booleans): right-aligned."""
    return [
        i
        for i, (column, dtype) in enumerate(frame.dtypes.items())
        if pd.api.types.is_numeric_dtype(dtype) and not _is_boolean(frame[column])
    ]
