"""Word lists the extractors share: titles, roles, places and their people, reporting verbs.

Kept as data in one place so that every extractor agrees on what "Mr", "Chancellor" or "Washington"
means, and so that they can grow without touching the logic.
"""

from __future__ import annotations

# Honorifics: part of how a person is addressed, never of their canonical name.
HONORIFICS = {
    "sir",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "lord",
    "lady",
    "dame",
    "prof",
    "prof.",
    "professor",
    "rev",
    "rev.",
    "baroness",
    "baron",
}
# Letters after a name (British honours, offices, degrees): part of how a person is styled, never of
# the name, and never a person of their own ("Judge Mark Lucraft KC", "Jess Phillips MP"). Case counts.
POST_NOMINALS = {"KC", "QC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PhD"}
# The gender an honorific gives ("Mrs. Clinton" is not Bill Clinton).
TITLE_GENDER = {
    **dict.fromkeys(["mr", "mr.", "sir", "lord", "baron"], "m"),
    **dict.fromkeys(["mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "baroness", "madam"], "f"),
}

# Roles, lower case, longest first when matched. A role word before a name ("Chancellor Olaf Scholz")
# or as a definite noun phrase ("the Prime Minister") names an office.
ROLES = [
    "prime minister",
    "deputy prime minister",
    "first minister",
    "deputy first minister",
    "president-elect",
    "vice president",
    "vice-president",
    "president",
    "chancellor",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "foreign secretary",
    "home secretary",
    "defence secretary",
    "defense secretary",
    "health secretary",
    "business secretary",
    "secretary of state",
    "secretary general",
    "secretary-general",
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "mayor",
    "leader",
    "opposition leader",
    "chief executive",
    "chairman",
    "chairwoman",
    "chair",
    "ambassador",
    "envoy",
    "general",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "premier",
    "speaker",
    "commissioner",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "attorney general",
    "judge",
    "justice",
    "chief of staff",
    "adviser",
    "advisor",
    "director",
    "head",
    "candidate",
    "nominee",
    "mp",
    "mep",
]
ROLE_WORDS = {word for role in ROLES for word in role.replace("-", " ").split()} - {"of", "the"}

# Canonical names of places and organisations that act as speakers and parties. Keys are lower case.
# Capitals and seats of government stand for their country when they act ("Washington warned").
CANONICAL_PLACES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states": "United States",
    "the united states": "United States",
    "the us": "United States",
    "washington": "United States",
    "white house": "United States",
    "the white house": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "the uk": "United Kingdom",
    "downing street": "United Kingdom",
    "london": "United Kingdom",
    "russia": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "the kremlin": "Russia",
    "ukraine": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "germany": "Germany",
    "berlin": "Germany",
    "france": "France",
    "china": "China",
    "beijing": "China",
    "italy": "Italy",
    "rome": "Italy",
    "poland": "Poland",
    "warsaw": "Poland",
    "spain": "Spain",
    "madrid": "Spain",
    "netherlands": "Netherlands",
    "the netherlands": "Netherlands",
    "denmark": "Denmark",
    "copenhagen": "Denmark",
    "japan": "Japan",
    "tokyo": "Japan",
    "india": "India",
    "iran": "Iran",
    "tehran": "Iran",
    "israel": "Israel",
    "canada": "Canada",
    "ottawa": "Canada",
    "mexico": "Mexico",
    "saudi arabia": "Saudi Arabia",
    "turkey": "Turkey",
    "ankara": "Turkey",
    "north korea": "North Korea",
    "pyongyang": "North Korea",
    "south korea": "South Korea",
    "seoul": "South Korea",
    "nato": "NATO",
    "eu": "European Union",
    "the eu": "European Union",
    "european union": "European Union",
    "the european union": "European Union",
    "brussels": "European Union",
    "un": "United Nations",
    "the un": "United Nations",
    "united nations": "United Nations",
    "the united nations": "United Nations",
    "europe": "Europe",
}
# Only these stand for their country when used as a place name; "leaders gathered in Paris" stays Paris.
METONYM_SEATS = {
    "washington",
    "white house",
    "the white house",
    "downing street",
    "kremlin",
    "the kremlin",
    "moscow",
    "kyiv",
    "kiev",
    "beijing",
    "brussels",
    "tehran",
    "pyongyang",
}

DEMONYMS = {
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "Scotland",
    "welsh": "Wales",
    "german": "Germany",
    "french": "France",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "chinese": "China",
    "italian": "Italy",
    "polish": "Poland",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "danish": "Denmark",
    "japanese": "Japan",
    "indian": "India",
    "iranian": "Iran",
    "israeli": "Israel",
    "canadian": "Canada",
    "mexican": "Mexico",
    "saudi": "Saudi Arabia",
    "turkish": "Turkey",
    "european": "Europe",
    "nato": "NATO",
    "eu": "European Union",
    "un": "United Nations",
    "democratic": "Democratic Party",
    "republican": "Republican Party",
    "labour": "Labour Party",
    "conservative": "Conservative Party",
    "tory": "Conservative Party",
}

# Reporting verbs, every inflection (no lemmatizer needed: the pipeline runs without one).
_CUE_LEMMAS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "insist": "insist insists insisted insisting",
    "warn": "warn warns warned warning",
    "urge": "urge urges urged urging",
    "argue": "argue argues argued arguing",
    "claim": "claim claims claimed claiming",
    "state": "state states stated stating",
    "explain": "explain explains explained explaining",
    "note": "note notes noted noting",
    "write": "write writes wrote written writing",
    "ask": "ask asks asked asking",
    "announce": "announce announces announced announcing",
    "declare": "declare declares declared declaring",
    "report": "report reports reported reporting",
    "suggest": "suggest suggests suggested suggesting",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "admit": "admit admits admitted admitting",
    "deny": "deny denies denied denying",
    "reply": "reply replies replied replying",
    "respond": "respond responds responded responding",
    "tweet": "tweet tweets tweeted tweeting",
    "post": "post posts posted posting",
    "comment": "comment comments commented commenting",
    "contend": "contend contends contended contending",
    "assert": "assert asserts asserted asserting",
    "maintain": "maintain maintains maintained maintaining",
    "predict": "predict predicts predicted predicting",
    "promise": "promise promises promised promising",
    "pledge": "pledge pledges pledged pledging",
    "vow": "vow vows vowed vowing",
    "stress": "stress stresses stressed stressing",
    "conclude": "conclude concludes concluded concluding",
    "recall": "recall recalls recalled recalling",
    "remark": "remark remarks remarked remarking",
    "confirm": "confirm confirms confirmed confirming",
    "indicate": "indicate indicates indicated indicating",
    "testify": "testify testifies testified testifying",
    "complain": "complain complains complained complaining",
    "demand": "demand demands demanded demanding",
    "call": "call calls called calling",
    "accuse": "accuse accuses accused accusing",
    "tell reporters": "",
    "believe": "believe believes believed believing",
    "think": "think thinks thought thinking",
    "caution": "caution cautions cautioned cautioning",
    "emphasize": "emphasize emphasizes emphasized emphasizing",
    "emphasise": "emphasise emphasises emphasised emphasising",
    "reveal": "reveal reveals revealed revealing",
    "agree": "agree agrees agreed agreeing",
    "concede": "concede concedes conceded conceding",
    "boast": "boast boasts boasted boasting",
    "allege": "allege alleges alleged alleging",
    "learn": "learn learns learned learnt learning",
    "signal": "signal signals signalled signaled signalling",
    # Verbs of evaluation and reporting that news uses as attributions (frequent as cues in PolNeAR train).
    "describe": "describe describes described describing",
    "criticize": "criticize criticizes criticized criticizing",
    "criticise": "criticise criticises criticised criticising",
    "express": "express expresses expressed expressing",
    "point": "pointed pointing points",
    "refer": "referring referred",
    "cite": "cite cites cited citing",
    "defend": "defend defends defended defending",
    "praise": "praise praises praised praising",
    "question": "questioned questioning",
    "reject": "reject rejects rejected rejecting",
    "dismiss": "dismiss dismisses dismissed dismissing",
    "blast": "blast blasts blasted blasting",
    "denounce": "denounce denounces denounced denouncing",
    "blame": "blame blames blamed blaming",
    "echo": "echoed echoing echoes",
    "reiterate": "reiterate reiterates reiterated reiterating",
    "mock": "mocked mocking mocks",
    "condemn": "condemn condemns condemned condemning",
    "joke": "joked jokes joking",
    "remind": "remind reminds reminded reminding",
    "voice": "voiced voicing",
    "decry": "decry decries decried decrying",
    "tout": "tout touts touted touting",
    "rail": "railed railing rails",
    "slam": "slam slams slammed slamming",
    "plead": "pleaded pleads pleading",
    "answer": "answered answers answering",
    "shout": "shouted shouting shouts",
    "lament": "lament laments lamented lamenting",
    "mention": "mention mentions mentioned mentioning",
    "hope": "hope hopes hoped hoping",
    "worry": "worry worries worried worrying",
    "expect": "expect expects expected expecting",
    "quote": "quoted quoting",
    "speak": "spoke speaks speaking",
    "insinuate": "insinuated",
    "charge": "charged charges",
    "assure": "assured assures assuring",
    "endorse": "endorsed endorses endorsing",
    "estimate": "estimates estimated",
}
CUE_FORMS = {form: lemma for lemma, forms in _CUE_LEMMAS.items() for form in forms.split()}
# Nouns of speech that report what their owner said ("her remark that …", "Trump's call for …").
_SPEECH_NOUN_WORDS = """remark remarks comment comments assertion claim claims call calls statement
suggestion promise pledge vow warning demand insistence argument admission declaration accusation
charge contention prediction words description criticism assurance boast complaint announcement
proposal plea quip joke question"""
SPEECH_NOUNS = frozenset(_SPEECH_NOUN_WORDS.split())
# What words are published in: a cue hung from one ("issued a statement saying") is its author's.
_DOCUMENT_WORDS = """letter email e-mail tweet post release memo ad advertisement video website message
note op-ed column editorial report book interview speech filing lawsuit petition sign banner caption
headline cover page document transcript chart poll survey study"""
DOCUMENT_NOUNS = SPEECH_NOUNS | frozenset(_DOCUMENT_WORDS.split())
# People named by what they are, who speak in news ("protesters chanting", "a man claiming").
_PEOPLE_WORDS = """man men woman women people person protester protesters demonstrator demonstrators
supporter supporters voter voters resident residents official officials critic critics crowd crowds
activist activists spokesman spokeswoman spokesperson aide aides lawmaker lawmakers member members
worker workers student students parent parents veteran veterans leader leaders group groups"""
PEOPLE_NOUNS = frozenset(_PEOPLE_WORDS.split())
# What news calls the people it meets, never an office: "Local resident John Smith", "John Smith, a
# teacher".
_ORDINARY_WORDS = """resident residents voter voters student students teacher parent mother father pensioner
worker shopper customer passenger neighbour neighbor homeowner tenant nurse farmer driver retiree grandmother
grandfather"""
ORDINARY_PEOPLE = frozenset(_ORDINARY_WORDS.split())
# Ranks and titles before a surname that are not in ROLE_WORDS ("Admiral Harris", "Sgt. Smith").
_RANK_WORDS = """admiral colonel col. captain capt. commander cmdr. lieutenant lt. major maj. sergeant sgt. corporal
    cpl. private officer detective det. inspector constable superintendent marshal chief coach father
    bishop archbishop cardinal rabbi imam sheikh reverend pastor sister brother saint st. uncle aunt"""
RANK_WORDS = frozenset(_RANK_WORDS.split())

# Last words of the names of places and bodies, which a title before them does not make a person
# ("President Street", "Queen Elizabeth Hospital", "King's College").
_INSTITUTION_WORDS = """street road avenue lane square place way drive bridge park station airport port hall house
    centre center hospital clinic university college school academy institute museum library gallery
    theatre stadium church cathedral chapel mosque temple foundation trust council party company bank
    group court prison barracks hotel"""
INSTITUTION_WORDS = frozenset(_INSTITUTION_WORDS.split())

# Verbs whose object is the addressee, not the content ("told reporters", "urged Trump to ...").
ADDRESSEE_CUES = {"tell", "urge", "ask", "warn", "call", "accuse", "promise"}

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_OTHER = {"they", "them", "their", "it", "its", "we", "i", "you"}

# Words that introduce a person as someone's relative ("his daughter Ivanka Trump"), with the gender
# they give, if any.
KINSHIP = {
    **dict.fromkeys(["wife", "daughter", "sister", "mother", "niece", "aunt", "granddaughter"], "f"),
    **dict.fromkeys(["grandmother", "widow", "stepdaughter", "daughter-in-law", "sisters"], "f"),
    **dict.fromkeys(["husband", "son", "brother", "father", "nephew", "uncle", "grandson"], "m"),
    **dict.fromkeys(["grandfather", "widower", "stepson", "son-in-law", "brothers"], "m"),
    **dict.fromkeys(["cousin", "spouse", "sons", "daughters"], None),
}
