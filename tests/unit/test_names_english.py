"""Random capitalised English words never become people.

The vocabulary is written here, independently of the recogniser's own word lists, and leans on
words that are also Vietnamese syllables or family names (Long, Hang, Can, Do, Ban, Tang) and on
capitalised roles used as ordinary words (General, Major, Head), because those are the words a
name-shape rule could mistake for a name.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.entities.recognise import PERSON, Recogniser

_WORDS = """
Long Hang Can Do Ban Tang Man Son Tan Van Dam Bay May Say Day Pay Hay Ton Than Then Thin Tin
Ten Den Pen Men Hen Cup Cut Hut Nut Put Run Sun Gun Bun Hot Not Lot Pot Cot Top Tip Sip Hit Sit
Kit Pit Bit Cat Hat Mat Rat Sat Tap Map Nap Cap Gap Lap Rap Main Rain Pain Gain Coat Boat Goat
Moon Noon Soon Room Boom Tie Die Lie Pie Toe Sue Due Hue King Ring Sing Song Thing Chin Chip
Chop Chat Trip Trim Tram Trap Quit Yet Dong Gong Hung Lung Sung Bang Gang Pang Rang Sang
Water Supply Road Works Office Manager Market Green Future Golden Triangle Trading Company
Dark Web Forum Police Department Cyber Security Public Order Traffic Safety Week Campaign
New Year Spring Festival Red River Delta North South Central Highlands Border Guard Station
General Major Head Senior Chief Member Leader Officer Deputy Vice Director Inspector Editor
The And For With From Into Over Under After Before About Against Between Through During
Old New Big Small Good Bad High Low Hard Soft Fast Slow Open Close Free Fair Full Half
"""
VOCABULARY = _WORDS.split()

words = st.sampled_from(VOCABULARY)
runs = st.lists(words, min_size=1, max_size=6).map(" ".join)
joiners = st.sampled_from([" ", ". ", ", ", " and ", " of the ", " in ", ": ", "\n\n"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(runs, joiners), min_size=1, max_size=6))
    return "".join(run + joiner for run, joiner in parts)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts())
def test_capitalised_english_words_never_become_people(recogniser: Recogniser, text: str) -> None:
    assert [m for m in recogniser.mentions(text) if m.kind == PERSON] == []

