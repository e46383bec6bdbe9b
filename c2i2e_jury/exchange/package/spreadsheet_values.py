"""Dates, times and percentages as spreadsheets write them (docs/FORMATS.md §1.6), so that a package saved by
LibreOffice Calc or Excel, as CSV, XLSX or ODS, reads as the one the secretariat typed: ``08:30:00`` and a day's
fraction (``0.3541…``, a time cell seen as a number), ``12/06/2017`` and a serial date (``42898``, days since
1899-12-30), ``33``, ``33 %`` and a percent cell (read as ``33 %``), decimal commas. What could be read two
ways (``0,33`` : 0.33 % or 33 %?) is refused, the cell named by the caller, with what to write instead."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel counts a 29 February 1900 that never was)
SERIALS = range(36526, 73051)  # 2000-01-01 … 2099-12-31: any other number is not a campaign's date
_TIME = re.compile(r"^(\d{1,2})\s*[:hH]\s*(?:(\d{2})(?:\s*:\s*(\d{2}))?)?$")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def number(raw: str) -> float | None:
    """``33``, ``33,5`` or ``33.5`` (a decimal comma as French spreadsheets write it); None for anything else."""
    text = raw.strip()
    return float(text.replace(",", ".")) if _NUMBER.match(text) else None


def parse_date(raw: str) -> date | None:
    """``2017-06-12``, ``12/06/2017``, ``12/06/17``, ``2017-06-12 00:00:00`` or a serial date; None otherwise."""
    raw = raw.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    serial = number(raw)
    if serial is not None and serial.is_integer() and int(serial) in SERIALS:
        return EXCEL_EPOCH + timedelta(days=int(serial))
    return None


def parse_time(raw: str) -> str | None:
    """``HH:MM`` from ``8:30``, ``08:30:00``, ``14h``, ``14 h 30`` or a day's fraction (``0.5`` is noon); None when
    it is none of them or not a whole minute (``08:30:15``)."""
    match = _TIME.match(raw.strip())
    if match:
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
    else:
        fraction = number(raw)
        if fraction is None or not 0 < fraction < 1:
            return None
        total = round(fraction * 86400)
        hours, minutes, seconds = total // 3600, total // 60 % 60, total % 60
    if hours > 23 or minutes > 59 or seconds:
        return None
    return f"{hours:02d}:{minutes:02d}"


def parse_percent(raw: str) -> tuple[int | None, str | None]:
    """An integer percentage 0–100 from ``33``, ``33 %``, ``33,0 %`` (a percent cell reads ``33 %``): (value,
    None), (None, None) when empty, or (None, why) with what to write instead."""
    text = raw.strip()
    if not text:
        return None, None
    marked = text.endswith("%")
    value = number(text.rstrip("%").strip())
    if value is not None and 0 < value < 1 and not marked:
        return (
            None,
            f"pourcentage ambigu ({text} % ou {value * 100:g} % ?) : écrivez {value * 100:g} ou {value * 100:g} %",
        )
    if value is None or not value.is_integer() or not 0 <= value <= 100:
        return None, "pourcentage entier entre 0 et 100 attendu"
    return int(value), None
