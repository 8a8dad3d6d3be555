"""`styr init`: a new governance repository from a bundled steering model.

A starter (`styr/starters/<model>/`) is a repository with two tokens: the
municipality's name (`__KOMMUN__`) and code (`__KOD__`). Texts the planner is
meant to write start with `PLACEHOLDER` ("FYLL I: …"), one marker for all, so
that they can be found and checked. The new repository also gets what editors
need (styr.editor): the schemas, modelines and VS Code settings.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from styr.editor import editor_files, with_modeline
from styr.errors import UsageError
from styr.escape import hidden, terminal
from styr.files import GITIGNORE_PATTERN, write_tree
from styr.resources import data_dir
from styr.yaml_text import quote

# Every text the planner should replace begins with this (inside a quoted or block scalar).
PLACEHOLDER = "FYLL I:"

NAME_TOKEN = "__KOMMUN__"
CODE_TOKEN = "__KOD__"
# A starter line whose whole value (a plain scalar) holds the name: the value is re-written quoted.
_NAME_LINE = re.compile(
    rf"^(?P<key>[ \t]*(?:- )?\w+:[ \t]+)(?P<value>[^\n]*{NAME_TOKEN}[^\n]*)$", re.MULTILINE
)
# Keeps a temporary file that a killed styr left behind out of `git add -A`.
GITIGNORE = (
    "# Tillfälliga filer som styr skriver och sedan byter namn på. En blir kvar\n"
    "# bara om styr avbryts mitt i en skrivning; den kan tas bort.\n"
    f"{GITIGNORE_PATTERN}\n"
)


def starter_names() -> list[str]:
    return sorted(p.name for p in data_dir("starters").iterdir() if p.is_dir())


def init_repository(target: Path, starter: str, name: str, code: str) -> list[Path]:
    """Create `target` from a starter and return the files written.

    All or nothing: the repository is made beside `target` and moved into
    place complete. Refuses a target that exists and is not an empty folder:
    init never overwrites.
    """
    files = repository_files(starter, name, code)
    if target.is_file():
        raise UsageError("init-target-is-file", path=str(target))
    if target.is_dir() and any(target.iterdir()):
        raise UsageError("target-not-empty", path=str(target))
    return write_tree(target, files)


def repository_files(starter: str, name: str, code: str) -> dict[str, str]:
    """Every file of a new repository (relative path → text): the model's and the editors'."""
    if starter not in starter_names():
        raise UsageError("unknown-starter", name=starter, known=", ".join(starter_names()))
    if not re.fullmatch(r"[0-9]{4}", code):
        raise UsageError("bad-code", code=code)
    # A one-line name holds no character a terminal hides: a direction control (U+202E)
    # written into every file would make the new repository fail its own lint (Y018),
    # and no name needs the other invisible ones (a zero-width space, a byte order mark).
    if not name.strip() or any(hidden(c) for c in name):
        # Shown as a terminal shows any text: every hidden character escaped, none raw.
        raise UsageError("init-bad-name", name=f'"{terminal(name)}"')
    source = data_dir("starters") / starter
    texts = {}
    for file in sorted(source.rglob("*.yaml")):
        relative = PurePosixPath(file.relative_to(source).as_posix())
        text = fill_tokens(file.read_text(encoding="utf-8"), name.strip(), code)
        texts[str(relative)] = with_modeline(text, relative)
    return {**texts, **editor_files(texts), ".gitignore": GITIGNORE}


def fill_tokens(text: str, name: str, code: str) -> str:
    """A starter's text with the code and the name written in, the name always quoted.

    The code is four digits (checked) and already sits in quotes; the name can
    hold anything YAML would otherwise read as syntax (`Ale: kommun`,
    `Håbo #1`, a leading `-`, `*`, `&`, `!`, `%` or `@`), so each value that
    holds it is written as a double-quoted scalar.
    """
    text = text.replace(CODE_TOKEN, code)
    return _NAME_LINE.sub(
        lambda match: match["key"] + quote(match["value"].replace(NAME_TOKEN, name)), text
    )
