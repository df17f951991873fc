"""The extractor's outputs, frozen before its restructure: the claims and entities of the seeds,
of every fixture batch and of a 2,000-article bench corpus stay the same, value for value.

A deliberate change rewrites them with ``python -m dossier.dev.frozen --write`` and says why in
its commit."""

import difflib

import pytest

from dossier.dev import frozen

SETS = frozen.sets()


@pytest.mark.parametrize("name", list(SETS))
def test_outputs_are_the_frozen_ones(name):
    found = frozen.frames(SETS[name])
    for frame in frozen.FRAMES:
        expected = frozen.read(name, frame)
        actual = frozen.as_text(found[frame])
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), "frozen", "now", n=0, lineterm=""
            )
            shown = "\n".join(line[:300] for line, _ in zip(diff, range(24), strict=False))
            pytest.fail(f"{name} {frame} differ from the frozen outputs:\n{shown}")


def test_every_fixture_batch_is_frozen():
    assert {p.name.split(".")[0] for p in frozen.FROZEN.glob("*.csv.gz")} == set(SETS)
