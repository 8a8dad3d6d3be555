"""Where a value stands in a file, said in a planner's words for schema findings.

`goals[1].indicators[0].targets` is a developer's path; a planner reads
"målvärdena för indikatorn ”Andel nöjda” under målet ”Fler nöjda”". A goal,
an indicator or another titled part is named by its title (or by its number
when it has none), the keys most findings are about by a word, and any other
key as it is written in the file, in quotes.
"""

from __future__ import annotations

from typing import Any

from styr.findings import PathInDocument
from styr.i18n import NC_, translate
from styr.schema_texts import Pair, shown

LANGUAGES = ("sv", "en")

# A list of titled parts: (one of them by its title, one by its number).
PARTS: dict[str, tuple[str, str]] = {
    "goals": (NC_("place", "the goal “{title}”"), NC_("place", "goal {number}")),
    "indicators": (
        NC_("place", "the indicator “{title}”"),
        NC_("place", "indicator {number}"),
    ),
    "areas": (NC_("place", "the area “{title}”"), NC_("place", "area {number}")),
    "waypoints": (NC_("place", "the waypoint “{title}”"), NC_("place", "waypoint {number}")),
    "values": (NC_("place", "the core value “{title}”"), NC_("place", "core value {number}")),
    "assignments": (
        NC_("place", "the assignment “{title}”"),
        NC_("place", "assignment {number}"),
    ),
    "activities": (NC_("place", "the activity “{title}”"), NC_("place", "activity {number}")),
    "documents": (
        NC_("place", "the steering document “{title}”"),
        NC_("place", "steering document {number}"),
    ),
    "outcomes": (NC_("place", "the outcome “{title}”"), NC_("place", "outcome {number}")),
    "analyses": (NC_("place", "the analysis “{title}”"), NC_("place", "analysis {number}")),
}

# The keys findings are most often about, by a word.
KEYS: dict[str, str] = {
    "title": NC_("place", "the title"),
    "text": NC_("place", "the text"),
    "targets": NC_("place", "the targets"),
    "milestones": NC_("place", "the milestones"),
    "baseline": NC_("place", "the baseline"),
    "horizon": NC_("place", "the horizon"),
    "value": NC_("place", "the value"),
    "year": NC_("place", "the year"),
    "mission": NC_("place", "the mission"),
    "direction": NC_("place", "the direction"),
}

# One entry of a list, by a word where the list has one.
ENTRIES: dict[str, str] = {
    "targets": NC_("place", "target {number}"),
    "milestones": NC_("place", "milestone {number}"),
}

KEY_AS_WRITTEN = NC_("place", "'{key}'")
ENTRY_OF_LIST = NC_("place", "item {number} in {list}")
# Joining the words, inner to outer: a key inside a key, a key of a part, a part under a part.
INSIDE = NC_("place", "{inner} in {outer}")
OF_PART = NC_("place", "{inner} of {outer}")
UNDER = NC_("place", "{inner} under {outer}")


def place(data: Any, path: PathInDocument) -> Pair | None:
    """Where `path` stands in `data`, in Swedish and English; None for the whole document."""
    if not path:
        return None
    sv, en = (_described(data, path, language) for language in LANGUAGES)
    return sv, en


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _described(data: Any, path: PathInDocument, language: str) -> str:
    parts: list[str] = []  # titled parts, outer first
    keys: list[str] = []  # what stands below the innermost part, outer first
    node: Any = data
    position = 0
    while position < len(path):
        step = path[position]
        child = _child(node, step)
        following = path[position + 1] if position + 1 < len(path) else None
        if isinstance(step, str) and step in PARTS and isinstance(following, int):
            entry = _child(child, following)
            parts.append(_part(step, following, entry, language))
            keys = []
            node, position = entry, position + 2
            continue
        keys[-1:] = _key(step, path[position - 1] if position else None, keys[-1:], language)
        node, position = child, position + 1
    return _joined(parts, keys, language)


def _joined(parts: list[str], keys: list[str], language: str) -> str:
    inner = ""
    for key in reversed(keys):
        inner = key if not inner else translate(INSIDE, language, inner=inner, outer=key)
    if not parts:
        return inner
    inner = translate(OF_PART, language, inner=inner, outer=parts[-1]) if inner else parts[-1]
    for outer in reversed(parts[:-1]):
        inner = translate(UNDER, language, inner=inner, outer=outer)
    return inner


def _part(list_key: str, index: int, entry: Any, language: str) -> str:
    named, numbered = PARTS[list_key]
    title = _title(entry, language)
    if title:
        return translate(named, language, title=title)
    return translate(numbered, language, number=index + 1)


def _key(step: str | int, above: str | int | None, last: list[str], language: str) -> list[str]:
    """The words for `step`, with the key before it (`last`, replaced where an entry names it)."""
    if isinstance(step, str):
        return [*last, _key_word(step, language)]
    if isinstance(above, str) and above in ENTRIES:
        return [translate(ENTRIES[above], language, number=step + 1)]
    listed = last[0] if last else ""
    return [translate(ENTRY_OF_LIST, language, number=step + 1, list=listed).strip()]


def _key_word(key: str, language: str) -> str:
    if key in KEYS:
        return translate(KEYS[key], language)
    return translate(KEY_AS_WRITTEN, language, key=shown(key))


def _title(entry: Any, language: str) -> str:
    if not isinstance(entry, dict):
        return ""
    title = entry.get("title", entry.get("name"))
    if isinstance(title, dict):  # written in both languages: {sv: …, en: …}
        title = title.get(language) or title.get("sv")
    return shown(title.strip()) if isinstance(title, str) and title.strip() else ""


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None
