"""The bundle cache: made once per key, read back after; a new key (a new version) makes it
anew; a folder that cannot be written still gives the bundle."""

from dossier.present import bundles


def _maker(text: str, calls: list):
    def make() -> str:
        calls.append(text)
        return text

    return make


def test_a_bundle_is_made_once_and_read_back(tmp_path):
    calls = []
    first = bundles.cached("vega-lite-6.4-vl-convert-1.9.0", _maker("bundle()", calls), tmp_path)
    again = bundles.cached("vega-lite-6.4-vl-convert-1.9.0", _maker("other()", calls), tmp_path)
    assert (first, again, calls) == ("bundle()", "bundle()", ["bundle()"])
    assert [p.name for p in tmp_path.iterdir()] == ["vega-lite-6.4-vl-convert-1.9.0.js"]


def test_a_new_version_is_a_new_file_and_the_old_one_is_not_read(tmp_path):
    calls = []
    bundles.cached("vega-lite-6.4-vl-convert-1.9.0", _maker("old()", calls), tmp_path)
    new = bundles.cached("vega-lite-6.4-vl-convert-1.10.0", _maker("new()", calls), tmp_path)
    assert (new, calls) == ("new()", ["old()", "new()"])


def test_a_folder_that_cannot_be_written_still_gives_the_bundle(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    calls = []
    assert bundles.cached("k", _maker("made()", calls), blocked / "cache") == "made()"
    assert bundles.cached("k", _maker("made()", calls), blocked / "cache") == "made()"
    assert calls == ["made()", "made()"]


def test_a_key_cannot_leave_the_cache_folder(tmp_path):
    bundles.cached("../../escape/x", _maker("x", []), tmp_path / "cache")
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [".._.._escape_x.js"]


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path / "mine"))
    assert bundles.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("DOSSIER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert bundles.cache_dir() == tmp_path / "xdg" / "dossier"


def test_an_empty_or_unreadable_file_is_made_again(tmp_path):
    (tmp_path / "k.js").write_text("")
    (tmp_path / "u.js").write_bytes(b"\xff\xfe not utf-8")
    calls = []
    assert bundles.cached("k", _maker("k()", calls), tmp_path) == "k()"
    assert bundles.cached("u", _maker("u()", calls), tmp_path) == "u()"
    assert (tmp_path / "k.js").read_text() == "k()" and calls == ["k()", "u()"]
