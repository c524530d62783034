"""Date lines in the shapes news sites print them, each read the way the site meant it.

Numeric dates are written day first (`12/11/2025` is 12 November), as Vietnamese sites do.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from vocabulary import MONTHS, WEEKDAYS

FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2026, 1, 31)


def random_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _clock12(rng: random.Random) -> tuple[int, int, str]:
    return rng.randint(1, 12), rng.randrange(60), rng.choice(("AM", "PM"))


def _wire(day: dt.date, rng: random.Random) -> str:
    hour, minute, half = _clock12(rng)
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year} {hour}:{minute:02d} {half} GMT+7"


def _slashed(day: dt.date, rng: random.Random) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _weekday(day: dt.date, rng: random.Random) -> str:
    return (f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year} - "
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}")


def _short_month(day: dt.date, rng: random.Random) -> str:
    return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def _dashed(day: dt.date, rng: random.Random) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def _piped(day: dt.date, rng: random.Random) -> str:
    hour, minute, half = _clock12(rng)
    return (f"{MONTHS[day.month - 1]} {day.day}, {day.year} | {hour:02d}:{minute:02d} "
            f"{half.lower()} GMT+7")


def _iso(day: dt.date, rng: random.Random) -> str:
    return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+07:00"


LINE_FORMS: dict[str, Callable[[dt.date, random.Random], str]] = {
    "wire": _wire, "slashed": _slashed, "weekday": _weekday, "short-month": _short_month,
    "dashed": _dashed, "piped": _piped, "iso": _iso,
}
"""Forms of a line that holds nothing but the date."""

FORM_WEIGHTS = {"wire": 14, "slashed": 14, "weekday": 10, "short-month": 10, "dashed": 8,
                "piped": 8, "iso": 8, "marker": 18, "none": 10}
"""How often each form occurs; `marker` is ` date YYYY-MM-DD ` before the first paragraph."""


def pick_form(rng: random.Random) -> str:
    forms = list(FORM_WEIGHTS)
    return rng.choices(forms, weights=[FORM_WEIGHTS[f] for f in forms])[0]


def in_prose(day: dt.date) -> str:
    """A date inside a sentence or caption: it never gives the article its date."""
    return f"{MONTHS[day.month - 1]} {day.day}"
