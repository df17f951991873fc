"""Display helpers for notebooks: one setup call, headers, tables.

:func:`setup` makes Altair charts render both in JupyterLab 4 and in HTML exported with no
network: it displays one inline copy of the Vega bundle shipped by ``vl-convert-python`` (made
once per version and kept in the user's cache folder: :mod:`dossier.present.bundles`) and
enables a renderer that emits a ``<div>`` plus a ``vegaEmbed(...)`` call. It also turns on
itables' offline mode, which inlines the DataTables bundle the same way.
"""

from __future__ import annotations

import functools
import html
import json
import re
import uuid
from datetime import UTC, datetime

import altair as alt
import itables
import pandas as pd
import vl_convert
from IPython.display import HTML, display

from dossier import paths
from dossier.corpus import reliability
from dossier.corpus.corpus import Corpus
from dossier.extract.categories import label as category_label
from dossier.present import bundles, evidence, full_ledger
from dossier.present.languages import language_name
from dossier.present.tables import for_readers, reader_label, show_html_table, show_table

__all__ = ["for_readers", "reader_label", "show_html_table", "show_table"]  # used by widgets

RENDERER = "dossier"
# vegaEmbed options: no links to the online Vega editor (the reader may be offline); SVG so the
# charts print sharply and their text can be selected.
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


@functools.cache
def vega_bundle() -> str:
    """Return the JavaScript bundle (Vega, Vega-Lite, vega-embed) matching Altair's schema,
    cached on disk per Vega-Lite and vl-convert version (:mod:`dossier.present.bundles`)."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return bundles.cached(
        f"vega-lite-{major_minor}-vl-convert-{vl_convert.__version__}",
        lambda: vl_convert.javascript_bundle(vl_version=major_minor),
    )


def script_json(value: object) -> str:
    """Return ``value`` as JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and
    ``&`` are escaped, so text from an article cannot close the script."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_chart(spec: dict, **_metadata: object) -> dict[str, str]:
    """Altair renderer: a mimebundle with a div and a script that embeds ``spec`` in it.

    The script waits (up to 10 s) for ``window.vegaEmbed`` because JupyterLab may render a
    chart output before the output that holds the bundle."""
    div = f"dossier-chart-{uuid.uuid4().hex[:12]}"
    script = f"""
(function () {{
  var el = document.getElementById("{div}");
  var spec = {script_json(spec)};
  var opt = {script_json(EMBED_OPTIONS)};
  var tries = 0;
  function draw() {{
    if (!window.vegaEmbed) {{
      if (++tries > 100) {{
        el.textContent = "Chart library missing: run dossier.present.display.setup() first.";
        return;
      }}
      return setTimeout(draw, 100);
    }}
    window.vegaEmbed(el, spec, opt).catch(function (err) {{
      el.textContent = "Chart could not be drawn: " + err;
      console.error(err);
    }});
  }}
  draw();
}})();"""
    markup = f'<div id="{div}" class="dossier-chart"></div>\n<script type="text/javascript">'
    return {"text/html": f"{markup}{script}</script>"}


def setup() -> None:
    """Prepare a notebook: inline Vega bundle, the ``dossier`` Altair renderer, offline itables.
    Call once, in the notebook's import cell."""
    display(HTML(f'<script type="text/javascript">{vega_bundle()}</script>'))
    alt.renderers.register(RENDERER, render_chart)
    alt.renderers.enable(RENDERER)
    itables.init_notebook_mode(connected=False)


def header(corpus: Corpus, title: str, now: datetime | None = None) -> None:
    """Display the briefing's title and a line saying what it was built from, and when."""
    now = now or datetime.now(UTC)
    outlets = sorted(corpus.articles["outlet"].dropna().unique())
    parts = [
        f"{len(corpus.articles)} article{'s' if len(corpus.articles) != 1 else ''}",
        f"outlets: {', '.join(outlets) if outlets else 'unknown'}",
        filters_text(corpus.filters),
        f"built {now:%Y-%m-%d %H:%M} UTC",
        f"source: {paths.display(corpus.source)}",
    ]
    if "language" in corpus.articles:
        counts = corpus.articles["language"].fillna("?").value_counts()
        parts.insert(
            2,
            "languages: "
            + ", ".join(f"{language_name(code)} {n}" for code, n in sorted(counts.items())),
        )
    undated = int(corpus.articles["published_date"].isna().sum())
    if undated:
        parts.append(f"{undated} undated (kept by any date filter)")
    if len(corpus.problems):
        parts.append(f"{len(corpus.problems)} file(s) could not be read (listed at the end)")
    display(
        HTML(
            f"<h1>{html.escape(title)}</h1>"
            f'<p class="dossier-meta">{html.escape(" · ".join(parts))}</p>'
        )
    )


# how each filter of Corpus.select reads in the header: (one value, several values)
FILTER_NAMES = {
    "outlets": ("outlet", "outlets"),
    "query": ("words", "words"),
    "min_reliability": ("reliability at least", "reliability at least"),
    "since": ("since", "since"),
    "until": ("until", "until"),
    "categories": ("category", "categories"),
}


def filters_text(filters: tuple[tuple[str, str], ...]) -> str:
    """Return the filters a corpus was selected with as the header says them: "filters: outlet
    rfa.org · categories Killed, Wounded · since 2025-01-01", or "no filters"."""
    if not filters:
        return "no filters"
    parts = []
    for name, value in filters:
        one, several = FILTER_NAMES.get(name, (name.replace("_", " "),) * 2)
        if name == "categories":
            value = ", ".join(category_label(v.strip()) for v in value.split(","))
        elif name == "query":
            value = f'"{value}"'
        parts.append(f"{several if ',' in value else one} {value}")
    return "filters: " + " · ".join(parts)


def show_problems(corpus: Corpus) -> None:
    """Display the files that could not be read, or a line saying there were none."""
    if corpus.problems.empty:
        display(HTML("<p>Every file was read.</p>"))
    else:
        show_table(corpus.problems, caption="Files that could not become articles")


def show_bottom_line(lines: list[str]) -> None:
    """Display the bottom-line sentences as a list."""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    display(HTML(f'<ul class="dossier-bluf">{items}</ul>'))


def show_key_figures(view, corpus: Corpus | None = None) -> None:
    """Display one row per category, side and outlook (reported, or possible: "may send"): low,
    high, sources, the most reliable source with its grade, whether every figure is hedged, and
    a link to the evidence ("title, sentence N" given the ``corpus`` for its titles, else
    "sentence N")."""
    key = view.key_figures
    if key.empty:
        display(HTML("<p>No figures.</p>"))
        return
    where = view.figures.set_index("figure_id")[["article_id", "sentence_no"]]
    titles = corpus.articles.set_index("article_id")["title"] if corpus is not None else {}
    table = pd.DataFrame(
        {
            "category": key["category"].map(category_label),
            "actor": key["actor"],
            "outlook": key["outlook"],
            "low": key["value_low"],
            "high": key["value_high"],
            "sources": key["source_count"],
            "most_reliable_source": key["most_reliable_source"] + " (" + key["reliability"] + ")",
            "most_recent_source": [
                f"{s} ({d:%Y-%m-%d})" if isinstance(s, str) else "undated"
                for s, d in zip(key["most_recent_source"], key["published_date"], strict=True)
            ],
            "all_hedged": key["is_hedged"],
            "evidence": [
                _evidence_link(*where.loc[f], titles) if f in where.index else ""
                for f in key["figure_id"]
            ],
        }
    )
    show_html_table(table, "Key figures", ["evidence"])


def _evidence_link(article_id: str, sentence_no: int, titles) -> str:
    if article_id in titles:
        return evidence.link(
            article_id, sentence_no, evidence.sentence_label(titles[article_id], sentence_no)
        )
    return evidence.link(article_id, sentence_no, f"sentence {int(sentence_no)}")


def category_words(text: str) -> str:
    """Return ``text`` with every category name in it replaced by its label ("killed + wounded =
    casualties" -> "Killed + Wounded = Killed or wounded")."""
    return _WORD.sub(lambda m: category_label(m.group(0)), str(text))


_WORD = re.compile(r"[a-z][a-z_]*")


def show_reconciliation(view) -> None:
    """Display the spreads (disagreements first), the arithmetic checks, the figures counted
    once although repeated, and the figures a source revised."""
    spreads = view.spreads.sort_values("is_disagreement", ascending=False, kind="stable")
    spreads = spreads.assign(category=spreads["category"].map(category_label))
    columns = ["category", "actor", "period", "source", "outlets", "value_low", "value_high",
               "is_hedged", "is_disagreement"]  # fmt: skip
    show_table(spreads[columns], caption="Spreads: the same quantity from different sources")
    if view.checks.empty:
        display(HTML("<p>No figures to check against each other.</p>"))
    else:
        show_table(
            view.checks[["kind", "actor", "statement", "is_consistent"]].assign(
                kind=view.checks["kind"].map(category_words)
            ),
            caption="Arithmetic checks across sources",
        )
    if not view.repeats.empty:
        show_table(view.repeats, caption="Counted once: repeated in one article or relayed")
    revisions = getattr(view, "revisions", None)
    if revisions is not None and not revisions.empty:
        show_table(
            revisions[
                ["category", "actor", "source_label", "change", "was_date", "now_date"]
            ].rename(columns={"source_label": "source", "was_date": "first", "now_date": "latest"}),
            caption="Revised: a source's later figure replaces its earlier one (latest kept)",
        )


def show_ledger(corpus: Corpus, ledger_file: str | None = None) -> None:
    """Display the claims ledger (searchable, sortable, evidence links): every claim, or the
    most recent ones with a visible note saying how many. With ``ledger_file`` (a path without
    suffix, as ``dossier brief`` passes it), every claim is also written to ``ledger_file``.csv
    and .parquet, which the note links by name (they sit beside the HTML)."""
    table, _ = evidence.ledger(corpus.claims, corpus.articles)
    if ledger_file is not None:
        full_ledger.write(corpus, ledger_file)
    if note := full_ledger.note_html(len(table), len(corpus.claims), ledger_file):
        display(HTML(note))
    # the ledger's text is escaped once already: escaping it again showed "Sudan&#x27;s"
    show_table(table, caption="Claims", allow_html=True, classes="display compact dossier-ledger")


def show_sources(corpus: Corpus) -> None:
    """Display the outlets with their reliability grade and the speakers with their counts."""
    # the claims' columns the tables count, not every column of a large corpus's claims
    claims = corpus.claims[["article_id", "attributed_to", "speaker_role", "category"]]
    outlets = reliability.outlets(corpus.articles, claims)
    show_table(outlets, caption="Outlets (Admiralty grade: A reliable ... F cannot be judged)")
    show_table(reliability.speakers(claims, corpus.articles), caption="Speakers")


def show_evidence(corpus: Corpus) -> None:
    """Display every sentence that holds a figure, by article, the figures marked."""
    shown = evidence.ledger_claims(corpus.claims, corpus.articles)
    # only the sentences of the articles shown are read (a store's are read when first used)
    sentences = corpus.sentences_of(shown["article_id"].unique())
    section = evidence.evidence_html(corpus.claims, corpus.articles, sentences, in_ledger=shown)
    display(HTML(f'{section}<script type="text/javascript">{BACK_LINK_SCRIPT}</script>'))


# A "↩ ledger" link's target row may be on another page of the ledger, or hidden by its
# search: before the browser follows the link, show the page that holds the row. (itables also
# keeps a hidden static copy of each table, with the same ids: only rows in a live DataTables
# container count, and as they come first in the page the browser scrolls to them.)
BACK_LINK_SCRIPT = """
(function () {
  if (window.dossierBackLinks) return;
  window.dossierBackLinks = true;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.dossier-back");
    var id = link && link.getAttribute("data-claim");
    if (!id || !(window.$ && window.$.fn.dataTable)) return;
    if (document.querySelector('.dt-container [id="' + id + '"]')) return;
    var needle = 'id="' + id + '"';
    window.$.fn.dataTable.tables().forEach(function (node) {
      var dt = window.$(node).DataTable();
      var row = dt.rows().indexes().toArray().find(function (i) {
        return dt.row(i).data().some(function (cell) {
          return String(cell).indexOf(needle) >= 0;
        });
      });
      if (row === undefined) return;
      var shown = function () {
        return dt.rows({ search: "applied", order: "applied" }).indexes().toArray();
      };
      if (shown().indexOf(row) < 0) dt.search("").columns().search("").draw(false);
      var length = dt.page.len();
      if (length > 0) dt.page(Math.floor(shown().indexOf(row) / length)).draw(false);
    });
  });
})();
"""


def show_changes(changes) -> None:
    """Display what changed since the last briefing: sentences, then the moved figures and new
    articles as tables."""
    show_bottom_line(changes.sentences())
    if not changes.is_first and len(changes.moved_figures):
        show_table(changes.moved_figures[["change", "was", "now"]], caption="Figures that moved")
