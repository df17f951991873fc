"""The header says which filters the corpus was selected with (Corpus.filters)."""

from datetime import UTC, datetime

import pytest

from dossier.present import display


@pytest.mark.parametrize(
    ("asked", "filters"),
    [
        ({}, ()),
        ({"outlets": "rfa.org"}, (("outlets", "rfa.org"),)),
        ({"outlets": ["rfa.org", "scmp.com"]}, (("outlets", "rfa.org, scmp.com"),)),
        ({"categories": ["killed", "wounded"]}, (("categories", "killed, wounded"),)),
        ({"since": "2025-01-01"}, (("since", "2025-01-01"),)),
        ({"until": datetime(2025, 3, 31, 12)}, (("until", "2025-03-31"),)),
        ({"query": "  kursk  "}, (("query", "kursk"),)),
        ({"query": "", "outlets": None, "categories": None}, ()),
        ({"min_reliability": "B"}, (("min_reliability", "B"),)),
        (
            {"categories": "killed", "since": "2025-01-01", "outlets": ["rfa.org"]},
            (("outlets", "rfa.org"), ("since", "2025-01-01"), ("categories", "killed")),
        ),
    ],
)
def test_select_records_what_it_was_asked(seeds, asked, filters):
    assert seeds.filters == ()
    assert seeds.select(**asked).filters == filters


def test_filters_add_up_over_two_selections(seeds):
    twice = seeds.select(outlets="rfa.org").select(categories=["killed"])
    assert twice.filters == (("outlets", "rfa.org"), ("categories", "killed"))


@pytest.mark.parametrize(
    ("filters", "text"),
    [
        ((), "no filters"),
        ((("outlets", "rfa.org"),), "filters: outlet rfa.org"),
        ((("outlets", "rfa.org, scmp.com"),), "filters: outlets rfa.org, scmp.com"),
        (
            (
                ("outlets", "rfa.org"),
                ("categories", "killed, returned_to_duty"),
                ("since", "2025-01-01"),
            ),
            "filters: outlet rfa.org · categories Killed, Returned to duty · since 2025-01-01",
        ),
        ((("categories", "wounded"),), "filters: category Wounded"),
        ((("query", "kursk troops"),), 'filters: words "kursk troops"'),
        (
            (("min_reliability", "B"), ("until", "2025-03-31")),
            "filters: reliability at least B · until 2025-03-31",
        ),
        ((("new_filter", "x"),), "filters: new filter x"),
    ],
)
def test_filters_text(filters, text):
    assert display.filters_text(filters) == text


def test_header_lists_the_filters_applied_or_says_none(seeds, monkeypatch):
    shown = []
    monkeypatch.setattr(display, "display", lambda obj: shown.append(obj.data))
    now = datetime(2025, 5, 1, tzinfo=UTC)
    display.header(seeds, "T", now=now)
    display.header(seeds.select(outlets="rfa.org", categories=["killed", "wounded"]), "T", now=now)
    assert "no filters" in shown[0]
    assert "filters: outlet rfa.org · categories Killed, Wounded" in shown[1]
