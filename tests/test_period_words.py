"""A follow-up period is shown to a reader in words ("januari–augusti 2025"), never as the
code the files write it in ("2025-T2"): in the site, the reports and their charts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

from styr.followup.periods import parse_period
from styr.i18n import translate
from styr.report.chart import ChartOutcome, build_chart
from styr.report.period_words import PERIOD_PARTS, period_words
from styr.report.texts import Labels

Run = Callable[..., CliResult]
HUDDINGE = EXAMPLES / "huddinge"
CODE = re.compile(r"\b[0-9]{4}-[TH][1-3]\b")
# Attributes a reader hears or sees (a table cell's label is shown on a phone); the rest
# (href, id, data-*, aria-labelledby …) are addresses a reader never reads.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "data-label", "placeholder"}


@pytest.mark.parametrize(
    ("code", "language", "full", "short"),
    [
        ("2025-T1", "sv", "januari–april 2025", "jan–apr 2025"),
        ("2025-T2", "sv", "januari–augusti 2025", "jan–aug 2025"),
        ("2025-T3", "sv", "januari–december 2025", "jan–dec 2025"),
        ("2025-H1", "sv", "januari–juni 2025", "jan–jun 2025"),
        ("2025-H2", "sv", "januari–december 2025", "jan–dec 2025"),
        ("2025-T2", "en", "January–August 2025", "Jan–Aug 2025"),
        ("2024-H2", "en", "January–December 2024", "Jan–Dec 2024"),
    ],
)
def test_a_part_of_a_year_is_said_by_its_months(
    code: str, language: str, full: str, short: str
) -> None:
    assert period_words(code, language) == full
    assert period_words(code, language, short=True) == short


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_year_stays_a_year_and_other_texts_stay_as_written(language: str) -> None:
    assert period_words("2025", language) == "2025"
    assert period_words(" 2025 ", language, short=True) == "2025"
    assert period_words("2025-T4", language) == "2025-T4"  # no period: as the file wrote it
    assert period_words("januari–augusti 2025", language) == "januari–augusti 2025"


def test_every_part_of_a_year_the_files_may_name_has_words_in_both_languages() -> None:
    for part, forms in PERIOD_PARTS.items():
        parsed = parse_period(f"2030-{part}")
        assert parsed is not None and parsed.text == f"2030-{part}"  # a code the files may write
        for text in forms:
            swedish = translate(text, "sv", year="2030")
            assert swedish != translate(text, "en", year="2030") and "2030" in swedish
            assert not CODE.search(swedish)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_text_that_says_a_period_says_it_in_words(language: str) -> None:
    t = Labels(language)
    said = period_words("2025-T2", language)
    assert t.get("outcome_in", period="2025-T2") == t.get("outcome_in", period=said)
    assert said in t.get("fulfilment_in", period="2025-T2")
    assert t.get("outcome_in", period="2025").endswith(" 2025")


def test_the_chart_says_its_periods_in_words_and_short_under_the_axis() -> None:
    outcomes = [
        ChartOutcome(parse_period(code), value)  # type: ignore[arg-type]
        for code, value in (("2024", 61.0), ("2025-T1", 62.0), ("2025-T2", 60.0))
    ]
    chart = build_chart(
        title="Andel nöjda",
        unit="procent",
        better="higher",
        outcomes=outcomes,
        baseline=None,
        targets=[],
        value_range=None,
        language="sv",
    )
    assert chart is not None
    assert "januari–april 2025: 62" in chart.description
    assert chart.trend.endswith(f"än {period_words('2025-T1', 'sv')} – sämre")
    assert [row.period for row in chart.rows][-1] == "januari–augusti 2025"
    assert chart.x_ticks[-1].text == "jan–aug 2025"


class _ReaderText(HTMLParser):
    """The text of a page a reader reads: its text and its read attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.read.extend(value or "" for name, value in attrs if name in READ_ATTRIBUTES)

    def handle_data(self, data: str) -> None:
        self.read.append(data)


def _codes_read(page: str) -> list[str]:
    reader = _ReaderText()
    reader.feed(page)
    return [text for text in reader.read if CODE.search(text)]


def _pages(folder: Path) -> Iterator[Path]:
    return iter(sorted(folder.rglob("*.html")))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_reports_of_a_tertial_show_no_period_code(
    run_cli: Run, tmp_path: Path, language: str
) -> None:
    for form in ("html", "md"):
        target = tmp_path / f"uppfoljning.{form}"
        result = run_cli(
            "report", HUDDINGE, "-f", form, "--period", "2025-T2", "--lang", language, "-o", target
        )
        assert result.code == 0, result.err
        page = target.read_text(encoding="utf-8")
        assert period_words("2025-T2", language) in page
        if form == "html":
            assert _codes_read(page) == []
        else:  # Markdown: only in the anchors and links a reader does not read
            prose = re.sub(r'(id|href)="[^"]*"|\]\([^)]*\)', "", page)
            assert not CODE.search(prose)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_site_of_a_model_followed_up_to_a_tertial_shows_no_period_code(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path, language: str
) -> None:
    model = example_copy("huddinge")
    (model / "uppfoljning" / "2025.yaml").unlink()  # the latest follow-up is 2025-T2
    target = tmp_path / "site"
    result = run_cli("site", model, "-o", target, "--lang", language)
    assert result.code == 0, result.err
    start = (target / "index.html").read_text(encoding="utf-8")
    assert period_words("2025-T2", language) in start  # the status at a glance
    for page in _pages(target):
        assert _codes_read(page.read_text(encoding="utf-8")) == [], page.name
