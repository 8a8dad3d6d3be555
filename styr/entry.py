"""The `styr` command's entry point, kept tiny so `styr --version` starts as fast as Python."""

from __future__ import annotations

import sys
from typing import NoReturn


def run() -> NoReturn:
    """The `styr` command: `main`, then an exit that leaves the heap to the system."""
    try:
        main()
        code: str | int | None = 0
    except SystemExit as exit:
        code = exit.code
    leave(code)


def leave(code: str | int | None) -> NoReturn:
    """End the process with `code` as `sys.exit(code)` would, without freeing every object.

    Python's own exit collects and frees every object still alive one by one:
    after a report of 100,000 goals that was over a second, a tenth of the
    run, spent on memory the system takes back at once. Everything an exit
    must still do is done first: the functions registered with `atexit`
    (temporary folders, pools, logging), then the streams are flushed. While
    another thread runs, or when a stream cannot be flushed, the ordinary exit
    does it all as it always did.
    """
    import atexit
    import os

    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    threading = sys.modules.get("threading")  # no threads were started if it was never imported
    if run_exit_functions is None or (threading and threading.active_count() > 1):
        sys.exit(code)
    run_exit_functions()
    try:
        status = _exit_status(code)
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(status)


def _exit_status(code: str | int | None) -> int:
    """The status `sys.exit(code)` gives: None is 0, other values are written out and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from styr import __version__

        print(f"styr {__version__}")
        return
    from styr.output_streams import make_output_safe

    # Before anything is written: a redirected stream on Windows would stop
    # the run at the first character its code page lacks (see the module).
    make_output_safe()
    import gc

    # A large repository is millions of small objects that live for the whole
    # run and hold no cycles worth hunting for every 700 allocations: with
    # Python's default thresholds the collector walked them again and again,
    # and a report of 100,000 goals took three times as long.
    gc.set_threshold(20_000, 20, 20)
    from styr.i18n import start_process

    # The language first: click's own words are set up as the CLI module is imported.
    start_process(sys.argv[1:])
    from styr.cli_warm import answered

    # A `styr lint` the cache answers whole, without the CLI framework (see the module).
    code = answered(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from styr.cli import main as cli_main  # the CLI framework only when a command needs it

    cli_main()
