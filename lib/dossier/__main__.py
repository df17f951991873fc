"""``python -m dossier``: see :mod:`dossier.run.cli`."""

from dossier.run.cli import main

raise SystemExit(main())
