"""What an earlier `styr kolada pull --peers` left in the comparison file.

Its values (to keep the years not fetched again and to record Kolada's
revisions), its bytes (so that a file changed during the fetch is never
overwritten), whether it held made-up example values, and its comments: those
at its top and those after a value on its line (a `# styr: ignore[K025] …`
among them), for the next pull to write again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from styr.editor import MODELINE_PREFIX
from styr.errors import UsageError
from styr.files import AsRead
from styr.followup.peers import PEER_VALUES, PeerValue, read_values
from styr.load import Document, limits, parse_document
from styr.load.access import Refused, read_inside

Key = tuple[str, str, int]  # key figure, municipality, year


@dataclass(frozen=True, slots=True)
class EarlierFile:
    """What the comparison file held before this pull."""

    values: list[PeerValue]
    as_read: AsRead  # its bytes, so that a file changed meanwhile is never overwritten
    illustrative: bool  # made-up example values, not Kolada's
    comments: tuple[str, ...] = ()  # the comment lines at its top
    # The comment at the end of a value's line (a `# styr: ignore[K025] …` among them).
    line_comments: dict[Key, str] = field(default_factory=dict)


def earlier_file(root: Path, target: Path) -> EarlierFile:
    """The values an earlier pull wrote, read as every repository file is, and its bytes."""
    if not target.exists():
        return EarlierFile([], AsRead(None), illustrative=False)
    try:
        raw = read_inside(root, target, max_bytes=limits.MAX_FILE_BYTES)
    except Refused:
        raise UsageError("kolada-peers-file-unusable", path=str(target)) from None
    document = parse_document(target, raw)
    data = document.data
    if (
        document.failure is not None
        or not isinstance(data, dict)
        or data.get("kind") != PEER_VALUES
    ):
        raise UsageError("kolada-peers-file-unusable", path=str(target))
    return EarlierFile(
        list(read_values(data.get("figures"))),
        AsRead(raw),
        illustrative=data.get("illustrative") is True,
        comments=_leading_comments(raw),
        line_comments=_line_comments(document, raw),
    )


_LINE_COMMENT = re.compile(r"\}\s*(#.*?)\s*$")


def _line_comments(document: Document, raw: bytes) -> dict[Key, str]:
    """Each value's comment after it on its line, by key figure, municipality and year."""
    data = document.data
    figures = data.get("figures") if isinstance(data, dict) else None
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()
    found: dict[Key, str] = {}
    for position, item in enumerate(figures if isinstance(figures, list) else []):
        for value in read_values([item]):
            line, _column = document.locate(("figures", position))
            match = _LINE_COMMENT.search(lines[line - 1]) if 0 < line <= len(lines) else None
            if match:
                found.setdefault((value.kpi, value.municipality, value.year), match.group(1))
    return found


def _leading_comments(raw: bytes) -> tuple[str, ...]:
    """The comment lines before the file's first key (blank lines between them dropped)."""
    lines = []
    for line in raw.decode("utf-8-sig", errors="replace").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        if line.strip():
            lines.append(line.rstrip())
    return tuple(lines)


def kept_header(earlier: EarlierFile) -> tuple[str, ...]:
    """The earlier file's top comments to write again. An example file's describe its made-up
    values, which this pull removes: of those only the editor's schema line is kept."""
    if not earlier.illustrative:
        return earlier.comments
    return tuple(line for line in earlier.comments if line.startswith(MODELINE_PREFIX))
