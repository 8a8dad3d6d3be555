"""The Word documents' links and properties, read back with python-docx.

Links out of the report (a key figure in Kolada, a Global Goal, a citation's
address) are real Word hyperlinks: a w:hyperlink whose relationship names the
address, and the link's text as the HTML report's link says it. The
document's properties name the report, the publisher as its author, its
language and the report's date.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from styr.lint import load_and_lint
from styr.report.anchors import Anchors
from styr.report.build import repository_view
from styr.report.printed import document_report
from styr.report.texts import Labels

ROOT = Path(__file__).resolve().parents[1]
HELSINGBORG = ROOT / "examples" / "helsingborg"
DAY = date(2026, 11, 30)


def _links(document: Any, within: Any = None) -> list[tuple[str, str]]:
    """Every link out of the body (or of one element of it): (its text, its address)."""
    relationships = document.part.rels
    found = []
    for link in (document.element.body if within is None else within).iter(qn("w:hyperlink")):
        if link.get(qn("r:id")) is None:
            continue  # a link to a bookmark in the document (see the tests below)
        relationship = relationships[link.get(qn("r:id"))]
        assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
        assert relationship.is_external
        shown = "".join(t.text or "" for t in link.iter(qn("w:t")))
        found.append((shown, relationship.target_ref))
    return found


@pytest.fixture(scope="module")
def goal_report() -> Any:
    return docx.Document(io.BytesIO(document_report("docx", [HELSINGBORG], updated=DAY)))


@pytest.fixture(scope="module")
def view() -> Any:
    repository, result = load_and_lint(HELSINGBORG, date.today())
    return repository_view(repository, Labels("sv"), Anchors(""), linted=result)


def _indicators(view: Any) -> list[Any]:
    organisations = [o for group in view.groups for o in group.organisations]
    indicators = [i for o in organisations for g in o.goals for i in g.indicators]
    return indicators + [i for o in organisations for i in o.indicators]


def test_an_indicators_key_figure_in_kolada_is_a_word_hyperlink(
    goal_report: Any, view: Any
) -> None:
    indicators = _indicators(view)
    kolada = {(i.kolada.text, i.kolada.href) for i in indicators if i.kolada and i.kolada.href}
    assert kolada
    assert kolada <= set(_links(goal_report))
    assert all(href.startswith("https://www.kolada.se/") for _, href in kolada)


def test_kolada_and_the_global_goals_share_the_links_cell(example_copy: Any) -> None:
    repository = example_copy("helsingborg")
    board = repository / "organisation" / "kommunstyrelsen.yaml"
    text = board.read_text(encoding="utf-8")
    kolada = "      kolada: U07451\n"
    assert kolada in text
    board.write_text(text.replace(kolada, kolada + '      agenda2030: ["16.6"]\n'), "utf-8")
    document = docx.Document(io.BytesIO(document_report("docx", [repository], updated=DAY)))
    cell = next(c for t in document.tables for r in t.rows for c in r.cells if "U07451" in c.text)
    shown = [(text, href.split("?")[0]) for text, href in _links(document, cell._tc)]
    assert shown == [
        ("U07451", "https://www.kolada.se/verktyg/fri-sokning/"),
        ("16.6", "https://sdgs.un.org/goals/goal16"),
    ]
    assert cell.text.startswith("Kolada: U07451\nAgenda 2030: 16.6")


def test_a_goals_global_goals_are_links_under_it(goal_report: Any, view: Any) -> None:
    organisations = [o for group in view.groups for o in group.organisations]
    goals = {(s.text, s.href) for o in organisations for g in o.goals for s in g.agenda2030}
    assert goals
    assert goals <= set(_links(goal_report))


def test_a_citations_address_is_a_hyperlink(goal_report: Any) -> None:
    address = "https://livskvalitet.helsingborg.se/omvarldsanalys/nulagesanalys/visionsomraden/"
    assert (address, address) in _links(goal_report)
    # The text around it stays text, and no comma or full stop joins the address.
    assert all(not href.endswith((",", ".")) for _, href in _links(goal_report))


def test_links_are_in_words_own_link_style(goal_report: Any) -> None:
    style = goal_report.styles["Hyperlink"]
    assert style.font.underline
    runs = [run for link in goal_report.element.body.iter(qn("w:hyperlink")) for run in link]
    assert runs
    assert all(
        run.find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val")) == style.style_id
        for run in runs
    )


def test_the_goal_reports_properties(goal_report: Any) -> None:
    properties = goal_report.core_properties
    assert "Helsingborgs stad" in properties.title
    assert properties.author == "Helsingborgs stad"  # the manifest's publisher
    assert properties.language == "sv-SE"
    assert properties.created is not None and properties.created.date() == DAY
    assert properties.modified is not None and properties.modified.date() == DAY


def test_the_author_is_the_publisher_not_the_municipality(example_copy: Any) -> None:
    repository = example_copy("helsingborg")
    manifest = repository / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace("publisher: Helsingborgs stad", "publisher: Stadsledningsförvaltningen"),
        encoding="utf-8",
    )
    data = document_report("docx", [repository], updated=DAY)
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.author == "Stadsledningsförvaltningen"
    assert "Helsingborgs stad" in properties.title


def test_the_follow_up_reports_properties() -> None:
    data = document_report("docx", [HELSINGBORG], period="2025", updated=DAY)
    document = docx.Document(io.BytesIO(data))
    properties = document.core_properties
    assert properties.author == "Helsingborgs stad"
    assert properties.language == "sv-SE"
    assert properties.created is not None and properties.created.date() == DAY
    assert "2025" in properties.title


def test_without_a_date_the_template_date_is_not_kept(tmp_path: Path) -> None:
    from styr.report.docx_parts import describe

    document = docx.Document()
    describe(document, "Titel", "Utgivare", "", "")
    saved = tmp_path / "utan-datum.docx"
    document.save(str(saved))
    properties = docx.Document(str(saved)).core_properties
    assert properties.created is None and properties.modified is None
    assert properties.author == "Utgivare"


def test_the_contact_details_are_links_at_the_end(goal_report: Any, view: Any) -> None:
    contact = [line for line in view.branding.contact if line.href]
    assert contact
    last = goal_report.paragraphs[-1]
    assert last.text.startswith(f"{view.branding.contact_label}: ")
    links = _links(goal_report, last._p)
    assert links == [(line.text, line.href) for line in contact]
    assert any(href.startswith("mailto:") for _, href in links)


def test_the_follow_up_ends_with_the_contact_details_too() -> None:
    data = document_report("docx", [HELSINGBORG], period="2025", updated=DAY)
    document = docx.Document(io.BytesIO(data))
    links = _links(document, document.paragraphs[-1]._p)
    assert ("styrning@example.org", "mailto:styrning@example.org") in links


def _bookmarks(document: Any) -> dict[str, str]:
    """Each bookmark's name and the text of the heading it stands in."""
    found = {}
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        paragraph = start.getparent()
        found[start.get(qn("w:name"))] = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    return found


def test_a_reference_is_a_link_to_the_heading_it_names(goal_report: Any, view: Any) -> None:
    bookmarks = _bookmarks(goal_report)
    assert bookmarks and all(len(name) <= 40 and name[0].isalpha() for name in bookmarks)
    starts = list(goal_report.element.body.iter(qn("w:bookmarkStart")))
    assert len({s.get(qn("w:id")) for s in starts}) == len(starts)  # each numbered once
    internal = [
        (link.get(qn("w:anchor")), "".join(t.text or "" for t in link.iter(qn("w:t"))))
        for link in goal_report.element.body.iter(qn("w:hyperlink"))
        if link.get(qn("w:anchor"))
    ]
    assert internal
    for anchor, shown in internal:
        assert anchor in bookmarks, (anchor, shown)
        assert bookmarks[anchor].endswith(shown)  # the heading of the element it names
    organisations = [o for group in view.groups for o in group.organisations]
    referred = {r.title for o in organisations for g in o.goals for r in g.contributes_to}
    assert referred and referred <= {shown for _, shown in internal}


def test_a_link_to_what_has_no_heading_is_plain_text() -> None:
    from styr.report.docx_parts import finish, heading, write
    from styr.report.view_types import Ref

    document = docx.Document()
    heading(document, "Trygghet", 3, "trygghet")
    paragraph = document.add_paragraph()
    write(paragraph, [Ref("trygghet", "Trygghet", "#trygghet"), ", "])
    write(paragraph, [Ref("saknas", "Utan rubrik", "#utan-rubrik")])
    finish(document)
    links = [link.get(qn("w:anchor")) for link in paragraph._p.iter(qn("w:hyperlink"))]
    assert len(links) == 1 and links[0] in _bookmarks(document)
    assert paragraph.text == "Trygghet, Utan rubrik"
    plain = paragraph.runs[-1]
    assert plain.text == "Utan rubrik" and plain.style.name != "Hyperlink"
