"""``python -m dossier``: see :mod:`dossier.run.cli`."""

from dossier.run.cli import main

# guarded: a worker process started by "spawn" may import this module again
if __name__ == "__main__":
    raise SystemExit(main())
