"""The window reader of the languages other than English: numbers in local form and the
category each figure takes, as tables. Sentences are our own."""

import pytest

import dossier
from dossier.extract.lexicon import load
from dossier.extract.window.numbers import grammar

# (language, text, the figure's text, low, high, is_approximate, bound, is_vague)
NUMBERS = [
    ("de", "rund 11.000 Soldaten", "11.000", 11000, 11000, True, "none", False),
    ("de", "11 000 Soldaten", "11 000", 11000, 11000, False, "none", False),
    ("de", "11\u00a0000 Soldaten", "11\u00a0000", 11000, 11000, False, "none", False),
    ("de", "10'000 Soldaten", "10'000", 10000, 10000, False, "none", False),
    ("de", "1,5 Millionen Soldaten", "1,5 Millionen", 1_500_000, 1_500_000, False, "none", False),
    ("de", "zwölftausend Mann", "zwölftausend", 12000, 12000, False, "none", False),
    ("de", "fünfundzwanzig Soldaten", "fünfundzwanzig", 25, 25, False, "none", False),
    ("de", "mehrere Tausend Soldaten", "mehrere Tausend", 2000, 9999, False, "none", True),
    ("de", "150 000 bis 190 000 Soldaten", "150 000 bis 190 000", 150000, 190000, False, "none",
     False),
    ("de", "zwischen 5000 und 7000 Soldaten", "zwischen 5000 und 7000", 5000, 7000, False, "none",
     False),
    ("de", "mehr als 4.000 Tote", "4.000", 4000, 4000, False, "at_least", False),
    ("de", "bis zu 20'000 Soldaten", "20'000", 20000, 20000, False, "at_most", False),
    ("ko", "북한군 1만 5천여 명", "1만 5천", 15000, 15000, True, "none", False),
    ("ko", "병력 4천700여 명", "4천700", 4700, 4700, True, "none", False),
    ("ko", "약 3000명", "3000", 3000, 3000, True, "none", False),
    ("ko", "병력 11,000명", "11,000", 11000, 11000, False, "none", False),
    ("ko", "수천 명의 병력", "수천", 2000, 9999, False, "none", True),
    ("ko", "2만5000명~3만 명", "2만5000명~3만", 25000, 30000, False, "none", False),
    ("ko", "500명 이상", "500", 500, 500, False, "at_least", False),
    ("es", "1,5 millones de soldados", "1,5 millones", 1_500_000, 1_500_000, False, "none", False),
    ("es", "unos 11.000 soldados", "11.000", 11000, 11000, True, "none", False),
    ("es", "más de 5.000 soldados", "5.000", 5000, 5000, False, "at_least", False),
    ("it", "12mila soldati", "12mila", 12000, 12000, False, "none", False),
    ("it", "tremila soldati", "tremila", 3000, 3000, False, "none", False),
    ("it", "oltre 1.000 soldati", "1.000", 1000, 1000, False, "at_least", False),
    ("fr", "une quinzaine de soldats", "une quinzaine", 15, 15, False, "none", True),
    ("fr", "11\u00a0000 soldats", "11\u00a0000", 11000, 11000, False, "none", False),
    ("fr", "plus de 1 000 soldats", "1 000", 1000, 1000, False, "at_least", False),
    ("fr", "vingt-cinq mille soldats", "vingt-cinq mille", 25000, 25000, False, "none", False),
    ("uk", "55 тисяч військових", "55 тисяч", 55000, 55000, False, "none", False),
    ("uk", "50—70 тисяч військових", "50—70 тисяч", 50000, 70000, False, "none", False),
    ("uk", "близько чотирьох тисяч військових", "чотирьох тисяч", 4000, 4000, True, "none", False),
    ("uk", "понад 1 000 військових", "1 000", 1000, 1000, False, "at_least", False),
    ("uk", "26-річний військовий", None, 0, 0, False, "none", False),
    ("ru", "двух тысяч военных", "двух тысяч", 2000, 2000, False, "none", False),
    ("ru", "около 13 тысяч военных", "13 тысяч", 13000, 13000, True, "none", False),
    ("ru", "12 тыс. военных", "12 тыс.", 12000, 12000, False, "none", False),
    ("ru", "тысячи военных", "тысячи", 2000, 9999, False, "none", True),
    ("ru", "около тысячи военных", "тысячи", 1000, 1000, True, "none", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "written", "low", "high", "approx", "bound", "vague"), NUMBERS
)
def test_numbers_in_local_form(language, text, written, low, high, approx, bound, vague):
    found = grammar(load(language)).find(text)
    if written is None:  # no figure here: an age, a size
        assert found == []
        return
    assert len(found) == 1, found
    q = found[0]
    got = (q.text, q.value_low, q.value_high, q.is_approximate, q.bound, q.is_vague)
    assert got == (written, low, high, approx, bound, vague)


# (language, sentence, the figure's text, its category or None)
CATEGORIES = [
    ("de", "Dabei seien 300 Soldaten getötet worden.", "300", "killed"),
    ("de", "Mehr als 4.000 Soldaten wurden getötet oder verwundet.", "4.000", "casualties"),
    ("de", "Es gab 4.000 Tote und Verwundete.", "4.000", "casualties"),
    ("de", "Mindestens 380 Soldaten fielen, die Zahl der Verwundeten liegt bei 3.700.", "380",
     "killed"),
    ("de", "Das Land schickte weitere 3.000 Soldaten an die Front.", "3.000", "reinforcements"),
    ("de", "Das Kontingent wächst damit auf 14.000 Soldaten.", "14.000", "deployed"),
    ("de", "Die Armee verliert täglich rund 1200 Soldaten.", "1200", "casualty_rate"),
    ("de", "Im Gefangenenaustausch kehrten 150 Soldaten zurück.", "150", "captured"),
    ("de", "Die Armee setzte 300 Panzer ein.", "300", None),
    ("de", "Der Angriff tötete 40 Zivilisten.", "40", None),
    ("de", "Sechs weitere Soldaten wurden schwer verletzt.", "Sechs", "wounded"),
    ("ko", "합참은 북한군 1만 명이 러시아에 배치됐다고 밝혔다.", "1만", "deployed"),
    ("ko", "전투에서 북한군 병사 200여 명이 숨지고 500명 이상이 다쳤다.", "200", "killed"),
    ("ko", "전투에서 북한군 병사 200여 명이 숨지고 500명 이상이 다쳤다.", "500", "wounded"),
    ("ko", "북한이 최대 1만 명을 추가 파병할 가능성이 있다.", "1만", "reinforcements"),
    ("ko", "북한 노동자 1만 5천 명이 러시아에 파견됐다.", "1만 5천", None),
    ("ko", "사망자 300명, 부상자 2700명이 발생했다.", "300", "killed"),
    ("ko", "러시아는 하루 평균 1000명의 병력을 잃고 있다.", "1000", "casualty_rate"),
    ("ko", "북한군 포로 2명이 한국행을 희망했다.", "2", "captured"),
    ("fr", "Selon le ministère, 300 soldats ont été tués et 500 blessés.", "300", "killed"),
    ("fr", "Selon le ministère, 300 soldats ont été tués et 500 blessés.", "500", "wounded"),
    ("fr", "Pyongyang a envoyé 3 000 soldats supplémentaires en Russie.", "3 000",
     "reinforcements"),
    ("fr", "L'armée a perdu 40 chars en une semaine.", "40", None),
    ("es", "Unos 11.000 soldados fueron desplegados en la región.", "11.000", "deployed"),
    ("es", "Más de 5.000 soldados han muerto o resultado heridos.", "5.000", "casualties"),
    ("es", "El ataque dejó 40 civiles muertos.", "40", None),
    ("it", "Circa 12mila soldati sono stati schierati al fronte.", "12mila", "deployed"),
    ("it", "Almeno tremila soldati sono stati uccisi o feriti.", "tremila", "casualties"),
    ("it", "Sono stati catturati 200 soldati nemici.", "200", "captured"),
    ("it", "Almeno 800 dei circa 9mila soldati sono stati uccisi o feriti.", "800",
     "casualties"),
    ("it", "Almeno 800 dei circa 9mila soldati sono stati uccisi o feriti.", "9mila",
     "deployed"),
    ("uk", "За даними Генштабу, за добу ворог втратив 1 200 військових.", "1 200",
     "casualty_rate"),
    ("uk", "КНДР відправила до Росії ще близько чотирьох тисяч військових.", "чотирьох тисяч",
     "reinforcements"),
    ("uk", "Під час обміну додому повернулися 150 полонених.", "150", "captured"),
    ("ru", "Около двух тысяч военных погибли в боях.", "двух тысяч", "killed"),
    ("ru", "По данным разведки, ранены 3 тысячи военных.", "3 тысячи", "wounded"),
    ("ru", "Армия получила 300 танков.", "300", None),
]  # fmt: skip


@pytest.mark.parametrize(("language", "sentence", "written", "category"), CATEGORIES)
def test_the_category_of_a_figure(tmp_path, language, sentence, written, category):
    text = f"Language: {language}\nMeldung\n\n{sentence}\n\nOriginal Source: example.org\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    claims = dossier.load(tmp_path / "a.txt").claims
    found = dict(zip(claims["number_text"], claims["category"], strict=True))
    assert found.get(written) == category, found
