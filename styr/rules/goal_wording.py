"""G002 activity-goal: a goal states a result for those served, not an activity or output.

The check reads a goal's wording with a small grammar of Swedish goal
sentences instead of a bag of words, because the same word can be on either
side: "Öka andelen elever som ..." is a result, "Öka samverkan" an activity;
"Barn ska utvecklas" is a result, "Utveckla arbetsformer" an activity. What
decides is who acts and on what:

1. Find the main clause's verb group: an opening infinitive or imperative
   ("Erbjuda ...", "Öka ..."), a modal and its verb ("ska arbeta",
   "ska tas fram", "ska vara slutförd", "ska ha genomförts"), or a finite verb
   ("Kommunen erbjuder", "Tryggheten ökar"). Relative and att-clauses are
   skipped, a fronted adverbial ("Vid årets slut 2024 ska en plan vara
   framtagen") moves the subject after the modal (Swedish V2 order), and a
   goal that opens with its modal ("ska utveckla ...") has left its subject
   out.
2. Classify the subject and the object noun phrases by their head noun (the
   last word before a preposition or a subordinate clause, matched as the
   end of a compound): the organisation (kommunen, nämnden, vi), a target
   group (elever, invånare, äldre), a result (andel, trygghet, väntetid) or
   the organisation's own effort or output (samverkan, plan, rutiner,
   insatser, and nouns made from activity verbs: granskning, genomförande).
   Genitives decide an unknown head: "elevernas kompetens" belongs to a
   target group, "nämndens tillitskultur" is internal.
3. Decide by the verb's kind:
   - activity verbs (arbeta för, verka för, ta fram, genomföra, erbjuda,
     samverka ...) are an activity when the organisation, or nobody named,
     is the agent, and always in the passive ("ska tas fram", "erbjuds"),
     where the organisation is the implicit agent; a target group doing them
     ("Fler elever deltar") is an effect;
   - verbs of quantity (öka, minska, höja, sänka) move a result unless what
     moves is the organisation's own effort ("öka samverkan", "antalet
     insatser ska öka");
   - shaping verbs (utveckla, stärka, förbättra, skapa, säkerställa) make an
     output unless what they shape is a result or a target group's
     ("stärka tryggheten", "utveckla elevernas handlingskompetens");
   - states (vara, ha, finnas, uppleva, nå) are results, unless their subject
     is an effort ("Rutiner ska finnas") or they report an output as done
     ("ska vara framtagen", "ska ha genomförts").
4. A goal without a verb is judged by its head noun: "Framtagande av ...",
   "En tillitsbaserad styrning" are outputs, "Fler nyetablerade företag" a
   result.

When in doubt the verdict is "result": the rule warns, so a missed activity
costs less than a false alarm. Measured on real goals in
benchmarks/goal_wording.

This module is the rule (its texts, options and check, and a cache of
verdicts); the grammar lives beside it: styr.rules.wording_words holds the
word lists, styr.rules.wording_lexicon their inflected forms,
styr.rules.wording_text the normalising and tokenising,
styr.rules.wording_clauses steps 1 and 2, and styr.rules.wording_verdict
steps 3 and 4 with `classify`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from styr.findings import Finding, Severity
from styr.i18n import N_
from styr.rules.base import Rule
from styr.rules.context import RuleContext
from styr.rules.wording_text import normalise
from styr.rules.wording_verdict import Verdict, classify

__all__ = ["RULE", "Verdict", "check", "classify", "finding_params", "normalise"]


RULE = Rule(
    code="G002",
    name="activity-goal",
    severity=Severity.WARNING,
    summary=N_("The goal describes an activity or output, not a result"),
    message=N_(
        "The goal '{title}' describes an activity or output, not a result: {reason}. Write what "
        "should change for those the operation serves."
    ),
    options={"extra_activity_verbs": [], "extra_activity_nouns": [], "allowed_phrases": []},
    doc=N_("""Reports a goal whose wording is an activity or an output of the organisation
("Arbeta för ...", "Nämnden ska ta fram en plan", "Samverkan ska utvecklas",
"En handlingsplan ska vara framtagen", "Översyn av riktlinjerna") rather than a
result or effect for those the operation serves.

Why (Helsingborg's guide for elected officials): "Bra mål uttrycker resultat
eller effekter, inte aktiviteter eller prestationer, och de fokuserar på de som
verksamheten riktar sig till." A result is that pupils reach the expected
knowledge, that the elderly say they are satisfied with the service, that
clients manage without further support, or fewer traffic accidents. What the
administration does to get there (plans, reviews, cooperation, training)
belongs in its work plan, where it has an owner and a deadline. SKR and RKA
say the same, and BRÅ advises against "verka för" in goals.

How it reads a goal: it finds the main verb and asks who acts on what. An
activity verb with the organisation as agent, or in the passive, is an
activity ("Kommunen ska verka för ...", "En plan ska tas fram"). Verbs of
movement are fine on a result ("Öka andelen elever som ...", "Minska
väntetiden") but not on the organisation's own effort ("Öka samverkan",
"Antalet möten ska öka"). "Utveckla", "stärka", "skapa" and "säkerställa" are
judged by their object: "Utveckla arbetsformer" is an activity, "Barn ska
utvecklas" a result. A target group as subject is a result ("Fler elever ska
vara behöriga", "Invånarna ska uppleva ..."). When the wording is unclear the
rule stays silent.

Failing example: "Socialnämnden ska arbeta för att stärka samverkan med
skolan."
Instead: "Fler barn och unga i kontakt med socialtjänsten ska klara
skolan", followed by an indicator; put the cooperation with the school in
the administration's work plan.

Options:
- `extra_activity_verbs`: more verbs that describe the organisation's own work
  in your municipality (infinitive, e.g. "certifiera"; a particle verb as two
  words, e.g. "lägga om").
- `extra_activity_nouns`: more nouns for internal efforts or outputs
  (e.g. "tillitsresa"); compounds ending in them count too.
- `allowed_phrases`: goals containing any of these phrases are never
  reported (for a wording your council has decided to keep).
"""),
)


def finding_params(title: str, verdict: Verdict) -> dict[str, str]:
    """The message parameters for a finding of RULE on a goal's title."""
    return {
        "title": title,
        "reason": verdict.reason_sv,
        "reason_en": verdict.reason_en,
        "matched": verdict.matched or "",
    }


def check(context: RuleContext) -> Iterator[Finding]:
    """G002 for every goal, reported at its title."""
    options = context.options
    verbs = tuple(options["extra_activity_verbs"])
    nouns = tuple(options["extra_activity_nouns"])
    phrases = tuple(options["allowed_phrases"])
    for goal in context.goals():
        title = goal.title
        verdict = _classify_once(title, verbs, nouns, phrases)
        if verdict.is_activity:
            yield context.at(RULE, goal, "title", **finding_params(title, verdict))


# Goals repeat their wording: a board's goal restates the council's, a
# municipality takes over another's, and a run over many repositories meets
# the same sentences again and again. A verdict depends on the wording and
# the options only, so each is read once per process.
@lru_cache(maxsize=4096)
def _classify_once(
    title: str, verbs: tuple[str, ...], nouns: tuple[str, ...], phrases: tuple[str, ...]
) -> Verdict:
    return classify(
        title, extra_activity_verbs=verbs, extra_activity_nouns=nouns, allowed_phrases=phrases
    )
