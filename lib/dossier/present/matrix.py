"""Who said what, when: one row per source, one column per category, each cell the source's
figures of that category with their dates, latest first."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML, display

from dossier.analyse.ranges import format_ranges
from dossier.extract.categories import CATEGORIES
from dossier.extract.categories import label as category_label
from dossier.present import caps
from dossier.present import display as tables
from dossier.present.charts import UNKNOWN_OUTLET

MAX_SOURCES = caps.MATRIX_SOURCES  # rows shown: the sources with the most figures
MAX_CELL_FIGURES = caps.MATRIX_CELL_FIGURES  # figures written in one cell; the rest counted


def _entry(figure: str, actor: object, when: object, with_actor: bool) -> str:
    date = f"{when:%Y-%m-%d}" if pd.notna(when) else "undated"
    who = f"{actor}: " if with_actor and isinstance(actor, str) and actor else ""
    return f"{who}{figure} ({date})"


def source_matrix(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per source (column ``source``: its source_label) and one column per
    category present, named by its label, in the registry's order. A cell holds the source's
    figures of that category as "11,000 (2024-10-30)" ("undated" without a date; "actor: "
    first when the category has figures about several sides), latest first, joined by "; ",
    or "" when none. Rows: the sources with the most figures first, then by name."""
    if figures.empty:
        return pd.DataFrame({"source": pd.Series(dtype="str")})
    when = pd.to_datetime(figures["published_date"])
    # a figure with no side next to one with a side: both cells say which is which
    several = (figures.groupby("category")["actor"].nunique(dropna=False) > 1).to_dict()
    data = pd.DataFrame(
        {
            "source": figures["source_label"].fillna(UNKNOWN_OUTLET).to_numpy(),
            "category": figures["category"].to_numpy(),
            "published_date": when.to_numpy(),
            "value_low": figures["value_low"].to_numpy(),
            "value_high": figures["value_high"].to_numpy(),
            "actor": figures["actor"].to_numpy(),
        }
    )
    data = data.sort_values("published_date", ascending=False, na_position="last", kind="stable")
    # only the figures a cell writes are formatted: the latest few of each source and category
    cell = data.groupby(["source", "category"], sort=False)
    written = data[cell.cumcount().lt(MAX_CELL_FIGURES).to_numpy()]
    entries = pd.Series(
        [
            _entry(figure, actor, day, several[category])
            for figure, actor, day, category in zip(
                format_ranges(written["value_low"], written["value_high"]),
                written["actor"],
                written["published_date"],
                written["category"],
                strict=True,
            )
        ],
        index=written.index,
        dtype=object,
    )
    cells = entries.groupby([written["source"], written["category"]], sort=False).agg("; ".join)
    more = cell.size().reindex(cells.index) - MAX_CELL_FIGURES
    cells = cells.where(more <= 0, cells + "; and " + more.map("{:,}".format) + " more")
    found = set(data["category"].unique().tolist())  # once, not once per category
    present = [c for c in CATEGORIES if c in found]
    table = cells.unstack("category").reindex(columns=present).fillna("")
    counts = data.groupby("source").size()
    order = sorted(table.index, key=lambda source: (-counts[source], source))
    table = table.loc[order].rename(columns=category_label).reset_index()
    table.columns.name = None
    return table.astype("str")


def show(figures: pd.DataFrame, limit: int = MAX_SOURCES) -> None:
    """Display the source x category matrix of ``figures`` as a table (text escaped), the
    sources past ``limit`` counted in a note above it."""
    table = source_matrix(figures)
    if table.empty:
        display(HTML("<p>No figures.</p>"))
        return
    if len(table) > limit:
        left = len(table) - limit
        note = (
            f"The {limit:,} sources with the most figures are shown; "
            f"{left:,} more {'is' if left == 1 else 'are'} not."
        )
        display(HTML(f'<p class="dossier-note">{html.escape(note)}</p>'))
        table = table.head(limit)
    tables.show_table(table, caption="Who said what, when: figures by source and category")
