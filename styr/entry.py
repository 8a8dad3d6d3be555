"""The `styr` command's entry point, kept tiny so `styr --version` starts as fast as Python."""

from __future__ import annotations

import sys


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
