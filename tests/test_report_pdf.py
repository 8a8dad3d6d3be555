"""`styr report --format pdf`: the report as a PDF, read back with pypdf.

What a council member gets: every organisation, goal and indicator value of
the HTML report, on A4 pages numbered "Sida 3 av 12", a table of contents with
page numbers, the fonts inside the file, a structure for screen readers, the
title, language and author. And what a hostile page or template cannot make
WeasyPrint do: read a file or call out.
"""

from __future__ import annotations

import builtins
import http.server
import io
import re
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import CliResult

from styr.errors import UsageError
from styr.report import build_report
from styr.report.build import repository_view
from styr.report.pdf import css_string, page_words, pdf_from_html
from styr.report.printed import document_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("helsingborg", "huddinge")
A4 = (595.0, 842.0)  # points, within a point
DOT = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/%3E"

RunCli = Callable[..., CliResult]


@dataclass
class Pdf:
    name: str
    data: bytes
    reader: pypdf.PdfReader
    pages: list[str]  # each page's text as one line of words

    @property
    def text(self) -> str:
        return " ".join(self.pages)


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> Pdf:
    """Each example's PDF and its text, made once for the module's tests (seconds each)."""
    name = str(request.param)
    data = document_report("pdf", [ROOT / "examples" / name])
    reader = _reader(data)
    return Pdf(name, data, reader, [_words(page.extract_text()) for page in reader.pages])


def _reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def _text(data: bytes) -> str:
    """The PDF's text as one line of words: pypdf breaks lines where the layout does."""
    pages = _reader(data).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def _view(name: str) -> Any:
    from styr.lint import load_and_lint
    from styr.report.anchors import Anchors
    from styr.report.texts import Labels

    repository, result = load_and_lint(ROOT / "examples" / name, date.today())
    return repository_view(repository, Labels("sv"), Anchors(""), linted=result)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_holds_every_organisation_goal_and_indicator_value(
    example: Pdf,
) -> None:
    text = example.text
    view = _view(example.name)
    organisations = [o for group in view.groups for o in group.organisations]
    assert organisations
    missing = [o.name for o in organisations if _words(o.name) not in text]
    assert not missing
    goals = [goal for o in organisations for goal in o.goals]
    indicators = [i for o in organisations for g in o.goals for i in g.indicators] + [
        i for o in organisations for i in o.indicators
    ]
    assert goals or indicators
    # A long title may be broken over two lines, a hyphen apart: its first words are enough.
    assert not [g.title for g in goals if _words(g.title)[:30] not in text]
    values = [i.outcome.value for i in indicators if i.outcome and i.outcome.value]
    assert values
    assert not [v for v in values if _words(v) not in text]


def test_the_pdf_is_a4_numbered_and_has_more_than_one_page(example: Pdf) -> None:
    pages = example.reader.pages
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
        assert f"Sida {number} av {len(pages)}" in example.pages[number - 1]


def test_the_contents_give_the_page_each_organisation_starts_on(
    example: Pdf,
) -> None:
    pages = example.pages
    contents = pages[0] + " " + pages[1]  # the contents fit on the first page or two
    view = _view(example.name)
    for o in [o for group in view.groups for o in group.organisations][:3]:
        found = re.search(re.escape(_words(o.name)) + r" (\d+)", contents)
        assert found, o.name
        page = int(found.group(1))
        assert _words(o.name) in pages[page - 1]


def test_the_fonts_are_embedded(example: Pdf) -> None:
    fonts: dict[str, bool] = {}
    for page in example.reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts
    assert all(fonts.values()), fonts


def test_the_pdf_is_tagged_with_title_language_and_author(example: Pdf) -> None:
    reader = example.reader
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("sv")
    view = _view(example.name)
    metadata = reader.metadata
    assert metadata is not None
    assert view.municipality in str(metadata.title)
    assert metadata.author == view.municipality


def test_the_footer_words_follow_the_language(tmp_path: Path) -> None:
    data = document_report("pdf", [ROOT / "examples" / "huddinge"], "en")
    first = _words(_reader(data).pages[0].extract_text())
    assert re.search(r"Page 1 of \d+", first)
    assert "Sida" not in first


def test_page_words_are_css_strings_whatever_the_translation_holds() -> None:
    assert page_words("Sida {page} av {pages}") == ('"Sida "', '" av "', '""')
    assert css_string('a"b\\c\nd') == '"a\\22 b\\5c c\\a d"'


def test_cli_writes_the_pdf_to_the_file_named(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    result = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf", "-o", target)
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Huddinge kommun" in _reader(target.read_bytes()).pages[0].extract_text()


def test_an_existing_file_is_kept_when_the_report_is_refused(
    run_cli: RunCli, tmp_path: Path, example_copy: Callable[[str], Path]
) -> None:
    broken = example_copy("huddinge")
    manifest = broken / "styr.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "format_version: [\n", "utf-8")
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"the old report")
    result = run_cli("report", broken, "-f", "pdf", "-o", target)
    assert result.code in (1, 2)
    assert target.read_bytes() == b"the old report"


def test_without_weasyprint_a_usage_error_says_what_to_install(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails
    target = tmp_path / "rapport.pdf"
    result = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf", "-o", target)
    assert result.code == 2
    assert "pip install weasyprint" in result.err
    assert "Traceback" not in result.err
    assert not target.exists()


def test_without_pango_a_usage_error_names_gtk(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': error 0x7e")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(UsageError) as refused:
        pdf_from_html("<html lang='sv'><h1>Testby</h1></html>")
    assert refused.value.key == "pdf-needs-pango"


def test_a_pdf_is_not_written_to_a_terminal(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    result = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf")
    assert result.code == 2
    assert "-o report.pdf" in result.err
    assert "%PDF" not in result.out


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A web server on loopback that notes every request it gets (it should get none)."""
    asked: list[str] = []

    class Noting(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Noting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


def test_weasyprint_reads_no_file_and_calls_nowhere(
    tmp_path: Path, listener: tuple[str, list[str]]
) -> None:
    address, asked = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-4711", encoding="utf-8")
    picture = tmp_path / "picture.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    page = f"""<!DOCTYPE html><html lang="sv"><head><title>T</title>
<link rel="stylesheet" href="{address}/style.css">
<link rel="attachment" href="{secret.as_uri()}">
<style>@import url("{address}/import.css"); body {{ background: url("{secret.as_uri()}"); }}</style>
</head><body><h1>Testby</h1>
<img src="{address}/logo.png" alt="a"><img src="{picture.as_uri()}" alt="b">
<img src="/etc/passwd" alt="c"><object data="{secret.as_uri()}"></object>
<a rel="attachment" href="{secret.as_uri()}">bilaga</a>
<img src="{DOT}" alt="d">
</body></html>"""
    data = pdf_from_html(page)
    assert asked == []
    reader = _reader(data)
    assert not reader.attachments
    assert b"SECRET-MARKER" not in data
    assert "SECRET-MARKER" not in _text(data)


def test_a_templates_folder_cannot_make_the_pdf_read_a_file(
    run_cli: RunCli, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-4711", encoding="utf-8")
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "report.html.j2").write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>{{ r.municipality }}</title>'
        f'<link rel="attachment" href="{secret.as_uri()}"></head>'
        "<body><h1>{{ r.municipality }}</h1></body></html>\n",
        encoding="utf-8",
    )
    target = tmp_path / "rapport.pdf"
    result = run_cli(
        "report",
        ROOT / "examples" / "huddinge",
        "-f",
        "pdf",
        "--templates",
        templates,
        "-o",
        target,
    )
    assert result.code == 0, result.err
    assert not _reader(target.read_bytes()).attachments
    assert "Huddinge kommun" in _text(target.read_bytes())


def test_the_logo_given_as_data_is_drawn(example: Pdf) -> None:
    html = build_report([ROOT / "examples" / example.name], "html")
    assert 'class="logo" src="data:' in html  # the report carries its logo inside
    first = example.reader.pages[0]
    assert first["/Resources"].get("/XObject"), "the logo is drawn on the first page"


@pytest.fixture(scope="module")
def followup() -> tuple[Any, str]:
    """Huddinge's follow-up report for 2025: its view, and its PDF's text."""
    from styr.report.followup_report_build import linted_followup_view

    view = linted_followup_view(ROOT / "examples" / "huddinge", "2025")
    data = document_report("pdf", [ROOT / "examples" / "huddinge"], period="2025")
    return view, " ".join(_words(page.extract_text()) for page in _reader(data).pages)


def test_the_followup_pdf_has_the_areas_goals_statuses_and_analyses(
    followup: tuple[Any, str],
) -> None:
    view, text = followup
    assert view.areas
    assert "Sida 1 av" in text
    for area in view.areas:
        assert _words(area.title) in text
    goals = [goal for area in view.areas for goal in area.goals] + view.other_goals
    assert any(goal.analysis for goal in goals)
    for goal in goals:
        assert _words(goal.title)[:30] in text
        assert _words(goal.status.label) in text
        for paragraph in goal.analysis:
            assert _words(paragraph)[:40] in text


def test_cli_writes_the_followup_pdf(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "uppfoljning.pdf"
    result = run_cli(
        "report", ROOT / "examples" / "huddinge", "--period", "2025", "-f", "pdf", "-o", target
    )
    assert result.code == 0, result.err
    first = _reader(target.read_bytes()).pages[0].extract_text()
    assert "Huddinge kommun" in first


def test_a_layout_weasyprint_fails_on_is_a_usage_error_and_no_file(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("too many values to unpack (expected 1)")

    monkeypatch.setattr(weasyprint.HTML, "render", broken)
    target = tmp_path / "rapport.pdf"
    result = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf", "-o", target)
    assert result.code == 2
    assert "--format docx" in result.err
    assert "unpack" not in result.err and "Traceback" not in result.err
    assert not target.exists()


def test_a_templates_folder_may_restyle_the_pdf(run_cli: RunCli, tmp_path: Path) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "_pdf.css.j2").write_text(
        "@page { @bottom-right { content: {{ page_before }} counter(page) ' (utkast)'; } }\n",
        encoding="utf-8",
    )
    target = tmp_path / "rapport.pdf"
    result = run_cli(
        "report",
        ROOT / "examples" / "huddinge",
        "-f",
        "pdf",
        "--templates",
        templates,
        "-o",
        target,
    )
    assert result.code == 0, result.err
    first = _words(_reader(target.read_bytes()).pages[0].extract_text())
    assert "Sida 1 (utkast)" in first
    assert "Sida 1 av" not in first


def test_an_output_that_cannot_be_written_is_refused_before_the_layout(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.report.printed

    def never(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the PDF was laid out")

    monkeypatch.setattr(styr.report.printed, "document_report", never)
    empty = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf", "-o", "")
    assert empty.code == 2
    manifest = ROOT / "examples" / "huddinge" / "styr.yaml"
    before = manifest.read_bytes()
    onto = run_cli("report", ROOT / "examples" / "huddinge", "-f", "pdf", "-o", manifest)
    assert onto.code == 2
    assert manifest.read_bytes() == before
