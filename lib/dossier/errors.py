"""The errors and warnings every stage may raise."""


class DossierWarning(UserWarning):
    """Something in the input was skipped; the corpus says what in ``problems``."""


class NoArticlesError(ValueError):
    """The source holds no readable article at all."""
