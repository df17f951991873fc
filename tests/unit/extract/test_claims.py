"""The claims ledger: scored against hand-labelled claims, and case by case as tables."""

import json
import re

import pandas as pd
import pandas.testing as pdt
import pytest

import dossier
from conftest import FIXTURES, SEEDS
from dossier.dev import evaluation
from dossier.extract import claims as claims_module

WIRE = FIXTURES / "claims"


def claims_of(tmp_path, *paragraphs, title="Headline Without Figures Here", outlet="example.com"):
    """The claims of one article written from ``paragraphs`` (the first is the summary)."""
    text = f"{title}\n\n" + "\n\n".join(paragraphs) + f"\n\nOriginal Source: {outlet}\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    return dossier.load(tmp_path / "article.txt").claims


# --- scored against labelled claims ------------------------------------------------------------
def test_seed_claims_match_the_gold_file_exactly(seeds):
    score = evaluation.score(
        seeds.claims, seeds.articles, evaluation.read_gold(FIXTURES / "gold/seed_claims.jsonl")
    )
    print("\nseeds:", score.summary())
    print(score.fields[["field", "compared", "agree"]].to_string(index=False))
    assert score.recall == 1.0 and score.precision == 1.0, score.rows[~score.rows["is_correct"]]
    assert score.extra.empty
    assert score.speaker_accuracy == 1.0
    assert (score.fields["share"] == 1.0).all(), score.fields


# Three batches written from the spec alone by people who never saw the code: the first (wars of
# the seeds and of Israel, Sudan, Congo), the second (Myanmar, Ethiopia, Sahel, Yemen, Congo,
# Lebanon, Somalia, Haiti; wire datelines), the third (the seeds' story in eight outlet styles:
# wire, live blog, analysis, bullets, state media). Known misses are listed in the README.
BATCHES = {
    "claims": {"speakers": 64 / 65, "actor": 74 / 77, "hedged": 76 / 77},
    "claims2": {"speakers": 40 / 45, "actor": 40 / 51, "hedged": 47 / 51},
    "claims3": {"speakers": 59 / 60, "actor": 61 / 68, "hedged": 60 / 68},
    "claims4": {"speakers": 47 / 50, "actor": 64 / 68, "hedged": 66 / 68},
    # written from the classes of misses of issue 10 by a colleague who never saw the code or
    # the real-text dev set; first run: precision 0.82, recall 0.74 (67/90)
    "claims5": {
        "speakers": 63 / 67,
        "actor": 68 / 85,
        "hedged": 73 / 85,
        "found": 82 / 90,
        "precision": 82 / 85,
    },
}


@pytest.mark.parametrize("batch", list(BATCHES))
def test_wire_copy_fixtures_are_found_with_their_fields(batch):
    folder = FIXTURES / batch
    corpus = dossier.load(folder / "*.txt")
    score = evaluation.score(
        corpus.claims, corpus.articles, evaluation.read_gold(folder / "expected.jsonl")
    )
    print(f"\n{batch}:", score.summary())
    print(score.fields[["field", "compared", "agree", "share"]].to_string(index=False))
    # claims3 misses one headline: "could cost Pyongyang thousands more troops" (losses); claims5
    # its misses are listed in the README
    floor = BATCHES[batch].get("found", 67 / 68 if batch == "claims3" else 1.0)
    assert score.recall >= floor, score.rows[~score.rows["is_correct"]]
    assert score.precision >= BATCHES[batch].get("precision", floor), score.extra
    assert score.extra.empty
    assert score.speaker_accuracy >= BATCHES[batch]["speakers"]
    fields = score.fields.set_index("field")["share"]
    assert fields["actor"] >= BATCHES[batch]["actor"]
    assert fields[["approx", "bound", "vague"]].eq(1.0).all()
    assert fields["hedged"] >= BATCHES[batch]["hedged"]


@pytest.mark.parametrize("batch", list(BATCHES))
def test_numbers_that_are_not_claims_stay_out_of_the_ledger(batch):
    folder = FIXTURES / batch
    corpus = dossier.load(folder / "*.txt")
    spans = corpus.claims.merge(corpus.articles[["article_id", "file_name", "text"]])
    rows = [json.loads(line) for line in (folder / "not_claims.jsonl").read_text().splitlines()]
    assert len(rows) >= 30
    for row in rows:
        text = corpus.articles.set_index("file_name").at[row["file"], "text"]
        own = spans[spans["file_name"] == row["file"]]
        for hit in re.finditer(re.escape(row["number_text"]), text):
            overlapping = own[(own["char_start"] < hit.end()) & (hit.start() < own["char_end"])]
            assert overlapping.empty, (row, overlapping[["number_text", "quote"]].to_dict())


# --- the ledger's shape ------------------------------------------------------------------------
def test_claims_columns_dtypes_and_evidence(seeds):
    claims = seeds.claims
    assert claims.dtypes.astype(str).to_dict() == claims_module.COLUMNS
    assert claims["claim_id"].is_unique
    text = seeds.articles.set_index("article_id")["text"]
    sentences = seeds.sentences.set_index(["article_id", "sentence_no"])["text"]
    for row in claims.itertuples():
        assert text[row.article_id][row.char_start : row.char_end] == row.number_text
        assert sentences[(row.article_id, row.sentence_no)] == row.quote
    assert set(claims["category"]) <= set(claims_module.CATEGORIES)
    assert set(claims["bound"]) <= {"none", "at_least", "at_most"}


def test_claim_ids_are_stable_across_loads():
    first = dossier.load(SEEDS).claims["claim_id"].tolist()
    assert dossier.load(SEEDS).claims["claim_id"].tolist() == first
    assert first[0] == "62b7ece6-4c69-4caf-ab9f-4b93f045ecf8@21-27"  # "25,000" in the title


def test_selecting_a_corpus_keeps_the_claims_of_its_articles(seeds):
    chosen = seeds.select(outlets="scmp.com")
    expected = seeds.claims[seeds.claims["article_id"].isin(chosen.articles["article_id"])]
    pdt.assert_frame_equal(chosen.claims, expected.reset_index(drop=True))


# --- case by case ------------------------------------------------------------------------------
COLUMNS = ["number_text", "value_low", "value_high", "category", "bound", "is_approximate"]


def table(rows, columns=COLUMNS):
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("value_low", "value_high"):
        if column in frame:
            frame[column] = frame[column].astype("float64")
    return frame.astype({c: claims_module.COLUMNS[c] for c in columns})


def test_bounds_ranges_and_approximations(tmp_path):
    got = claims_of(
        tmp_path,
        "At least 30 soldiers were killed and more than 200 were wounded, the army said.",
        "Up to 3,000 troops could be sent, while some 2,000 marines are already deployed.",
        "Between 11,000 and 12,000 soldiers crossed, officials said. Another 300-odd reservists "
        "followed, and 5,000-plus conscripts were called up.",
    )[COLUMNS]
    expected = table(
        [
            ("30", 30, 30, "killed", "at_least", False),
            ("200", 200, 200, "wounded", "at_least", False),
            ("3,000", 3000, 3000, "deployed", "at_most", False),
            ("2,000", 2000, 2000, "deployed", "none", True),
            ("Between 11,000 and 12,000", 11000, 12000, "deployed", "none", False),
            ("300", 300, 300, "reinforcements", "none", True),
            ("5,000", 5000, 5000, "reinforcements", "at_least", False),
        ]
    )
    pdt.assert_frame_equal(got, expected)


def test_number_words_vague_quantities_and_multipliers(tmp_path):
    got = claims_of(
        tmp_path,
        "Twelve thousand men were mobilised. Several hundred fighters were captured and dozens "
        "of soldiers were killed.",
        "The force of 1.5 million troops includes 20-25 thousand paratroopers and 15k marines.",
    )[[*COLUMNS, "is_vague"]]
    expected = table(
        [
            ("Twelve thousand", 12000, 12000, "reinforcements", "none", False, False),
            ("Several hundred", 300, 999, "captured", "none", False, True),
            ("dozens", 24, 99, "killed", "none", False, True),
            ("1.5 million", 1_500_000, 1_500_000, "deployed", "none", False, False),
            ("20-25 thousand", 20000, 25000, "deployed", "none", False, False),
            ("15k", 15000, 15000, "deployed", "none", False, False),
        ],
        [*COLUMNS, "is_vague"],
    )
    pdt.assert_frame_equal(got, expected)


def test_dates_durations_ordinals_money_and_things_are_not_claims(tmp_path):
    got = claims_of(
        tmp_path,
        "On March 3, the third wave arrived after 12 weeks of training, the ministry said.",
        "The deal was worth $20 million and included 300 tanks, 1,200 drones and 40 villages.",
        "A 24-year-old soldier was among 2,000 construction workers sent from February 23 to 26.",
        "Troops held 600 square kilometres in 2024 across five locations in three months.",
    )
    assert got.empty, got[["number_text", "quote"]]


def test_categories_from_the_words_around_the_figure(tmp_path):
    got = claims_of(
        tmp_path,
        "The ministry said 400 troops had been killed in action and 3,600 were wounded.",
        "Among the 3,600 who sustained injuries, around 300 have returned to active duty.",
        "Russia lost over 1,000 troops in the assault. Kyiv said losses had exceeded 5,000.",
        "The army captured 70 soldiers and exchanged 150 prisoners of war on Friday.",
        "Rebels are losing about 90 fighters a day, and the casualties of 4,000 include 1,000 "
        "dead.",
        "Another 1,500 troops arrived, aimed at replacing losses among the initial 11,000.",
    )[["number_text", "category"]]
    expected = table(
        [
            ("400", "killed"),
            ("3,600", "wounded"),
            ("3,600", "wounded"),
            ("300", "returned_to_duty"),
            ("1,000", "casualties"),
            ("5,000", "casualties"),
            ("70", "captured"),
            ("150", "captured"),
            ("90", "casualty_rate"),
            ("4,000", "casualties"),
            ("1,000", "killed"),
            ("1,500", "reinforcements"),
            ("11,000", "deployed"),
        ],
        ["number_text", "category"],
    )
    pdt.assert_frame_equal(got, expected)


def test_percentages_and_fractions_of_a_force(tmp_path):
    got = claims_of(
        tmp_path,
        "About 40 percent of the troops were killed, and a third of the soldiers were wounded.",
        "Turnout was 40 percent, officials said.",
    )[["number_text", "value_low", "unit", "category"]]
    expected = table(
        [("40", 40.0, "percent", "killed"), ("a third", 33.3, "percent", "wounded")],
        ["number_text", "value_low", "unit", "category"],
    )
    pdt.assert_frame_equal(got, expected)


def test_attribution_in_the_sentence_in_context_and_by_pronoun(tmp_path):
    got = claims_of(
        tmp_path,
        "Defence Minister Arvid Lindqvist said 2,000 troops were deployed. A further 500 were "
        "wounded in the fighting. He added that 40 soldiers had been captured.",
        "According to the Institute for the Study of War, about 900 soldiers were killed.",
        "It has been reported that 1,200 troops were killed. Another 300 were wounded.",
        "At least 12 soldiers were killed, the ministry said in a statement on Monday.",
    )[["number_text", "attributed_to", "speaker_role", "attribution_in"]]
    expected = pd.DataFrame(
        [
            ("2,000", "Arvid Lindqvist", "Defence Minister", "sentence"),
            ("500", "Arvid Lindqvist", "Defence Minister", "context"),
            ("40", "Arvid Lindqvist", "Defence Minister", "context"),
            ("900", "Institute for the Study of War", None, "sentence"),
            ("1,200", None, None, None),
            ("300", None, None, None),
            ("12", "ministry", None, "sentence"),
        ],
        columns=["number_text", "attributed_to", "speaker_role", "attribution_in"],
    ).astype("str")
    pdt.assert_frame_equal(got, expected)


def test_a_relayed_figure_keeps_its_speaker_and_names_its_origin(tmp_path):
    got = claims_of(
        tmp_path,
        "About 1,100 troops were killed or wounded, lawmaker Park Min-jae said, citing a briefing "
        "by Kyrylo Budanov. Park said 300 of them had died.",
    )[["number_text", "attributed_to", "speaker_role", "cited_source"]]
    expected = pd.DataFrame(
        [
            ("1,100", "Park Min-jae", "lawmaker", "Kyrylo Budanov"),
            ("300", "Park Min-jae", "lawmaker", "Kyrylo Budanov"),
        ],
        columns=["number_text", "attributed_to", "speaker_role", "cited_source"],
    )
    pdt.assert_frame_equal(got, expected.astype("str"))


def test_hedges_govern_the_figure_only_in_scope(tmp_path):
    got = claims_of(
        tmp_path,
        "North Korea may send 5,000 more troops. North Korea has sent 3,500 troops to Russia, "
        "ahead of a possible offensive. Officials believe 200 soldiers were reportedly killed.",
    )[["number_text", "is_hedged", "hedge_cues"]]
    expected = pd.DataFrame(
        [("5,000", True, "may"), ("3,500", False, None), ("200", True, "believe, reportedly")],
        columns=["number_text", "is_hedged", "hedge_cues"],
    ).astype({"number_text": "str", "is_hedged": "bool", "hedge_cues": "str"})
    pdt.assert_frame_equal(got, expected)


def test_actor_when_and_where(tmp_path):
    got = claims_of(
        tmp_path,
        "Pyongyang sent 1,500 troops to Russia's Kursk region in January and February. About 400 "
        "North Korean soldiers have been killed to date.",
        "Ukrainian forces killed 200 Russian troops near Bakhmut on Monday.",
    )[["number_text", "actor", "when_text", "where_text"]]
    expected = pd.DataFrame(
        [
            ("1,500", "North Korea", "January and February", "Kursk"),
            ("400", "North Korea", "to date", None),
            ("200", "Russia", "Monday", "Bakhmut"),
        ],
        columns=["number_text", "actor", "when_text", "where_text"],
    ).astype("str")
    pdt.assert_frame_equal(got, expected)


# --- entities ----------------------------------------------------------------------------------
def test_seed_entities_list_the_people_places_and_organisations(seeds):
    entities = seeds.entities
    names = set(zip(entities["canonical_name"], entities["kind"], strict=True))
    for expected in [
        ("Volodymyr Zelenskyy", "person"),
        ("Yu", "person"),
        ("Kyrylo Budanov", "person"),
        ("Kursk", "place"),
        ("Russia's Far East", "place"),
        ("Defence Intelligence of Ukraine (HUR)", "organisation"),
        ("United Nations", "organisation"),
    ]:
        assert expected in names
    text = seeds.articles.set_index("article_id")["text"]
    for row in entities.itertuples():
        assert text[row.article_id][row.char_start : row.char_end] == row.text
    assert set(entities["kind"]) <= {"person", "organisation", "place", "group"}
    yu = entities[entities["canonical_name"] == "Yu"]
    assert yu["text"].tolist() == ["Yu"] * 4  # every mention, not only the speaker's


def test_empty_selection_has_empty_frames_with_columns(seeds):
    empty = seeds.select(query="no-such-word")
    assert list(empty.claims.columns) == list(claims_module.COLUMNS)
    assert empty.claims.empty and empty.entities.empty


@pytest.mark.parametrize("category", claims_module.CATEGORIES)
def test_every_category_is_documented_in_the_readme(category):
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    assert f"`{category}`" in readme


# Written by a colleague in seven languages (de, fr, es, it, ko, uk, ru) from GUIDELINES and the
# issue's list of forms, before the window reader's vocabulary existed; first run: precision
# 0.81, recall 0.77 (81/105). Floors at today's scores; its known misses are in its README.
INTL = {"found": 84 / 105, "precision": 84 / 99, "speakers": 45 / 84, "actor": 69 / 97}
INTL_KNOWN_NOT_CLAIMS = {"군사 건설 인력 5천 명"}  # military builders: read as a wave of troops


def test_articles_in_seven_other_languages_are_found_with_their_fields():
    folder = FIXTURES / "claims_intl"
    corpus = dossier.load(folder / "*.txt")
    assert sorted(corpus.articles["language"].unique()) == [
        "de",
        "es",
        "fr",
        "it",
        "ko",
        "ru",
        "uk",
    ]
    score = evaluation.score(
        corpus.claims, corpus.articles, evaluation.read_gold(folder / "expected.jsonl")
    )
    print("\nclaims_intl:", score.summary())
    print(score.fields[["field", "compared", "agree", "share"]].to_string(index=False))
    assert score.recall >= INTL["found"], score.rows[~score.rows["is_correct"]]
    assert score.precision >= INTL["precision"], score.extra
    assert score.speaker_accuracy >= INTL["speakers"]
    fields = score.fields.set_index("field")["share"]
    assert fields["actor"] >= INTL["actor"]
    assert fields["vague"] == 1.0 and fields["bound"] >= 96 / 97 and fields["approx"] >= 95 / 97


def test_numbers_in_seven_other_languages_that_are_not_claims_stay_out():
    folder = FIXTURES / "claims_intl"
    corpus = dossier.load(folder / "*.txt")
    spans = corpus.claims.merge(corpus.articles[["article_id", "file_name", "text"]])
    rows = [json.loads(line) for line in (folder / "not_claims.jsonl").read_text().splitlines()]
    assert len(rows) >= 50
    for row in rows:
        if row["number_text"] in INTL_KNOWN_NOT_CLAIMS:
            continue
        text = corpus.articles.set_index("file_name").at[row["file"], "text"]
        own = spans[spans["file_name"] == row["file"]]
        for hit in re.finditer(re.escape(row["number_text"]), text):
            overlapping = own[(own["char_start"] < hit.end()) & (hit.start() < own["char_end"])]
            assert overlapping.empty, (row, overlapping[["number_text", "quote"]].to_dict())
