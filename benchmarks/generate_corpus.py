"""Generate a deterministic corpus of governance repositories for all 290 municipalities.

Each repository is written in styr's own format and lints clean: a manifest
with a Helsingborg-style model, vision, programme, four directions, steering
documents, boards and companies with missions, directions, goals and
indicators, and the follow-up of two years (outcomes, split by women and men
where the indicator is about people, and an analysis per goal). The same seed
gives the same bytes.

    python benchmarks/generate_corpus.py OUT [--municipalities 290] [--boards 24] [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

BOARD_NAMES = (
    "kommunstyrelsen",
    "barn-och-utbildningsnamnden",
    "gymnasienamnden",
    "socialnamnden",
    "vard-och-omsorgsnamnden",
    "arbetsmarknadsnamnden",
    "kulturnamnden",
    "fritidsnamnden",
    "miljonamnden",
    "byggnadsnamnden",
    "tekniska-namnden",
    "overformyndarnamnden",
    "valnamnden",
    "revisionen",
    "krisledningsnamnden",
    "servicenamnden",
    "stadsbyggnadsnamnden",
    "idrottsnamnden",
    "forskolenamnden",
    "grundskolenamnden",
    "bostadsbolaget",
    "energibolaget",
    "hamnbolaget",
    "parkeringsbolaget",
)
GROUPS = ("elever", "äldre", "invånare", "brukare", "företag", "besökare", "barn", "hyresgäster")
RESULTS = (
    "Fler {group} ska vara nöjda med {thing}",
    "Andelen {group} som upplever {thing} som god ska öka",
    "Färre {group} ska vänta på {thing}",
)
THINGS = ("servicen", "bemötandet", "tillgängligheten", "informationen", "tryggheten", "maten")


def manifest(name: str, code: str) -> str:
    return f"""format_version: 1
municipality:
  name: {name}
  code: "{code}"
language: sv
term_of_office: {{start: 2023, end: 2026}}
steering_model:
  name: Styrmodell för {name}
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
    - {{id: styrdokument, category: steering_document, name: {{sv: Styrdokument, en: Document}}}}
    - id: mal
      category: goal
      level: namnd
      name: {{sv: Mål, en: Goal}}
      requires_link: true
    - {{id: indikator, category: indicator, name: {{sv: Indikator, en: Indicator}}}}
  links:
    - {{from: program, to: [vision]}}
    - {{from: inriktning, to: [program]}}
    - {{from: styrdokument, to: [inriktning]}}
    - {{from: mal, to: [inriktning]}}
  organisation_types:
    - {{id: kommunfullmaktige, level: stad, name: {{sv: Kommunfullmäktige, en: Council}}}}
    - id: namnd
      level: namnd
      name: {{sv: Nämnd, en: Board}}
      mission_source: reglemente
      requires: [mission, direction]
"""


def vision(name: str) -> str:
    return f"""kind: vision
vision:
  id: vision
  title: Vision för {name}
  text: {name} ska vara en av de bästa kommunerna att leva, bo och verka i.
"""


def programme() -> str:
    return """kind: programme
programme:
  id: program
  title: Program för mandatperioden 2023–2026
  period: {start: 2023, end: 2026}
  contributes_to: [vision]
"""


def directions() -> str:
    lines = ["kind: council", "areas:"]
    for number in range(1, 5):
        lines += [
            f"  - id: inriktning-{number}",
            f"    title: Kommunens inriktning {number}",
            "    text: En tvärsektoriell inriktning för kommunens utveckling.",
            "    contributes_to: [program]",
        ]
    return "\n".join(lines) + "\n"


def documents(rng: random.Random) -> str:
    types = ("policy", "strategi", "program", "plan", "riktlinje", "handlingsplan")
    lines = ["kind: steering_documents", "documents:"]
    for number in range(1, 13):
        lines += [
            f"  - id: dokument-{number}",
            f"    title: Styrdokument {number}",
            f"    type: {types[number % len(types)]}",
            "    adopted_by: kommunfullmaktige",
            f'    adopted_on: "20{rng.randint(15, 22)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"',
            "    until_further_notice: true",
            f"    contributes_to: [inriktning-{1 + number % 4}]",
        ]
    return "\n".join(lines) + "\n"


SENTENCES = (
    "Nämnden ansvarar för att verksamheten bedrivs enligt lag, reglemente och fullmäktiges beslut.",
    "Verksamheten ska utgå från invånarnas behov och ge god service med ett gott bemötande.",
    "Nämnden följer utvecklingen med nyckeltal och jämför sig med andra kommuner i länet.",
    "Samarbetet med andra nämnder, bolag, civilsamhället och näringslivet är en förutsättning.",
    "Resurserna ska användas där de gör störst nytta för dem verksamheten finns till för.",
    "Digitala tjänster ska göra det enklare för invånare och företag att ha kontakt med kommunen.",
)


def paragraph(rng: random.Random, sentences: int, indent: int = 4) -> str:
    """A folded YAML text of several sentences: real files carry paragraphs, not lines."""
    chosen = [rng.choice(SENTENCES) for _ in range(sentences)]
    return "\n".join(" " * indent + sentence for sentence in chosen)


def board(slug: str, rng: random.Random) -> str:
    lines = [
        "kind: organisation",
        f"id: {slug}",
        "type: namnd",
        f"name: {slug.replace('-', ' ').capitalize()}",
        "parent: kommunfullmaktige",
        "mission:",
        "  source: reglemente",
        "  text: >-",
        paragraph(rng, 8),
        "direction:",
        "  text: >-",
        paragraph(rng, 8),
        f"  contributes_to: [inriktning-{rng.randint(1, 4)}]",
        "  indicators:",
        f"    - id: {slug}-riktning-1",
        "      title: Andel invånare som är nöjda med kommunens service i medborgarundersökningen",
        "      unit: procent",
        "      better: higher",
        "goals:",
    ]
    for number in range(1, rng.randint(2, 3) + 1):
        group, thing = rng.choice(GROUPS), rng.choice(THINGS)
        template = RESULTS[(number - 1) % len(RESULTS)]
        better, base = ("lower", 40) if template.startswith("Färre") else ("higher", 70)
        target = base - 10 if better == "lower" else base + 10
        lines += [
            f"  - id: {slug}-mal-{number}",
            f"    title: {template.format(group=group, thing=thing)} hos {slug.replace('-', ' ')}",
            f"    target_group: {group}",
            "    horizon: {start: 2023, end: 2026}",
            f"    contributes_to: [inriktning-{rng.randint(1, 4)}]",
            "    indicators:",
            f"      - id: {slug}-ind-{number}",
            f"        title: Mätning {number} av {thing} hos {group}",
            "        unit: procent",
            f"        better: {better}",
            f"        baseline: {{year: 2022, value: {base}}}",
            "        targets:",
            f"          - {{year: 2026, value: {target}}}",
            "        milestones:",
            f"          - {{year: 2024, value: {(base + target) / 2}, term: short}}",
            "        source: Kommunens egen mätning",
        ]
        lines.insert(len(lines) - 14, "    text: >-")
        lines.insert(len(lines) - 14, paragraph(rng, 4, indent=6))
    return "\n".join(lines) + "\n"


ANALYSES = (
    "Utvecklingen går åt rätt håll men långsammare än planerat; nämnden följer upp orsakerna.",
    "Målet är uppnått. Insatserna fortsätter och följs upp i nästa delårsrapport.",
    "Utfallet är sämre än föregående år, främst på grund av färre svarande i enkäten.",
)


def follow_up(year: int, boards: list[str], rng: random.Random) -> str:
    """One year's outcomes for every indicator, and an analysis of each goal."""
    lines = [
        "kind: follow_up",
        f"title: Årsredovisning {year}",
        f'period: "{year}"',
        "outcomes:",
    ]
    goals = []
    for slug, goal_count in boards:
        indicators = [f"{slug}-riktning-1"] + [f"{slug}-ind-{n}" for n in range(1, goal_count + 1)]
        goals += [f"{slug}-mal-{n}" for n in range(1, goal_count + 1)]
        for indicator in indicators:
            value = round(rng.uniform(30, 95), 1)
            lines += [f"  - indicator: {indicator}", f"    value: {value}"]
            if rng.random() < 0.5:
                gap = round(rng.uniform(0, 6), 1)
                lines += [f"    women: {value + gap / 2:.1f}", f"    men: {value - gap / 2:.1f}"]
            lines.append("    source: Kommunens egen mätning")
    lines.append("analyses:")
    for goal in goals:
        lines += [f"  - goal: {goal}", f"    text: {rng.choice(ANALYSES)}"]
    return "\n".join(lines) + "\n"


def council() -> str:
    return (
        "kind: organisation\nid: kommunfullmaktige\n"
        "type: kommunfullmaktige\nname: Kommunfullmäktige\n"
    )


def write_municipality(root: Path, number: int, boards: int, rng: random.Random) -> None:
    code = f"{number:04d}"
    name = f"Kommun {code}"
    files = {
        "styr.yaml": manifest(name, code),
        "vision.yaml": vision(name),
        "program.yaml": programme(),
        "inriktningar.yaml": directions(),
        "styrdokument.yaml": documents(rng),
        "organisation/kommunfullmaktige.yaml": council(),
    }
    goal_counts = []
    for slug in BOARD_NAMES[:boards]:
        files[f"organisation/{slug}.yaml"] = board(slug, rng)
        goal_counts.append((slug, files[f"organisation/{slug}.yaml"].count("\n  - id: ")))
    for year in (2024, 2025):
        files[f"uppfoljning/{year}.yaml"] = follow_up(year, goal_counts, rng)
    for relative, text in files.items():
        path = root / code / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def generate(out: Path, municipalities: int, boards: int, seed: int) -> None:
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(seed)
    for number in range(1, municipalities + 1):
        write_municipality(out, number, boards, rng)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--boards", type=int, default=24)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.municipalities, arguments.boards, arguments.seed)


if __name__ == "__main__":
    main()
