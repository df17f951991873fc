"""How ``dossier ingest`` shows its progress: a bar on a terminal, plain lines in a log."""

from __future__ import annotations

import sys


def progress_bar(desc: str = "reading"):
    """A progress bar on a terminal (tqdm), named ``desc``."""
    from tqdm import tqdm

    bar = None

    def update(done: int | None, total: int | None) -> None:
        nonlocal bar
        if done is None:
            if bar is not None:
                bar.close()
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc=desc, file=sys.stderr)
        bar.update(done - bar.n)

    return update


def progress_lines(verb: str = "read"):
    """Plain log lines when not on a terminal (a scheduler's log): every tenth of the files,
    "``verb`` done/total files"."""
    step, last = None, 0

    def update(done: int | None, total: int | None) -> None:
        nonlocal step, last
        if done is None or not total:
            return
        step = step or max(1, total // 10)
        # a line each time another tenth is passed: done may grow by a whole partition at once
        crossed = done // step > last // step
        last = done
        if crossed or done == total:
            print(f"dossier: {verb} {done:,}/{total:,} files", file=sys.stderr, flush=True)

    return update
