"""The engine's saves: the executed notebook is written when a run starts and ends, and at a
cell's start or end only when the last write is old enough."""

import nbformat
import pytest
from papermill import engines

from dossier.run import engine


def _run_cells(manager: engine.SparseSaves, cells: list) -> None:
    manager.notebook_start()
    for index, cell in enumerate(cells):
        manager.cell_start(cell, index)
        manager.cell_complete(cell, index)
    manager.notebook_complete()


@pytest.mark.parametrize(
    ("save_every", "writes"),
    [
        (3600.0, 2),  # the start and the end only
        (0.0, 2 + 2 * 3),  # and every cell's start and end, as papermill does
    ],
)
def test_cell_boundaries_save_only_when_the_last_save_is_old(monkeypatch, save_every, writes):
    written = []
    monkeypatch.setattr(engines, "write_ipynb", lambda nb, path: written.append(path))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1") for _ in range(3)])
    nb.metadata["papermill"] = {}
    manager = engine.SparseSaves(nb, output_path="out.ipynb", progress_bar=False)
    manager.save_every = save_every
    _run_cells(manager, nb.cells)
    assert len(written) == writes
    assert all(cell.metadata.papermill["status"] == "completed" for cell in nb.cells)


def test_the_engine_is_registered_under_its_name():
    assert engines.papermill_engines.get_engine(engine.engine_name()) is engine.SparseSavesEngine
