"""Files read in partitions and merged give the very frames of one read of all the files."""

import hashlib

import pandas as pd
import pandas.testing as pdt
import pytest

from conftest import mixed_corpus
from dossier.corpus import partitions
from dossier.corpus.partitions import NotTheSameFile, chunks, merge, read_part
from dossier.extract import claims as claims_module
from dossier.ingest.files import discover
from dossier.ingest.reader import read_files


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory):
    return discover(mixed_corpus(tmp_path_factory.mktemp("parts") / "corpus"))


@pytest.fixture(scope="module")
def one_read(corpus_files):
    tables = read_files(corpus_files, "corpus", warn=False)
    claims, entities = claims_module.extract(tables.articles, tables.sentences)
    return tables, claims, entities


@pytest.mark.parametrize("size", [1, 2, 5, 1000])
def test_parts_merged_are_the_frames_of_one_read(corpus_files, one_read, size, monkeypatch):
    monkeypatch.setattr(partitions, "SMALLEST_PART", size)
    monkeypatch.setattr(partitions, "LARGEST_PART", size)
    ranges = chunks(len(corpus_files), workers=2)
    assert [len(r) for r in ranges[:-1]] == [size] * (len(ranges) - 1)
    parts = [read_part(corpus_files[r.start : r.stop], r.start) for r in ranges]
    merged = merge(parts)
    tables, claims, entities = one_read
    for name in ("articles", "sentences", "problems"):
        pdt.assert_frame_equal(getattr(merged.tables, name), getattr(tables, name))
    pdt.assert_frame_equal(merged.claims, claims)
    pdt.assert_frame_equal(merged.entities, entities)


def test_the_corpus_meets_every_kind_of_duplicate(one_read):
    # the test above is only as good as its corpus: duplicates side by side and far apart
    problems = one_read[0].problems
    duplicates = problems[problems["problem"] == "duplicate"]
    assert duplicates["file_name"].tolist() == [
        "042_b.txt", "900_again.txt", "901_again.txt", "902_again.txt"
    ]  # fmt: skip
    firsts = duplicates["reason"].str.extract(r"same article as (\S+) ")[0].tolist()
    assert firsts == ["041_a.txt"] + ["000_000_8d15dd48c9a3f5e1.txt"] * 3
    assert {"binary", "empty", "undecodable"} <= set(problems["problem"])


@pytest.mark.parametrize(
    ("count", "workers", "first", "last"),
    [
        (0, 2, [], []),
        (10, 2, [10], [10]),  # one small partition: never fewer than 25 files in one
        (60, 2, [25, 25, 10], [25, 25, 10]),
        (1_000, 2, [125, 110, 96], [29, 25, 25, 25, 25, 25, 25, 25, 24]),  # 1/8 of what is left
        (1_000, 4, [63, 59, 55], [25] * 6),
        (100_000, 2, [500] * 3, [26, 25, 25, 25, 25, 25, 25, 25, 7]),  # never more than 500
    ],
)
def test_partitions_are_contiguous_and_shrink_towards_the_end(count, workers, first, last):
    sizes = [len(r) for r in chunks(count, workers)]
    assert sizes[: len(first)] == first and sizes[-len(last) :] == last if last else sizes == []
    assert sizes == sorted(sizes, reverse=True)  # so the workers finish together
    assert [i for r in chunks(count, workers) for i in r] == list(range(count))


def test_a_worker_that_reads_other_bytes_refuses_the_part(corpus_files):
    files = corpus_files[:3]
    hashes = [hashlib.sha256(f.path.read_bytes()).hexdigest() for f in files]
    assert len(read_part(files, 0, hashes=hashes).articles) == 3
    hashes[1] = hashlib.sha256(b"what the driving process read").hexdigest()
    with pytest.raises(NotTheSameFile, match=f"reads {files[1].path} otherwise .* same paths"):
        read_part(files, 0, hashes=hashes)


def test_a_part_of_no_article_has_no_claims_and_merges_to_empty_frames(corpus_files):
    bad = [f for f in corpus_files if f.file_name.endswith(("_binary.txt", "_empty.txt"))]
    merged = merge([read_part(bad, 0)])
    assert merged.claims is None and merged.entities is None
    assert len(merged.tables.articles) == 0
    assert merged.tables.problems["problem"].tolist() == ["binary", "empty"]
    assert isinstance(merged.tables.articles, pd.DataFrame)
