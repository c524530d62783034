"""Write the development set: realistic news pages about public security, with their truth.

    python tests/devset/make_devset.py            # rewrites tests/devset/articles/ and truth.jsonl

Every article is composed from hand-written sentence templates and hand-written name lists
(nothing here imports the recogniser's name lists, title words, fold or slug), so a score on
this set measures the recogniser against an independent description of the same classes:
Kinh names (rare family names, two-syllable names), Hmong, Thai, Tày, Dao and Central
Highlands names, family names that begin place names, foreign names marked by context
(roles, ages, `named`, nationality), lists after plural roles, ALL CAPS headlines and words
glued by scraping; and the things that are not people: streets, schools, awards, wards,
bylines, a related-news list after the body. Pages vary: clean exports, raw pages with menus,
breadcrumbs, banners, Vietnamese weekday dates, bylines with dates, photo captions.

The output is committed; the same seed writes the same files.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parents[1] / "assets"
COUNT = 130
SEED = 20251126


def plain(text: str) -> str:
    """Vietnamese without marks, as English-language pages print names (Đặng → Dang)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def ident(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", plain(name).lower()).strip("-")


# -- people, by class -------------------------------------------------------------------------
KINH_FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
                 "Dương", "Đinh", "Trịnh"]
RARE_FAMILIES = ["Cấn", "Bạch", "Khuất", "Kiều", "Lục", "Mạc", "Nghiêm", "Ông", "Phí", "Quách", "Tạ",
                 "Thân", "Tăng", "Tôn", "Vương", "Triệu", "Giang", "Đàm", "Khổng", "Doãn", "Nhữ"]
PLACE_FAMILIES = ["Hà", "Cao", "Lâm", "Thái", "Tô", "La"]
MIDDLES_MEN = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Đình", "Xuân", "Quang", "Trọng"]
MIDDLES_WOMEN = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Hoài"]
GIVENS = ["Hùng", "Tuấn", "Dũng", "Hải", "Sơn", "Bình", "Hạnh", "Lan", "Hương", "Phúc", "Thắng",
          "Khoa", "Tài", "Trung", "Hiếu", "Cường", "Lộc", "Thảo", "Nga", "Quyết", "Toàn", "Vinh",
          "Đạt", "Khánh", "Trí", "Thành", "Phong", "Tâm", "Hậu", "Duy", "Kiên", "Nhung", "Yến"]
HMONG = [("Giàng", "A", "Páo"), ("Sùng", "Thị", "Mỷ"), ("Vàng", "Seo", "Chư"), ("Thào", "A", "Dế"),
         ("Mùa", "A", "Sử"), ("Lầu", "Mí", "Chía"), ("Hờ", "A", "Lử"), ("Ly", "Seo", "Pó"),
         ("Chang", "A", "Tủa"), ("Vừ", "Thị", "Dua"), ("Sùng", "A", "Xá"), ("Giàng", "Thị", "Của"),
         ("Thào", "Mí", "Pàng"), ("Vàng", "A", "Sình")]
THAI_TAY = [("Lò", "Văn", "Pánh"), ("Lường", "Văn", "Thắng"), ("Cầm", "Thị", "Hiên"),
            ("Quàng", "Văn", "Khương"), ("Vi", "Văn", "Tân"), ("Lèo", "Thị", "Ngọc"),
            ("Cút", "Văn", "Mạnh"), ("Sầm", "Văn", "Bình"), ("Tòng", "Văn", "Lả"),
            ("Nông", "Văn", "Dìn"), ("Bế", "Thị", "Hằng"), ("Ma", "Văn", "Lực"), ("Lục", "Văn", "Sáng")]
DAO = [("Tẩn", "Láo", "Lở"), ("Bàn", "Văn", "Sơn"), ("Triệu", "Tài", "Vần"), ("Phàng", "A", "Sì"),
       ("Chảo", "Láo", "San"), ("Lý", "Láo", "Chài"), ("Bàn", "Thị", "Mấy")]
HIGHLANDS = ["Y Kông Niê", "Y Blô Mlô", "H'Nhi Niê", "H'Liêm Êban", "Nay Y Lăng", "Ksor Nhôn",
             "Siu Đen", "Rơ Châm Hưng", "Kpă Thuyên", "Rah Lan Chung", "Y Thông Byă", "H'Bia Mlô",
             "Nay Hơ Lan", "Ksor Y Gin", "Rơ Mah Tuân", "Y Siêng Ênuôl"]
FOREIGN = {
    "Chinese": ["Zhang Wei", "Wang Hao", "Chen Ming", "Liu Yang", "Huang Jun"],
    "South Korean": ["Park Ji-hoon", "Kim Min-jun", "Lee Seung-woo", "Choi Dong-hyun"],
    "Cambodian": ["Sok Dara", "Chan Sophea", "Heng Vuthy"],
    "Lao": ["Somphone Keo", "Bounmy Thavy", "Khamla Sengdara"],
    "Thai": ["Somchai Wongsa", "Anan Rattana"],
    "Japanese": ["Hiroshi Tanaka", "Yuki Sato"],
    "Russian": ["Ivan Petrov", "Oleg Sokolov"],
    "British": ["David Kerr", "Peter Holm"],
    "German": ["Anna Schmidt", "Jonas Weber"],
}
ENVOYS = [("US", "Marc E. Knapper", "Marc Knapper"), ("Australian", "Gillian Bird", "Gillian Bird"),
          ("Japanese", "Ito Naoki", "Ito Naoki"), ("French", "Olivier Brochet", "Olivier Brochet"),
          ("Indian", "Sandeep Arya", "Sandeep Arya")]
ROLES = ["Lieutenant Colonel", "Colonel", "Major", "Senior Lieutenant", "Captain", "Major General",
         "Deputy Director", "Chairman of the provincial People's Committee", "lawyer", "defendant",
         "suspect", "Judge"]

# Not people: things named after people, and places shaped like names.
THINGS = ["Lê Quý Đôn High School", "Trần Hưng Đạo Award", "Hùng Vương Street", "Nguyễn Trãi Road",
          "Nguyễn Văn Cừ Street", "Lê Duẩn Street", "Trần Phú Road", "Võ Văn Kiệt Avenue",
          "Phạm Văn Đồng Bridge", "Phan Châu Trinh High School", "Tôn Đức Thắng University",
          "Nguyễn Tri Phương Hospital", "Võ Trường Toản Award", "Nguyễn Du Ward",
          "Trần Hưng Đạo Ward", "Lê Lợi Street", "Hai Bà Trưng Street", "Ho Chi Minh Mausoleum",
          "Nguyễn Đức Cảnh Fund", "Lý Tự Trọng Street", "Đinh Tiên Hoàng Street"]
NAME_PLACES = ["Phan Thiết", "Hoàng Mai district", "Lý Sơn Island", "Mai Châu", "Cam Ranh", "Hạ Long Bay"]


@dataclass(slots=True)
class Person:
    name: str
    short: str
    cls: str
    known: str | None = None


@dataclass(slots=True)
class Page:
    lines: list[str] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    date: str | None = None
    title: str = ""
    title_prefix: bool = False
    author: str | None = None
    source: str | None = None
    cls: str = ""


def read_places() -> list[tuple[str, str, str]]:
    with (ASSETS / "places.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    # Places whose bare name is ambiguous in prose are left to the unit tests.
    skip = {"thua-thien-hue", "ho-chi-minh", "da-lat", "vung-tau"}
    return [(r["id"], r["name"], r["name_en"]) for r in rows if r["id"] not in skip]


def read_known() -> list[tuple[str, str, str]]:
    with (ASSETS / "people.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"], r["name"], r["name_en"]) for r in rows]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.places = read_places()
        self.known = read_known()

    # -- names ----------------------------------------------------------------------------
    def kinh(self, families: list[str]) -> Person:
        rng = self.rng
        family = rng.choice(families)
        middle = rng.choice(MIDDLES_MEN + MIDDLES_WOMEN)
        given = rng.choice(GIVENS)
        return Person(f"{family} {middle} {given}", given, "kinh" if families is KINH_FAMILIES else
                      "kinh-rare" if families is RARE_FAMILIES else "place-family")

    def person(self, cls: str) -> Person:
        rng = self.rng
        if cls in ("kinh", "kinh-rare", "place-family"):
            pool = {"kinh": KINH_FAMILIES, "kinh-rare": RARE_FAMILIES, "place-family": PLACE_FAMILIES}
            return self.kinh(pool[cls])
        if cls == "kinh-two":
            family, given = rng.choice(RARE_FAMILIES + KINH_FAMILIES[:8]), rng.choice(GIVENS)
            return Person(f"{family} {given}", given, cls)
        if cls in ("hmong", "thai-tay", "dao"):
            family, middle, given = rng.choice({"hmong": HMONG, "thai-tay": THAI_TAY, "dao": DAO}[cls])
            return Person(f"{family} {middle} {given}", given, cls)
        if cls == "highlands":
            name = rng.choice(HIGHLANDS)
            return Person(name, name.split()[-1], cls)
        if cls == "known":
            pid, name, _ = rng.choice(self.known)
            return Person(name, name.split()[-1], cls, known=pid)
        nationality = rng.choice(sorted(FOREIGN))
        name = rng.choice(FOREIGN[nationality])
        return Person(name, name.split()[0] if nationality in ("Chinese", "South Korean", "Cambodian")
                      else name.split()[-1], cls)

    def spell(self, person: Person, marks: bool) -> tuple[str, str]:
        if marks or person.cls in ("foreign", "envoy"):
            return person.name, person.short
        if person.known:
            return plain(person.name), plain(person.short)
        return plain(person.name), plain(person.short)

    def place(self, marks: bool) -> tuple[str, str]:
        pid, name, name_en = self.rng.choice(self.places)
        return pid, name if marks else name_en


# -- prose --------------------------------------------------------------------------------
LEADS = [
    "Police in {place} on {day} arrested {who} for trafficking {n} kilogrammes of heroin across the border.",
    "The People's Court of {place} on {day} sentenced {who} to {n} years in prison for fraud.",
    "Investigators in {place} have detained {who} on suspicion of running an online gambling ring.",
    "{Who} was caught on {day} while transporting synthetic drugs through a mountain pass in {place}.",
    "Border guards in {place} stopped {who} carrying {n} bricks of heroin on a forest trail.",
    "A court in {place} has ordered {who} to repay victims of a land sale scam worth billions of dong.",
    "Police in {place} said on {day} that {who} had confessed to selling fake investment products.",
]
MIDDLES = [
    "According to the investigation, {who} had recruited couriers from villages near the border.",
    "{Who} told investigators that the money went to a partner in {place}.",
    "The case was transferred to the police of {place}, who had followed {who} for months.",
    "Officers seized phones, cash and a motorbike at the home of {who}.",
    "Among those questioned was {who}, who lives in a commune in {place}.",
    "The investigation also involved {who}, a resident of {place}.",
]
REFS = [
    "{short} admitted the charges at the hearing.",
    "{short} has been held in custody since the arrest.",
    "Police said {short} had a previous conviction for theft.",
]
CLOSERS = [
    "The case is being expanded, police said.",
    "Police urged residents to report suspicious transactions.",
    "The provincial police said the route had been used for years.",
    "Anyone with information has been asked to contact the local police station.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_VI = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MENU = ["Home", "News | Politics | Society | World | Business | Sports", "Home > Society > Law",
        "|", "1", "2", "ADVERTISEMENT", "Login", "Search", "Life", "Travel", "Opinion", "Video"]
AUTHORS = ["Hoàng Phong", "Minh Anh", "Thu Hằng", "T.H.", "Khánh Linh", "Đức Tuấn", "Vân Anh"]
AGENCIES = ["VNA", "VNS", "VGP", "Reuters", "AFP"]
HEADS = [
    "{place} police bust cross-border drug ring",
    "Man sentenced to {n} years for online fraud in {place}",
    "Police arrest {n} over gambling ring in {place}",
    "Heroin seized on forest trail in {place}",
    "Court jails land scam suspects in {place}",
]


class ArticleWriter:
    def __init__(self, writer: Writer, index: int) -> None:
        self.w = writer
        self.rng = writer.rng
        self.index = index
        self.page = Page()
        self.marks = self.rng.random() < 0.5

    def mention(self, person: Person) -> tuple[str, str]:
        full, short = self.w.spell(person, self.marks)
        pid = person.known or ident(person.name)
        self.page.people.setdefault(pid, person.cls)
        return full, short

    def place(self) -> str:
        pid, name = self.w.place(self.marks)
        self.page.places.add(pid)
        return name

    def written(self, person: Person, cls: str) -> str:
        """The first mention, with the cue its class needs."""
        rng = self.rng
        full, _ = self.mention(person)
        if cls == "foreign":
            nationality = next(k for k, v in FOREIGN.items() if person.name in v)
            form = rng.randrange(5)
            if form == 0:
                return f"{nationality} national {full}"
            if form == 1:
                return f"{full}, {rng.randint(21, 66)}, a {nationality} citizen,"
            if form == 2:
                return f"a {nationality} man named {full}"
            if form == 3:
                return f"suspect {full}"
            return f"{nationality} businessman {full}"
        if cls == "age":
            return f"{full}, {rng.randint(19, 70)},"
        if cls in ("hmong", "thai-tay", "dao", "highlands", "kinh-rare", "place-family", "kinh"):
            if rng.random() < 0.4:
                return f"{rng.choice(ROLES[:5])} {full}"
            return full
        if cls == "kinh-two":
            return full
        return full

    def sentence(self, template: str, who: str) -> str:
        rng = self.rng
        place = self.place() if "{place}" in template else ""
        text = template.format(place=place, day=rng.choice(DAYS), n=rng.randint(2, 40),
                               who=who, Who=who[:1].upper() + who[1:])
        return re.sub(r",\s*,", ",", text)

    def write(self) -> Page:
        rng = self.rng
        page = self.page
        classes = ["kinh", "kinh-rare", "kinh-two", "place-family", "hmong", "thai-tay", "dao",
                   "highlands", "foreign", "age", "list", "envoy", "known", "caps", "minority-list"]
        cls = classes[self.index % len(classes)]
        page.cls = cls
        body: list[str] = []
        mixed = ("age", "list", "envoy", "caps", "minority-list")
        people = [self.w.person(cls if cls not in mixed else
                                rng.choice(["foreign", "kinh", "hmong", "highlands", "dao"]))
                  for _ in range(2)]
        if people[0].name == people[1].name:
            people.pop()
        for number, person in enumerate(people):
            who = self.written(person, "age" if cls == "age" else person.cls)
            body.append(self.sentence(rng.choice(LEADS if number == 0 else MIDDLES), who))
            if rng.random() < 0.6:
                body.append(rng.choice(REFS).format(short=self.mention(person)[1]))
        if cls == "list":
            names = [self.w.person("kinh") for _ in range(3)]
            names = [n for i, n in enumerate(names) if n.name not in {m.name for m in names[:i]}]
            written = [self.mention(n)[0] for n in names]
            listed = ", ".join(written[:-1]) + " and " + written[-1] if len(written) > 1 else written[0]
            role = rng.choice(["the late ministers", "defendants", "suspects", "officers"])
            body.append(f"The court also heard from {role} {listed}.")
        if cls == "minority-list":
            names = [self.w.person(rng.choice(["hmong", "dao", "thai-tay", "highlands"])) for _ in range(3)]
            names = [n for i, n in enumerate(names) if n.name not in {m.name for m in names[:i]}]
            written = [self.mention(n)[0] for n in names]
            listed = ", ".join(written[:-1]) + " and " + written[-1] if len(written) > 1 else written[0]
            body.append(f"Police named the {rng.choice(['suspects', 'couriers', 'men'])} as {listed}.")
        if cls == "caps":
            self.caps = self.w.person(rng.choice(["kinh", "hmong", "place-family"]))
            self.mention(self.caps)
        if cls == "envoy":
            nationality, full, short = rng.choice(ENVOYS)
            pid = ident(full)
            page.people.setdefault(pid, "envoy")
            body.append(f"{nationality} Ambassador {full} met Deputy Minister of Public Security "
                        f"{self.mention(self.w.person('kinh'))[0]} in {self.place()} on {rng.choice(DAYS)}.")
            body.append(f"{short} said the two sides would share information on transnational crime.")
        if cls == "known":
            extra = self.w.person("known")
            body.append(f"Party leader {self.mention(extra)[0]} has asked the force to act "
                        f"firmly against corruption.")
        # Distractors that are not people.
        if rng.random() < 0.6:
            thing = rng.choice(THINGS)
            body.append(f"The group rented a flat on {thing if self.marks else plain(thing)} "
                        "to store the goods.")
        if rng.random() < 0.35:
            spot = rng.choice(NAME_PLACES)
            body.append(f"Part of the money was spent on a hotel in {spot if self.marks else plain(spot)}.")
        if rng.random() < 0.3:
            body.append(rng.choice([
                "The Director of the Provincial Police Department chaired the meeting.",
                "Deputy Minister of Public Security and the Head of the Criminal Police attended.",
                "Golden Triangle Trading Company was named in the indictment.",
                "Dark Web forums advertised the drugs, according to the Cyber Security Department.",
                "Long Bien Bridge was closed for two hours during the operation.",
            ]))
        if rng.random() < 0.2:
            body.append("Long queues formed at the checkpoint, and Can Tho police were not involved."
                        if rng.random() < 0.5 else "Senior officers said the plan would be reviewed.")
            if "Can Tho" in body[-1]:
                page.places.add("can-tho")
        body.append(rng.choice(CLOSERS))
        if rng.random() < 0.25:
            self.glue(body)
        self.layout(body)
        return page

    def glue(self, body: list[str]) -> None:
        """Scraping damage: a lost space before a name."""
        for index, paragraph in enumerate(body):
            match = re.search(r"(arrested|detained|sentenced) ([A-ZÀ-Ỹ])", paragraph)
            if match:
                body[index] = paragraph[:match.start(1)] + match[1] + match[2] + \
                    paragraph[match.end():]
                return

    def layout(self, body: list[str]) -> None:
        rng = self.rng
        page = self.page
        year, month, day = 2025, rng.randint(1, 12), rng.randint(1, 28)
        page.date = f"{year:04d}-{month:02d}-{day:02d}"
        head_id, head_place = self.w.place(self.marks)
        page.title = rng.choice(HEADS).format(place=head_place, n=rng.randint(2, 9))
        shape = rng.randrange(6)
        if shape != 3:
            page.places.add(head_id)
        lines: list[str] = []
        if getattr(self, "caps", None) is not None and shape != 4:
            shape = 4
            page.places.add(head_id)
        if shape == 0:  # raw page: long menu, Vietnamese weekday date, byline
            lines += rng.sample(MENU, 10) + rng.sample(MENU, 4)
            lines.append(page.title)
            weekday = WEEKDAYS_VI[rng.randrange(7)]
            clock = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
            lines.append(f"{weekday}, {day:02d}/{month:02d}/{year} - {clock}")
        elif shape == 1:  # clean export, English date, byline and date on one line
            lines.append(page.title)
            author = rng.choice(AUTHORS)
            page.author = author
            lines.append(f"By {author} | {MONTHS[month - 1]} {day}, {year}")
        elif shape == 2:  # Vietnamese long date, translator byline
            lines.append(page.title)
            lines.append(f"Ngày {day} tháng {month} năm {year}")
            author, translator = rng.sample(AUTHORS, 2)
            page.author = f"{author}, translated by {translator}"
            lines.append(f"By {author} – Translated by {translator}")
        elif shape == 3:  # date marker, no headline: the title is the first sentence
            first = body[0]
            page.title = first.rstrip(".")
            page.title_prefix = True
            lines.append(f" date {page.date} {first}")
            body = body[1:]
        elif shape == 4:  # headline in capitals, month name with a comma
            caps = getattr(self, "caps", None)
            if caps is not None:
                page.title = f"{self.w.spell(caps, self.marks)[0]} jailed for fraud in {head_place}"
            lines.append(page.title.upper())
            page.title = page.title.upper()
            lines.append(f"{MONTHS[month - 1]}, {day} {year}")
        else:  # Ngày label, story and photos byline, agency at the end
            lines.append(page.title)
            lines.append(f"Ngày {day:02d}/{month:02d}/{year}")
            author = rng.choice(AUTHORS)
            page.author = author
            lines.append(f"Story and photos: {author}")
        if rng.random() < 0.3 and shape != 3:
            lines.append(f"Officers at the scene in {plain(head_place)}, {MONTHS[(month + 3) % 12]} "
                         f"{day}, {year - 1}. Photo: {rng.choice(AGENCIES)}")
        lines += body
        if rng.random() < 0.5:
            agency = rng.choice(AGENCIES)
            lines[-1] = lines[-1] + f" — {agency}"
            page.source = agency
        if rng.random() < 0.4:
            lines.append(rng.choice(["Related news", "Read more", "Other news"]))
            other = self.w.person("kinh")
            _, name = self.w.place(self.marks)
            lines.append(f"{plain(other.name)} arrested for fraud in {name}")
            city = rng.choice(["Hanoi", "Hai Phong", "Da Nang"])
            lines.append(f"Police in {city} seize smuggled cigarettes")
        page.lines = lines

    def text(self) -> str:
        return "\n\n".join(self.page.lines) + "\n"


def main() -> int:
    rng = random.Random(SEED)
    writer = Writer(rng)
    out = HERE / "articles"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    with (HERE / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for index in range(COUNT):
            article = ArticleWriter(writer, index)
            page = article.write()
            name = f"{index:03d}.txt"
            (out / name).write_text(article.text(), encoding="utf-8")
            truth.write(json.dumps({
                "path": name, "class": page.cls, "date": page.date, "title": page.title,
                "title_prefix": page.title_prefix, "author": page.author, "source": page.source,
                "places": sorted(page.places), "people": page.people,
            }, ensure_ascii=False) + "\n")
    print(f"{COUNT} articles in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
