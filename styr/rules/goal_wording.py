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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from styr.findings import Finding, Severity
from styr.i18n import N_, translate
from styr.rules.base import Rule
from styr.rules.context import RuleContext

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


@dataclass(frozen=True, slots=True)
class Verdict:
    """What `classify` found: whether the goal is an activity, and why.

    `matched` is the normalised words that decided the verdict (a verb
    group, a noun), or None when nothing in particular did.
    """

    is_activity: bool
    reason_sv: str
    reason_en: str
    matched: str | None = None


def classify(
    statement: str,
    *,
    extra_activity_verbs: Sequence[str] = (),
    extra_activity_nouns: Sequence[str] = (),
    allowed_phrases: Sequence[str] = (),
) -> Verdict:
    """Judge one goal statement: result (for those served) or activity/output."""
    text = normalise(statement)
    for phrase in allowed_phrases:
        wanted = normalise(phrase)
        if wanted and wanted in text:
            return _result(N_("allowed by option"), wanted)
    lexicon = _lexicon(tuple(extra_activity_verbs), tuple(extra_activity_nouns))
    return _classify_clause(_tokens(_strip_frames(text)), lexicon)


def finding_params(title: str, verdict: Verdict) -> dict[str, str]:
    """The message parameters for a finding of RULE on a goal's title."""
    return {
        "title": title,
        "reason": verdict.reason_sv,
        "reason_en": verdict.reason_en,
        "matched": verdict.matched or "",
    }


# --- Normalising --------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, composed å/ä/ö, one space between words, no surrounding punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)  # the many dashes of word processors
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!;•*-\t")


# Numbering and framing words say nothing about the goal itself: "Mål 3:",
# "Målområde 1:2", "Målet är att ...", "Målet för X är att ...", "Att ...".
_FRAMES = (
    re.compile(r"^(?:mål|delmål|effektmål|nämndmål|nämndsmål|målområde)\s*[\d.:]*\d[.:)]?\s+"),
    re.compile(r"^\d+[.)]\s+"),
    re.compile(r"^(?:vårt |det övergripande )?målet(?: \S+){0,8}? är att "),
    re.compile(r"^att "),
)


def _strip_frames(text: str) -> str:
    for frame in _FRAMES:
        text = frame.sub("", text, count=1)
    return text


_TOKEN = re.compile(r"[0-9a-zåäöéüæø]+(?:[-/][0-9a-zåäöéüæø]+)*-?|[%,;:()]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


# --- The lexicon ----------------------------------------------------------------


class VerbKind(Enum):
    ACTIVITY = "activity"  # what an organisation does: arbeta, ta fram, erbjuda
    QUANTITY = "quantity"  # moves a quantity: öka, minska
    SHAPING = "shaping"  # makes or improves something: utveckla, stärka, skapa
    STATE = "state"  # a state or experience: vara, ha, uppleva, nå


class Form(Enum):
    INF = "infinitive"
    INF_PASS = "passive infinitive"
    IMP = "imperative"
    PRES = "present"
    PRES_PASS = "passive present"
    SUP = "supine"
    SUP_PASS = "passive supine"
    PART = "participle"


_FINITE = {Form.PRES, Form.PRES_PASS}
_PASSIVE = {Form.INF_PASS, Form.PRES_PASS, Form.SUP_PASS}


class NounKind(Enum):
    ORG = "organisation"
    TARGET = "target group"
    RESULT = "result"
    EFFORT = "effort or output"
    NEUTRAL = "neutral"  # "utveckling": its owner or its "av"-phrase decides


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    kind: VerbKind
    form: Form
    particle: str | None = None  # "fram" in "ta fram"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs as "lemma/group": group 1 is the -ar conjugation (arbeta, arbetar,
# arbetas, arbetat), group 2 the -er conjugation (stärka, stärker, stärks,
# stärkt), group 3 the short verbs (ge, ger, ges, gett) and group 0 a verb
# whose only regular form is the lemma (finnas, lyckas). Irregular forms follow
# a "|", tagged p: present, s: supine, d: participle (untagged: a supine if it
# ends in -t, else a participle). "_" joins a particle verb: "ta_fram".
_VERBS: dict[VerbKind, str] = {
    VerbKind.ACTIVITY: """
        arbeta/1 jobba/1 verka/1 agera/1 samverka/1 samarbeta/1 samordna/1 bidra/1|bidragit
        möjliggöra/2|möjliggjort implementera/1 planera/1 prioritera/1 informera/1
        inventera/1 kartlägga/2|kartlagt,kartlagd,kartlagda utreda/2|utrett,utredd,utredda
        revidera/1 upprätta/1 genomföra/2|genomfört,genomförd,genomförda
        införa/2|infört,införd,införda erbjuda/2|erbjudit,erbjuden,erbjudna,d:erbjudet
        tillhandahålla/2|tillhandahållit,tillhandahållen,tillhandahållna
        marknadsföra/2|marknadsfört anordna/1 arrangera/1 driva/2|drivit,driven,drivna,d:drivet
        stödja/2|p:stöder,p:stödjer,stött,stödd,stödda stimulera/1 uppmuntra/1 underlätta/1
        främja/1 värna/1 bevaka/1 handlägga/2|handlagt,handlagd,handlagda upptäcka/2
        uppmärksamma/1 utbilda/1 kommunicera/1 dokumentera/1 analysera/1 granska/1
        utvärdera/1 digitalisera/1 satsa/1 sträva/1 påverka/1 delta/1|deltagit
        slutföra/2|slutfört,slutförd,slutförda rekrytera/1 anställa/2
        tillsätta/2|tillsatt,tillsatta fortsätta/2|fortsatt leverera/1 certifiera/1
        tydliggöra/2|tydliggjort förankra/1 engagera/1 förenkla/1
        ge/3|gett,givit,givits,given,givna,d:givet
        ta_fram/3|tagit,tagits,tagen,tagna,d:taget se_över/3|sett,setts
        följa_upp/2|följt,följd,följda
    """,
    VerbKind.QUANTITY: """
        öka/1 minska/1 höja/2 sänka/2 halvera/1 förkorta/1 reducera/1 fördubbla/1 utöka/1
        utvidga/1
    """,
    VerbKind.SHAPING: """
        utveckla/1 stärka/2 förstärka/2 förbättra/1 skapa/1 säkerställa/2|säkerställt,säkerställd
        bibehålla/2|bibehållit,bibehållen behålla/2|behållit,behållen bygga/2 bygga_ut/2
        modernisera/1 förnya/1 effektivisera/1 etablera/1 trygga/1
    """,
    VerbKind.STATE: """
        vara/0|p:är,varit bli/3|blivit ha/3|haft finnas/0|p:finns,funnits uppleva/2
        känna/2|känt,p:känns nå/3 uppnå/3 klara/1 lyckas/0|p:lyckas,lyckats gå/3
        kunna/0|p:kan,kunnat få/3|fått utgöra/2|utgjort uppgå/3 ligga/2|legat närma/1
        leda/2|lett ske/3 utgå/3 tillgodose/3 tillförsäkra/1 bemöta/2 hålla/2|hållit
        göra/2|gjort leva/2 bo/3 prägla/1 trivas/0|p:trivs må/3 växa/2|vuxit komma/2|kommit
        innebära/2|inneburit använda/2 vistas/0|p:vistas motionera/1 läsa/2 fullfölja/2
        avsluta/1 kännetecknas/0|p:kännetecknas
    """,
}

# Participles and adjectives that report an output as finished.
_DONE = _words("""
    klar klart klara färdig färdigt färdiga påbörjad påbörjat påbörjade antagen antaget
    antagna fastställd fastställt fastställda beslutad beslutat beslutade framtagen framtaget
    framtagna avslutad avslutat avslutade
""")

_MODALS = _words("ska skall bör måste behöver vill kommer skulle")

# Short adverbs that may stand between a modal and its verb.
_ADVERBS = _words("""
    aktivt tidigt särskilt fortsatt fortsättningsvis medvetet också även alltid ständigt
    kontinuerligt systematiskt gemensamt tillsammans successivt årligen snabbt inte ej mer
    helt fullt redan än vidare tydligt långsiktigt löpande dessutom bland annat minst
""")

# Words that open a fronted adverbial, after which Swedish inverts subject and verb.
_FRONTED = _words("""
    i vid under senast till inom efter från på med genom år före innan fram bland hösten
    våren sommaren vintern
""")

_RELATIVE = _words("som där vilka vilket vars")
# Only unambiguous subordinators: "om", "då" and "innan" are also prepositions
# or adverbs, and taking them for clause openers would hide the main verb.
_SUBORDINATORS = _words("att när eftersom medan")

# Where a noun phrase's core ends: prepositions, subordinators and punctuation.
_NP_END = _words("""
    i inom för med av på vid till från mellan hos per under efter mot om genom utifrån
    enligt oavsett bland kring över runt utan som att där när vilket vilka så samt men
    gentemot jämfört avseende inför , ; : ( ) %
""")
_DETERMINERS = _words("en ett den det de varje alla all allt samtliga sin sina sitt")

# The first word of a quantity: "Andelen elever", "Fler personer", "Ökat antal".
_QUANTIFIERS = _words("""
    andel andelen antal antalet fler färre högre lägre ökad ökat ökade minskad minskat
    minskade förbättrad förbättrat förbättrade större mindre kortare bättre
""")

# Nouns by what they name; a compound counts by its last part
# ("värdegrundsarbete" is an effort, "långtidssjukfrånvaro" a result).
_NOUNS: dict[NounKind, str] = {
    NounKind.ORG: """
        kommun stad region nämnd styrelse förvaltning kontor bolag koncern organisation skola
        enhet avdelning sektion omsorg socialtjänst huvudman arbetsgivare landsting
    """,
    NounKind.TARGET: """
        invånare medborgare elev barn ungdom unga äldre brukare patient kund hyresgäst
        besökare resenär trafikant cyklist fotgängare företag företagare näringsidkare
        näringsliv förening deltagare klient person familj vårdnadshavare förälder föräldrar
        medarbetare anställd anställda personal student studerande sökande användare hushåll
        pensionär nyanlända flicka flickor pojke pojkar kvinna kvinnor män individ människa
        människor enskild enskilde målgrupp gäst publik låntagare läsare barnfamilj
    """,
    NounKind.RESULT: """
        andel antal nöjdhet trygghet säkerhet väntetid tid utsläpp frånvaro kostnad
        befolkning befolkningsutveckling upplevelse nivå skillnad ohälsa tal hälsa
        livskvalitet delaktighet inflytande måluppfyllelse resultat behörighet klimat
        företagande sysselsättning arbetslöshet försörjning användning svinn avfall påverkan
        index tillgänglighet tillgång möjlighet segregation ojämlikhet jämställdhet jämlikhet
        kunskap betyg kunskapskrav beroende tillväxt attraktivitet attraktionskraft
        förtroende tillit trivsel studiero kvalitet olycka olyckor brott brottslighet skada
        skador ranking placering deltagande lärande självständighet egenförsörjning rättighet
        livsmiljö välbefinnande handlingskompetens effekt nöjd energieffektivitet
        utbildningsnivå examen trängsel buller halt
    """,
    NounKind.EFFORT: """
        arbete arbetsform arbetssätt samverkan samarbete samordning dialog samtal insats
        aktivitet möte rutin process plan strategi policy riktlinje modell metod verktyg
        itsystem verksamhetssystem kompetensutveckling professionsutveckling
        verksamhetsutveckling organisationsutveckling kvalitetsutveckling metodutveckling
        kartläggning inventering översyn utredning uppföljning utvärdering analys styrning
        ledning förutsättning kommunikation information marknadsföring digitalisering
        bemanning resurs kompetensförsörjning personalförsörjning utbud verksamhet satsning
        projekt investering tillsyn kontroll handläggning planering uppdrag avtal nätverk
        forum implementering införande genomförande framtagande revidering handlingsplan
        etjänst kampanj värdegrundsarbete rekrytering fortbildning
    """,
    # "utveckling" and "utbildning" belong to whoever has them: "elevernas
    # utveckling" is a result, "utveckling av insatser" an effort.
    NounKind.NEUTRAL: "utveckling utbildning",
}
# Pronouns match whole words only ("vi" must not match "delvis").
_PRONOUNS = {"vi": NounKind.ORG, "jag": NounKind.TARGET}

# Endings that inflected and genitive forms of the listed nouns can carry.
_NOUN_ENDINGS = (
    "", "n", "en", "et", "t", "na", "ena", "er", "erna", "ar", "arna", "or", "orna", "r", "rna",
    "s", "ns", "ens", "ets", "ts", "nas", "enas", "ers", "ernas", "ars", "arnas", "ors", "ornas",
    "rs", "rnas",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Lexicon:
    verbs: dict[str, tuple[VerbForm, ...]]
    nouns: dict[str, NounKind]
    longest_noun: int


def _conjugate(spec: str, kind: VerbKind) -> list[tuple[str, VerbForm]]:
    """Every surface form of one verb spec, e.g. "stärka/2" or "ge/3|gett,givit"."""
    head, _, extras = spec.partition("|")
    words, _, group = head.partition("/")
    lemma, _, particle = words.partition("_")
    forms = _regular_forms(lemma, group) + [
        _irregular(extra) for extra in extras.split(",") if extra
    ]
    return [(word, VerbForm(lemma, kind, form, particle or None)) for word, form in forms]


_TAGS = {"p": Form.PRES, "s": Form.SUP, "d": Form.PART}


def _irregular(extra: str) -> tuple[str, Form]:
    tag, _, word = extra.rpartition(":")
    if tag:
        return word, _TAGS[tag]
    return word, Form.SUP if word.endswith("t") else Form.PART


# Endings of each conjugation group, added to the stem (the lemma without its
# final -a in group 2): (ending, form).
_GROUP_ENDINGS: dict[str, tuple[tuple[str, Form], ...]] = {
    "0": (("", Form.INF),),
    "1": (
        ("", Form.INF), ("", Form.IMP), ("s", Form.INF_PASS), ("r", Form.PRES),
        ("s", Form.PRES_PASS), ("t", Form.SUP), ("ts", Form.SUP_PASS), ("d", Form.PART),
        ("de", Form.PART),
    ),
    "2": (
        ("a", Form.INF), ("", Form.IMP), ("as", Form.INF_PASS), ("er", Form.PRES),
        ("s", Form.PRES_PASS), ("t", Form.SUP), ("ts", Form.SUP_PASS), ("d", Form.PART),
        ("da", Form.PART), ("t", Form.PART),
    ),
    "3": (
        ("", Form.INF), ("", Form.IMP), ("s", Form.INF_PASS), ("r", Form.PRES),
        ("s", Form.PRES_PASS), ("tt", Form.SUP), ("tts", Form.SUP_PASS), ("dd", Form.PART),
    ),
}  # fmt: skip


def _regular_forms(lemma: str, group: str) -> list[tuple[str, Form]]:
    stem = lemma[:-1] if group == "2" else lemma
    forms = []
    for ending, form in _GROUP_ENDINGS[group]:
        if form is Form.PRES and group == "2" and stem.endswith("r"):
            ending = ""  # införa -> inför, göra -> gör
        forms.append((stem + ending, form))
    return forms


@lru_cache(maxsize=32)
def _lexicon(extra_verbs: tuple[str, ...], extra_nouns: tuple[str, ...]) -> _Lexicon:
    verbs: dict[str, list[VerbForm]] = {}
    specs = {kind: listed.split() for kind, listed in _VERBS.items()}
    for verb in extra_verbs:
        # A municipality's own verb: conjugate it both ways; unused forms cost nothing.
        lemma = normalise(verb).replace(" ", "_")
        specs[VerbKind.ACTIVITY] += [f"{lemma}/1", f"{lemma}/2"]
    for kind, listed in specs.items():
        for spec in listed:
            for word, form in _conjugate(spec, kind):
                verbs.setdefault(word, []).append(form)
    nouns: dict[str, NounKind] = {}
    for noun_kind, listed_nouns in _NOUNS.items():
        for noun in listed_nouns.split():
            _add_noun(nouns, noun, noun_kind)
    for spec in specs[VerbKind.ACTIVITY]:
        # The act of an activity verb is an effort: granska -> granskningen,
        # genomföra -> genomförandet. Listed nouns keep their own kind.
        for noun in _nominalisations(spec):
            _add_noun(nouns, noun, NounKind.EFFORT)
    for noun in extra_nouns:
        _add_noun(nouns, normalise(noun), NounKind.EFFORT)
    longest = max(len(word) for word in nouns)
    return _Lexicon({word: tuple(found) for word, found in verbs.items()}, nouns, longest)


def _nominalisations(spec: str) -> list[str]:
    head = spec.partition("|")[0]
    lemma, _, group = head.partition("/")
    if "_" in lemma or group not in ("1", "2"):
        return []  # particle and short verbs have irregular nouns, listed where needed
    stem = lemma[:-1]
    if lemma.endswith("era"):
        ning = lemma[:-1] + "ing"  # implementera -> implementering
    elif stem.endswith(("n", "r")):
        ning = stem + "ing"  # samordna -> samordning, förankra -> förankring
    else:
        ning = stem + "ning"  # granska -> granskning
    return [ning, lemma + "nde"]  # genomföra -> genomförande


def _add_noun(nouns: dict[str, NounKind], noun: str, kind: NounKind) -> None:
    for ending in _NOUN_ENDINGS:
        nouns.setdefault(noun + ending, kind)
    # Nouns that drop their last vowel: skola -> skolor, invånare -> invånarna.
    dropped = {"a": ("or", "orna", "ors", "ornas"), "e": ("na", "nas")}.get(noun[-1], ())
    for ending in dropped:
        nouns.setdefault(noun[:-1] + ending, kind)


def _noun_kind(word: str, lexicon: _Lexicon) -> NounKind | None:
    """The kind of a noun, by the longest listed word it ends with (compounds)."""
    if word.endswith("-"):
        return None  # the first half of "kultur- och fritidsnämnden"
    if word in _PRONOUNS:
        return _PRONOUNS[word]
    word = word.replace("-", "")
    if len(word) > 4 and re.search(r"bor(na|nas|s)?$", word):
        return NounKind.TARGET  # Lundabor, kommunborna
    for start in range(max(0, len(word) - lexicon.longest_noun), len(word) - 1):
        kind = lexicon.nouns.get(word[start:])
        if kind is not None and (start == 0 or len(word) - start >= 3):
            return kind
    return None


def _verb(word: str, lexicon: _Lexicon) -> tuple[VerbForm, ...]:
    return lexicon.verbs.get(word, ())


# --- Clauses ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NounPhrase:
    kind: NounKind | None
    text: str


@dataclass(frozen=True, slots=True)
class _VerbGroup:
    verb: VerbForm
    start: int  # index of the first token after the verb group
    text: str
    passive: bool
    done: bool = False  # "ska vara framtagen", "ska ha genomförts"


def _classify_clause(tokens: list[str], lexicon: _Lexicon) -> Verdict:
    if tokens and _is_modal(tokens, 0):
        # "ska utveckla samverkansformerna ...": a goal list may leave the subject
        # out; what follows the modal reads like an opening infinitive.
        tokens = tokens[2:] if tokens[0] == "kommer" else tokens[1:]
    if not tokens:
        return _result(N_("the goal has no words to judge"), None)
    opening = _opening_verb(tokens, lexicon)
    if opening is not None:
        # "Erbjuda ...", "Öka ...": the organisation is the implied subject.
        return _decide(_NounPhrase(NounKind.ORG, ""), opening, tokens, lexicon)
    main = _main_verb_index(tokens, lexicon)
    if main is None:
        return _judge_noun_goal(tokens, lexicon)
    if tokens[main] in _MODALS:
        return _after_modal(tokens, main, lexicon)
    subject = _noun_phrase(tokens[:main], lexicon)
    group = _verb_group(tokens, main, lexicon)
    if group is None:
        return _judge_by_subject(subject)
    return _decide(subject, group, tokens, lexicon)


def _opening_verb(tokens: list[str], lexicon: _Lexicon) -> _VerbGroup | None:
    if tokens[0] in _NP_END and any(
        _is_modal(tokens, index) or _is_finite(token, lexicon)
        for index, token in enumerate(tokens[1:], start=1)
    ):
        # "Inför 2026 ska fler ..." is a fronted preposition (a finite verb follows);
        # "Inför en modell för ..." the imperative of "införa".
        return None
    forms = [form for form in _verb(tokens[0], lexicon) if form.form in (Form.INF, Form.IMP)]
    if not forms:
        return None
    return _verb_group(tokens, 0, lexicon)


def _main_verb_index(tokens: list[str], lexicon: _Lexicon) -> int | None:
    """The index of the main clause's modal or finite verb, skipping subordinate clauses.

    A relative clause ("som kommer i kontakt med") has its verb right after
    "som"; an att-clause runs to its own finite verb or infinitive.
    """
    pending: str | None = None
    for index, token in enumerate(tokens):
        if pending == "relative":
            if token not in _ADVERBS:
                pending = None  # this word is the relative clause's verb, known or not
            continue
        if pending == "subordinate":
            if token in _MODALS or _is_finite(token, lexicon) or _is_infinitive(token, lexicon):
                pending = None
            continue
        if token in _RELATIVE:
            pending = "relative"
        elif token in _SUBORDINATORS:
            pending = "subordinate"
        elif index > 0 and (_is_modal(tokens, index) or _is_finite(token, lexicon)):
            return index
    return None


def _is_modal(tokens: list[str], index: int) -> bool:
    token = tokens[index]
    if token == "kommer":  # only "kommer att" is a modal; "kommer i kontakt" is not
        return index + 1 < len(tokens) and tokens[index + 1] == "att"
    return token in _MODALS


def _is_finite(token: str, lexicon: _Lexicon) -> bool:
    return any(form.form in _FINITE for form in _verb(token, lexicon))


def _is_infinitive(token: str, lexicon: _Lexicon) -> bool:
    return any(form.form in (Form.INF, Form.INF_PASS) for form in _verb(token, lexicon))


def _after_modal(tokens: list[str], modal: int, lexicon: _Lexicon) -> Verdict:
    following = modal + 1
    if tokens[modal] == "kommer":
        following += 1  # "kommer att"
    if following < len(tokens) and tokens[following] == "att":
        # "Vi vill att fler ..." : the att-clause is the goal.
        return _classify_clause(tokens[following + 1 :], lexicon)
    verb_index = _next_verb(tokens, following, lexicon)
    before = tokens[:modal]
    if before and (before[0] in _FRONTED or before[0].isdigit()):
        # V2 order after a fronted adverbial: "Vid årets slut ska <subject> <verb>".
        subject_tokens = tokens[following : verb_index if verb_index is not None else len(tokens)]
    else:
        subject_tokens = before
    subject = _noun_phrase(subject_tokens, lexicon)
    if verb_index is None:
        return _judge_by_subject(subject)
    group = _verb_group(tokens, verb_index, lexicon)
    if group is None:
        return _judge_by_subject(subject)
    return _decide(subject, group, tokens, lexicon)


def _next_verb(tokens: list[str], start: int, lexicon: _Lexicon) -> int | None:
    """The first non-finite verb after a modal, before any subordinate clause."""
    non_finite = {Form.INF, Form.INF_PASS, Form.SUP, Form.SUP_PASS}
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token in _RELATIVE or token in _SUBORDINATORS:
            return None
        if any(form.form in non_finite for form in _verb(token, lexicon)):
            return index
    return None


def _verb_group(tokens: list[str], index: int, lexicon: _Lexicon) -> _VerbGroup | None:
    """The verb at `index` with its particle, auxiliaries and voice resolved."""
    forms = _verb(tokens[index], lexicon)
    if not forms:
        return None
    rest = tokens[index + 1 :]
    particle_verb = _with_particle(forms, rest)
    if particle_verb is not None:
        return _VerbGroup(
            particle_verb,
            index + 2,
            f"{tokens[index]} {particle_verb.particle}",
            particle_verb.form in _PASSIVE,
        )
    verb = next((form for form in forms if form.particle is None), None)
    if verb is None:
        return None
    if verb.lemma in ("vara", "bli"):
        return _copula(tokens, index, verb, lexicon)
    if verb.lemma == "ha":
        perfect = _perfect(tokens, index, lexicon)
        if perfect is not None:
            return perfect
    return _VerbGroup(verb, index + 1, tokens[index], verb.form in _PASSIVE)


def _with_particle(forms: Iterable[VerbForm], rest: Sequence[str]) -> VerbForm | None:
    for form in forms:
        if form.particle is not None and rest and rest[0] == form.particle:
            return form
    return None


def _copula(tokens: list[str], index: int, verb: VerbForm, lexicon: _Lexicon) -> _VerbGroup:
    """ "vara/bli" + complement: done ("klar"), passive ("bli genomförd") or a state."""
    position = _skip_adverbs(tokens, index + 1)
    if position < len(tokens):
        word = tokens[position]
        text = f"{tokens[index]} {word}"
        if word in _DONE:
            return _VerbGroup(verb, position + 1, text, passive=True, done=True)
        participle = next((form for form in _verb(word, lexicon) if form.form is Form.PART), None)
        if participle is not None:
            done = participle.kind is VerbKind.ACTIVITY
            return _VerbGroup(participle, position + 1, text, passive=True, done=done)
    return _VerbGroup(verb, index + 1, tokens[index], passive=False)


def _perfect(tokens: list[str], index: int, lexicon: _Lexicon) -> _VerbGroup | None:
    """ "ha" + supine is the perfect of the supine's verb: "ska ha genomförts"."""
    position = _skip_adverbs(tokens, index + 1)
    if position >= len(tokens):
        return None
    word = tokens[position]
    for form in _verb(word, lexicon):
        if form.form in (Form.SUP, Form.SUP_PASS):
            passive = form.form is Form.SUP_PASS
            particle = (
                1 if form.particle and tokens[position + 1 : position + 2] == [form.particle] else 0
            )
            # "ska ha genomförts" reports an output as done; "ska ha deltagit"
            # keeps its subject, which decides as usual.
            done = passive and form.kind is VerbKind.ACTIVITY
            text = " ".join(tokens[index : position + 1 + particle])
            return _VerbGroup(form, position + 1 + particle, text, passive, done)
    return None


def _skip_adverbs(tokens: list[str], position: int) -> int:
    while position < len(tokens) and tokens[position] in _ADVERBS:
        position += 1
    return position


# --- Noun phrases ----------------------------------------------------------------


def _noun_phrase(tokens: Sequence[str], lexicon: _Lexicon) -> _NounPhrase:
    """The kind of a noun phrase, judged by its core (up to a preposition or clause)."""
    core, end = _core(tokens, lexicon)
    text = " ".join(core)
    if not core:
        return _NounPhrase(None, text)
    if core[0] in _QUANTIFIERS:
        return _NounPhrase(_quantity_kind(core, lexicon), text)
    head_kind = _head_kind(core, tokens[end:], lexicon)
    if head_kind is not None:
        return _NounPhrase(head_kind, text)
    return _NounPhrase(_owner_kind(core, lexicon), text)


def _quantity_kind(core: list[str], lexicon: _Lexicon) -> NounKind | None:
    """ "Antalet insatser" counts efforts; "Andelen elever" and "fler elever" are results;
    "fler bostäder" is a result or an output depending on the verb, so it stays open."""
    counted = [_noun_kind(word, lexicon) for word in core[1:]]
    if NounKind.EFFORT in counted:
        return NounKind.EFFORT
    if core[0].startswith(("andel", "antal")) or {NounKind.RESULT, NounKind.TARGET} & set(counted):
        return NounKind.RESULT
    return None


def _core(tokens: Sequence[str], lexicon: _Lexicon) -> tuple[list[str], int]:
    """The words before the first preposition, clause or verb, without leading determiners,
    and the index where the core ended."""
    end = 0
    while end < len(tokens):
        token = tokens[end]
        if token in _NP_END or token in _MODALS or _is_finite(token, lexicon):
            break
        end += 1
    core = list(tokens[:end])
    while len(core) > 1 and core[0] in _DETERMINERS:
        core = core[1:]
    return core, end


def _head_kind(core: list[str], after: Sequence[str], lexicon: _Lexicon) -> NounKind | None:
    """The first known kind among coordinated heads: "tryggheten och känslan" -> result."""
    kinds = [_noun_kind(head, lexicon) for head in _conjunct_heads(core)]
    if kinds and kinds[-1] is NounKind.NEUTRAL and after[:1] == ["av"]:
        # "Utveckling av insatser": the av-phrase says what develops.
        return _noun_phrase(after[1:], lexicon).kind
    return next((kind for kind in kinds if kind not in (None, NounKind.NEUTRAL)), None)


def _conjunct_heads(core: list[str]) -> list[str]:
    heads: list[str] = []
    current: list[str] = []
    for token in [*core, "och"]:
        if token in ("och", "eller", ","):
            words = [word for word in current if not word.endswith("-")]
            if words:
                heads.append(words[-1])
            current = []
        else:
            current.append(token)
    return heads


def _owner_kind(core: list[str], lexicon: _Lexicon) -> NounKind | None:
    """An unknown head takes its kind from whose it is: a target group's, or internal
    ("intern kompetens", "våra rutiner", "nämndens tillitskultur")."""
    modifiers = core[:-1]
    if any(word.startswith("intern") for word in core) or any(
        word in ("vår", "våra", "vårt") for word in modifiers
    ):
        return NounKind.ORG
    genitives = [_noun_kind(word, lexicon) for word in modifiers if word.endswith("s")]
    if NounKind.TARGET in genitives:
        return NounKind.TARGET
    if NounKind.ORG in genitives:
        return NounKind.ORG
    return None


# --- Deciding --------------------------------------------------------------------


def _decide(
    subject: _NounPhrase, group: _VerbGroup, tokens: list[str], lexicon: _Lexicon
) -> Verdict:
    kind = group.verb.kind
    if group.done:
        return _activity(
            N_("the goal is that an output is finished ('{m}')"),
            group.text,
        )
    if subject.kind is NounKind.TARGET and not group.passive:
        return _result(
            N_("the target group is the subject of the verb ('{m}')"),
            subject.text,
        )
    if kind is VerbKind.ACTIVITY:
        return _decide_activity_verb(subject, group, tokens)
    if kind in (VerbKind.QUANTITY, VerbKind.SHAPING):
        return _decide_change_verb(subject, group, tokens, lexicon)
    return _decide_state_verb(subject, group, tokens, lexicon)


# "arbeta för", "verka för": the preposition is part of what a reader recognises.
_WORK_PREPOSITIONS = _words("för med mot efter")


def _decide_activity_verb(subject: _NounPhrase, group: _VerbGroup, tokens: list[str]) -> Verdict:
    if group.passive:
        return _activity(
            N_("the goal says something shall be done ('{m}'), not what it should lead to"),
            group.text,
        )
    if subject.kind is NounKind.RESULT:
        return _result(N_("the subject is a result ('{m}')"), subject.text)
    matched = group.text
    if tokens[group.start : group.start + 1] and tokens[group.start] in _WORK_PREPOSITIONS:
        matched = f"{matched} {tokens[group.start]}"
    return _activity(
        N_("the goal describes what the organisation does ('{m}'), not the result it should bring"),
        matched,
    )


def _decide_change_verb(
    subject: _NounPhrase, group: _VerbGroup, tokens: list[str], lexicon: _Lexicon
) -> Verdict:
    """öka/minska move a result unless it is an effort; utveckla/stärka make an output
    unless what they shape is a result or a target group's."""
    shaping = group.verb.kind is VerbKind.SHAPING
    changed = subject
    if not group.passive and subject.kind is not NounKind.RESULT:
        # Transitive: the object changes. A result subject ("Tryggheten ska öka och
        # nå ...") reads intransitively, whatever follows.
        object_tokens = _object_tokens(tokens, group.start, lexicon)
        if object_tokens[:1] == ["att"]:
            # "säkerställa att alla elever ...": the att-clause is what is made true.
            return _classify_clause(object_tokens[1:], lexicon)
        changed_object = _noun_phrase(object_tokens, lexicon)
        if changed_object.text:
            changed = changed_object
    if changed.kind is NounKind.EFFORT or (shaping and changed.kind is NounKind.ORG):
        return _activity(
            N_("'{verb}' concerns the organisation's own work ('{m}'), not those it serves"),
            changed.text or group.text,
            group.text,
        )
    if changed.kind in (NounKind.RESULT, NounKind.TARGET) or not shaping:
        words = (changed.text, group.text) if changed is subject else (group.text, changed.text)
        return _result(
            N_("the goal states a change in a result ('{m}')"),
            " ".join(words).strip(),
        )
    return _activity(
        N_("'{verb}' concerns something the organisation makes ('{m}'), not a result for anyone"),
        changed.text or group.text,
        group.text,
    )


def _object_tokens(tokens: list[str], start: int, lexicon: _Lexicon) -> list[str]:
    """What follows the verb, past coordinated verbs: "Bibehålla och utveckla X" -> X."""
    position = start
    while position + 1 < len(tokens) and tokens[position] in ("och", "samt", ","):
        if not _verb(tokens[position + 1], lexicon):
            break
        position += 2
    return tokens[position:]


def _decide_state_verb(
    subject: _NounPhrase, group: _VerbGroup, tokens: list[str], lexicon: _Lexicon
) -> Verdict:
    if subject.kind is NounKind.EFFORT:
        return _activity(
            N_("the goal is about the organisation's own work or output ('{m}')"),
            subject.text,
        )
    if group.verb.lemma == "ha" and subject.kind in (NounKind.ORG, None):
        owned = _noun_phrase(tokens[group.start :], lexicon)
        if owned.kind is NounKind.EFFORT:
            return _activity(
                N_("the goal is that the organisation has some work or output ('{m}')"),
                owned.text,
            )
    return _result(
        N_("the goal describes a state or an experience ('{m}')"),
        group.text,
    )


def _judge_by_subject(subject: _NounPhrase) -> Verdict:
    if subject.kind is NounKind.EFFORT:
        return _activity(
            N_("the goal is about the organisation's own work or output ('{m}')"),
            subject.text,
        )
    return _result(N_("no activity verb was found"), subject.text or None)


def _judge_noun_goal(tokens: list[str], lexicon: _Lexicon) -> Verdict:
    """A goal without a verb: "Översyn av ...", "Fler nyetablerade företag"."""
    first = tokens[0]
    if re.fullmatch(r"\w+(ande|ende)", first) and tokens[1:2] == ["av"]:
        return _activity(
            N_("the goal is an action turned into a noun ('{m}')"),
            f"{first} av",
        )
    phrase = _noun_phrase(tokens, lexicon)
    return _judge_by_subject(phrase)


def _verdict(is_activity: bool, reason: str, matched: str | None, verb: str = "") -> Verdict:
    """A verdict with its reason in both languages: `{m}` is what matched, `{verb}` the verb."""
    params = {"m": matched or "", "verb": verb}
    return Verdict(
        is_activity,
        translate(reason, "sv", **params),
        translate(reason, "en", **params),
        matched or None,
    )


def _activity(reason: str, matched: str, verb: str = "") -> Verdict:
    return _verdict(True, reason, matched, verb)


def _result(reason: str, matched: str | None) -> Verdict:
    return _verdict(False, reason, matched)


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
