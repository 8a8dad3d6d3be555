"""The rules' shortcuts give what a straightforward reading of each rule gives.

Each shortcut (a set of words made once, a memo, one search before several)
is held here to the plain reading it replaced, over varied inputs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.i18n import both_languages
from styr.model.index import Element, build_index
from styr.model.repository import load_repository
from styr.rules import ambition, caseless, partial_influence, vague_goal, wording_text
from styr.rules.context import GOAL_CATEGORIES, RuleContext, number
from styr.rules.indicator_complete import missing_parts
from styr.rules.wording_clauses import is_finite, next_verb, opening_verb, verb_group
from styr.rules.wording_lexicon import _find_noun_kind, lexicon_for, noun_kind, verb_forms
from styr.rules.wording_text import goal_tokens, normalise
from styr.rules.wording_words import FINITE, Form

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / "helsingborg", ROOT / "examples" / "huddinge"]
LEXICONS = [lexicon_for((), ()), lexicon_for(("certifiera", "lägga om"), ("tillitsresa",))]

# Words to look up: every listed form, and words that are none (compounds, numbers).
WORDS = sorted(
    {word for lexicon in LEXICONS for word in (*lexicon.verbs, *lexicon.nouns)}
    | {"", "x", "25101", "kultur-", "kommunborna", "lundabor", "värdegrundsarbete", "vi"}
)
_WORD = st.sampled_from(WORDS) | st.text("abcdeikmnorstuvåäö-", max_size=14)


def test_the_verb_word_sets_say_what_the_forms_say() -> None:
    for lexicon in LEXICONS:
        for word in WORDS:
            forms = {form.form for form in verb_forms(word, lexicon)}
            assert is_finite(word, lexicon) == bool(forms & FINITE)
            assert (word in lexicon.infinitive) == bool(forms & {Form.INF, Form.INF_PASS})
            assert (word in lexicon.opening) == bool(forms & {Form.INF, Form.IMP})
            non_finite = {Form.INF, Form.INF_PASS, Form.SUP, Form.SUP_PASS}
            assert (next_verb([word], 0, lexicon) == 0) == bool(forms & non_finite)


def test_an_opening_verb_is_an_infinitive_or_imperative_with_its_group() -> None:
    lexicon = LEXICONS[0]
    for word in WORDS:
        tokens = [word, "samverkan"]
        plain = any(f.form in (Form.INF, Form.IMP) for f in verb_forms(word, lexicon))
        expected = verb_group(tokens, 0, lexicon) if plain else None
        assert opening_verb(tokens, lexicon) == expected


@given(st.lists(_WORD, max_size=30))
@settings(max_examples=200, deadline=None)
def test_a_remembered_noun_kind_is_the_kind_found_afresh(words: list[str]) -> None:
    for lexicon in LEXICONS:
        for word in words * 2:  # the second time from the memo
            assert noun_kind(word, lexicon) == _find_noun_kind(word, lexicon)


def _normalise_plainly(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!;•*-\t")


_ODD_CHARACTERS = " \t\n\u00a0\u2003\u2028.!;•*-–—\u2212\"'‘’“”«»aÅåäöA\u030aO\u0308ſK"


@given(st.text(_ODD_CHARACTERS, max_size=20) | st.text(max_size=20))
@settings(max_examples=500, deadline=None)
def test_normalising_is_the_plain_substitutions(text: str) -> None:
    assert normalise(text) == _normalise_plainly(text)


_TOKEN_CHARACTERS = " aeiklnrståäöéü0123456789-/%,;:().!'–A"


@given(st.text(_TOKEN_CHARACTERS, max_size=30) | st.text(max_size=20))
@settings(max_examples=500, deadline=None)
def test_a_statement_is_split_into_the_tokens_the_token_pattern_finds(text: str) -> None:
    for statement in (text, normalise(text), f"mål 3: {normalise(text)}"):
        plain = wording_text._TOKEN.findall(wording_text._strip_frames(statement))
        assert goal_tokens(statement) == plain


@given(
    st.dictionaries(
        st.sampled_from(["title", "name", "id"]),
        st.none() | st.integers() | st.text(max_size=3),
    ),
    st.none() | st.text(max_size=3),
)
def test_an_elements_title_is_its_title_else_its_name_else_its_id(
    data: dict[str, object], element_id: str | None
) -> None:
    element = Element(element_id, "goal", _REPOSITORY.manifest, (), data)
    written = [data.get(key) for key in ("title", "name")]
    assert element.title == next((v for v in written if isinstance(v, str)), element_id or "")


def _topic_named_plainly(title: str, extra: list[str]) -> dict[str, str] | None:
    """G006's topic as its rule reads: the first topic that a word of the title starts."""
    for pattern, label, _ in partial_influence._TOPICS:
        if re.search(rf"\b({pattern})", title, re.IGNORECASE):
            return both_languages("topic", label)
    for topic in extra:
        if re.search(rf"\b({re.escape(topic.lower())})", title, re.IGNORECASE):
            return {"topic": topic}
    return None


_TODAY = date(2026, 12, 1)
_REPOSITORY = load_repository(EXAMPLES[0])
_TITLE_PARTS = st.sampled_from(
    [
        "Arbetslösheten", "ARBETSLÖSHET", "sysselsättningsgraden", "antalet jobb", "jobben",
        "nya företag", "Befolkningsökningen", "invånarantalet", "antal invånare", "ranking",
        "företagsklimatet", "ekonomiska tillväxten", "BNP", "bostadspriserna", "huspris",
        "ska", "minska", "öka", "i", "Helsingborg", "-", "x", "ſysselsättning", "företagsklimat",
        "hamnen", "båtliv", "",
    ]
)  # fmt: skip


@given(st.lists(_TITLE_PARTS, max_size=6), st.sampled_from([[], ["Hamnen"], ["båt", ""]]))
@settings(max_examples=300, deadline=None)
def test_partial_influence_finds_the_topic_a_search_per_topic_finds(
    parts: list[str], extra: list[str]
) -> None:
    title = " ".join(parts) or "Mål"
    index = build_index(_REPOSITORY)
    written = next(e for e in index.elements if e.category == "goal")
    goal = replace(written, data={**written.data, "title": title})  # its title is made with it
    index.elements = [goal]
    context = RuleContext(_REPOSITORY, index, {"extra_topics": extra}, _TODAY)
    findings = list(partial_influence.check(context))
    expected = _topic_named_plainly(title, extra)
    assert [f.params for f in findings] == (
        [] if expected is None else [{"title": title, **expected}]
    )


def test_the_context_finds_the_elements_the_index_finds() -> None:
    for root in EXAMPLES:
        repository = load_repository(root)
        index = build_index(repository)
        context = RuleContext(repository, index, {}, _TODAY)
        goals = [e for e in index.elements if e.category in GOAL_CATEGORIES]
        assert context.goals() == goals and context.goals() is context.goals()
        for category in {e.category for e in index.elements} | {"no such category"}:
            assert context.of_category(category) == index.of_category(category)
        for element in index.elements:
            indicators = [e for e in index.children(element) if e.category == "indicator"]
            assert [id(e) for e in context.indicators_of(element)] == [id(e) for e in indicators]
        by_id = {e.id: e for e in index.elements if e.category == "indicator" and e.id}
        assert {k: id(e) for k, e in context.indicators_by_id().items()} == {
            k: id(e) for k, e in by_id.items()
        }


def test_indicators_by_id_keep_the_later_of_two_with_one_id() -> None:
    index = build_index(_REPOSITORY)
    first, second = [e for e in index.elements if e.category == "indicator"][:2]
    second = replace(second, id=first.id)
    index.elements = [first, second]
    context = RuleContext(_REPOSITORY, index, {}, _TODAY)
    assert first.id is not None and context.indicators_by_id()[first.id] is second


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3)))
def test_a_number_is_an_int_or_float_but_no_boolean(value: object) -> None:
    plain = None if isinstance(value, bool) or not isinstance(value, int | float) else float(value)
    assert number(value) == plain or (plain != plain and number(value) != number(value))


def test_the_plain_characters_fold_by_their_lower_case_alone() -> None:
    """What `CaselessPattern` rests on, for every pair of its plain characters."""
    plain = [chr(c) for c in range(0x110000) if not caseless._NOT_PLAIN.match(chr(c))]
    assert 100 < len(plain) < 200
    for a in plain:
        lower = a.lower()
        assert len(lower) == 1 and not caseless._NOT_PLAIN.match(lower)
        assert bool(re.match(r"\w", a)) == bool(re.match(r"\w", lower))
        for b in plain:
            folded = re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
            assert folded == (lower == b.lower()), (a, b)


_CASE_TEXT = st.text(
    "abgodhöälvtefkiAGODHÖÄLVTEFKI ſıİKΣσς–-.,åÅ\u00a0\u212b\u212aɡ", max_size=24
) | st.sampled_from(["God kvalitet", "GOTT bemötande", "Högt förtroende", "ǅ", "ſysselsättning"])
_CASE_PATTERNS = [
    r"\b(god|gott|goda|bra|hög|högt|höga|väl|attraktiv\w*|effektiv\w*)\b",
    r"\b(?:(?:arbetslöshet\w*)|(?:bnp\b)|(?:k))",
    r"\b(Gott)\b",  # upper case: searched with the flag only
    r"\S+ å",  # an upper-case escape: likewise
    r"\bſ",
    r"ı|\u212b",
]


@given(_CASE_TEXT, st.sampled_from(_CASE_PATTERNS))
@settings(max_examples=800, deadline=None)
def test_a_caseless_pattern_matches_where_ignorecase_matches(text: str, source: str) -> None:
    found = caseless.CaselessPattern(source).search(text)
    expected = re.search(source, text, re.IGNORECASE)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found.span() == expected.span()
        assert [g.lower() for g in found.groups()] == [g.lower() for g in expected.groups()]


def _missing_plainly(data: dict[str, object]) -> list[str]:
    """G004's parts as its rule reads, one part at a time."""

    def has(part: str) -> bool:
        ranged = data.get("better") == "range" and isinstance(data.get("range"), dict)
        if part != "baseline" and ranged:
            return True
        if part == "baseline":
            baseline = data.get("baseline")
            return isinstance(baseline, dict) and number(baseline.get("value")) is not None
        targets = data.get("targets")
        if not isinstance(targets, list) or not targets:
            return False
        key = "value" if part == "target" else "year"
        return any(isinstance(t, dict) and number(t.get(key)) is not None for t in targets)

    return [part for part in ("baseline", "target", "year") if not has(part)]


_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(), st.text(max_size=2))
_ENTRY = st.one_of(
    _VALUE, st.fixed_dictionaries({}, optional={"year": _VALUE, "value": _VALUE, "x": _VALUE})
)
_INDICATOR = st.fixed_dictionaries(
    {},
    optional={
        "baseline": _ENTRY,
        "targets": st.one_of(_VALUE, st.lists(_ENTRY, max_size=3)),
        "better": st.sampled_from(["range", "higher", "lower", None]),
        "range": st.one_of(_VALUE, st.just({"min": 1, "max": 2})),
    },
)


@given(_INDICATOR)
@settings(max_examples=1000, deadline=None)
def test_missing_parts_are_those_each_part_lacks(data: dict[str, object]) -> None:
    assert missing_parts(data) == _missing_plainly(data)


@given(st.lists(_INDICATOR, max_size=6))
@settings(max_examples=300, deadline=None)
def test_the_targeted_indicators_are_those_with_a_direction_a_baseline_and_a_target(
    indicators: list[dict[str, object]],
) -> None:
    index = build_index(_REPOSITORY)
    template = next(e for e in index.elements if e.category == "indicator")
    elements = [replace(template, data=data) for data in indicators]
    index.elements = elements
    context = RuleContext(_REPOSITORY, index, {}, _TODAY)
    expected = []
    for element in elements:
        better = ambition._BETTER.get(element.data.get("better"))  # type: ignore[arg-type]
        baseline = element.data.get("baseline")
        targets = ambition._series(element.data.get("targets"))
        if better is None or not isinstance(baseline, dict) or not targets:
            continue
        base = number(baseline.get("value"))
        if base is not None:
            expected.append((id(element), better[1], base, max(targets)))
    found = list(ambition._targeted(context.of_category("indicator")))
    assert [(id(e), *rest) for e, *rest in found] == expected


def _off_course_plainly(context: RuleContext) -> list[tuple[object, ...]]:
    """G013 read plainly: every targeted indicator's milestones looked at."""
    found: list[tuple[object, ...]] = []
    for indicator, sign, baseline, target in ambition._targeted(context.of_category("indicator")):
        previous = baseline
        for year, value, position in sorted(ambition._series(indicator.data.get("milestones"))):
            behind = (value - previous) * sign < 0
            beyond = (value - target[1]) * sign > 0 and year < target[0]
            if behind or beyond:
                found.append((position, value, year, baseline, target[1]))
                break
            previous = value
    return found


_YEARLY = st.fixed_dictionaries({"year": st.integers(2022, 2030), "value": st.integers(-3, 3)})
# Indicators with all G013 reads, milestones (or something else) most of the time.
_TARGETED = st.fixed_dictionaries(
    {
        "better": st.sampled_from(["higher", "lower"]),
        "baseline": _YEARLY,
        "targets": st.lists(_YEARLY, min_size=1, max_size=3),
    },
    optional={"milestones": st.one_of(_VALUE, st.lists(_YEARLY | _ENTRY, max_size=4))},
)


@given(st.lists(_INDICATOR | _TARGETED, max_size=6))
@settings(max_examples=300, deadline=None)
def test_off_course_passes_over_only_indicators_without_milestones(
    indicators: list[dict[str, object]],
) -> None:
    index = build_index(_REPOSITORY)
    template = next(e for e in index.elements if e.category == "indicator")
    index.elements = [replace(template, data=data) for data in indicators]
    context = RuleContext(_REPOSITORY, index, {}, _TODAY)
    found = [
        (f.path[-1], *(f.params[name] for name in ("value", "year", "start", "target")))
        for f in ambition.check_off_course(context)
    ]
    assert found == _off_course_plainly(context)


# Each pattern that names the words one of which its every match holds.
_WITH_WORDS = [
    *((pattern, words) for pattern, _, words in partial_influence._TOPICS),
    (vague_goal._VAGUE._folded.pattern, vague_goal._VAGUE._words),
]


@pytest.mark.parametrize(("source", "words"), _WITH_WORDS)
@given(data=st.data())
@settings(max_examples=150, deadline=None)
def test_every_match_holds_one_of_the_words_given_for_it(
    source: str, words: tuple[str, ...], data: st.DataObject
) -> None:
    alphabet = st.sampled_from("abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉ09 ")
    text = data.draw(st.from_regex(re.compile(source), fullmatch=True, alphabet=alphabet))
    match = re.search(source, text)
    assert match is not None
    lowered = match.group(0).lower()
    assert any(word in lowered for word in words)


@given(
    st.lists(
        st.sampled_from(
            [
                "god",
                "GODA",
                "Gott",
                "bra",
                "HÖGT",
                "väl",
                "ändamålsenliga",
                "effektivt",
                "kvalitativ",
                "go",
                "godis",
                "x",
                "å",
            ]
        ),
        max_size=5,
    )
)
def test_a_vague_word_is_found_as_a_search_with_the_flag_finds_it(words: list[str]) -> None:
    title = " ".join(words)
    found = vague_goal._VAGUE.search(title)
    expected = re.search(vague_goal._VAGUE._folded.pattern, title, re.IGNORECASE)
    assert (found and found.group(1).lower()) == (expected and expected.group(1).lower())


class _Link:
    """What the cycle search reads of a reference: where it leads."""

    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target

    def __repr__(self) -> str:
        return f"{self.source}→{self.target}"


def _cycles_plainly(edges: dict[str, list[_Link]]) -> list[list[_Link | None]]:
    """C003's depth-first search with each node's position in its links kept on the stack."""
    from styr.rules.chain_cycles import _cycle

    colour: dict[str, int] = {}
    cycles: list[list[_Link | None]] = []
    leaving: dict[str, int] = {}
    for start in sorted(edges):
        if colour.get(start, 0) != 0:
            continue
        stack, trail = [(start, 0)], []
        colour[start] = 1
        while stack:
            node, position = stack[-1]
            outgoing = edges.get(node, [])
            if position == len(outgoing):
                stack.pop()
                colour[node] = 2
                if trail:
                    trail.pop()
                continue
            stack[-1] = (node, position + 1)
            link = outgoing[position]
            state = colour.get(link.target, 0)
            if state == 1:
                begin = len(trail) if link.target == node else leaving.get(link.target, len(trail))
                cycles.append(_cycle(trail, begin, link))  # type: ignore[arg-type]
            elif state == 0:
                colour[link.target] = 1
                leaving[node] = len(trail)
                trail.append(link)
                stack.append((link.target, 0))
    return cycles


_NODE = st.sampled_from("abcdefgh")


@given(st.lists(st.tuples(_NODE, _NODE), max_size=30), st.integers(1, 20))
@settings(max_examples=1000, deadline=None)
def test_the_cycle_search_finds_the_cycles_of_the_plain_search(
    pairs: list[tuple[str, str]], long: int
) -> None:
    from styr.rules.chain_cycles import _find_cycles

    edges: dict[str, list[_Link]] = {}
    for source, target in pairs:
        edges.setdefault(source, []).append(_Link(source, target))
    # And a long cycle of its own, whose middle is left out when it is named.
    ring = [f"r{n}" for n in range(long)]
    for source, target in zip(ring, [*ring[1:], ring[0]], strict=True):
        edges.setdefault(source, []).append(_Link(source, target))
    assert _find_cycles(edges) == _cycles_plainly(edges)  # type: ignore[arg-type]
