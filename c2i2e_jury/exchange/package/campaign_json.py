"""``campaign.json``: the campaign's id, title, year, periods, oral length and room kit, every value checked."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from c2i2e_jury.exchange.package.checks import UNSAFE_ID, Checker, safe_identifier
from c2i2e_jury.exchange.package.dates import check_oral_length, check_periods
from c2i2e_jury.exchange.package.format import CELL_LIMITS, FORMAT, CampaignInfo
from c2i2e_jury.exchange.package.source import PackageSource, UnreadableMember


def read_campaign(source: PackageSource, root: str, check: Checker) -> CampaignInfo | None:
    name = root + "campaign.json"
    if not source.has(name):
        check.add("campaign.json", None, None, None, "fichier manquant")
        return None
    try:
        data: Any = json.loads(source.read(name).decode("utf-8-sig"))
    except UnreadableMember as exc:
        check.add("campaign.json", None, None, None, exc.why)
        return None
    except RecursionError:
        check.add("campaign.json", None, None, None, "JSON invalide (imbrication trop profonde)")
        return None
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to be one (Python's int limit)
        why = "un nombre de plus de 4300 chiffres" if "integer string conversion" in str(exc) else str(exc)
        check.add("campaign.json", getattr(exc, "lineno", None), None, None, f"JSON invalide ({why})")
        return None
    if not isinstance(data, dict):
        check.add("campaign.json", None, None, None, "un objet JSON est attendu")
        return None
    before = len(check.problems)
    check.json_text("campaign.json", data)
    if data.get("format") != FORMAT:
        check.add("campaign.json", None, "format", str(data.get("format")), f"« {FORMAT} » attendu")
    for key in ("id", "title"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            check.add("campaign.json", None, key, str(data.get(key, ""))[:100], "texte obligatoire")
    if isinstance(data.get("id"), str) and data["id"].strip() and not safe_identifier(data["id"].strip()):
        check.add("campaign.json", None, "id", data["id"][:100], UNSAFE_ID)
    for key, limit in CELL_LIMITS["campaign.json"].items():
        if isinstance(data.get(key), str) and len(data[key].strip()) > limit:
            check.too_long("campaign.json", None, key, data[key].strip(), limit)
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        check.add("campaign.json", None, "year", str(year)[:100], "année attendue (par exemple 2017)")
    dates: dict[str, date] = {}
    for key in ("deposit_opens", "deposit_closes", "orals_from", "orals_to"):
        raw = data.get(key)
        parsed = _iso_date(raw)
        if parsed is None:
            check.add("campaign.json", None, key, str(raw)[:100], "date invalide (AAAA-MM-JJ attendu)")
        else:
            dates[key] = parsed
    minutes = {}
    for key, default in (("presentation_minutes", 10), ("discussion_minutes", 20)):
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 120:
            check.add(
                "campaign.json", None, key, str(value)[:100], "nombre de minutes entre 1 et 120 attendu"
            )
        minutes[key] = value
    check_oral_length(data, minutes, check)
    kit = data.get("room_kit")
    if kit is not None and not (
        isinstance(kit, dict) and isinstance(kit.get("room"), str) and kit["room"].strip()
    ):
        check.add(
            "campaign.json",
            None,
            "room_kit",
            str(kit)[:100],
            'un kit de salle s\'écrit {"room": "nom de la salle", …} : le fichier a été modifié à la main ?',
        )
    if len(check.problems) > before or not isinstance(year, int):
        return None
    if dates["deposit_opens"] > dates["deposit_closes"] or dates["orals_from"] > dates["orals_to"]:
        check.add("campaign.json", None, None, None, "une période se termine avant de commencer")
        return None
    if not check_periods(dates, check):
        return None
    room = str(kit["room"]) if isinstance(kit, dict) else None
    return CampaignInfo(
        data["id"].strip(),
        data["title"].strip(),
        year,
        dates["deposit_opens"],
        dates["deposit_closes"],
        dates["orals_from"],
        dates["orals_to"],
        minutes["presentation_minutes"],
        minutes["discussion_minutes"],
        room,
    )


def _iso_date(raw: object) -> date | None:
    """A YYYY-MM-DD date that exists (not 2017-02-30), else None."""
    if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw, re.ASCII):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None
