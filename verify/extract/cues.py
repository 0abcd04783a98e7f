"""The reporting lexicon: verbs and phrases that introduce what someone says, thinks or shows.

Each verb is listed once by its base form and expanded to every inflection ("say", "says", "said",
"saying"), so tense and voice are handled by the grammar, not by the word list.
"""

from __future__ import annotations

# verbs of saying: "X said (that) ...", "..., X said", "..., said X"
SPEECH = """say tell add write note report announce state claim allege reveal confirm declare insist
explain warn acknowledge argue tweet reply respond deny accuse assert admit recall conclude suggest
predict promise pledge vow stress emphasize emphasise observe remark comment complain contend maintain
concede testify disclose joke quip boast brag lament ask wonder agree recount assure caution
mention estimate describe repeat reiterate retort scoff shout yell posit propose speculate
affirm indicate muse urge swear call continue express point talk answer remind echo refer
interject allude email quote chant signal hint read""".split()

# stances and acts of speech that attribution corpora annotate too: "X criticized the plan"
STANCE = """attack criticize criticise praise blast slam condemn denounce reject dismiss defend endorse
support oppose blame cite compare liken question challenge decline refuse propose demand threaten
applaud welcome hail credit thank mock ridicule decry lambaste chide rebuke scold fault tout accuse
push advocate champion dispute contest recommend acknowledge downplay insist highlight
emphasize label dub brand characterize characterise portray describe slam issue offer seek bemoan rail knock voice retweet plead
press prefer discuss deem congratulate charge apologize apologise imply request consider
order identify name back vote focus speak
post release file publish mention favor encourage reference unveil
spar lash side invoke assail deride balk distance embrace rule document list avoid weigh""".split()
# (acts such as firing, suing, vetoing or blocking are left out: "X fired Y" is an event the outlet
# reports and a reader should see it as the outlet's claim, not as something X said)
# stances that count only with a named or pronoun subject ("Trump seemed to ...", not "the plan seemed ...")
# ("X seemed to ...", "X appears ready to ..." are left out: annotators read them as the writer's own view)
PERSON_ONLY = {"press", "prefer", "discuss", "consider", "order", "identify", "name", "focus",
               "knock", "charge", "avoid", "list"}
STANCE_SKIP = {"maintained", "maintains", "maintain", "attacks"}  # mostly "maintained a lead", "the attacks"

# verbs whose first object is the listener, not the content: "told reporters (that) ..."
LISTENER = set("tell assure remind warn ask inform advise caution urge promise email text".split())

# beliefs, wishes and knowledge, which attribution corpora annotate as well
BELIEF = """think believe feel fear hope expect know worry doubt suspect assume reckon want wish
understand imagine guess realize realise recognize recognise acknowledge decide learn plan intend see view
remember discover""".split()

# evidence "speaks" only with a document or measurement as subject: "the poll shows ..."
EVIDENCE = """show find suggest indicate reveal conclude estimate project predict confirm
demonstrate calculate""".split()
EVIDENCE_NOUNS = set(
    """poll polls survey surveys study studies data report reports analysis analyses research figures
    numbers results records documents document statistics estimates estimate review audit investigation
    filings filing census tally count projections projection models model findings evidence footage
    video videos photos images email emails memo memos letter letters transcript transcripts
    assessment assessments forecast forecasts index polling researchers authors""".split()
)

# a continuation after a comma: "..., adding that ..."
PARTICIPLES = """saying adding noting arguing explaining telling insisting warning citing claiming
suggesting stressing acknowledging declaring writing asking calling predicting promising vowing
accusing charging complaining conceding describing recalling referring urging blaming criticizing praising
questioning defending pointing answering echoing expressing talking reminding offering seeking stating
repeating tweeting mocking hoping remarking believing supporting backing announcing denouncing alleging
blasting slamming demanding dismissing touting threatening pledging decrying chiding endorsing
emphasizing condemning lamenting rejecting mentioning quoting challenging proposing comparing encouraging
shouting yelling""".split()

_IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "know": ("knows", "knew", "known", "knowing"),
    "find": ("finds", "found", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "see": ("sees", "saw", "seen", "seeing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "focus": ("focuses", "focused", "focused", "focusing"),
    "told": ("told", "told", "told", "telling"),
    "post": ("posts", "posted", "posted", "posting"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "read": ("reads", "read", "read", "reading"),
}


# verbs whose last consonant doubles before -ed and -ing
_DOUBLING = {"chat", "admit", "quip", "brag", "refer", "slam", "dub", "prefer", "plan", "spar", "rebut", "regret", "commit",
             "ban", "jab"}


def _forms(verb: str) -> tuple[str, str, str, str]:
    """(third person, past, past participle, -ing) of a regular English verb."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        ing = verb[:-1] + "ing"
        past = verb + "d"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        ing = verb + "ing"
        past = verb[:-1] + "ied"
    elif verb in _DOUBLING:
        # "slam" -> "slammed", "refer" -> "referring": the final consonant doubles
        ing = verb + verb[-1] + "ing"
        past = verb + verb[-1] + "ed"
    else:
        ing = verb + "ing"
        past = verb + "ed"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    return third, past, past, ing


# forms that are nouns far more often than verbs ("the state", "the United States")
_NOUN_FORMS = {"state", "states", "post", "posts", "report", "reports", "note", "notes", "claim", "claims",
               "estimate", "estimates", "comment", "comments", "reply", "replies", "answer", "answers"}


def _index(verbs: list[str]) -> dict[str, tuple[str, str]]:
    """form -> (lemma, tense) where tense is base, third, past or ing."""
    out: dict[str, tuple[str, str]] = {}
    for v in verbs:
        third, past, part, ing = _forms(v)
        if v == "state":
            out.setdefault(past, (v, "past"))
            out.setdefault(ing, (v, "ing"))
            out.setdefault(third, (v, "third"))  # a cue only before "that" (the grammar checks)
            continue
        out.setdefault(v, (v, "base"))
        out.setdefault(third, (v, "third"))
        out.setdefault(past, (v, "past"))
        out.setdefault(part, (v, "past"))
        out.setdefault(ing, (v, "ing"))
    return out


SPEECH_FORMS = _index(SPEECH)
STANCE_FORMS = {k: v for k, v in _index(STANCE).items() if k not in SPEECH_FORMS}
SPEECH_FORMS = {k: v for k, v in SPEECH_FORMS.items() if k not in ("continues", "continue", "continuing")}
# forms that, measured on PolNeAR train, are mostly something else: "the attacks", "is expected to", "the contests"
_RARELY_CUES = {"attacks", "attack", "contests", "contest", "contested", "expected", "feels", "worries"}
STANCE_FORMS = {k: v for k, v in STANCE_FORMS.items() if k not in _RARELY_CUES}
BELIEF_FORMS = {k: v for k, v in _index(BELIEF).items() if k not in ("known", "feels", "worries")}  # "known as"
EVIDENCE_FORMS = _index(EVIDENCE)
# forms that, measured on PolNeAR train, open an annotated attribution less than a third of the time
# ("written by", "offer a deal", "find a way", and the nouns "emails", "rules", "quotes", "sides")
_LOW_YIELD = {"written", "offer", "find", "email", "emails", "document", "documents", "rules", "quote", "quotes", "chant",
              "chants", "side", "sides", "signal", "signals", "avoid", "embrace", "weighs", "read", "reading"}
SPEECH_FORMS, STANCE_FORMS, BELIEF_FORMS, EVIDENCE_FORMS = (
    {k: v for k, v in forms.items() if k not in _LOW_YIELD}
    for forms in (SPEECH_FORMS, STANCE_FORMS, BELIEF_FORMS, EVIDENCE_FORMS)
)

# words that sit between a source and its verb: "X has also said", "X would later say"
AUX = set(
    """has have had is are was were be been being will would can could may might must shall should
    do does did also later then once previously recently repeatedly again earlier now still already
    further first last often frequently never not n't always openly publicly privately separately
    flatly simply just long reportedly apparently allegedly even quickly immediately subsequently
    initially originally finally ultimately again yet too since soon itself himself herself themselves
    themselves""".split()
)
BE = set("is are was were be been being am".split())
HAVE = set("has have had".split())

# the source of "according to" is the noun phrase after it
ACCORDING = ("according", "to")
# "..., as (first) reported by AP": the same, the outlet that reported it named after "by"
AS_REPORTED = frozenset("reported revealed disclosed announced".split())
AS_REPORTED_FIRST = frozenset("first originally initially earlier previously".split())

# "it is believed that ...": a passive with no agent names no one
VAGUE_PASSIVES = set(
    """believed thought understood said reported alleged claimed expected estimated feared known
    rumored rumoured suggested argued""".split()
)
