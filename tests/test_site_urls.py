"""The website's addresses: slugs from ids, distinct, and relative links between pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES

from styr.site import build_site
from styr.site.filter import filter_rules
from styr.site.urls import Slugs, relative, slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("socialnamnden", "socialnamnden"),
        ("Socialnämnden", "socialnamnden"),
        ("Miljö- och byggnämnden", "miljo-och-byggnamnden"),
        ("Ålands_å", "alands-a"),
        ("kf:mål 1", "kf-mal-1"),
        ("café", "cafe"),
        ("--", "sida"),
        ("", "sida"),
    ],
)
def test_a_slug_is_lower_case_ascii_with_dashes(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_the_same_slug_twice_gets_a_number() -> None:
    slugs = Slugs()
    assert [slugs.claim(t) for t in ("skola", "Skola", "skola", "skola-2")] == [
        "skola",
        "skola-2",
        "skola-3",
        "skola-2-2",
    ]


@pytest.mark.parametrize(
    ("target", "here", "expected"),
    [
        ("mal.html", "index.html", "mal.html"),
        ("mal.html", "organisationer/sfn.html", "../mal.html"),
        ("organisationer/sfn.html#mal-1", "organisationer/sfn.html", "#mal-1"),
        ("organisationer/sfn.html#mal-1", "omraden/a.html", "../organisationer/sfn.html#mal-1"),
        ("omraden/a.html", "omraden/a.html", "../omraden/a.html"),
    ],
)
def test_links_between_pages_are_relative(target: str, here: str, expected: str) -> None:
    assert relative(target, here) == expected


def test_the_filter_names_only_slugs() -> None:
    rules = filter_rules(["a", "b-2"], ["sfn"])
    assert "body:has(#visa-omrade-b-2:checked) .goal-item:not(.omrade-b-2)" in rules
    assert "body:has(#visa-org-sfn:checked) .goal-group.by-org:not(.org-sfn)" in rules
    with pytest.raises(ValueError):
        filter_rules(["a}body{display:none"], [])


def test_two_municipalities_with_the_same_code_get_a_folder_each(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    build_site([EXAMPLES / "huddinge", example_copy("huddinge")], tmp_path / "w")
    assert (tmp_path / "w" / "0126" / "index.html").is_file()
    assert (tmp_path / "w" / "0126-2" / "index.html").is_file()


def test_a_long_id_gives_a_short_slug_with_a_digest_of_the_whole() -> None:
    long, other = "a" * 300, "a" * 299 + "b"
    assert len(slug(long)) <= 60 and len(slug(other)) <= 60
    assert slug(long) != slug(other)  # alike for 60 letters, still two pages
    assert slug(long) == slug(long)
    assert slug(long).startswith("a" * 40)
    assert slug("b" * 60) == "b" * 60  # a slug of 60 is kept as it is


@pytest.mark.parametrize("name", ["con", "PRN", "Aux", "nul", "com1", "COM9", "lpt1", "Lpt9"])
def test_a_name_windows_keeps_for_a_device_is_never_a_slug(name: str) -> None:
    made = slug(name)
    assert made.split(".")[0] not in {"con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"}
    assert made.startswith(name.lower())
    assert not made.endswith((".", " "))
    assert slug("con.txt") == "con-txt" and slug("com10") == "com10"


def test_a_site_with_a_300_letter_id_is_written(tmp_path: Path) -> None:
    from styr.scaffold import init_repository

    root = tmp_path / "x"
    init_repository(root, "blank", "Exempelkommun", "0999")
    board = root / "organisation" / "exempelnamnden.yaml"
    long_id = "n" * 300
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("id: exempelnamnden\n", f"id: {long_id}\n", 1), "utf-8")
    build_site([root], tmp_path / "w")
    pages = [p.name for p in (tmp_path / "w" / "organisationer").iterdir()]
    page = next(name for name in pages if name.startswith("n" * 40))
    assert len(page) <= 60 + len(".html")
