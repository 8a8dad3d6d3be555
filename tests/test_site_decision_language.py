"""WCAG 2.1 success criterion 3.1.2 (Language of Parts) on the site's decisions and details.

On an English site of Swedish files, a decision is the site's English sentence around the
deciding body's name, which is the files' word: only the name is marked `lang="sv"`, as the
one-page report and the follow-up report mark it; a detail in the site's own words (that a
text is a made-up example, how long a document is valid) is not marked at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLES
from test_site_language_of_parts import (
    _pages_of,
    _without_english_kind_names,
    kinds_unmarked,
    own_words_marked_swedish,
)

from styr.site import build_site

OWN_WORDS = ["Decided by", "Proposal to", "not the municipality", "the date of", "until"]


def _with_a_decided_document(root: Path) -> None:
    shutil.copytree(EXAMPLES / "helsingborg", root)
    documents = root / "styrdokument.yaml"
    text = documents.read_text("utf-8")
    adopted = '    adopted_on: "2021-12-14"\n'
    decision = '    decision: {by: kommunfullmaktige, date: "2021-12-14", paragraph: 200}\n'
    assert adopted in text
    documents.write_text(text.replace(adopted, adopted + decision, 1), "utf-8")


def test_a_decision_on_the_site_marks_only_the_deciding_body(tmp_path: Path) -> None:
    root = tmp_path / "helsingborg"
    _with_a_decided_document(root)
    build_site([root], tmp_path / "en", language="en")
    register = (tmp_path / "en" / "styrdokument.html").read_text("utf-8")
    assert (
        '<span class="cell-text" lang="en">Decided by <span lang="sv">Kommunfullmäktige</span>'
        " 2021-12-14, § 200</span>" in register
    )
    pages = _pages_of(tmp_path / "en")
    assert [(n, *f) for n, page in pages for f in own_words_marked_swedish(page, OWN_WORDS)] == []
    build_site([root], tmp_path / "sv", language="sv")
    swedish = (tmp_path / "sv" / "styrdokument.html").read_text("utf-8")
    assert (
        '<span class="cell-text">Beslutad av Kommunfullmäktige 2021-12-14, § 200</span>' in swedish
    )


def test_the_sites_notice_marks_a_kinds_name_the_model_gives_in_swedish_only(
    tmp_path: Path,
) -> None:
    # An unreadable file named by what it holds, "Stadens inriktning", the files' word.
    root = tmp_path / "helsingborg"
    kinds = _without_english_kind_names(EXAMPLES / "helsingborg", root)
    with (root / "inriktningar.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    build_site([root], tmp_path / "en", language="en", allow_errors=True)
    page = (tmp_path / "en" / "index.html").read_text("utf-8")
    notice = page[page.index('<div class="notice"') : page.index("</div>", page.index("notice"))]
    assert '<li><span lang="sv">' in notice
    assert kinds_unmarked(notice, kinds) == []
