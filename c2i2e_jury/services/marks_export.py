"""The evaluator signs the marks and exports them (issue 17, docs/FORMATS.md §8): one PDF per candidate, or one
for a batch, each with ``c2i2e-marks.json`` and the evaluator's PAdES signature, written whole or not at all
(:mod:`c2i2e_jury.files`) into the folder the evaluator chose (a USB key).

Only the evaluator the kit designates signs: the credential's certificate must be the one of ``jurors.csv``'s
``evaluator`` row (as only the designated president signs the PV). The marks are read from the database, where
each one was stored as it was typed: nothing is lost on a crash, and signing again later gives a newer file
that supersedes this one at the secretariat.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import select

from c2i2e_jury.clock import utc_now
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import Credential, fingerprint
from c2i2e_jury.exchange.marks_json import FORMAT
from c2i2e_jury.exchange.marks_pdf import render_marks
from c2i2e_jury.exchange.marks_signing import sign_marks
from c2i2e_jury.exchange.package.evaluators import EVALUATOR_JURY
from c2i2e_jury.files import file_name_part, fsync_folder, write_durably
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.evaluation import marks_of
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.evaluation_models import ReworkRequest
from c2i2e_jury.storage.models import Candidate, Juror

log = logging.getLogger(__name__)


class MarksExportError(UserError):
    """The marks are not signed; nothing was written."""


@dataclass(frozen=True)
class ExportedMarks:
    path: Path
    candidate_ids: tuple[str, ...]


def export_signed_marks(
    db: Database,
    campaign_id: str,
    candidate_ids: Sequence[str],
    credential: Credential,
    out_dir: Path,
    *,
    batch: bool = False,
    now: datetime | None = None,
) -> list[ExportedMarks]:
    """Sign the marks of ``candidate_ids`` (one file each, or one for all when ``batch``) into ``out_dir``."""
    if not candidate_ids:
        raise MarksExportError("Aucun candidat choisi : rien à signer.")
    now = (now or utc_now()).replace(microsecond=0)
    _check_evaluator(db, campaign_id, credential)
    entries = [_entry(db, campaign_id, cid) for cid in candidate_ids]
    groups = [entries] if batch else [[e] for e in entries]
    files = []
    for group in groups:
        marks = _document(campaign_id, credential, group, now)
        pdf = sign_marks(render_marks(marks, referential()), credential, timestamp=now)
        files.append((_file_name(credential, group, now, batch), pdf, tuple(e["id"] for e in group)))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, pdf, _ids in files:
            write_durably(out_dir / name, pdf, sync_folder=False)
        fsync_folder(out_dir)
    except OSError as exc:
        raise MarksExportError(
            f"Impossible d'écrire les notes dans {out_dir} : {exc.strerror or exc}."
        ) from exc
    log.info("marks of %s signed by %s into %s", list(candidate_ids), credential.name, out_dir)
    return [ExportedMarks(out_dir / name, ids) for name, _pdf, ids in files]


def _check_evaluator(db: Database, campaign_id: str, credential: Credential) -> None:
    with db.read() as session:
        rows = session.execute(
            select(Juror.name, Juror.certificate_pem).where(
                Juror.campaign_id == campaign_id, Juror.jury == EVALUATOR_JURY
            )
        ).all()
    prints = {
        fingerprint(x509.load_pem_x509_certificate(pem.encode("ascii"))): name for name, pem in rows if pem
    }
    if credential.fingerprint not in prints:
        names = ", ".join(name for name, _pem in rows) or "aucun"
        raise MarksExportError(
            f"Ce certificat ({credential.name}) n'est pas celui d'un évaluateur de la campagne (évaluateurs : "
            f"{names}) : les notes ne sont pas signées."
        )


def _entry(db: Database, campaign_id: str, candidate_id: str) -> dict[str, Any]:
    with db.read() as session:
        candidate = session.scalar(
            select(Candidate).where(
                Candidate.campaign_id == campaign_id, Candidate.candidate_id == candidate_id
            )
        )
        if candidate is None:
            raise MarksExportError(f"Candidat inconnu dans la campagne : {candidate_id}.")
        request = session.scalar(select(ReworkRequest).where(ReworkRequest.candidate_pk == candidate.pk))
        dossier = candidate.dossier.sha256 if candidate.dossier else ""
        pk, last, first = candidate.pk, candidate.last_name, candidate.first_name
    marks = marks_of(db, pk)
    rework = (
        {"requested_at": request.requested_at.isoformat(), "requirements": list(request.requirements)}
        if request is not None
        else None
    )
    return {
        "id": candidate_id,
        "last_name": last,
        "first_name": first,
        "dossier_sha256": dossier,
        "items": [{"item": code, "mark": m, "comment": c} for code, (m, c) in marks.items()],
        "rework": rework,
    }


def _document(
    campaign_id: str, credential: Credential, entries: list[dict[str, Any]], now: datetime
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "campaign": campaign_id,
        "signed_at": now.isoformat(),
        "evaluator": {"name": credential.name, "fingerprint": credential.fingerprint},
        "candidates": entries,
    }


def _file_name(credential: Credential, group: list[dict[str, Any]], now: datetime, batch: bool) -> str:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    if batch:
        return f"notes-{file_name_part(credential.name, 'evaluateur')}-{stamp}.pdf"
    return f"notes-{file_name_part(group[0]['id'], 'candidat', lower=False)}-{stamp}.pdf"
