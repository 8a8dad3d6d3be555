"""G002's grammar shortcuts give what the plain reading gives.

The main clause's verb found with the lexicon's tests written out, the enum
members the grammar compares with as plain names, and verdicts made once and
handed out again: each held to the reading it replaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.rules import wording_verdict, wording_words
from styr.rules.wording_clauses import is_finite, is_modal, main_verb_index
from styr.rules.wording_lexicon import lexicon_for
from styr.rules.wording_verdict import Verdict, classify
from styr.rules.wording_words import (
    ADVERBS,
    MODALS,
    PASSIVE,
    RELATIVE,
    SUBORDINATORS,
    Form,
    NounKind,
    VerbKind,
)

LEXICON = lexicon_for((), ())
# Words that steer the search: modals ("kommer" with and without "att"),
# finite verbs and infinitives, relatives, subordinators, adverbs, and others.
_CLAUSE_WORDS = sorted(
    MODALS
    | RELATIVE
    | SUBORDINATORS
    | ADVERBS
    | {"ökar", "erbjuds", "arbeta", "utveckla", "kommer", "att", "fler", "elever", "2026", ","}
)
_TOKENS = st.lists(st.sampled_from(_CLAUSE_WORDS), max_size=12)


def _plain_main_verb_index(tokens: list[str]) -> int | None:
    """`main_verb_index` as first written, with the lexicon's own tests."""
    pending: str | None = None
    for index, token in enumerate(tokens):
        if pending == "relative":
            if token not in ADVERBS:
                pending = None
            continue
        if pending == "subordinate":
            if token in MODALS or is_finite(token, LEXICON) or token in LEXICON.infinitive:
                pending = None
            continue
        if token in RELATIVE:
            pending = "relative"
        elif token in SUBORDINATORS:
            pending = "subordinate"
        elif index > 0 and (is_modal(tokens, index) or is_finite(token, LEXICON)):
            return index
    return None


@settings(max_examples=400)
@given(_TOKENS)
def test_the_main_verb_is_the_one_the_plain_search_finds(tokens: list[str]) -> None:
    assert main_verb_index(tokens, LEXICON) == _plain_main_verb_index(tokens)


def test_the_plain_names_are_the_enum_members() -> None:
    for kind in (NounKind, VerbKind, Form):
        for name, value in vars(wording_words).items():
            if isinstance(value, kind) and name.isupper():
                assert value in kind
    assert wording_words.EFFORT is NounKind.EFFORT
    assert wording_words.SUPINE_PASSIVE is Form.SUP_PASS
    assert wording_words.PARTICIPLE is Form.PART
    assert wording_words.SHAPING is VerbKind.SHAPING


def test_the_passive_forms_are_the_passive_ones() -> None:
    assert {form for form in Form if form in PASSIVE} == {
        Form.INF_PASS,
        Form.PRES_PASS,
        Form.SUP_PASS,
    }


@settings(max_examples=200)
@given(
    st.sampled_from(["Fler", "Andelen", "Nämnden ska", "Öka", "Barn ska"]), st.integers(0, 10**6)
)
def test_a_handed_out_verdict_is_the_verdict_made_afresh(opening: str, number: int) -> None:
    title = f"{opening} elever ska vara nöjda med maten i verksamhet {number}"
    given_out = classify(title)
    wording_verdict._MADE.clear()
    assert classify(title) == given_out
    assert classify(title) is classify(title)  # one object while it is remembered


def test_the_remembered_verdicts_are_bounded() -> None:
    wording_verdict._MADE.clear()
    for number in range(wording_verdict._MADE_AT_MOST + 1):
        wording_verdict._verdict(False, "reason", f"word {number}")
    assert 0 < len(wording_verdict._MADE) <= wording_verdict._MADE_AT_MOST
    assert wording_verdict._verdict(True, "r", "m", "v") == Verdict(True, "r", "m", "v")
