"""Values from the params as a sentence shows them, in the run's language and the format's escaping.

A `Style` is how one output format writes a value from the files (escaped
for the format) and the two sides of a word diff; `Said` is a change being
said, with its subject ("Målet ”Fler i arbete”") and its params. Numbers are
written the language's way (72,8 in Swedish), years and periods as written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from styr.diff.changes import Change
from styr.diff.texts import (
    FIELD_NAMED,
    FIELD_UNNAMED,
    FIELDS,
    OWNED_FIELDS,
    SUBJECT_KIND,
    SUBJECT_OTHER,
    SUBJECTS,
    UNTITLED,
    text,
)
from styr.i18n import Text, translate
from styr.plain_values import number

_SPACES = re.compile(r"\s+")
# Unchanged words kept on each side of a change in a long reworded text.
_CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class Style:
    """How one output format writes a value from the files and the two sides of a word diff."""

    value: Callable[[str], str]  # a value from the files, escaped for the format
    deleted: Callable[[str], str]  # an escaped run of words the new side no longer has
    inserted: Callable[[str], str]  # an escaped run of words the new side brings


def plain_words(value: str) -> str:
    """A value on one line: every run of spaces and line breaks one space."""
    return _SPACES.sub(" ", value)


# Text without escaping (JSON escapes as it serialises): the word diff as wdiff writes it.
PLAIN = Style(
    value=lambda value: plain_words(value).strip(),
    deleted=lambda words: f"[-{words}-]",
    inserted=lambda words: f"{{+{words}+}}",
)


@dataclass(frozen=True, slots=True)
class Said:
    change: Change
    language: str
    style: Style
    # Organisation id -> name: a value naming an organisation (`adopted_by: kommunfullmaktige`)
    # is said by its name.
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def params(self) -> dict[str, Any]:
        return self.change.params

    @property
    def subject(self) -> str:
        change = self.change
        title = change.title or change.id or translate(UNTITLED, self.language)
        kind_name = self.params.get("kind_name")
        if isinstance(kind_name, str) and kind_name.strip():
            # The model's own word for the kind; a subject starts its sentence.
            kind = self.style.value(kind_name.strip()[:1].upper() + kind_name.strip()[1:])
            return translate(SUBJECT_KIND, self.language, kind=kind, title=self.style.value(title))
        template = SUBJECTS.get(change.category, SUBJECT_OTHER)
        return translate(template, self.language, title=self.style.value(title))

    def say(self, key: str, /, **params: object) -> str:
        return text(key, self.language, subject=self.subject, **params)

    def value(self, value: Any) -> str:
        return shown_value(value, self.language, self.style)

    def organisation(self, value: Any) -> str:
        """A value that names an organisation, by the organisation's name where it is known."""
        if isinstance(value, str) and value in self.names:
            return self.style.value(self.names[value])
        return self.value(value)

    def year(self) -> str:
        return self.style.value(str(self.params.get("year", "")))


def shown_value(value: Any, language: str, style: Style) -> str:
    """A value from the params as a reader sees it: numbers in the language's way."""
    if value is None:
        return text("none", language)
    if isinstance(value, bool):
        return text("yes" if value else "no", language)
    if isinstance(value, float) and not math.isfinite(value):
        return style.value(str(value))
    if isinstance(value, int | float):
        return number(value, language)
    if isinstance(value, dict):
        return _shown_mapping(value, language, style)
    if isinstance(value, list | tuple):
        return ", ".join(shown_value(item, language, style) for item in value)
    return style.value(str(value))


def _shown_mapping(value: dict[str, Any], language: str, style: Style) -> str:
    if "value" in value:
        shown = shown_value(value["value"], language, style)
        if "women" in value or "men" in value:
            women = shown_value(value.get("women"), language, style)
            men = shown_value(value.get("men"), language, style)
            shown = text("outcome_by_sex", language, value=shown, women=women, men=men)
        if value.get("year") is not None:
            year = style.value(str(value["year"]))
            shown = text("value_in_year", language, value=shown, year=year)
        return shown
    if "min" in value or "max" in value:
        low, high = value.get("min"), value.get("max")
        if low is not None and high is not None:
            return text(
                "range_between",
                language,
                low=shown_value(low, language, style),
                high=shown_value(high, language, style),
            )
        if low is not None:
            return text("range_from", language, low=shown_value(low, language, style))
        return text("range_to", language, high=shown_value(high, language, style))
    name = value.get("name")
    if isinstance(name, dict):  # a name in several languages
        name = name.get(language) or next(iter(name.values()), None)
    if isinstance(name, str):
        return quoted(style.value(name), language)
    return text("none", language) if not value else ""


def quoted(shown: str, language: str) -> str:
    return text("quoted", language, text=shown)


def listed(items: Sequence[str], language: str) -> str:
    """ "A, B och C": names in a sentence."""
    if not items:
        return text("none", language)
    if len(items) == 1:
        return items[0]
    return text("listed", language, first=", ".join(items[:-1]), last=items[-1])


def field_name(c: Said, fallback: Text | None = None) -> str:
    """The change's field (`mission.text`, `name.sv`, `milestones.text`) as a reader says it.

    The whole dotted name, else its ends, else its first part; a field none of
    them names is said by its key as written ("värdet ”horizon”"), or `fallback`.
    A field of a target, a milestone, an outcome or an analysis says whose it
    is: "kommentaren till etappmålet för 2024".
    """
    field = str(c.params.get("field") or "")
    parts = field.split(".")
    name = None
    # The whole name, then shorter and shorter ends of it (`citation.url`, `url`), then
    # its first part (`name` of `name.sv`).
    candidates = [".".join(parts[start:]) for start in range(len(parts))] + [parts[0]]
    for candidate in candidates:
        known = FIELDS.get(candidate)
        if known is not None:
            name = translate(known, c.language)
            break
    if name is None:
        if not field:
            name = translate(FIELD_UNNAMED, c.language)
        elif fallback is not None:
            name = translate(fallback, c.language)
        else:
            name = translate(FIELD_NAMED, c.language, field=c.style.value(field))
    owner = OWNED_FIELDS.get(parts[0]) if len(parts) > 1 or parts[0] == "analysis" else None
    if owner is None:
        return name
    year = c.params.get("year")
    period = c.params.get("period")
    return translate(
        owner,
        c.language,
        field=name,
        year=c.style.value(str(year if year is not None else "")),
        period=c.style.value(str(period if period is not None else "")),
    )


def quoted_value(c: Said, value: Any) -> str:
    """A value in a sentence: a text in quotes, so that it reads apart from the words around it."""
    if isinstance(value, str):
        return quoted(c.style.value(value), c.language)
    if isinstance(value, list | tuple) and value:
        return listed([quoted_value(c, item) for item in value], c.language)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a year, a horizon or a count: as written, without a thousands space
    return c.value(value)


def word_diff(words: Any, style: Style) -> str:
    """`[[op, text], ...]` on one line, `[-removed-] {+added+}` in the style's marks.

    Long unchanged runs are shortened to a few words next to each change; the
    spaces at the ends of a run stay outside its marks, which Markdown needs.
    """
    if not isinstance(words, list):
        return ""
    pieces = [w for w in words if isinstance(w, list | tuple) and len(w) == 2]
    shown: list[str] = []
    previous = ""
    for position, (op, run) in enumerate(pieces):
        run = plain_words(str(run))
        if op == "=":
            run = _shortened(run, first=position == 0, last=position == len(pieces) - 1)
        core = run.strip()
        lead = " " if run[:1] == " " or (previous == "-" and op == "+") else ""
        trail = " " if run[-1:] == " " else ""
        if core:
            marked = {"-": style.deleted, "+": style.inserted}.get(str(op))
            escaped = style.value(core)
            shown.append(f"{lead}{marked(escaped) if marked else escaped}{trail}")
        else:
            shown.append(lead or trail)
        previous = str(op)
    return plain_words("".join(shown)).strip()


def _shortened(run: str, first: bool, last: bool) -> str:
    """An unchanged run of words: whole when short, else its ends next to the changes."""
    words = run.split(" ")
    if len(words) <= 2 * _CONTEXT_WORDS + 1:
        return run
    head = [] if first else words[: _CONTEXT_WORDS + 1]
    tail = [] if last else words[-_CONTEXT_WORDS - 1 :]
    return " ".join([*head, "…", *tail])
