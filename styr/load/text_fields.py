"""Which keys hold free text: where a ` #` in an unquoted value cuts a sentence short.

In YAML, ` #` starts a comment, also after a value: `title: Färre brott #1
prioritet` stores "Färre brott". In a title or a description that loses words
without a sign; after a number, a code or an id a comment is what was meant.

The keys are the schemas' free-text properties: string-typed, with no
pattern, enumeration or format (tests/test_text_fields.py holds the list to
the schemas). A text in Swedish and English (`title: {sv: …, en: …}`) and a
list of texts count as the key that holds them.
"""

from __future__ import annotations

from collections.abc import Sequence

TEXT_FIELDS = frozenset(
    {
        "actions",
        "adopted_by",
        "address",
        "assessed_by",
        "comment",
        "description",
        "email",
        "goal",
        "heading",
        "indicator",
        "logo",
        "met",
        "name",
        "no_indicator",
        "no_target",
        "not_followed_up",
        "not_met",
        "partly_met",
        "phone",
        "publisher",
        "response_time",
        "responsible",
        "source",
        "statement",
        "target_group",
        "text",
        "title",
        "unit",
        "url",
        "web",
    }
)
# The languages of a text written in both (`title: {sv: …, en: …}`).
LANGUAGE_KEYS = frozenset({"sv", "en"})


def is_text_field(path: Sequence[str | int]) -> bool:
    """Whether the value at `path` (keys and list positions from the top) is free text."""
    for part in reversed(path):
        if isinstance(part, int) or part in LANGUAGE_KEYS:
            continue  # an entry of a list, or one language of the text: look at what holds it
        return part in TEXT_FIELDS
    return False
