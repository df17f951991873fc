"""Altair charts of a corpus. Each function returns an ``alt.Chart`` built from long-form data
aggregated first, so the spec embedded in the HTML stays small whatever the corpus size.

Filters are Vega-Lite parameters bound to inputs (dropdowns, legend clicks): they run in the
browser, so they work in the exported HTML with no kernel and no network.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dossier.analyse.ranges import format_ranges
from dossier.corpus.corpus import Corpus
from dossier.extract.categories import CATEGORIES
from dossier.extract.categories import label as category_label
from dossier.present import caps

SECTIONS = ["title", "summary", "body"]
UNKNOWN_OUTLET = "(unknown)"
LABEL_CHARS = 60
MAX_POINTS = caps.CHART_POINTS  # above this many figures, the range chart draws one row per source
MAX_SPEAKERS = caps.CHART_SPEAKERS
MAX_ROWS = caps.CHART_ROWS  # rows of the range chart at most: the sources with the most figures
QUOTE_CHARS = 240
# Fixed colours per outlet (Tableau 20): each chart's colour scale has every outlet of the data
# as its domain, so filtering an outlet never recolours the others; more outlets cycle.
PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63",
    "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
]  # fmt: skip
# A count axis ticks whole numbers only: no "0.5 figures".
COUNT_AXIS = {"format": ",d", "tickMinStep": 1}


def outlet_scale(outlets) -> alt.Scale:
    """Return a colour scale whose domain is every outlet of ``outlets`` (sorted) and whose range
    is fixed: the same outlet has the same colour in every chart and under every filter."""
    domain = sorted(set(outlets))
    return alt.Scale(domain=domain, range=[PALETTE[i % len(PALETTE)] for i in range(len(domain))])


def outlet_dropdown(
    outlets: list[str], name: str = "outlet_choice", label: str = "Outlet"
) -> alt.Parameter:
    """Return a parameter bound to a dropdown of ``outlets`` plus "All" (null), shown as
    ``label`` (say which chart it filters when a page has several)."""
    return alt.param(
        name=name,
        value=None,
        bind=alt.binding_select(
            options=[None, *outlets], labels=["All", *outlets], name=f"{label} "
        ),
    )


def sentences_per_article_data(corpus: Corpus) -> pd.DataFrame:
    """Return one row per article and section: article_id, title_label, title, outlet, section,
    section_order (0 title, 1 summary, 2 body), sentence_count."""
    counts = (
        corpus.sentences.groupby(["article_id", "section"], sort=False)
        .size()
        .rename("sentence_count")
        .reset_index()
    )
    meta = corpus.articles[["article_id", "title", "outlet"]].copy()
    meta["outlet"] = meta["outlet"].fillna(UNKNOWN_OUTLET)
    too_long = meta["title"].str.len() > LABEL_CHARS
    meta["title_label"] = meta["title"].where(
        ~too_long, meta["title"].str.slice(0, LABEL_CHARS - 1) + "…"
    )
    data = counts.merge(meta, on="article_id", how="left")
    data["section_order"] = data["section"].map(SECTIONS.index).astype("int64")
    columns = [
        "article_id",
        "title_label",
        "title",
        "outlet",
        "section",
        "section_order",
        "sentence_count",
    ]
    return data[columns]


def sentences_per_article(corpus: Corpus) -> alt.Chart:
    """Horizontal bars: sentences per article, stacked by section; a dropdown filters by outlet
    and clicking the legend highlights a section."""
    data = sentences_per_article_data(corpus)
    outlet = outlet_dropdown(sorted(data["outlet"].unique()), label="Sentences: outlet")
    section = alt.selection_point(fields=["section"], bind="legend", name="section_pick")
    return (
        alt.Chart(data, title="Sentences per article")
        .mark_bar()
        .encode(
            y=alt.Y("title_label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=420)),
            x=alt.X("sum(sentence_count):Q", title="Sentences", axis=alt.Axis(**COUNT_AXIS)),
            color=alt.Color("section:N", scale=alt.Scale(domain=SECTIONS), title="Section"),
            order=alt.Order("section_order:Q"),
            opacity=alt.condition(section, alt.value(1.0), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("section:N", title="Section"),
                alt.Tooltip("sentence_count:Q", title="Sentences", format=","),
            ],
        )
        .add_params(outlet, section)
        .transform_filter(f"{outlet.name} == null || datum.outlet == {outlet.name}")
        .properties(width=520, height=alt.Step(22))
    )


def figures_data(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures as the charts draw them: one row per figure with category,
    category_label, source_label, outlet, value_low, value_high, figure ("40-65"),
    hedged ("hedged"/"firm"), number_text, speaker, quote."""
    columns = [
        "category", "category_label", "source_label", "outlet", "value_low", "value_high",
        "figure", "hedged", "number_text", "speaker", "quote",
    ]  # fmt: skip
    if figures.empty:  # an empty chart, not an error: "no figures" is an answer too
        return pd.DataFrame(
            {c: pd.Series(dtype="float64" if c.startswith("value") else "str") for c in columns}
        )
    used = ["category", "actor", "value_low", "value_high", "is_hedged", "attributed_to",
            "outlet", "quote", "source_label", "number_text"]  # fmt: skip
    data = figures[used].copy()  # not every column of a large corpus's figures
    labels: dict[tuple, str] = {}  # a label per category and side, not per figure
    data["category_label"] = [
        labels.get((c, a))
        or labels.setdefault((c, a), category_label(c) + (f" · {a}" if isinstance(a, str) else ""))
        for c, a in zip(data["category"], data["actor"], strict=True)
    ]
    data["figure"] = format_ranges(data["value_low"], data["value_high"])
    data["hedged"] = data["is_hedged"].map({True: "hedged", False: "firm"})
    data["speaker"] = data["attributed_to"].fillna("(no speaker)")
    data["outlet"] = data["outlet"].fillna(UNKNOWN_OUTLET)
    long = data["quote"].str.len() > QUOTE_CHARS
    data["quote"] = data["quote"].where(~long, data["quote"].str.slice(0, QUOTE_CHARS - 1) + "…")
    return data[columns].reset_index(drop=True)


def category_dropdown(
    categories: list[str], name: str = "category_choice", label: str = "Category"
) -> alt.Parameter:
    """Return a parameter bound to a dropdown of ``categories`` (shown by their labels) plus
    "All" (null), shown as ``label``."""
    return alt.param(
        name=name,
        value=None,
        bind=alt.binding_select(
            options=[None, *categories],
            labels=["All", *[category_label(c) for c in categories]],
            name=f"{label} ",
        ),
    )


def present_categories(data: pd.DataFrame) -> list[str]:
    """Return the categories found in ``data``, in the registry's order."""
    found = set(data["category"])
    return [c for c in CATEGORIES if c in found]


def figure_tooltip() -> list[alt.Tooltip]:
    """Return the tooltip of a figure mark: readable titles, numbers with separators."""
    return [
        alt.Tooltip("category_label:N", title="Category"),
        alt.Tooltip("figure:N", title="Figure"),
        alt.Tooltip("number_text:N", title="As written"),
        alt.Tooltip("source_label:N", title="Source"),
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("hedged:N", title="Hedged"),
        alt.Tooltip("quote:N", title="Quote"),
    ]


def figure_ranges(figures: pd.DataFrame) -> alt.LayerChart:
    """One row per category and source: a rule from low to high and a point at each end,
    coloured by outlet (filled when firm, hollow when hedged), the quote in the tooltip.
    Dropdowns filter category and outlet; clicking the legend highlights an outlet."""
    # every outlet, before any row is left out (as figures_data names them)
    outlets = sorted(set(figures["outlet"].fillna(UNKNOWN_OUTLET))) if len(figures) else []
    colours = outlet_scale(outlets)
    aggregated = len(figures) > MAX_POINTS
    note = ""
    data = by_source(figures) if aggregated else figures_data(figures)
    if aggregated:  # one row per category, side and source: the spec stays small
        note = f" ({len(figures):,} figures, one row per source)"
        if len(data) > MAX_ROWS:  # thousands of sources: the ones with the most figures
            data = data.nlargest(MAX_ROWS, "figure_count", keep="first")
            note = (
                f" ({len(figures):,} figures; the {MAX_ROWS} sources with the most, one row each)"
            )
    data["row_label"] = data["category_label"] + " — " + data["source_label"]
    order = {c: i for i, c in enumerate(CATEGORIES)}
    rows = data.assign(_o=data["category"].map(order)).sort_values(["_o", "row_label"])
    category = category_dropdown(present_categories(data), label="Ranges: category")
    outlet = outlet_dropdown(outlets, label="Ranges: outlet")
    pick = alt.selection_point(fields=["outlet"], bind="legend", name="outlet_pick")
    base = alt.Chart(data).encode(
        y=alt.Y(
            "row_label:N",
            title=None,
            sort=list(dict.fromkeys(rows["row_label"])),
            axis=alt.Axis(labelLimit=420),
        ),
        color=alt.Color("outlet:N", title="Outlet", scale=colours),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
        tooltip=figure_tooltip(),
    )
    return (
        alt.layer(*range_marks(base, "x", colours, size=80))
        .add_params(category, outlet, pick)
        .transform_filter(f"{category.name} == null || datum.category == {category.name}")
        .transform_filter(f"{outlet.name} == null || datum.outlet == {outlet.name}")
        .properties(
            title="Figures by category and source" + note,
            width=460,
            height=alt.Step(22),
        )
    )


def by_source(figures: pd.DataFrame) -> pd.DataFrame:
    """Return :func:`figures_data` aggregated to one row per category, side and source (sorted
    by category, category_label, source_label, outlet): value_low the lowest, value_high the
    highest, hedged when every figure is, number_text "N figures", the first figure's speaker
    and quote, figure_count, figure. Made from the figures' own columns: the chart data of
    every figure of a large corpus is never built."""
    known = figures["category"].notna() & figures["source_label"].notna()  # as groupby drops
    figures = figures[known]
    rows = pd.DataFrame(  # columns as they are: text as plain arrays is checked again
        {
            "category": figures["category"],
            "actor": figures["actor"],
            "source_label": figures["source_label"],
            "outlet": figures["outlet"].fillna(UNKNOWN_OUTLET),
            "value_low": figures["value_low"],
            "value_high": figures["value_high"],
            "is_hedged": (figures["is_hedged"] == True).astype(bool),  # noqa: E712
            "speaker": figures["attributed_to"].fillna("(no speaker)"),
            "quote": figures["quote"],
        }
    )
    keys = ["category", "actor", "source_label", "outlet"]
    data = rows.groupby(keys, sort=False, dropna=False).agg(
        value_low=("value_low", "min"),
        value_high=("value_high", "max"),
        hedged=("is_hedged", "all"),
        speaker=("speaker", "first"),
        quote=("quote", "first"),
        figure_count=("value_low", "size"),
    )
    data = data.reset_index()
    data["category_label"] = [
        category_label(c) + (f" · {a}" if isinstance(a, str) else "")
        for c, a in zip(data["category"], data["actor"], strict=True)
    ]
    data["hedged"] = data["hedged"].map({True: "hedged", False: "firm"})
    data["number_text"] = [f"{n:,} figures" for n in data["figure_count"]]
    long = data["quote"].str.len() > QUOTE_CHARS
    data["quote"] = data["quote"].where(~long, data["quote"].str.slice(0, QUOTE_CHARS - 1) + "…")
    data["figure"] = format_ranges(data["value_low"], data["value_high"])
    columns = ["category", "category_label", "source_label", "outlet", "value_low",
               "value_high", "hedged", "number_text", "speaker", "quote", "figure_count",
               "figure"]  # fmt: skip
    data = data.sort_values(["category", "category_label", "source_label", "outlet"])
    return data[columns].reset_index(drop=True)


def range_marks(base: alt.Chart, channel: str, colours: alt.Scale, size: int) -> list[alt.Chart]:
    """Return the marks of a figure's range on ``channel`` ("x" or "y"), log scale: a rule from
    low to high and a point at each end, filled when firm, hollow when hedged."""
    position = alt.X if channel == "x" else alt.Y
    scale = alt.Scale(type="log", nice=False, padding=12)
    rule = base.mark_rule(strokeWidth=3).encode(
        **{
            channel: position(
                "value_low:Q", scale=scale, title="Figure (log scale)", axis=alt.Axis(format=",")
            ),
            f"{channel}2": "value_high:Q",
        }
    )
    fill = alt.condition(
        "datum.hedged == 'firm'",
        # color's title and scale: Vega-Lite merges the two legends (legend=None hid both)
        alt.Color("outlet:N", title="Outlet", scale=colours),
        alt.value("white"),
    )
    ends = [
        base.mark_point(size=size, strokeWidth=2).encode(**{channel: f"{end}:Q"}, fill=fill)
        for end in ("value_low", "value_high")
    ]
    return [rule, *ends]


def figures_by_speaker(figures: pd.DataFrame) -> alt.Chart:
    """Bars: how many figures each speaker gave, stacked by category; a dropdown filters the
    category."""
    # the two columns counted, named as figures_data names them: not the chart data of all
    speakers = figures["attributed_to"].fillna("(no speaker)") if len(figures) else []
    data = (
        pd.DataFrame({"speaker": speakers, "category": figures.get("category", [])})
        .astype({"speaker": "str", "category": "str"})
        .groupby(["speaker", "category"], as_index=False)
        .size()
        .rename(columns={"size": "figure_count"})
    )
    top = data.groupby("speaker")["figure_count"].sum().nlargest(MAX_SPEAKERS).index
    data = data[data["speaker"].isin(top)]

    present = present_categories(data)
    data["category_name"] = data["category"].map(category_label)
    category = category_dropdown(
        present, name="speaker_category_choice", label="Speakers: category"
    )
    return (
        alt.Chart(data, title="Figures by speaker")
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("sum(figure_count):Q", title="Figures", axis=alt.Axis(**COUNT_AXIS)),
            color=alt.Color(
                "category_name:N",
                title="Category",
                scale=alt.Scale(domain=[category_label(c) for c in present]),
            ),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("category_name:N", title="Category"),
                alt.Tooltip("figure_count:Q", title="Figures", format=","),
            ],
        )
        .add_params(category)
        .transform_filter(f"{category.name} == null || datum.category == {category.name}")
        .properties(width=460, height=alt.Step(20))
    )
