"""papermill's nbclient engine, saving the executed notebook less often.

papermill writes the whole executed notebook at the start and at the end of every cell. A
briefing's outputs hold two inline JavaScript bundles (about 2 MB), so the seeds' briefing was
written 65 times, 130 MB of JSON: more CPU than its kernel spent. This engine writes it when the
run starts and when it ends (papermill's final write is in a ``finally``: a failed, timed-out
or interrupted run still leaves the notebook as far as it got), and at a cell's start or end
only when the last write is :data:`SAVE_EVERY` seconds old. papermill's autosave during a long
cell is unchanged.
"""

from __future__ import annotations

from typing import Any

from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

ENGINE = "dossier-sparse-saves"
SAVE_EVERY = 10.0  # seconds: how stale the notebook on disk may be at a cell boundary


class SparseSaves(NotebookExecutionManager):
    """papermill's execution manager, with the saves at cell boundaries at most every
    :data:`SAVE_EVERY` seconds; every other save (start, end, autosave) as papermill does."""

    save_every = SAVE_EVERY
    _at_boundary = False

    def save(self, **kwargs: Any) -> None:
        elapsed = (self.now() - self.last_save_time).total_seconds()
        if self._at_boundary and elapsed < self.save_every:
            return
        super().save(**kwargs)

    def cell_start(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        self._at_boundary = True
        try:
            super().cell_start(cell, cell_index, **kwargs)
        finally:
            self._at_boundary = False

    def cell_complete(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        self._at_boundary = True
        try:
            super().cell_complete(cell, cell_index, **kwargs)
        finally:
            self._at_boundary = False


class SparseSavesEngine(NBClientEngine):
    """papermill's ``nbclient`` engine with :class:`SparseSaves` as its execution manager."""

    @classmethod
    def execute_notebook(
        cls,
        nb: Any,
        kernel_name: str,
        output_path: str | None = None,
        progress_bar: bool = True,
        log_output: bool = False,
        autosave_cell_every: int = 30,
        **kwargs: Any,
    ) -> Any:
        # papermill's Engine.execute_notebook, with its manager class swapped
        nb_man = SparseSaves(
            nb,
            output_path=output_path,
            progress_bar=progress_bar,
            log_output=log_output,
            autosave_cell_every=autosave_cell_every,
        )
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb


def engine_name() -> str:
    """Register :class:`SparseSavesEngine` with papermill (again is harmless); return its name
    for ``papermill.execute_notebook(engine_name=...)``."""
    papermill_engines.register(ENGINE, SparseSavesEngine)
    return ENGINE
