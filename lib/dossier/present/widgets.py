"""Live filters for JupyterLab (ipywidgets). They need a running kernel, so briefings tag the
cells that use them ``live-only`` and the HTML export drops those cells."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from dossier.analyse import reconcile
from dossier.corpus.corpus import Corpus, contains_all
from dossier.extract.categories import CATEGORIES
from dossier.extract.categories import label as category_label
from dossier.present import charts
from dossier.present.display import show_table
from dossier.present.evidence import article_html

MAX_ROWS = 200


def sentence_explorer(corpus: Corpus) -> w.VBox:
    """Return a panel: an outlet dropdown and a text box that filter the corpus's sentences
    (shown below, at most ``MAX_ROWS`` rows) as you type."""
    outlets = sorted(corpus.articles["outlet"].dropna().unique())
    outlet = w.Dropdown(options=[("All", None), *[(o, o) for o in outlets]], description="Outlet")
    query = w.Text(placeholder="words that must all appear", description="Search")
    out = w.Output()

    def refresh(_change: object = None) -> None:
        rows = matching_sentences(corpus, outlet.value, query.value)
        caption = f"{len(rows)} sentences"
        if len(rows) > MAX_ROWS:
            caption += f" (the first {MAX_ROWS} shown)"
        out.clear_output(wait=True)
        with out:
            show_table(rows.head(MAX_ROWS), caption)

    outlet.observe(refresh, names="value")
    query.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([outlet, query]), out])


def matching_sentences(corpus: Corpus, outlet: str | None, query: str | None) -> pd.DataFrame:
    """Return the sentences from ``outlet`` (all when None) containing every word of ``query``:
    outlet, sentence_no, text, title, in article order."""
    chosen = corpus.select(outlets=outlet)
    rows = chosen.sentences.merge(
        chosen.articles[["article_id", "outlet", "title"]], on="article_id"
    )
    rows = rows[contains_all(rows["text"], query)]
    return rows[["outlet", "sentence_no", "text", "title"]].reset_index(drop=True)


def matching_claims(
    corpus: Corpus,
    category: str | None = None,
    outlet: str | None = None,
    speaker: str | None = None,
    hedged: bool | None = None,
    query: str | None = None,
) -> pd.DataFrame:
    """Return the corpus's claims (all columns) of ``category``, from ``outlet``, attributed to
    ``speaker`` ("(unattributed)" for none), hedged or not, whose quote holds every word of
    ``query``; None means any."""
    claims = corpus.claims.merge(corpus.articles[["article_id", "outlet"]], on="article_id")
    keep = pd.Series(True, index=claims.index)
    if category:
        keep &= claims["category"] == category
    if outlet:
        keep &= claims["outlet"] == outlet
    if speaker == "(unattributed)":
        keep &= claims["attributed_to"].isna()
    elif speaker:
        keep &= claims["attributed_to"] == speaker
    if hedged is not None:
        keep &= claims["is_hedged"] == hedged
    keep &= contains_all(claims["quote"], query)
    return claims[keep].drop(columns="outlet").reset_index(drop=True)


def claims_explorer(corpus: Corpus) -> w.VBox:
    """Return a panel: category, outlet, speaker, hedged and text filters driving the claims
    ledger and the figures chart below them."""
    claims = corpus.claims
    found = set(claims["category"].unique().tolist())  # once, not once per category
    categories = [c for c in CATEGORIES if c in found]
    speakers = sorted(claims["attributed_to"].dropna().unique())
    outlets = sorted(corpus.articles["outlet"].dropna().unique())
    category = w.Dropdown(
        options=[("All", None), *[(category_label(c), c) for c in categories]],
        description="Category",
    )
    outlet = w.Dropdown(options=[("All", None), *[(o, o) for o in outlets]], description="Outlet")
    speaker = w.Dropdown(
        options=[("All", None), ("(unattributed)", "(unattributed)"), *[(s, s) for s in speakers]],
        description="Speaker",
    )
    hedged = w.Dropdown(
        options=[("All", None), ("Hedged", True), ("Firm", False)], description="Hedged"
    )
    query = w.Text(placeholder="words in the quote", description="Search")
    out = w.Output()

    def refresh(_change: object = None) -> None:
        rows = matching_claims(
            corpus, category.value, outlet.value, speaker.value, hedged.value, query.value
        )
        out.clear_output(wait=True)
        with out:
            if rows.empty:
                print("No claims match.")
                return
            from dossier.extract.claims import ledger

            table = ledger(rows, corpus.articles).head(MAX_ROWS).drop(columns="claim_id")
            table["category"] = table["category"].map(category_label)
            show_table(table, f"{len(rows)} claims")
            display(charts.figure_ranges(reconcile.figures(rows, corpus.articles)))

    for control in (category, outlet, speaker, hedged, query):
        control.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([category, outlet, speaker]), w.HBox([hedged, query]), out])


def article_reader(corpus: Corpus) -> w.VBox:
    """Return a panel: pick an article and read it whole, its figures marked."""
    choices = [
        (f"{t[:80]} ({o if isinstance(o, str) else 'no source'})", a)
        for a, t, o in zip(
            corpus.articles["article_id"],
            corpus.articles["title"],
            corpus.articles["outlet"],
            strict=True,
        )
    ]
    picker = w.Dropdown(options=choices, description="Article", layout=w.Layout(width="90%"))
    out = w.Output()

    def refresh(_change: object = None) -> None:
        out.clear_output(wait=True)
        with out:
            display(HTML(article_html(corpus, picker.value)))

    picker.observe(refresh, names="value")
    if choices:
        refresh()
    return w.VBox([picker, out])
