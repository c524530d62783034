"""One synthetic article: its cast, its sentences and the truth about it (page.py lays it out).

Every place and person reaches the text through a slot that records its id, so the truth is
exactly what a reader would list: the places and people the article names, wherever it names
them (headline, dateline, body, captions), and nothing a page adds around the story (bylines).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from dates import LINE_FORMS, in_prose, pick_form, random_day
from names import NameMaker, Person, PlaceSpellings, known_person, load_people, load_places
from page import SyntheticArticle, layout
from vocabulary import (
    AGENCY_ENDINGS,
    BYLINES,
    DEBRIS,
    DISTRACTORS,
    FILLER,
    HEADLINES,
    KNOWN_PEOPLE,
    LEAD_PREFIXES,
    LEADS,
    PERSON_LINES,
    PHOTO_WORDS,
    PLACE_LINES,
    SHORT_LINES,
    SUSPECT_LINES,
    UNTITLED_INTROS,
    WEEKDAYS,
)

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(slots=True, frozen=True)
class World:
    """Everything the writer needs from the gazetteer, read once per corpus."""

    places: list[PlaceSpellings]
    people: dict[str, tuple[str, str]]
    names: NameMaker

    @classmethod
    def load(cls) -> World:
        places, people = load_places(), load_people()
        known = {k: v for k, v in people.items() if k in KNOWN_PEOPLE}
        return cls(places, known, NameMaker(places, people))


@dataclass(slots=True)
class ArticleWriter:
    """Writes one article; its fields are what has been named so far, which is the truth."""

    rng: random.Random
    world: World
    marked: bool = False
    places: list[PlaceSpellings] = field(default_factory=list)
    cast: list[Person] = field(default_factory=list)
    named_places: dict[str, None] = field(default_factory=dict)
    named_people: dict[str, None] = field(default_factory=dict)
    people_classes: dict[str, str] = field(default_factory=dict)
    introduced: list[Person] = field(default_factory=list)
    _sentence_places: list[str] = field(default_factory=list)
    _used: set[str] = field(default_factory=set)

    def write(self) -> SyntheticArticle:
        rng = self.rng
        self.marked = rng.random() < 0.45
        self.places = rng.sample(self.world.places, rng.choice((1, 1, 2, 2, 2, 3, 3, 4)))
        self.cast = self._choose_cast()
        form = pick_form(rng)
        day = random_day(rng)
        headline = None if form == "marker" else self._headline()
        paragraphs = self._body(day)
        paragraphs[0] = self._lead_prefix(form, day) + paragraphs[0]
        paragraphs[-1] += rng.choice(AGENCY_ENDINGS)
        header = [] if form == "marker" else self._header(headline, form, day)
        text = layout(rng, header, paragraphs, self._byline(), byline_on_top=bool(header))
        encoding = self._encoding()
        return SyntheticArticle(text, None if form == "none" else day, form,
                                list(self.named_places), list(self.named_people), encoding,
                                dict(self.people_classes))

    # -- who and where -------------------------------------------------------------------
    def _choose_cast(self) -> list[Person]:
        rng = self.rng
        if rng.random() < 0.08:
            return []
        known_ids = sorted(self.world.people)
        known = [known_person(rng, self.world.people, pid, self.marked)
                 for pid in rng.sample(known_ids, rng.choice((0, 0, 1, 1, 2)))]
        titled = [self.world.names.invent(rng, self.marked, titled=True)
                  for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))]
        untitled = [self.world.names.invent(rng, self.marked, titled=False)
                    for _ in range(rng.choice((0, 0, 0, 1)))]
        cast = known + titled + untitled
        return cast or [self.world.names.invent(rng, self.marked, titled=True)]

    def _spell(self, place: PlaceSpellings) -> str:
        spellings = place.marked if self.marked else place.plain
        if len(spellings) == 1 or self.rng.random() < 0.65:
            return spellings[0]
        return self.rng.choice(spellings[1:])

    def _place(self) -> str:
        """The next place not yet named, else any of the article's places not in this sentence."""
        pending = [p for p in self.places if p.id not in self.named_places
                   and p.id not in self._sentence_places]
        choices = pending or [p for p in self.places if p.id not in self._sentence_places] \
            or self.places
        place = choices[0] if pending else self.rng.choice(choices)
        self._sentence_places.append(place.id)
        self.named_places.setdefault(place.id, None)
        return self._spell(place)

    # -- slots ---------------------------------------------------------------------------
    def fill(self, template: str, person: Person | None = None) -> str:
        self._sentence_places = []
        parts: list[str] = []
        position = 0
        for match in _SLOT.finditer(template):
            parts.append(template[position:match.start()])
            after = template[match.end():match.end() + 1]
            parts.append(self._slot(match[1], after, person))
            position = match.end()
        parts.append(template[position:])
        text = "".join(parts)
        return text[:1].upper() + text[1:]

    def _slot(self, name: str, after: str, person: Person | None) -> str:
        rng = self.rng
        if name == "P":
            return self._place()
        if name in ("X", "U", "H"):
            assert person is not None
            return self._introduce(person, after, headline=name == "H")
        if name == "S":
            assert person is not None
            return person.short
        if name == "T":
            assert person is not None
            return person.short_title
        if name == "N":
            return str(rng.randint(2, 48))
        if name == "M":
            return f"{rng.randint(3, 950)}"
        if name == "MO":
            return str(rng.randint(2, 11))
        if name == "K":
            return str(rng.randint(3, 75))
        if name == "WD":
            return rng.choice(WEEKDAYS)
        if name == "MD":
            return in_prose(random_day(rng))
        raise KeyError(name)

    def _introduce(self, person: Person, after: str, headline: bool = False) -> str:
        self.named_people.setdefault(person.id, None)
        self.people_classes.setdefault(person.id, person.cls)
        if person not in self.introduced and not headline:
            self.introduced.append(person)
        if not person.title:
            text = self.rng.choice(UNTITLED_INTROS).replace("{X}", person.name)
            text = _SLOT.sub(lambda m: self._slot(m[1], "", person), text)
            return text if text.endswith(")") or after in (".", ",") else text + ","
        text = f"{person.title} {person.name}"
        if person.role:
            text += ", " + _SLOT.sub(lambda m: self._slot(m[1], "", person), person.role)
            if after not in (".", ","):
                text += ","
        return text

    # -- sentences -----------------------------------------------------------------------
    def _pick(self, options: tuple[str, ...] | list[str]) -> str:
        """A template this article has not used yet, while there are any: no echoing lines."""
        fresh = [t for t in options if t not in self._used] or list(options)
        template = self.rng.choice(fresh)
        self._used.add(template)
        return template

    def _headline(self) -> str:
        known = [p for p in self.cast if p.id in self.world.people]
        options = [h for h in HEADLINES if "{H}" not in h or known]
        options = [h for h in options if h.count("{P}") <= len(self.places)]
        template = self.rng.choice(options)
        if "{H}" in template:
            return self.fill(template, self.rng.choice(known))
        return self.fill(template)

    def _lead(self) -> str:
        pending = [p for p in self.cast if p not in self.introduced and p.title]
        with_person = [t for t in LEADS if "{X}" in t]
        if pending and self.rng.random() < 0.8:
            return self.fill(self._pick(with_person), pending[0])
        return self.fill(self._pick([t for t in LEADS if "{X}" not in t]))

    def _sentence(self, remaining: int) -> str:
        rng = self.rng
        pending_people = [p for p in self.cast if p not in self.introduced]
        pending_places = [p for p in self.places if p.id not in self.named_places]
        force = len(pending_people) + len(pending_places) >= remaining
        if pending_people and (force or rng.random() < 0.45):
            person = pending_people[0]
            slot = "{X}" if person.title else "{U}"
            options = [t for t in PERSON_LINES if slot in t and "{P}" not in t]
            return self.fill(self._pick(options), person)
        if pending_places and (force or rng.random() < 0.3):
            return self._place_line()
        if self.introduced and rng.random() < 0.35:
            person = rng.choice(self.introduced)
            lines = SHORT_LINES if person.title else SUSPECT_LINES
            return self.fill(self._pick(lines), person)
        if rng.random() < 0.15:
            return self._place_line()
        return self.fill(self._pick(FILLER))

    def _place_line(self) -> str:
        options = [t for t in PLACE_LINES if t.count("{P}") <= len(self.places)]
        return self.fill(self._pick(options))

    def _distractor(self) -> str:
        text, places, people = self.rng.choice(DISTRACTORS)
        for place_id in places:
            self.named_places.setdefault(place_id, None)
        for person_id in people:
            self.named_people.setdefault(person_id, None)
        return text

    def _body(self, day: dt.date) -> list[str]:
        rng = self.rng
        count = rng.randint(6, 10)
        sizes = [rng.randint(1, 3) for _ in range(count - 1)]
        remaining = sum(sizes)
        paragraphs = [self._lead()]
        for size in sizes:
            sentences = []
            for _ in range(size):
                sentences.append(self._sentence(remaining))
                remaining -= 1
            paragraphs.append(" ".join(sentences))
        if rng.random() < 0.12:
            paragraphs.insert(rng.randint(1, len(paragraphs)), self._distractor())
        for _ in range(rng.choice((0, 0, 1, 2))):
            paragraphs.insert(rng.randint(1, len(paragraphs) - 1), self._photo(day))
        return paragraphs

    def _photo(self, day: dt.date) -> str:
        """An image file name line, then its caption (which may name a place and a date)."""
        rng = self.rng
        image = f"{rng.randint(1, 9)} {rng.choice(PHOTO_WORDS)}.jpg"
        if rng.random() < 0.5:
            caption = "Overview of the meeting."
        else:
            caption = self.fill(f"Officers at the scene, {{P}}, {in_prose(day)}, {day.year} - "
                                "Photo: VNA")
        return image + "\n" + caption

    # -- page ----------------------------------------------------------------------------
    def _dateline(self) -> str:
        place = self.rng.choice(self.places)
        self.named_places.setdefault(place.id, None)
        return self._spell(place).upper() + " — "

    def _lead_prefix(self, form: str, day: dt.date) -> str:
        rng = self.rng
        dateline = self._dateline() if rng.random() < (0.7 if form == "marker" else 0.15) else ""
        prefix = dateline or rng.choice(LEAD_PREFIXES)
        if form == "marker":
            return f" date {day.isoformat()} {prefix}"
        return prefix

    def _header(self, headline: str | None, form: str, day: dt.date) -> list[str]:
        rng = self.rng
        lines = [headline] if headline else []
        if form in LINE_FORMS:
            date_line = [LINE_FORMS[form](day, rng)]
            if rng.random() < 0.2:
                date_line.append("00:00")
            where = rng.random()
            if where < 0.1:
                lines = date_line + lines
            elif where < 0.3:
                lines.append("<lead>")
                lines += date_line
            else:
                lines += date_line
        if rng.random() < 0.25:
            lines.append(rng.choice(DEBRIS))
        return lines

    def _byline(self) -> str | None:
        return "By " + self.rng.choice(BYLINES) if self.rng.random() < 0.35 else None

    def _encoding(self) -> str:
        roll = self.rng.random()
        if roll < 0.03:
            return "utf-8-sig"
        if roll < 0.05:
            return "utf-16"
        if roll < 0.09 and self.marked:
            return "cp1258"
        if roll < 0.11 and self.marked:
            return "utf-8-nfd"
        return "utf-8"
