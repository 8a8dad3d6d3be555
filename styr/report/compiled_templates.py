"""The bundled templates' compiled code, kept between runs in the user's own signed cache.

Jinja compiles every template from its source on every run: for a municipality's report
that was about a third of its time (28 templates, some 330 ms of Jinja's compiler, against
7 ms to load them compiled). Jinja can keep the compiled code (its bytecode cache), but
loading it runs code from disk, so it is kept only where styr keeps what it trusts: as
entries of the lint cache (`styr.cache.LintCache`), in the user's own folder, each signed
with the user's secret, and only for the bundled templates: an environment with a
`--templates` folder gets none (`styr.report.render.new_environment`). An entry that
someone else wrote, or that was changed, fails its signature and the template is compiled
afresh; an entry of another release of styr, Jinja or Python has another key, and Jinja
itself compares the template's source with the one the code was compiled from.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import sys
from typing import TYPE_CHECKING

import jinja2

from styr import __version__

if TYPE_CHECKING:
    from styr.cache import LintCache

# The entries' suffix in the cache folder (pruned with the lint's own entries).
SUFFIX = ".compiled.json"


class _Kept:
    """Where this run keeps compiled templates: the lint cache of the run, or none."""

    cache: LintCache | None = None


_KEPT = _Kept()


def keep_compiled_in(cache: LintCache | None) -> None:
    """Keep the compiled bundled templates in `cache` from now on (none: compile afresh).

    Set by each command that renders (`report`, the follow-up report, `site`) from the
    cache it was given, so that `--no-cache` keeps nothing and reads nothing."""
    _KEPT.cache = cache


class SignedBytecode(jinja2.BytecodeCache):
    """Jinja's bytecode cache over the signed entries of the lint cache, for one format's
    environment (HTML is compiled with autoescape, Markdown without: never the same code)."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache = _KEPT.cache
        if cache is None:
            return
        stored = cache.load(self._key(bucket), SUFFIX)
        if not isinstance(stored, dict) or not isinstance(stored.get("code"), str):
            return
        try:
            data = base64.b64decode(stored["code"], validate=True)
        except (binascii.Error, ValueError):
            return
        # Jinja checks its own mark and the source's checksum, and resets the bucket
        # (the template is compiled) where either differs.
        bucket.load_bytecode(io.BytesIO(data))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache = _KEPT.cache
        if cache is None or bucket.code is None:
            return
        code = base64.b64encode(bucket.bytecode_to_string()).decode("ascii")
        cache.store(self._key(bucket), {"code": code}, SUFFIX)

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        """The entry's key: the template (Jinja's bucket key: its name and file), the format,
        and the releases of styr, Jinja and Python that the code belongs to."""
        parts = (__version__, jinja2.__version__, sys.version, self.fmt, bucket.key)
        return hashlib.sha1("\n".join(parts).encode()).hexdigest()
