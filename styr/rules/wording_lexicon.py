"""G002's lexicon: every surface form of the listed words, and looking words up.

Builds, once per set of options, a table from each inflected form of the
verbs in styr.rules.wording_words (conjugated by group, with their irregular
forms) to its lemma, kind and form, and a table of nouns with their inflected
and genitive endings, including the nouns made from activity verbs
("granskning", "genomförande") and a municipality's own extra words. A noun
is looked up as the end of a compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from styr.rules.wording_text import normalise
from styr.rules.wording_words import (
    FINITE,
    NOUNS,
    PRONOUNS,
    VERBS,
    Form,
    NounKind,
    VerbForm,
    VerbKind,
)

# Endings that inflected and genitive forms of the listed nouns can carry.
_NOUN_ENDINGS = (
    "", "n", "en", "et", "t", "na", "ena", "er", "erna", "ar", "arna", "or", "orna", "r", "rna",
    "s", "ns", "ens", "ets", "ts", "nas", "enas", "ers", "ernas", "ars", "arnas", "ors", "ornas",
    "rs", "rnas",
)  # fmt: skip


# The verb forms the grammar asks about by word ("can it be finite?"). G002
# asks for every word of every goal, and a set of the words that answer yes,
# made once per lexicon, answers in one lookup where going through a word's
# forms hashed an Enum (a Python-level __hash__) for each of them.
_INFINITIVES = frozenset((Form.INF, Form.INF_PASS))
_NON_FINITE = frozenset((Form.INF, Form.INF_PASS, Form.SUP, Form.SUP_PASS))
_OPENING = frozenset((Form.INF, Form.IMP))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every surface form of the listed verbs and nouns, for looking words up."""

    verbs: dict[str, tuple[VerbForm, ...]]
    nouns: dict[str, NounKind]
    longest_noun: int
    # The words with a form of each group above, derived from `verbs` (_words_with).
    finite: frozenset[str] = frozenset()
    infinitive: frozenset[str] = frozenset()
    non_finite: frozenset[str] = frozenset()
    opening: frozenset[str] = frozenset()
    # Each word's noun kind once found (noun_kind): the same words recur in
    # goal after goal, and finding one tries every ending of the word.
    known_kinds: dict[str, NounKind | None] = field(default_factory=dict, compare=False)


def _words_with(verbs: dict[str, tuple[VerbForm, ...]], forms: frozenset[Form]) -> frozenset[str]:
    return frozenset(word for word, found in verbs.items() if any(f.form in forms for f in found))


def _conjugate(spec: str, kind: VerbKind) -> list[tuple[str, VerbForm]]:
    """Every surface form of one verb spec, e.g. "stärka/2" or "ge/3|gett,givit"."""
    head, _, extras = spec.partition("|")
    words, _, group = head.partition("/")
    lemma, _, particle = words.partition("_")
    forms = _regular_forms(lemma, group) + [
        _irregular(extra) for extra in extras.split(",") if extra
    ]
    return [(word, VerbForm(lemma, kind, form, particle or None)) for word, form in forms]


_TAGS = {"p": Form.PRES, "s": Form.SUP, "d": Form.PART}


def _irregular(extra: str) -> tuple[str, Form]:
    tag, _, word = extra.rpartition(":")
    if tag:
        return word, _TAGS[tag]
    return word, Form.SUP if word.endswith("t") else Form.PART


# Endings of each conjugation group, added to the stem (the lemma without its
# final -a in group 2): (ending, form).
_GROUP_ENDINGS: dict[str, tuple[tuple[str, Form], ...]] = {
    "0": (("", Form.INF),),
    "1": (
        ("", Form.INF), ("", Form.IMP), ("s", Form.INF_PASS), ("r", Form.PRES),
        ("s", Form.PRES_PASS), ("t", Form.SUP), ("ts", Form.SUP_PASS), ("d", Form.PART),
        ("de", Form.PART),
    ),
    "2": (
        ("a", Form.INF), ("", Form.IMP), ("as", Form.INF_PASS), ("er", Form.PRES),
        ("s", Form.PRES_PASS), ("t", Form.SUP), ("ts", Form.SUP_PASS), ("d", Form.PART),
        ("da", Form.PART), ("t", Form.PART),
    ),
    "3": (
        ("", Form.INF), ("", Form.IMP), ("s", Form.INF_PASS), ("r", Form.PRES),
        ("s", Form.PRES_PASS), ("tt", Form.SUP), ("tts", Form.SUP_PASS), ("dd", Form.PART),
    ),
}  # fmt: skip


def _regular_forms(lemma: str, group: str) -> list[tuple[str, Form]]:
    stem = lemma[:-1] if group == "2" else lemma
    forms = []
    for ending, form in _GROUP_ENDINGS[group]:
        if form is Form.PRES and group == "2" and stem.endswith("r"):
            ending = ""  # införa -> inför, göra -> gör
        forms.append((stem + ending, form))
    return forms


@lru_cache(maxsize=32)
def lexicon_for(extra_verbs: tuple[str, ...], extra_nouns: tuple[str, ...]) -> Lexicon:
    """The lexicon with a municipality's extra activity verbs and effort nouns."""
    verbs: dict[str, list[VerbForm]] = {}
    specs = {kind: listed.split() for kind, listed in VERBS.items()}
    for verb in extra_verbs:
        # A municipality's own verb: conjugate it both ways; unused forms cost nothing.
        lemma = normalise(verb).replace(" ", "_")
        specs[VerbKind.ACTIVITY] += [f"{lemma}/1", f"{lemma}/2"]
    for kind, listed in specs.items():
        for spec in listed:
            for word, form in _conjugate(spec, kind):
                verbs.setdefault(word, []).append(form)
    nouns: dict[str, NounKind] = {}
    for noun_kind, listed_nouns in NOUNS.items():
        for noun in listed_nouns.split():
            _add_noun(nouns, noun, noun_kind)
    for spec in specs[VerbKind.ACTIVITY]:
        # The act of an activity verb is an effort: granska -> granskningen,
        # genomföra -> genomförandet. Listed nouns keep their own kind.
        for noun in _nominalisations(spec):
            _add_noun(nouns, noun, NounKind.EFFORT)
    for noun in extra_nouns:
        _add_noun(nouns, normalise(noun), NounKind.EFFORT)
    longest = max(len(word) for word in nouns)
    table = {word: tuple(found) for word, found in verbs.items()}
    return Lexicon(
        table,
        nouns,
        longest,
        finite=_words_with(table, frozenset(FINITE)),
        infinitive=_words_with(table, _INFINITIVES),
        non_finite=_words_with(table, _NON_FINITE),
        opening=_words_with(table, _OPENING),
    )


def _nominalisations(spec: str) -> list[str]:
    head = spec.partition("|")[0]
    lemma, _, group = head.partition("/")
    if "_" in lemma or group not in ("1", "2"):
        return []  # particle and short verbs have irregular nouns, listed where needed
    stem = lemma[:-1]
    if lemma.endswith("era"):
        ning = lemma[:-1] + "ing"  # implementera -> implementering
    elif stem.endswith(("n", "r")):
        ning = stem + "ing"  # samordna -> samordning, förankra -> förankring
    else:
        ning = stem + "ning"  # granska -> granskning
    return [ning, lemma + "nde"]  # genomföra -> genomförande


def _add_noun(nouns: dict[str, NounKind], noun: str, kind: NounKind) -> None:
    for ending in _NOUN_ENDINGS:
        nouns.setdefault(noun + ending, kind)
    # Nouns that drop their last vowel: skola -> skolor, invånare -> invånarna.
    dropped = {"a": ("or", "orna", "ors", "ornas"), "e": ("na", "nas")}.get(noun[-1], ())
    for ending in dropped:
        nouns.setdefault(noun[:-1] + ending, kind)


_RESIDENTS = re.compile(r"bor(na|nas|s)?$")  # "Lundabor", "kommunborna"


# Bounds the memo of noun kinds in a long-running process (the language
# server): a run meets a few thousand words, far fewer than this.
_KNOWN_KINDS_AT_MOST = 100_000


def noun_kind(word: str, lexicon: Lexicon) -> NounKind | None:
    """The kind of a noun, by the longest listed word it ends with (compounds)."""
    known = lexicon.known_kinds
    if word in known:
        return known[word]
    if len(known) >= _KNOWN_KINDS_AT_MOST:
        known.clear()
    kind = known[word] = _find_noun_kind(word, lexicon)
    return kind


def _find_noun_kind(word: str, lexicon: Lexicon) -> NounKind | None:
    if word.endswith("-"):
        return None  # the first half of "kultur- och fritidsnämnden"
    if word in PRONOUNS:
        return PRONOUNS[word]
    word = word.replace("-", "")
    if len(word) > 4 and _RESIDENTS.search(word):
        return NounKind.TARGET  # Lundabor, kommunborna
    for start in range(max(0, len(word) - lexicon.longest_noun), len(word) - 1):
        kind = lexicon.nouns.get(word[start:])
        if kind is not None and (start == 0 or len(word) - start >= 3):
            return kind
    return None


def verb_forms(word: str, lexicon: Lexicon) -> tuple[VerbForm, ...]:
    """Every verb form the word can be; empty when it is no listed verb."""
    return lexicon.verbs.get(word, ())
