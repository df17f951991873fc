"""The path an ingest records for a file: its real path, each folder resolved once."""

import os

import pytest

from dossier.corpus.store import _resolved


@pytest.mark.parametrize(
    "given",
    [
        "real/a.txt",  # a plain file
        "linked/a.txt",  # in a folder reached through a link
        "real/link.txt",  # a link to a file in another folder
        "real/../real/a.txt",  # a path with '..'
        "real/missing.txt",  # a file that is not there (still resolved, as Path.resolve does)
        "real/broken.txt",  # a link to nothing
    ],
)
def test_a_files_recorded_path_is_its_real_path(tmp_path, monkeypatch, given):
    (tmp_path / "real").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x")
    (tmp_path / "other" / "b.txt").write_text("y")
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "link.txt").symlink_to(tmp_path / "other" / "b.txt")
    (tmp_path / "real" / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    monkeypatch.chdir(tmp_path)
    folders = {}
    path = type(tmp_path)(given)
    assert _resolved(path, folders) == str(path.resolve())
    assert _resolved(tmp_path / given, folders) == str((tmp_path / given).resolve())
    assert os.path.isabs(_resolved(path, folders))
