"""A logo from a file in the repository, embedded in a page as a `data:` address.

The file is read through `styr.load.access` like every other file (inside the
repository only, a regular file, at most `MAX_LOGO_BYTES`). What it is comes
from its bytes, never from its name: PNG and JPEG by their signatures, SVG by
its root element. Anything else is refused, so a page never embeds a file
that a browser might take for something else.

An SVG is embedded only as an image (`<img src="data:image/svg+xml;base64,…">`),
never as markup in the page: a script or a link in an image does not run.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from styr.load.access import Refused, read_inside

# Every page carries the logo, so it is kept small: a logo is a few kilobytes.
MAX_LOGO_BYTES = 256 * 1024

PNG = "image/png"
JPEG = "image/jpeg"
SVG = "image/svg+xml"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
# Before an SVG's root element: a byte order mark, white space, an XML
# declaration, comments, a doctype (without an internal subset) and processing
# instructions, in any order.
_SVG_PROLOGUE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*>)*<svg[\s>/]",
    re.DOTALL | re.IGNORECASE,
)
_SNIFF_BYTES = 4096


class LogoProblem(Exception):
    """Why a logo cannot be used: logo-outside, -missing, -not-a-file, -too-large, -not-image,
    -unreadable (the rule that reports it words each)."""

    def __init__(self, key: str, refused: Refused | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.refused = refused  # for "logo-unreadable": the reason the file could not be read


@dataclass(frozen=True, slots=True)
class Logo:
    media_type: str
    data_uri: str


def media_type_of(content: bytes) -> str | None:
    """PNG, JPEG or SVG by the file's own bytes; None for anything else."""
    if content.startswith(_PNG_SIGNATURE):
        return PNG
    if content.startswith(_JPEG_SIGNATURE):
        return JPEG
    if _SVG_PROLOGUE.match(content[:_SNIFF_BYTES]):
        return SVG
    return None


def read_logo(root: Path, written: str) -> Logo:
    """The logo file `written` (relative to the repository `root`) as a data address.

    Raises LogoProblem when the path leads outside the repository, the file is
    missing, not an ordinary file, too large or not a PNG, JPEG or SVG image.
    """
    content, media_type = _read(root, written)
    encoded = base64.b64encode(content).decode("ascii")
    return Logo(media_type, f"data:{media_type};base64,{encoded}")


def logo_problem(root: Path, written: str) -> LogoProblem | None:
    """Why the logo `written` cannot be used, or None when it can (read, not encoded)."""
    try:
        _read(root, written)
    except LogoProblem as problem:
        return problem
    return None


def _read(root: Path, written: str) -> tuple[bytes, str]:
    if _leaves(written):
        raise LogoProblem("logo-outside")
    try:
        content = read_inside(root, root / written, max_bytes=MAX_LOGO_BYTES)
    except Refused as refused:
        raise _problem(refused) from None
    media_type = media_type_of(content)
    if media_type is None:
        raise LogoProblem("logo-not-image")
    return content, media_type


def _leaves(written: str) -> bool:
    """Whether the path as written is absolute or climbs out (`..`), on any system."""
    if not written.strip():
        return True
    for flavour in (PurePosixPath(written), PureWindowsPath(written)):
        if flavour.is_absolute() or flavour.drive or flavour.root:
            return True
    depth = 0
    for part in re.split(r"[\\/]+", written):
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def _problem(refused: Refused) -> LogoProblem:
    if refused.key == "load-refused-outside":
        return LogoProblem("logo-outside")
    if refused.key == "load-refused-missing":
        return LogoProblem("logo-missing")
    if refused.key == "load-refused-too-large":
        return LogoProblem("logo-too-large")
    if refused.key in (
        "load-refused-permission",
        "load-refused-os-error",
        "load-refused-link-loop",
    ):
        return LogoProblem("logo-unreadable", refused)
    return LogoProblem("logo-not-a-file")
