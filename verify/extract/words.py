"""The words the attribution grammar reads around a cue, one list per word class.

The cues themselves (reporting verbs and their forms, cue nouns and phrases) are in ``cues.py``;
everything else the grammar tests a token against is here, written once and built at import.
Lists that overlap (``ARTICLES`` and ``DETERMINERS``, ``DOCUMENTS`` and ``DOCUMENT_HEADS``) do so on
purpose: each is what one decision of the grammar was measured with.
"""

from __future__ import annotations

import re

# -- days ------------------------------------------------------------------------------------------

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DAYS = WEEKDAYS | {"today", "yesterday", "tonight"}

# -- closed classes --------------------------------------------------------------------------------

DETERMINERS = set(
    """the a an this these those his her their its our my your some many several most few
    other another one two three four five six seven eight nine ten both all each every no any
    such dozens hundreds thousands""".split()
)
ARTICLES = {"the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "another",
            "every", "each", "no", "any", "such"}
# before a cue word these make it a noun: "neither claim could be verified", "no report said"
NOUN_QUANTIFIERS = {"neither", "no", "any", "every"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my"}
SUBJECT_PRONOUNS = {"he": "person", "she": "person", "they": "plural", "we": "plural", "i": "person",
                    "it": "organisation", "you": "person"}
# "it's", "they're", "we've": the pronoun inside a contraction
CONTRACTED = {p + "'" + a: p for p in SUBJECT_PRONOUNS for a in ("s", "re", "ve", "ll", "d", "m")}
# a person's pronoun and its auxiliary as one token ("he’s said", "they’ve argued", "I’d say"): the
# subject of the verb after it ("it’s" is mostly "it is clear that ...", no one's claim)
SUBJECT_CONTRACTIONS = {c.replace("'", q) for c, p in CONTRACTED.items() if p != "it" for q in "'’"}
# the same with "is"/"are", after which an -ing form is the clause's verb ("she’s saying")
CONTRACTED_BE = {c for c in SUBJECT_CONTRACTIONS if c.endswith(("s", "re", "m"))}
# a contraction that opens a clause ("It's worth noting", "I'm old enough to", "That's when"): a
# source phrase that runs on past one is a clause, not a noun phrase
OPENING_CONTRACTIONS = {(p + "'" + a).replace("'", q) for p in (*SUBJECT_PRONOUNS, "that", "there", "here", "what", "let")
                        for a in ("s", "re", "ve", "m") for q in "'’"}
RELATIVES = {"who", "which", "whom"}
REFLEXIVES = {"himself", "herself", "themselves", "itself", "ourselves", "myself", "yourself", "yourselves"}
# "whose" opens a relative clause as well, but never stands for the speaker ("a minister whose plan to ...")
CLAUSE_RELATIVES = RELATIVES | {"whose"}
CONJUNCTIONS = {"but", "and", "so", "yet", "still"}
CONCESSIVES = {"although", "though"}
SUBORDINATORS = CONCESSIVES | {"as", "while", "because", "when", "since", "after", "whereas"}
# words that open another source's clause beside a claim: "X said A, while Y said B", "A, but Y denied B"
SIBLING_LINKS = {"while", "whereas", "but", "though", "although", "and", "as", "yet", "even", "with"}

# words that sit between a source and its verb: "X has also said", "X would later say"
AUX = set(
    """has have had is are was were be been being will would can could may might must shall should
    do does did also later then once previously recently repeatedly again earlier now still already
    further first last often frequently never not n't always openly publicly privately separately
    flatly simply just long reportedly apparently allegedly even quickly immediately subsequently
    initially originally finally ultimately yet too since soon itself himself herself themselves cannot""".split()
)
# adverbs that also sit there but may open a phrase ("Almost half said", "together with")
VERB_ADVERBS = {"almost", "twice", "seldom", "sometimes", "together", "ever",
                # linking adverbs set inside the clause: "The mayor however said ..."
                "however", "nonetheless", "nevertheless", "meanwhile", "likewise",
                # where the reporter stands: "Officials here said", "residents there say"
                "here", "there"}
# a quantifier floated after its subject: "The unions have both said", "They all agreed"
FLOATED = {"both", "all", "each"}
# words that come before an article inside one phrase: "all the attendees", "half a dozen", "such a"
PREDETERMINERS = {"all", "both", "half", "such", "quite", "many", "what", "twice"}
# two-word adverbials between a source and its verb: "X has in fact said", "Y at least claimed"
ADVERBIAL_PAIRS = {("in", "fact"), ("in", "particular"), ("in", "turn"), ("at", "least"), ("at", "first"), ("long", "ago"), ("so", "far")}
BE = set("is are was were be been being am".split())
# the auxiliaries of "was first reported", "has also been said"
PASSIVE_AUX = BE | {"has", "have", "had", "first", "also"}
BE_NOT = {"isn’t", "isn't", "wasn’t", "wasn't", "aren’t", "aren't", "weren’t", "weren't", "’s", "'s", "’re", "'re"} | CONTRACTED_BE
# a verb that shows a new clause has begun: "said the plan would fail"
CLAUSE_VERBS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "should", "could", "can", "may",
                "might", "must", "did", "does", "do", "shall", "won't", "wouldn't", "isn't", "wasn't"}

# -- where a phrase or clause ends -----------------------------------------------------------------

CLAUSE_BREAKS = {",", ".", ";", ":", "—", "–", "--", "(", ")", "!", "?", "\"", "“", "”", "'", "‘", "’"}
NP_END = {",", ";", ":", ".", "—", "–", "--", "(", ")", "!", "?"}
# lower-case words that end a noun phrase when walking left: verbs, conjunctions, prepositions
# ("first" and "last" of AUX open phrases: "the first lady")
STOP = (set(
    """and or but nor so yet because although though while whereas if unless when whenever where just
    whatever however wherever throughout otherwise instead despite amid beyond whether rather
    after before since until as than that which who whom whose what why how to in on at by
    with from into onto over under about against between among through during without within upon
    toward towards across behind near off out up down per via like unlike is are was were be
    been being am has have had do does did will would can could may might must shall should not
    said says say told tells tell also just even only then there here it he she they we i you me him
    them us its itself himself herself themselves myself yourself ourselves""".split()
) | AUX) - {"first", "last"}
# capitalised words that start a sentence or clause but are not part of a name
MONTHS = set("january february march april may june july august september october november december".split())
CAP_STOP = set(
    """but and or so yet however meanwhile still also then now later earlier after before since when whether unless until
    while if as in on at by with from for during under over about among amid despite against across through toward towards because although though last next
    this that these those there here what why how where mr mrs ms dr""".split()
) | DAYS | MONTHS
# capitalised words that open a clause, never a name: "But", "The", "When"
CAP_WORDS = {"but", "and", "so", "yet", "the", "a", "an", "in", "on", "at", "as", "if", "when", "while"}
TITLE_CAPS = {"mr", "mrs", "ms", "dr"}
# lower-case words inside a proper name: "Mohammed bin Salman", "Ursula von der Leyen"; and the Arabic
# article joined to a name's word: "al-Qassam Brigades", "Abdel Fattah el-Sisi"
NAME_PARTICLES = {"bin", "ibn", "bint", "von", "van", "der", "den", "de", "da", "del", "della", "dos", "du"}
NAME_ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "wal"}

# -- what comes before or after the source and cue -------------------------------------------------

# words that open only an occasion, never a content: "made the remarks Friday during a rally"
OCCASION_START = {"during", "at", "while", "when", "before", "after", "just", "shortly", "last", "this", "earlier",
                  "later"} | DAYS
# words that open what may close a sentence after its cue: a time, a place, a channel
TRAILER_START = {"on", "in", "at", "during", "after", "before", "to", "via", "from", "while", "when", "as", "last",
                 "this", "earlier", "later", "recently", "afterward", "afterwards", "then", "again",
                 "repeatedly", "shortly", "late", "early", "of", "about", "through", "with", "outside", "inside",
                 "near", "since", "following", "under", "over", "amid", "without", "adding", "for", "along"} | DAYS
# participles after a source that tell how it spoke, not what it said ("..., a security official said,
# speaking on condition of anonymity", "declining to be named", "requesting anonymity")
SOURCE_NOTES = {"speaking", "declining", "requesting"}
INTRO_WORDS = {"but", "and", "still", "yet", "however", "meanwhile", "instead", "separately", "later", "earlier",
               "asked", "speaking", "writing", "overall", "indeed", "now", "so", "thus", "also", "in", "by", "with",
               "moreover", "furthermore", "besides", "therefore", "hence", "again", "nonetheless", "nevertheless",
               "perhaps", "maybe", "especially", "plus"}
SENTENCE_ADVERBS = {"even", "meanwhile", "still", "now", "instead", "separately", "later", "earlier", "also", "indeed",
                    "so", "thus", "yet", "but", "and", "then"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
TIME_NOUNS = PARTS_OF_DAY | {"year", "week", "month", "day", "weekend",
              "hours", "days", "weeks", "months", "years", "minutes", "moments", "later", "earlier",
              "time", "spring", "summer", "fall", "winter"} | WEEKDAYS
TIME_WORDS = set(
    """week weeks month months year years day days morning afternoon evening night weekend time past""".split()
) | DAYS
# prepositions inside a subject phrase: "leaders in North Carolina", "a lawyer from Ohio"
PP_LINKS = {"in", "at", "from", "of", "for", "on", "with", "by"}
TRAILING_PPS = {"of", "from", "in", "at", "for"}  # before a participle, where "with" introduces the phrase
PREP_IN_NP = {"of", "for", "at", "from", "in", "on", "with"}
# the listener of "told reporters", "said to CNN"
LISTENER_WORDS = {"reporters", "journalists", "supporters", "me", "us", "him", "her", "them", "you", "voters", "the",
                  "crowd", "audience", "viewers", "listeners", "cnn", "fox", "msnbc", "abc", "nbc", "cbs", "politico"}
# where something is said: "said on Twitter", "told CNN on air" ("x": the network once called Twitter)
BROADCASTS = {"twitter", "x", "facebook", "instagram", "youtube", "telegram", "threads", "bluesky", "vkontakte",
              "television", "tv", "radio", "air", "camera", "cnn", "msnbc", "fox", "abc", "nbc", "cbs", "npr", "bbc"}
# where a post goes, before the "that" of what it says: "posted on his Facebook page that ..."
POSTED_ON = BROADCASTS | {"online", "page", "account", "feed", "website", "site", "blog", "channel", "media"}
# words before "states" that make it the noun: "member states", "swing states"
STATE_ADJECTIVES = {"member", "united", "other", "swing", "battleground", "southern", "northern", "western", "eastern",
                    "red", "blue", "early", "key", "primary", "border", "gulf", "baltic", "nation", "island"}

# -- the source phrase -----------------------------------------------------------------------------

# plural subjects of opinion-poll sentences, before a bare stance verb ("most voters oppose ...")
GROUP_SUBJECTS = {"percent", "%", "who", "voters", "respondents", "americans", "republicans", "democrats", "people",
                  "majority", "most", "many", "half", "third", "thirds", "quarters", "three-quarters", "polled",
                  "surveyed", "independents", "conservatives", "liberals", "supporters", "members"}
# words of a share before "in" or "of": "six in 10", "two of those"
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "most", "majority",
                "third", "quarter", "fifth", "thirds", "quarters"}
# a lawmaker's party and state set off in commas after the name: "Sen. Jane Roe, D-Ore., said"
PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,14}")
# words of a title before a name ("Attorney General Jane Roe", "Sen. John Doe")
TITLE_WORDS = set(
    """mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm prof rev president senator secretary governor
    mayor judge justice attorney general chief minister prime deputy vice speaker leader majority minority
    chairman chairwoman chair director ambassador commissioner spokesman spokeswoman spokesperson former
    acting state house senate congressman congresswoman representative candidate nominee pope king queen
    prince princess chancellor premier lieutenant colonel captain sergeant major admiral commander officer
    professor superintendent sheriff detective inspector executive ceo chairperson founder co-founder
    secretary-general director-general commander-in-chief
    democratic republican democrat gop u.s us presidential hopeful first lady defense defence foreign
    interior health treasury press homeland energy education labor commerce transportation""".split()
)
LY_ADJECTIVES = {"early", "elderly", "daily", "weekly", "monthly", "quarterly", "yearly", "likely", "friendly", "ally",
                 "unlikely", "costly", "lonely", "family", "only"}
# nouns in -ly, which can end a subject just before its verb: "a lawyer for the family said"
LY_NOUNS = {"family", "ally", "assembly", "supply", "monopoly", "anomaly", "tally", "rally"}
ED_ADJECTIVES = {"retired", "unnamed", "elected", "appointed", "alleged", "embattled", "indicted", "married", "so-called",
                 "unidentified", "registered", "licensed", "respected", "renowned", "detained", "captured", "wounded",
                 "injured", "armed", "disgraced", "jailed", "exiled", "ousted", "concerned", "interested", "informed",
                 "advanced", "based", "affiliated", "self-described", "self-proclaimed", "undisclosed", "detailed",
                 "qualified", "experienced", "skilled", "trained", "talented", "celebrated", "beloved", "united"}
# heads that a following "in X" / "at X" belongs to: "police in Kharkiv", "officials at the ministry"
PLACE_HEAD = re.compile(
    r"police|officials?|officers?|residents?|authorities|troops|soldiers|forces|prosecutors|investigators|sources?|"
    r"spokes(?:man|woman|person)|diplomats?|analysts?|experts?|observers?|witness(?:es)?|leaders?|lawmakers|"
    r"newspapers?|doctors?|medics?|workers?|volunteers?|activists?|people|voters|governors?|mayors?|rescuers|"
    r"staff|aides?|commanders?|negotiators|administration|government|ministry|council|committee|"
    r"labs?|laborator(?:y|ies)|units?|office|agency|mission|command|hospital|groups?|paramedics?|nurses?|"
    r"embass(?:y|ies)|consulates?"
)
# heads that a following "to X" belongs to: "the ambassador to Ukraine", "an aide to the president"
# (X is where or whom the person serves, not who speaks)
TO_HEADS = {"ambassador", "ambassadors", "envoy", "envoys", "adviser", "advisers", "advisor", "advisors", "aide", "aides",
            "representative", "representatives", "delegate", "delegates", "delegation", "counsellor", "counselor",
            "assistant", "assistants", "attaché", "attache", "emissary", "emissaries"}
# words after "a" that go with a plural noun: "a few critics", "a dozen soldiers", "a reported 30 protesters";
# after any other "a noun", a plural begins a phrase of its own ("a move critics saw as ...")
PLURAL_QUANTITIES = {"few", "dozen", "couple", "handful", "number", "lot", "host", "pair", "majority", "minority", "total",
                     "series", "score", "hundred", "thousand", "million", "further", "reported", "estimated", "record",
                     "whopping", "mere", "good", "great", "full", "combined", "bunch", "slew", "raft", "range", "variety"}
# words that do not stand alone as a subject: "more likely to say", "all attacked"
NOT_ALONE = {"more", "all", "ever", "less", "fewer"}
# determiners that stand alone as a subject: "Some say ...", "Many believe ..."
PRONOMINAL = {"some", "many", "others", "most", "both", "all", "several", "few", "one", "those", "these", "another"}
# the first word of a share of a group, before "of": "one of the soldiers", "some of them", "none of those"
SHARE_WORDS = PRONOMINAL | NUMBER_WORDS | {"none"}
# singular nouns in -s, and the endings of most others ("a crisis", "a census", "a bus", "a process")
S_SINGULARS = {"species", "series", "headquarters", "barracks", "means", "news", "politics", "economics", "physics", "ethics",
               "lens", "canvas", "atlas", "gas", "alias"}
S_SINGULAR_ENDINGS = ("ss", "us", "is", "'s", "’s")
# a capitalised -ing word opening a sentence is a participle, not a name: "Following ...", "Walking to ..."
OPENING_PARTICIPLES = {"following", "including", "according", "speaking", "citing", "noting", "saying", "adding",
                       "continuing", "responding", "referring", "writing", "asking", "answering", "looking",
                       "having", "being", "given", "addressing", "acknowledging", "describing", "explaining"}
AFTER_PARTICIPLE = {"the", "a", "an", "to", "on", "in", "at", "his", "her", "their", "its", "about", "with", "for",
                    "from", "up", "out", "back", "over", "that", "this", "these", "those", "into", "through", "off",
                    "before", "after", "upon", "across", "along", "around", "near", "behind", "under", "among"}

# -- what a source phrase names --------------------------------------------------------------------

# heads of unnamed but specific sources
ANON_HEADS = set(
    """official officials source sources aide aides diplomat diplomats officer officers insider
    insiders adviser advisers advisor advisors staffer staffers spokesman spokeswoman spokesperson
    person people member members employee employees lawmaker lawmakers investigator investigators
    commander commanders operative operatives strategist strategists associate associates ally allies
    confidant confidants friend friends witness witnesses resident residents agent agents""".split()
)
# unnamed people who speak for a body to the press: their words are the body's voice, not an account it passes on
VOICES = {"spokesman", "spokeswoman", "spokesperson", "official", "source"}
# heads that name no one at all
VAGUE_HEADS = set(
    """reports report sources estimates estimate experts analysts observers critics rumors rumours
    accounts some many others people most media commentators pundits""".split()
)
# "people familiar with", "those close to him": words that qualify an unnamed source
# participles that follow a noun without "-ed": "footage broadcast by", "images shown on"
POST_PARTICIPLES = {"broadcast", "shown", "seen", "taken", "written", "sent"}
QUALIFIER_WORDS = {"familiar", "close", "knowledgeable", "briefed", "involved", "aware", "knowledge", "closest"}
# the same test on a vague head: "sources familiar with", "spoke on condition of anonymity"
ANON_QUALIFIERS = ("familiar", "close", "knowledge", "briefed", "anonymity", "involved", "aware")
ORG_WORDS = set(
    """party committee department ministry service agency council campaign institute university
    association union court police army forces force government administration office bureau
    commission post times news journal press network corporation company group foundation
    center centre organization organisation board senate house congress parliament fund bank
    league coalition cnn bbc reuters msnbc abc cbs nbc fox politico pac inc corp llc school
    tribune herald guardian telegraph magazine review daily radio tv television media intelligence
    navy pentagon kremlin staff military""".split()
)
# the heads of bodies in copy, named or not: "Ukraine's armed forces", "the regional military command",
# "a research lab at the university" are organisations (``ORG_WORDS`` is what the tagger was trained on)
ORG_HEADS = ORG_WORDS | set(
    """command commands ministry ministries office offices authority authorities agency agencies lab labs
    laboratory unit units network group groups movement mission observatory monitor directorate brigade battalion regiment
    brigades battalions
    corps guard militia junta cabinet presidency embassy consulate municipality prosecutor's
    hospital hospitals firm watch project organization organisation alliance federation front society programme
    services charity ngo nonprofit wing institution headquarters forum""".split()
)
# sourceless collectives ("aid agencies") beside the heads the tagger was trained on
VAGUE_NOUNS = VAGUE_HEADS | {"agencies"}
# bodies in the plural with no article or name are no one in particular ("human rights groups", "aid
# organisations"); "the two groups", "Fano groups" say which
GENERIC_BODIES = {"groups", "organisations", "organizations", "charities", "ngos"}
# impersonal channels, vague however many adjectives they carry ("Russian state media"), and those adjectives
CHANNELS = {"media", "reports", "report", "accounts", "rumours", "rumors"}
CHANNEL_ADJECTIVES = {"state", "local", "social", "news", "media", "official", "unconfirmed", "initial", "early", "some"}
# verbs that show a capitalised run is a headline's clause, not a name ("Soldier Says He Was"); not "Said"
# or "Will", which are names too
HEADLINE_VERBS = {"says", "say", "was", "is", "were", "are", "has", "had"}
# plural people who stand for their office: "Prosecutors said", "police said"
OFFICE_PLURALS = {"prosecutors", "police"}
# an outlet names itself by these, or is described by them: "Al-Masirah TV", "the independent outlet X"
# the common nouns of a medium, which "the" alone before them leaves unnamed but still a medium
OUTLET_NOUNS = {"newspaper", "paper", "broadcaster", "channel", "outlet", "daily", "weekly", "magazine", "station",
                "television", "radio"}
# what "news" or "press" before it makes a medium: "Saba news agency", "the Kyodo news service"
NEWS_SERVICES = {"agency", "service", "wire"}
OUTLET_WORDS = {"tv", "television", "radio", "times", "post", "news", "journal", "tribune", "herald", "gazette",
                "telegraph", "magazine", "outlet", "newspaper", "broadcaster", "channel", "daily", "weekly"}
# the first word of a medium's name: "Radio Okapi", "TV Rain"
OUTLET_FIRST = {"radio", "tv", "television"}
# a named armed group is an organisation: "Rwanda-backed M23 rebels", "Houthi fighters"
GROUP_HEADS = {"rebels", "militants", "fighters", "insurgents", "militia", "militias", "separatists", "guerrillas"}
# one person's office: "the regional governor", "the head of the administration", "Russia's foreign minister"
PERSON_TITLES = set(
    """head chief governor mayor minister president premier chancellor spokesman spokeswoman spokesperson
    commander director ambassador envoy secretary chairman chairwoman chair leader general colonel
    captain admiral prosecutor judge king queen prince pope senator lawmaker deputy administrator""".split()
)
# heads a definite description uses for a body named before: "the group said"
GROUP_WORDS = {"group", "organisation", "organization", "movement", "militia", "faction", "agency"}
# words of a state's own bodies: "the group" is not one of them
STATE_WORDS = {"government", "ministry", "military", "army", "forces", "force", "command", "office", "police",
               "administration", "council", "kremlin", "pentagon", "house", "department", "service", "presidency",
               "embassy", "cabinet", "junta"}
# prepositions that place people: "diplomats in Bangkok", "medics at the hospital"
PLACING = {"in", "at", "from", "near", "inside", "outside"}
# people who live in the place that follows "of": "residents of Kenscoff", "the villagers of Tal Abyad"
DWELLERS = {"residents", "inhabitants", "villagers", "townspeople", "people", "citizens", "locals"}
# plural common nouns for people: capitalised at a sentence's start, never a name ("Doctors said")
PEOPLE_PLURALS = set(
    """doctors medics paramedics nurses rescuers firefighters residents villagers witnesses survivors
    refugees soldiers troops officials diplomats analysts experts observers monitors activists protesters
    farmers workers volunteers journalists reporters officers commanders fighters rebels militants
    shopkeepers traders merchants drivers
    investigators prosecutors police relatives families neighbours neighbors locals civilians
    sources lawmakers negotiators mediators engineers teachers students parents""".split()
)
# the last word of a place's name, which no person's name ends in: "Islamic State West Africa Province"
# is a group's name; "Belgorod Region" stands for its authorities
AREA_WORDS = {"province", "region", "district", "governorate", "oblast", "prefecture", "county", "territory"}
# words of the aside by which an outlet says it spoke to an unnamed source itself: "who asked not to be
# identified", "speaking on condition of anonymity"
OWN_SOURCE_MARKS = ("anonymity", "identified", "named", "authorised", "authorized")
# a party's adjective before a name is a politician's label: "Democrat Jane Roe"
PARTY_WORDS = ("Republican", "Republicans", "Democratic", "Democrat", "Democrats", "GOP")
NATIONALITY_LIKE = re.compile(
    r"^(?:[A-Z][a-z]+(?:ian|ese|ish)|American|Korean|Mexican|African|Cuban|Israeli|Iraqi|Afghan|Pakistani|Saudi|"
    r"Yemeni|" + "|".join(PARTY_WORDS) + r"|European|Western|Eastern|Arab|Muslim|Christian|"
    r"Catholic|Jewish|Asian|Latino|Latina|Hispanic|Kurdish|Turkish|Polish|Swedish|Danish|Finnish|Irish|Scottish|"
    r"Welsh|German|French|Dutch|Greek|Thai|Nepali|Qatari|Emirati|Kuwaiti|Omani|Federal|National|State|U\.?S|UN|EU|NATO)$"
)
# documents and figures that say something without being anyone ("the poll", "shipping data")
DOCUMENT_HEADS = {"poll", "polls", "survey", "surveys", "study", "studies", "analysis", "data", "figures", "statistics",
                  "records", "record", "document", "documents", "filing", "filings", "numbers", "results", "research",
                  "footage", "video", "videos", "photos", "photographs", "pictures", "images", "review", "audit", "investigation", "memo", "letter",
                  "statement", "statements", "lawsuit", "complaint", "website", "post", "tweet", "ad", "report",
                  "reports", "estimate", "estimates", "tally", "tallies", "counts", "logs", "footage"}
# documents whose maker is the source: "according to an analysis by the Pew Research Center"
DOCUMENTS = {"analysis", "report", "study", "poll", "survey", "statement", "post", "memo", "letter", "filing",
             "documents", "document", "records", "emails", "email", "data", "figures", "estimates", "results",
             "interviews", "interview", "review", "audit", "investigation", "transcript", "calculations", "tally",
             "count", "release", "tweet", "video", "book", "article", "story", "column", "op-ed"}
# participles that name a document's maker after "by": "a report published by the monitor" is the
# monitor's; "a report seen by the Gazette" is not the Gazette's
AUTHORED = {"published", "released", "issued", "compiled", "written", "produced", "prepared", "posted", "put"}
# what a message is sent as, or to whom: "sent a statement saying ...", "emailed supporters saying ..."
MESSAGES = {"release", "statement", "email", "e-mail", "letter", "message", "tweet", "note", "memo", "ad", "video", "post",
            "text", "mailer", "flyer", "petition", "lawsuit", "complaint", "filing", "resolution", "supporters", "reporters",
            "followers", "members", "donors", "voters", "journalists", "staff",
            "tweets", "statements", "emails", "letters", "messages", "posts", "memos"}
# "X took to Twitter to say ...": the verb before a channel and a reporting verb's "to"
TOOK_TO = {"took", "take", "takes", "taking"}
# past forms without -ed that end a clause on their own: "The mayor began by saying", "X spoke, saying"
PAST_INTRANSITIVE = {"began", "spoke", "went", "came", "left", "stood", "fought", "broke", "ran", "rose", "fell", "quit",
                     "won", "lost", "wrote", "hit", "struck", "withdrew", "sat"}
# past tenses not in -ed that end a noun phrase read towards them: "The mayor met workers and said ..."
# (no noun or adjective among them: "left", "lost", "set", "put", "hit" are left out)
IRREGULAR_PAST = {"met", "held", "made", "took", "gave", "went", "came", "sent", "began", "brought", "drew", "fell",
                  "fought", "got", "grew", "heard", "kept", "knew", "paid", "ran", "sat", "saw", "sold", "spoke", "stood",
                  "struck", "threw", "told", "wrote", "broke", "became", "sought", "taught", "won", "led", "spent"}
# texts a source puts out, which a later "the statement" stands for; the words that introduce one
ISSUED_TEXTS = {"statement", "letter", "communique", "communiqué", "release", "message", "memo", "bulletin", "briefing",
                "report", "video", "post", "tweet"}
INTRODUCING = {"a", "an", "its", "his", "her", "their", "emailed", "written", "joint", "separate", "brief", "short"}
# what can carry words itself: "a sign saying ...", "911 calls saying ...", "a voice-over saying ..."
SIGNS = {"sign", "signs", "banner", "banners", "placard", "placards", "cover", "calls", "headline", "headlines",
         "ad", "ads", "voice", "poster", "posters", "t-shirt", "shirts", "sticker", "stickers"}
# texts whose release is a statement: "released a report", "filed a lawsuit"
WRITINGS = DOCUMENTS | MESSAGES | {"plan", "plans", "proposal", "details", "findings", "list", "budget",
                                   "ads", "suit", "motion", "appeal", "charges", "brief",
                                   "platform", "agenda", "policy", "guidance", "rules", "regulations", "order",
                                   "comments", "remarks", "response", "reply", "editorial", "essay",
                                   "messages", "letters", "memos", "transcripts", "tweets",
                                   "numbers", "estimate", "forecast", "polls", "information",
                                   "names", "version", "draft", "bill", "legislation"}
# what a picture shows carries an account on; it is not a statement of whoever posted it
MEDIA = {"photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images", "video", "videos",
         "footage", "clip", "clips", "selfie", "map", "maps"}
# where a source put its words, as a phrase between the source and its verb: "The ministry in a statement
# on Telegram said", "The governor in an interview with Reuters said" (the outlet named there is no source)
VENUES = ISSUED_TEXTS | MEDIA | {"interview", "address", "speech", "remarks", "comments", "appearance", "broadcast",
                                 "podcast", "testimony", "conference", "op-ed", "column", "filing", "posting"}
# a span of time before "ago" or "later": "The spokesman two days ago said", "less than an hour later"
SPAN_NOUNS = {"hour", "hours", "minute", "minutes", "moments", "day", "days", "week", "weeks", "month", "months", "year",
              "years"}
SPAN_WORDS = SPAN_NOUNS | {"a", "an", "few", "several", "couple", "of", "than", "less", "more", "about", "nearly", "just"}
# subjects whose "attack", "push", "strike" is an act of force, not a stance
ARMED = set(
    """troops forces army armies military soldiers units unit brigade brigades battalion battalions regiment division
    drones drone missiles missile artillery jets aircraft warplanes planes helicopters tanks navy militants fighters
    rebels gunmen insurgents militia militias separatists paratroopers marines commandos snipers infantry
    air force""".split()
)

# -- denials (read by ``polarity.py``; the denial verbs are in ``cues.py``) ---------------------------

# what a source denies when it rejects or dismisses something: "rejected reports that ...", "dismissed
# the Russian account", "a figure Hamas rejects"
ACCOUNT_NOUNS = set(
    """report reports claim claims allegation allegations accusation accusations account accounts assertion
    assertions suggestion suggestions charge charges rumour rumours rumor rumors figure figures toll tolls
    estimate estimates number version narrative story stories findings statement statements assessment
    characterisation characterization description idea notion speculation""".split()
)
# accounts that are counts ("a figure that could not be verified"), and the words of checking them
COUNT_NOUNS = {"figure", "figures", "toll", "tolls", "estimate", "estimates", "number", "count", "tally"}
CHECK_WORDS = {"verified", "confirmed", "corroborated", "checked", "verify", "confirm"}
# ", without giving details": the outlet's note that the source backed nothing up, not the source's words
WITHHELD = {"giving", "providing", "offering", "citing", "presenting", "producing", "elaborating", "specifying",
            "detailing", "disclosing", "sharing", "showing", "naming", "identifying", "explaining"}
# words that may stand between the denial verb and the account: "the Russian account", "all such reports"
ACCOUNT_MODIFIERS = ARTICLES | {"all", "these", "those", "such", "recent", "earlier", "latest", "new", "media",
                                "press", "western", "russian", "ukrainian", "israeli", "foreign", "repeated", "false"}
# what "denied" refuses rather than denies: "denied access", "denied them entry"
REFUSALS = {"access", "entry", "permission", "bail", "visa", "visas", "passage", "request", "requests", "admission",
            "asylum", "clearance", "leave"}
# a negation of the source's own act makes "X said it had not ..." a denial; these open one
NEGATED_AUX = {"had", "has", "have", "did", "does", "do", "was", "were", "is", "are"}
NEGATED_CONTRACTIONS = {"hadn't": "had", "hasn't": "has", "haven't": "have", "didn't": "did", "doesn't": "does",
                        "don't": "do", "wasn't": "was", "weren't": "were", "isn't": "is", "aren't": "are"}
NEGATIONS = {"not", "never"}
# auxiliaries that take a bare verb, so that after them (negated too) "mention" or "claim" is the verb:
# "did not mention the rival", "won't comment on ..."
BARE_VERB_AUX = {"do", "does", "did", "will", "would", "could", "can", "should", "may", "might", "must", "shall"}
NEGATED_BARE_AUX = {a + n + q + "t" for a, n in (("do", "n"), ("does", "n"), ("did", "n"), ("wo", "n"), ("would", "n"),
                                                  ("could", "n"), ("ca", "n"), ("should", "n"), ("must", "n"))
                    for q in "'’"} | {"cannot"}
# what after the negation is no denial of an act: "had not yet", "did not know", "was not aware",
# "had not been told" (a passive tells what was done to the source; "been involved" is the exception)
NOT_A_DENIAL = {"yet", "only", "just", "know", "knew", "aware", "able", "immediately", "comment", "commented",
                "receive", "received", "see", "seen", "hear", "heard", "expect", "expected", "want", "wanted",
                "have", "had", "need", "plan", "planned", "intend", "intended", "respond", "responded", "been"}
# (where forces were posted, "its troops had not been deployed there", is a fact the source states, not
# an answer to blame)
BEEN_DENIALS = {"involved", "responsible", "behind", "present", "used", "fired"}
# "declined to deny", "refused to deny": no denial
DECLINE_TO = {"refused", "refuses", "refusing", "declined", "declines", "declining", "failed", "fails"}
# "X said A and did not comment on B", "but declined to elaborate", "but gave no details": what the source
# would not say, in the outlet's words, is no part of A
UNSAID = {"comment", "respond", "say", "elaborate", "give", "provide", "specify", "explain", "address", "disclose",
          "reply", "answer", "offer", "detail", "identify", "name"}
UNSAID_ADVERBS = {"immediately", "yet", "publicly", "directly", "further", "independently"}
# words that dismiss an account: "called the reports “groundless rumours”", "said the claims were lies"
DISMISSIVE = {"groundless", "baseless", "unfounded", "untrue", "false", "fabricated", "fabrication", "fabrications",
              "lie", "lies", "fake", "absurd", "nonsense", "propaganda", "fiction", "disinformation", "slander"}
# "TASS quoted X as saying A": the forms of quoting, and the participles of the quoted words
QUOTING = {"quoted", "quotes", "quote", "quoting"}
QUOTED_AS = {"saying", "telling", "stating", "adding", "writing", "warning"}
# one unnamed person a later "he" or "she" refers to: "A woman who lost her home said ... she said"
ONE_PERSON = {w for w in ANON_HEADS | PERSON_TITLES if not w.endswith("s") or w.endswith("ss")} | set(
    """woman man mother father girl boy wife husband son daughter brother sister widow survivor soldier
    doctor nurse medic teacher farmer driver student worker volunteer neighbour neighbor priest pilot
    fighter fisherman shopkeeper engineer paramedic rescuer prisoner captive detainee refugee""".split())
# what a report cites or quotes as its source: "citing the defence ministry", "citing witnesses",
# "citing a doctor", "citing a statement"; not "citing security concerns" (a reason, not a source)
CITED_HEADS = ANON_HEADS | ORG_HEADS | ONE_PERSON | PEOPLE_PLURALS | GROUP_HEADS | OFFICE_PLURALS | VAGUE_HEADS | {
    "statement", "statements", "document", "documents", "data", "figures", "records", "footage", "images"}

