"""An organisation page's opening, written in Python: its heading and what it is to do
(`organisation.html.j2` calls it as `mk.organisation_opening(o)`), and a table cell of
the document register (`mk.cell`).

The opening was Jinja lines that called the page's small blocks a dozen times: each
call went through Jinja's context and an escape, on every organisation's page of every
municipality (a site of 290 has 7,000 of them). The markup is what those lines wrote,
byte for byte, line ends included: Jinja dropped the line end after each `{% if %}`
and `{% endif %}` (`trim_blocks`), so the eyebrow and the note of an unreadable file
run on into what follows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styr.report.html_escape import escaped as _e
from styr.report.language import kind_lang
from styr.report.view_types import Fact, OrganisationView

if TYPE_CHECKING:
    from styr.site.markup import PageMarkup


def organisation_opening(mk: PageMarkup, o: OrganisationView) -> str:
    """Everything of an organisation's page before its plans: the type above its name, the
    heading, the note of a file that could not be read, its facts, its mission, its
    direction and its readings of the council's areas."""
    t, xl = mk.t, mk.xl
    parts = []
    if o.type and not o.name.casefold().startswith(o.type.casefold()):
        parts.append(f'<p class="eyebrow"{kind_lang(o.type, xl)}>{_e(o.type)}</p>')
    name = _e(o.name)
    parts.append(f'<h1 id="{_e(o.anchor)}"{xl if o.name_from_files else ""}>{name}</h1>\n')
    if o.unreadable_file:
        said = t.get("board_unreadable", name=o.name) if o.name_from_files else t.part_unreadable
        parts.append(f'<p class="unreadable"><strong>{_e(said)}</strong></p>')
    parts.append(mk.facts(o.facts))
    if o.mission or o.mission_facts:
        parts += [
            '<section aria-labelledby="uppdrag">\n',
            f'<h2 id="uppdrag">{_e(t.mission)}</h2>\n',
            mk.paragraphs(o.mission, "lead"),
            mk.facts(o.mission_facts),
            "</section>\n",
        ]
    if o.direction or o.direction_contributes_to or o.direction_indicators:
        parts += [
            '<section aria-labelledby="inriktning">\n',
            f'<h2 id="inriktning">{_e(t.direction)}</h2>\n',
            mk.paragraphs(o.direction),
            mk.facts(o.direction_facts),
            mk.refs(t.contributes_to, o.direction_contributes_to),
            mk.indicators(o.direction_indicators, 3),
            "</section>\n",
        ]
    if o.area_readings:
        parts += [
            '<section aria-labelledby="lasning">\n',
            f'<h2 id="lasning">{_e(t.area_readings)}</h2>\n',
            '<dl class="readings">\n',
        ]
        for reading in o.area_readings:
            paragraphs = "".join(f"<p>{_e(text)}</p>" for text in reading.paragraphs)
            facts = mk.facts(list(reading.facts))
            parts.append(f"<dt>{mk.link(reading.area)}</dt>\n<dd>{paragraphs}{facts}</dd>\n")
        parts.append("</dl>\n</section>\n")
    return "".join(parts)


def cell(mk: PageMarkup, fact: Fact | None, own: str = "") -> str:
    """A table's cell of a fact: its text (marked with `own`, the files' `lang` attribute,
    where given) and its links, or "not given"."""
    if fact is None:
        return f'<span class="note">{_e(mk.t.not_given)}</span>'
    text = _e(fact.text)
    shown = f"<span{_e(own)}>{text}</span>" if own and fact.text else text
    refs = "".join(
        (", " if number or fact.text else "") + mk.link(ref) for number, ref in enumerate(fact.refs)
    )
    return shown + refs
