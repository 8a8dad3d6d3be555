"""styr diff's Swedish sentences in a planner's words: git is named, a repository is not."""

from __future__ import annotations

import re

import pytest

from styr.diff.messages import DIFF_MESSAGES
from styr.diff.texts import SENTENCES, TEXTS
from styr.i18n import Text, translate

# Words a planner does not use for a folder kept in git, nor for a part of the model
# (the file styr.yaml is named as it is).
DEVELOPER_WORDS = re.compile(
    r"repositori|förråd|\bslaget\b|(?<!styr\.)\byaml\b|\bschema", re.IGNORECASE
)

EVERY_TEXT: dict[str, Text] = {**DIFF_MESSAGES, **SENTENCES, **TEXTS}


@pytest.mark.parametrize("key", sorted(EVERY_TEXT))
def test_a_swedish_sentence_of_styr_diff_has_no_developer_words(key: str) -> None:
    swedish = translate(EVERY_TEXT[key], "sv")
    assert not DEVELOPER_WORDS.search(swedish), swedish
