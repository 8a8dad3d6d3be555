"""The goal report's sections in Word, in the order the HTML report has them.

Headings: the municipality is Heading 1 (`styr.report.docx`), a section or a
level of organisations Heading 2, an area, a document or an organisation
Heading 3, a goal Heading 4.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from docx.document import Document

from styr.report.columns import indicator_columns
from styr.report.docx_parts import (
    Content,
    Piece,
    bullets,
    heading,
    labelled,
    paragraphs,
    status_words,
    table,
)
from styr.report.docx_peers import peer_table
from styr.report.findings import FindingsView
from styr.report.followup import OutcomeView
from styr.report.links import ExternalLink
from styr.report.texts import Labels
from styr.report.view_types import (
    Fact,
    IndicatorView,
    ItemView,
    OrganisationView,
    PlanLink,
    PlanView,
    Ref,
    RepositoryView,
    ValueAt,
)


def repository_sections(document: Document, view: RepositoryView, t: Labels) -> None:
    """Everything before the organisations: overview, vision, programmes, council level."""
    headings = view.headings
    heading(document, t.overview, 2)
    facts = [
        (t.municipality_code, view.code),
        (t.term, view.term),
        (t.steering_model, view.model_name),
        (t.levels, " → ".join(view.levels)),
    ]
    for label, shown in facts:
        if shown:
            labelled(document, label, shown)
    if view.counts:
        table(document, [t.count_what, t.count], [[c.label, str(c.number)] for c in view.counts])
    if view.follow_up_summary:
        heading(document, t.get("fulfilment_in", period=view.follow_up_period), 3)
        rows = [[status_words(status), str(count)] for status, count in view.follow_up_summary]
        table(document, [t.status_column, t.count], rows)
    if view.vision or view.waypoints or view.values:
        vision = headings.get("vision", t.vision)
        heading(document, vision, 2)
        for element in [*([view.vision] if view.vision else []), *view.waypoints]:
            item(document, element, t, 3, vision)
            for area in element.children:
                item(document, area, t, 4, headings.get("vision_areas", ""))
        for value in view.values:
            labelled(document, value.title, " ".join(value.paragraphs))
    for key, label, elements in (
        ("programme", t.programme, view.programmes),
        ("steering_documents", t.steering_documents, view.documents),
    ):
        if elements:
            section = headings.get(key, label)
            heading(document, section, 2)
            for element in elements:
                item(document, element, t, 3, section)
    if view.council_areas or view.council_goals:
        council = headings.get("council", t.council)
        heading(document, council, 2)
        for area in view.council_areas:
            item(document, area, t, 3, council)
            for goal in area.children:
                item(document, goal, t, 4)
        for goal in view.council_goals:
            item(document, goal, t, 3, headings.get("council_goals", ""))


def organisation_section(document: Document, o: OrganisationView, t: Labels) -> None:
    """One board's or company's mission, direction, readings, goals and work plans."""
    heading(document, o.name, 3, o.anchor)
    if o.type_line:
        document.add_paragraph(o.type_line)
    fact_lines(document, o.facts)
    if o.mission or o.mission_facts:
        labelled(document, t.mission, " ".join(o.mission))
        fact_lines(document, o.mission_facts)
    if o.direction or o.direction_indicators:
        labelled(document, t.direction, " ".join(o.direction))
        fact_lines(document, o.direction_facts)
        references(document, t.contributes_to, o.direction_contributes_to)
        indicator_table(document, o.direction_indicators, t)
    if o.area_readings and o.headings.get("area_readings"):
        labelled(document, o.headings["area_readings"], "")
    for reading in o.area_readings:
        labelled(document, reading.area.title, " ".join(reading.paragraphs))
    for plan in o.plans:
        operational_plan(document, plan, t, o.headings.get("plans", ""))
    for goal in o.goals:
        item(document, goal, t, 4, o.headings.get("goals", ""))
    if o.indicators:
        labelled(document, o.headings.get("indicators", t.indicators), "")
        indicator_table(document, o.indicators, t)
    for key, elements in (("assignments", o.assignments), ("work_plans", o.work_plans)):
        for element in elements:
            item(document, element, t, 4, o.headings.get(key, ""))


def operational_plan(document: Document, p: PlanView, t: Labels, section: str) -> None:
    """An operational plan as on the page: decision, readings, and the plans carrying it out."""
    shown = p.kind and p.kind != section and not p.title.casefold().startswith(p.kind.casefold())
    heading(document, f"{p.kind}: {p.title}" if shown else p.title, 4)
    fact_lines(document, p.facts)
    paragraphs(document, p.paragraphs)
    references(document, t.carries_out, p.carries_out)
    if p.readings:
        labelled(document, p.readings_heading, "")
    for reading in p.readings:
        labelled(document, reading.area.title, " ".join(reading.paragraphs))
    if p.carried_out_by:
        labelled(document, t.carried_out_by, "")
        bullets(document, list(_plan_lines(p.carried_out_by)))


def _plan_lines(links: Sequence[PlanLink], depth: int = 0) -> Iterator[str]:
    """The plans carrying a plan out, each under the one it carries out (indented by level)."""
    for link in links:
        kind = f"{link.plan.kind}: " if link.plan.kind else ""
        yield "    " * depth + kind + link.plan.title
        yield from _plan_lines(link.children, depth + 1)


def item(document: Document, x: ItemView, t: Labels, level: int, section: str = "") -> None:
    """A goal, an area, an assignment or a work plan: heading, status, text, indicators.

    Its kind is said before its title unless the title says it, or the section it stands
    in is named after the kind ("Stadens inriktning", then each of them), as on the page.
    """
    shown = x.kind_under(section)
    kind = f"{shown}: " if shown else ""
    heading(document, kind + x.title, level, x.anchor)
    if x.lead:
        document.add_paragraph(x.lead)
    if x.status:
        labelled(document, t.get("fulfilment_in", period=x.status.period), status_words(x.status))
    fact_lines(document, x.facts)
    paragraphs(document, x.paragraphs)
    references(document, t.contributes_to, x.contributes_to)
    if x.agenda2030:
        labelled(document, t.agenda2030, _listed(x.agenda2030))
    indicator_table(document, x.indicators, t)
    if x.analysis:
        labelled(document, t.analysis, "")
        paragraphs(document, x.analysis)
    if x.category == "work_plan" and x.children:
        rows = [
            [a.title, _fact(a.facts, t.responsible), _fact(a.facts, t.period)] for a in x.children
        ]
        table(document, [t.activity, t.responsible, t.period], rows)


def indicator_table(document: Document, items: Sequence[IndicatorView], t: Labels) -> None:
    """The indicators as a table with a column for each kind of value some of them have,
    then each followed indicator's outcomes over the periods as a table of its own."""
    if not items:
        return
    columns = indicator_columns(items)
    followed = columns.followed
    header = [t.indicator]
    header += [t.baseline] if columns.baseline else []
    header += [t.targets] if columns.targets else []
    header += [t.milestones] if columns.milestones else []
    if followed and followed[0].outcome:
        header.append(t.get("outcome_in", period=followed[0].outcome.period))
    header += [t.links] if columns.links else []
    rows = []
    for i in items:
        row: list[Content] = [_indicator_name(i, t)]
        row += [_values([i.baseline] if i.baseline else [])] if columns.baseline else []
        row += [_values(i.targets)] if columns.targets else []
        row += [_values(i.milestones)] if columns.milestones else []
        row += [_outcome(i.outcome, t) if i.outcome else ""] if followed else []
        row += [_links(i, t)] if columns.links else []
        rows.append(row)
    table(document, header, rows)
    for i in followed:
        chart = i.outcome.chart if i.outcome else None
        if chart is None:
            continue
        words = chart.words
        labelled(document, chart.words.caption, chart.trend)
        table(document, [words.period, words.outcome, words.target], _chart_rows(chart.rows))
    peer_table(document, items, t)


def _chart_rows(rows: Sequence[object]) -> list[list[str]]:
    return [[row.period, row.outcome, row.target] for row in rows]  # type: ignore[attr-defined]


def fact_lines(document: Document, facts: Sequence[Fact]) -> None:
    for fact in facts:
        refs = _listed(fact.refs)
        labelled(document, fact.label, [fact.text, *refs] if fact.text else refs or [""])


def references(document: Document, label: str, refs: Sequence[Ref]) -> None:
    """The elements referred to, each a link to its heading in the document."""
    if refs:
        labelled(document, label, "")
        bullets(document, [[ref] for ref in refs])


def _indicator_name(i: IndicatorView, t: Labels) -> str:
    details = [f"{t.unit}: {i.unit}" if i.unit else "", i.better, i.decision]
    shown = " · ".join(detail for detail in details if detail)
    return f"{i.title} ({shown})" if shown else i.title


def _links(i: IndicatorView, t: Labels) -> list[Piece]:
    """The key figure in Kolada and the Global Goals, each a link as on the page."""
    pieces: list[Piece] = [f"{t.kolada}: ", i.kolada] if i.kolada else []
    if i.agenda2030:
        pieces.append(f"\n{t.agenda2030}: " if pieces else f"{t.agenda2030}: ")
        pieces += _listed(i.agenda2030)
    return pieces


def _listed(links: Sequence[ExternalLink | Ref]) -> list[Piece]:
    """Links one after the other, a comma between them."""
    pieces: list[Piece] = []
    for link in links:
        pieces += [", ", link] if pieces else [link]
    return pieces


def _values(values: Sequence[ValueAt]) -> str:
    return "\n".join(
        (f"{v.year}: " if v.year else "") + v.value + (f" ({v.note})" if v.note else "")
        for v in values
    )


def _outcome(o: OutcomeView, t: Labels) -> str:
    value = f"{o.value} ({t.preliminary})" if o.value and o.preliminary else o.value
    # The credit by the figure Kolada gave, never by the fulfilment worked out from it.
    lines = [value, o.credit if o.value else "", status_words(o.status)]
    if o.percent:
        lines.append(f"{o.percent} {t.fulfilment_percent}")
    lines += [o.trend, o.comment]
    return "\n".join(line for line in lines if line)


def _fact(facts: Sequence[Fact], label: str) -> str:
    return next((fact.text for fact in facts if fact.label == label), "")


def findings_section(document: Document, findings: FindingsView, t: Labels) -> None:
    """What `styr lint` says of the repository (`--with-findings`), as the HTML report shows it."""
    heading(document, t.findings, 2)
    labelled(document, t.findings, findings.summary)
    rows = [
        [f"{x.symbol} {x.label}", f"{x.code} {x.rule}", x.place or t.none, x.message]
        for x in findings.findings
    ]
    if rows:
        table(document, [t.severity, t.rule, t.place, t.message], rows)
