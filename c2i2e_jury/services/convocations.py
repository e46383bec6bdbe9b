"""Convocations to the oral: one PDF letter per admitted candidate and the mail-merge CSV, into one folder.

Only once the admission list is final (the day after the deposit closed: before, a candidate may still deposit
or redeposit), and only when every admitted candidate has a date, a time and a room: a convocation without them
says nothing, so the whole batch is refused, naming who lacks what, and nothing is written. The letters state
the oral as it stands today, so a date changed in the register (:mod:`.registers`) prints the new date.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.convocation_pdf import Convocation, mail_merge_csv, render_convocation
from c2i2e_jury.files import file_name_part, fsync_folder, write_durably
from c2i2e_jury.services.admission import (
    AdmissionList,
    DossierProgress,
    ReworkProvider,
    admission_list,
    recorded_rework_states,
)
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign

log = logging.getLogger(__name__)

MAIL_MERGE_NAME = "convocations-publipostage.csv"


class ConvocationError(UserError):
    """Convocations cannot be made now (French: the secretariat reads it)."""


@dataclass(frozen=True)
class ConvocationReport:
    folder: Path
    letters: tuple[Path, ...]
    mail_merge: Path
    not_admitted: tuple[tuple[str, str], ...]  # (« NOM Prénom (id) », reason)


def file_name(c: Convocation) -> str:
    """``convocation_<id>_<nom>_<prénom>.pdf``, safe on any file system (the one rule, :func:`file_name_part`)."""
    parts = (
        file_name_part(c.candidate_id, "candidat", lower=False),
        file_name_part(c.last_name, "nom"),
        file_name_part(c.first_name, "prenom"),
    )
    return "convocation_" + "_".join(parts) + ".pdf"


def _missing(row: DossierProgress) -> str:
    lacks = [
        label
        for label, value in (("date", row.oral_date), ("heure", row.oral_time), ("salle", row.room))
        if not value
    ]
    return (
        f"{row.full_name} ({row.candidate_id}) : {', '.join(lacks)} de l'oral non fixée(s)" if lacks else ""
    )


def convocations(db: Database, admission: AdmissionList) -> list[Convocation]:
    """The admitted candidates' convocations; refused whole while the list is provisional or a slot is missing."""
    if not admission.final:
        raise ConvocationError(
            f"Le dépôt des dossiers est ouvert jusqu'au {admission.closes:%d/%m/%Y} inclus : la liste "
            "d'admission n'est définitive que le lendemain, aucune convocation n'a été produite."
        )
    missing = [m for m in (_missing(r) for r in admission.admitted) if m]
    if missing:
        raise ConvocationError(
            f"{len(missing)} candidat(s) admis sans date, heure ou salle d'oral : complétez-les, aucune "
            "convocation n'a été produite.",
            missing,
        )
    with db.read() as session:
        campaign = session.get(Campaign, admission.campaign_id)
        assert campaign is not None
        minutes = (campaign.presentation_minutes, campaign.discussion_minutes)
    return [
        Convocation(
            r.candidate_id,
            r.last_name,
            r.first_name,
            r.email,
            r.oral_date,  # type: ignore[arg-type]  # checked by _missing
            r.oral_time,
            r.room,
            r.jury,
            *minutes,
            extra_time_percent=r.extra_time_percent,
        )
        for r in admission.admitted
    ]


def write_convocations(
    db: Database,
    campaign_id: str,
    folder: Path,
    rework_states: ReworkProvider = recorded_rework_states,
    *,
    now: Clock = utc_now,
) -> ConvocationReport:
    """Every admitted candidate's letter and the mail-merge table into ``folder`` (made if needed)."""
    admission = admission_list(db, campaign_id, rework_states, now=now)
    letters = convocations(db, admission)
    made = now().astimezone()
    rows = [(c, file_name(c)) for c in letters]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for c, name in rows:
            pdf = render_convocation(c, admission.campaign_title, made.date(), made)
            write_durably(folder / name, pdf, sync_folder=False)
        write_durably(folder / MAIL_MERGE_NAME, mail_merge_csv(rows), sync_folder=False)
        fsync_folder(folder)
    except OSError as exc:
        raise ConvocationError(
            f"Les convocations n'ont pas pu être écrites dans {folder} : {os_error_text(exc)}."
        ) from exc
    log.info("%d convocations written to %s", len(rows), folder)
    return ConvocationReport(
        folder,
        tuple(folder / name for _, name in rows),
        folder / MAIL_MERGE_NAME,
        tuple((f"{r.full_name} ({r.candidate_id})", reason) for r, reason in admission.not_admitted),
    )
