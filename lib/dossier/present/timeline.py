"""The timeline: figures by their article's published date, coloured by outlet.

An undated article's figures cannot be placed on a time axis: they are counted in a note shown
above the chart, and when no article is dated the note replaces the chart. Above
:data:`charts.MAX_POINTS` figures the points are aggregated (per day, else month, else year) so
the spec embedded in the HTML stays small.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML, display

from dossier.analyse.reconcile import format_range
from dossier.present import charts

PERIODS = (("D", "day"), ("M", "month"), ("Y", "year"))  # coarser until the points fit


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def dated_figures(figures: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Return the figures the timeline can place (:func:`charts.figures_data` columns plus
    published_date, date "YYYY-MM-DD" and figure_count 1) and a note on those it cannot: figures
    of undated articles, and figures of zero (a log scale has no zero). The note is "" when
    every figure is placed."""
    if figures.empty:
        return charts.figures_data(figures).assign(
            published_date=pd.Series(dtype="datetime64[ns]"), date="", figure_count=0
        ), ""
    when = pd.to_datetime(figures["published_date"]).reset_index(drop=True)
    undated = when.isna()
    zero = ~undated & (figures["value_low"].reset_index(drop=True) <= 0)
    placed = (~undated & ~zero).to_numpy()
    # only the figures placed are made chart data: a large corpus may date few of them
    data = charts.figures_data(figures[placed])
    when = when[placed].reset_index(drop=True)
    data = data.assign(published_date=when, date=when.dt.strftime("%Y-%m-%d"), figure_count=1)
    notes = []
    if undated.any():
        articles = figures["article_id"].reset_index(drop=True)[undated].nunique()
        count = int(undated.sum())
        notes.append(
            f"{_plural(count, 'figure')} from {_plural(articles, 'undated article')}"
            f" {_are(count)} not on the timeline"
        )
    if zero.any():
        count = int(zero.sum())
        notes.append(f"{_plural(count, 'figure')} of zero {_are(count)} not on its log scale")
    if undated.all():
        notes = [
            f"No article is dated: the {_plural(len(figures), 'figure')} cannot be placed on a "
            "timeline"
        ]
    note = "; ".join(notes) + "." if notes else ""
    return data, note


def aggregate(data: pd.DataFrame, limit: int = charts.MAX_POINTS) -> tuple[pd.DataFrame, str]:
    """Return ``data`` (from :func:`dated_figures`) as at most ``limit`` points: unchanged when
    it fits, else one point per period (day, else month, else year), category and outlet,
    spanning the period's figures; and a note for the title saying so ("" when unchanged)."""
    if len(data) <= limit:
        return data, ""
    for freq, name in PERIODS:
        period = data["published_date"].dt.to_period(freq)
        grouped = data.assign(date=period.astype(str), published_date=period.dt.start_time)
        out = grouped.groupby(
            ["published_date", "date", "category", "category_label", "outlet"], as_index=False
        ).agg(
            value_low=("value_low", "min"),
            value_high=("value_high", "max"),
            hedged=("hedged", lambda s: "hedged" if (s == "hedged").all() else "firm"),
            source_label=(
                "source_label",
                lambda s: s.iloc[0] if s.nunique() == 1 else f"{s.nunique():,} sources",
            ),
            quote=("quote", "first"),
            figure_count=("figure_count", "sum"),
        )
        note = f" ({len(data):,} figures, one point per {name}, category and outlet)"
        if len(out) > limit and freq == PERIODS[-1][0]:  # the points holding the most figures
            out = out.nlargest(limit, "figure_count", keep="first")
            note = f" ({len(data):,} figures; the {limit:,} {name}s and outlets with the most)"
        if len(out) <= limit:
            break
    out["figure"] = [
        format_range(lo, hi) for lo, hi in zip(out["value_low"], out["value_high"], strict=True)
    ]
    out["number_text"] = [_plural(n, "figure") for n in out["figure_count"]]
    return out.reset_index(drop=True), note


def timeline(figures: pd.DataFrame) -> alt.LayerChart | None:
    """Return the timeline of ``figures`` (x published date, y the figure on a log scale, a rule
    from low to high, colour by outlet, hollow when hedged; a category dropdown when there are
    several), or None when no figure can be placed."""
    # the ranges chart's colours: every outlet of the figures (as figures_data names them)
    outlets = sorted(set(figures["outlet"].fillna(charts.UNKNOWN_OUTLET))) if len(figures) else []
    placed, _ = dated_figures(figures)
    if placed.empty:
        return None
    data, note = aggregate(placed)
    colours = charts.outlet_scale(outlets)
    pick = alt.selection_point(fields=["outlet"], bind="legend", name="timeline_outlet_pick")
    tooltip = [
        alt.Tooltip("date:N", title="Published"),
        *charts.figure_tooltip(),
        alt.Tooltip("figure_count:Q", title="Figures", format=","),
    ]
    base = alt.Chart(data).encode(
        x=alt.X(
            "published_date:T",
            title="Published",
            scale=alt.Scale(padding=16),
            axis=alt.Axis(format="%Y-%m-%d", labelOverlap=True),
        ),
        color=alt.Color("outlet:N", title="Outlet", scale=colours),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
        tooltip=tooltip,
    )
    chart = alt.layer(*charts.range_marks(base, "y", colours, size=70)).add_params(pick)
    present = charts.present_categories(data)
    if len(present) > 1:  # a dropdown of one choice would filter nothing
        category = charts.category_dropdown(
            present, name="timeline_category_choice", label="Timeline: category"
        )
        chart = chart.add_params(category).transform_filter(
            f"{category.name} == null || datum.category == {category.name}"
        )
    return chart.properties(title="Figures by published date" + note, width=520, height=300)


def show(figures: pd.DataFrame) -> None:
    """Display the timeline of ``figures`` with its note on undated figures, or only a note
    when no figure can be placed."""
    _, note = dated_figures(figures)
    if figures.empty:
        note = "No figures."
    if note:
        display(HTML(f'<p class="dossier-note">{html.escape(note)}</p>'))
    chart = timeline(figures)
    if chart is not None:
        display(chart)
