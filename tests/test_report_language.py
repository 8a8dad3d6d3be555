"""The report in a resident's words: no developer words, the model's own headings, plain counts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES
from report_helpers import ROOT, example_paths, rich_repository
from test_site_language_of_parts import (
    _without_english_kind_names,
    kinds_unmarked,
    own_words_marked_swedish,
)

from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.report import build_report
from styr.report.headings import kind_heading, readings_heading
from styr.report.language import FilesWord, kind_words
from styr.report.texts import Labels

TROLLHATTAN = ROOT / "tests" / "fixtures" / "repos" / "trollhattan"
REPOSITORIES = [*example_paths(), TROLLHATTAN]

# Words of the file format and the tool that a resident should never have to read.
FORBIDDEN = [
    r"yaml",
    r"repositor",  # repository, repositorium, repositoriet, repositorier
    r"\bschema",
    r"\bkind\b",
    r"\bid\b",
    r"\bid:t\b",
    r"organisationstyp",
    r"organisation type",
    r"källa: lag\b",
    r"styr lint",
    r"--allow-errors",
    r"giltighet",
    r"\brubrik\b",
    r"–\s*–",  # a row of dashes for values that are not there
]


class VisibleText(HTMLParser):
    """The text a reader sees: no attributes, no style, no script."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self._hidden = 0
        self._heading: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
            if self._heading is not None:
                self._heading.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def markdown_text(markdown: str) -> str:
    """What a reader sees of the Markdown: no anchors, no link targets."""
    without_anchors = re.sub(r'<a id="[^"]*"></a>', "", markdown)
    return re.sub(r"\]\([^)]*\)", "]", without_anchors)


def report(root: Path, fmt: str = "html", language: str | None = None) -> str:
    return build_report([root], fmt, language, allow_errors=True)


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("root", REPOSITORIES, ids=lambda p: p.name)
def test_no_developer_words_a_resident_reads(root: Path, language: str) -> None:
    shown = {
        "html": VisibleText(report(root, "html", language)).text,
        "md": markdown_text(report(root, "md", language)),
    }
    for fmt, text in shown.items():
        for word in FORBIDDEN:
            found = re.search(word, text, re.IGNORECASE)
            assert found is None, (
                f"{fmt}: {word!r} in …{text[found.start() - 60 : found.end() + 60]}…"
            )


def test_the_forbidden_words_are_found_where_they_are() -> None:
    seen = VisibleText('<p title="kind">Källa: lag</p><style>.kind{}</style><p>1 – –</p>')
    assert [w for w in FORBIDDEN if re.search(w, seen.text, re.IGNORECASE)] == [
        r"källa: lag\b",
        r"–\s*–",
    ]


def headings(root: Path, language: str = "sv") -> list[str]:
    return [text for _, text in VisibleText(report(root, "html", language)).headings]


def test_headings_are_the_names_the_model_gives_its_kinds(tmp_path: Path) -> None:
    root = rich_repository(tmp_path / "testby")
    manifest = root / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    for old, new in [
        ("{sv: Ledord, en: Guiding word}", "{sv: Våra ledord, en: Our guiding words}"),
        ("{sv: Målbild, en: Waypoint}", "{sv: Etappmål mot visionen, en: Step towards}"),
        ("{sv: Målområde, en: Goal area}", "{sv: Fokusområde, en: Focus area}"),
        ("{sv: Fullmäktiges mål, en: Council goal}", "{sv: Prioriterat mål, en: Priority}"),
        ("{sv: Mål, en: Goal}", "{sv: Nämndmål, en: Board goal}"),
        ("{sv: Styrdokument, en: Steering document}", "{sv: Regelverk, en: Rulebook}"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    manifest.write_text(text, encoding="utf-8")

    swedish = headings(root)
    assert "Vision och etappmål mot visionen" in swedish
    assert "Våra ledord" in swedish and "Värdegrund" not in swedish
    assert "Fokusområde och prioriterat mål" in swedish
    assert "Regelverk" in swedish and "Styrdokument" not in swedish
    assert "Nämndmål (2)" in swedish
    assert "Tolkning av fokusområde" in swedish  # the board's reading of the areas
    english = headings(root, "en")
    assert "Vision and step towards" in english and "Our guiding words" in english
    assert "Focus area and priority" in english and "Board goal (2)" in english

    markdown = report(root, "md")
    assert '## <a id="vision"></a>Vision och etappmål mot visionen' in markdown
    assert "### Våra ledord" in markdown and "- [Fokusområde och prioriterat mål]" in markdown


def test_the_examples_headings_are_their_own_words() -> None:
    helsingborg, huddinge = example_paths()
    swedish = headings(helsingborg)
    assert "Vision och målbild" in swedish  # Helsingborg has a målbild: Målbild 2027
    assert "Förhållningssätt i tillitsbaserad styrning" in swedish
    assert "Värdegrund" not in swedish and "Stadens inriktning" in swedish
    assert "Vision and target picture" in headings(helsingborg, "en")
    others = headings(huddinge)
    assert "Vision" in others and "Vision och målbild" not in others  # no målbild
    assert "Värdegrund" in others and "Målområde" in others  # Huddinge's own words
    trollhattan = headings(TROLLHATTAN)
    assert "Ledord" in trollhattan and "Värdegrund" not in trollhattan
    assert "KF fokusområde och prioriterat mål" in trollhattan


def overview(root: Path, language: str = "sv") -> list[tuple[str, int]]:
    html = report(root, "html", language)
    strip = html[html.index('class="chain-strip"') : html.index("</ul>", html.index("chain-strip"))]
    return [
        (label.strip(), int(number))
        for label, number in re.findall(
            r'<li class="count-\w+">([^<]+)<span class="number">(\d+)', strip
        )
    ]


def test_huddinges_overview_counts_what_its_model_has_under_its_names() -> None:
    huddinge = next(p for p in example_paths() if p.name == "huddinge")
    index = build_index(load_repository(huddinge))
    counts = dict(overview(huddinge))
    assert not index.of_category("goal")  # its smarta mål are indicators
    assert all(number > 0 for number in counts.values()), counts
    assert "Mål" not in counts and "mål" not in counts
    indicators = [n for label, n in counts.items() if "indikator/smart mål" in label]
    assert sum(indicators) == len(index.of_category("indicator")) and len(indicators) == 2
    assert counts["Målområde"] == len(index.of_category("council_area"))
    assert counts["Nämnd (verksamhetsplan)"] == 2  # the organisations by the model's levels


def test_an_indicator_without_values_is_said_in_one_sentence(tmp_path: Path) -> None:
    root = rich_repository(tmp_path / "testby")
    council = root / "malomraden.yaml"
    text = council.read_text(encoding="utf-8")
    empty = "      - {id: kf-ind-tom, title: Ett mått utan värden, contributes_to: [malomrade-1]}\n"
    anchor = "        contributes_to: [malomrade-1]\n"
    council.write_text(text.replace(anchor, anchor + empty, 1), encoding="utf-8")
    html = report(root)
    row = html[html.index('id="ind-kf-ind-tom"') : html.index("</tr>", html.index("kf-ind-tom"))]
    assert "Inga värden är angivna ännu." in row and "–" not in row
    table = html[
        html.rindex("<table", 0, html.index("kf-ind-tom")) : html.index(
            "</table>", html.index("kf-ind-tom")
        )
    ]
    assert "Etappmål" not in table  # neither indicator has milestones: no column of dashes
    assert "Utgångsvärde" in table
    markdown = report(root, "md")
    line = next(line for line in markdown.splitlines() if "kf-ind-tom" in line)
    assert "Inga värden är angivna ännu." in line and "–" not in line


def test_empty_cells_and_fields_are_left_out(tmp_path: Path) -> None:
    root = rich_repository(tmp_path / "testby")
    text = VisibleText(report(root)).text
    assert "Enhet: –" not in text and " – · " not in text
    assert "Uppdraget kommer från reglementet" in text  # mission: source: reglemente
    assert "Gäller tills vidare" in text and "Gäller till 2030-12-31" in text
    assert "Den sociala basen" in text  # an area's own heading, shown without a label


@pytest.mark.parametrize(
    ("key", "count", "language", "said"),
    [
        ("index_intro", 1, "sv", "Jämförelse av 1 kommuns styrmodell, mål och indikatorer."),
        ("index_intro", 2, "sv", "Jämförelse av 2 kommuners styrmodeller, mål och indikatorer."),
        ("index_intro", 1, "en", "A comparison of 1 municipality's steering model, goals and"),
        ("contributes_here", 1, "en", "1 contributes here"),
        ("contributes_here", 3, "en", "3 contribute here"),
        ("goals", 1, "en", "1 goal"),
        ("goals", 2, "en", "2 goals"),
        ("goals", 2, "sv", "2 mål"),
        ("notice_errors", 1, "en", "found 1 error."),
        ("notice_errors", 4, "en", "found 4 errors."),
    ],
)
def test_counts_take_the_form_of_their_number(
    key: str, count: int, language: str, said: str
) -> None:
    assert said in Labels(language).counted(key, count)


def test_a_comparison_and_a_diagram_count_in_the_right_form(tmp_path: Path) -> None:
    first = rich_repository(tmp_path / "testby")
    second = rich_repository(tmp_path / "annanby", "Annanby", "0998")
    html = build_report([first, second], "html", "en", allow_errors=True)
    assert "A comparison of 2 municipalities' steering models" in VisibleText(html).text
    single = VisibleText(report(first, "html", "en")).text
    assert re.search(r"\b1 contributes here", single) and "1 contribute here" not in single


def test_an_organisations_type_is_shown_under_its_name_unless_the_name_says_it() -> None:
    html = report(next(p for p in example_paths() if p.name == "helsingborg"))
    company = html[html.index('id="org-ab-helsingborgshem"') :]
    assert company.index('<p class="org-type">Helägt bolag</p>') < company.index("</article>")
    board = html[html.index('id="org-kommunstyrelsen"') :]
    assert 'class="org-type"' not in board[: board.index("</article>")]  # "Kommunstyrelse"
    assert "Organisationstyp" not in html
    english = report(next(p for p in example_paths() if p.name == "helsingborg"), "html", "en")
    assert '<p class="org-type">Wholly owned company</p>' in english  # the model's English


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_comparison_has_no_developer_words_either(language: str) -> None:
    html = build_report(example_paths(), "html", language)
    text = VisibleText(html).text
    assert [word for word in FORBIDDEN if re.search(word, text, re.IGNORECASE)] == []


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_an_outcome_shows_only_the_values_it_has(fmt: str) -> None:
    from styr.report.followup import OutcomeView, StatusView
    from styr.report.render import environment

    status = StatusView("not_followed_up", "○", "Ej uppföljt")
    only_women = OutcomeView("2025", "", "48", "", "", status, "", "", "")
    nothing = OutcomeView("2025", "", "", "", "", status, "", "", "")
    template = environment(fmt, None).from_string(
        f'{{% from "_macros.{fmt}.j2" import outcome %}}{{{{ outcome(o, t) }}}}'
    )
    shown = template.render(o=only_women, t=Labels("sv"))
    assert "kvinnor 48" in shown and "män" not in shown and "–" not in shown
    bare = template.render(o=nothing, t=Labels("sv"))
    assert "–" not in bare and "Ej uppföljt" in bare and not bare.startswith("<br>")


def test_an_item_under_its_kinds_own_heading_does_not_say_its_kind_again() -> None:
    helsingborg = next(p for p in example_paths() if p.name == "helsingborg")
    seen = headings(helsingborg)
    assert "Den skapande staden" in seen and "Visionsområde Den skapande staden" not in seen
    area = "Helsingborg ska upplevas tryggt och vara säkert"
    assert area in seen and f"Stadens inriktning {area}" not in seen
    mixed = headings(TROLLHATTAN)  # "KF fokusområde och prioriterat mål": each says its kind
    assert "KF fokusområde Ett fokusområde" in mixed


def test_a_model_without_goal_areas_never_reads_of_goal_areas() -> None:
    # Trollhättan has fokusområden and prioriterade mål: no fixed "inriktning eller målområde".
    text = VisibleText(report(TROLLHATTAN)).text.casefold()
    assert "målområde" not in text and "inriktning" not in text


def test_a_heading_of_kinds_names_marks_the_files_words_and_not_the_reports() -> None:
    # "Vision and målbild" on an English page of a model that names the two in Swedish only:
    # each name read with a Swedish voice, the report's own "and" with an English one.
    t, xl = Labels("en"), ' lang="sv"'
    joined = kind_heading([FilesWord("Vision"), FilesWord("Målbild")], t.vision, t)
    assert joined == "Vision and målbild"  # the text every format shows
    marked = '<span lang="sv">Vision</span> and <span lang="sv">målbild</span>'
    assert kind_words(joined, xl) == marked
    three = kind_heading([FilesWord("Ledord"), "Waypoint", FilesWord("Målbild")], "", t)
    assert kind_words(three, xl) == (
        '<span lang="sv">Ledord</span>, waypoint and <span lang="sv">målbild</span>'
    )
    assert (
        kind_words(kind_heading([FilesWord("Mål")], t.goals, t), xl) == '<span lang="sv">Mål</span>'
    )
    # The report's own label, and names the model gives in the page's language, stay unmarked.
    assert kind_words(kind_heading([], t.goals, t), xl) == "Goals"
    assert kind_words(kind_heading(["Goal", "Indicator"], t.goals, t), xl) == "Goal and indicator"
    assert kind_words(joined, "") == "Vision and målbild"  # a page in the files' language
    reading = readings_heading([FilesWord("Målområde")], t)
    assert kind_words(reading, xl) == 'Reading of <span lang="sv">målområde</span>'
    assert kind_words(readings_heading([], t), xl) == t.area_readings


@pytest.mark.parametrize("name", ["helsingborg", "huddinge"])
def test_kinds_named_in_swedish_only_are_marked_swedish_in_an_english_report(
    name: str, tmp_path: Path
) -> None:
    # The sections' headings, the table of contents, the overview's counts, the chain of
    # goals, the tables' captions, the plans' links and the line under an organisation's
    # name that says its type ("Helägt bolag"): each kind's name the files' word.
    root = tmp_path / name
    kinds = _without_english_kind_names(EXAMPLES / name, root)
    assert kinds  # the kinds' names, gathered from the manifest
    page = build_report([root], "html", "en")
    assert kinds_unmarked(page, kinds) == []
    assert own_words_marked_swedish(page, ["Reading of", "and "]) == []


@pytest.mark.parametrize("name", ["helsingborg", "huddinge"])
def test_the_reports_own_words_in_its_details_are_not_marked_swedish(name: str) -> None:
    # "Decided by Kommunfullmäktige …": the report's sentence in English, the body's name the
    # files' word; the note that a text is made up is the report's own, read in English.
    english = build_report([EXAMPLES / name], "html", "en")
    own = ["Decided by", "Proposal to", "Revised by", "Repealed by", "not the municipality"]
    own += ["the decision's date", "the date of"]
    # A steering document's type, its validity and where a mission comes from, in its words.
    own += ["charter", "policy", "programme", "owner directive", "until", "the charter", "the law"]
    assert own_words_marked_swedish(english, own) == []
    assert '<dd lang="sv">' in english  # a text of the files' own is marked as a whole still


def test_the_deciding_body_is_marked_as_the_follow_up_report_marks_it() -> None:
    english = build_report([EXAMPLES / "huddinge"], "html", "en")
    assert (
        '<dt>Decision</dt><dd>Decided by <span lang="sv">Kommunfullmäktige</span> 2022-11-21, '
        "§ 150, case number KS-2022/1234</dd>" in english
    )
    assert "<dt>Example text</dt><dd>the decision&#39;s date" in english
    swedish = build_report([EXAMPLES / "huddinge"], "html", "sv")
    assert "<dt>Beslut</dt><dd>Beslutad av Kommunfullmäktige 2022-11-21, § 150" in swedish


def _notice_of(page: str) -> str:
    start = page.index('<div class="notice"')
    return page[start : page.index("</div>", start)]


def test_the_notice_marks_the_parts_named_in_the_files_words(tmp_path: Path) -> None:
    # Published over errors: an unreadable board and a board with an error are named by
    # their own Swedish names, an unreadable area file by its kind's name, which the model
    # gives in Swedish only; the notice's own English around them stays unmarked.
    root = tmp_path / "helsingborg"
    kinds = _without_english_kind_names(EXAMPLES / "helsingborg", root)
    board = root / "organisation" / "kulturnamnden.yaml"
    text = board.read_text("utf-8")
    board.write_text(text.replace("contributes_to: [", "contributes_to: [finns-inte, ", 1), "utf-8")
    wrong = _notice_of(build_report([root], "html", "en", allow_errors=True))
    assert '<p>The errors are in these parts:</p>\n<ul>\n<li lang="sv">Kulturnämnden</li>' in wrong
    (root / "organisation" / "socialnamnden.yaml").write_text(
        "kind: organisation\nname: Socialnämnden\ntype: namnd\n  trasig: [\n", encoding="utf-8"
    )
    with (root / "inriktningar.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    english = build_report([root], "html", "en", allow_errors=True)
    notice = _notice_of(english)
    assert '<li lang="sv">Socialnämnden</li>' in notice
    assert '<li><span lang="sv">' in notice  # the area file, by its kind's Swedish name
    assert kinds_unmarked(english, kinds) == []  # the notice, the board's type line
    assert own_words_marked_swedish(notice, ["The errors", "Could not", "found"]) == []
    swedish = _notice_of(build_report([root], "html", "sv", allow_errors=True))
    assert "<li>Socialnämnden</li>" in swedish and "lang=" not in swedish
