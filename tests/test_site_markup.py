"""The website's small building blocks in Python (`styr.site.markup`): every text escaped,
what is markup already written as it is, a missing reference marked in words."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from styr.followup.fulfilment import Status
from styr.report.followup import OutcomeView, StatusView
from styr.report.links import ExternalLink
from styr.report.view_types import Fact, IndicatorView, ItemView, Ref, ValueAt
from styr.site.markup import PageMarkup
from styr.site.pages import AreaContribution, Contribution, OrganisationLink
from styr.site.texts import SiteLabels

HOSTILE = '<img src=x onerror="alert(1)">&'
ESCAPED = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&amp;"


def _markup(xl: str = "") -> PageMarkup:
    def href(ref: Ref) -> str | None:
        return None if ref.href is None else f"sida.html{ref.href}"

    return PageMarkup(SiteLabels("sv"), Markup(xl), href)


def _indicator(**fields: object) -> IndicatorView:
    values: dict[str, object] = {
        "id": "ind-1",
        "anchor": "ind-1",
        "title": HOSTILE,
        "kind": "Indikator",
        "paragraphs": [HOSTILE],
        "unit": HOSTILE,
        "better": "",
        "baseline": ValueAt("2022", HOSTILE, HOSTILE),
        "targets": [ValueAt("2026", "4"), ValueAt("", "5")],
        "milestones": [],
        "kolada": ExternalLink(HOSTILE, None, ""),
        "agenda2030": [ExternalLink("Mål 4", "https://example.org/?a=1&b=2", "")],
        "contributes_to": [Ref("x", HOSTILE, "#x"), Ref("y", "Saknas", None)],
        "gender_breakdown": False,
        "source": HOSTILE,
    }
    values.update(fields)
    return IndicatorView(**values)  # type: ignore[arg-type]


def test_every_text_of_an_indicator_is_escaped_and_a_missing_reference_is_said_in_words() -> None:
    status = StatusView(Status.MET.value, "●", HOSTILE, "2025")
    outcome = OutcomeView("2025", HOSTILE, "", "", "", status, "", HOSTILE, HOSTILE, chart=None)
    html = _markup().indicator(_indicator(outcome=outcome), 3)
    assert isinstance(html, Markup)
    assert "<img" not in html and html.count(ESCAPED) >= 8
    assert html.startswith('<section class="indicator" aria-labelledby="ind-1">\n<h3 id="ind-1">')
    assert "<dd>2022: " + ESCAPED + " (" + ESCAPED + ")</dd>" in html
    assert "<dd>2026: 4; 5</dd>" in html
    assert '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">Mål 4</a>' in html
    assert f'<a href="sida.html#x">{ESCAPED}</a>, <span class="missing">Saknas ' in html
    assert '<span class="note">(saknas)</span></span>' in html
    assert html.endswith("</section>")


def test_what_comes_from_the_files_carries_its_language_and_markup_is_kept() -> None:
    blocks = _markup(' lang="sv"')
    fact = Fact("Målgrupp", HOSTILE, (Ref("x", "Mål", "#x"),))
    facts = blocks.facts([fact])
    assert facts == (
        '<dl class="facts">\n'
        f'<div><dt>Målgrupp</dt><dd lang="sv">{ESCAPED}, '
        '<a href="sida.html#x" lang="sv">Mål</a></dd></div>\n</dl>\n'
    )
    assert blocks.paragraphs([HOSTILE], "lead") == f'<p class="lead" lang="sv">{ESCAPED}</p>\n'
    inner = Markup('<table class="activities"></table>')
    goal = ItemView("m-1", "m-1", "goal", "Mål", HOSTILE, facts=[fact])
    block = blocks.item(goal, 3, "goal", inner)
    assert block.startswith('<article class="block goal" aria-labelledby="m-1">\n<h3 id="m-1"')
    assert block.endswith('<table class="activities"></table></article>')
    assert "<img" not in block


def test_a_sentence_of_the_site_marks_the_text_from_the_files_it_holds() -> None:
    english = PageMarkup(SiteLabels("en"), Markup(' lang="sv"'), lambda ref: None)
    said = english.told("accessibility_assessed_by", stop=True, name=HOSTILE)
    assert said == f'The assessment was made by <span lang="sv">{ESCAPED}</span>.'
    ended = english.told("accessibility_assessed_by", stop=True, name="webbredaktionen.")
    assert ended == 'The assessment was made by <span lang="sv">webbredaktionen.</span>'
    assert english.in_files(HOSTILE) == f'<span lang="sv">{ESCAPED}</span>'
    # In the files' own language, the sentence as `sentence(t.get(...))` wrote it, unmarked.
    swedish = _markup()
    said = swedish.told("accessibility_assessed_by", stop=True, name=HOSTILE)
    assert said == f"Granskningen gjordes av {ESCAPED}."
    assert swedish.in_files(HOSTILE) == ESCAPED


# The goal list's and the area pages' items as the templates once wrote them, a Jinja loop each.
_LOOPS = {
    "by_area": '{% for x in items %}<li class="goal-item {{ classes(x.contribution) }}">'
    "{{ mk.contribution(x.contribution, x.via) }}</li>\n{% endfor %}",
    "plain": '{% for c in items %}<li class="goal-item {{ classes(c) }}">'
    "{{ mk.contribution(c) }}</li>\n{% endfor %}",
    "area": "{% for x in items %}<li>{{ mk.contribution(x.contribution, x.via) }}</li>\n"
    "{% endfor %}",
    "by_status": '{% for c in items %}<li class="goal-item {{ classes(c) }}">'
    '<span class="kind">{{ c.kind }}:</span> {{ mk.link(c.ref) }} '
    '<span class="note"{{ mk.lang }}>({{ c.organisation.name }})</span></li>\n{% endfor %}',
}


def _contributions() -> list[Contribution]:
    owner = OrganisationLink("n", HOSTILE, "organisationer/n.html")
    met = StatusView(Status.MET.value, "●", HOSTILE, "2025")
    return [
        Contribution(Ref("a", HOSTILE, "#a"), HOSTILE, met, (), owner),
        Contribution(Ref("b", "Mål B", None), "Mål", None, (Ref("a", "A", "#a"),), owner),
        Contribution(Ref("", "Inriktning", "#n"), "Inriktning", met, (), owner),
    ]


def test_a_list_of_contributions_is_what_the_template_s_loop_wrote() -> None:
    env = jinja2.Environment(autoescape=True)
    contributions = _contributions()
    via = [None, Ref("a", HOSTILE, "#a"), Ref("z", "Z", None)]
    placed = [AreaContribution(c, v) for c in contributions for v in via]

    def classes(c: Contribution) -> str:
        return f"org-n omrade-{c.ref.id} {HOSTILE}"

    for xl in ["", ' lang="sv"']:
        mk = _markup(xl)
        lists = {
            "by_area": (placed, mk.contribution_items(placed, classes)),
            "plain": (contributions, mk.contribution_items(contributions, classes)),
            "area": (placed, mk.contribution_items(placed)),
            "by_status": (contributions, mk.owned_items(contributions, classes)),
        }
        for name, (items, written) in lists.items():
            looped = env.from_string(_LOOPS[name]).render(items=items, classes=classes, mk=mk)
            assert isinstance(written, Markup)
            assert str(written) == looped, name
        assert mk.contribution_items([]) == ""
