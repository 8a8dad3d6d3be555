"""JSON documents written in pieces are the text `json.dumps` gives, escaped by `json_text`."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.escape import json_text
from styr.json_writing import json_document, json_pieces

# Text with what json_text escapes: C0 and C1 controls, bidi controls, line separators,
# lone surrogates; and plenty of ordinary letters.
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from('\x00\x1b\x7f\x85\u061c\u200e\u2028\u202e\u2066\ud800\udcff"\\åäö'),
    ),
    max_size=30,
)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _TEXT)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=6), st.dictionaries(_TEXT, inner, max_size=6)),
    max_leaves=40,
)


def _whole(document: Any, **options: Any) -> str:
    """The straightforward reading: the whole document at once."""
    return json_text(json.dumps(document, ensure_ascii=False, indent=2, **options)) + "\n"


@settings(max_examples=300, deadline=None)
@given(_DOCUMENTS, st.booleans())
def test_the_pieces_make_the_text_dumps_gives(document: Any, sort_keys: bool) -> None:
    assert "".join(json_pieces(document, sort_keys=sort_keys)) == _whole(
        document, sort_keys=sort_keys
    )
    assert json_document(document, sort_keys=sort_keys) == _whole(document, sort_keys=sort_keys)


def test_a_default_turns_other_values_into_json() -> None:
    class Odd:
        def __str__(self) -> str:
            return "odd\u202e"

    document = {"value": Odd(), "list": [Odd()]}
    assert json_document(document, default=str) == _whole(document, default=str)
    assert "\\u202e" in json_document(document, default=str)


def test_a_large_document_comes_in_bounded_pieces_escaped_each() -> None:
    rows = [{"title": f"Mål {n} \u202e", "value": n / 3} for n in range(20_000)]
    pieces = list(json_pieces(rows))
    assert len(pieces) > 10
    # A piece is a batch of about 64K characters (a little more once escaped), never the
    # whole document (about 1.5 million).
    assert max(map(len, pieces)) < 100_000
    assert "".join(pieces) == _whole(rows)
    assert all("\u202e" not in piece for piece in pieces)
    assert json.loads("".join(pieces))[-1]["title"] == "Mål 19999 \u202e"


def test_the_last_piece_ends_the_document_with_one_line_end() -> None:
    pieces = list(json_pieces({}))
    assert pieces == ["{}\n"]
