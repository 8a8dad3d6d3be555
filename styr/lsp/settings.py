"""The server's settings: `initializationOptions`, and `didChangeConfiguration` under "styr"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from styr.i18n import LANGUAGES

SECTION = "styr"


@dataclass(frozen=True, slots=True)
class Settings:
    # False: leave out the findings of the JSON Schema check, which yaml-language-server
    # reports itself from the same schemas (so one problem is never shown twice).
    schema_diagnostics: bool = True
    # "sv" or "en"; None: STYR_LANG (or --language) if set, else the repository's
    # language, else Swedish (the order of `StyrServer.language_of`).
    language: str | None = None


def read_settings(value: Any, current: Settings | None = None) -> Settings:
    """Settings from what a client sent; what is missing or malformed keeps its current value.

    A client may send the settings themselves or wrapped in their section
    ({"styr": {...}}), as editors do for didChangeConfiguration. A language
    sent empty (null or "", a setting the planner cleared) is no language of
    its own again: the default order decides.
    """
    settings = current or Settings()
    if isinstance(value, dict) and isinstance(value.get(SECTION), dict):
        value = value[SECTION]
    if not isinstance(value, dict):
        return settings
    schema = value.get("schemaDiagnostics", settings.schema_diagnostics)
    language = value.get("language", settings.language)
    if language in (None, ""):
        language = None
    elif language not in LANGUAGES:
        language = settings.language
    return Settings(
        schema_diagnostics=schema if isinstance(schema, bool) else settings.schema_diagnostics,
        language=language,
    )
