"""G006 partial-influence: what a board only partly influences belongs in its direction."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages
from styr.rules.base import Rule
from styr.rules.caseless import CaselessPattern
from styr.rules.context import RuleContext

RULE = Rule(
    code="G006",
    name="partial-influence",
    severity=Severity.WARNING,
    summary=N_("Goal on a partial influence"),
    message=N_(
        "The goal '{title}' is about {topic}, which the board only partly influences; put it in "
        "the direction and follow it with indicators."
    ),
    options={"extra_topics": []},
    doc=N_("""Reports a goal about a condition the operation cannot steer on its own.

Why (Helsingborg's guide): "Ett mål innebär alltid något som vi kan uppnå …
och det är verksamheten som kan påverka måluppfyllelsen." Unemployment depends
on the economy and migration ("konjunktur och migration"); such developments
belong in the board's direction, followed with indicators but not targeted.

Topics: arbetslöshet, sysselsättning, antal arbetstillfällen/jobb,
befolkningstillväxt/invånarantal, företagsklimat and rankings of it,
konjunktur, ekonomisk tillväxt, bostadspriser, plus `extra_topics`.

Failing example: "Arbetslösheten i Helsingborg ska minska till 6 procent".
Instead, as a goal: "Fler deltagare i arbetsmarknadsinsatser ska gå vidare
till arbete eller studier"; keep unemployment in the direction.
"""),
)

# Each topic: its pattern, its name, and words one of which every match holds
# (what styr.rules.caseless tests first; tests/test_rules_fast_paths.py holds
# each pattern's matches to them).
_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"arbetslöshet\w*", N_("unemployment"), ("arbetslöshet",)),
    (r"sysselsättning\w*", N_("employment"), ("sysselsättning",)),
    (
        r"(antal(et)? )?(arbetstillfällen|jobb|nya företag|nyföretagande)\b",
        N_("the number of jobs or companies"),
        ("arbetstillfällen", "jobb", "nya företag", "nyföretagande"),
    ),
    (
        r"befolknings(tillväxt|ökning)\w*|invånarantal\w*|antal(et)? invånare",
        N_("population growth"),
        ("befolknings", "invånar"),
    ),
    (
        r"företagsklimat\w*|ranking\w*|rankning\w*",
        N_("the business climate or rankings"),
        ("företagsklimat", "ranking", "rankning"),
    ),
    (
        r"konjunktur\w*|ekonomisk(a)? tillväxt\w*|bnp\b|bruttoregionprodukt\w*",
        N_("the economy"),
        ("konjunktur", "tillväxt", "bnp", "bruttoregionprodukt"),
    ),
    (r"bostadspris\w*|huspris\w*", N_("house prices"), ("bostadspris", "huspris")),
)


def check(context: RuleContext) -> Iterator[Finding]:
    any_topic, patterns = _patterns(tuple(context.options["extra_topics"]))
    for goal in context.goals():
        if goal.category != "goal":
            continue
        title = goal.title
        if any_topic.search(title) is None:
            continue
        for pattern, topic in patterns:
            if pattern.search(title):
                yield context.at(RULE, goal, "title", title=title, **topic)
                break


Topic = tuple[CaselessPattern, dict[str, str]]


@lru_cache(maxsize=32)
def _patterns(extra_topics: tuple[str, ...]) -> tuple[CaselessPattern, list[Topic]]:
    """One pattern for any topic, and each topic's pattern with its words, in order."""
    # The municipality's own topics are its own words, the same in both languages.
    topics = [(p, both_languages("topic", label), words) for p, label, words in _TOPICS] + [
        (re.escape(t.lower()), {"topic": t}, (t.lower(),)) for t in extra_topics
    ]
    patterns = [(CaselessPattern(rf"\b({p})"), topic) for p, topic, _ in topics]
    # One look for any topic first: most goals name none, and one search costs
    # far less than one per topic. Which topic is named is then found in order.
    # One word boundary before all the topics: the same goals match as with one
    # before each, and the search tries it once at each place instead of once
    # per topic.
    any_topic = CaselessPattern(
        rf"\b(?:{'|'.join(f'(?:{p})' for p, _, _ in topics)})",
        tuple(word for _, _, words in topics for word in words),
    )
    return any_topic, patterns
