"""An element's title is worked out once, when it is made: its title, else its name, else its
id, else nothing; and made again with it by `dataclasses.replace`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from styr.load import Document
from styr.model.elements import Element

_DOCUMENT = Document(Path("nämnd.yaml"), {})


def _element(element_id: str | None, data: dict[str, Any]) -> Element:
    return Element(element_id, "goal", _DOCUMENT, (), data)


@pytest.mark.parametrize(
    ("element_id", "data", "title"),
    [
        ("m-1", {"title": "Fler i arbete", "name": "Arbete"}, "Fler i arbete"),
        ("m-1", {"title": 12, "name": "Arbete"}, "Arbete"),
        ("m-1", {"name": "Arbete"}, "Arbete"),
        ("m-1", {"title": None, "name": ["Arbete"]}, "m-1"),
        (None, {}, ""),
        (None, {"title": ""}, ""),
    ],
)
def test_the_title_is_the_first_text_of_title_name_and_id(
    element_id: str | None, data: dict[str, Any], title: str
) -> None:
    assert _element(element_id, data).title == title


def test_an_element_made_again_with_other_data_or_id_has_their_title() -> None:
    element = _element("m-1", {"title": "Fler i arbete"})
    assert replace(element, data={"name": "Arbete"}).title == "Arbete"
    assert replace(element, data={}, id="m-2").title == "m-2"


def test_the_title_is_no_part_of_equality_nor_of_the_repr() -> None:
    one, other = _element("m-1", {"title": "A"}), _element("m-1", {"title": "A"})
    assert one == other
    assert "title=" not in repr(one)
