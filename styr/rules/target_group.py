"""G008 no-target-group: a goal says whom it is for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext

RULE = Rule(
    code="G008",
    name="no-target-group",
    severity=Severity.WARNING,
    summary=N_("Goal without a target group"),
    message=N_(
        "The goal '{title}' names no target group; add 'target_group' or say who will notice the "
        "result."
    ),
    options={"extra_groups": []},
    doc=N_("""Reports a goal that neither has `target_group` nor names a group in its title.

Why (Helsingborg's guide): good goals "fokuserar på de som verksamheten riktar
sig till": pupils, the elderly, residents, companies, visitors.

A group is a word such as "elever", "äldre" or "företag", also inside a
compound ("gymnasieelever"), or a collective noun for residents: "invånarna",
"medborgarna", words ending in -bo, -bor or -borna ("huddingebor",
"stadsborna") and -are words for the people of a known place ("göteborgare",
"stockholmare", "helsingborgarna", or your municipality's name + -are). Other
-are words are not taken for residents: "lärare" is staff and names no one the
goal is for, while "arbetare" is a group of its own.

Failing example: "Kvaliteten ska öka" (for whom?).
Instead: "Fler äldre på vårdboenden ska vara nöjda med maten", or add
`target_group: äldre på vårdboenden`.

Option `extra_groups`: more words that name target groups in your municipality.
"""),
)

# Searched for anywhere in a word, so that compounds count: "gymnasieelever".
_GROUPS = (
    "invånar|medborgar|elev|barn|unga|ungdom|äldre|brukare|patient|kund|hyresgäst|besökare|"
    "resenär|trafikant|cyklist|företag|företagare|näringsidkare|förening|deltagare|klient|person|"
    "familj|vårdnadshavare|förälder|föräldrar|medarbetare|anställd|student|sökande|användare|"
    "boende|hushåll|pensionär|nyanlända|flickor|pojkar|kvinnor|män|sjuksköterskor|"
    "skolbarn|förskolebarn|gymnasieelev|gäst|publik|läsare|låntagare|individ|människor|arbetare"
)
_GROUP_WORD = re.compile(_GROUPS)
# Words; found once, left to right, so the work grows with the title's length
# (a pattern like `\w+(bor|borna)\b` backtracks over every letter of a long word).
_WORD = re.compile(r"\w+")
# "huddingebor", "stadsborna", "sambo": the people who live somewhere.
_BO_ENDINGS = ("bo", "bon", "bons", "bor", "bors", "borna", "bornas")
# "göteborgare", "helsingborgarna": only after the name of a place, since most
# -are words are not residents ("lärare", "ledare").
_ARE_ENDINGS = ("are", "aren", "arens", "ares", "arna", "arnas")
_ARE_PLACES = frozenset({"stockholm", "göteborg", "helsingborg", "västerås", "borås", "örebro"})
# "norrlänningar", "gotlänningarna": the people of a province.
_LANDER_ENDINGS = ("länning", "länningar", "länningarna", "länningen")
_SHORTEST_STEM = 3  # "bor" alone is a verb; "labor" is not a resident


def check(context: RuleContext) -> Iterator[Finding]:
    extra = tuple(g.lower() for g in context.options["extra_groups"] if g.strip())
    places = _ARE_PLACES | home_places(context.repository.municipality_name)
    for goal in context.goals():
        if goal.category != "goal":
            continue
        group = goal.data.get("target_group")
        if isinstance(group, str) and group.strip():
            continue
        if names_a_group(goal.title, extra, places):
            continue
        yield context.at(RULE, goal, "title", title=goal.title)


def names_a_group(
    title: str, extra: tuple[str, ...] = (), places: frozenset[str] = _ARE_PLACES
) -> bool:
    """Whether a title names whom the goal is for; linear in the title's length."""
    text = title.lower()
    if any(group in text for group in extra):  # may be several words: "äldre på boenden"
        return True
    if _GROUP_WORD.search(text):
        return True
    return any(is_resident(word, places) for word in _WORD.findall(text))


def is_resident(word: str, places: frozenset[str] = _ARE_PLACES) -> bool:
    """A collective noun for residents: -bo/-bor/-borna, a place's -are, a province's -länning."""
    for ending in _BO_ENDINGS + _LANDER_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return True
    return any(word.endswith(ending) and word[: -len(ending)] in places for ending in _ARE_ENDINGS)


def home_places(municipality_name: str) -> frozenset[str]:
    """The municipality's place name as an -are word starts ("Helsingborgs stad": helsingborg)."""
    words = municipality_name.lower().split()
    if not words:
        return frozenset()
    first = words[0]
    # "Helsingborgs stad": a genitive s; "Borås stad": a name that ends in s. Keep both.
    return frozenset({first, first.removesuffix("s")} if len(words) > 1 else {first})
