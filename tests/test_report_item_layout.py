"""An item's blocks in the HTML report each start a line of their own, as the page is tidied."""

from __future__ import annotations

import pytest

from styr.report.render import environment, tidied
from styr.report.texts import Labels
from styr.report.view_types import Fact, ItemView


def lines_of(item: ItemView) -> list[str]:
    macros = environment("html", None).get_template("_macros.html.j2").module
    written = str(macros.item(item, Labels("sv"), 3, "goal"))  # type: ignore[attr-defined]
    return tidied("html", written).splitlines()


@pytest.mark.parametrize("facts", [[], [Fact("Målgrupp", "äldre")]])
def test_the_paragraphs_start_a_line_after_the_lead(facts: list[Fact]) -> None:
    item = ItemView(
        id="a",
        anchor="mal-a",
        category="council_area",
        kind="Område",
        title="Den sociala basen",
        lead="Trygghet",
        facts=facts,
        paragraphs=["Första stycket.", "Andra stycket."],
    )
    lines = lines_of(item)
    assert "<p>Första stycket.</p>" in lines and "<p>Andra stycket.</p>" in lines
    (lead,) = [line for line in lines if 'class="lead"' in line]
    assert "Första" not in lead
