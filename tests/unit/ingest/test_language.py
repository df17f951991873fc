"""An article's language: detected from its opening, or stated by a header line."""

import pytest

import dossier
from dossier.ingest import language

# Our own short reports, one per language the project reads.
OPENINGS = [
    ("en", "The ministry said on Monday that about 3,000 more soldiers had been sent to the front "
           "and that the army expected further losses in the coming weeks."),
    ("de", "Das Ministerium teilte am Montag mit, dass weitere 3000 Soldaten an die Front "
           "geschickt worden seien und die Armee mit weiteren Verlusten rechne."),
    ("fr", "Le ministère a indiqué lundi qu'environ 3 000 soldats supplémentaires avaient été "
           "envoyés sur le front et que l'armée s'attendait à de nouvelles pertes."),
    ("es", "El ministerio afirmó el lunes que unos 3.000 soldados más habían sido enviados al "
           "frente y que el ejército esperaba nuevas bajas en las próximas semanas."),
    ("it", "Il ministero ha detto lunedì che circa 3.000 soldati in più erano stati inviati al "
           "fronte e che l'esercito si aspettava altre perdite nelle prossime settimane."),
    ("ko", "국방부는 월요일 약 3000명의 병력이 추가로 전선에 투입됐으며 앞으로 몇 주 동안 손실이 "
           "더 늘어날 것으로 예상된다고 밝혔다."),
    ("uk", "Міністерство в понеділок повідомило, що на фронт направили ще близько 3 тисяч "
           "військових і що армія очікує нових втрат найближчими тижнями."),
    ("ru", "Министерство в понедельник сообщило, что на фронт отправили ещё около 3 тысяч "
           "военных и что армия ожидает новых потерь в ближайшие недели."),
]  # fmt: skip


@pytest.mark.parametrize(("code", "text"), OPENINGS, ids=[c for c, _ in OPENINGS])
def test_each_language_is_told_from_its_opening(code, text):
    assert language.of_text(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "300 400",
        "| 1 | 1,001 | 20.1 |\n| 2 | 1,002 | 20.2 |",
        "9,000-strong 9,000-strong " * 20,
    ],
    ids=["empty", "two numbers", "a table", "repeated figures"],
)
def test_a_sample_the_model_cannot_tell_is_the_default(text):
    assert language.of_text(text) == language.DEFAULT


def test_english_is_told_without_the_model(monkeypatch):
    def no_model():
        raise AssertionError("the model was asked")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert language.of_text(OPENINGS[0][1]) == "en"


def test_the_articles_table_has_each_articles_language_and_a_header_may_state_it(tmp_path):
    (tmp_path / "a.txt").write_text(f"Bericht\n\n{OPENINGS[1][1]}\n", encoding="utf-8")
    # a header line overrides the detector: this English text is said to be French
    (tmp_path / "b.txt").write_text(f"Language: fr\nReport\n\n{OPENINGS[0][1]}\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"보고\n\n{OPENINGS[5][1]}\n", encoding="utf-8")
    articles = dossier.load(tmp_path).articles
    assert dict(zip(articles["file_name"], articles["language"], strict=True)) == {
        "a.txt": "de",
        "b.txt": "fr",
        "c.txt": "ko",
    }
    assert articles.loc[articles["file_name"] == "b.txt", "title"].item() == "Report"
