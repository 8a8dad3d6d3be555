"""What can go wrong when fetching from Kolada, as the project's own exceptions.

Each carries a message key in `styr.messages`, so the CLI prints a clean
sentence in Swedish or English (exit code 2) instead of a traceback.
"""

from __future__ import annotations

from styr.errors import StyrError


class KoladaError(StyrError):
    """Fetching from Kolada failed; nothing was returned."""


class KoladaInputError(KoladaError):
    """The question itself cannot be asked: a bad KPI id, municipality code, year or address."""


class KoladaConnectionError(KoladaError):
    """Kolada could not be reached, or stopped answering, even after retrying."""


class KoladaDeadlineError(KoladaConnectionError):
    """The fetch ran out of time (the run's deadline), or would have, waiting as asked."""


class KoladaHTTPError(KoladaError):
    """Kolada answered with an HTTP error status (the `status` parameter)."""


class KoladaResponseError(KoladaError):
    """Kolada answered, but with something that cannot be trusted as Kolada's data."""
