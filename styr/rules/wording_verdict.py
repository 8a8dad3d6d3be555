"""G002's verdict: whether a goal statement is a result or an activity, and why.

`classify` reads a statement's main clause (styr.rules.wording_clauses) and
decides by the verb's kind and who acts on what (see styr.rules.goal_wording
for the grammar in full). An att-clause that carries the goal ("Vi vill att
...", "Säkerställa att ...") is judged as a clause of its own. Each verdict
carries its reason in Swedish and English, from the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from styr.i18n import N_, translate
from styr.rules.wording_clauses import (
    NounPhrase,
    VerbGroup,
    is_modal,
    main_verb_index,
    next_verb,
    noun_phrase,
    opening_verb,
    verb_group,
)
from styr.rules.wording_lexicon import Lexicon, lexicon_for, verb_forms
from styr.rules.wording_text import goal_tokens, normalise
from styr.rules.wording_words import (
    ACTIVITY,
    EFFORT,
    FRONTED,
    MODALS,
    ORG,
    QUANTITY,
    RESULT,
    SHAPING,
    TARGET,
    WORK_PREPOSITIONS,
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What `classify` found: whether the goal is an activity, and why.

    `matched` is the normalised words that decided the verdict (a verb
    group, a noun), or None when nothing in particular did.
    """

    is_activity: bool
    # The reason as marked for the catalogue; `{m}` is what matched, `{verb}`
    # the verb. Translated when a finding says it: most goals pass, and
    # translating each one's reason twice was a tenth of G002's time.
    reason: str
    matched: str | None = None
    verb: str = ""

    @property
    def reason_sv(self) -> str:
        return self._reason("sv")

    @property
    def reason_en(self) -> str:
        return self._reason("en")

    def _reason(self, language: str) -> str:
        return translate(self.reason, language, m=self.matched or "", verb=self.verb)


def classify(
    statement: str,
    *,
    extra_activity_verbs: Sequence[str] = (),
    extra_activity_nouns: Sequence[str] = (),
    allowed_phrases: Sequence[str] = (),
) -> Verdict:
    """Judge one goal statement: result (for those served) or activity/output."""
    text = normalise(statement)
    for phrase in allowed_phrases:
        wanted = normalise(phrase)
        if wanted and wanted in text:
            return _result(N_("allowed by option"), wanted)
    lexicon = lexicon_for(tuple(extra_activity_verbs), tuple(extra_activity_nouns))
    return _classify_clause(goal_tokens(text), lexicon)


def _classify_clause(tokens: list[str], lexicon: Lexicon) -> Verdict:
    if tokens and is_modal(tokens, 0):
        # "ska utveckla samverkansformerna ...": a goal list may leave the subject
        # out; what follows the modal reads like an opening infinitive.
        tokens = tokens[2:] if tokens[0] == "kommer" else tokens[1:]
    if not tokens:
        return _result(N_("the goal has no words to judge"), None)
    opening = opening_verb(tokens, lexicon)
    if opening is not None:
        # "Erbjuda ...", "Öka ...": the organisation is the implied subject.
        return _decide(NounPhrase(ORG, ""), opening, tokens, lexicon)
    main = main_verb_index(tokens, lexicon)
    if main is None:
        return _judge_noun_goal(tokens, lexicon)
    if tokens[main] in MODALS:
        return _after_modal(tokens, main, lexicon)
    subject = noun_phrase(tokens[:main], lexicon)
    group = verb_group(tokens, main, lexicon)
    if group is None:
        return _judge_by_subject(subject)
    return _decide(subject, group, tokens, lexicon)


def _after_modal(tokens: list[str], modal: int, lexicon: Lexicon) -> Verdict:
    following = modal + 1
    if tokens[modal] == "kommer":
        following += 1  # "kommer att"
    if following < len(tokens) and tokens[following] == "att":
        # "Vi vill att fler ..." : the att-clause is the goal.
        return _classify_clause(tokens[following + 1 :], lexicon)
    verb_index = next_verb(tokens, following, lexicon)
    before = tokens[:modal]
    if before and (before[0] in FRONTED or before[0].isdigit()):
        # V2 order after a fronted adverbial: "Vid årets slut ska <subject> <verb>".
        subject_tokens = tokens[following : verb_index if verb_index is not None else len(tokens)]
    else:
        subject_tokens = before
    subject = noun_phrase(subject_tokens, lexicon)
    if verb_index is None:
        return _judge_by_subject(subject)
    group = verb_group(tokens, verb_index, lexicon)
    if group is None:
        return _judge_by_subject(subject)
    return _decide(subject, group, tokens, lexicon)


# --- Deciding --------------------------------------------------------------------


def _decide(subject: NounPhrase, group: VerbGroup, tokens: list[str], lexicon: Lexicon) -> Verdict:
    kind = group.verb.kind
    if group.done:
        return _activity(
            N_("the goal is that an output is finished ('{m}')"),
            group.text,
        )
    if subject.kind is TARGET and not group.passive:
        return _result(
            N_("the target group is the subject of the verb ('{m}')"),
            subject.text,
        )
    if kind is ACTIVITY:
        return _decide_activity_verb(subject, group, tokens)
    if kind in (QUANTITY, SHAPING):
        return _decide_change_verb(subject, group, tokens, lexicon)
    return _decide_state_verb(subject, group, tokens, lexicon)


def _decide_activity_verb(subject: NounPhrase, group: VerbGroup, tokens: list[str]) -> Verdict:
    if group.passive:
        return _activity(
            N_("the goal says something shall be done ('{m}'), not what it should lead to"),
            group.text,
        )
    if subject.kind is RESULT:
        return _result(N_("the subject is a result ('{m}')"), subject.text)
    matched = group.text
    if tokens[group.start : group.start + 1] and tokens[group.start] in WORK_PREPOSITIONS:
        matched = f"{matched} {tokens[group.start]}"
    return _activity(
        N_("the goal describes what the organisation does ('{m}'), not the result it should bring"),
        matched,
    )


def _decide_change_verb(
    subject: NounPhrase, group: VerbGroup, tokens: list[str], lexicon: Lexicon
) -> Verdict:
    """öka/minska move a result unless it is an effort; utveckla/stärka make an output
    unless what they shape is a result or a target group's."""
    shaping = group.verb.kind is SHAPING
    changed = subject
    if not group.passive and subject.kind is not RESULT:
        # Transitive: the object changes. A result subject ("Tryggheten ska öka och
        # nå ...") reads intransitively, whatever follows.
        object_tokens = _object_tokens(tokens, group.start, lexicon)
        if object_tokens[:1] == ["att"]:
            # "säkerställa att alla elever ...": the att-clause is what is made true.
            return _classify_clause(object_tokens[1:], lexicon)
        changed_object = noun_phrase(object_tokens, lexicon)
        if changed_object.text:
            changed = changed_object
    if changed.kind is EFFORT or (shaping and changed.kind is ORG):
        return _activity(
            N_("'{verb}' concerns the organisation's own work ('{m}'), not those it serves"),
            changed.text or group.text,
            group.text,
        )
    if changed.kind in (RESULT, TARGET) or not shaping:
        words = (changed.text, group.text) if changed is subject else (group.text, changed.text)
        return _result(
            N_("the goal states a change in a result ('{m}')"),
            " ".join(words).strip(),
        )
    return _activity(
        N_("'{verb}' concerns something the organisation makes ('{m}'), not a result for anyone"),
        changed.text or group.text,
        group.text,
    )


def _object_tokens(tokens: list[str], start: int, lexicon: Lexicon) -> list[str]:
    """What follows the verb, past coordinated verbs: "Bibehålla och utveckla X" -> X."""
    position = start
    while position + 1 < len(tokens) and tokens[position] in ("och", "samt", ","):
        if not verb_forms(tokens[position + 1], lexicon):
            break
        position += 2
    return tokens[position:]


def _decide_state_verb(
    subject: NounPhrase, group: VerbGroup, tokens: list[str], lexicon: Lexicon
) -> Verdict:
    if subject.kind is EFFORT:
        return _activity(
            N_("the goal is about the organisation's own work or output ('{m}')"),
            subject.text,
        )
    if group.verb.lemma == "ha" and subject.kind in (ORG, None):
        owned = noun_phrase(tokens[group.start :], lexicon)
        if owned.kind is EFFORT:
            return _activity(
                N_("the goal is that the organisation has some work or output ('{m}')"),
                owned.text,
            )
    return _result(
        N_("the goal describes a state or an experience ('{m}')"),
        group.text,
    )


def _judge_by_subject(subject: NounPhrase) -> Verdict:
    if subject.kind is EFFORT:
        return _activity(
            N_("the goal is about the organisation's own work or output ('{m}')"),
            subject.text,
        )
    return _result(N_("no activity verb was found"), subject.text or None)


_ACTION_NOUN = re.compile(r"\w+(ande|ende)")  # "Genomförande av ...", an action as a noun


def _judge_noun_goal(tokens: list[str], lexicon: Lexicon) -> Verdict:
    """A goal without a verb: "Översyn av ...", "Fler nyetablerade företag"."""
    first = tokens[0]
    if _ACTION_NOUN.fullmatch(first) and tokens[1:2] == ["av"]:
        return _activity(
            N_("the goal is an action turned into a noun ('{m}')"),
            f"{first} av",
        )
    phrase = noun_phrase(tokens, lexicon)
    return _judge_by_subject(phrase)


# Verdicts repeat: many goals get the same reason for the same words ("fler
# elever", "ska öka") though their titles differ, and a frozen dataclass is
# slow to make (each field set through object.__setattr__, about 1.5 µs). Each
# distinct verdict is made once and handed out again; it cannot be changed,
# so sharing it is safe. Bounded for a long-running process (the language server).
_MADE: dict[tuple[bool, str, str | None, str], Verdict] = {}
_MADE_AT_MOST = 10_000


def _verdict(is_activity: bool, reason: str, matched: str | None, verb: str = "") -> Verdict:
    """A verdict and its reason: `{m}` is what matched, `{verb}` the verb."""
    key = (is_activity, reason, matched or None, verb)
    made = _MADE.get(key)
    if made is None:
        if len(_MADE) >= _MADE_AT_MOST:
            _MADE.clear()
        made = _MADE[key] = Verdict(*key)
    return made


def _activity(reason: str, matched: str, verb: str = "") -> Verdict:
    return _verdict(True, reason, matched, verb)


def _result(reason: str, matched: str | None) -> Verdict:
    return _verdict(False, reason, matched)
