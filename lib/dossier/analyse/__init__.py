"""Stage 4, analyse: a corpus -> reconciled figures, the bottom line, what changed."""
