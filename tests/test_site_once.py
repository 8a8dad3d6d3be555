"""What a site does once instead of for every page or file, and the pages it still writes
alike: the marker of the files written without a walk of the folder, the lists of blocks
and the table cells written in one call, the notice rendered once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from xml.sax import saxutils

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

import styr.files_many as files_many
from styr.files_owned import files_below
from styr.lint import load_and_lint
from styr.report.language import content_lang_attribute
from styr.report.view_types import Fact, ItemView, Reading, Ref
from styr.site import build_site
from styr.site.build import MARKER, site_view
from styr.site.markup import PageMarkup
from styr.site.pages import Crumb, breadcrumbs
from styr.site.render import site_environment
from styr.site.sitemap import escape as sitemap_escape
from styr.site.texts import SiteLabels
from tests.conftest import EXAMPLES


def _listed(folder: Path) -> list[str]:
    return (folder / MARKER).read_text("utf-8").splitlines()[1:]


@pytest.mark.parametrize("examples", [["huddinge"], ["helsingborg", "huddinge"]])
def test_the_marker_lists_every_file_written_without_walking_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: list[str]
) -> None:
    """The files the writers kept count of are the files in the folder: the marker lists
    each (the stylesheets too), and the staging folder is not walked to find them."""

    def walked(folder: Path, marker: str) -> list[str]:
        raise AssertionError("the staging folder was walked")

    monkeypatch.setattr(files_many, "files_below", walked)
    output = tmp_path / "site"
    build_site([EXAMPLES / name for name in examples], output)
    listed = _listed(output)
    assert listed == files_below(output, MARKER)
    assert any(name.endswith("stil.css") for name in listed)


def _markup() -> PageMarkup:
    def href(ref: Ref) -> str | None:
        return None if ref.href is None else f"sida.html{ref.href}"

    return PageMarkup(SiteLabels("sv"), Markup(' lang="sv"'), href)


def _item(anchor: str, title: str) -> ItemView:
    return ItemView(id=anchor, anchor=anchor, category="goal", kind="Mål", title=title)


def test_a_list_of_blocks_is_each_block_on_its_own_line() -> None:
    mk = _markup()
    goals = [_item("mal-1", "Först"), _item("mal-2", "<Sedan>")]
    written = mk.items(goals, 3, "goal")
    assert written == "".join(f"{mk.item(goal, 3, 'goal')}\n" for goal in goals)
    assert "&lt;Sedan&gt;" in written
    assert mk.items([], 3) == ""


def test_a_cell_is_its_text_and_links_or_says_it_is_not_given() -> None:
    mk = _markup()
    assert mk.cell(None) == f'<span class="note">{SiteLabels("sv").not_given}</span>'
    fact = Fact("Ägare", "<KS>", (Ref("n", "Nämnden", "#n"),))
    assert mk.cell(fact) == '&lt;KS&gt;, <a href="sida.html#n" lang="sv">Nämnden</a>'
    assert mk.cell(fact, mk.lang).startswith('<span lang="sv">&lt;KS&gt;</span>, <a ')
    assert mk.cell(Fact("Ägare", "", (Ref("n", "Nämnden", "#n"),)), mk.lang) == (
        '<a href="sida.html#n" lang="sv">Nämnden</a>'
    )


@given(st.text())
def test_the_sitemaps_escape_is_xmls_own(text: str) -> None:
    """The sitemap's own escape writes what `xml.sax.saxutils.escape` wrote, without
    importing it (and urllib's client with it)."""
    assert sitemap_escape(text) == saxutils.escape(text)


# What organisation.html.j2 said before its opening was written in Python, line for line.
_OPENING_AS_JINJA = """\
{% if o.type and not o.name.casefold().startswith(o.type.casefold()) %}<p class="eyebrow">{{ o.type }}</p>{% endif %}
<h1 id="{{ o.anchor }}"{% if o.name_from_files %}{{ xl }}{% endif %}>{{ o.name }}</h1>
{% if o.unreadable_file %}<p class="unreadable"><strong>{% if o.name_from_files %}{{ t.get("board_unreadable", name=o.name) }}{% else %}{{ t.part_unreadable }}{% endif %}</strong></p>{% endif %}
{{ mk.facts(o.facts) -}}
{% if o.mission or o.mission_facts %}
<section aria-labelledby="uppdrag">
<h2 id="uppdrag">{{ t.mission }}</h2>
{{ mk.paragraphs(o.mission, "lead") -}}
{{ mk.facts(o.mission_facts) -}}
</section>
{% endif %}
{% if o.direction or o.direction_contributes_to or o.direction_indicators %}
<section aria-labelledby="inriktning">
<h2 id="inriktning">{{ t.direction }}</h2>
{{ mk.paragraphs(o.direction) -}}
{{ mk.facts(o.direction_facts) -}}
{{ mk.refs(t.contributes_to, o.direction_contributes_to) -}}
{% for i in o.direction_indicators %}
{{ mk.indicator(i, 3) }}
{% endfor %}
</section>
{% endif %}
{% if o.area_readings %}
<section aria-labelledby="lasning">
<h2 id="lasning">{{ t.area_readings }}</h2>
<dl class="readings">
{% for reading in o.area_readings %}
<dt>{{ mk.link(reading.area) }}</dt>
<dd>{% for paragraph in reading.paragraphs %}<p>{{ paragraph }}</p>{% endfor %}{{ mk.facts(reading.facts) }}</dd>
{% endfor %}
</dl>
</section>
{% endif %}
"""  # noqa: E501


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("example", ["helsingborg", "huddinge"])
def test_an_organisations_opening_is_what_its_jinja_lines_wrote(
    example: str, language: str
) -> None:
    """Every organisation of the examples (one of them unreadable, with a name or without,
    on a page in the files' language and in another): the opening written in Python is
    byte for byte what the template's lines wrote."""
    repository, result = load_and_lint(EXAMPLES / example, date(2026, 12, 1))
    labels = SiteLabels(language)
    view, _ = site_view(repository, labels, result)
    xl = content_lang_attribute(repository.language or "sv", language)
    mk = PageMarkup(labels, xl, lambda ref: ref.href)
    jinja = site_environment().from_string(_OPENING_AS_JINJA)
    organisations = [o for group in view.groups for o in group.organisations]
    organisations.append(replace(organisations[0], unreadable_file="x.yaml"))
    organisations.append(replace(organisations[0], unreadable_file="x", name_from_files=False))
    read = Reading(Ref("a", "<Området>", "#a"), ["Så <läser> vi", "Och så"], (Fact("Källa", "Y"),))
    organisations.append(replace(organisations[0], area_readings=[read, replace(read, facts=())]))
    for o in organisations:
        expected = jinja.render(o=o, mk=mk, t=labels, xl=xl)
        assert mk.organisation_opening(o) == expected, o.id


# What _layout.html.j2 said before its breadcrumbs were written in Python.
_CRUMBS_AS_JINJA = """\
{% if crumbs | length > 1 %}
<nav class="breadcrumbs" aria-label="{{ t.breadcrumbs }}">
<ol class="wrap">
{% for crumb in crumbs %}
<li{% if crumb.from_files %}{{ xl }}{% endif %}>{% if crumb.page %}<a href="{{ to(crumb.page) }}">{{ crumb.title }}</a>{% elif loop.last %}<span aria-current="page">{{ crumb.title }}</span>{% else %}{{ crumb.title }}{% endif %}</li>
{% endfor %}
</ol>
</nav>
{% endif %}
"""  # noqa: E501


@pytest.mark.parametrize("xl", ["", ' lang="sv"'])
@pytest.mark.parametrize(
    "crumbs",
    [
        [],
        [Crumb("Start", "index.html")],
        [Crumb("Alla", "../index.html"), Crumb("Start", "index.html"), Crumb("<Nämnd>")],
        [Crumb("Start", "index.html"), Crumb("Nivå", None, True), Crumb("Sist & slut", None, True)],
        [Crumb("Start", "index.html"), Crumb("Mål", "mal.html", True)],
    ],
)
def test_the_breadcrumbs_are_what_the_layouts_jinja_wrote(crumbs: list[Crumb], xl: str) -> None:
    labels = SiteLabels("sv")

    def to(page: str) -> str:
        return f"../{page}?a&b"

    jinja = site_environment().from_string(_CRUMBS_AS_JINJA)
    expected = jinja.render(crumbs=crumbs, t=labels, xl=Markup(xl), to=to)
    assert breadcrumbs(crumbs, to, Markup(xl), labels.breadcrumbs) == expected
