"""The words synthetic articles are made of: names, titles, sentence templates, page debris.

Templates mark what they name with slots, so the generator knows the truth by construction:
`{P}` a place, `{X}` a person introduced with title and full name, `{S}` a later short
reference to someone already introduced, `{T}` that person's title alone. Numbers (`{N}`,
`{M}`, `{K}`) and days (`{WD}`, `{MD}`) only make texts differ. Any other capitalised word in
a template is an organisation or a common noun, never a name that a reader would count.
"""

from __future__ import annotations

FAMILIES = (
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh",
    "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lương", "Đinh",
    "Trịnh", "Đào", "Mai", "Tạ", "Chu", "Lưu", "Kiều", "Quách", "Triệu", "Đoàn", "Vương",
    "Trương", "Tống", "Châu", "Nghiêm", "Thân", "Giáp", "Mạc", "Lại", "Tăng", "Doãn", "Phùng",
    "Khổng", "Hứa", "Diệp",
)
"""Common family names (with Nguyễn, Trần, Lê and Phạm as frequent as in life)."""

MIDDLES = (
    "Văn", "Văn", "Thị", "Thị", "Quốc", "Minh", "Đức", "Hữu", "Thanh", "Ngọc", "Xuân", "Công",
    "Đình", "Hoài", "Anh", "Bá", "Kim", "Mạnh", "Trọng", "Tuấn", "Quang", "Hồng", "Thế", "Duy",
    "Tiến", "Thu", "Phương", "Khắc", "Viết", "Như",
)

GIVENS = (
    "Bình", "Hải", "Hùng", "Dũng", "Tuấn", "Nam", "Sơn", "Phong", "Thắng", "Linh", "Hương",
    "Lan", "Trung", "Kiên", "Thành", "Tâm", "Hoa", "Hạnh", "Thảo", "Quân", "Khoa", "Đạt",
    "Hiếu", "Huy", "Cường", "Phúc", "Lộc", "Thịnh", "Vinh", "Hòa", "Hiền", "Ngân", "Trang",
    "Nhung", "Tú", "Quyết", "Toàn", "Thủy", "Yến", "Hoàng", "Minh", "Khánh", "Long", "Giang",
    "Hà", "Anh", "Việt", "Đông", "Tiến", "Chiến", "Nghĩa", "Hưng", "Lực", "Thuận", "Tùng",
    "Oanh", "Uyên", "Nguyệt", "Khuê", "Điệp", "An", "Mỹ",
)
"""Given names; `An` and `Mỹ` are common in life and also English words in folded form."""

TITLES = (
    "Colonel", "Colonel", "Lieutenant Colonel", "Senior Lieutenant Colonel", "Major General",
    "Lieutenant General", "Senior Lieutenant General", "Major", "Captain", "Senior Lieutenant",
    "Deputy Minister", "Director", "Deputy Director", "Judge", "Prosecutor", "Inspector",
    "Mr", "Ms", "Chairman",
)

ROLES = (
    "director of the {P} Department of Public Security",
    "deputy director of the {P} Department of Public Security",
    "head of the criminal police division of {P} police",
    "chief of the drug crime investigation unit in {P}",
    "deputy head of the {P} traffic police",
    "commander of the mobile police regiment stationed in {P}",
    "spokesperson for the {P} police",
    "head of the cybersecurity division of the Ministry of Public Security",
    "deputy director of the Police Department for Drug-related Crime Investigation",
    "head of the investigation team",
    "chief of the local police station",
)

KNOWN_PEOPLE = {
    "to-lam": (("General Secretary", "Party General Secretary"), ("General Secretary",)),
    "luong-cuong": (("President", "State President"), ("President",)),
    "luong-tam-quang": (("Minister of Public Security General", "Senior General", "Minister"),
                        ("Minister", "General")),
    "nguyen-phu-trong": (("former Party General Secretary", "Party General Secretary"),
                         ("General Secretary",)),
    "le-quoc-hung": (("Deputy Minister", "Senior Lieutenant General", "Deputy Minister of "
                      "Public Security Senior Lieutenant General"), ("Deputy Minister",)),
    "le-hoai-trung": (("Minister of Foreign Affairs", "Minister"), ("Minister",)),
}
"""Gazetteer people: titles for the first mention, and for a later titled short reference."""

UNTITLED_INTROS = (
    "{X}, {K}, a resident of {P}",
    "{X}, {K}, from {P}",
    "{X} ({K}, residing in {P})",
)
"""People without a title: the full three-word name alone tells a reader it is a person."""

HEADLINES = (
    "{P} police dismantle drug ring, seize {K} kg of narcotics",
    "{P} police arrest {N} suspects in online gambling case",
    "Police in {P} bust cross-border smuggling network",
    "{P} steps up crackdown on high-tech crime",
    "{H} urges stronger action against cybercrime",
    "{H} chairs conference on public security work",
    "Traffic police in {P} tighten checks ahead of Tet holiday",
    "{P} prosecutes {N} people for fraud worth VND{M} billion",
    "Fire prevention drills held across {P}",
    "{H} visits police force in {P}",
    "Court in {P} sentences drug traffickers",
    "Police from {P} and {P} cooperate to catch fugitive",
)
"""Sentence-case headlines without a final full stop; `{H}` is a gazetteer person."""

LEADS = (
    "Police in {P} have arrested {N} people suspected of running an online gambling ring that "
    "moved more than VND{M} billion, {X} said on {WD}.",
    "{X} on {WD} chaired a conference in {P} to review the fight against drug crime in the "
    "first {MO} months of the year.",
    "The {P} Department of Public Security said on {WD} that it had dismantled a cross-border "
    "drug trafficking ring and seized {K} kg of synthetic drugs.",
    "{X} on {WD} asked the police force in {P} to step up the fight against high-tech crime "
    "and online fraud.",
    "Investigators in {P} have prosecuted {N} people for appropriating assets through fraud, "
    "according to {X}.",
    "The {P} Department of Public Security on {WD} held a conference chaired by {X} to review "
    "the fight against drug crime.",
    "A court in {P} on {WD} handed down sentences to {N} defendants in a case of smuggling "
    "and money laundering worth VND{M} billion.",
)

PERSON_LINES = (
    "{X} said the force would continue to review every report of fraud and to warn residents "
    "about new tricks used by criminals.",
    "Speaking at the meeting, {X} praised the officers who had worked for months to gather "
    "evidence in the case.",
    "The task force was led by {X}.",
    "Among the officials present was {X}.",
    "The investigation was supervised by {X}, who said the network had operated since {MD}.",
    "{X} told reporters that the case was one of the largest of its kind this year.",
    "The suspects include {U}, who allegedly recruited couriers through social media.",
    "According to the indictment, {U} managed the accounts that received the money.",
)
"""Sentences that introduce a person in full (`{U}` is someone introduced without a title)."""

SUSPECT_LINES = (
    "{S} told investigators that the money had been sent abroad.",
    "{S} admitted to the charges during questioning.",
    "Police said {S} had been warned twice before.",
    "{S} was later placed under temporary detention.",
)
"""Short references that suit a suspect or witness rather than an official."""

SHORT_LINES = (
    "{S} said the force would not tolerate any violation of the law.",
    "{S} also asked local police to keep a close watch on residential areas.",
    "According to {T} {S}, the suspects had used dozens of bank accounts.",
    "“We will pursue every lead in this case,” {S} said.",
    "{S} added that the results showed the value of cooperation between localities.",
    "{T} {S} called on residents to report suspicious activity to the nearest police station.",
    "In his remarks, {S} stressed the need for discipline and integrity in the force.",
    "{S} noted that {N} officers had been commended for their work.",
)

PLACE_LINES = (
    "Similar cases have been recorded in {P} and {P} since the start of the year.",
    "Officers from {P} coordinated with their counterparts in {P} to track the suspects.",
    "The suspects were detained at a rented house in {P} on {WD} morning.",
    "Police in {P} have launched a campaign to raise public awareness of online scams.",
    "The ring transported the drugs from {P} to {P} in trucks carrying farm produce.",
    "A similar operation in {P} last month led to the seizure of {K} kg of heroin.",
    "Authorities in {P} have set up checkpoints on the main roads leading to the border.",
    "The case has been transferred to the People's Procuracy of {P} for prosecution.",
    "Residents of {P} were asked to report any suspicious transactions to the police.",
)

FILLER = (
    "The police force will continue to strengthen its capacity to protect security and order.",
    "Officers seized {N} mobile phones, {K} bank cards and VND{M} million in cash.",
    "The suspects confessed to their acts during questioning.",
    "The case is being further investigated.",
    "Investigators said the ring had recruited members through messaging apps.",
    "Authorities warned that criminals were increasingly using fake websites to lure victims.",
    "The meeting also reviewed the results of the campaign against human trafficking.",
    "More than {N} officers took part in the operation, which lasted {K} days.",
    "Cybercrime has become more sophisticated, with criminals posing as officials and bank "
    "staff.",
    "The sector aims to make half of all communes free of drugs by the end of the decade.",
    "Victims lost a total of VND{M} billion, according to the investigation.",
    "Traffic accidents fell by {K} percent compared with the same period last year.",
    "On {MD}, the investigation agency decided to initiate criminal proceedings.",
    "The police force has also focused on administrative reform and digital transformation.",
    "The defendants were found guilty of illegally trading and transporting narcotics.",
    "International cooperation in fighting transnational crime will continue to be expanded.",
    "The conference evaluated the results achieved in the first {MO} months of the year.",
    "The operation was carried out under the direction of the Ministry of Public Security.",
)

DISTRACTORS = (
    ("The campaign follows the teachings of President Ho Chi Minh on the people's police.",
     (), ("ho-chi-minh",)),
    ("The hearing took a long and complicated course before the verdict was read.", (), ()),
    ("Several of the victims were tourists who had visited Ha Long Bay in Quang Ninh.",
     ("quang-ninh",), ()),
    ("The suspects had earlier travelled to Vinh city, Nghe An, to meet their buyers.",
     ("nghe-an",), ()),
    ("Colonel Nguyễn Thị Huế, head of the economic police division, said the case was closed.",
     (), ("nguyen-thi-hue",)),
)
"""Sentences with near-names: (text, places, people) a careful reader would list. Huế is a
common given name as well as a city; here it is only the colonel's name."""

DEBRIS = ("Print", "Share", "00:00", "Tweet", "Email", "Back to top", "Zalo")
PHOTO_WORDS = ("photo", "canh", "hop", "tk1", "lht", "anh bia", "hien truong")
BYLINES = ("Cong Tuan", "Thanh Ha", "Minh Anh", "Hong Nhung", "Quoc Viet", "Duc Binh")
AGENCY_ENDINGS = (" — VNS", " (VNA)", "/.", " - VGP", "")
LEAD_PREFIXES = ("VGP - ", "(VNA) – ", "", "", "")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# -- harder classes of names (issue 10), written here independently of the recogniser --------
RARE_FAMILIES = ("Cấn", "Bạch", "Khuất", "Lục", "Ông", "Phí", "Tôn", "Nông", "Bế", "Đàm", "Nhữ",
                 "Mẫn", "Văn", "Lã", "Ninh", "Cù", "Thạch", "Hầu")
"""Less common Kinh, Tày and Nùng family names."""
PLACE_FAMILIES = ("Hà", "Cao", "Lâm", "Thái", "Tô", "La")
"""Family names that also begin place names (Hà Nam, Cao Bằng, Lâm Đồng, Thái Bình)."""
HMONG = (("Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Lầu", "Hờ", "Vừ", "Chang"),
         ("A", "Thị", "Seo", "Mí", "Chứ"),
         ("Páo", "Sử", "Dế", "Chư", "Pó", "Lử", "Chía", "Dua", "Mỷ", "Tủa", "Xá", "Pàng", "Sình"))
THAI_TAY = (("Lò", "Lường", "Cầm", "Quàng", "Lèo", "Cút", "Sầm", "Tòng", "Điêu"),
            ("Văn", "Thị"),
            ("Pánh", "Khương", "Tân", "Lả", "Hiên", "Ngọc", "Mạnh", "Dìn", "Sáng", "Ún"))
DAO = (("Tẩn", "Bàn", "Phàng", "Chảo", "Chìu"),
       ("Láo", "Văn", "Tài", "Thị", "A"),
       ("Lở", "San", "Vần", "Sì", "Chài", "Mấy", "Quẩy"))
HIGHLANDS = ("Y Kông Niê", "Y Blô Mlô", "H'Nhi Niê", "H'Liêm Êban", "Nay Y Lăng", "Ksor Nhôn",
             "Siu Đen", "Rơ Châm Hưng", "Kpă Thuyên", "Rah Lan Chung", "Y Thông Byă", "H'Bia Mlô",
             "Nay Hơ Lan", "Rơ Mah Tuân", "Y Siêng Ênuôl", "Ksor Y Gin")
FOREIGN = ("Zhang Wei", "Wang Hao", "Chen Ming", "Liu Yang", "Park Ji-hoon", "Kim Min-jun",
           "Lee Seung-woo", "Sok Dara", "Chan Sophea", "Somphone Keo", "Bounmy Thavy",
           "Somchai Wongsa", "Hiroshi Tanaka", "Ivan Petrov", "David Kerr", "Anna Schmidt")
FOREIGN_TITLES = ("Chinese national", "South Korean national", "suspect", "lawyer", "Ambassador",
                  "Mr", "Cambodian citizen", "defendant")
"""What marks a foreign name as a person in prose: it has no Vietnamese shape to go by."""
NAME_CLASSES = (("kinh", 62), ("kinh-rare", 8), ("place-family", 6), ("hmong", 7), ("thai-tay", 5),
                ("dao", 4), ("highlands", 4), ("foreign", 4))
"""How often each class of invented name appears (weights)."""
