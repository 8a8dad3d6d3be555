"""The project's own exceptions: what the CLI turns into exit code 2."""

from __future__ import annotations

from typing import Any


class StyrError(Exception):
    """A usage or configuration error. `key` names its message in `styr.messages`."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class UsageError(StyrError):
    """The command line asks for something that cannot be done."""


class ConfigError(StyrError):
    """The configuration (manifest or pyproject) cannot be used."""
