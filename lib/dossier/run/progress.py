"""How ``dossier ingest`` shows its progress: a bar on a terminal, plain lines in a log."""

from __future__ import annotations

import sys


def progress_bar():
    """A progress bar on a terminal (tqdm)."""
    from tqdm import tqdm

    bar = None

    def update(done: int | None, total: int | None) -> None:
        nonlocal bar
        if done is None:
            if bar is not None:
                bar.close()
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc="reading", file=sys.stderr)
        bar.update(done - bar.n)

    return update


def progress_lines():
    """Plain log lines when not on a terminal (a scheduler's log): every tenth of the files."""
    step = None

    def update(done: int | None, total: int | None) -> None:
        nonlocal step
        if done is None or not total:
            return
        step = step or max(1, total // 10)
        if done % step == 0 or done == total:
            print(f"dossier: read {done:,}/{total:,} files", file=sys.stderr, flush=True)

    return update
