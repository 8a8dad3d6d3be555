"""A file that was UTF-8 as it stands is parsed from its own bytes, not its text encoded again."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

import styr.load.fast_reader
from styr.load.decode import decode, plain_utf8
from styr.load.document import parse_document

TEXT = "kind: organisation\nid: nämnden\nname: Nämnden för å och ö\n"


def _parsed_from(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    given: list[Any] = []
    parsed = styr.load.fast_reader._parsed

    def recording(source: Any) -> Any:
        given.append(source)
        return parsed(source)

    monkeypatch.setattr(styr.load.fast_reader, "_parsed", recording)
    return given


def test_the_bytes_of_a_plain_utf8_file_are_parsed_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    given = _parsed_from(monkeypatch)
    raw = TEXT.encode("utf-8")
    document = parse_document(Path("n.yaml"), raw)
    assert given == [raw] and given[0] is raw
    assert document.data == {"kind": "organisation", "id": "nämnden", "name": "Nämnden för å och ö"}
    assert document.text == TEXT


@pytest.mark.parametrize(
    "raw",
    [codecs.BOM_UTF8 + TEXT.encode("utf-8"), codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")],
    ids=["utf-8 with a mark", "utf-16"],
)
def test_a_file_with_a_byte_order_mark_is_parsed_from_its_text(
    monkeypatch: pytest.MonkeyPatch, raw: bytes
) -> None:
    given = _parsed_from(monkeypatch)
    document = parse_document(Path("n.yaml"), raw)
    assert given == [TEXT]
    assert document.data == parse_document(Path("n.yaml"), TEXT.encode("utf-8")).data


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"a: 1\n",
        "å: ö\n".encode(),
        codecs.BOM_UTF8 + b"a: 1\n",
        codecs.BOM_UTF16_LE + "a: 1\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "a: 1\n".encode("utf-16-be"),
    ],
)
def test_plain_utf8_is_exactly_when_the_bytes_are_the_texts_utf8(raw: bytes) -> None:
    assert plain_utf8(raw) == (decode(raw).encode("utf-8") == raw)
