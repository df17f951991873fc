"""Live filters for JupyterLab (ipywidgets). They need a running kernel, so briefings tag the
cells that use them ``live-only`` and the HTML export drops those cells."""

from __future__ import annotations

import ipywidgets as w
from IPython.display import display

from dossier.corpus import Corpus, contains_all

MAX_ROWS = 200


def sentence_explorer(corpus: Corpus) -> w.VBox:
    """Return a panel: an outlet dropdown and a text box that filter the corpus's sentences
    (shown below, at most ``MAX_ROWS`` rows) as you type."""
    outlets = sorted(corpus.articles["outlet"].dropna().unique())
    outlet = w.Dropdown(options=[("All", None), *[(o, o) for o in outlets]], description="Outlet")
    query = w.Text(placeholder="words that must all appear", description="Search")
    out = w.Output()

    def refresh(_change: object = None) -> None:
        chosen = corpus.select(outlets=outlet.value, query=query.value)
        rows = chosen.sentences.merge(
            chosen.articles[["article_id", "outlet", "title"]], on="article_id"
        )
        rows = rows[contains_all(rows["text"], query.value)]
        out.clear_output(wait=True)
        with out:
            print(
                f"{len(rows)} sentences" + (f" (first {MAX_ROWS})" if len(rows) > MAX_ROWS else "")
            )
            display(rows[["outlet", "title", "section", "sentence_no", "text"]].head(MAX_ROWS))

    outlet.observe(refresh, names="value")
    query.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([outlet, query]), out])
