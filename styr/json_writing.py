"""JSON documents as styr writes them: indented two spaces, as text (not ASCII escapes), every
control shown as `styr.escape.json_text` shows it, one line end at the end.

The one place for that decision, for lint's json, sarif and gitlab formats, `styr status
--format json` and `styr diff --format json`.

`json_pieces` gives the document a batch at a time. `json.dumps` with an indent runs the
encoder written in Python, which keeps every small piece it makes (a key, a colon, a
number) in a list until the end and then joins them: the status of 100,000 goals, 80 MB
of JSON, held about ten million pieces at once. In batches only one batch is held, and
the text is the same (`json_text` escapes character by character, so escaping a batch
at a time changes nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from styr.escape import json_text

_CHARACTERS_PER_BATCH = 1 << 16


def json_pieces(
    document: Any, *, sort_keys: bool = False, default: Callable[[Any], Any] | None = None
) -> Iterator[str]:
    """The document's JSON text in pieces of about 64K characters, the line end in the last."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=sort_keys, default=default)
    batch: list[str] = []
    size = 0
    for piece in encoder.iterencode(document):
        batch.append(piece)
        size += len(piece)
        if size >= _CHARACTERS_PER_BATCH:
            yield json_text("".join(batch))
            batch.clear()
            size = 0
    batch.append("\n")
    yield json_text("".join(batch))


def json_document(
    document: Any, *, sort_keys: bool = False, default: Callable[[Any], Any] | None = None
) -> str:
    """The document's JSON text whole (see `json_pieces`)."""
    return "".join(json_pieces(document, sort_keys=sort_keys, default=default))
