"""G008's reading of a goal's title: residents' collective nouns, false friends, and its speed."""

from __future__ import annotations

import time

import pytest

from styr.rules.target_group import home_places, is_resident, names_a_group


@pytest.mark.parametrize(
    "word",
    [
        "huddingebor",
        "huddingeborna",
        "stadsbor",
        "landsbygdsbornas",
        "malmöbon",
        "göteborgare",
        "stockholmarna",
        "helsingborgarens",
        "norrlänningar",
    ],
)
def test_residents_collective_nouns(word: str) -> None:
    assert is_resident(word)


@pytest.mark.parametrize("word", ["lärare", "lärarna", "ledare", "bagare", "bor", "labor", "borg"])
def test_words_that_only_look_like_residents(word: str) -> None:
    assert not is_resident(word)


def test_the_municipality_names_its_own_residents() -> None:
    places = home_places("Landskronas stad")
    assert places == {"landskronas", "landskrona"}
    assert is_resident("landskronaare", places)
    assert not is_resident("landskronaare")
    assert home_places("Borås stad") >= {"borås"}
    assert home_places("") == frozenset()


def test_extra_groups_may_be_several_words() -> None:
    assert names_a_group("Maten ska bli godare för äldre på boenden")
    assert names_a_group("Maten ska bli godare på Solgården", extra=("solgården",))
    assert not names_a_group("Maten ska bli godare på Solgården")


@pytest.mark.parametrize(
    "title",
    ["a" * 100_000, "a" * 100_000 + "bor", "ord " * 30_000, "Kvaliteten ska öka " * 5_000],
    ids=["one-long-word", "one-long-word-ending-in-bor", "many-words", "a-long-sentence"],
)
def test_a_long_title_is_read_in_linear_time(title: str) -> None:
    # The old pattern `\w+(bor|borna)\b` took 100 s on 100,000 letters.
    started = time.perf_counter()
    names_a_group(title)
    assert time.perf_counter() - started < 1.0
