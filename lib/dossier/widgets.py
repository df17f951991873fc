"""Live filters for JupyterLab (ipywidgets). They need a running kernel, so briefings tag the
cells that use them ``live-only`` and the HTML export drops those cells."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from dossier.corpus import Corpus, contains_all
from dossier.notebook import show_table

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
