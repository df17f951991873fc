"""Altair charts of a corpus. Each function returns an ``alt.Chart`` built from long-form data
aggregated first, so the spec embedded in the HTML stays small whatever the corpus size.

Filters are Vega-Lite parameters bound to inputs (dropdowns, legend clicks): they run in the
browser, so they work in the exported HTML with no kernel and no network.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dossier.corpus import Corpus

SECTIONS = ["title", "summary", "body"]
UNKNOWN_OUTLET = "(unknown)"
LABEL_CHARS = 60


def outlet_dropdown(outlets: list[str], name: str = "outlet_choice") -> alt.Parameter:
    """Return a parameter bound to a dropdown of ``outlets`` plus "All" (null)."""
    return alt.param(
        name=name,
        value=None,
        bind=alt.binding_select(options=[None, *outlets], labels=["All", *outlets], name="Outlet "),
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
    outlet = outlet_dropdown(sorted(data["outlet"].unique()))
    section = alt.selection_point(fields=["section"], bind="legend", name="section_pick")
    return (
        alt.Chart(data, title="Sentences per article")
        .mark_bar()
        .encode(
            y=alt.Y("title_label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=420)),
            x=alt.X("sum(sentence_count):Q", title="Sentences"),
            color=alt.Color("section:N", scale=alt.Scale(domain=SECTIONS), title="Section"),
            order=alt.Order("section_order:Q"),
            opacity=alt.condition(section, alt.value(1.0), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("section:N", title="Section"),
                alt.Tooltip("sentence_count:Q", title="Sentences"),
            ],
        )
        .add_params(outlet, section)
        .transform_filter(f"{outlet.name} == null || datum.outlet == {outlet.name}")
        .properties(width=520, height=alt.Step(22))
    )
