"""The report's view model: what is shown, in which order, under which anchor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_helpers import SCRIPT_TITLE, rich_repository

from styr.messages import message
from styr.model.index import Element, build_index
from styr.model.repository import load_repository
from styr.report.anchors import Anchors, prefix_for
from styr.report.build import repository_view
from styr.report.formatting import number, paragraphs, period, sort_name
from styr.report.links import kolada, sdg
from styr.report.texts import CATEGORY_NAMES, TEXTS, Labels, category_name
from styr.report.view import RepositoryView


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("view") / "testby")


def view_of(root: Path, language: str = "sv", prefix: str = "") -> RepositoryView:
    return repository_view(load_repository(root), Labels(language), Anchors(prefix))


def test_organisations_are_grouped_by_level_and_sorted_by_type_then_name(rich: Path) -> None:
    view = view_of(rich)
    assert [group.name for group in view.groups] == [
        "Kommunfullmäktige",
        "Nämnder och bolag",
        "Förvaltningar",
    ]
    names = [o.name for o in view.groups[1].organisations]
    # Boards (namnd, declared first) before companies (bolag), each in Swedish order.
    assert names == ["Exempelnämnden", "Skolnämnden", "Testby Energi AB"]
    assert view.groups[2].organisations[0].work_plans[0].id == "skf-arbetsplan-2027"


def test_an_organisations_view_is_built_when_read_and_not_kept(rich: Path) -> None:
    view = view_of(rich)
    for group in view.groups:
        built = list(group.organisations)
        assert len(group.organisations) == len(built) == len(group.members)
        # The table of contents and the diagram read the heads: the same names and places.
        assert [(m.id, m.name, m.anchor, m.type) for m in group.members] == [
            (o.id, o.name, o.anchor, o.type) for o in built
        ]
        again = group.organisations[0]
        assert again == built[0] and again is not built[0]  # built anew, nothing held


def test_a_label_is_translated_once_and_then_read_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from styr.report import texts

    looked_up: list[str] = []
    real_template = texts.template

    def counted(text: object, language: str, /) -> str:
        looked_up.append(language)
        return real_template(text, language)  # type: ignore[arg-type]

    monkeypatch.setattr(texts, "template", counted)
    labels = Labels("en")
    assert [labels.goals for _ in range(3)] == ["Goals"] * 3
    assert Labels("sv").goals == "Mål"
    assert looked_up == ["en", "sv"]


def test_every_part_of_a_board_is_in_the_view(rich: Path) -> None:
    board = next(o for g in view_of(rich).groups for o in g.organisations if o.id == "skolnamnden")
    assert board.anchor == "org-skolnamnden"
    assert board.mission == ["Nämnden ansvarar för förskola och grundskola."]
    assert [f.label for f in board.mission_facts] == ["Uppdraget kommer från", "Grundas på"]
    assert board.mission_facts[1].refs[0].href == "#dok-reglemente-exempel"
    assert [r.id for r in board.direction_contributes_to] == ["malomrade-1"]
    assert [i.id for i in board.direction_indicators] == ["skn-ind-arbetsloshet"]
    assert [r.area.id for r in board.area_readings] == ["malomrade-1"]
    assert [g.id for g in board.goals] == ["skn-mal-1", "skn-mal-2"]
    assert board.goals[0].title == SCRIPT_TITLE  # kept as text; escaping is the renderer's
    assert [i.id for i in board.indicators] == ["skn-ind-2"]
    assert [a.id for a in board.assignments] == ["skn-uppdrag-1"]
    assert board.assignments[0].facts[0].refs[0].title == "Skolförvaltningen"


def test_indicator_values_are_sorted_by_year_and_written_the_swedish_way(rich: Path) -> None:
    board = next(o for g in view_of(rich).groups for o in g.organisations if o.id == "skolnamnden")
    indicator = board.goals[0].indicators[0]
    assert indicator.baseline is not None and indicator.baseline.value == "12\u00a0345,5"
    assert [(v.year, v.value) for v in indicator.targets] == [
        ("2028", "12\u00a0800"),
        ("2030", "13\u00a0000"),
    ]
    assert indicator.milestones[0].note == "kort sikt, Första steget"
    assert indicator.better == "inom intervall 90–100"
    assert indicator.kolada is not None and indicator.kolada.href is not None
    assert "kpis=N15428" in indicator.kolada.href and "municipals=0999" in indicator.kolada.href
    assert [link.text for link in indicator.agenda2030] == ["4.1", "4.a"]
    assert indicator.gender_breakdown is True


def test_a_reference_to_a_missing_id_is_marked_missing(rich: Path) -> None:
    board = next(o for g in view_of(rich).groups for o in g.organisations if o.id == "skolnamnden")
    (ref,) = board.goals[1].contributes_to
    assert ref.id == "skn-mal-9" and ref.missing and ref.href is None


def test_anchors_are_stable_prefixed_and_unique(rich: Path) -> None:
    first, second = view_of(rich), view_of(rich)
    anchors = [g.anchor for o in first.groups for oo in o.organisations for g in oo.goals]
    assert anchors == [
        "mal-exempelnamnden-mal-1",
        "mal-skn-mal-1",
        "mal-skn-mal-2",
        "mal-energi-mal-1",
    ]
    assert anchors == [g.anchor for o in second.groups for oo in o.organisations for g in oo.goals]
    prefixed = view_of(rich, prefix="k0999-")
    assert prefixed.groups[1].organisations[1].goals[0].anchor == "k0999-mal-skn-mal-1"
    assert prefix_for(["1283", "0126"], 1) == "k0126-"
    assert prefix_for(["1283", "1283"], 1) == "r2-"  # codes must tell them apart
    assert prefix_for([None, "1283"], 0) == "r1-"


def test_duplicate_ids_still_get_unique_anchors(rich: Path) -> None:
    anchors = Anchors()
    (goal,) = [e for e in build_index(load_repository(rich)).elements if e.id == "skn-mal-1"]
    twin = Element("skn-mal-1", "goal", goal.document, ("x",), {}, owner="skolnamnden")
    assert anchors.element(goal) == anchors.element(goal) == "mal-skn-mal-1"
    assert anchors.element(twin) == "mal-skn-mal-1-2"
    assert anchors.section("malkedjan") == "malkedjan"


def test_the_diagram_follows_the_chain_to_the_council_level(rich: Path) -> None:
    diagram = view_of(rich).diagram
    targets = {t.target.id: t for t in diagram.targets}
    assert list(targets) == ["malomrade-1", "malomrade-2"]
    first = {g.organisation.id: [i.id for i in g.items] for g in targets["malomrade-1"].groups}
    # A board indicator that breaks down a council indicator reaches that indicator's area.
    assert first == {
        "exempelnamnden": ["exempelnamnden-mal-1"],
        "skolnamnden": ["skn-mal-1", "skn-ind-2"],
    }
    second = {g.organisation.id: [i.id for i in g.items] for g in targets["malomrade-2"].groups}
    assert second == {"testby-energi": ["energi-mal-1"]}  # through a council goal of the area
    assert targets["malomrade-1"].count == 3
    # The goal that links to a missing id is unlinked; a direction indicator is not a goal.
    assert [(g.organisation.id, [i.id for i in g.items]) for g in diagram.unlinked] == [
        ("skolnamnden", ["skn-mal-2"])
    ]
    matrix = {row.organisation.id: row.cells for row in diagram.matrix}
    assert matrix == {"exempelnamnden": (1, 0), "skolnamnden": (2, 0), "testby-energi": (0, 1)}


def test_stats_count_what_the_report_shows(rich: Path) -> None:
    stats = view_of(rich).stats
    assert (stats.organisations, stats.goals, stats.linked_goals) == (5, 4, 3)
    # One council goal, and one council indicator with targets: a (smart) goal of its own.
    assert (stats.council_areas, stats.council_goals) == (2, 2)
    assert (stats.indicators, stats.indicators_with_targets, stats.indicators_with_kolada) == (
        5,
        3,
        2,
    )
    assert (stats.assignments, stats.work_plans, stats.activities, stats.documents) == (1, 1, 1, 2)
    assert stats.sdg_goals == 2  # 4 and 16


def test_table_of_contents_lists_sections_areas_and_every_organisation(rich: Path) -> None:
    view = view_of(rich)
    titles = [entry.title for entry in view.toc]
    assert titles[:3] == ["Översikt", "Vision och målbild", "Program för mandatperioden"]
    assert "Målkedjan" in titles and "Granskning (styr lint)" not in titles
    organisations = [child.title for entry in view.toc for child in entry.children]
    assert {"Skolnämnden", "Testby Energi AB", "Skolförvaltningen"} <= set(organisations)


def test_english_uses_the_models_english_names(rich: Path) -> None:
    view = view_of(rich, "en")
    assert view.council_areas[0].kind == "Goal area"
    assert view.groups[1].organisations[2].type == "Wholly owned company"
    board = view.groups[1].organisations[1]
    assert board.goals[0].indicators[0].baseline is not None
    assert board.goals[0].indicators[0].baseline.value == "12,345.5"
    assert board.mission_facts[0].text == "the charter"


def test_vision_waypoints_values_and_documents(rich: Path) -> None:
    view = view_of(rich)
    assert view.vision is not None and view.vision.paragraphs == [
        "Testby är en trygg plats att leva på.",
        "Här växer alla.",
    ]
    assert [a.title for a in view.vision.children] == ["Det trygga Testby"]
    assert [w.id for w in view.waypoints] == ["malbild-2029"]
    assert [v.title for v in view.values] == ["Mod", "Omtanke"]
    validity = {d.id: [f.text for f in d.facts if f.label == "Gäller"] for d in view.documents}
    assert validity == {
        "reglemente-exempel": ["tills vidare"],
        "trygghetsprogram": ["till 2030-12-31"],
    }


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        (82.4, "sv", "82,4"),
        (82.4, "en", "82.4"),
        (13000.0, "sv", "13\u00a0000"),
        (1234567, "en", "1,234,567"),
        (-3, "sv", "\u22123"),
        (0.125, "sv", "0,125"),
        (True, "sv", ""),
        ("n/a", "sv", "n/a"),
    ],
)
def test_numbers(value: object, language: str, shown: str) -> None:
    assert number(value, language) == shown


def test_swedish_alphabetical_order() -> None:
    names = ["Öresund", "arena", "Ängelholm", "Åstorp", "Zeta", "Émile"]
    expected = ["arena", "Émile", "Zeta", "Åstorp", "Ängelholm", "Öresund"]
    assert sorted(names, key=sort_name) == expected


def test_text_helpers() -> None:
    assert paragraphs("Ett\ntvå\n\n  Tre  \n") == ["Ett två", "Tre"]
    assert paragraphs(["not", "text"]) == []
    assert period({"start": 2023, "end": 2026}) == "2023–2026"
    assert period({"start": 2025, "end": 2025}) == "2025"
    assert period("2023") == ""


def test_external_links() -> None:
    labels = Labels("sv")
    assert kolada("n15428", None, labels).href is None  # malformed: text only
    assert kolada("N15428", None, labels).href == (
        "https://www.kolada.se/verktyg/fri-sokning/?kpis=N15428"
    )
    link = sdg("4.1", labels)
    assert link.href == "https://sdgs.un.org/goals/goal4"
    assert link.title == "Globala målet 4: God utbildning för alla, delmål 4.1"
    assert sdg("18", labels).href is None
    assert sdg("16.a", Labels("en")).title.startswith("Global Goal 16: ")


def test_every_text_exists_in_both_languages() -> None:
    for language in ("sv", "en"):
        labels = Labels(language)
        assert all(getattr(labels, key).strip() for key in TEXTS if "{" not in TEXTS[key])
        assert all(category_name(key, language).strip() for key in CATEGORY_NAMES)
        for key in ("report-templates-missing", "report-template-error", "report-written"):
            assert message(key, language) != key
    assert Labels("sv").goals == "Mål" and Labels("en").goals == "Goals"
    with pytest.raises(AttributeError):
        _ = Labels("sv").no_such_text


def test_the_comparison_summary_shows_what_the_full_view_shows(rich: Path) -> None:
    # Past a dozen municipalities the index is built from summaries, not full
    # views: the comparison must not change with it.
    from styr.report.build import _comparison_view
    from styr.report.compare import compare

    root_dir = Path(__file__).resolve().parent.parent
    labels = Labels("sv")
    for root in (rich, root_dir / "examples" / "helsingborg", root_dir / "examples" / "huddinge"):
        full = view_of(root, prefix="k")
        summary, _ = _comparison_view(root, "sv", "k", False, date(2026, 12, 1))
        assert summary.stats == full.stats
        assert summary.anchor == full.anchor
        assert compare([summary], labels).rows == compare([full], labels).rows
        assert summary.groups == [] and summary.diagram is None  # less to build and to send
    assert view_of(rich).stats.linked_goals > 0


def test_a_targets_comment_is_shown_beside_it(tmp_path: Path) -> None:
    root = rich_repository(tmp_path / "testby")
    board_file = root / "organisation" / "skolnamnden.yaml"
    text = board_file.read_text(encoding="utf-8")
    written = "- {year: 2028, value: 12800}"
    assert written in text
    commented = "- {year: 2028, value: 12800, comment: Sänkt efter beslut 2026-06-15}"
    board_file.write_text(text.replace(written, commented), encoding="utf-8")
    board = next(o for g in view_of(root).groups for o in g.organisations if o.id == "skolnamnden")
    targets = board.goals[0].indicators[0].targets
    assert [(v.year, v.note) for v in targets] == [
        ("2028", "Sänkt efter beslut 2026-06-15"),
        ("2030", ""),
    ]
