"""What the pages count as goals: every goal judged, smart goals too, and no direction.

Huddinge's model has no board goals: its indicators with targets are its
smart goals (`stands_as_goal`), judged on their own by `styr status`. The start
page's summary, the report's overview and the comparison of municipalities
count them as goals; an area's count of contributing goals leaves the boards'
directions out (they are listed, but they are not goals).
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES

from styr.followup.evaluate import evaluate, stands_as_goal
from styr.followup.fulfilment import read_scale
from styr.model.index import shared_index
from styr.model.repository import load_repository
from styr.report.build import build_report
from styr.site import build_site

_SUMMARY_ITEM = re.compile(
    r'status-symbol" aria-hidden="true">.</span> ([^<]+)</span>: <strong>(\d+) mål'
)


def _judged(example: str) -> Counter[str]:
    """How many goals `styr status` judges to each status, by its key (`met`, `no_target`)."""
    repository = load_repository(EXAMPLES / example)
    index = shared_index(repository)
    result = evaluate(repository, index, read_scale(repository.manifest_data.get("follow_up")))
    return Counter(goal.status.value for goal in result.goals)


def _summary(page: str) -> list[tuple[str, int]]:
    section = re.split(r'<ul class="status-summary"[^>]*>', page, maxsplit=1)[1].split("</ul>")[0]
    return [(word, int(count)) for word, count in _SUMMARY_ITEM.findall(section)]


def test_a_model_of_smart_goals_gets_its_summary_on_the_start_page(tmp_path: Path) -> None:
    build_site([EXAMPLES / "huddinge"], tmp_path / "w")
    start = (tmp_path / "w" / "index.html").read_text("utf-8")
    judged = _judged("huddinge")
    assert sum(judged.values()) > 0 and "met" in judged  # the example judges smart goals
    summary = _summary(start)
    assert sum(count for _, count in summary) == sum(judged.values())
    assert ("Uppfyllt", judged["met"]) in summary


def test_the_summary_links_only_to_statuses_the_goal_list_shows(tmp_path: Path) -> None:
    build_site([EXAMPLES / "huddinge"], tmp_path / "w")
    start = (tmp_path / "w" / "index.html").read_text("utf-8")
    goals = (tmp_path / "w" / "mal.html").read_text("utf-8")
    linked = re.findall(r'href="mal\.html#(status-[a-z_]+)"', start)
    assert linked  # the smart goals are in the goal list, by status
    for anchor in linked:
        assert f'id="{anchor}"' in goals
    # The council's smart goals have no target this year: counted, and listed there too.
    assert 'href="mal.html#status-no_target"' in start


class _StatusCounts(HTMLParser):
    """Per status key: the start page's count ("4 mål"), or the goal list's items under it."""

    def __init__(self) -> None:
        super().__init__()
        self.summary: dict[str, int] = {}
        self.listed: Counter[str] = Counter()
        self._in_summary = False
        self._status = ""  # the summary's item, or the goal list's section, being read
        self._in_count = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "ul" and "status-summary" in classes:
            self._in_summary = True
        elif self._in_summary and tag == "span" and "status" in classes:
            self._status = next(c[7:] for c in classes if c.startswith("status-"))
        elif self._in_summary and tag == "strong":
            self._in_count = True
        elif tag == "h3" and (found.get("id") or "").startswith("status-"):
            self._status = (found.get("id") or "")[7:]
        elif tag == "h2":
            self._status = ""  # the goal list's sections by status end with the page's part
        elif tag == "li" and "goal-item" in classes and self._status and not self._in_summary:
            self.listed[self._status] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self._in_summary:
            self._in_summary = False
            self._status = ""
        elif tag == "strong":
            self._in_count = False

    def handle_data(self, data: str) -> None:
        if self._in_count:
            self.summary[self._status] = int(data.split()[0])


def _status_counts(page: Path) -> _StatusCounts:
    parser = _StatusCounts()
    parser.feed(page.read_text("utf-8"))
    return parser


@pytest.mark.parametrize("example", ["helsingborg", "huddinge"])
def test_each_count_of_the_summary_is_what_the_goal_list_shows(
    tmp_path: Path, example: str
) -> None:
    """A reader who follows "4 mål" to the goal list finds those 4 there, for every status."""
    build_site([EXAMPLES / example], tmp_path / "w")
    summary = _status_counts(tmp_path / "w" / "index.html").summary
    listed = _status_counts(tmp_path / "w" / "mal.html").listed
    assert summary == dict(_judged(example))  # the start page counts what `styr status` judges
    assert dict(listed) == summary


def test_the_one_page_reports_count_smart_goals_too(tmp_path: Path) -> None:
    judged = _judged("huddinge")
    html = build_report([EXAMPLES / "huddinge"], "html")
    markdown = build_report([EXAMPLES / "huddinge"], "md")
    assert sum(count for _, count in _summary(html)) == sum(judged.values())
    assert f"| Måluppfyllelse 2025: ● Uppfyllt | {judged['met']} mål |" in markdown


def test_the_comparison_counts_smart_goals_at_each_level(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg", EXAMPLES / "huddinge"], tmp_path / "w")
    index = (tmp_path / "w" / "index.html").read_text("utf-8")
    huddinge = index.split('href="0126/index.html"', 1)[1]
    elements = shared_index(load_repository(EXAMPLES / "huddinge")).elements
    smart = [e for e in elements if e.category == "indicator" and stands_as_goal(e)]
    boards = sum(1 for e in smart if e.owner is not None)
    assert boards and len(smart) > boards  # smart goals at both levels
    assert f"<dt>Mål hos nämnder och bolag</dt><dd>{boards}</dd>" in huddinge
    assert f"<dt>Mål på fullmäktigenivå</dt><dd>{len(smart) - boards}</dd>" in huddinge
    assert f"<dt>Mål kopplade till fullmäktiges nivå</dt><dd>{boards} / {boards}</dd>" in huddinge


def test_an_areas_goal_count_leaves_the_boards_directions_out(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    area = (tmp_path / "w" / "omraden" / "inriktning-trygghet.html").read_text("utf-8")
    start = (tmp_path / "w" / "index.html").read_text("utf-8")
    lists = re.findall(r'<ul class="contributions">(.*?)</ul>', area.split('id="bidrar"')[1], re.S)
    items = sum(block.count("<li>") for block in lists)
    directions = sum(block.count('<span class="kind">Inriktning:</span>') for block in lists)
    assert directions and items > directions  # both are listed under the area
    assert f">Det som bidrar ({items})</h2>" in area
    card = start.split('href="omraden/inriktning-trygghet.html"', 1)[1].split("</li>", 1)[0]
    assert f"Mål som bidrar: {items - directions}<" in card


def test_a_direction_is_named_by_its_organisation_after_its_kind(tmp_path: Path) -> None:
    build_site([EXAMPLES / "huddinge"], tmp_path / "w")
    goals = (tmp_path / "w" / "mal.html").read_text("utf-8")
    kind = '<span class="kind">Inriktning:</span> '
    assert f'{kind}<a href="organisationer/kommunstyrelsen.html">Kommunstyrelsen</a>' in goals
    assert "Inriktning: Kommunstyrelsen" not in goals


def test_the_vision_heading_says_its_kind_once(tmp_path: Path) -> None:
    build_site([EXAMPLES / "huddinge"], tmp_path / "h")
    build_site([EXAMPLES / "helsingborg"], tmp_path / "s")
    huddinge = (tmp_path / "h" / "index.html").read_text("utf-8")
    helsingborg = (tmp_path / "s" / "index.html").read_text("utf-8")
    assert '<h2 id="vision-vision">Huddinge kommuns vision</h2>' in huddinge
    assert '<span class="kind">Vision</span> Helsingborg 2035</h2>' in helsingborg


def test_the_shared_statement_leads_to_each_municipalitys_own(tmp_path: Path) -> None:
    """On a site over many, whom to tell of a problem is each municipality's own statement."""
    build_site([EXAMPLES / "helsingborg", EXAMPLES / "huddinge"], tmp_path / "w")
    root = (tmp_path / "w" / "tillganglighet.html").read_text("utf-8")
    for code, name in (("1283", "Helsingborgs stad"), ("0126", "Huddinge kommun")):
        assert f'<li><a href="{code}/tillganglighet.html">{name}</a></li>' in root
        assert (tmp_path / "w" / code / "tillganglighet.html").is_file()
    one = tmp_path / "one"
    build_site([EXAMPLES / "huddinge"], one)
    assert "tillganglighet.html</a></li>" not in (one / "tillganglighet.html").read_text("utf-8")
