"""How much of a large corpus the briefing's HTML holds: every cap in one place.

A briefing of any size stays a page a browser opens at once: long tables show their first rows
with a note saying how many are not shown, charts aggregate, and the whole claims ledger is
written beside the HTML as CSV and Parquet (:mod:`dossier.present.full_ledger`). Corpora below
the caps are shown whole, with no note.
"""

LEDGER_ROWS = 500  # claims in the ledger table: the most recent; the rest in the ledger files
EVIDENCE_SENTENCES = 300  # evidence sentences (of the claims the ledger shows)
TABLE_ROWS = 150  # rows of any other table (reconciliation, sources, changes, problems)
CELL_CHARS = 300  # characters of a text cell of those tables; longer text is cut, "…" marks it
MATRIX_SOURCES = 200  # rows of who said what: the sources with the most figures
MATRIX_CELL_FIGURES = 5  # figures written in one cell of who said what
CHART_POINTS = 400  # figures a chart draws one by one; above, it aggregates
CHART_ROWS = 300  # rows of the range chart: the sources with the most figures
CHART_SPEAKERS = 30  # bars of the speakers chart: the speakers with the most figures
