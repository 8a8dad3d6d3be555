"""The language of a kind's or an organisation type's name on a page (WCAG 2.1, 3.1.2).

A name falls back from the page's language to Swedish and then to its id; one function,
`kind_label`, decides from that fallback whether the name is the page's word or the files'.
On an English page every name that is not the model's English one is marked Swedish, as is
a type an organisation names that the model does not declare.
"""

from __future__ import annotations

from styr.model.steering_model import ElementKind, OrganisationType, labelled
from styr.report.language import FilesWord, kind_label

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
