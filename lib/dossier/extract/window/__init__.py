"""The claims of an article in a language other than English.

English has the full grammar of :mod:`dossier.extract.pipeline`. Every other language is read by
this smaller reader, driven entirely by its folder ``data/lexicon/<language>/`` (see the README
there): each figure's category comes from the cue words in a window around it (a head noun, a
casualty predicate in its clause, a reinforcement cue), its qualifiers from the words next to
it, its speaker from the attribution markers and names of its sentence. Adding a language is a
folder of data files, fixture articles and the score (``make score``).
"""
