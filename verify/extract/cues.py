"""The reporting lexicon: verbs and phrases that introduce what someone says, thinks or shows.

Each verb is listed once by its base form and expanded to every inflection ("say", "says", "said",
"saying"), so tense and voice are handled by the grammar, not by the word list.
"""

from __future__ import annotations

from .words import BE, REFLEXIVES

# -- denials: the source says that what follows is not so (read by ``polarity.py``) -------------
# verbs that deny whatever they report: "X denied that ...", "X denied responsibility for ..."
DENY = """deny refute rebut disavow repudiate""".split()
# verbs that deny only an account: "X rejected reports that ...", "X dismissed the claims"
# ("rejected the proposal", "dismissed the commander" are no denials)
DENY_ACCOUNT = """reject dismiss dispute""".split()

# verbs of saying: "X said (that) ...", "..., X said", "..., said X"
SPEECH = DENY + """say tell add write note report announce state claim allege reveal confirm declare insist
explain warn acknowledge argue tweet reply respond accuse assert admit recall conclude suggest
predict promise pledge vow stress emphasize emphasise observe remark comment complain contend maintain
concede testify disclose joke quip boast brag lament ask wonder agree recount assure caution
mention estimate describe repeat reiterate retort scoff shout yell posit propose speculate
affirm indicate muse urge swear call continue express point talk answer remind echo refer
interject allude email quote chant signal hint read""".split()

# stances and acts of speech that attribution corpora annotate too: "X criticized the plan"
STANCE = DENY_ACCOUNT + """attack criticize criticise praise blast slam condemn denounce defend endorse
support oppose blame cite compare liken question challenge decline refuse propose demand threaten
applaud welcome hail credit thank mock ridicule decry lambaste chide rebuke scold fault tout accuse
push advocate champion contest recommend acknowledge downplay insist highlight
emphasize label dub brand characterize characterise portray describe slam issue offer seek bemoan rail knock voice retweet plead
press prefer discuss deem congratulate charge apologize apologise imply request consider
order identify name back vote focus speak
post release file publish mention favor encourage reference unveil
spar lash side invoke assail deride balk distance embrace rule document list avoid weigh
cast paint frame pitch position present regard""".split()
# (acts such as firing, suing, vetoing or blocking are left out: "X fired Y" is an event the outlet
# reports and a reader should see it as the outlet's claim, not as something X said)
# verbs that take a stance only as "X casts Y as Z" (``senses.not_a_verb`` checks for the "as")
CASTING = {"cast", "paint", "frame", "pitch", "position", "present", "regard"}
# what after that "as" makes it a conjunction: "as soon as", "as well", "as part of", "as if"
AS_LINKS = {"soon", "well", "much", "many", "long", "far", "part", "if", "though", "of"}
# stances that count only with a named or pronoun subject ("Trump seemed to ...", not "the plan seemed ...")
# ("X seemed to ...", "X appears ready to ..." are left out: annotators read them as the writer's own view)
# ("discuss" is not among them: "the former envoy discussed ..." is annotated as often as "Roe discussed")
PERSON_ONLY = {"press", "prefer", "consider", "order", "identify", "name", "focus",
               "knock", "charge", "avoid", "list"}

# verbs that, negated and with no clause after them, report that nothing was said: "could not confirm the
# toll", "does not publish its figures", "has not acknowledged the presence of troops", "would not comment on the
# talks", "did not answer questions", "did not mention Russian personnel" (what the outlet notes is missing from
# a statement, not a statement; so "did not refer to the strike"). ("did not respond to requests for comment" stays: PolNeAR annotates it as speech.)
SILENT_WHEN_NEGATED = {"confirm", "disclose", "publish", "acknowledge", "verify", "elaborate", "answer", "comment", "mention",
                       "refer"}
# what is taken on, not supposed: "assumed office", "assume the presidency", "assumed the company's debts"
TAKEN_ON = {"office", "post", "role", "presidency", "chairmanship", "helm", "command", "control", "power", "leadership",
            "position", "mantle", "duties", "responsibility", "responsibilities", "obligations", "liabilities", "debt",
            "debts"}
# particles that make a cue verb another verb: "backed down", "backed out of the deal", "called off the talks"
OTHER_VERB_PARTICLES = {"back": {"out", "down", "up"}, "call": {"off"}}
# "called" as a name given ("a group called X", ``naming.names_a_thing``): the articles before the noun
# it names, the prepositions and adverbs before that, and the words after it that make it the verb
# that labels or asks ("called for", "called on", "called him a liar")
NAMED_BY = {"a", "an", "the", "one"}
NAMING_PREPOSITIONS = {"of", "for", "to", "with", "from", "by", "in", "at", "on", "about", "into", "including", "like",
                       "against", "through"}
NAMING_ADVERBS = {"now", "formerly", "aptly", "sometimes", "often", "commonly", "popularly", "officially", "informally",
                  "colloquially", "typically", "variously", "locally", "widely"}
NOT_NAMES = {"for", "on", "upon", "out", "off", "him", "her", "them", "it", "me", "us", "you", "himself", "herself",
             "themselves", "itself", "this", "that", "these", "those"}
# "referred questions to the ministry": passing a question on, not saying anything
REFERRED_OBJECTS = {"questions", "question", "inquiries", "enquiries", "queries", "requests", "request", "reporters",
                    "journalists", "calls", "comment"}

# uses of "offer" and "press" that are acts of force, not statements or stances: "offering stiff
# resistance", "pressing to capture the town", "pressed on with the assault"
FORCE_OBJECTS = {"resistance", "fire", "battle", "fight", "cover", "shelter", "protection", "refuge", "passage"}
PRESS_ON = {"to", "on", "ahead", "forward", "toward", "towards", "into", "deeper", "through", "home", "north",
            "south", "east", "west", "westward", "eastward", "northward", "southward"}

# "according to his information": the speaker's own knowledge, named by a possessive pronoun
OWN_KNOWLEDGE = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}
KNOWLEDGE_NOUNS = {"information", "knowledge", "understanding", "sources", "data", "estimate", "estimates",
                   "count", "calculations", "assessment", "records", "figures"}

# asking to stay unnamed is not a claim: "who asked not to be named", "did not want his name used",
# "requested anonymity" (the verbs, and what follows them: "be named", "his name", "anonymity")
ANONYMITY_VERBS = {"ask", "decline", "request", "want", "refuse", "insist", "speak"}
ANONYMITY_PASSIVES = {"named", "identified", "quoted", "cited"}
ANONYMITY_NOUNS = {"anonymity", "anonymously"}
# "X accused Y of A, which it denies": what Y denies
ACCUSING = {"accused", "accuses", "accusing", "blamed", "blames", "blaming"}
# "did not want her (full) name used"
ANONYMITY_NAMES = {"name", "names", "identity", "surname"}
NAME_ADJECTIVES = {"full", "real", "first", "last", "family"}

# verbs whose first object is the listener, not the content: "told reporters (that) ..."
LISTENER = set("tell assure remind warn ask inform advise caution urge promise email text".split())

# beliefs, wishes and knowledge, which attribution corpora annotate as well
BELIEF = """think believe feel fear hope expect know worry doubt suspect assume reckon want wish
understand imagine guess realize realise recognize recognise acknowledge decide learn plan intend see view
remember discover""".split()

# evidence "speaks" only with a document or measurement as subject: "the poll shows ..." (films, articles,
# ledgers and inquiries too: PolNeAR train annotates what they show or find as theirs)
EVIDENCE = """show find suggest indicate reveal conclude estimate project predict confirm
demonstrate calculate""".split()
EVIDENCE_NOUNS = set(
    """poll polls survey surveys study studies data report reports analysis analyses research figures
    numbers results records documents document statistics estimates estimate review audit investigation
    filings filing census tally count projections projection models model findings evidence footage
    video videos photos images email emails memo memos letter letters transcript transcripts
    assessment assessments forecast forecasts index polling researchers authors
    article articles movie film picture pictures photograph photographs graphic graphics chart charts map maps
    ledger ledgers outcome inquiry paper papers tallies disclosures disclosure messages communications timeline
    logs receipts calculations screenshot""".split()
)
# documents whose findings are their respondents' words: "In a poll, most voters said ..." is the poll's
POLLS = {"poll", "polls", "survey", "surveys", "polling"}

# a continuation after a comma: "..., adding that ..."
PARTICIPLES = set("""saying adding noting arguing explaining telling insisting warning citing claiming
suggesting stressing acknowledging declaring writing asking calling predicting promising vowing
accusing charging complaining conceding describing recalling referring urging blaming criticizing praising
questioning defending pointing answering echoing expressing talking reminding offering seeking stating
repeating tweeting mocking hoping remarking believing supporting backing announcing denouncing alleging
blasting slamming demanding dismissing touting threatening pledging decrying chiding endorsing
emphasizing condemning lamenting rejecting mentioning quoting challenging proposing comparing encouraging
shouting yelling""".split())

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
    "cast": ("casts", "cast", "cast", "casting"),
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
        if past == v:
            out.setdefault(past, (v, "past"))  # "cast", "read": news tells in the past, so the past is read
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
SHOW_FORMS = {k for k, (lemma, _) in EVIDENCE_FORMS.items() if lemma == "show"}  # read by ``frames.shown_cue`` first
# forms that, measured on PolNeAR train, open an annotated attribution less than a third of the time
# ("written by", "offer a deal", "find a way", and the nouns "emails", "rules", "quotes", "sides")
_LOW_YIELD = {"written", "offer", "find", "email", "emails", "document", "documents", "rules", "quote", "quotes", "chant",
              "chants", "side", "sides", "signal", "signals", "avoid", "embrace", "weighs", "read", "reading"}
SPEECH_FORMS, STANCE_FORMS, BELIEF_FORMS, EVIDENCE_FORMS = (
    {k: v for k, v in forms.items() if k not in _LOW_YIELD}
    for forms in (SPEECH_FORMS, STANCE_FORMS, BELIEF_FORMS, EVIDENCE_FORMS)
)

# what a sign, a letter or a message says, only beside a quotation: "“...,” the letter read.", "a banner
# reading “...”" (without one, "read" is mostly reading: "read the report", "read his decision")
QUOTE_SIGNS = {f: ("read", t) for f, t in (("read", "past"), ("reads", "third"), ("reading", "ing"))}

# "..., as (first) reported by AP": like "according to", the source is named after the cue
AS_REPORTED = frozenset("reported revealed disclosed announced".split())
AS_REPORTED_FIRST = frozenset("first originally initially earlier previously".split())

# "it is believed that ...": a passive with no agent names no one
VAGUE_PASSIVES = set(
    """believed thought understood said reported alleged claimed expected estimated feared known
    rumored rumoured suggested argued""".split()
)

# form -> (lemma, tense, class) of every cue verb: the one lookup of a cue word. A form in two lists
# (speech and evidence: "confirmed") has one lemma and tense in both; its class is the first of speech,
# evidence, stance, belief.
CUE_FORMS: dict[str, tuple[str, str, str]] = {}
for _klass, _table in (("speech", SPEECH_FORMS), ("evidence", EVIDENCE_FORMS), ("stance", STANCE_FORMS),
                       ("belief", BELIEF_FORMS)):
    for _form, (_lemma, _tense) in _table.items():
        CUE_FORMS.setdefault(_form, (_lemma, _tense, _klass))

# the cue word set: verbs, then the other words that can open a cue
VERB_CUES = set(CUE_FORMS)

# verb forms that are more often nouns ("his claims", "media reports", "the questions")
NOUNISH = {"contests", "fears", "continues", "continue", "remark", "echo", "point", "issue", "offer", "talk", "echoes",
           "points", "offers", "issues", "refers", "talks", "answers", "reminds", "seeks", "claims", "reports", "tweets",
           "remarks", "comments", "questions", "notes", "replies",
           "attacks", "supports", "credits", "challenges", "advocates", "pushes", "calls", "demands", "promises",
           "pledges", "vows", "warns", "charges", "counters", "estimates", "states", "posts", "proposes", "thanks",
           "mentions", "doubts", "comment", "question", "support", "push", "report", "claim", "call", "attack", "demand",
           "promise", "pledge", "vow", "estimate", "credit", "challenge", "advocate", "thank", "tweet", "note",
           "answer", "reply", "mention", "dispute", "contest", "label", "brand", "portray", "welcome", "hail",
           "blame", "fault", "champion", "dub"}
# stance verbs whose base form is no noun: after a plural subject they are its verb ("many senators oppose ...")
VERB_ONLY = {"oppose", "endorse", "criticize", "criticise", "condemn", "denounce", "cite", "prefer", "refuse", "reject",
             "applaud", "decry", "lambaste", "urge", "chide", "deride"}
# words after which a form like "questions" or "talks" is the verb: a pronoun, "who", or an adverb of
# time or frequency ("Sanders often questions ...", "Roe now talks freely of ...")
VERB_AFTER = {"he", "she", "it", "who", "which", "also", "that", "and", "now", "still", "often", "never", "always",
              "just", "already", "even"}
# words after a cue that show it is a noun, not a verb taking a clause: "critics' notes of", "his notes and"
NOT_A_CLAUSE = {"of", "for", "on", "about", "in", "to", "and", "or", "from", "by", "with", "at", "as", "is", "are", "was",
                "were", "has", "have", "had"}
# stances only with their preposition: "voted for X", "voted to end X", "focused on X", "spoke out against X"
PREP_VERBS = {"vote": {"for", "against", "to"}, "focus": {"on"}, "speak": {"about", "out", "against", "of"},
              "weigh": {"in"}, "lash": {"out"}, "side": {"with"}, "spar": {"with"}, "balk": {"at"},
              "distance": REFLEXIVES}
# verbs that hand their subject to a following "to" + reporting verb: "went on to say", "refused to say"
CONTROL_VERBS = set(
    """went go goes going refused refuses declined declines continued continues wanted wants want tried tries
    began begins started starts seemed seems appeared appears decided decides hoped hopes planned plans expected
    used agreed agrees promised promises vowed vows pledged sought seeks moved rushed stepped took takes failed
    fails chose chooses managed manages is was are were has have had yet likely unlikely able
    prepared needs needed wished wishes threatened threatens intends intended aims aimed attempted attempts
    attempt interjected continue""".split()
)
# words that open a reduced passive "asked by X": "When asked by a reporter whether ..."
ASKED_OPENERS = {"when", "if", "after", "once", "while", "as", "and"}
# verbs whose content is a topic, which a purpose clause reports as well: "X met Y on Friday to discuss Z"
TOPIC_VERBS = {"talk", "discuss"}
# what before "to" makes the infinitive no purpose of the subject's: "on condition of anonymity to discuss",
# "not authorized to discuss", "topics to discuss", "impossible to talk about"
NO_PURPOSE = set("""anonymity anonymously authorized permitted allowed cleared time way chance opportunity
topics topic issues issue things thing nothing something anything much more requests request permission
impossible possible easy hard difficult boring important necessary early late free happy glad""".split())
# verbs of going and meeting without -ed, which end the subject of a purpose clause: "X met Y to discuss Z"
PURPOSE_MOVES = set("""met meet meets came come comes went go goes flew fly flies sat sit sits spoke speak speaks
held hold holds took take takes spent spend spends rang drove rode mingle mingled""".split())
# verbs whose object, not subject, would do the talking: "asked the candidates to discuss ..."
OBJECT_CONTROL = set("""ask asks asked asking invite invites invited inviting urge urges urged urging allow allows
allowed allowing tell tells told telling encourage encourages encouraged force forces forced want wants wanted
expect expects expected press pressed get gets got bring brings brought send sends sent rely relies relied
hire hires hired pay pays paid""".split())
# verbs of beginning and going on, before an -ing that is then the clause's verb: "began talking about X"
ASPECT_VERBS = set("""began begin begins start started starts keep keeps kept continue continued continues
resumed stopped""".split())
# stances that are also acts of force: with an armed subject they report what happened, not what anyone holds
PHYSICAL = {"attack", "push", "press", "back", "support", "target", "hit", "strike", "defend"}
# verbs that make a statement only when what they put out is a text: "released a report", "filed a lawsuit"
RELEASE_VERBS = {"release", "publish", "post", "file", "unveil"}
# verbs that send a message: "sent out a statement saying ...", "emailed supporters saying ..."
SEND_VERBS = {"sent", "send", "sends", "issued", "issues", "released", "releases", "put", "puts", "emailed", "emails",
              "posted", "posts", "wrote", "writes", "published", "publishes", "filed", "files", "mailed", "texted", "ran",
              "runs", "aired", "airs", "circulated", "distributed"}
# participles that take a side: "super PACs supporting Mr. Cruz"
BACKING = {"supporting", "backing", "opposing", "endorsing"}
# what a person shows of a disposition, a stance the corpus annotates: "X showed no sign of backing
# down", "has shown little interest in ...", "shows little inclination to change" (the complement is
# the content; "showed flashes of", "has shown strength" are rarely annotated and stay out)
SHOWN_ATTITUDES = {"sign", "signs", "interest", "inclination", "enthusiasm", "appetite", "respect", "willingness",
                   "reluctance", "eagerness", "desire", "disdain", "contempt"}
# what may stand between the verb and such a noun: "no immediate", "little personal", "its"
SHOWN_MODIFIERS = {"no", "little", "any", "an", "a", "some", "much", "more", "less", "limited", "immediate", "personal",
                   "real", "great", "growing", "clear", "new", "few", "its", "his", "her", "their", "the", "every",
                   "renewed", "genuine", "open", "public", "of"}
# the words that open what the disposition is toward
SHOWN_LINKS = {"of", "in", "for", "to", "that", "toward", "towards", "about"}

# participles with a document as subject: "polls showing ..."
EVIDENCE_PARTICIPLES = {"showing", "finding", "suggesting", "indicating"}

# cues of two or more words: a light verb and what it makes of the content ("made clear that", "took aim at")
# verb form -> (the words that complete the cue, how many modifiers may come between)
RAISE_FORMS = ("raise", "raises", "raised", "raising")
PHRASE_VERBS = {
    **dict.fromkeys(("made", "make", "makes", "making"), (
        {"clear", "case", "point", "argument", "comments", "comment", "remarks", "statements", "allegations",
         "accusations", "appeal", "plea", "call", "pitch", "attack", "attacks", "promise", "pledge", "claim", "claims",
         "secret"}, 3)),  # "made no secret of X" ("made no mention of X" is left to the outlet, as the conflict set has it)
    **dict.fromkeys(("took", "take", "takes", "taking"), (
        {"aim", "issue", "credit", "shot", "shots", "swipe", "swipes", "swing", "exception", "jab", "jabs"}, 3)),
    # "as X put it"; "X put the death toll at 41" (an estimate: ``TALLIES``)
    **dict.fromkeys(("put", "puts"), ({"it", "toll", "tally", "number", "figure", "count", "losses", "cost"}, 3)),
    # "“...,” the mayor shot back."
    **dict.fromkeys(("shot", "fired", "hit", "pushed", "snapped"), ({"back"}, 0)),
    # "X raised (new) questions about Y": a question X asks (only with someone as X: ``topics.raised_by``)
    **dict.fromkeys(RAISE_FORMS, ({"questions", "doubts", "concerns"}, 3)),
    # "X laid out a plan for Y": what is laid out is X's account
    **dict.fromkeys(("laid", "lay", "lays", "laying"), ({"out"}, 0)),
}
# what "put ... at" estimates: the tally is part of what was said ("put the death toll at 41")
TALLIES = PHRASE_VERBS["put"][0] - {"it"}
# the word that closes the cue and opens the content: "took aim at X", "made the case for X"
PHRASE_LINKS = {"at", "with", "for", "about", "on", "against", "that", "to", "of"}
# the completions of PHRASE_VERBS that report speech; the others take a stance
PHRASE_SPEECH = ("clear", "case", "point", "argument", "it", "comments", "comment", "remarks", "statements", "back", "out",
                 "secret")

# completions of "made ..." naming what was said, so that a time or place after them is no content:
# "made the remarks Friday during a rally", "made the pledge at a conference"
SAID_THINGS = {"comments", "comment", "remarks", "statements", "allegations", "accusations", "appeal", "plea", "call", "pitch",
               "promise", "pledge", "claim", "claims"}

# nouns that report a stance or a statement when their owner is named: "her claim that ...", "Roe's attacks on ..."
# (noun -> the words that may open its content)
NOUN_CUES = {
    "claim": {"that"}, "claims": {"that"}, "assertion": {"that"}, "argument": {"that"}, "insistence": {"that"},
    "contention": {"that"}, "suggestion": {"that"}, "warning": {"that"}, "promise": {"that", "to"},
    "pledge": {"to", "that"}, "vow": {"to"}, "calls": {"for"}, "attacks": {"on"}, "attack": {"on"},
    "criticism": {"of"}, "endorsement": {"of"}, "comments": {"on", "about"}, "remarks": {"about"},
    "embrace": {"of"}, "demand": {"that"}, "demands": {"that"},
    # (measured on PolNeAR train, owned "support for", "opposition to", "call for", "plan to", "position on"
    # are as often inside another's claim or not annotated, and stay out)
    "decision": {"to"}, "refusal": {"to"}, "concern": {"about", "that"}, "concerns": {"about"},
    "vision": {"of", "for"}, "announcement": {"of", "that"}, "assessment": {"of"},
}
# a stance someone receives, named by a noun: "the plan drew criticism from X", "Y won the backing of X",
# "Y enjoys strong support among X". The one it is about is the subject; who holds it follows the link.
RECEIVED_STANCES = {"criticism", "criticisms", "support", "backing", "endorsement", "endorsements", "praise",
                    "opposition", "condemnation", "blessing"}
RECEIVED_LINKS = {"from", "of", "among"}
RECEIVING = set("""draw draws drew drawn drawing face faces faced facing receive receives received receiving
win wins won winning earn earns earned earning enjoy enjoys enjoyed enjoying attract attracts attracted attracting
spark sparks sparked sparking garner garners garnered garnering gain gains gained gaining get gets got gotten
getting""".split())
# "has the support of X" holds a stance only with an article before the noun ("has support from" is rarer
# and "has support among" reads as a poll's figure)
HAVING = {"has", "have", "had", "having"}
# particles between a verb and the possessive that takes its noun: "stepped up his attacks on"
OWN_PARTICLES = {"up", "down", "upon", "in", "out", "on"}
# a reporting verb before "her claim" is most often someone else's answer to it ("officials rejected her
# claim"); these few restate the owner's own, as do most other verbs ("stepped up", "renewed", "dropped")
OWN_RESTATING = {"repeat", "reiterate", "defend", "explain", "clarify", "press", "voice", "reaffirm"}
# verbs that are someone else's answer to another's stance though no reporting verb
ANSWERING = set("""ignore ignores ignored ignoring heed heeds heeded heeding hear hears heard hearing follow follows
followed following rebuff rebuffs rebuffed rebuffing shrug shrugs shrugged brush brushes brushed""".split())
# a stance taken with a light verb and a noun, the subject holding it: "voted in favor of X", "spoke out
# in support of X", "threw her support behind X", "cast their votes for X". noun -> (links after it,
# the verb forms before it, and what must stand between them: "in", "out in", or an owner)
_VOTING = {"voted", "voting"}  # ("vote", "votes" are more often the nouns: "have taken votes in favor of")
_OUT = {"spoke", "spoken", "speak", "speaks", "speaking", "came", "come", "comes", "coming"}
_THROWING = {"threw", "throw", "throws", "throwing", "thrown", "lent", "lend", "lends", "lending"}
_CASTING_VOTES = {"cast", "casts", "casting"}
LIGHT_STANCES = {
    "favor": ({"of"}, _VOTING | _OUT), "favour": ({"of"}, _VOTING | _OUT),
    "support": ({"of", "behind", "to"}, _VOTING | _OUT | _THROWING),
    "backing": ({"behind", "to"}, _THROWING), "weight": ({"behind"}, _THROWING),
    "vote": ({"for"}, _CASTING_VOTES), "votes": ({"for"}, _CASTING_VOTES),
    "ballot": ({"for"}, _CASTING_VOTES), "ballots": ({"for"}, _CASTING_VOTES),
}
OUT_VERBS = _OUT  # these take "out" before "in favor of": "spoke out in favor of"
# bare stance verbs that after a plural word are more often a particle or a noun: "chokes back tears",
# "the weapons issue", "the Sanders challenge" (read by ``stances.group_before``)
NOT_AFTER_GROUP = {"back", "issue", "challenge"}
# a state of mind stated with "that": "X is confident that ...", "X fears that ..."
BELIEF_THAT = {"confident", "concerned", "convinced", "worried", "hopeful", "optimistic", "afraid", "certain",
               "sure", "fears", "worries", "insists", "aware"}
BELIEF_LINKS = BE | {"remain", "remains", "remained", "not", "also", "still", "very", "increasingly", "deeply", "now",
                     # "are now more convinced that", "was so sure that", "came away convinced that", "felt confident"
                     "more", "so", "quite", "fully", "absolutely", "completely", "entirely", "away", "came", "come",
                     "comes", "grew", "grown", "became", "become", "feel", "feels", "felt", "seem", "seems", "seemed"}
# a stance held as a trait, with the words that may open what it is about: "X has been critical of Y",
# "X is vocal about Y"; and the roles that hold one: "X is a staunch opponent of Y"
STANCE_ADJECTIVES = {
    **dict.fromkeys(("critical", "supportive", "wary", "leery", "fond", "dismissive", "distrustful", "mistrustful",
                     "appreciative", "contemptuous", "scornful", "disdainful"), {"of"}),
    **dict.fromkeys(("skeptical", "sceptical"), {"of", "about"}),
    **dict.fromkeys(("enamored", "enamoured"), {"of", "with"}),
    **dict.fromkeys(("vocal", "outspoken"), {"about", "in", "on"}),
    # a state of mind about something, annotated like a belief: "X is worried about Y", "X was unhappy with Y"
    **dict.fromkeys(("worried", "anxious"), {"about"}), "concerned": {"about", "with"}, "angry": {"about", "with", "at"},
    "unhappy": {"with", "about"}, "upset": {"by", "with", "about"}, "pleased": {"with", "by"},
    "interested": {"in"}, "opposed": {"to"}, "proud": {"of"}, "confident": {"in", "about"},
    # a wish held as a trait: "X is eager to Y" (PolNeAR train annotates 9 of 10; "willing to", "keen to" far fewer)
    "eager": {"to"},
}
STANCE_ROLES = {"supporter", "supporters", "advocate", "advocates", "proponent", "proponents", "opponent", "opponents",
                "critic", "critics", "champion", "champions", "backer", "backers", "defender", "defenders",
                "admirer", "admirers", "foe", "foes"}
# what may stand between the subject and such a stance: "has long been", "is perhaps the most"
# (one of the verbs that link a subject to it must be among them: "critics of the plan" hold no trait)
STANCE_COPULAS = BE | {"remain", "remains", "remained", "become", "became", "becomes"}
STANCE_LINKS = BELIEF_LINKS | STANCE_COPULAS | {"has", "have", "had", "'s", "’s", "perhaps", "equally", "so", "too",
                                                "more", "most", "less", "often", "long", "always"}
# "The agency provided details about ...": an account opens
FRAME_VERBS = {"provided", "gave", "offered", "shared", "released", "published", "presented", "issued"}
FRAME_NOUNS = {"details", "detail", "information", "account", "accounts", "update", "updates", "figures",
               "statement", "description", "version", "testimony", "evidence", "briefing", "data"}
# dashes that sign a quotation: "“...” ― Jane Roe"
DASH_CUES = {"―", "—", "–", "--", "-"}
# "Note: ...", "Update: ..." are labels, not speakers
COLON_LABELS = set(
    """note update updated photo photos source sources related read watch editor editors warning breaking
    exclusive video listen pictured credit credits share tags posted image images caption correction
    disclaimer disclosure advertisement sponsored transcript excerpt excerpts full more also see clarification
    subscribe follow contact location date time when where what why how who answer question questions contributing
    contributors editor’s editor's morning evening today latest still twitter email e-mail name look revealed so
    watch: facebook instagram youtube website web phone fax address age city job pay""".split()
)

# what frames a clause as someone's, like "according to": "in the mayor's view", "in the words of an aide"
VIEW_NOUNS = {"view", "words", "eyes"}

# tokens the sentence loop looks at (lower case): cues, "according" and the dashes signing a quotation
CUE_WORDS = VERB_CUES | set(QUOTE_SIGNS) | FRAME_VERBS | {"according"} | set(NOUN_CUES) | BELIEF_THAT | set(STANCE_ADJECTIVES) \
    | STANCE_ROLES | RECEIVED_STANCES | set(LIGHT_STANCES) | VIEW_NOUNS
CANDIDATES = CUE_WORDS | DASH_CUES | set(PHRASE_VERBS)
SCAN_WORDS = CUE_WORDS | set(PHRASE_VERBS)  # a sentence with none of these holds no verb cue

# every form of the denial verbs ("denies", "denied", "denying"), for ``polarity.py``
DENY_FORMS = frozenset(f for v in DENY for f in (v, *_forms(v)))
DENY_ACCOUNT_FORMS = frozenset(f for v in DENY_ACCOUNT for f in (v, *_forms(v)))
