"""Sentence splitting: a table of hard cases, each text with the sentences it must give."""

import pytest

from dossier.ingest.sentences import split_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


CASES = [
    ("initialism mid-sentence", "U.S. officials said 300 troops left. They did not say where.",
     ["U.S. officials said 300 troops left.", "They did not say where."]),
    ("initialism ending a sentence", "The aid came from the U.S. The army used it at once.",
     ["The aid came from the U.S.", "The army used it at once."]),
    ("initialism then a name", "He met U.S. Secretary Blinken in Seoul.",
     ["He met U.S. Secretary Blinken in Seoul."]),
    ("month abbreviation and day", "On Jan. 4 the unit moved. It arrived on Feb. 12.",
     ["On Jan. 4 the unit moved.", "It arrived on Feb. 12."]),
    ("name without points", "Kim Jong Un visited the unit. He praised the troops.",
     ["Kim Jong Un visited the unit.", "He praised the troops."]),
    ("decimal", "Losses rose 3.5 percent. About 1.2 million were mobilised.",
     ["Losses rose 3.5 percent.", "About 1.2 million were mobilised."]),
    ("titles", "Gen. Ivanova and Lt. Col. Park spoke. Dr. Lee did not.",
     ["Gen. Ivanova and Lt. Col. Park spoke.", "Dr. Lee did not."]),
    ("initial in a name", "John F. Kennedy was named. So was Harry S. Truman.",
     ["John F. Kennedy was named.", "So was Harry S. Truman."]),
    ("quote closing a sentence", 'He said: "We will fight." Then he left.',
     ['He said: "We will fight."', "Then he left."]),
    ("curly quotes", "“We will fight,” he said. “We will win.” Nobody answered.",
     ["“We will fight,” he said.", "“We will win.”", "Nobody answered."]),
    ("question inside a quote", '"Is it over?" he asked. No one knew.',
     ['"Is it over?" he asked.', "No one knew."]),
    ("exclamation", "Stop! The bridge is mined.", ["Stop!", "The bridge is mined."]),
    ("number abbreviation", "Brigade No. 5 moved. It was the fifth.",
     ["Brigade No. 5 moved.", "It was the fifth."]),
    ("sentence starting with a digit", "The ministry confirmed it. 300 were killed.",
     ["The ministry confirmed it.", "300 were killed."]),
    ("ellipsis", "They waited... Then the shelling began.",
     ["They waited...", "Then the shelling began."]),
    ("parenthesis", "The unit (about 200 men.) left. Others stayed.",
     ["The unit (about 200 men.) left.", "Others stayed."]),
    ("et al. and company", "Smith et al. reported it. Hanwha Co. Ltd. denied it.",
     ["Smith et al. reported it.", "Hanwha Co. Ltd. denied it."]),
    ("no final stop", "Troops massed at the border", ["Troops massed at the border"]),
    ("lower case after a point", "The figure was approx. 300 soldiers.",
     ["The figure was approx. 300 soldiers."]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_split(name, text, expected):
    assert split(text) == expected


# The other languages: our own sentences, each with the language it is split as.
LANGUAGE_CASES = [
    ("Korean: no capitals after a full stop", "ko", "부대가 이동했다. 정부는 이를 확인했다.",
     ["부대가 이동했다.", "정부는 이를 확인했다."]),
    ("German ordinal date", "de", "Die Einheit kam am 3. Mai an. Sie blieb dort.",
     ["Die Einheit kam am 3. Mai an.", "Sie blieb dort."]),
    ("German ordinal wave", "de", "Es war die 2. Welle. Eine dritte folgte.",
     ["Es war die 2. Welle.", "Eine dritte folgte."]),
    ("German abbreviation", "de", "Einheiten wie z. B. Pioniere fehlten. Das Amt schwieg.",
     ["Einheiten wie z. B. Pioniere fehlten.", "Das Amt schwieg."]),
    ("a number ends an English sentence", "en", "The toll rose to 12. The army said so.",
     ["The toll rose to 12.", "The army said so."]),
    ("Cyrillic initials", "ru", "Об этом сообщил И. Петров. Других данных нет.",
     ["Об этом сообщил И. Петров.", "Других данных нет."]),
    ("Russian abbreviation of a town", "ru", "Колонна вошла в г. Курск утром. Её заметили.",
     ["Колонна вошла в г. Курск утром.", "Её заметили."]),
    ("full stop glued to the next sentence", "fr", "Le front a tenu.Les renforts arrivent.",
     ["Le front a tenu.", "Les renforts arrivent."]),
    ("a domain is not glued sentences", "en", "It was on example.com today. Then gone.",
     ["It was on example.com today.", "Then gone."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "language", "text", "expected"), LANGUAGE_CASES, ids=[c[0] for c in LANGUAGE_CASES]
)
def test_split_in_other_languages(name, language, text, expected):
    assert [text[s:e] for s, e in split_spans(text, language=language)] == expected


def test_spans_index_the_given_text_within_bounds():
    text = "Header\n\n  First one. Second one.  \nNext"
    start = text.index("First") - 2
    end = text.index("Next") - 1
    spans = split_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_offsets_survive_characters_normalised_for_matching():
    text = "He said “go.”\u00a0Then\u2009they went."
    assert split(text) == ["He said “go.”", "Then\u2009they went."]
