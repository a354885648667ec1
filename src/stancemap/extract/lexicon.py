"""Word lists the extractors share: titles, roles, places and their people, reporting verbs.

Kept as data in one place so that every extractor agrees on what "Mr", "Chancellor" or "Washington"
means, and so that they can grow without touching the logic.
"""

from __future__ import annotations

# Honorifics: part of how a person is addressed, never of their canonical name.
HONORIFICS = {
    "sir", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "lord", "lady", "dame",
    "prof", "prof.", "professor", "rev", "rev.", "baroness", "baron",
}

# Roles, lower case, longest first when matched. A role word before a name ("Chancellor Olaf Scholz")
# or as a definite noun phrase ("the Prime Minister") names an office.
ROLES = [
    "prime minister", "deputy prime minister", "president-elect", "vice president", "vice-president",
    "president", "chancellor", "foreign minister", "defence minister", "defense minister",
    "finance minister", "interior minister", "foreign secretary", "home secretary", "defence secretary",
    "defense secretary", "health secretary", "business secretary", "secretary of state",
    "secretary general", "secretary-general", "secretary", "minister", "spokesman", "spokeswoman",
    "spokesperson", "press secretary", "senator", "sen.", "governor", "gov.", "mayor", "leader",
    "opposition leader", "chief executive", "chairman", "chairwoman", "chair", "ambassador", "envoy",
    "general", "king", "queen", "prince", "princess", "pope", "premier", "speaker", "commissioner",
    "representative", "rep.", "congressman", "congresswoman", "attorney general", "judge", "justice",
    "chief of staff", "adviser", "advisor", "director", "head", "candidate", "nominee", "mp", "mep",
]
ROLE_WORDS = {word for role in ROLES for word in role.replace("-", " ").split()} - {"of", "the"}

# Canonical names of places and organisations that act as speakers and parties. Keys are lower case.
# Capitals and seats of government stand for their country when they act ("Washington warned").
CANONICAL_PLACES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states": "United States", "the united states": "United States",
    "the us": "United States", "washington": "United States", "white house": "United States",
    "the white house": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom", "the uk": "United Kingdom",
    "downing street": "United Kingdom", "london": "United Kingdom",
    "russia": "Russia", "moscow": "Russia", "kremlin": "Russia", "the kremlin": "Russia",
    "ukraine": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine",
    "germany": "Germany", "berlin": "Germany", "france": "France", "china": "China", "beijing": "China",
    "italy": "Italy", "rome": "Italy", "poland": "Poland", "warsaw": "Poland", "spain": "Spain",
    "madrid": "Spain", "netherlands": "Netherlands", "the netherlands": "Netherlands", "denmark": "Denmark",
    "copenhagen": "Denmark", "japan": "Japan", "tokyo": "Japan", "india": "India", "iran": "Iran",
    "tehran": "Iran", "israel": "Israel", "canada": "Canada", "ottawa": "Canada", "mexico": "Mexico",
    "saudi arabia": "Saudi Arabia", "turkey": "Turkey", "ankara": "Turkey", "north korea": "North Korea",
    "pyongyang": "North Korea", "south korea": "South Korea", "seoul": "South Korea",
    "nato": "NATO", "eu": "European Union", "the eu": "European Union", "european union": "European Union",
    "the european union": "European Union", "brussels": "European Union", "un": "United Nations",
    "the un": "United Nations", "united nations": "United Nations", "the united nations": "United Nations",
    "europe": "Europe",
}
# Only these stand for their country when used as a place name; "leaders gathered in Paris" stays Paris.
METONYM_SEATS = {"washington", "white house", "the white house", "downing street", "kremlin", "the kremlin",
                 "moscow", "kyiv", "kiev", "beijing", "brussels", "tehran", "pyongyang"}

DEMONYMS = {
    "american": "United States", "us": "United States", "u.s.": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "english": "United Kingdom", "german": "Germany", "french": "France",
    "russian": "Russia", "ukrainian": "Ukraine", "chinese": "China", "italian": "Italy", "polish": "Poland",
    "spanish": "Spain", "dutch": "Netherlands", "danish": "Denmark", "japanese": "Japan", "indian": "India",
    "iranian": "Iran", "israeli": "Israel", "canadian": "Canada", "mexican": "Mexico", "saudi": "Saudi Arabia",
    "turkish": "Turkey", "european": "Europe", "nato": "NATO", "eu": "European Union", "un": "United Nations",
    "democratic": "Democratic Party", "republican": "Republican Party", "labour": "Labour Party",
    "conservative": "Conservative Party", "tory": "Conservative Party",
}

# Reporting verbs, every inflection (no lemmatizer needed: the pipeline runs without one).
_CUE_LEMMAS = {
    "say": "say says said saying", "tell": "tell tells told telling", "add": "add adds added adding",
    "insist": "insist insists insisted insisting", "warn": "warn warns warned warning",
    "urge": "urge urges urged urging", "argue": "argue argues argued arguing",
    "claim": "claim claims claimed claiming", "state": "state states stated stating",
    "explain": "explain explains explained explaining", "note": "note notes noted noting",
    "write": "write writes wrote written writing", "ask": "ask asks asked asking",
    "announce": "announce announces announced announcing", "declare": "declare declares declared declaring",
    "report": "report reports reported reporting", "suggest": "suggest suggests suggested suggesting",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "admit": "admit admits admitted admitting", "deny": "deny denies denied denying",
    "reply": "reply replies replied replying", "respond": "respond responds responded responding",
    "tweet": "tweet tweets tweeted tweeting", "post": "post posts posted posting",
    "comment": "comment comments commented commenting", "contend": "contend contends contended contending",
    "assert": "assert asserts asserted asserting", "maintain": "maintain maintains maintained maintaining",
    "predict": "predict predicts predicted predicting", "promise": "promise promises promised promising",
    "pledge": "pledge pledges pledged pledging", "vow": "vow vows vowed vowing",
    "stress": "stress stresses stressed stressing", "conclude": "conclude concludes concluded concluding",
    "recall": "recall recalls recalled recalling", "remark": "remark remarks remarked remarking",
    "confirm": "confirm confirms confirmed confirming", "indicate": "indicate indicates indicated indicating",
    "testify": "testify testifies testified testifying", "complain": "complain complains complained complaining",
    "demand": "demand demands demanded demanding", "call": "call calls called calling",
    "accuse": "accuse accuses accused accusing", "tell reporters": "",
    "believe": "believe believes believed believing", "think": "think thinks thought thinking",
    "caution": "caution cautions cautioned cautioning", "emphasize": "emphasize emphasizes emphasized emphasizing",
    "emphasise": "emphasise emphasises emphasised emphasising", "reveal": "reveal reveals revealed revealing",
    "agree": "agree agrees agreed agreeing", "concede": "concede concedes conceded conceding",
    "boast": "boast boasts boasted boasting", "allege": "allege alleges alleged alleging",
    "learn": "learn learns learned learnt learning", "signal": "signal signals signalled signaled signalling",
}
CUE_FORMS = {form: lemma for lemma, forms in _CUE_LEMMAS.items() for form in forms.split()}
# Verbs whose object is the addressee, not the content ("told reporters", "urged Trump to ...").
ADDRESSEE_CUES = {"tell", "urge", "ask", "warn", "call", "accuse", "promise"}

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_OTHER = {"they", "them", "their", "it", "its", "we", "i", "you"}
