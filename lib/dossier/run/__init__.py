"""Stage 6, run: what people start (the CLI, briefings through papermill, the archive)."""
