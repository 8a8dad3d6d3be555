"""The language of a kind's or an organisation type's name on a page (WCAG 2.1, 3.1.2).

A name falls back from the page's language to Swedish and then to its id; one function,
`kind_label`, decides from that fallback whether the name is the page's word or the files'.
On an English page every name that is not the model's English one is marked Swedish, as is
a type an organisation names that the model does not declare.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_site_language_of_parts import _pages_of, _without_english_kind_names, kinds_unmarked

from styr.model.steering_model import ElementKind, OrganisationType, labelled
from styr.report.build import build_report
from styr.report.followup_report_build import followup_report_pieces
from styr.report.language import FilesWord, kind_label
from styr.site import build_site

UNDECLARED = "stiftelse"  # a type the board's file names and the model does not declare


def test_a_name_falls_back_to_swedish_and_then_to_its_id_and_says_which_it_is() -> None:
    both = {"sv": "Målområde", "en": "Goal area"}
    assert labelled(both, "malomrade", "en") == ("Goal area", "en")
    assert labelled({"sv": "Målområde"}, "malomrade", "en") == ("Målområde", "sv")
    assert labelled({"sv": "", "en": ""}, "malomrade", "en") == ("malomrade", "")
    kind = ElementKind("malomrade", "council_area", {"sv": "Målområde"})
    assert kind.label("en") == "Målområde"
    assert kind.label_and_language("en") == ("Målområde", "sv")
    board = OrganisationType("bolag", {"sv": "Helägt bolag", "en": "Wholly owned company"})
    assert board.label_and_language("en") == ("Wholly owned company", "en")


def test_only_a_name_in_the_pages_language_is_the_pages_word() -> None:
    english = kind_label(OrganisationType("bolag", {"sv": "Bolag", "en": "Company"}), "en")
    assert english == "Company" and not isinstance(english, FilesWord)
    swedish = kind_label(ElementKind("mal", "goal", {"sv": "Mål"}), "en")
    assert swedish == "Mål" and isinstance(swedish, FilesWord)
    # The id shown as the last resort is written in the files, not in the page's English.
    unnamed = kind_label(ElementKind("mal", "goal", {"de": "Ziel"}), "en")
    assert unnamed == "mal" and isinstance(unnamed, FilesWord)
    undeclared = kind_label(None, "en", UNDECLARED)
    assert undeclared == UNDECLARED and isinstance(undeclared, FilesWord)
    assert kind_label(None, "en") == ""  # an organisation that names no type shows none
    on_a_swedish_page = kind_label(ElementKind("mal", "goal", {"sv": "Mål"}), "sv")
    assert not isinstance(on_a_swedish_page, FilesWord)


@pytest.fixture(scope="module")
def swedish_names(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A copy of Helsingborg whose model names its kinds and types in Swedish only, with one
    board of a type the model does not declare; and the names an English page must mark."""
    root = tmp_path_factory.mktemp("swedish-names") / "helsingborg"
    names = _without_english_kind_names(EXAMPLES / "helsingborg", root)
    board = root / "organisation" / "ab-helsingborgshem.yaml"
    text = board.read_text("utf-8")
    assert "\ntype: bolag\n" in text
    board.write_text(text.replace("\ntype: bolag\n", f"\ntype: {UNDECLARED}\n"), "utf-8")
    return root, {*names, UNDECLARED}


def test_an_english_report_marks_every_name_that_fell_back_and_an_undeclared_type(
    swedish_names: tuple[Path, set[str]],
) -> None:
    root, names = swedish_names
    page = build_report([root], "html", "en", allow_errors=True)
    assert f'<p class="org-type" lang="sv">{UNDECLARED}</p>' in page
    assert kinds_unmarked(page, names) == []
    followup = "".join(followup_report_pieces([root], "2025", "html", "en", allow_errors=True))
    assert kinds_unmarked(followup, names) == []


def test_an_english_site_marks_every_name_that_fell_back_and_an_undeclared_type(
    swedish_names: tuple[Path, set[str]], tmp_path: Path
) -> None:
    root, names = swedish_names
    build_site([root], tmp_path / "site", language="en", allow_errors=True)
    pages = dict(_pages_of(tmp_path / "site"))
    board = pages["organisationer/ab-helsingborgshem.html"]
    assert f'<p class="eyebrow" lang="sv">{UNDECLARED}</p>' in board
    assert f'<span class="note" lang="sv">{UNDECLARED}</span>' in pages["index.html"]
    assert [
        (name, found) for name, page in pages.items() for found in kinds_unmarked(page, names)
    ] == []


def test_a_swedish_report_of_the_same_files_marks_nothing(
    swedish_names: tuple[Path, set[str]],
) -> None:
    root, _ = swedish_names
    page = build_report([root], "html", "sv", allow_errors=True)
    assert f'<p class="org-type">{UNDECLARED}</p>' in page
    assert ' lang="sv"' not in page.split("<body", 1)[1]


OTHERS = "Other organisations"  # the page's own name of the group of boards of no level


def test_an_english_report_marks_a_levels_name_and_not_its_own_group_of_the_rest(
    swedish_names: tuple[Path, set[str]],
) -> None:
    root, _ = swedish_names
    page = build_report([root], "html", "en", allow_errors=True)
    # The heading, the table of contents and the overview's count of each group.
    assert re.search(r'<h\d id="[^"]+" lang="sv">Nämnder och bolag</h\d>', page)
    assert re.search(r'<a href="#[^"]+" lang="sv">Nämnder och bolag</a>', page)
    assert '<li class="count-organisation" lang="sv">Nämnder och bolag <span' in page
    assert re.search(rf'<h\d id="[^"]+">{OTHERS}</h\d>', page)
    assert re.search(rf'<a href="#[^"]+">{OTHERS}</a>', page)
    assert f'<li class="count-organisation">{OTHERS} <span' in page
    assert f'lang="sv">{OTHERS}' not in page


def test_an_english_sites_start_page_marks_a_levels_name_and_not_the_group_of_the_rest(
    swedish_names: tuple[Path, set[str]], tmp_path: Path
) -> None:
    root, _ = swedish_names
    build_site([root], tmp_path / "site", language="en", allow_errors=True)
    start = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert re.search(r'<h3 id="organisationer-\d+" lang="sv">Nämnder och bolag</h3>', start)
    assert re.search(rf'<h3 id="organisationer-\d+">{OTHERS}</h3>', start)
