"""G002 activity-goal: the Swedish goal grammar, and its measured precision and recall."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from styr.findings import Finding, Severity
from styr.rules.goal_wording import RULE, Verdict, classify, finding_params, normalise

ROOT = Path(__file__).resolve().parents[1]
MEASURE = ROOT / "benchmarks" / "goal_wording" / "measure.py"

# Floors for the measured figures (precision, recall) of "activity". The
# targets are precision >= 0.9 and recall >= 0.8. Where the rule reaches them
# the floor is the target; where it does not (the second fresh batch, the
# only one that was blind to the rule as shipped) the floor is what it
# actually reached, rounded down, so that a regression fails. See
# benchmarks/goal_wording/README.md for the figures and what they mean.
FLOORS = {
    "all": (0.9, 0.8),
    "dev": (0.9, 0.8),
    "heldout": (0.9, 0.8),
    "fresh1": (0.9, 0.8),
    "fresh2": (0.83, 0.71),  # below target: 5 of 7 activities found, 1 false alarm
}


def _load_measure() -> ModuleType:
    spec = importlib.util.spec_from_file_location("goal_wording_measure", MEASURE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


measure = _load_measure()


ACTIVITIES = [
    # Infinitive or imperative openings: the organisation is the implied subject.
    pytest.param("Arbeta för ökad trygghet i centrum", id="inf-arbeta-for"),
    pytest.param("Verka för fler bostäder", id="inf-verka-for"),
    pytest.param("Ta fram en plan för lokalförsörjningen", id="inf-ta-fram"),
    pytest.param("Genomföra medborgardialoger i alla kommundelar", id="inf-genomfora"),
    pytest.param("Införa ett nytt verksamhetssystem", id="inf-infora"),
    pytest.param("Erbjuda alla barn plats i förskola", id="inf-erbjuda"),
    pytest.param("Samverka med polisen kring trygghet", id="inf-samverka"),
    pytest.param("Utveckla arbetsformer för elevinflytande", id="inf-utveckla-internal"),
    pytest.param("Säkerställa att rutiner för dokumentation finns", id="inf-sakerstalla-rutiner"),
    pytest.param("Skapa förutsättningar för ett rikt föreningsliv", id="inf-skapa-forutsattningar"),
    pytest.param("Stärka samarbetet med näringslivet", id="inf-starka-samarbete"),
    pytest.param("Inför en modell för tidiga insatser", id="imperative-inf"),
    pytest.param("Att utveckla samverkan mellan skola och socialtjänst", id="att-opening"),
    # Verbs of movement on the organisation's own effort.
    pytest.param("Öka samverkan med civilsamhället", id="oka-samverkan"),
    pytest.param("Öka antalet insatser för unga", id="oka-antalet-insatser"),
    pytest.param("Antalet möten med företagare ska öka", id="antalet-moten-ska-oka"),
    pytest.param("Samverkan med regionen ska utvecklas", id="passive-samverkan-utvecklas"),
    # Organisation as subject of an activity verb.
    pytest.param("Nämnden ska arbeta för att fler elever når målen", id="namnden-ska-arbeta"),
    pytest.param("Förvaltningen ska verka för en god miljö", id="forvaltningen-ska-verka"),
    pytest.param("Vi ska ta fram en ny skolplan", id="vi-ska-ta-fram"),
    pytest.param("Kommunen ska genomföra en brukarundersökning", id="kommunen-ska-genomfora"),
    pytest.param("Nämnden ska erbjuda sommarjobb", id="namnden-ska-erbjuda"),
    pytest.param("Kommunen erbjuder en service som är lättillgänglig", id="present-erbjuder"),
    pytest.param("Förvaltningen arbetar aktivt med jämställdhet", id="present-arbetar"),
    pytest.param("Socialförvaltningen ska tidigt upptäcka barn som far illa", id="adverb-between"),
    pytest.param("Skolorna ska utveckla sina arbetssätt", id="org-utveckla-sina"),
    pytest.param("Kommunen ska bidra till en bättre folkhälsa", id="bidra-till"),
    # Passive completion of an output.
    pytest.param("En plan ska vara framtagen", id="vara-framtagen"),
    pytest.param("Översynen ska vara slutförd under 2025", id="vara-slutford"),
    pytest.param("En handlingsplan ska tas fram", id="tas-fram"),
    pytest.param("Utbildningen ska ha genomförts senast i juni", id="ha-genomforts"),
    pytest.param("Ett nytt system ska införas", id="inforas"),
    pytest.param(
        "Vid årets slut ska en kompetenskartläggning vara genomförd", id="v2-vara-genomford"
    ),
    pytest.param("Under 2025 ska två e-tjänster tas fram", id="v2-tas-fram"),
    pytest.param("Invånarna erbjuds kurser i digital kompetens", id="target-erbjuds"),
    pytest.param("Föreningarna ska ges förutsättningar att växa", id="target-ges-forutsattningar"),
    pytest.param("Barn som far illa ska uppmärksammas", id="target-uppmarksammas"),
    # Nouns of output or internal effort.
    pytest.param("Framtagande av en ny översiktsplan", id="noun-framtagande"),
    pytest.param("Genomförande av trygghetsvandringar", id="noun-genomforande"),
    pytest.param("Införande av e-arkiv", id="noun-inforande"),
    pytest.param("Översyn av riktlinjerna för bistånd", id="noun-oversyn"),
    pytest.param("Systematisk kvalitetsutveckling", id="noun-kvalitetsutveckling"),
    pytest.param("Rutiner för avvikelser ska finnas på alla enheter", id="finnas-rutiner"),
    pytest.param("Kommunen ska ha ett aktivt värdegrundsarbete", id="ha-arbete"),
    pytest.param(
        "Utveckling av insatser ska ske i dialog med brukarna", id="utveckling-av-insatser"
    ),
    pytest.param("Nämndens tillitskultur ska stärkas", id="org-genitive-passive"),
    pytest.param("Intern kompetens ska bibehållas", id="intern"),
    pytest.param("Prioriteringen av ärenden ska vara tydlig", id="derived-ering"),
    pytest.param("Erbjudandet till nyanlända ska breddas", id="derived-ande"),
    # A goal list may leave the subject out.
    pytest.param("ska utveckla formerna för dialog med föreningarna", id="leading-modal"),
    pytest.param("Ska ta fram en ny biblioteksplan", id="leading-modal-capital"),
]

RESULTS = [
    # Target group as subject.
    pytest.param("Fler elever ska vara behöriga till gymnasiet", id="fler-elever-behoriga"),
    pytest.param("Invånarna ska uppleva att de kan påverka", id="invanarna-uppleva"),
    pytest.param("Äldre ska vara nöjda med hemtjänsten", id="aldre-nojda"),
    pytest.param("Barn ska utvecklas i sin egen takt", id="barn-utvecklas"),
    pytest.param("Alla elever når kunskapskraven i svenska", id="present-nar"),
    pytest.param("Jag känner mig trygg i skolan", id="first-person"),
    pytest.param("Fler barn deltar i kulturskolans verksamhet", id="target-does-activity-verb"),
    pytest.param("Eleverna utvecklar sina kunskaper i matematik", id="target-utvecklar"),
    pytest.param("Brukarna ska bli bemötta med respekt", id="target-bli-bemott"),
    pytest.param("Vårdnadshavare som har barn i förskolan ska vara nöjda", id="relative-clause"),
    # Verbs of movement on a result.
    pytest.param("Andelen elever som når målen ska öka", id="andelen-ska-oka"),
    pytest.param("Öka andelen elever som klarar gymnasiet", id="oka-andelen"),
    pytest.param("Minska väntetiden till särskilt boende", id="minska-vantetiden"),
    pytest.param("Minska antalet trafikolyckor", id="minska-antalet-olyckor"),
    pytest.param("Sjukfrånvaron ska minska", id="sjukfranvaron-minska"),
    pytest.param("Utsläppen av växthusgaser ska halveras till 2030", id="halveras"),
    pytest.param("Kommunen ska öka tryggheten i centrum", id="org-oka-trygghet"),
    pytest.param("Tryggheten ska stärkas i alla kommundelar", id="trygghet-starkas"),
    pytest.param("Utveckla elevernas läsförmåga", id="utveckla-target-genitive"),
    pytest.param("Säkerställa att alla elever når gymnasiebehörighet", id="sakerstalla-att-result"),
    pytest.param("Företagsklimatet ska förbättras", id="klimat-forbattras"),
    pytest.param("Befolkningen ska öka till 20 000 invånare", id="befolkningen-oka-till"),
    pytest.param("Handläggningstiden för bygglov ska förkortas", id="compound-tid"),
    # States.
    pytest.param("Färre trafikolyckor", id="noun-farre"),
    pytest.param("Bättre luftkvalitet i centrum", id="noun-battre"),
    pytest.param("Hög måluppfyllelse i skolan", id="noun-maluppfyllelse"),
    pytest.param("Kommunen ska vara en attraktiv arbetsgivare", id="org-vara"),
    pytest.param("Vid årets slut ska sjukfrånvaron vara högst 6 procent", id="v2-result"),
    pytest.param("I kommunen ska alla känna sig trygga", id="v2-alla"),
    pytest.param("Målet är att invånarna ska känna sig trygga", id="frame-malet-ar-att"),
    pytest.param("Mål 3: Barn och unga har tillgång till meningsfull fritid", id="frame-numbered"),
    pytest.param("Personer med funktionsnedsättning ska ha tillgång till arbete", id="ha-tillgang"),
    pytest.param(
        "Den enskildes situation förbättras efter kontakt med socialtjänsten", id="genitive"
    ),
    pytest.param("Inför 2026 ska fler unga ha sommarjobb", id="preposition-infor"),
    pytest.param("Kommunen är en av de tio bästa skolkommunerna", id="org-ar"),
    pytest.param("ska vara en attraktiv arbetsgivare", id="leading-modal-state"),
    pytest.param("Elevernas utbildning ska hålla hög kvalitet", id="neutral-owner-target"),
]


@pytest.mark.parametrize("statement", ACTIVITIES)
def test_activity_wordings_are_reported(statement: str) -> None:
    verdict = classify(statement)
    assert verdict.is_activity, verdict
    assert verdict.reason_sv and verdict.reason_en and verdict.matched


@pytest.mark.parametrize("statement", RESULTS)
def test_result_wordings_are_not_reported(statement: str) -> None:
    verdict = classify(statement)
    assert not verdict.is_activity, verdict


def test_normalising_case_whitespace_and_decomposed_letters() -> None:
    decomposed = "  ÖKA\tsamverkan  med  fo\u0308reningslivet.  "
    assert normalise(decomposed) == "öka samverkan med föreningslivet"
    assert classify(decomposed).is_activity
    assert classify("ANDELEN ELEVER SOM NÅR MÅLEN SKA ÖKA").is_activity is False


def test_an_empty_statement_is_not_reported() -> None:
    assert classify("   ").is_activity is False


def test_extra_activity_verbs_extend_the_grammar() -> None:
    assert not classify("Kommunen ska diplomera sina förskolor").is_activity
    extended = classify("Kommunen ska diplomera sina förskolor", extra_activity_verbs=["diplomera"])
    assert extended.is_activity
    assert classify("Förskolorna ska diplomeras", extra_activity_verbs=["diplomera"]).is_activity
    assert classify("Lägg om kosten", extra_activity_verbs=["lägga om"]).is_activity
    # Stewardship verbs are not listed; a municipality can add them.
    assert not classify("Nämnden ska vårda kulturarvet").is_activity
    assert classify("Nämnden ska vårda kulturarvet", extra_activity_verbs=["vårda"]).is_activity


def test_extra_activity_nouns_count_as_internal_effort() -> None:
    assert not classify("Tillitsresan ska fortgå").is_activity
    assert classify("Tillitsresan ska fortgå", extra_activity_nouns=["tillitsresa"]).is_activity
    assert classify("Stärka tillitsresan", extra_activity_nouns=["tillitsresa"]).is_activity


def test_allowed_phrases_silence_the_rule() -> None:
    statement = "Kommunen ska verka för en levande landsbygd"
    assert classify(statement).is_activity
    allowed = classify(statement, allowed_phrases=["Verka för en levande landsbygd"])
    assert not allowed.is_activity


def test_rule_identity_options_and_messages() -> None:
    assert (RULE.code, RULE.name, RULE.severity) == ("G002", "activity-goal", Severity.WARNING)
    assert set(RULE.options) == {"extra_activity_verbs", "extra_activity_nouns", "allowed_phrases"}
    assert "{reason}" in RULE.message_in("sv") and "{reason}" in RULE.message_in("en")
    doc = " ".join(RULE.doc_in("en").split())
    assert "Bra mål uttrycker resultat eller effekter, inte aktiviteter eller prestationer" in doc
    verdict = classify("Nämnden ska ta fram en plan")
    finding = Finding("G002", Severity.WARNING, None, params=finding_params("Ta fram", verdict))
    for language in ("sv", "en"):
        text = RULE.render(finding, language)
        assert "Ta fram" in text and "{" not in text


def test_verdict_is_a_value() -> None:
    assert classify("Öka samverkan") == classify("öka  samverkan")
    assert isinstance(classify("Öka samverkan"), Verdict)


# --- The corpus ---------------------------------------------------------------


def test_every_corpus_entry_has_text_label_and_source() -> None:
    entries = measure.load()
    assert len(entries) >= 40
    for entry in entries:
        assert entry.text.strip(), entry
        assert entry.label in {"result", "activity"}, entry
        assert str(entry.source.get("organisation") or "").strip(), entry
        assert str(entry.source.get("document") or "").strip(), entry
    texts = [entry.text for entry in entries]
    assert len(texts) == len(set(texts)), "duplicate statements"


def test_corpus_has_both_labels_in_every_split() -> None:
    entries = measure.load()
    for split in ("dev", "heldout", "fresh1", "fresh2"):
        labels = {entry.label for entry in measure.select(entries, split)}
        assert labels == {"result", "activity"}, split


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_measured_precision_and_recall_hold(split: str) -> None:
    scores = measure.score(measure.select(measure.load(), split))
    precision_floor, recall_floor = FLOORS[split]
    assert scores.precision >= precision_floor, measure.report(split, scores)
    assert scores.recall >= recall_floor, measure.report(split, scores)
