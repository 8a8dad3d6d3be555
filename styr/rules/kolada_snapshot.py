"""K002–K007: Kolada ids checked against the stored list of Kolada's key figures.

Only when a snapshot exists (`styr kolada metadata --update`; the
repository's, else the user's) and an indicator has a `kolada:` id: the
snapshot is read then, once per run, and never from the network. Without a
snapshot these rules say nothing: K001 still checks the id's form. A snapshot
that cannot be read is K007, at its file, so that the checks are never
switched off without a word.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from styr.findings import Finding, Severity
from styr.i18n import N_, Text, both_languages
from styr.model.index import Element
from styr.rules.base import Rule
from styr.rules.context import RuleContext
from styr.rules.references import is_kolada_id

if TYPE_CHECKING:
    from styr.kolada.kpi import KpiInfo
    from styr.kolada.snapshot import Snapshot

UNKNOWN_KPI = Rule(
    code="K002",
    name="unknown-kolada-kpi",
    severity=Severity.WARNING,
    summary=N_("Kolada has no such key figure"),
    message=N_(
        "Kolada has no key figure {value} in the stored list from {date}.{hint} Check the id on "
        "kolada.se; if the key figure is new, update the list with styr kolada metadata --update."
    ),
    doc=N_("""Reports a `kolada` id that is not in the stored list of Kolada's key figures.

Why: a mistyped id fetches nothing, or another key figure's values, and
nobody notices until the follow-up is empty or wrong. The list is the one
`styr kolada metadata --update` stored; the rule says nothing without one.
It suggests ids and key figures with similar ids or titles.

Failing example: `kolada: N15482` when Kolada's key figure is N15428.
Instead: `kolada: N15428` (search with `styr kolada search behöriga`).
"""),
)

REMOVED_KPI = Rule(
    code="K003",
    name="removed-kolada-kpi",
    severity=Severity.WARNING,
    summary=N_("The key figure is no longer in Kolada"),
    message=N_(
        "Kolada no longer has the key figure {value} ({title}); it was gone from Kolada's list "
        "on {removed_on}. Choose another key figure (styr kolada search), or remove kolada: from "
        "the indicator."
    ),
    doc=N_("""Reports a `kolada` id that Kolada had once and no longer lists.

Why: no new values will come for it; the follow-up stops without saying so.
`styr kolada metadata --update` keeps the key figures that an earlier stored
list had and Kolada's list lacks, with the date they were found gone.

Failing example: an indicator with `kolada: N00001` after Kolada removed N00001.
Instead: the key figure Kolada replaced it with, found with `styr kolada search`.
"""),
)

NOT_MUNICIPAL = Rule(
    code="K004",
    name="kolada-kpi-not-for-municipalities",
    severity=Severity.WARNING,
    summary=N_("Kolada has no values for municipalities for the key figure"),
    message=N_(
        "Kolada has no values for municipalities for {value} ({title}): {level}. Choose a key "
        "figure Kolada measures for municipalities."
    ),
    doc=N_("""Reports a `kolada` id of a key figure Kolada has no municipality values for.

Why: some key figures are measured for regions only, or only for units such
as schools and homes; `styr kolada pull` fetches the municipality's values
and gets none.

Failing example: `kolada:` a key figure whose `municipality_type` in Kolada is `L` (regions).
Instead: a key figure Kolada measures for municipalities (`K`, or `A` for both).
"""),
)

NOT_BY_GENDER = Rule(
    code="K005",
    name="kolada-kpi-not-by-gender",
    severity=Severity.WARNING,
    summary=N_("Followed for women and men, but Kolada does not divide the key figure by gender"),
    message=N_(
        "The indicator is to be followed for women and men, but Kolada does not divide {value} "
        "({title}) by gender. Remove gender_breakdown: true, or choose a key figure Kolada "
        "divides by gender."
    ),
    doc=N_("""Reports `gender_breakdown: true` where Kolada has no gender split of the key figure.

Why: the report promises values for women and men that will never come.

Failing example: `gender_breakdown: true` with `kolada:` a key figure not divided by gender.
Instead: remove `gender_breakdown`, or choose a key figure Kolada divides by gender.
"""),
)

OLD_SNAPSHOT = Rule(
    code="K006",
    name="old-kolada-list",
    severity=Severity.INFO,
    summary=N_("The stored list of Kolada's key figures is more than a year old"),
    message=N_(
        "The stored list of Kolada's key figures is from {date}, more than a year ago; the checks "
        "of Kolada ids may be out of date. Update it with styr kolada metadata --update."
    ),
    doc=N_("""Notes that the stored list of Kolada's key figures is more than a year old.

Why: Kolada adds and removes key figures every year; an old list may call a
new key figure unknown, or miss one that was removed. The note is at the
first indicator with a `kolada` id, once.

Failing example: a list stored by `styr kolada metadata --update` 400 days ago.
Instead: run `styr kolada metadata --update` and commit the new list.
"""),
)

DAMAGED_SNAPSHOT = Rule(
    code="K007",
    name="damaged-kolada-list",
    severity=Severity.WARNING,
    summary=N_("The stored list of Kolada's key figures cannot be read"),
    message=N_(
        "The stored list of Kolada's key figures cannot be read: it is damaged or was written by "
        "another version of styr, so the Kolada ids are not checked against it. Make a new one "
        "with: styr kolada metadata --update"
    ),
    doc=N_("""Reports a stored list of Kolada's key figures that cannot be read.

Why: the checks K002–K006 use the list; a damaged one would switch them off
without a word. The finding is at the list's file, once.

Failing example: `.styr/kolada-nyckeltal.json` cut off in the middle, or edited by hand.
Instead: run `styr kolada metadata --update` and commit the new list.
"""),
)

RULES = (UNKNOWN_KPI, REMOVED_KPI, NOT_MUNICIPAL, NOT_BY_GENDER, OLD_SNAPSHOT, DAMAGED_SNAPSHOT)

_ONLY_REGIONS = N_("only for regions")
_ONLY_UNITS = N_("only for units such as schools")
_NEITHER = N_("Kolada names no level")
_MEANT = N_(" Did you mean {meant}?")


def _stored(context: RuleContext) -> Snapshot | Path | None:
    """The stored list, read once per run; the path of one that cannot be read; or None."""

    def load() -> Snapshot | Path | None:
        from styr.kolada import snapshot

        path = snapshot.find(context.repository.root)
        if path is None:
            return None
        try:
            return snapshot.read_once(path)
        except (snapshot.SnapshotError, OSError):
            return path  # K007 says so, at the file

    stored: Snapshot | Path | None = context.remember("kolada-snapshot", load)
    return stored


def _snapshot(context: RuleContext) -> Snapshot | None:
    """The stored list, or None: none stored, none readable (K007), none needed."""
    stored = _stored(context)
    return None if stored is None or isinstance(stored, Path) else stored


def _with_kolada(context: RuleContext) -> list[tuple[Element, str]]:
    """The indicators with a Kolada id, and the id: found once for the rules of this module."""

    def find() -> list[tuple[Element, str]]:
        found = []
        for indicator in context.of_category("indicator"):
            value = indicator.data.get("kolada")
            if isinstance(value, str) and is_kolada_id(value):
                found.append((indicator, value))
        return found

    with_kolada: list[tuple[Element, str]] = context.remember("kolada-indicators", find)
    return with_kolada


def _loaded(context: RuleContext) -> tuple[list[tuple[Element, str]], Snapshot | None]:
    indicators = _with_kolada(context)
    return indicators, (_snapshot(context) if indicators else None)


def _each(context: RuleContext) -> Iterator[tuple[Element, str, Snapshot]]:
    """Each indicator with a Kolada id and its id, with the stored list; none without one."""
    indicators, stored = _loaded(context)
    if stored is None:
        return
    for indicator, kpi_id in indicators:
        yield indicator, kpi_id, stored


def _known(context: RuleContext) -> Iterator[tuple[Element, str, KpiInfo]]:
    """Each indicator whose Kolada id the stored list has, with its id and key figure."""
    for indicator, kpi_id, stored in _each(context):
        kpi = stored.kpis.get(kpi_id)
        if kpi is not None:
            yield indicator, kpi_id, kpi


def check_unknown(context: RuleContext) -> Iterator[Finding]:
    for indicator, kpi_id, stored in _each(context):
        if kpi_id in stored.kpis or kpi_id in stored.removed:
            continue
        date = stored.fetched_on.isoformat()
        meant = _meant(stored, kpi_id, str(indicator.data.get("title", "")))
        hint: Text = _MEANT if meant else ""
        yield context.at(
            UNKNOWN_KPI,
            indicator,
            "kolada",
            value=kpi_id,
            date=date,
            **both_languages("hint", hint, meant=meant),
        )


def _meant(stored: Snapshot, kpi_id: str, title: str) -> str:
    """Ids one character off, else the key figure whose title is nearest the indicator's."""
    from styr.kolada.search import fold

    ids = difflib.get_close_matches(kpi_id, list(stored.kpis), n=3, cutoff=0.8)
    if not ids and title:
        by_title = {fold(kpi.title): kpi.id for kpi in stored.kpis.values()}
        titles = difflib.get_close_matches(fold(title), list(by_title), n=1, cutoff=0.6)
        ids = [by_title[text] for text in titles]
    return ", ".join(f"{found} ({stored.kpis[found].title})" for found in ids)


def check_removed(context: RuleContext) -> Iterator[Finding]:
    for indicator, kpi_id, stored in _each(context):
        gone = stored.removed.get(kpi_id)
        if gone is not None and kpi_id not in stored.kpis:
            yield context.at(
                REMOVED_KPI,
                indicator,
                "kolada",
                value=kpi_id,
                title=gone.title,
                removed_on=gone.removed_on,
            )


def check_municipal(context: RuleContext) -> Iterator[Finding]:
    for indicator, kpi_id, kpi in _known(context):
        if kpi.municipality_level:
            continue
        regions = "L" in {part.strip() for part in kpi.municipality_type.split(",")}
        level = _ONLY_REGIONS if regions else _ONLY_UNITS if kpi.has_ou_data else _NEITHER
        yield context.at(
            NOT_MUNICIPAL,
            indicator,
            "kolada",
            value=kpi_id,
            title=kpi.title,
            **both_languages("level", level),
        )


def check_gender(context: RuleContext) -> Iterator[Finding]:
    for indicator, kpi_id, kpi in _known(context):
        if kpi.divided_by_gender:
            continue
        if indicator.data.get("gender_breakdown") is True:
            yield context.at(
                NOT_BY_GENDER, indicator, "gender_breakdown", value=kpi_id, title=kpi.title
            )


def check_old(context: RuleContext) -> Iterator[Finding]:
    from styr.kolada.snapshot import OLD_AFTER_DAYS

    indicators, stored = _loaded(context)
    if stored is None or stored.age_in_days(context.today) <= OLD_AFTER_DAYS:
        return
    first, _ = indicators[0]
    yield context.at(OLD_SNAPSHOT, first, "kolada", date=stored.fetched_on.isoformat())


def check_damaged(context: RuleContext) -> Iterator[Finding]:
    """The stored list that cannot be read, at its first line, where Kolada ids need it."""
    if not _with_kolada(context):
        return
    stored = _stored(context)
    if isinstance(stored, Path):
        yield DAMAGED_SNAPSHOT.at(stored, 1, 1)
