"""Words around a capitalised run that say it is a person, or that it is not one.

A role before a name (`suspect`, `Lieutenant Colonel`, `ambassador`) or an age after it
(`Park Ji-hoon, 38,`) marks a person whatever the name looks like, so foreign names are found
by their context rather than by a list. A thing word after it (`Street`, `Award`, `Hospital`)
makes the run the thing named after the person or place. All words here are folded.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLES = _words(
    """
    president minister secretary general colonel chairman chairwoman chairperson director
    ambassador premier governor mr mrs ms miss mx dr prof professor major captain commander
    chief head deputy lieutenant senior vice spokesman spokeswoman spokesperson leader officer
    inspector investigator judge prosecutor procurator mayor delegate member comrade editor
    suspect defendant accused victim lawyer attorney sergeant corporal private detective
    consul envoy counsellor councillor senator congressman congresswoman king queen prince
    princess emperor pope bishop monk priest nun businessman businesswoman entrepreneur
    billionaire tycoon founder owner manager accountant cashier driver teacher doctor nurse
    student farmer worker pilot journalist reporter writer author blogger activist singer
    actor actress artist coach footballer striker midfielder athlete boxer chef citizen
    resident tourist national fugitive ringleader mastermind smuggler trafficker dealer
    gangster boss ceo official cadre witness survivor hero martyr veteran soldier policeman
    policewoman patrolman guard warden ranger captain admiral marshal brigadier superintendent
    constable sheriff counsel plaintiff petitioner convict inmate prisoner detainee
    mother father son daughter wife husband brother sister uncle aunt grandmother grandfather
    nephew niece cousin colleague partner friend neighbour neighbor boyfriend girlfriend
    dean rector principal scientist researcher engineer architect economist analyst expert
    vice-president vice-chairman vice-minister director-general deputy-director
    """
)
"""Role and kinship words that may stand before a name, in any case."""

PLURAL_ROLES = _words(
    """
    ministers secretaries generals presidents chairmen directors ambassadors leaders officers
    officials suspects defendants victims lawyers judges members comrades delegates sergeants
    colonels captains soldiers policemen nationals citizens tourists students workers drivers
    brothers sisters sons daughters smugglers traffickers dealers fugitives witnesses heroes
    martyrs veterans journalists reporters activists accused deputies heads inspectors
    investigators prosecutors procurators doctors teachers farmers businessmen
    """
)
"""Plural roles that can head a list of names (`the late ministers A, B and C`)."""

PERSON_NOUNS = _words(
    """
    man woman men women boy girl boys girls person people persons national nationals citizen
    citizens resident residents tourist tourists foreigner foreigners child children teenager
    """
)
"""Nouns after which `named` introduces a person (`a Chinese man named Li Qiang`)."""

NOT_NAME_WORDS = _words(
    """
    police ministry department committee party court people people's province provincial city
    district ward commune town village state government national assembly council office
    bureau agency force forces army navy command security public central border guard customs
    bank company corporation group university school hospital street road avenue union
    association federation embassy consulate vietnam vietnamese republic socialist
    kingdom china chinese korea korean japan japanese thailand laos cambodia
    cambodian america american united states nations asean eu europe european world
    international global news newspaper times post daily press magazine radio television
    tv online agency the this that these those his her their its our your
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december resolution decree law article
    code decision directive circular program programme project plan campaign conference
    congress meeting session forum summit award prize fund medal order cup festival day
    week year month tet new old north south east west northern southern eastern western
    central highlands delta river lake bay island mountain mount airport port station
    bridge market center centre tower building plaza zone area region square
    museum mausoleum pagoda temple church cathedral institute academy college faculty
    council board panel team club league organisation organization foundation institution
    centre's secretariat politburo standing steering inspectorate procuracy tribunal
    investigation criminal economic crime crimes drug drugs traffic fire prevention
    control management administration development affairs defence defense foreign home
    interior justice finance trade industry health education labour labor transport
    construction agriculture information communications culture sports tourism science
    technology planning investment resources environment social insurance treasury
    statistics audit ethnic minority minorities religion religious hcm section group class
    grade room block lot clause item point chapter part phase round level unit
    """
)
"""Capitalised words that never start or continue a name found only by its context."""

THING_WORDS = (
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Boulevard", "Bridge", "Award", "Awards",
    "Fund", "Prize", "School", "High School", "Primary School", "Secondary School",
    "University", "College", "Hospital", "Mausoleum", "Museum", "Ward", "Commune", "District",
    "Newspaper", "Communist Youth Union", "Youth Union", "Stadium", "Park", "Square", "Lane",
    "Alley", "Highway", "Expressway", "Tunnel", "Pagoda", "Temple", "Memorial", "Monument",
    "Statue", "Medal", "Order", "Cup", "Foundation", "Institute", "Academy", "Hall", "Market",
    "Airport", "Port", "Station", "Theatre", "Theater", "Center", "Centre", "Library",
    "Company", "Corporation", "Group", "Trail", "Campaign", "Movement", "Boulevard",
)
THING_AFTER = re.compile(
    r"(?:'s|’s)?[^\S\n]+(?:" + "|".join(re.escape(w) for w in sorted(set(THING_WORDS), key=len,
                                                                     reverse=True))
    + r")(?![^\W\d_])"
)
"""A capitalised thing word right after a name: `Nguyễn Văn Cừ Street`, `Hà Nội University`."""

AGE_AFTER = re.compile(
    r"(?:,[^\S\n]*(?:aged[^\S\n]+)?[1-9]\d(?:[^\S\n]*(?:years?[^\S\n]+old|-year-old))?[^\S\n]*[,;)]"
    r"|[^\S\n]*\((?:aged[^\S\n]+)?[1-9]\d\)"
    r"|,[^\S\n]*(?:born[^\S\n]+(?:in[^\S\n]+)?)(?:19|20)\d\d\b"
    r"|[^\S\n]*\((?:born|b\.)[^\S\n]*(?:in[^\S\n]+)?(?:19|20)\d\d\))"
)
"""An age or year of birth right after a name: `, 38,` `, aged 45,` `(29)` `, born 1990`."""

NATIONALITIES = _words(
    """
    chinese korean japanese thai lao laotian cambodian khmer malaysian singaporean indonesian
    filipino myanmar burmese indian taiwanese american british french german russian
    australian canadian dutch italian spanish ukrainian nigerian african iranian turkish
    mongolian bangladeshi pakistani nepali sri-lankan polish czech swedish norwegian danish
    finnish belgian swiss austrian brazilian mexican argentine hungarian romanian bulgarian
    israeli egyptian saudi emirati
    """
)

ENGLISH_SYLLABLES = _words(
    """
    a an at am as be by do go he hi me my no of oh on or so to up us we ye ah ha ho
    the than that then them thin thing this thus tho
    ban bat bay bet bin bit but buy bun bum boo boom boon boot bong bang bait boat
    can cap cat con cop cot cup cut cue cam chat chin chip chop chum chap chain chit coat coin
    coop cook
    dam day den dim din dip don dot due die ding dong dung doom dan
    gap gay gem get got gum gun guy gain gait gang gong goat
    ham hat hay hem hen him hit hop hot hum hut hue hoe hung hang hoop hoot
    kin kit kip king
    lap lay let lit lot lie lip long lung loan loin loom loop loot lain
    man map mat may men met mom mop mac main moan moat moon moot mice
    nap nay net nit not nut nun nine noon
    pan pat pay pen pet pin pit pop pot put pun pup pie pang ping pong poop pain
    quit quip quay
    ran rap rat ray rim rip rot run rum rue rang ring rung rain room root
    sat say set sin sip sit son sop sum sun sup sue sang sing song sung soon soot sac
    tan tap tat ten tin tip ton top tot tie toe tom tang ting tong toot tram trap trim trip
    trot trait
    van vat vet vie vim vain
    yet
    """
)
"""English words that are also Vietnamese syllables: a run made only of these (`Can Man`,
`Long Hang`) is English, whatever its first word looks like."""

STRONG_TITLES = _words(
    """
    president minister secretary colonel chairman chairwoman chairperson ambassador premier
    governor mr mrs ms miss mx dr prof professor lieutenant spokesman spokeswoman spokesperson
    judge prosecutor procurator mayor suspect defendant lawyer attorney sergeant corporal
    detective consul envoy senator congressman congresswoman admiral brigadier superintendent
    comrade captain commander
    vice-president vice-chairman vice-minister director-general
    """
)
"""Capitalised titles after which any capitalised words are a name (`President Donald
Trump`); other roles are ordinary English words when capitalised (`General`, `Head`, `Major`)."""
