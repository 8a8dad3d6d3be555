"""Edits a planner makes to the Helsingborg example between two budget years.

Each function makes one group of edits in a `GitRepository` (tests/diff_repos.py)
without committing; the end-to-end tests of `styr diff` commit them and check
what the diff says. Every edit touches an element no other edit of its group
touches, so each change can be checked on its own.
"""

from __future__ import annotations

from diff_repos import GitRepository

KULTUR = "organisation/kulturnamnden.yaml"
SKOLA = "organisation/skol-och-fritidsnamnden.yaml"
MILJO = "organisation/miljonamnden.yaml"
SOCIAL = "organisation/socialnamnden.yaml"
OMSORG = "organisation/vard-och-omsorgsnamnden.yaml"
ARBETE = "organisation/arbetsmarknadsnamnden.yaml"
BOSTAD = "organisation/ab-helsingborgshem.yaml"
ARENA = "organisation/helsingborg-arena-och-scen-ab.yaml"
NEW_ADMINISTRATION = "organisation/kulturforvaltningen.yaml"
DOCUMENTS = "styrdokument.yaml"
MANIFEST = "styr.yaml"
OUTCOMES_2024 = "uppfoljning/2024.yaml"
OUTCOMES_2025 = "uppfoljning/2025.yaml"

# The goal kulturnämnden gets, written before its first goal: every line of
# the goals after it moves down, so a position taken from the old side is wrong.
CULTURE_GOAL = """\
  - id: kn-mal-3
    title: Fler invånare ska delta i stadens kulturliv
    target_group: invånare i Helsingborg
    horizon: {start: 2025, end: 2026}
    contributes_to: [inriktning-livskvalitet]
    indicators:
      - id: kn-mal-3-ind-1
        title: Andel invånare som har besökt ett kulturevenemang i staden det senaste året
        unit: procent
        better: higher
        baseline: {year: 2024, value: 54}
        targets:
          - {year: 2026, value: 60}
        source: Stadens medborgarenkät
"""
CULTURE_GOAL_LINES = CULTURE_GOAL.count("\n")

# Skol- och fritidsnämnden has three goals, the most Helsingborg allows; a fourth.
FOURTH_SCHOOL_GOAL = """\
  - id: sfn-mal-4
    title: Fler barn och unga ska delta i en organiserad fritidsaktivitet
    target_group: barn och unga 7–15 år
    horizon: {start: 2025, end: 2026}
    contributes_to: [inriktning-livskvalitet]
    indicators:
      - id: sfn-mal-4-ind-1
        title: Andel barn och unga 7–15 år som deltar i en organiserad fritidsaktivitet varje vecka
        unit: procent
        better: higher
        baseline: {year: 2024, value: 61}
        targets:
          - {year: 2026, value: 66}
        source: Stadens fritidsenkät
"""

NEW_ADMINISTRATION_FILE = """\
# yaml-language-server: $schema=../schemas/organisation.schema.json
kind: organisation
id: kulturforvaltningen
type: forvaltning
name: Kulturförvaltningen
parent: kulturnamnden
mission:
  source: annat
  text: >-
    Kulturnämndens förvaltning. Den driver stadens bibliotek, museer och
    kulturhus på nämndens uppdrag.
"""

LIBRARY_INDICATOR = """\
      - id: kn-mal-2-ind-2
        title: Andel barn 0–17 år med ett eget lånekort på stadens bibliotek
        unit: procent
        better: higher
        baseline: {year: 2024, value: 38}
        targets:
          - {year: 2026, value: 45}
        source: Bibliotekens lånekortsregister
"""

CLIMATE_STRATEGY = """\

  - id: klimatstrategi
    title: Klimatstrategi för Helsingborgs stad
    type: strategi
    area: klimat
    adopted_by: kommunfullmaktige
    adopted_on: "2026-11-24"
    valid_until: "2030-12-31"
    owner: kommunstyrelsen
    next_review: "2028-12-31"
    contributes_to: [inriktning-livskvalitet]
"""

ACTIVITY_KIND = """\
    - id: aktivitet
      category: activity
      level: forvaltning
      name: {sv: Aktivitet, en: Activity}
"""


def goals_and_organisations(repository: GitRepository) -> None:
    """Goals added, removed, renamed, reworded, moved; organisations added, removed, changed."""
    # Added (before the first goal, moving the others down).
    repository.edit(
        KULTUR, "goals:\n  - id: kn-mal-1\n", f"goals:\n{CULTURE_GOAL}  - id: kn-mal-1\n"
    )
    # Reworded: two words more.
    repository.edit(
        KULTUR,
        "title: Fler barn och unga ska låna böcker på stadens bibliotek",
        "title: Fler barn och unga ska låna och läsa böcker på stadens bibliotek",
    )
    # Removed: arbetsmarknadsnämnden's second goal, the last in its file.
    repository.cut(ARBETE, "  - id: amn-mal-2\n")
    # Renamed: a new id, and one word of the title changed.
    repository.edit(
        OMSORG,
        "  - id: von-mal-2\n    title: Fler äldre på vårdboenden ska vara nöjda med sitt boende",
        "  - id: von-mal-nojda-boende\n"
        "    title: Fler äldre på äldreboenden ska vara nöjda med sitt boende",
    )
    # Moved link: miljönämndens second goal now contributes to innovation.
    repository.edit(
        MILJO,
        "    contributes_to: [inriktning-sysselsattning]\n",
        "    contributes_to: [inriktning-innovation]\n",
        after="  - id: mn-mal-2\n",
    )
    # Over the limit: a fourth goal.
    repository.write(SKOLA, repository.read(SKOLA) + FOURTH_SCHOOL_GOAL)
    # An organisation added and one removed.
    repository.write(NEW_ADMINISTRATION, NEW_ADMINISTRATION_FILE)
    repository.remove(ARENA)
    # The mission's source.
    repository.edit(BOSTAD, "  source: ägardirektiv\n", "  source: bolagsordning\n")


def indicators(repository: GitRepository) -> None:
    """Targets lowered (higher, lower is better) and raised; baseline, unit, Kolada; in, out."""
    # Higher is better, target lowered: 87 → 85.
    repository.edit(SKOLA, "- {year: 2026, value: 87}", "- {year: 2026, value: 85}")
    # Lower is better, target raised in number (lower ambition): 16 → 18.
    repository.edit(MILJO, "- {year: 2026, value: 16}", "- {year: 2026, value: 18}")
    # Higher is better, target raised: 68 → 70.
    repository.edit(SOCIAL, "- {year: 2026, value: 68}", "- {year: 2026, value: 70}")
    repository.edit(
        SOCIAL, "baseline: {year: 2022, value: 70}", "baseline: {year: 2022, value: 69}"
    )
    repository.edit(MILJO, "unit: index\n", "unit: poäng\n")
    repository.edit(SKOLA, "kolada: N17445\n", "kolada: N17461\n")
    # Dropped: socialnämnden's only direction indicator.
    repository.cut(SOCIAL, "  indicators:\n    - id: soc-ind-aterkommande-barn\n", "goals:\n")
    # Added: a second indicator on kulturnämndens second goal.
    repository.edit(
        KULTUR,
        "        source: Bibliotekens utlåningsstatistik\n",
        "        source: Bibliotekens utlåningsstatistik\n" + LIBRARY_INDICATOR,
    )


def documents_with_end_dates(repository: GitRepository) -> None:
    """Before the edits: the business programme runs to the end of 2026."""
    repository.edit(
        DOCUMENTS,
        "until_further_notice: true\n",
        'valid_until: "2026-12-31"\n',
        after="  - id: naringslivsprogram\n",
    )


def documents(repository: GitRepository) -> None:
    """Steering documents adopted, repealed, extended, and a review date moved."""
    repository.edit(
        DOCUMENTS,
        'valid_until: "2026-12-31"\n',
        'valid_until: "2028-12-31"\n',
        after="  - id: naringslivsprogram\n",
    )
    repository.cut(DOCUMENTS, "  - id: servicepolicy\n", "  - id: medarbetar-och-ledarpolicy\n")
    repository.edit(
        DOCUMENTS,
        'next_review: "2027-12-31"\n',
        'next_review: "2028-06-30"\n',
        after="  - id: livskvalitetsprogram\n",
    )
    repository.write(DOCUMENTS, repository.read(DOCUMENTS) + CLIMATE_STRATEGY)


def outcomes(repository: GitRepository) -> None:
    """A past outcome revised (2024: 71.2 → 74.2) and an outcome added (2025)."""
    repository.edit(
        OUTCOMES_2024,
        "  - indicator: hh-mal-1-ind-1\n    value: 71.2\n",
        "  - indicator: hh-mal-1-ind-1\n    value: 74.2\n",
    )
    repository.edit(
        OUTCOMES_2025,
        "outcomes:\n",
        "outcomes:\n  - indicator: soc-ind-aterkommande-barn\n    value: 18.5\n"
        "    source: Socialtjänstens verksamhetssystem\n",
    )


def steering_model(repository: GitRepository) -> None:
    """The declared model: an element kind added and a link removed."""
    repository.edit(
        MANIFEST,
        "      name: {sv: Uppdrag till förvaltningen, en: Assignment to the administration}\n",
        "      name: {sv: Uppdrag till förvaltningen, en: Assignment to the administration}\n"
        + ACTIVITY_KIND,
    )
    repository.edit(MANIFEST, "    - {from: malbild, to: [vision]}\n", "")


def reformatted(repository: GitRepository) -> None:
    """The same values written another way: block style, a comment, other quotes."""
    repository.edit(
        SOCIAL,
        "    horizon: {start: 2023, end: 2026}\n",
        "    # Hela mandatperioden.\n    horizon:\n      start: 2023\n      end: 2026\n",
    )
    repository.edit(SOCIAL, 'agenda2030: ["10.2"]', "agenda2030: ['10.2']")
