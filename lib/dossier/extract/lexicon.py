"""The extractor's vocabulary: the words that make a number a claim, give it a category, hedge it,
time it, or attribute it. Grammar words only; names of people, bodies and places live in ``data/``.

Every list is matched case-insensitively on whole words of the text normalised for matching
(straight quotes, plain hyphens). The README's "How claims are read" table mirrors this module.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def alternation(phrases) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# --- what a figure counts ---------------------------------------------------------------------
# Head nouns that make a number a count of a force.
FORCE_NOUNS = words(
    """
    troop troops soldier soldiers servicemen serviceman servicewomen personnel forces force men
    fighters fighter combatants combatant militants militant marines marine sailors sailor
    paratroopers paratrooper conscripts conscript recruits recruit reservists reservist
    mercenaries mercenary officers infantry infantrymen commandos commando guardsmen
    contingent battalion battalions brigade brigades regiment regiments units unit members
    operatives insurgents insurgent rebels rebel gunmen militiamen militia volunteers
    reinforcements replacements cadets special-forces
    """
)
# Head nouns that are casualties themselves, with their category.
CASUALTY_NOUNS = {
    **dict.fromkeys(words("casualties casualty losses"), "casualties"),
    **dict.fromkeys(words("dead deaths fatalities killed bodies"), "killed"),
    **dict.fromkeys(words("wounded injured"), "wounded"),
    **dict.fromkeys(
        words("prisoners prisoner pows pow captives captive detainees captured"), "captured"
    ),
}
# Nouns that end the search for a head: the number counts something else.
OTHER_NOUNS = words(
    """
    tanks tank drones drone missiles missile rockets rocket shells artillery vehicles vehicle
    aircraft jets jet planes helicopters ships ship boats guns rifles weapons systems launchers
    rounds munitions bombs mines warheads
    kilometres kilometers km miles square metres meters feet acres hectares
    dollars won rubles roubles euros pounds yuan yen hryvnias hryvnia usd percent
    villages village towns town cities city locations location sites site countries nations
    regions provinces districts bases posts positions areas settlements buildings homes houses
    hospitals schools camps
    civilians civilian residents people children women workers labourers laborers refugees
    migrants families patients doctors journalists students tourists voters hostages hostage
    worshippers pilgrims passengers villagers farmers officials sources witnesses lawmakers
    diplomats analysts experts
    seconds minutes hours days weeks months years decades times occasions attacks strikes
    raids sorties missions incidents cases votes exchanges assaults rotations rotation waves
    batches phases stages
    """
)
DURATION_UNITS = words(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades"
)
CURRENCY_AFTER = words("dollars won rubles roubles euros pounds yuan yen hryvnias usd bn")
HYPHEN_SIZE = words("strong man member men soldier troop")  # "a 9,000-strong force"

MONTHS = words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

# --- categories ---------------------------------------------------------------------------------
# Phrases after a figure (in its clause) that say what happened to it. Checked in this order, so
# "killed or wounded" is casualties before "killed" is killed.
CATEGORY_AFTER = [
    ("casualties", r"(?:killed|dead|died)\s+(?:or|and|and/or)\s+(?:wounded|injured|missing)"
     r"|(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)|casualties|losses|lost|were\s+lost"),
    ("returned_to_duty", r"return(?:ed|ing|s)?\s+to\s+(?:active\s+|military\s+|combat\s+)?"
     r"(?:duty|service|the\s+front(?:\s+lines?)?|their\s+units)|rejoin(?:ed)?"
     r"|(?:sent\s+)?back\s+to\s+(?:the\s+)?(?:duty|front(?:\s+lines?)?|their\s+units|combat)"),
    ("killed", r"killed|died|dead|perished|lost\s+their\s+lives|were\s+executed|k\.?i\.?a\.?"),
    ("wounded", r"wounded|injured|sustained\s+(?:injuries|wounds)|hurt|hospitali[sz]ed"
     r"|treated\s+(?:in|at)\s+(?:\w+\s+)?hospitals?|treated\s+for\s+(?:wounds|injuries)"
     r"|in\s+(?:serious|critical|stable|grave)\s+condition|(?:in|at)\s+hospital"),
    ("reinforcements", r"called\s+up|mobili[sz]ed|recruited|drafted|conscripted"
     r"|sent\s+as\s+reinforcements"),
    ("captured", r"captured|taken\s+(?:prisoner|captive)|prisoners?\s+of\s+war|surrendered"
     r"|prisoners?|captive"
     r"|detained|held\s+(?:captive|prisoner|as\s+prisoners?|in\s+captivity|in\s+(?!reserve)\w+"
     r"|by)"
     r"|in\s+captivity|(?:returned|freed|released|repatriated)\s+from\s+(?:\w+\s+)?captivity"),
]  # fmt: skip
# After any filler, these phrases outrank a casualty word met first: "who were wounded in battle
# returned to duty" counts the returned.
CATEGORY_OVERRIDE_AFTER = (
    "returned_to_duty",
    r"return(?:ed|ing|s)?\s+to\s+(?:active\s+|military\s+|combat\s+)?(?:duty|service|the\s+front"
    r"|their\s+units)|(?:sent\s+)?back\s+to\s+(?:the\s+)?(?:duty|front|their\s+units|combat)",
)
# Words right before a figure (connectors allowed between) that make it a casualty count:
# "killed 200", "casualties of 5,200", "death toll rose to 300".
CATEGORY_BEFORE = [
    ("casualties", r"(?:killed|killing|dead)\s+(?:or|and)\s+(?:wounded|wounding|injured|injuring)"
     r"|casualties|losses|lost|losing|lose|loses|casualty\s+toll"),
    ("killed", r"killed|killing|kill|kills|death\s+toll|toll|deaths|executed|annihilated"
     r"|annihilating|wiped\s+out|eliminated|eliminating|neutrali[sz]ed"),
    ("wounded", r"wounded|wounding|injured|injuring"),
    ("captured", r"captured|capturing|capture|took|taken\s+prisoner|prisoners|pows|exchanged"
     r"|swapped|freed|released|brought\s+home|returned\s+home|repatriated"),
    ("reinforcements", r"recruit|recruits|recruited|recruiting|mobilised|mobilized|mobilising"
     r"|mobilizing|conscripted|drafted|called\s+up|calling\s+up"),
    ("deployed", r"deployment|deployments|total|strength|presence|contingent|force"),
]  # fmt: skip
# A casualty noun as the subject and the figure as its measure: "losses have exceeded 5,000",
# "put casualties at 900,000", "losses numbered fewer than 100", "bringing total losses to ...".
MEASURE = (
    r"(?:exceeded|exceeds|exceeding|reached|reaches|topped|tops|top|surpassed|passed|hit|stood\s+at"
    r"|stands\s+at|numbered|numbering|numbers|totalled|totaled|totalling|totaling|totals"
    r"|amounted\s+to|averaged|averaging|average\s+of|were|was|are|is|at|to|of|estimated\s+at"
    r"|put\s+at|rose\s+to|climbed\s+to|jumped\s+to|increased\s+to|grew\s+to|rises\s+to"
    r"|rising\s+to|risen\s+to|climbs\s+to|climbing\s+to|jumps\s+to|reaches|reaching)"
)
BEFORE_CONNECTORS = words(
    "of at to a an the some about around nearly almost over more than least up rose stood climbed "
    "reached numbering totalling totaling estimated approximately roughly its their his her our "
    "had have has was were is are been already reportedly"
)
REINFORCEMENT_ADJACENT = words("additional more another extra further fresh new")
REINFORCEMENT_BEFORE = (
    r"(?:new|second|third|fourth|fresh|another|latest|next)\s+(?:wave|batch|rotation|contingent)"
    r"(?:\s+(?:of|is|was|will\s+be|would\s+be|could\s+be|of\s+up\s+to|numbering|numbers))?"
    r"|reinforcements\s+of"
)
# Words after a force figure (in its sentence) that make the nearest force figure before them
# reinforcements: "2,300 troops ..., aimed at replacing casualties", "... as reinforcements".
REPLACEMENT = (
    r"replac(?:e|es|ed|ing|ement|ements)|as\s+reinforcements|to\s+reinforce|reinforcing"
    r"|(?:for|ahead\s+of)\s+the\s+(?:next\s+)?rotation"
)
# Before an elided figure, these make it the same kind of count as the figure before it in the
# sentence: "several hundred fighters, down from an estimated 2,500".
CONTINUATION = r"(?:down|up)\s+from|compared\s+(?:with|to)|from|to|against|versus|vs\.?"
# Heads that name a state's forces, and heads that name an armed group's: with no side named,
# the first count the article's most named state, the second its most named group.
STATE_FORCE_NOUNS = words(
    "soldier soldiers troop troops servicemen serviceman personnel army recruits recruit "
    "reservists reservist conscripts conscript officers marines sailors paratroopers cadets "
    "guardsmen commandos"
)
GROUP_FORCE_NOUNS = words(
    "fighter fighters militants militant rebels rebel insurgents insurgent gunmen militiamen "
    "jihadists jihadist combatants members"
)
DEPLOYED_CUES = words("initial initially first original total totalling totaling")
RATE = (
    r"daily|a\s+day|per\s+day|each\s+day|every\s+day|a\s+week|per\s+week|weekly|each\s+week"
    r"|a\s+month|per\s+month|monthly|an\s+hour|per\s+hour"
)

# --- hedging --------------------------------------------------------------------------------------
# Uncertainty language. A cue governs a figure when it comes earlier in the sentence, or later in
# the figure's own clause.
HEDGES = (
    "may", "might", "could", "would", "potential", "potentially", "possible", "possibly",
    "likely", "unlikely", "probably", "probable", "estimate", "estimates", "estimated",
    "estimating", "suggest", "suggests", "suggested", "suggesting", "assess", "assessed",
    "assesses", "assessment", "believe", "believed", "believes", "thought to", "reportedly",
    "reports indicate", "reports suggest", "reports say", "reports of", "reported as",
    "it has been reported", "it was reported", "according to reports", "unconfirmed",
    "preliminary", "unverified", "unverifiable", "could not be verified",
    "cannot be independently verified", "could not be independently verified",
    "not independently verified", "allegedly", "alleged", "claimed", "claims", "claim",
    "purportedly", "appears to", "appeared to", "expected to", "feared",
)  # fmt: skip

# --- time -------------------------------------------------------------------------------------
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# A month needs a preposition before it or a day after it: "Troops May Withdraw" is no date.
_MONTH_SPAN = (
    rf"(?:{_MONTH_NAMES})(?:\s+\d{{1,2}})?(?:\s*(?:and|to|through|-)\s*(?:{_MONTH_NAMES})"
    rf"(?:\s+\d{{1,2}})?)?(?:,?\s+(?:19|20)\d\d)?"
)
TIME = (
    rf"(?:in|since|during|by|until|from|through|last|this|next|early|late|mid-?|on)\s+{_MONTH_SPAN}"
    rf"|(?:{_MONTH_NAMES})\s+\d{{1,2}}\b(?:,?\s+(?:19|20)\d\d)?"
    r"|to\s+date|so\s+far|thus\s+far|currently|at\s+present|as\s+of\s+now"
    r"|(?:this|last|past|previous|next|the\s+past)\s+(?:week|month|year|weekend)"
    r"|(?:in|over|during)\s+(?:the\s+)?(?:past|last)\s+(?:(?:\d+|\w+)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)"
    r"|in\s+recent\s+(?:days|weeks|months)|since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?"
    r"[\w-]+(?:\s+(?:war|invasion|conflict|offensive|operation|year|month))?"
    r"|since\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|yesterday|today|overnight|last\s+night"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|{RATE}"
)  # fmt: skip

# --- attribution ------------------------------------------------------------------------------
SAY_VERBS = words(
    """
    said says say stated states told tells reported reports noted notes indicated indicates
    warned warns estimated estimates assessed assesses confirmed confirms claimed claims added
    adds announced announces wrote writes observed observes remarked remarks explained explains
    revealed reveals disclosed discloses acknowledged acknowledges insisted insists alleged
    alleges asserted asserts believes believed suggested suggests briefed according
    estimate assess believe claim warn confirm indicate suggest note put puts counted counts
    recorded records documented tallied
    """
)
# Subjects that are not speakers: "Estimates suggest", "Reports indicate", "Data show".
NOT_SPEAKERS = words(
    "estimates estimate reports report data figures analysis this that it there these those "
    "which who what studies statistics evidence records"
)
# Subjects that are sources with no name: the figure has no speaker and inherits none.
ANONYMOUS_SOURCES = (
    r"reports?\s+(?:of|indicate|indicated"
    r"|say|said|suggest|suggested|show|showed|claim)|it\s+(?:has|had)\s+been\s+reported"
    r"|it\s+was\s+reported|according\s+to\s+(?:media\s+|news\s+|local\s+)?reports"
    r"|(?:unnamed|unidentified|anonymous)\s+(?:\w+\s+){0,3}sources"
)
# A speaker relays another's information: "citing X", "after a briefing by X".
CITING = (
    r"(?:citing|quoting)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:briefing|report|assessment"
    r"|information|estimate|data|figures)\s+(?:by|from)|citing|quoting|(?:in|after|during|at)\s+a\s+(?:closed-door\s+|private\s+|parliamentary\s+)?"
    r"briefing\s+(?:by|from)|(?:stems?|comes?|came|derived?)\s+from\s+(?:a|an|the)\s+"
    r"(?:\w+\s+){0,2}(?:briefing|report|assessment|information)\s+(?:by|from)|briefed\s+by"
    r"|based\s+on\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:briefing|report|assessment|information)"
    r"\s+(?:by|from)|(?:information|figures|data)\s+(?:provided|supplied)\s+by"
)
PRONOUNS = words("he she")
# Capitalised words that are titles or roles in a speaker's noun phrase, never part of a name.
TITLES = words(
    """
    president prime minister ministers secretary general gen. lt. lieutenant colonel col. major
    maj. captain capt. admiral adm. commander chief head director spokesman spokeswoman
    spokesperson lawmaker lawmakers legislator senator sen. rep. representative congressman
    congresswoman ambassador envoy governor mayor deputy foreign defence defense interior
    intelligence military army navy sergeant sgt. mr mr. mrs mrs. ms ms. dr dr. professor prof.
    analyst analysts official officials expert experts researcher researchers observer
    chairman chairwoman chair member mp speaker vice first supreme leader king queen prince
    gov. pres. marshal brigadier lt.-gen. maj.-gen. colonel-general
    """
)
ORG_WORDS = words(
    """
    ministry service agency institute forces army command staff council committee office
    department directorate observatory group centre center bureau guard guards navy corps
    government administration parliament assembly commission mission organisation organization
    union alliance nato military intelligence tank think-tank headquarters coalition
    """
)
