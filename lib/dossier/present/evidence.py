"""Evidence inside the briefing: every figure links to its sentence, shown in its article.

Article text is untrusted: every string taken from an article is HTML-escaped here, and only the
markup this module writes (anchors, ``<mark>``) reaches the page as HTML.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from dossier.extract.categories import label as category_label
from dossier.extract.claims import ledger as claims_ledger
from dossier.present import caps
from dossier.present.full_ledger import most_recent
from dossier.present.languages import language_name

MAX_SENTENCES = caps.EVIDENCE_SENTENCES  # evidence sentences shown; the rest counted in a note
MAX_LEDGER_ROWS = caps.LEDGER_ROWS  # claims shown in the ledger table: the most recent
TITLE_WIDTH = 48  # characters of an article title in a link; longer titles are shortened
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def anchor(article_id: str, sentence_no: int) -> str:
    """Return the HTML id of a sentence in the evidence section."""
    return f"s-{_UNSAFE.sub('-', str(article_id))}-{int(sentence_no)}"


def claim_anchor(claim_id: str) -> str:
    """Return the HTML id of a claim's row in the ledger."""
    return f"c-{_UNSAFE.sub('-', str(claim_id))}"


def link(article_id: str, sentence_no: int, label: str, element_id: str | None = None) -> str:
    """Return an escaped link to a sentence in the evidence section (itself carrying the id
    ``element_id`` when given, so that the ledger row can be linked back to)."""
    own = f' id="{element_id}"' if element_id else ""
    return (
        f'<a class="dossier-evidence-link"{own} href="#{anchor(article_id, sentence_no)}">'
        f"{html.escape(label)}</a>"
    )


def shorten(title: str, width: int = TITLE_WIDTH) -> str:
    """Return ``title`` cut at a word to at most ``width`` characters, "…" marking the cut."""
    title = " ".join(str(title).split())
    if len(title) <= width:
        return title
    cut = title[: width - 1].rsplit(" ", 1)[0] if " " in title[: width - 1] else title[: width - 1]
    return cut.rstrip(" ,;:-") + "…"


def sentence_label(title: str, sentence_no: int) -> str:
    """Return how a link to a sentence reads: "<article title, shortened>, sentence N"."""
    return f"{shorten(title)}, sentence {int(sentence_no)}"


def title_links(frame: pd.DataFrame, articles: pd.DataFrame, id_column: str | None = None):
    """Return one link per row of ``frame`` (article_id, sentence_no) to its evidence sentence,
    labelled "title, sentence N"; with ``id_column``, each link carries the ledger anchor of
    that row's claim."""
    titles = articles.set_index("article_id")["title"]
    ids = frame[id_column] if id_column else [None] * len(frame)
    return [
        link(a, n, sentence_label(titles.get(a, "article"), n), claim_anchor(c) if c else None)
        for a, n, c in zip(frame["article_id"], frame["sentence_no"], ids, strict=True)
    ]


def evidence_html(
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    limit: int = MAX_SENTENCES,
    in_ledger: pd.DataFrame | None = None,
) -> str:
    """Return the evidence section: per article (title, outlet, file), each sentence holding a
    figure with the figures marked, in text order. When the ledger leaves claims out, only the
    sentences of the claims it shows are here (its links land); sentences past ``limit`` are
    left out too, with a note saying how many. ``sentences`` holds at least those of the
    articles of the claims shown; ``in_ledger`` the claims the ledger shows
    (:func:`ledger_claims`, computed here when not given)."""
    if claims.empty:
        return "<p>No figures to show evidence for.</p>"
    parts: list[str] = []
    total = claims.groupby(["article_id", "sentence_no"], sort=False).ngroups
    if in_ledger is None:
        in_ledger = ledger_claims(claims, articles)
    in_ledger = set(in_ledger["claim_id"])  # the rows :func:`ledger` shows
    if len(in_ledger) < len(claims):
        wanted = claims.loc[claims["claim_id"].isin(in_ledger), ["article_id", "sentence_no"]]
        claims = claims[claims["article_id"].isin(set(wanted["article_id"]))]  # few articles
        keys = pd.MultiIndex.from_frame(claims[["article_id", "sentence_no"]])
        claims = claims[keys.isin(pd.MultiIndex.from_frame(wanted))]
    starts = sentences.set_index(["article_id", "sentence_no"])["char_start"]
    shown = 0
    meta = articles.set_index("article_id")
    for article_id, group in claims.groupby("article_id", sort=False):
        if shown >= limit:
            break
        article = meta.loc[article_id]
        outlet = article["outlet"] if isinstance(article["outlet"], str) else "no source line"
        language = article.get("language")
        if isinstance(language, str) and language:
            outlet = f"{outlet} · in {language_name(language)}"
        parts.append(
            f'<section class="dossier-article" id="a-{_UNSAFE.sub("-", str(article_id))}">'
            f"<h3>{html.escape(article['title'])}</h3>"
            f'<p class="dossier-meta">{html.escape(outlet)} · {html.escape(article["file_name"])}'
            "</p>"
        )
        for sentence_no, rows in group.groupby("sentence_no", sort=True):
            if shown >= limit:
                break
            start = starts[(article_id, sentence_no)]
            back_to = next((c for c in rows["claim_id"] if c in in_ledger), None)
            parts.append(_sentence(article_id, sentence_no, rows, start, back_to=back_to))
            shown += 1
        parts.append("</section>")
    left = total - shown
    if left > 0:
        parts.append(
            f'<p class="dossier-note">{left:,} more sentences with figures are not shown here; '
            "open the notebook or the store for all of them.</p>"
        )
    return "\n".join(parts)


def _sentence(
    article_id: str, sentence_no: int, rows: pd.DataFrame, start: int, back_to: str | None = None
) -> str:
    """One evidence sentence, escaped, its figures in ``<mark>``; with ``back_to`` (a claim the
    ledger shows), a "↩ ledger" link to that claim's row."""
    quote = rows["quote"].iloc[0]
    spans = sorted(
        (c - start, e - start) for c, e in zip(rows["char_start"], rows["char_end"], strict=True)
    )
    out, cursor = [], 0
    for s, e in spans:
        if s < cursor or s < 0 or e > len(quote):
            continue
        out.append(html.escape(quote[cursor:s]))
        out.append(f"<mark>{html.escape(quote[s:e])}</mark>")
        cursor = e
    out.append(html.escape(quote[cursor:]))
    back = ""
    if back_to is not None:
        target = claim_anchor(back_to)
        back = (
            f' <a class="dossier-back" href="#{target}" data-claim="{target}" '
            'title="Back to this figure in the claims ledger">↩ ledger</a>'
        )
    return (
        f'<p class="dossier-evidence" id="{anchor(article_id, sentence_no)}">'
        f'<span class="dossier-sno">{int(sentence_no)}</span> {"".join(out)}{back}</p>'
    )


def article_html(corpus, article_id: str) -> str:
    """Return one article as HTML: title, outlet, then every sentence, the figures of its claims
    marked. All article text is escaped."""
    article = corpus.articles.set_index("article_id").loc[article_id]
    sentences = corpus.sentences[corpus.sentences["article_id"] == article_id]
    claims = corpus.claims[corpus.claims["article_id"] == article_id]
    by_sentence = {n: rows for n, rows in claims.groupby("sentence_no")}
    outlet = article["outlet"] if isinstance(article["outlet"], str) else "no source line"
    parts = [
        f"<h3>{html.escape(article['title'])}</h3>",
        f'<p class="dossier-meta">{html.escape(outlet)} · {html.escape(article["file_name"])} · '
        f"{len(claims)} figures</p>",
    ]
    paragraph = None
    for row in sentences.itertuples():
        if row.paragraph_no != paragraph:
            parts.append("</p><p>" if paragraph is not None else "<p>")
            paragraph = row.paragraph_no
        rows = by_sentence.get(row.sentence_no)
        if rows is None:
            parts.append(html.escape(row.text) + " ")
        else:
            marked = _sentence(article_id, row.sentence_no, rows, row.char_start)
            parts.append(
                marked.replace(
                    '<p class="dossier-evidence"', '<span class="dossier-evidence"'
                ).replace("</p>", "</span> ")
            )
    parts.append("</p>")
    return "".join(parts)


def ledger_claims(claims: pd.DataFrame, articles: pd.DataFrame, limit: int | None = None):
    """Return the claims the ledger table shows: all of them, in corpus order, up to ``limit``
    (default :data:`MAX_LEDGER_ROWS`); else the ``limit`` most recent, most recent first."""
    limit = MAX_LEDGER_ROWS if limit is None else limit
    if len(claims) <= limit:
        return claims
    return most_recent(claims, articles).head(limit)


def ledger(claims: pd.DataFrame, articles: pd.DataFrame, limit: int | None = None):
    """Return ``(table, note)``: the claims ledger for the HTML (text escaped, a first
    ``evidence`` column of links "title, sentence N" to the sentence, each link with the id
    :func:`claim_anchor` of its claim, which the evidence section links back to): every claim,
    or past ``limit`` (default :data:`MAX_LEDGER_ROWS`) the ``limit`` most recent; and a note
    on what was left out ("Showing the 500 most recent of 123,456 claims"; empty when
    nothing was)."""
    shown = ledger_claims(claims, articles, limit)
    table = claims_ledger(shown, articles)
    table.insert(0, "evidence", title_links(shown, articles, id_column="claim_id"))
    note = ""
    if len(shown) < len(claims):
        note = f"Showing the {len(shown):,} most recent of {len(claims):,} claims"

    table["category"] = table["category"].map(category_label)
    table = table.drop(columns=["claim_id", "value_low", "value_high"])  # number_text shows them
    return escape_text(table, keep=["evidence"]), note


def escape_text(frame: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """Return ``frame`` with every text cell HTML-escaped except the ``keep`` columns (markup we
    wrote ourselves)."""
    out = frame.copy()
    for column in out.columns:
        if column in keep:
            continue
        if pd.api.types.is_string_dtype(out[column]) or pd.api.types.is_object_dtype(out[column]):
            out[column] = out[column].map(lambda v: html.escape(v) if isinstance(v, str) else v)
    return out
