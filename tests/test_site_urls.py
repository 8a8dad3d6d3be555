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
