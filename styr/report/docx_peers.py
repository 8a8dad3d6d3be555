"""The comparison with other municipalities in the Word report, as the HTML report has it."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document

from styr.report.docx_parts import Content, paragraphs, table, text
from styr.report.texts import Labels
from styr.report.view_peers import PeerView
from styr.report.view_types import IndicatorView


def peer_table(document: Document, items: Sequence[IndicatorView], t: Labels) -> None:
    """The indicators' comparisons as one table, then the notes that say what is whose."""
    compared = [(i, i.peers) for i in items if i.peers is not None]
    if not compared:
        return
    first = compared[0][1]
    caption = t.get("peers_caption", group=first.group) if first.group else t.peers_caption_plain
    document.add_paragraph().add_run(text(caption)).bold = True
    header = [
        t.indicator,
        t.peers_year,
        t.peers_own,
        t.peers_median,
        t.peers_spread,
        t.peers_with_data,
        t.peers_country,
    ]
    table(document, header, [_row(i.title, p, t) for i, p in compared])
    paragraphs(
        document, [t.peers_derived_note, *([first.illustrative] if first.illustrative else [])]
    )


def _row(title: str, p: PeerView, t: Labels) -> list[Content]:
    own = _marked(p.own or t.none, p.own_preliminary, t)
    median = _marked(p.median or t.none, p.median_preliminary, t)
    country = _marked(p.country or t.none, p.country_preliminary, t)
    spread = p.spread or t.none
    return [
        title,
        p.year,
        _lines(own, p.credit),
        _lines(median, p.reading),
        _lines(spread, f"{t.peers_middle_half}: {p.middle_half}" if p.middle_half else ""),
        p.with_data,
        country,
    ]


def _marked(shown: str, preliminary: bool, t: Labels) -> str:
    return f"{shown} ({t.preliminary})" if preliminary else shown


def _lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)
