"""What the commands share that needs no CLI framework: the language, the lint cache, where
output goes, and how a failure ends a run.

Apart from styr/cli_common.py (which re-exports all of it) because a `styr lint`
answered from the cache (styr/cli_warm.py) runs without typer or click, and
imports only this.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from styr.errors import StyrError, UsageError
from styr.i18n import DEFAULT_LANGUAGE, LANGUAGES, requested_language

if TYPE_CHECKING:
    from styr.cache import LintCache

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Where an interrupted run ends, as a shell reports a run stopped by Ctrl-C.
EXIT_INTERRUPTED = 130

# `-o -` means standard output, for every command that writes a result.
STDOUT = "-"


def chosen_language(flag: str | None) -> str | None:
    """--lang, else STYR_LANG; None when neither says (the manifest's may then decide)."""
    chosen = flag if flag is not None else requested_language()
    if chosen is not None and chosen not in LANGUAGES:
        raise UsageError("unknown-language", name=chosen)
    return chosen


def run_language() -> str:
    """The language of the run's own messages: --lang or STYR_LANG if we have it, else Swedish."""
    requested = requested_language()
    return requested if requested in LANGUAGES else DEFAULT_LANGUAGE


def output_language(flag: str | None, fallback: str | None = None) -> str:
    """--lang, else STYR_LANG, else `fallback` (the repository's), else the default."""
    return chosen_language(flag) or fallback or DEFAULT_LANGUAGE


def colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def lint_cache(folder: Path | None, language: str) -> LintCache | None:
    """The lint cache (--cache-dir, else STYR_CACHE_DIR, else the user's), or None.

    A cache that would trust what others can change is not used; the run
    says so on standard error and checks everything afresh.
    """
    from styr.cache import CacheRefused, open_cache

    variable = os.environ.get("STYR_CACHE_DIR")
    try:
        return open_cache(folder or (Path(variable) if variable else None))
    except CacheRefused as refusal:
        echo(f"styr: {_message(refusal.key, language, **refusal.params)}\n", err=True)
        return None


def to_stdout(output: str | None) -> bool:
    return output is None or output == STDOUT


def emit(text: str | Iterable[str], output: str | None) -> bool:
    """Write `text` (or its pieces, as they come) to the file `output` names, else to
    standard output; True for a file."""
    if to_stdout(output):
        for piece in (text,) if isinstance(text, str) else text:
            echo(piece)
        return False
    from styr.files import write_atomic

    if not output:
        raise UsageError("output-empty")
    target = Path(output)
    refuse_input_as_output(target)
    write_atomic(target, text)
    return True


def echo(text: str, *, err: bool = False) -> None:
    """Write `text` to standard output (or error) exactly as `click.echo(text, nl=False)` does.

    For a plain text stream (not Windows, an encoding other than ASCII, no
    terminal colour codes in the text) click writes the text as it is and
    flushes: that is done here without importing click, as a run answered
    from the cache would otherwise import it for this alone. Anything else
    goes through click itself.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is not None and "\x1b" not in text and _plain_stream(stream):
        if text:
            stream.write(text)
        stream.flush()
        return
    import click

    click.echo(text, nl=False, err=err)


def _plain_stream(stream: Any) -> bool:
    """A stream click writes to as it is (see click's `_force_correct_text_writer`)."""
    if os.name == "nt" or not isinstance(stream, io.TextIOBase):
        return False
    encoding, errors = getattr(stream, "encoding", None), getattr(stream, "errors", None)
    if not encoding or errors is None:
        return False
    import codecs

    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return True  # click treats an unknown encoding as not ASCII


def refuse_input_as_output(target: Path) -> None:
    """A usage error for an output file that is one of a steering model's own inputs.

    What lint reads is a repository's styr.yaml and every .yaml or .yml in the
    folder that holds it (and below): `-o styr.yaml` would overwrite the
    manifest, and a report written as a .yaml inside a repository becomes a
    file lint reads the next time. The one check for every command's -o.
    """
    from styr.model.repository import MANIFEST

    if target.suffix.lower() not in (".yaml", ".yml"):
        return
    resolved = Path(os.path.realpath(target))
    if resolved.name == MANIFEST or any(
        (folder / MANIFEST).is_file() for folder in resolved.parents
    ):
        raise UsageError("output-is-input", path=str(target))


def day_option(text: str | None) -> date | None:
    """A date option (`--today`, `--date`) as a day, or None when not given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("bad-date", value=text) from None


def fail(error: BaseException, language: str) -> NoReturn:
    """End a run that raised `error`: a usage or configuration error, an interruption, or a
    fault, said in one line and never as a Python traceback (STYR_DEBUG shows it)."""
    if isinstance(error, StyrError):
        echo(f"styr: {_message(error.key, language, **error.params)}\n", err=True)
        sys.exit(EXIT_ERROR)
    if isinstance(error, KeyboardInterrupt):
        sys.exit(EXIT_INTERRUPTED)
    if isinstance(error, OSError) and (named := _name_error(error)) is not None:
        fail(named, language)
    if os.environ.get("STYR_DEBUG") or not isinstance(error, Exception):
        raise error
    echo(f"styr: {_message('internal-error', language, error=repr(error))}\n", err=True)
    sys.exit(EXIT_ERROR)


def _name_error(error: OSError) -> StyrError | None:
    from styr.files_errors import name_error  # only when a run has failed

    return name_error(error)


def _message(key: str, language: str, /, **params: Any) -> str:
    from styr.messages import message  # the sentences, only when one is said

    return message(key, language, **params)
