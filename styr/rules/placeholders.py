"""X003 placeholder-text: texts that `styr init` left for the planner to write.

The starters mark what the planner must write with "FYLL I:" at the start of
the text ("FYLL I: Skriv visionen här …"); older copies have the instruction
alone ("Skriv visionen här …"; every one of them is listed in
styr/data/placeholders.json), and a starter copied by hand keeps its
__KOMMUN__ tokens. Any of them in a file is a text nobody has written yet,
which the report would publish as it stands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from styr.findings import Finding, PathInDocument, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext
from styr.schema_texts import shown

PLACEHOLDER = Rule(
    code="X003",
    name="placeholder-text",
    severity=Severity.WARNING,
    summary=N_("Placeholder text left"),
    message=N_("The text is a placeholder ('{placeholder}'); write the real text instead."),
    doc=N_("""Reports a text that styr init left for the planner to write.

Why: the starters mark what is to be written with "FYLL I:" at the start of
the text. Left in place, the report publishes the instruction instead of the
board's mission, direction or the municipality's vision. The rule also knows
instructions without the mark ("Skriv visionen här", write the vision here)
and tokens such as __KOMMUN__ in a starter copied by hand.

It also reports the reason of a suppression that is still a placeholder, as
the editor's quick fix writes it (`# styr: ignore[G004] FYLL I: …`): such a
comment suppresses nothing until someone writes why the rule does not apply.

Failing example: `text: "FYLL I: Varför finns nämnden, vad ska den göra och
för vem?"`.
Instead: `text: Nämnden ansvarar för förskola och grundskola i kommunen.`
"""),
)

RULES = (PLACEHOLDER,)

# "FYLL I:" (any case, any spacing, before a colon) starting the text; an
# instruction "Skriv … här"; a starter's token such as __KOMMUN__ or __KOD__.
_PLACEHOLDER = re.compile(
    r"\A\s*fyll\s+i\s*:|\bskriv\b[^.!?\n]{0,80}?\bhär\b|__[A-ZÅÄÖ]+__",
    re.IGNORECASE,
)
# Cheap tests that rule most texts out before the expression runs.
_HINTS = ("fyll", "FYLL", "Fyll", "här", "__")


def is_placeholder(text: str) -> bool:
    if any(hint in text for hint in _HINTS) and _PLACEHOLDER.search(text) is not None:
        return True
    return " ".join(text.split()) in _unmarked()[0]


@cache
def _unmarked() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Earlier starters' unmarked placeholders, and what a file holding any placeholder holds.

    The parts are a part of every marked placeholder (`_PARTS`) and the
    beginning of every unmarked one, less those that hold another part (a
    text holding "Skriv visionen" holds "kriv"). A file holds a placeholder
    only if it holds one of them, and holds one exactly when one of the
    patterns finds one: a pattern for the parts that start with each
    character. The engine finds a pattern that starts with one character
    (or a longer common beginning, "Nämndens ") by skipping to that
    character; one pattern of all the parts tested every character of the
    text against the set of their first characters, and cost about
    two thirds more than these (a dozen searches of plain alternatives, of
    every file, in a lint of the corpus the largest rule).
    """
    path = Path(__file__).resolve().parents[1] / "data" / "placeholders.json"
    texts = [" ".join(t.split()) for t in json.loads(path.read_text(encoding="utf-8"))["unmarked"]]
    parts = dict.fromkeys([*_PARTS, *(text[:20] for text in texts)])
    needed = [p for p in parts if not any(q != p and q in p for q in parts)]
    by_first: dict[str, list[str]] = {}
    for part in needed:
        by_first.setdefault(part[0], []).append(part)
    patterns = tuple(re.compile("|".join(map(re.escape, same))) for same in by_first.values())
    return frozenset(texts), patterns


def check(context: RuleContext) -> Iterator[Finding]:
    for document in context.repository.all_documents():
        if document.text is not None and not _may_hold_one(document.text):
            continue  # most files: one look at the text instead of a walk over every value
        for path, text in _texts(document.data, ()):
            if is_placeholder(text):
                line, column = document.locate(path)
                yield PLACEHOLDER.at(document.file, line, column, path, placeholder=shown(text))


def _may_hold_one(text: str) -> bool:
    return any(pattern.search(text) is not None for pattern in _unmarked()[1])


# Parts of every placeholder, in the cases it may be written in.
_PARTS = ("yll", "YLL", "kriv", "KRIV", "__")


def _texts(value: Any, path: PathInDocument) -> Iterator[tuple[PathInDocument, str]]:
    """Every text value with its path, in the order written."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for position, child in enumerate(value):
            yield from _texts(child, (*path, position))
