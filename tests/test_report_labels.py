"""The report's labels: a text with its values filled in is worked out once and kept."""

from __future__ import annotations

from typing import Any

import pytest

from styr import i18n
from styr.report import texts
from styr.report.texts import Labels


@pytest.fixture
def translations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys' texts translated, one entry each time one is."""
    done: list[str] = []
    translate = i18n.translate

    def counted(text: Any, language: str, **params: object) -> str:
        done.append(str(text))
        return translate(text, language, **params)

    monkeypatch.setattr(texts, "translate", counted)
    return done


def test_the_same_text_and_values_are_filled_in_once(translations: list[str]) -> None:
    t = Labels("sv")
    first = t.get("fulfilment_in", period="2025")
    assert "2025" in first and t.get("fulfilment_in", period="2025") == first
    assert len(translations) == 1
    other = t.get("fulfilment_in", period="2024")
    assert "2024" in other and other != first and len(translations) == 2


def test_a_value_that_cannot_be_kept_is_filled_in_every_time(translations: list[str]) -> None:
    t = Labels("en")
    period: Any = ["2025"]  # unhashable: never kept
    assert t.get("fulfilment_in", period=period) == t.get("fulfilment_in", period=period)
    assert len(translations) == 2
