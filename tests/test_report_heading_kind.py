"""The kind said before a block's title: not where its heading or its title already says it."""

from __future__ import annotations

import pytest

from styr.report.view_types import ItemView


def _item(kind: str, title: str) -> ItemView:
    return ItemView(id="x", anchor="x", category="goal", kind=kind, title=title)


@pytest.mark.parametrize(
    ("kind", "title", "section", "shown"),
    [
        ("Nämndmål", "Fler nöjda elever", "Mål", "Nämndmål"),
        ("Nämndmål", "Fler nöjda elever", "Nämndmål", ""),  # the heading names the kind
        ("Visionsområde", "visionsområde: Den skapande staden", "Mål", ""),  # so does the title
        ("", "Fler nöjda elever", "Mål", ""),
    ],
)
def test_the_kind_is_said_once(kind: str, title: str, section: str, shown: str) -> None:
    assert _item(kind, title).kind_under(section) == shown
