"""Diff results built by hand for the renderings' tests: every kind of change, hostile values."""

from __future__ import annotations

from typing import Any

from styr.diff.changes import (
    Change,
    ChangeKind,
    DiffResult,
    FindingRecord,
    FindingsDelta,
    RepositoryDiff,
)

BOARD = "bun"
BOARD_NAME = "Barn- och utbildningsnämnden"
COMPANY = "hbab"
COMPANY_NAME = "Helsingborgshem AB"


# The organisations' names a sample repository gives (`RepositoryDiff.organisation_names`).
NAMES = {BOARD: BOARD_NAME, COMPANY: COMPANY_NAME}


def change(kind: ChangeKind, category: str, title: str, **extra: Any) -> Change:
    return Change(
        kind=kind,
        category=category,
        id=extra.pop("id", f"{category}-1"),
        title=title,
        file=extra.pop("file", "organisation/bun.yaml"),
        line=extra.pop("line", 12),
        column=extra.pop("column", 5),
        organisation=extra.pop("organisation", BOARD),
        params=extra.pop("params", {}),
    )


# One change of every kind, with the params its comment in changes.py names.
EVERY_KIND: dict[ChangeKind, Change] = {
    ChangeKind.ADDED: change(ChangeKind.ADDED, "goal", "Fler elever når målen"),
    ChangeKind.REMOVED: change(ChangeKind.REMOVED, "indicator", "Andel behöriga"),
    ChangeKind.RENAMED: change(
        ChangeKind.RENAMED,
        "goal",
        "Fler elever klarar skolan",
        id="bun-mal-skola",
        params={"old_id": "bun-mal-1", "similarity": 1.0},
    ),
    ChangeKind.MOVED: change(
        ChangeKind.MOVED,
        "goal",
        "Fler unga i arbete",
        id="bun-mal-arbete",
        params={"old": COMPANY, "new": BOARD},
    ),
    ChangeKind.REWORDED: change(
        ChangeKind.REWORDED,
        "goal",
        "Fler barn klarar skolan",
        params={
            "field": "title",
            "old": "Fler elever klarar skolan",
            "new": "Fler barn klarar skolan",
            "words": [["=", "Fler "], ["-", "elever"], ["+", "barn"], ["=", " klarar skolan"]],
        },
    ),
    ChangeKind.LINK_MOVED: change(
        ChangeKind.LINK_MOVED,
        "goal",
        "Fler i arbete",
        params={
            "field": "contributes_to",
            "old": ["kf-a"],
            "new": ["kf-b"],
            "removed": ["kf-a"],
            "added": ["kf-b"],
            "removed_titles": ["Livslångt lärande"],
            "added_titles": ["Ett rikt liv"],
        },
    ),
    ChangeKind.FIELD_CHANGED: change(
        ChangeKind.FIELD_CHANGED,
        "goal",
        "Fler i arbete",
        params={"field": "horizon", "old": 2026, "new": 2030},
    ),
    ChangeKind.TARGET_CHANGED: change(
        ChangeKind.TARGET_CHANGED,
        "indicator",
        "Antal invånare",
        params={"year": 2026, "old": 150000, "new": 155000, "better": None, "milestone": False},
    ),
    ChangeKind.AMBITION_LOWERED: change(
        ChangeKind.AMBITION_LOWERED,
        "indicator",
        "Andel behöriga till gymnasiet",
        params={
            "year": 2026,
            "old": 91,
            "new": 88.5,
            "better": "higher",
            "explained": False,
            "comment": None,
        },
    ),
    ChangeKind.AMBITION_RAISED: change(
        ChangeKind.AMBITION_RAISED,
        "indicator",
        "Väntetid i dagar",
        params={"year": 2027, "old": 30, "new": 20, "better": "lower"},
    ),
    ChangeKind.TARGET_ADDED: change(
        ChangeKind.TARGET_ADDED, "indicator", "Nöjda brukare", params={"year": 2027, "new": 80}
    ),
    ChangeKind.TARGET_REMOVED: change(
        ChangeKind.TARGET_REMOVED, "indicator", "Nöjda brukare", params={"year": 2025, "old": 75}
    ),
    ChangeKind.BASELINE_CHANGED: change(
        ChangeKind.BASELINE_CHANGED,
        "indicator",
        "Nöjda brukare",
        params={"old": {"year": 2022, "value": 70}, "new": {"year": 2023, "value": 72.4}},
    ),
    ChangeKind.UNIT_CHANGED: change(
        ChangeKind.UNIT_CHANGED,
        "indicator",
        "Nöjda brukare",
        params={"old": "procent", "new": "antal"},
    ),
    ChangeKind.KOLADA_CHANGED: change(
        ChangeKind.KOLADA_CHANGED,
        "indicator",
        "Nöjda brukare",
        params={"old": "N15419", "new": "N15420"},
    ),
    ChangeKind.BETTER_CHANGED: change(
        ChangeKind.BETTER_CHANGED,
        "indicator",
        "Nöjda brukare",
        params={"old": "higher", "new": "lower"},
    ),
    ChangeKind.GOAL_COUNT_CHANGED: change(
        ChangeKind.GOAL_COUNT_CHANGED,
        "organisation",
        BOARD_NAME,
        id=BOARD,
        params={"old": 3, "new": 4, "limit": 3, "over_limit": True},
    ),
    ChangeKind.MISSION_SOURCE_CHANGED: change(
        ChangeKind.MISSION_SOURCE_CHANGED,
        "organisation",
        COMPANY_NAME,
        id=COMPANY,
        organisation=COMPANY,
        file="organisation/hbab.yaml",
        params={"field": "mission.source", "old": "reglemente", "new": "ägardirektiv"},
    ),
    ChangeKind.DOCUMENT_ADOPTED: change(
        ChangeKind.DOCUMENT_ADOPTED,
        "steering_document",
        "Miljöprogram",
        organisation=None,
        file="styrdokument.yaml",
        params={"adopted_on": "2026-05-12", "adopted_by": "Kommunfullmäktige"},
    ),
    ChangeKind.DOCUMENT_REPEALED: change(
        ChangeKind.DOCUMENT_REPEALED,
        "steering_document",
        "Trafikplan",
        organisation=None,
        file="styrdokument.yaml",
        params={"valid_until": "2026-12-31"},
    ),
    ChangeKind.DOCUMENT_EXTENDED: change(
        ChangeKind.DOCUMENT_EXTENDED,
        "steering_document",
        "Kulturpolicy",
        organisation=None,
        file="styrdokument.yaml",
        params={"old": "2026-12-31", "new": None},
    ),
    ChangeKind.DOCUMENT_LIMITED: change(
        ChangeKind.DOCUMENT_LIMITED,
        "steering_document",
        "Trafikplan",
        organisation=None,
        file="styrdokument.yaml",
        params={"old": None, "new": "2028-12-31"},
    ),
    ChangeKind.REVIEW_MOVED: change(
        ChangeKind.REVIEW_MOVED,
        "steering_document",
        "Kulturpolicy",
        organisation=None,
        file="styrdokument.yaml",
        params={"old": "2026-06-01", "new": "2027-06-01"},
    ),
    ChangeKind.OUTCOME_ADDED: change(
        ChangeKind.OUTCOME_ADDED,
        "follow_up",
        "Nöjda brukare",
        file="uppfoljning/2025.yaml",
        params={"indicator": "bun-ind-1", "period": "2025", "new": 72.8},
    ),
    ChangeKind.OUTCOME_REVISED: change(
        ChangeKind.OUTCOME_REVISED,
        "follow_up",
        "Nöjda brukare",
        file="uppfoljning/2024.yaml",
        params={"indicator": "bun-ind-1", "period": "2024", "old": 71, "new": 74, "field": "value"},
    ),
    ChangeKind.OUTCOME_REMOVED: change(
        ChangeKind.OUTCOME_REMOVED,
        "follow_up",
        "Nöjda brukare",
        file="uppfoljning/2024.yaml",
        params={"indicator": "bun-ind-1", "period": "2024-T2", "old": 70},
    ),
    ChangeKind.MODEL_CHANGED: change(
        ChangeKind.MODEL_CHANGED,
        "model",
        "Uppdrag",
        id=None,
        organisation=None,
        file="styr.yaml",
        params={"part": "element_kinds", "what": "added", "id": "uppdrag", "old": None, "new": {}},
    ),
    ChangeKind.REPOSITORY_ADDED: change(
        ChangeKind.REPOSITORY_ADDED,
        "repository",
        "Helsingborg",
        id=None,
        organisation=None,
        file="",
        line=0,
        column=0,
    ),
    ChangeKind.REPOSITORY_REMOVED: change(
        ChangeKind.REPOSITORY_REMOVED,
        "repository",
        "Helsingborg",
        id=None,
        organisation=None,
        file="",
        line=0,
        column=0,
    ),
}

INTRODUCED = FindingRecord(
    code="G001",
    severity="warning",
    file="organisation/bun.yaml",
    line=3,
    column=1,
    message="Nämnden har 4 mål; högst 3 rekommenderas.",
)
FIXED = FindingRecord(
    code="S001",
    severity="error",
    file="inriktningar.yaml",
    line=8,
    column=3,
    message="Fältet title saknas.",
)


def repository(changes: list[Change], **extra: Any) -> RepositoryDiff:
    return RepositoryDiff(
        name=extra.pop("name", "Helsingborg"),
        code=extra.pop("code", "1283"),
        path=extra.pop("path", "helsingborg"),
        old_path=extra.pop("old_path", ""),
        changes=changes,
        findings=extra.pop("findings", FindingsDelta()),
        organisation_names=extra.pop("organisation_names", dict(NAMES)),
    )


def result(*repositories: RepositoryDiff, unchanged: int = 0) -> DiffResult:
    return DiffResult(
        old_label="mal-och-budget-2025",
        new_label="arbetskopian",
        repositories=list(repositories),
        unchanged=unchanged,
    )


def one(kind: ChangeKind, **replaced: Any) -> DiffResult:
    """A result of one repository holding the sample change of `kind`, fields replaced."""
    sample = EVERY_KIND[kind]
    fields = {name: getattr(sample, name) for name in Change.__dataclass_fields__}
    return result(repository([Change(**{**fields, **replaced})]))


def every_kind() -> DiffResult:
    """Every kind of change in one repository (a municipality both added and removed, as a
    sample only), with a finding introduced and one fixed."""
    findings = FindingsDelta(introduced=[INTRODUCED], fixed=[FIXED])
    return result(repository(list(EVERY_KIND.values()), findings=findings), unchanged=2)


HOSTILE = "Mål | med `kod` <script>alert(1)</script>\nny rad \x1b[31mröd\x1b[0m ~~s~~ **f** [l](x)"
