"""G002's word lists: the Swedish verbs and nouns a goal's wording is judged by.

Data only: the kinds of verb and noun the grammar tells apart, every listed
verb by kind in a compact spec ("lemma/group|irregular forms"), the nouns by
what they name, and the small closed word classes (modals, adverbs,
prepositions, subordinators) that mark where a clause or a noun phrase ends.
styr.rules.wording_lexicon turns the specs into surface forms; the grammar
itself is in styr.rules.wording_clauses and styr.rules.wording_verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class VerbKind(Enum):
    """What a verb says the subject does, which decides how the clause is judged."""

    ACTIVITY = "activity"  # what an organisation does: arbeta, ta fram, erbjuda
    QUANTITY = "quantity"  # moves a quantity: öka, minska
    SHAPING = "shaping"  # makes or improves something: utveckla, stärka, skapa
    STATE = "state"  # a state or experience: vara, ha, uppleva, nå


class Form(Enum):
    """The grammatical form of one surface form of a verb."""

    INF = "infinitive"
    INF_PASS = "passive infinitive"
    IMP = "imperative"
    PRES = "present"
    PRES_PASS = "passive present"
    SUP = "supine"
    SUP_PASS = "passive supine"
    PART = "participle"


FINITE = {Form.PRES, Form.PRES_PASS}
# A tuple, not a set: G002 asks it of every verb group, and a set hashes the
# member with Enum's __hash__, a call in Python, where a tuple compares identity.
PASSIVE = (Form.INF_PASS, Form.PRES_PASS, Form.SUP_PASS)


class NounKind(Enum):
    """What a noun names: who acts, who is served, a result or an effort."""

    ORG = "organisation"
    TARGET = "target group"
    RESULT = "result"
    EFFORT = "effort or output"
    NEUTRAL = "neutral"  # "utveckling": its owner or its "av"-phrase decides


# The members the grammar tests every goal's words against, as plain globals.
# On Python 3.11 an Enum class's metaclass has a __getattr__, which makes each
# `NounKind.RESULT` written in a function an attribute lookup through Python's
# slot machinery (about 0.2 µs, a dozen of them a goal in G002), where a
# global is one dictionary lookup. The members are the same objects.
ACTIVITY, QUANTITY, SHAPING = VerbKind.ACTIVITY, VerbKind.QUANTITY, VerbKind.SHAPING
PARTICIPLE, SUPINE, SUPINE_PASSIVE = Form.PART, Form.SUP, Form.SUP_PASS
ORG, TARGET, RESULT, EFFORT, NEUTRAL = (
    NounKind.ORG,
    NounKind.TARGET,
    NounKind.RESULT,
    NounKind.EFFORT,
    NounKind.NEUTRAL,
)


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One surface form of a listed verb: its lemma, kind and form."""

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
VERBS: dict[VerbKind, str] = {
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
DONE = _words("""
    klar klart klara färdig färdigt färdiga påbörjad påbörjat påbörjade antagen antaget
    antagna fastställd fastställt fastställda beslutad beslutat beslutade framtagen framtaget
    framtagna avslutad avslutat avslutade
""")

MODALS = _words("ska skall bör måste behöver vill kommer skulle")

# Short adverbs that may stand between a modal and its verb.
ADVERBS = _words("""
    aktivt tidigt särskilt fortsatt fortsättningsvis medvetet också även alltid ständigt
    kontinuerligt systematiskt gemensamt tillsammans successivt årligen snabbt inte ej mer
    helt fullt redan än vidare tydligt långsiktigt löpande dessutom bland annat minst
""")

# Words that open a fronted adverbial, after which Swedish inverts subject and verb.
FRONTED = _words("""
    i vid under senast till inom efter från på med genom år före innan fram bland hösten
    våren sommaren vintern
""")

RELATIVE = _words("som där vilka vilket vars")
# Only unambiguous subordinators: "om", "då" and "innan" are also prepositions
# or adverbs, and taking them for clause openers would hide the main verb.
SUBORDINATORS = _words("att när eftersom medan")

# Where a noun phrase's core ends: prepositions, subordinators and punctuation.
NP_END = _words("""
    i inom för med av på vid till från mellan hos per under efter mot om genom utifrån
    enligt oavsett bland kring över runt utan som att där när vilket vilka så samt men
    gentemot jämfört avseende inför , ; : ( ) %
""")
DETERMINERS = _words("en ett den det de varje alla all allt samtliga sin sina sitt")

# The first word of a quantity: "Andelen elever", "Fler personer", "Ökat antal".
QUANTIFIERS = _words("""
    andel andelen antal antalet fler färre högre lägre ökad ökat ökade minskad minskat
    minskade förbättrad förbättrat förbättrade större mindre kortare bättre
""")

# Nouns by what they name; a compound counts by its last part
# ("värdegrundsarbete" is an effort, "långtidssjukfrånvaro" a result).
NOUNS: dict[NounKind, str] = {
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
PRONOUNS = {"vi": NounKind.ORG, "jag": NounKind.TARGET}

# "arbeta för", "verka för": the preposition is part of what a reader recognises.
WORK_PREPOSITIONS = _words("för med mot efter")
