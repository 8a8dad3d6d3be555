"""Where the schemas, templates and bundled models are, installed or not.

In a wheel they sit inside the package (`styr/_data/...`); in a source
checkout (and an editable install) at the top of the repository, where a
newcomer looks for them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder `schemas`, `templates` or `starters`."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name, _PACKAGE / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(name)
