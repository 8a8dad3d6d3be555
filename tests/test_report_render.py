"""Rendering the report: escaping, a self-contained page, determinism, templates, indexes."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
import shutil
import time
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_helpers import (
    IMG_TITLE,
    PIPE_TITLE,
    SCRIPT_TITLE,
    rich_repository,
    template_refusal,
    user_template,
)

from styr.errors import UsageError
from styr.messages import message
from styr.report import build_report
from styr.report.markdown import md

TODAY = date(2027, 3, 1)


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("render") / "testby")


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("render") / "annanby", "Annanby", "0998")


class Page(HTMLParser):
    """What the tests read from a page: tags, ids, links, headings, text, style."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self.style = ""
        self._in: list[str] = []
        self._heading: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def attrs_of(self, tag: str) -> list[dict[str, str | None]]:
        return [attributes for name, attributes in self.tags if name == tag]


def html_of(*roots: Path, language: str | None = None, findings: bool = False) -> str:
    return build_report(
        list(roots), "html", language, None, findings, today=TODAY, allow_errors=True
    )


def test_a_script_in_a_title_is_text_not_markup(rich: Path) -> None:
    html = html_of(rich)
    page = Page(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert page.attrs_of("script") == [] and page.attrs_of("img") == []
    assert any(SCRIPT_TITLE in text for _, text in page.headings)
    assert any(IMG_TITLE in text for _, text in page.headings)


def test_the_page_is_self_contained_with_a_strict_policy(rich: Path) -> None:
    html = html_of(rich, findings=True)
    page = Page(html)
    (policy,) = [
        a["content"]
        for a in page.attrs_of("meta")
        if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None
    assert "default-src 'none'" in policy and "script-src" not in policy
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy  # exactly the inline stylesheet
    assert page.attrs_of("script") == []
    for tag, attributes in page.tags:
        assert "src" not in attributes, tag
        assert "style" not in attributes, tag  # inline style attributes would need unsafe-inline
    links = [a for a in page.attrs_of("link")]
    assert [a.get("href") for a in links] == ["data:,"]  # only the empty favicon
    assert "url(" not in page.style and "@import" not in page.style
    assert "@font-face" not in page.style
    assert "@page { size: A4" in page.style and "@media print" in page.style
    assert "@media (max-width" in page.style


def test_lang_landmarks_and_heading_order(rich: Path) -> None:
    page = Page(html_of(rich, findings=True))
    assert page.attrs_of("html")[0]["lang"] == "sv"
    for landmark in ("header", "nav", "main", "footer"):
        assert page.attrs_of(landmark), landmark
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} followed by h{after}"
    english = Page(html_of(rich, language="en"))
    assert english.attrs_of("html")[0]["lang"] == "en"
    assert "Goal (2)" in [text for _, text in english.headings]  # the model's English name


def test_ids_are_unique_and_every_internal_link_resolves(rich: Path, other: Path) -> None:
    for html in (html_of(rich, findings=True), html_of(rich, other, findings=True)):
        page = Page(html)
        assert len(page.ids) == len(set(page.ids))
        targets = {str(a["href"])[1:] for a in page.attrs_of("a") if str(a["href"]).startswith("#")}
        assert targets and targets <= set(page.ids)


def test_every_board_and_goal_is_on_the_page(rich: Path) -> None:
    page = Page(html_of(rich))
    headings = [text for level, text in page.headings if level == 3]
    for name in ("Skolnämnden", "Testby Energi AB", "Skolförvaltningen", "Exempelnämnden"):
        assert name in headings
    goals = [a for a in page.attrs_of("article") if "goal" in str(a.get("class")).split()]
    assert len(goals) == 4
    assert len([a for a in page.attrs_of("li") if a.get("class") == "chain-target"]) == 2


def test_external_links_are_plain_links(rich: Path) -> None:
    hrefs = [str(a["href"]) for a in Page(html_of(rich)).attrs_of("a")]
    assert "https://www.kolada.se/verktyg/fri-sokning/?kpis=N15428&municipals=0999" in hrefs
    assert "https://sdgs.un.org/goals/goal4" in hrefs
    assert all(h.startswith(("#", "https://www.kolada.se/", "https://sdgs.un.org/")) for h in hrefs)


def test_findings_show_level_as_word_and_symbol(rich: Path) -> None:
    html = html_of(rich, findings=True)
    assert "C001" in html and "✖</span> Fel" in html and "▲</span> Varning" in html
    assert "organisation/skolnamnden.yaml:" in html
    assert str(rich) not in html  # never a path of the machine that made the report


def test_same_input_gives_the_same_bytes_wherever_it_lies(rich: Path, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "testby"
    shutil.copytree(rich, copy)
    for fmt in ("html", "md"):
        first = build_report([rich], fmt, None, None, True, today=TODAY, allow_errors=True)
        assert first == build_report([rich], fmt, None, None, True, today=TODAY, allow_errors=True)
        assert first == build_report([copy], fmt, None, None, True, today=TODAY, allow_errors=True)
        assert first.endswith("\n") and not first.endswith("\n\n")
        assert not re.search(r"[ \t]$", first, re.MULTILINE)


def test_several_repositories_give_a_comparison(rich: Path, other: Path) -> None:
    html = html_of(rich, other)
    page = Page(html)
    second_level = [text for level, text in page.headings if level == 2]
    assert second_level == ["Innehåll", "Jämförelse", "Testby", "Annanby"]
    compare = html.split('<table class="compare">', 1)[1].split("</table>", 1)[0]
    assert "Testby" in compare and "Annanby" in compare
    assert "k0999-mal-skn-mal-1" in page.ids and "k0998-mal-skn-mal-1" in page.ids
    markdown = build_report([rich, other], "md", today=TODAY, allow_errors=True)
    assert "| Mått | [Testby](#k0999-kommun) | [Annanby](#k0998-kommun) |" in markdown
    assert '## <a id="k0998-kommun"></a>Annanby' in markdown


def _table_boxes(page: Page) -> list[tuple[dict[str, str | None], str]]:
    """Each table's box (`div.table-wrap`) with the table's class, in the page's order."""
    pairs = zip(page.tags, page.tags[1:], strict=False)
    return [
        (box, str(table.get("class")))
        for (outer, box), (inner, table) in pairs
        if outer == "div" and box.get("class") == "table-wrap" and inner == "table"
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_table_that_keeps_its_columns_scrolls_in_a_named_region(
    rich: Path, other: Path, language: str
) -> None:
    """A table that keeps its columns on a phone (the matrix, the comparison) scrolls inside
    its box: a region named by its caption that a keyboard can reach (WCAG 1.4.10, 2.1.1).
    A table that stacks on a phone never scrolls, and is no tab stop of its own."""
    html = html_of(rich, other, language=language)
    boxes = _table_boxes(Page(html))
    kept = [(box, table) for box, table in boxes if "stack" not in table.split()]
    assert {table for _, table in kept} == {"matrix", "compare"}
    captions = dict(
        re.findall(r'<table class="(matrix|compare)">\n<caption>([^<]+)</caption>', html)
    )
    for box, table in kept:
        assert box.get("role") == "region" and box.get("tabindex") == "0", table
        assert box.get("aria-label") == unescape(captions[table])
    assert [box for box, table in boxes if "stack" in table.split() and len(box) > 1] == []


def test_templates_can_be_overridden_one_file_at_a_time(rich: Path, tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "{{ t.goals }}: {{ r.stats.goals }} – {{ r.municipality | md }}\n", encoding="utf-8"
    )
    assert build_report([rich], "md", None, tmp_path, allow_errors=True) == "Mål: 4 – Testby\n"
    # not overridden: the bundled one
    html = build_report([rich], "html", None, tmp_path, allow_errors=True)
    assert html.startswith("<!DOCTYPE html>")


def test_bad_input_is_a_usage_error(rich: Path, tmp_path: Path) -> None:
    cases = [
        (lambda: build_report([rich], "pdf"), "unknown-format"),
        (lambda: build_report([rich], "md", "de"), "unknown-language"),
        (lambda: build_report([tmp_path / "nowhere"], "md"), "path-missing"),
        (
            lambda: build_report([rich], "md", None, tmp_path / "nowhere", allow_errors=True),
            "report-templates-missing",
        ),
    ]
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "report.md.j2").write_text("{% if %}", encoding="utf-8")
    cases.append(
        (
            lambda: build_report([rich], "md", None, tmp_path / "broken", allow_errors=True),
            "report-template-syntax",
        )
    )
    (tmp_path / "typo").mkdir()
    (tmp_path / "typo" / "report.md.j2").write_text("{{ t.no_such_label }}", encoding="utf-8")
    cases.append(
        (
            lambda: build_report([rich], "md", None, tmp_path / "typo", allow_errors=True),
            "report-template-failed",
        )
    )
    for call, key in cases:
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Fler *elever* | färre _fel_", r"Fler \*elever\* \| färre \_fel\_"),
        ("<b>fet</b> & [länk](x)", r"\<b\>fet\</b\> \& \[länk\](x)"),
        ("# inte en rubrik", r"\# inte en rubrik"),
        ("1. inte en lista", r"1\. inte en lista"),
        ("- inte en punkt", r"\- inte en punkt"),
        ("+ inte heller", r"\+ inte heller"),
        ("`kod` och ~~struket~~", r"\`kod\` och \~\~struket\~\~"),
        ("rad ett\nrad två", "rad ett rad två"),
        ("C:\\mapp", "C:\\\\mapp"),
        (2026, "2026"),
        (None, ""),
    ],
)
def test_markdown_escaping(text: object, escaped: str) -> None:
    assert md(text) == escaped


def test_a_pipe_in_a_title_stays_in_its_table_cell(rich: Path) -> None:
    markdown = build_report([rich], "md", allow_errors=True)
    (row,) = [
        line for line in markdown.splitlines() if "ind-skn-ind-1" in line and "Kostnad" in line
    ]
    assert md(PIPE_TITLE) in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 6  # five columns: the title's pipe is escaped


MALFORMED = """\
kind: organisation
id: trasig
type: okand-typ
name: [inte, text]
mission: text i stället för en map
direction: {text: 12, contributes_to: nope}
area_readings: [{area: 5}, 3, {text: x}]
goals:
  - id: t-1
    title: {a: b}
    horizon: {start: x}
    agenda2030: [4, "99", null]
    indicators:
      - id: t-i
        title: 7
        baseline: 3
        targets: [{year: x, value: y}, 5, {year: 2025}]
        milestones: nope
        kolada: 15428
        better: range
        range: [1, 2]
  - just a string
  - id: t-1
    title: Dubblett
assignments: [{id: a1, title: A, to: [x]}]
"""


def test_a_broken_repository_still_renders(blank_repo: Path) -> None:
    (blank_repo / "organisation" / "trasig.yaml").write_text(MALFORMED, encoding="utf-8")
    (blank_repo / "trasig.yaml").write_text("key: [unclosed\n", encoding="utf-8")
    (blank_repo / "binar.yaml").write_bytes(b"\xff\xfe\x00garbage")
    html = build_report([blank_repo], "html", None, None, True, today=TODAY, allow_errors=True)
    page = Page(html)
    assert len(page.ids) == len(set(page.ids))
    assert {"mal-t-1", "mal-t-1-2", "org-trasig"} <= set(page.ids)  # duplicate ids told apart
    assert re.search(r"<code>trasig\.yaml:\d+:\d+</code>", html)  # the broken file, in the summary
    markdown = build_report([blank_repo], "md", None, None, True, today=TODAY, allow_errors=True)
    assert '<a id="mal-t-1-2"></a>Dubblett' in markdown


def test_many_municipalities_give_a_comparison_only_index(tmp_path: Path) -> None:
    from styr.report.build import FULL_REPORTS_UP_TO
    from styr.scaffold import init_repository

    count = FULL_REPORTS_UP_TO + 1
    for number in range(count):
        init_repository(tmp_path / f"k{number:02d}", "blank", f"Kommun {number}", f"{number:04d}")
    html = build_report([tmp_path], "html", None)
    assert html.count('<th scope="col"><a href="#') == count  # one column per municipality
    assert 'class="municipality"' not in html  # no full reports
    assert "bara jämförelsen" in html
    assert build_report([tmp_path], "html", None) == html  # parallel, and still deterministic
    markdown = build_report([tmp_path], "md", "en")
    assert "comparison only" in markdown


# user templates: read only inside their folder (D6), bounded in time and size (D20)


def test_an_include_never_follows_a_link_out_of_the_template_folder(
    rich: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "hemlig.txt"
    secret.write_text("lösenord=hemligt\n", encoding="utf-8")
    folder = user_template(tmp_path / "mallar", '{% include "lank.j2" %}\n')
    (folder / "lank.j2").symlink_to(secret)
    error = template_refusal(rich, folder)
    assert error.key == "report-template-refused"
    assert error.params["name"] == "lank.j2"
    assert "hemligt" not in str(error.params)


def test_a_template_cannot_climb_out_of_its_folder(rich: Path, tmp_path: Path) -> None:
    (tmp_path / "utanfor.j2").write_text("utanför\n", encoding="utf-8")
    folder = user_template(tmp_path / "mallar", '{% include "../utanfor.j2" %}\n')
    assert template_refusal(rich, folder).key == "report-template-error"


def test_a_template_folder_may_include_its_own_files(rich: Path, tmp_path: Path) -> None:
    folder = user_template(tmp_path / "mallar", '{% include "del.j2" %}\n')
    (folder / "del.j2").write_text("{{ r.municipality | md }}\n", encoding="utf-8")
    assert build_report([rich], "md", None, folder, allow_errors=True) == "Testby\n"


@pytest.mark.parametrize(
    ("template", "key"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "report-template-too-many-steps",
        ),
        (
            "{% set r = range(1000) | list %}{% for a in r %}{% for b in r %}{% for c in r %}"
            "{% endfor %}{% endfor %}{% endfor %}",
            "report-template-too-many-steps",
        ),
        ("{{ 'x' * 400000000 }}", "report-template-too-large"),
        ("{{ ['x'] * 400000000 }}", "report-template-too-large"),
        ("{{ 10 ** 100000000 }}", "report-template-too-large"),
        ("{{ range(400000000) | list }}", "report-template-too-large"),
        ("{{ 'x' | center(400000000) }}", "report-template-too-large"),
        ("{{ 'x'.ljust(400000000) }}", "report-template-too-large"),
        ("{{ '%0400000000d' | format(1) }}", "report-template-too-large"),
        ("{{ '%0400000000d' % 1 }}", "report-template-too-large"),
        ("{{ '{:400000000}'.format(1) }}", "report-template-too-large"),
        ("{{ ('x' * 10000).replace('', 'y' * 10000) }}", "report-template-too-large"),
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "report-template-too-large",
        ),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "report-template-too-deep"),
        # One call that would build a huge text is refused before it builds it.
        ("{{ lipsum(1000000) }}", "report-template-too-large"),
        ("{{ ('\t' * 1000).expandtabs(9000000) }}", "report-template-too-large"),
        ("{{ '%*d' % (99999999, 1) }}", "report-template-too-large"),
        ("{{ '%9000000d%9000000d' % (1, 2) }}", "report-template-too-large"),
        ("{{ ('{:>9000000}' * 100).format(*range(100)) }}", "report-template-too-large"),
        ("{{ '{a:>9000000}{a:>9000000}'.format_map({'a': 1}) }}", "report-template-too-large"),
        ("{{ ('\n' * 5000000) | indent(5) }}", "report-template-too-large"),
        ("{% set b = 'x' * 9000000 %}{{ [b] * 100 }}", "report-template-too-large"),
        ("{% set b = 'x' * 9000000 %}{{ ([b] * 100) | join }}", "report-template-too-large"),
        ("{% set b = 'x' * 9000000 %}{{ ','.join([b] * 100) }}", "report-template-too-large"),
        ("{% set b = 'x' * 9000000 %}{{ [b] * 100 ~ '' }}", "report-template-too-large"),
        (
            "{% set ns = namespace(s='x' * 9000000) %}{{ ([ns] * 100) | join(attribute='s') }}",
            "report-template-too-large",
        ),
        # wordwrap runs in one call that no deadline stops: its text is bounded instead.
        ("{{ ('a ' * 4000000) | wordwrap }}", "report-template-too-large"),
        ("{{ ('a ' * 400000) | wordwrap(1, wrapstring='x' * 100) }}", "report-template-too-large"),
        # styr's own helpers: what a template can make them repeat is reckoned first.
        ("{{ items_md([r] * 1500000, t, 3, '', none, none) }}", "report-template-too-large"),
        (
            "{{ items_md(['a', 'b'], t, 3, 'x' * 5000000, none, none) }}",
            "report-template-too-large",
        ),
    ],
)
def test_a_user_template_is_stopped_at_its_bounds(
    rich: Path, tmp_path: Path, template: str, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.report.sandbox_budget as sandbox_budget

    monkeypatch.setattr(sandbox_budget, "STEPS", 2_000_000)  # the same bound, reached sooner
    assert template_refusal(rich, user_template(tmp_path / "mallar", template)).key == key


def test_a_helper_fills_only_the_reports_own_labels(rich: Path, tmp_path: Path) -> None:
    # A template's own object as the labels would give `told` a text of its choosing to fill.
    template = "{% set ns = namespace(k='{a} {a}') %}{{ told(ns, 'k', ' lang=\"sv\"', a='b') }}"
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    assert error.key == "report-template-failed", error.key
    assert "labels" in str(error.params)


def test_a_helper_refuses_labels_not_its_own_in_the_readers_language(
    rich: Path, tmp_path: Path
) -> None:
    # The refusal is styr's own text, not Jinja's: a Swedish message says it in Swedish.
    template = "{% set ns = namespace(k='x') %}{{ told(ns, 'k', '') }}"
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    swedish = message(error.key, "sv", **error.params)
    english = message(error.key, "en", **error.params)
    assert "told: t måste vara rapportens egna texter" in swedish
    assert "must" not in swedish
    assert "told: t must be the report's own labels" in english


def test_a_long_call_is_stopped_at_the_deadline_while_it_runs(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter's loop in Python counts its items as steps, so the deadline stops it."""
    import styr.report.sandbox_budget as sandbox_budget

    monkeypatch.setattr(sandbox_budget, "SECONDS", 0.2)
    folder = user_template(tmp_path / "mallar", "{{ range(9000000) | map('string') | join }}")
    started = time.monotonic()
    assert template_refusal(rich, folder).key == "report-template-too-slow"
    assert time.monotonic() - started < 10


def test_widths_and_joins_within_the_bounds_still_work(rich: Path, tmp_path: Path) -> None:
    template = (
        "{{ '{:>4}|{}'.format(1, 'a') }} {{ '%5.1f' % 3.14159 }} {{ '%s-%s' | format(1, 2) }}"
        " {{ [1, 2] | join(',') }} {{ ','.join(['a', 'b']) }} {{ 'a\tb'.expandtabs(2) }}"
        " {{ range(5)[1:3] | list }} {{ 3 in range(5) }} {{ range(5) | sum }}"
        " {{ lipsum(1, html=false, min=3, max=4) | wordcount }}"
    )
    folder = user_template(tmp_path / "mallar", template)
    written = build_report([rich], "md", None, folder, allow_errors=True)
    assert written == "   1|a   3.1 1-2 1,2 a,b a b [1, 2] True 10 3\n"


@pytest.mark.parametrize(
    ("template", "line"),
    [
        ("rad ett\n{{ 1 / 0 }}", 2),
        ("{{ none.x.y }}", 1),
        ("\n\n{{ [].pop() }}", 3),
        ("{{ 'x' | truncate('a') }}", 1),
        ("{{ {1: 2, 'a': 3} | dictsort }}", 1),
        ("{{ 10 ** 5000 }}", 1),
        ("{{ lipsum(2, min=9, max=9) }}", 1),
        ("{% macro m(x) %}\n{{ x.y.z }}\n{% endmacro %}{{ m(none) }}", 2),
    ],
)
def test_a_python_error_in_a_template_names_its_file_and_line(
    rich: Path, tmp_path: Path, template: str, line: int
) -> None:
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    assert error.key == "report-template-failed"
    assert (error.params["name"], error.params["line"]) == ("report.md.j2", line)
    assert error.params["what"] and error.params["what"] != error.params["what_en"]


def test_an_error_in_an_included_template_names_the_included_file(
    rich: Path, tmp_path: Path
) -> None:
    folder = user_template(tmp_path / "mallar", '{% include "del/bit.j2" %}\n')
    (folder / "del").mkdir()
    (folder / "del" / "bit.j2").write_text("ok\nok\n{{ [][1] }}\n", encoding="utf-8")
    error = template_refusal(rich, folder)
    assert (error.key, error.params["name"], error.params["line"]) == (
        "report-template-failed",
        "del/bit.j2",
        3,
    )


@pytest.mark.parametrize(
    ("template", "line"),
    [("a\n{% if %}", 2), ("\n\n{{ 'x' | nosuchfilter }}", 3), ("{% for %}", 1)],
)
def test_a_template_written_wrong_names_its_file_and_line(
    rich: Path, tmp_path: Path, template: str, line: int
) -> None:
    error = template_refusal(rich, user_template(tmp_path / "mallar", template))
    assert error.key == "report-template-syntax"
    assert (error.params["name"], error.params["line"]) == ("report.md.j2", line)


def test_a_user_template_may_write_no_more_than_the_output_bound(
    rich: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.report.sandbox_budget as sandbox_budget

    monkeypatch.setattr(sandbox_budget, "MAX_OUTPUT", 1000)
    folder = user_template(
        tmp_path / "mallar", "{% for i in range(1000) %}{{ 'x' * 10 }}{% endfor %}"
    )
    assert template_refusal(rich, folder).key == "report-template-too-large"


def test_the_bundled_templates_run_within_the_bounds(rich: Path, tmp_path: Path) -> None:
    """Overriding nothing but a folder: the bundled report renders the same under the bounds."""
    folder = user_template(tmp_path / "mallar", "oanvänd\n", name="oanvand.j2")
    for fmt in ("md", "html"):
        bounded = build_report([rich], fmt, None, folder, allow_errors=True, today=TODAY)
        assert bounded == build_report([rich], fmt, allow_errors=True, today=TODAY)


@pytest.mark.parametrize(
    ("fmt", "chunks", "tidied"),
    [
        (
            "md",
            ["\n\n# Rubrik  \n", "\n\n\n", "text\t\n", "  \n", "mer"],
            "# Rubrik\n\ntext\n\nmer\n",
        ),
        ("html", ["\n<p>", "a</p>  \n\n", "\n  \n<p>b</p>\n\n"], "<p>a</p>\n<p>b</p>\n"),
        ("md", ["", "\n"], "\n"),
    ],
)
def test_tidying_is_the_same_whatever_the_batches(
    fmt: str, chunks: list[str], tidied: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from styr.report import render

    assert "".join(render._tidied(fmt, chunks)) == tidied
    monkeypatch.setattr(render, "_CHARACTERS_PER_BATCH", 2)
    assert "".join(render._tidied(fmt, chunks)) == tidied
    assert "".join(render._tidied(fmt, list("".join(chunks)))) == tidied
