"""A titled block of the Markdown report written in one pass (`styr.report.item_md`): every
text from the files escaped for Markdown, its inside at its end, and the macro the same block."""

from __future__ import annotations

from styr.report.followup import StatusView
from styr.report.item_md import item_md
from styr.report.links import ExternalLink
from styr.report.render import environment
from styr.report.texts import Labels
from styr.report.view_types import Fact, IndicatorView, ItemView, Ref

HOSTILE = "*Fler* | <b>elever</b>"
ESCAPED = r"\*Fler\* \| \<b\>elever\</b\>"


def block(text: str = "Fler elever klarar skolan") -> ItemView:
    return ItemView(
        id="m1",
        anchor="mal-m1",
        category="goal",
        kind="Mål",
        title=text,
        paragraphs=[text],
        facts=[Fact("Målgrupp", text), Fact("Beslutad av", "", (Ref("n", text, "#n"),))],
        contributes_to=[Ref("a", text, "#a"), Ref("b", "b", None)],
        agenda2030=[ExternalLink(text, "https://example.org/", text)],
        status=StatusView("met", "✓", "Uppfyllt", "2025"),
        analysis=[text, text],
    )


def no_peers(items: list[IndicatorView], t: Labels) -> str:
    raise AssertionError("no indicator here has a comparison")


def test_the_heading_status_facts_and_references_of_a_goal() -> None:
    text = item_md(block(), Labels("sv"), 4, "", "", no_peers)
    assert text.startswith('#### <a id="mal-m1"></a>Mål: Fler elever klarar skolan\n\n')
    assert "**Måluppfyllelse 2025:** ✓ Uppfyllt\n\n" in text
    assert "**Målgrupp:** Fler elever klarar skolan · **Beslutad av:** [Fler elever" in text
    assert "[Fler elever klarar skolan](#a), *b (" in text
    assert "> **Analys:** Fler elever klarar skolan Fler elever klarar skolan\n" in text


def test_text_from_the_files_cannot_make_markdown() -> None:
    text = item_md(block(HOSTILE), Labels("sv"), 4, "Mål", "", no_peers)
    assert text.startswith(f'#### <a id="mal-m1"></a>{ESCAPED}\n\n')
    assert "<b>" not in text


def test_the_inside_of_a_call_block_stands_at_the_end_of_the_block() -> None:
    t = Labels("sv")
    template = environment("md", None).from_string(
        '{% from "_macros.md.j2" import item %}{% call item(x, t, 3, "") %}inuti{% endcall %}'
    )
    rendered = template.render(x=block(HOSTILE), t=t)
    assert rendered == item_md(block(HOSTILE), t, 3, "", "inuti", no_peers)
    assert rendered.endswith("\ninuti")
