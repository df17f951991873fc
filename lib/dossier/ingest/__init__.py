"""Stage 1, ingest: article files -> the articles, sentences and problems frames."""
