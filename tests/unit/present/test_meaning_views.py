"""Key figures and reconciliation as the briefing shows them: a possible future figure on a row
of its own, and a source's revised figure in a table of revisions."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import dossier
from conftest import FIXTURES
from dossier.analyse import reconcile
from dossier.present import display, tables


@pytest.fixture(scope="module")
def corpus():
    return dossier.load(FIXTURES / "revisions")


@pytest.fixture
def shown(monkeypatch):
    """The frames handed to itables, by caption."""
    frames: dict[str, pd.DataFrame] = {}
    monkeypatch.setattr(
        tables.itables, "show", lambda frame, caption, **_: frames.update({caption: frame})
    )
    monkeypatch.setattr(display, "display", lambda _obj: None)
    return frames


def test_key_figures_keep_possible_figures_on_their_own_row(corpus, shown):
    display.show_key_figures(reconcile.reconcile(corpus), corpus)
    key = shown["Key figures"][["Category", "Actor", "Outlook", "Low", "High"]]
    expected = pd.DataFrame(
        {
            "Category": ["Forces deployed", "Reinforcements sent", "Reinforcements sent", "Killed"],
            "Actor": ["Sudan", "", "", "Sudan"],
            "Outlook": ["reported", "reported", "possible", "reported"],
            "Low": ["3,000", "2,000", "5,000", "150"],
            "High": ["3,000", "2,000", "5,000", "150"],
        }
    )
    pdt.assert_frame_equal(key.reset_index(drop=True), expected, check_dtype=False)
    assert shown["Key figures"]["Evidence"].str.contains(", sentence ").all()


def test_reconciliation_shows_a_revision_and_no_disagreement_for_it(corpus, shown):
    view = reconcile.reconcile(corpus)
    display.show_reconciliation(view)
    caption = next(c for c in shown if c.startswith("Revised"))
    revised = shown[caption][["Category", "Source", "Change", "First", "Latest"]]
    expected = pd.DataFrame(
        {
            "Category": ["Killed"],
            "Source": ["Sudan's army, south-desk.example"],
            "Change": ["revised 85 -> 150"],
            "First": ["2025-04-02"],
            "Latest": ["2025-04-09"],
        }
    )
    pdt.assert_frame_equal(revised.reset_index(drop=True), expected, check_dtype=False)
    spreads = shown["Spreads: the same quantity from different sources"]
    killed = spreads[spreads["Category"] == "Killed"]
    assert (killed["Is disagreement"] == "no").all()
