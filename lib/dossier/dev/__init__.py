"""Developer tools (bench, evaluation, pathological inputs, frozen outputs): never imported by
the stages."""
