"""The catalogue decoded on demand answers every text exactly as gettext's own parse does."""

from __future__ import annotations

import gettext
import io
import struct

import pytest

from styr.i18n import DOMAIN, LOCALE_DIR, _catalogue
from styr.i18n_catalogue import LazyTranslations

MO_FILE = LOCALE_DIR / "sv" / "LC_MESSAGES" / f"{DOMAIN}.mo"
_CONTEXT = "\x04"


def _both(raw: bytes) -> tuple[gettext.GNUTranslations, LazyTranslations]:
    return gettext.GNUTranslations(io.BytesIO(raw)), LazyTranslations(io.BytesIO(raw))


def test_the_run_uses_the_catalogue_decoded_on_demand() -> None:
    catalogue = _catalogue("sv")
    assert isinstance(catalogue, LazyTranslations)
    assert not isinstance(catalogue._catalog, dict)


def test_every_text_of_the_catalogue_is_translated_as_gettext_does() -> None:
    whole, lazy = _both(MO_FILE.read_bytes())
    assert lazy._catalog.get("") == whole._catalog[""]  # type: ignore[attr-defined]
    assert lazy.info() == whole.info()
    assert lazy.charset() == whole.charset()
    plurals = [(lazy.plural(n), whole.plural(n)) for n in range(30)]  # type: ignore[attr-defined]
    assert all(ours == theirs for ours, theirs in plurals)
    keys = list(whole._catalog)  # type: ignore[attr-defined]
    assert len(keys) > 1000
    for key in keys:
        if isinstance(key, tuple):
            text, _form = key
            for count in range(6):
                assert lazy.ngettext(text, "other", count) == whole.ngettext(text, "other", count)
            assert lazy.gettext(text) == whole.gettext(text)
        elif _CONTEXT in key:
            context, _, text = key.partition(_CONTEXT)
            assert lazy.pgettext(context, text) == whole.pgettext(context, text)
        else:
            assert lazy.gettext(key) == whole.gettext(key)


@pytest.mark.parametrize(
    "text", ["No such text.", "\udcff", "Owner", "a\x00b", "", "{count} file"], ids=repr
)
def test_a_text_not_in_the_catalogue_stays_as_gettext_leaves_it(text: str) -> None:
    whole, lazy = _both(MO_FILE.read_bytes())
    assert lazy.gettext(text) == whole.gettext(text)
    assert lazy.pgettext("nonesuch", text) == whole.pgettext("nonesuch", text)
    for count in range(3):
        assert lazy.ngettext(text, "many", count) == whole.ngettext(text, "many", count)


def _mo(entries: list[tuple[bytes, bytes]], *, byte_order: str = "<") -> bytes:
    """A .mo file of these (original, translation) pairs, in this order."""
    count = len(entries)
    start = 28 + 16 * count
    texts = b""
    tables: list[bytes] = [b"", b""]
    for side in (0, 1):
        for entry in entries:
            tables[side] += struct.pack(f"{byte_order}2I", len(entry[side]), start + len(texts))
            texts += entry[side] + b"\0"
    words = struct.pack(
        f"{byte_order}7I", gettext.GNUTranslations.LE_MAGIC, 0, count, 28, 28 + 8 * count, 0, 0
    )
    return words + tables[0] + tables[1] + texts


HEADER = (
    b"",
    b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; "
    b"plural=(n==1 ? 0 : n==2 ? 1 : 2);\n",
)


@pytest.mark.parametrize(
    "entries",
    [
        [HEADER, (b"a", b"\xc3\xa5"), (b"one\0many", b"en\0tv\xc3\xa5\0m\xc3\xa5nga")],
        [HEADER, (b"ctx\x04a", b"b"), (b"a", b"c"), (b"a", b"later")],  # the later one counts
        [(b"a", b"b"), HEADER],  # the header not first: gettext parses it all
        [HEADER, (b"a\0b\0c", b"x")],  # gettext refuses it
    ],
    ids=["plural-forms", "context-and-twice", "header-late", "malformed"],
)
def test_a_catalogue_of_any_shape_is_read_as_gettext_reads_it(
    entries: list[tuple[bytes, bytes]],
) -> None:
    raw = _mo(entries)
    try:
        whole = gettext.GNUTranslations(io.BytesIO(raw))
    except ValueError:
        with pytest.raises(ValueError):
            LazyTranslations(io.BytesIO(raw))
        return
    lazy = LazyTranslations(io.BytesIO(raw))
    for text in ("a", "one", "b", "x"):
        assert lazy.gettext(text) == whole.gettext(text)
        assert lazy.pgettext("ctx", text) == whole.pgettext("ctx", text)
        for count in range(5):
            assert lazy.ngettext(text, "many", count) == whole.ngettext(text, "many", count)
