"""Stage 2, extract: articles and sentences -> the claims and entities frames."""
