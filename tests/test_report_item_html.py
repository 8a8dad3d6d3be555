"""A titled block of the HTML report written in one pass (`styr.report.item_html`): every text
from the files escaped, its inside at its end, and the macro the same block."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markupsafe import Markup

from styr.report.followup import StatusView
from styr.report.item_html import item_html
from styr.report.links import ExternalLink
from styr.report.render import environment
from styr.report.texts import Labels
from styr.report.view_types import Fact, IndicatorView, ItemView, Ref

HOSTILE = "<b>\"&'"


def block(text: str = "Fler elever klarar skolan") -> ItemView:
    return ItemView(
        id="m1",
        anchor="mal-m1",
        category="goal",
        kind="Mål",
        title=text,
        paragraphs=[text],
        facts=[Fact("Målgrupp", text), Fact("Beslutad av", "", (Ref("n", text, "#n"),))],
        lead=text,
        contributes_to=[Ref("a", text, "#a"), Ref("b", "b", None)],
        agenda2030=[ExternalLink(text, "https://example.org/?a=1&b=2", text)],
        status=StatusView("met", "✓", text, "2025"),
        analysis=[text],
    )


def no_peers(items: list[IndicatorView], t: Labels) -> str:
    raise AssertionError("no indicator here has a comparison")


def test_every_text_from_the_files_is_escaped_and_the_block_stays_well_formed() -> None:
    html = item_html(block(HOSTILE), Labels("sv"), 4, "goal", "", "", no_peers)
    assert isinstance(html, Markup)
    assert "<b>" not in html and "&lt;b&gt;&#34;&amp;&#39;" in html
    article = ElementTree.fromstring(html)
    heading = article.find("h4")
    assert heading is not None and "".join(heading.itertext()).endswith(HOSTILE)
    assert article.get("class") == "block goal"
    assert 'href="https://example.org/?a=1&amp;b=2"' in html


def test_the_kind_is_not_said_again_under_a_heading_of_its_own_name() -> None:
    t = Labels("sv")
    assert '<span class="kind">Mål</span>' in item_html(block(), t, 4, "goal", "", "", no_peers)
    assert '<span class="kind">' not in item_html(block(), t, 4, "goal", "Mål", "", no_peers)


def test_the_inside_of_a_call_block_stands_at_the_end_of_the_block() -> None:
    t = Labels("sv")
    template = environment("html", None).from_string(
        '{% from "_macros.html.j2" import item %}'
        '{% call item(x, t, 3, "area", "") %}<p>inuti</p>{% endcall %}'
    )
    rendered = template.render(x=block(HOSTILE), t=t)
    assert rendered == item_html(block(HOSTILE), t, 3, "area", "", "<p>inuti</p>", no_peers)
    assert rendered.endswith("<p>inuti</p></article>")


def test_a_written_text_and_a_passed_on_macro_text_reach_the_page_as_they_are() -> None:
    from markupsafe import Markup, escape

    from styr.report.html_escape import Written, passed_on

    assert escape(Written("<p>a &amp; b</p>")) == Markup("<p>a &amp; b</p>")
    assert str(Written("<p>x</p>")) == "<p>x</p>"
    assert escape(passed_on(Markup("<p>x</p>"))) == Markup("<p>x</p>")
    assert escape(passed_on("<b>")) == Markup("&lt;b&gt;")  # plain text is still escaped
