"""papermill's nbclient engine, saving the executed notebook less often.

papermill writes the whole executed notebook at the start and at the end of every cell. A
briefing's outputs hold two inline JavaScript bundles (about 2 MB), so the seeds' briefing was
written 65 times, 130 MB of JSON: more CPU than its kernel spent. This engine writes it when the
run starts and when it ends (papermill's final write is in a ``finally``: a failed, timed-out
or interrupted run still leaves the notebook as far as it got), and at a cell's start or end
only when the last write is :data:`SAVE_EVERY` seconds old. papermill's autosave during a long
cell is unchanged.

It can also hand values back from the kernel: ``evaluate`` (name -> Python expression) is
evaluated in the kernel after the last cell, silently (nothing in the notebook), and each
expression's text, or None where it failed, is put in the ``into`` dict under its name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args
from traitlets import Any as AnyTrait

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


class HandingBackClient(PapermillNotebookClient):
    """papermill's notebook client that, after the last cell, evaluates :attr:`evaluate` in
    the kernel and puts each expression's ``text/plain`` result (None where it failed) in
    :attr:`into`."""

    evaluate = AnyTrait(None, allow_none=True)  # name -> expression
    into = AnyTrait(None, allow_none=True)  # the caller's dict, filled in place

    def papermill_execute_cells(self) -> None:
        super().papermill_execute_cells()
        if self.evaluate and self.into is not None:
            self.into.update(self._evaluated(dict(self.evaluate)))

    def _evaluated(self, expressions: dict[str, str]) -> dict[str, str | None]:
        msg_id = self.kc.execute("", silent=True, store_history=False,
                                 user_expressions=expressions)  # fmt: skip
        reply = self.wait_for_reply(msg_id) or {}
        values = reply.get("content", {}).get("user_expressions", {})
        return {
            name: (value.get("data", {}).get("text/plain") if value.get("status") == "ok" else None)
            for name, value in ((n, values.get(n, {})) for n in expressions)
        }


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

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: NotebookExecutionManager,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: float = 60,
        execution_timeout: float | None = None,
        evaluate: Mapping[str, str] | None = None,
        into: dict | None = None,
        **kwargs: Any,
    ) -> Any:
        # papermill's NBClientEngine.execute_managed_notebook, with the client swapped
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client = HandingBackClient(nb_man, evaluate=evaluate, into=into, **final_kwargs)
        return client.execute()


def engine_name() -> str:
    """Register :class:`SparseSavesEngine` with papermill (again is harmless); return its name
    for ``papermill.execute_notebook(engine_name=...)``."""
    papermill_engines.register(ENGINE, SparseSavesEngine)
    return ENGINE
