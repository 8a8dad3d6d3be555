"""G002's sentence analysis: a goal's verb groups and noun phrases.

Finds the verbs of a tokenised goal statement (an opening infinitive or
imperative, the main clause's modal or finite verb past relative and
att-clauses, the verb after a modal) and resolves a verb group's particle,
auxiliaries and voice ("ska tas fram", "ska vara framtagen", "ska ha
genomförts"). Classifies a noun phrase by its head noun, its quantifier or
its owner ("elevernas kompetens", "nämndens tillitskultur"). What a clause
then means is decided in styr.rules.wording_verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from styr.rules.wording_lexicon import Lexicon, noun_kind, verb_forms
from styr.rules.wording_words import (
    ACTIVITY,
    ADVERBS,
    DETERMINERS,
    DONE,
    EFFORT,
    MODALS,
    NEUTRAL,
    NP_END,
    ORG,
    PARTICIPLE,
    PASSIVE,
    QUANTIFIERS,
    RELATIVE,
    RESULT,
    SUBORDINATORS,
    SUPINE,
    SUPINE_PASSIVE,
    TARGET,
    NounKind,
    VerbForm,
)


# NounPhrase and VerbGroup are plain slotted dataclasses, not frozen: G002
# makes several of each for every goal, a frozen dataclass's __init__ is
# several times as slow, and nothing keeps or hashes them past one verdict.
@dataclass(slots=True)
class NounPhrase:
    """A noun phrase's kind (None: unknown) and its core words."""

    kind: NounKind | None
    text: str


@dataclass(slots=True)
class VerbGroup:
    """A verb with its particle or auxiliary, as the clause uses it."""

    verb: VerbForm
    start: int  # index of the first token after the verb group
    text: str
    passive: bool
    done: bool = False  # "ska vara framtagen", "ska ha genomförts"


def opening_verb(tokens: list[str], lexicon: Lexicon) -> VerbGroup | None:
    """The verb group of an opening infinitive or imperative ("Erbjuda ...")."""
    if tokens[0] in NP_END and any(
        is_modal(tokens, index) or is_finite(token, lexicon)
        for index, token in enumerate(tokens[1:], start=1)
    ):
        # "Inför 2026 ska fler ..." is a fronted preposition (a finite verb follows);
        # "Inför en modell för ..." the imperative of "införa".
        return None
    if tokens[0] not in lexicon.opening:  # no infinitive or imperative
        return None
    return verb_group(tokens, 0, lexicon)


def main_verb_index(tokens: list[str], lexicon: Lexicon) -> int | None:
    """The index of the main clause's modal or finite verb, skipping subordinate clauses.

    A relative clause ("som kommer i kontakt med") has its verb right after
    "som"; an att-clause runs to its own finite verb or infinitive.
    """
    pending: str | None = None
    # The lexicon's tests written out, and `is_modal` asked only of a
    # modal's word (it is false for any other): this runs over every goal's words.
    finite, infinitive = lexicon.finite, lexicon.infinitive
    for index, token in enumerate(tokens):
        if pending == "relative":
            if token not in ADVERBS:
                pending = None  # this word is the relative clause's verb, known or not
            continue
        if pending == "subordinate":
            if token in MODALS or token in finite or token in infinitive:
                pending = None
            continue
        if token in RELATIVE:
            pending = "relative"
        elif token in SUBORDINATORS:
            pending = "subordinate"
        elif index > 0 and ((token in MODALS and is_modal(tokens, index)) or token in finite):
            return index
    return None


def is_modal(tokens: list[str], index: int) -> bool:
    """Whether the token at `index` is a modal ("ska", "kommer att")."""
    token = tokens[index]
    if token == "kommer":  # only "kommer att" is a modal; "kommer i kontakt" is not
        return index + 1 < len(tokens) and tokens[index + 1] == "att"
    return token in MODALS


def is_finite(token: str, lexicon: Lexicon) -> bool:
    """Whether the token can be a verb in the present tense."""
    return token in lexicon.finite


def next_verb(tokens: list[str], start: int, lexicon: Lexicon) -> int | None:
    """The first non-finite verb after a modal, before any subordinate clause."""
    non_finite = lexicon.non_finite
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token in RELATIVE or token in SUBORDINATORS:
            return None
        if token in non_finite:
            return index
    return None


def verb_group(tokens: list[str], index: int, lexicon: Lexicon) -> VerbGroup | None:
    """The verb at `index` with its particle, auxiliaries and voice resolved."""
    forms = verb_forms(tokens[index], lexicon)
    if not forms:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    particle_verb = _with_particle(forms, following)
    if particle_verb is not None:
        return VerbGroup(
            particle_verb,
            index + 2,
            f"{tokens[index]} {particle_verb.particle}",
            particle_verb.form in PASSIVE,
        )
    verb = _without_particle(forms)
    if verb is None:
        return None
    if verb.lemma in ("vara", "bli"):
        return _copula(tokens, index, verb, lexicon)
    if verb.lemma == "ha":
        perfect = _perfect(tokens, index, lexicon)
        if perfect is not None:
            return perfect
    return VerbGroup(verb, index + 1, tokens[index], verb.form in PASSIVE)


def _without_particle(forms: Iterable[VerbForm]) -> VerbForm | None:
    # A loop, not next() over a generator: made for every verb of every goal,
    # the generator cost more than the search (most words have one form).
    for form in forms:
        if form.particle is None:
            return form
    return None


def _with_particle(forms: Iterable[VerbForm], following: str | None) -> VerbForm | None:
    """The form whose particle is the word that follows the verb (None: no word follows)."""
    # Given the one word, not the rest of the statement: copying the rest for
    # every verb group cost more than looking at its first word.
    for form in forms:
        if form.particle is not None and following == form.particle:
            return form
    return None


def _copula(tokens: list[str], index: int, verb: VerbForm, lexicon: Lexicon) -> VerbGroup:
    """ "vara/bli" + complement: done ("klar"), passive ("bli genomförd") or a state."""
    position = _skip_adverbs(tokens, index + 1)
    if position < len(tokens):
        word = tokens[position]
        text = f"{tokens[index]} {word}"
        if word in DONE:
            return VerbGroup(verb, position + 1, text, passive=True, done=True)
        participle = _participle(verb_forms(word, lexicon))
        if participle is not None:
            done = participle.kind is ACTIVITY
            return VerbGroup(participle, position + 1, text, passive=True, done=done)
    return VerbGroup(verb, index + 1, tokens[index], passive=False)


def _participle(forms: Iterable[VerbForm]) -> VerbForm | None:
    # A loop, not next() over a generator, like `_without_particle`.
    for form in forms:
        if form.form is PARTICIPLE:
            return form
    return None


def _perfect(tokens: list[str], index: int, lexicon: Lexicon) -> VerbGroup | None:
    """ "ha" + supine is the perfect of the supine's verb: "ska ha genomförts"."""
    position = _skip_adverbs(tokens, index + 1)
    if position >= len(tokens):
        return None
    word = tokens[position]
    for form in verb_forms(word, lexicon):
        if form.form in (SUPINE, SUPINE_PASSIVE):
            passive = form.form is SUPINE_PASSIVE
            particle = (
                1 if form.particle and tokens[position + 1 : position + 2] == [form.particle] else 0
            )
            # "ska ha genomförts" reports an output as done; "ska ha deltagit"
            # keeps its subject, which decides as usual.
            done = passive and form.kind is ACTIVITY
            text = " ".join(tokens[index : position + 1 + particle])
            return VerbGroup(form, position + 1 + particle, text, passive, done)
    return None


def _skip_adverbs(tokens: list[str], position: int) -> int:
    while position < len(tokens) and tokens[position] in ADVERBS:
        position += 1
    return position


# --- Noun phrases ----------------------------------------------------------------


def noun_phrase(tokens: Sequence[str], lexicon: Lexicon) -> NounPhrase:
    """The kind of a noun phrase, judged by its core (up to a preposition or clause)."""
    core, end = _core(tokens, lexicon)
    text = " ".join(core)
    if not core:
        return NounPhrase(None, text)
    if core[0] in QUANTIFIERS:
        return NounPhrase(_quantity_kind(core, lexicon), text)
    head_kind = _head_kind(core, tokens[end:], lexicon)
    if head_kind is not None:
        return NounPhrase(head_kind, text)
    return NounPhrase(_owner_kind(core, lexicon), text)


def _quantity_kind(core: list[str], lexicon: Lexicon) -> NounKind | None:
    """ "Antalet insatser" counts efforts; "Andelen elever" and "fler elever" are results;
    "fler bostäder" is a result or an output depending on the verb, so it stays open."""
    counted = [noun_kind(word, lexicon) for word in core[1:]]
    if EFFORT in counted:
        return EFFORT
    # Looked for in the list, not as a set: hashing an Enum runs Python code.
    if core[0].startswith(("andel", "antal")) or RESULT in counted or TARGET in counted:
        return RESULT
    return None


def _core(tokens: Sequence[str], lexicon: Lexicon) -> tuple[list[str], int]:
    """The words before the first preposition, clause or verb, without leading determiners,
    and the index where the core ended."""
    end = 0
    finite = lexicon.finite  # `is_finite` written out: asked of every word of every phrase
    while end < len(tokens):
        token = tokens[end]
        if token in NP_END or token in MODALS or token in finite:
            break
        end += 1
    core = list(tokens[:end])
    while len(core) > 1 and core[0] in DETERMINERS:
        core = core[1:]
    return core, end


def _head_kind(core: list[str], after: Sequence[str], lexicon: Lexicon) -> NounKind | None:
    """The first known kind among coordinated heads: "tryggheten och känslan" -> result."""
    kinds = [noun_kind(head, lexicon) for head in _conjunct_heads(core)]
    if kinds and kinds[-1] is NEUTRAL and after[:1] == ["av"]:
        # "Utveckling av insatser": the av-phrase says what develops.
        return noun_phrase(after[1:], lexicon).kind
    return next((kind for kind in kinds if kind not in (None, NEUTRAL)), None)


def _conjunct_heads(core: list[str]) -> list[str]:
    heads: list[str] = []
    current: list[str] = []
    for token in [*core, "och"]:
        if token in ("och", "eller", ","):
            words = [word for word in current if not word.endswith("-")]
            if words:
                heads.append(words[-1])
            current = []
        else:
            current.append(token)
    return heads


def _owner_kind(core: list[str], lexicon: Lexicon) -> NounKind | None:
    """An unknown head takes its kind from whose it is: a target group's, or internal
    ("intern kompetens", "våra rutiner", "nämndens tillitskultur")."""
    modifiers = core[:-1]
    if any(word.startswith("intern") for word in core) or any(
        word in ("vår", "våra", "vårt") for word in modifiers
    ):
        return ORG
    genitives = [noun_kind(word, lexicon) for word in modifiers if word.endswith("s")]
    if TARGET in genitives:
        return TARGET
    if ORG in genitives:
        return ORG
    return None
