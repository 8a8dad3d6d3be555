"""Synthetic repositories for the stress benchmark: one repository per case, sized by a number.

Each case is one repository built to stress one cost: many goals, a deep
chain, a long cycle, many unknown references, one huge title. The manifest
is the benchmark corpus's Helsingborg-style model, with goals allowed to
contribute to goals (so that chains and cycles are links the model allows)
and room for many goals per board. Every case also says which findings it
must give, so that a test can check at tiny sizes that the cases are what
they claim to be.

    python benchmarks/stress_corpus.py OUT CASE SIZE
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GOALS_PER_BOARD = 100
DIRECTIONS = 4

MANIFEST = """format_version: 1
municipality:
  name: Stresskommunen
  code: "0999"
language: sv
term_of_office: {{start: 2023, end: 2026}}
steering_model:
  name: Styrmodell för stresstest
  levels:
    - {{id: stad, name: Kommunen}}
    - {{id: namnd, name: Nämnder och bolag}}
  element_kinds:
    - {{id: vision, category: vision, level: stad, name: {{sv: Vision, en: Vision}}}}
    - {{id: program, category: programme, level: stad, name: {{sv: Program, en: Programme}}}}
    - id: inriktning
      category: council_area
      level: stad
      name: {{sv: Kommunens inriktning, en: Direction}}
      requires_contributors: true
    - id: mal
      category: goal
      level: namnd
      name: {{sv: Mål, en: Goal}}
      requires_link: true
    - {{id: indikator, category: indicator, name: {{sv: Indikator, en: Indicator}}}}
  links:
    - {{from: program, to: [vision]}}
    - {{from: inriktning, to: [program]}}
    - {{from: mal, to: [inriktning, mal]}}
  organisation_types:
    - {{id: kommunfullmaktige, level: stad, name: {{sv: Kommunfullmäktige, en: Council}}}}
    - id: namnd
      level: namnd
      name: {{sv: Nämnd, en: Board}}
      mission_source: reglemente
      requires: [mission, direction]
lint:
  options:
    too-many-goals: {{max: {goals_per_board}}}
"""

VISION = """kind: vision
vision:
  id: vision
  title: Vision för Stresskommunen
  text: Stresskommunen ska vara en bra kommun att leva, bo och verka i.
"""

PROGRAMME = """kind: programme
programme:
  id: program
  title: Program för mandatperioden 2023–2026
  period: {start: 2023, end: 2026}
  contributes_to: [vision]
"""

COUNCIL = (
    "kind: organisation\nid: kommunfullmaktige\ntype: kommunfullmaktige\nname: Kommunfullmäktige\n"
)

GROUPS = ("elever", "äldre", "invånare", "brukare", "företag", "besökare", "barn", "hyresgäster")
THINGS = ("servicen", "bemötandet", "tillgängligheten", "informationen", "tryggheten", "maten")


@dataclass(frozen=True)
class Goal:
    """One goal to write: its number (unique in the repository) and what it contributes to."""

    number: int
    contributes_to: str  # one id, or several separated by ", "
    title: str | None = None
    target_group: bool = True


def directions() -> str:
    lines = ["kind: council", "areas:"]
    for number in range(1, DIRECTIONS + 1):
        lines += [
            f"  - id: inriktning-{number}",
            f"    title: Kommunens inriktning {number}",
            "    text: En tvärsektoriell inriktning för kommunens utveckling.",
            "    contributes_to: [program]",
        ]
    return "\n".join(lines) + "\n"


def goal_title(number: int) -> str:
    group, thing = GROUPS[number % len(GROUPS)], THINGS[number % len(THINGS)]
    return f"Fler {group} ska vara nöjda med {thing} i verksamhet {number}"


def board(number: int, goals: list[Goal]) -> str:
    slug = f"namnd-{number}"
    lines = [
        "kind: organisation",
        f"id: {slug}",
        "type: namnd",
        f"name: Nämnd {number}",
        "parent: kommunfullmaktige",
        "mission:",
        "  source: reglemente",
        "  text: Nämnden ansvarar för att verksamheten bedrivs enligt lag och reglemente.",
        "direction:",
        "  text: Verksamheten ska utgå från invånarnas behov och ge god service.",
        f"  contributes_to: [inriktning-{1 + number % DIRECTIONS}]",
        "goals:",
    ]
    for goal in goals:
        lines += [
            f"  - id: mal-{goal.number}",
            f"    title: {goal.title or goal_title(goal.number)}",
            *(
                [f"    target_group: {GROUPS[goal.number % len(GROUPS)]}"]
                if goal.target_group
                else []
            ),
            "    horizon: {start: 2023, end: 2026}",
            f"    contributes_to: [{goal.contributes_to}]",
            "    indicators:",
            f"      - id: ind-{goal.number}",
            f"        title: Andel nöjda i mätning {goal.number}",
            "        unit: procent",
            "        better: higher",
            "        baseline: {year: 2022, value: 70}",
            "        targets:",
            "          - {year: 2026, value: 80}",
            "        source: Kommunens egen mätning",
        ]
    return "\n".join(lines) + "\n"


def follow_up(goals: list[Goal]) -> str:
    """One outcome for every goal's indicator, so that `styr status` has something to judge."""
    lines = ["kind: follow_up", "title: Årsredovisning 2025", 'period: "2025"', "outcomes:"]
    for goal in goals:
        value = 60 + goal.number % 30
        lines += [f"  - indicator: ind-{goal.number}", f"    value: {value}"]
    return "\n".join(lines) + "\n"


def write_repository(root: Path, goals: list[Goal]) -> None:
    files = {
        "styr.yaml": MANIFEST.format(goals_per_board=GOALS_PER_BOARD),
        "vision.yaml": VISION,
        "program.yaml": PROGRAMME,
        "inriktningar.yaml": directions(),
        "organisation/kommunfullmaktige.yaml": COUNCIL,
        "uppfoljning/2025.yaml": follow_up(goals),
    }
    for start in range(0, len(goals), GOALS_PER_BOARD):
        number = start // GOALS_PER_BOARD + 1
        files[f"organisation/namnd-{number}.yaml"] = board(
            number, goals[start : start + GOALS_PER_BOARD]
        )
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def direction_of(number: int) -> str:
    return f"inriktning-{1 + number % DIRECTIONS}"


def linked_goals(count: int) -> Iterator[Goal]:
    """Goals that each contribute to a direction: the ordinary shape."""
    for number in range(1, count + 1):
        yield Goal(number, direction_of(number))


def every_direction(after: int) -> Iterator[Goal]:
    """One goal for each direction, numbered from `after + 1`, so that none lacks contributors."""
    for extra in range(1, DIRECTIONS + 1):
        yield Goal(after + extra, direction_of(extra))


def chain(depth: int) -> Iterator[Goal]:
    """Goal n contributes to goal n - 1, the first to a direction: one chain `depth` long."""
    yield Goal(1, direction_of(1))
    for number in range(2, depth + 1):
        yield Goal(number, f"mal-{number - 1}")
    yield from every_direction(depth)


def cycle(length: int) -> Iterator[Goal]:
    """Goal n contributes to goal n + 1, the last to the first; four more link the directions."""
    for number in range(1, length + 1):
        yield Goal(number, f"mal-{number % length + 1}")
    yield from every_direction(length)


def unknown_references(count: int) -> Iterator[Goal]:
    """Goals that name ids nothing has (each unlike any real id); four more link the directions."""
    for number in range(1, count + 1):
        yield Goal(number, f"saknas-{number}")
    yield from every_direction(count)


def huge_title(size: int) -> Iterator[Goal]:
    """One goal with a title of `size` characters and no target group, among ordinary goals.

    Half of the title is ordinary words, half one long run of letters without a
    space (a pasted text that lost its spaces): the worst case for a pattern
    that backtracks inside a word.
    """
    words = "Kvaliteten i verksamheten ska öka varje år "
    half = size // 2
    spaced = (words * (half // len(words) + 1))[:half]
    title = (spaced + "kvalitetsutveckling" * (size // 19 + 1))[:size]
    yield Goal(1, direction_of(1), title, target_group=False)
    yield from (Goal(n, direction_of(n)) for n in range(2, DIRECTIONS + 1))


@dataclass(frozen=True)
class Case:
    """A stress case: its name, size, goals and the lint findings (code → count) it must give."""

    name: str
    size: int
    goals: Callable[[int], Iterator[Goal]]
    expected: Callable[[int], Counter[str]]
    per_element: bool = False  # part of the linear-growth comparison


def _no_findings(size: int) -> Counter[str]:
    return Counter()


CASES = {
    "goals": Case("goals", 0, linked_goals, _no_findings, per_element=True),
    "chain": Case("chain", 0, chain, _no_findings),
    "cycle": Case("cycle", 0, cycle, lambda size: Counter({"C003": 1})),
    "unknown": Case("unknown", 0, unknown_references, lambda size: Counter({"C001": size})),
    "title": Case("title", 0, huge_title, lambda size: Counter({"G008": 1})),
}


def generate(out: Path, case: str, size: int) -> list[Goal]:
    goals = list(CASES[case].goals(size))
    write_repository(out, goals)
    return goals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("size", type=int)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.case, arguments.size)


if __name__ == "__main__":
    main()
