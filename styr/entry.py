"""The `styr` command's entry point, kept tiny so `styr --version` starts as fast as Python."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from styr import __version__

        print(f"styr {__version__}")
        return
    from styr.i18n import start_process

    # The help texts are translated as the CLI module is imported: choose the language first.
    start_process(sys.argv[1:])
    from styr.cli import main as cli_main  # the CLI framework only when a command needs it

    cli_main()
