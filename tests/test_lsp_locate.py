"""From a place in an editor's buffer to the value written there (`styr.lsp.locate`).

A list or a mapping that holds itself through an alias (`loop: &g [*g]`, which
lint reports as Y006) loads, and its node tree is a loop: the walk down from a
position to the value there went round it for ever, and the language server
answered no hover, definition or reference again until it was restarted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from time_limit import time_limit

from styr.load.document import parse_document
from styr.lsp.locate import spot_at

TEXT = "kind: organisation\nid: x\nloop: &g {cycle}\nname: Nämnd\n"


@pytest.mark.parametrize("cycle", ["[*g]", "[[x, *g]]", "[{title: *g}]", "{a: *g}", "{a: [*g]}"])
def test_a_value_holding_itself_through_an_alias_is_found_without_going_round(
    cycle: str,
) -> None:
    text = TEXT.format(cycle=cycle)
    document = parse_document(Path("organisation/x.yaml"), text.encode())
    assert document.data is not None  # it loads: the alias is a finding, not a failure
    line, character = 2, text.splitlines()[2].index("*g") + 1
    with time_limit(5):
        spot_at(document, line, character)
    # Elsewhere in the file the walk finds what it always did.
    name = spot_at(document, 3, len("name: N"))
    assert name is not None and name.path == ("name",) and name.value == "Nämnd"


def test_the_keys_and_values_around_an_alias_are_found_as_before() -> None:
    text = TEXT.format(cycle="[a, *g]")
    document = parse_document(Path("organisation/x.yaml"), text.encode())
    first = spot_at(document, 2, text.splitlines()[2].index("a,"))
    assert first is not None and first.path == ("loop", 0) and first.value == "a"
    key = spot_at(document, 2, 1)
    assert key is not None and key.is_key and key.path == ("loop",)
