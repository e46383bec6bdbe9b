"""A campaign package's calendar and oral length, against the seed: orals after the deposit closes (the evaluator
reads every dossier first), each candidate's oral within the campaign's oral period, and « 10 min de
présentation, 20 min de discussion ». A wrong date is refused with its cell named; another oral length is the
campaign's choice, warned unless ``oral_length_reason`` in campaign.json says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.format import CampaignInfo
from c2i2e_jury.exchange.package.spreadsheet_values import parse_date
from c2i2e_jury.exchange.tabular import Table

SEED_MINUTES = {"presentation_minutes": 10, "discussion_minutes": 20}
REASON_KEY = "oral_length_reason"


def _fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_periods(dates: Mapping[str, date], check: Checker) -> bool:
    """The orals begin once the deposit has closed; reports ``orals_from`` and returns False otherwise."""
    if dates["orals_from"] >= dates["deposit_closes"]:
        return True
    check.add(
        "campaign.json",
        None,
        "orals_from",
        dates["orals_from"].isoformat(),
        f"les oraux commencent avant la clôture du dépôt des dossiers (deposit_closes : "
        f"{_fr(dates['deposit_closes'])})",
    )
    return False


def check_oral_dates(table: Table, campaign: CampaignInfo, check: Checker) -> None:
    """Each candidate's ``oral_date`` within the campaign's oral period, after the deposit's closing."""
    for row in table.rows:
        raw = row.get("oral_date")
        day = parse_date(raw) if raw else None  # an unreadable date is reported where it is read
        why = oral_date_problem(day, campaign) if day else None
        if why:
            check.add(row.file, row.line, "oral_date", raw, why)


def oral_date_problem(day: date, campaign: CampaignInfo) -> str | None:
    """Why a candidate cannot be heard on ``day`` in this campaign, or None."""
    if day < campaign.deposit_closes:
        return f"oral avant la clôture du dépôt des dossiers ({_fr(campaign.deposit_closes)}, campaign.json)"
    if not campaign.orals_from <= day <= campaign.orals_to:
        return (
            f"oral hors de la période des oraux (du {_fr(campaign.orals_from)} au {_fr(campaign.orals_to)}, "
            "campaign.json)"
        )
    return None


def check_oral_length(data: Mapping[str, Any], minutes: Mapping[str, object], check: Checker) -> None:
    """Warn (not refuse) an oral other than 10 + 20 minutes unless ``oral_length_reason`` says why; a reason that
    is not text is refused."""
    reason = data.get(REASON_KEY)
    if reason is not None and not isinstance(reason, str):
        check.add("campaign.json", None, REASON_KEY, str(reason)[:100], "texte attendu")
        return
    if reason and reason.strip():
        return
    for key, expected in SEED_MINUTES.items():
        if minutes.get(key) != expected:
            check.warn(
                "campaign.json",
                None,
                key,
                str(minutes.get(key)),
                f"le cahier des charges prévoit {SEED_MINUTES['presentation_minutes']} min de présentation "
                f"et {SEED_MINUTES['discussion_minutes']} min de discussion : indiquez pourquoi cette "
                f"durée dans « {REASON_KEY} »",
            )
