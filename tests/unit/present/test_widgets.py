"""The live explorer: its filtering as a table, and a smoke test that the widgets respond."""

import pandas as pd
import pandas.testing as pdt

from dossier.present import widgets


def test_matching_sentences_by_outlet_and_words(seeds):
    got = widgets.matching_sentences(seeds, "scmp.com", "yu KILLED")
    expected = pd.DataFrame(
        {
            "outlet": ["scmp.com"],
            "sentence_no": [9],
            "text": [
                "Yu further reported that approximately 400 North Korean troops have been "
                "killed in action to date."
            ],
            "title": ["North Korea has sent 3,500 additional troops to Russia"],
        }
    )
    pdt.assert_frame_equal(got, expected)


def test_matching_sentences_without_filters_is_every_sentence(seeds):
    assert len(widgets.matching_sentences(seeds, None, None)) == len(seeds.sentences)
    assert widgets.matching_sentences(seeds, "rfa.org", "lawmaker").empty


def test_explorer_offers_every_outlet_and_refreshes_on_change(seeds):
    panel = widgets.sentence_explorer(seeds)
    outlet, query = panel.children[0].children
    assert [label for label, _ in outlet.options] == ["All", "rfa.org", "scmp.com"]
    query.value = "Kursk"  # triggers a refresh; must not raise outside a kernel
    outlet.value = "rfa.org"


def test_matching_claims_by_category_speaker_hedging_and_words(seeds):
    killed = widgets.matching_claims(seeds, category="killed")
    assert killed[["number_text", "attributed_to"]].values.tolist() == [["400", "Yu"]]
    assert len(widgets.matching_claims(seeds, hedged=True)) == 8
    unattributed = widgets.matching_claims(seeds, speaker="(unattributed)")
    assert unattributed["attributed_to"].isna().all() and len(unattributed) == 6
    assert len(widgets.matching_claims(seeds, outlet="scmp.com", query="injuries")) == 2
    assert widgets.matching_claims(seeds, category="captured").empty


def test_claims_explorer_and_article_reader_respond(seeds):
    panel = widgets.claims_explorer(seeds)
    category = panel.children[0].children[0]
    assert [label for label, _ in category.options][:3] == [
        "All",
        "Forces deployed",
        "Reinforcements sent",
    ]
    category.value = "killed"
    category.value = None
    reader = widgets.article_reader(seeds)
    reader.children[0].value = seeds.articles["article_id"].iloc[1]
