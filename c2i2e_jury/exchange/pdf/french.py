"""French as our documents print it: typography (no line break inside « … » nor before the high punctuation)
and dates in words (« lundi 15 mai 2017 »), the same on the PV, the certificates and the attendance sheets."""

from __future__ import annotations

from datetime import date

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french(text: str) -> str:
    """French typography: no line break inside « … » nor before the high punctuation."""
    text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    for mark in (":", ";", "!", "?"):
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text


def day_month_year(day: date) -> str:
    """« 15 mai 2017 », « 1er juin 2017 » (French writes the first of the month as an ordinal)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date | None) -> str:
    """« lundi 15 mai 2017 », or « date non fixée » for a day not set yet."""
    if day is None:
        return "date non fixée"
    return f"{DAYS[day.weekday()]} {day_month_year(day)}"
