"""``python -m dossier``: see :mod:`dossier.cli`."""

from dossier.cli import main

raise SystemExit(main())
