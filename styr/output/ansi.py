"""Lines styled for a terminal by rich (ANSI colours): the findings and styr diff alike.

Imported only when colour is asked for: output that goes to a file or a pipe
never imports rich.
"""

from __future__ import annotations

from collections.abc import Iterable

# A piece of a line and its style, in rich's style names ("" for none).
Piece = tuple[str, str]


def in_colour(lines: Iterable[list[Piece]]) -> str:
    """The lines, each its pieces (none for an empty line), styled as plain rich `Text`.

    Never wrapped by rich (CI logs and editors match whole lines; a caller that
    wants a width wraps first), and nothing is read as markup.
    """
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        no_color=False,
        highlight=False,
        width=10_000,
        soft_wrap=True,
    )
    for line in lines:
        if not line:
            console.print()
            continue
        (first, style), *rest = line
        text = Text(first, style=style)
        for piece, piece_style in rest:
            text.append(piece, style=piece_style or None)
        console.print(text)
    return buffer.getvalue()
