"""The secretariat imports the evaluators' signed marks (issue 17, docs/FORMATS.md §8.4): files, folders, zips,
as ``sheet import`` takes them (:func:`c2i2e_jury.services.sheet_import.collect`).

Each file is verified offline against its campaign's authority (:func:`~c2i2e_jury.exchange.marks_signing.
verify_marks`: coverage on the bytes, the signature, the JSON against the pages), then against the campaign:
the signer is an evaluator the package designates, with a credential not revoked, and is the evaluator assigned
to every candidate the file carries. Then, in one transaction:

- ``imported``: stored; for each candidate whose marks it carries are the newest signed, they are in force:
  copied into the evaluator marks the jurors see, with this file as their origin;
- ``duplicate``: the same bytes are already stored;
- ``superseded``: every candidate already has newer signed marks; the file is kept, not in force;
- ``rejected``: refused, and why; nothing stored.

A rework request the file carries is recorded when it is the candidate's first; a second is refused (the seed:
« Cette procédure ne pourra pas être répétée »), and with it the whole file.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.clock import utc_now
from c2i2e_jury.exchange.credentials import fingerprint, load_certificates
from c2i2e_jury.exchange.marks_json import MarksFormatError
from c2i2e_jury.exchange.marks_signing import SheetRejected, VerifiedMarks, embedded_marks, verify_marks
from c2i2e_jury.exchange.package.evaluators import EVALUATOR_JURY
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.marks_origin import MarksOrigin, marks_origin
from c2i2e_jury.services.rework import record_imported_request
from c2i2e_jury.services.sheet_import import SheetImportOutcome, collect
from c2i2e_jury.services.signer_rules import revocations
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.evaluation_models import MarksFile, SignedMarks
from c2i2e_jury.storage.models import Campaign, Candidate, EvaluatorMark, Juror

log = logging.getLogger(__name__)

STATUSES = ("imported", "duplicate", "superseded", "rejected")
__all__ = [
    "STATUSES",
    "MarksImportOutcome",
    "MarksOrigin",
    "import_marks",
    "import_marks_bytes",
    "marks_origin",
    "summary",
]


@dataclass(frozen=True)
class MarksImportOutcome:
    file: str
    status: str
    candidate_ids: tuple[str, ...]
    message: str
    reason: str = ""


class _Refused(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason, self.message = reason, message


def import_marks(
    db: Database, paths: Sequence[Path | str], now: datetime | None = None
) -> list[MarksImportOutcome]:
    """Import every marks file under ``paths``; one outcome per file, in the order found."""
    outcomes = []
    with ExitStack() as stack:
        for item in collect(paths, stack):
            if isinstance(item, SheetImportOutcome):
                outcomes.append(MarksImportOutcome(item.file, "rejected", (), item.message, item.reason))
                continue
            try:
                pdf = item.read()
            except OSError as exc:
                outcomes.append(
                    MarksImportOutcome(
                        item.label, "rejected", (), f"Fichier illisible : {exc}.", "unreadable"
                    )
                )
                continue
            outcomes.append(_one(db, item.label, pdf, now or utc_now()))
    return outcomes


def import_marks_bytes(
    db: Database, files: Sequence[tuple[str, bytes]], now: datetime | None = None, *, partial: bool = False
) -> list[MarksImportOutcome]:
    """As :func:`import_marks`, for files already read (a room kit's ``evaluations/``). ``partial``: the
    database holds part of the campaign (a room): a candidate it does not hold is left out, not refused."""
    return [_one(db, label, pdf, now or utc_now(), partial) for label, pdf in files]


def _one(db: Database, label: str, pdf: bytes, now: datetime, partial: bool = False) -> MarksImportOutcome:
    sha = hashlib.sha256(pdf).hexdigest()
    with db.read() as session:
        known = session.scalar(select(MarksFile.pk).where(MarksFile.sha256 == sha))
    if known is not None:
        return MarksImportOutcome(label, "duplicate", (), "Déjà importé : rien n'a changé.")
    try:
        verified = _verified(db, pdf)
        with db.session() as session:
            outcome = _store(session, label, pdf, verified, now, partial)
    except _Refused as refused:
        log.info("marks file %s refused: %s", label, refused.message)
        return MarksImportOutcome(label, "rejected", (), refused.message, refused.reason)
    except SheetRejected as exc:
        log.info("marks file %s refused: %s", label, exc.message)
        return MarksImportOutcome(label, "rejected", (), exc.message, exc.reason)
    log.info("marks file %s: %s %s", label, outcome.status, outcome.candidate_ids)
    return outcome


def _verified(db: Database, pdf: bytes) -> VerifiedMarks:
    try:
        stated = embedded_marks(pdf)
    except MarksFormatError as exc:
        raise _Refused("json_invalid", exc.message) from exc
    except Exception as exc:  # any parser failure: not a PDF this program reads
        raise _Refused("unreadable", "Le fichier n'est pas un PDF de notes lisible.") from exc
    if stated is None:
        raise _Refused("json_missing", "Le fichier ne contient pas de notes d'évaluateur (c2i2e-marks.json).")
    campaign_id = stated.get("campaign")
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id) if isinstance(campaign_id, str) else None
        pem = campaign.authority_pem if campaign else None
    if campaign is None:
        raise _Refused("unknown_campaign", f"Campagne inconnue dans la base : {str(campaign_id)[:64]}.")
    if not pem:
        raise _Refused(
            "no_authority", "Le paquet de la campagne n'a pas donné d'autorité : rien ne peut être vérifié."
        )
    return verify_marks(pdf, load_certificates(pem.encode("ascii"), "authority.pem"), referential())


def _store(
    session: Session, label: str, pdf: bytes, verified: VerifiedMarks, now: datetime, partial: bool
) -> MarksImportOutcome:
    marks, signer = verified.marks, verified.signer
    evaluator = _evaluator(session, marks["campaign"], signer.fingerprint, signer.name, signer.signed_at)
    candidates = _assigned(session, marks, evaluator, partial)
    if not candidates:
        raise _Refused("unknown_candidate", "Aucun des candidats de ce fichier n'est dans cette base.")
    signed_at = datetime.fromisoformat(marks["signed_at"])
    file = MarksFile(
        campaign_id=marks["campaign"],
        sha256=verified.sha256,
        pdf=pdf,
        file_name=Path(label).name[:300],
        evaluator=evaluator,
        fingerprint=signer.fingerprint,
        signed_at=signed_at,
        stored_at=now,
    )
    session.add(file)
    session.flush()
    in_force = []
    for entry, candidate in candidates:
        if entry.get("rework"):
            problem = record_imported_request(
                session,
                candidate,
                datetime.fromisoformat(entry["rework"]["requested_at"]),
                evaluator,
                list(entry["rework"]["requirements"]),
            )
            if problem:
                raise _Refused(
                    "second_rework", f"{problem} (cahier des charges : la procédure ne se répète pas)."
                )
        if _newest(session, candidate.pk, signed_at):
            _apply(session, candidate, entry)
            in_force.append(candidate.candidate_id)
        session.add(
            SignedMarks(
                candidate_pk=candidate.pk,
                file_pk=file.pk,
                entry=entry,
                signed_at=signed_at,
                in_force=candidate.candidate_id in in_force,
                note="",
            )
        )
    ids = tuple(e["id"] for e, _c in candidates)
    if not in_force:
        return MarksImportOutcome(
            label,
            "superseded",
            ids,
            "Des notes signées plus récentes sont déjà importées : fichier conservé, pas en vigueur.",
        )
    return MarksImportOutcome(
        label, "imported", ids, f"Notes signées par {evaluator} importées ({len(in_force)} candidat(s))."
    )


def _evaluator(
    session: Session, campaign_id: str, signer_print: str, signer_name: str, when: datetime | None
) -> str:
    rows = session.execute(
        select(Juror.name, Juror.certificate_pem).where(
            Juror.campaign_id == campaign_id, Juror.jury == EVALUATOR_JURY
        )
    ).all()
    from cryptography import x509

    for name, pem in rows:
        if pem and fingerprint(x509.load_pem_x509_certificate(pem.encode("ascii"))) == signer_print:
            for revoked in revocations(session):
                if revoked.fingerprint == signer_print and (when is None or when >= revoked.since):
                    raise _Refused(
                        "revoked", f"Le certificat de {name} est révoqué (motif : {revoked.reason})."
                    )
            return str(name)
    raise _Refused(
        "not_evaluator",
        f"{signer_name} n'est pas un évaluateur de la campagne {campaign_id} d'après son paquet (lignes « evaluator » de jurors.csv).",
    )


def _assigned(
    session: Session, marks: dict[str, Any], evaluator: str, partial: bool
) -> list[tuple[dict[str, Any], Candidate]]:
    out = []
    for entry in marks["candidates"]:
        candidate = session.scalar(
            select(Candidate)
            .where(Candidate.campaign_id == marks["campaign"], Candidate.candidate_id == entry["id"])
            .with_for_update()
        )
        if candidate is None and partial:
            continue
        if candidate is None:
            raise _Refused("unknown_candidate", f"Candidat inconnu dans la campagne : {entry['id'][:64]}.")
        if candidate.evaluator != evaluator:
            assigned = candidate.evaluator or "aucun évaluateur"
            raise _Refused(
                "not_assigned",
                f"{candidate.full_name} ({candidate.candidate_id}) est évalué par {assigned}, pas par {evaluator} : "
                "le fichier n'est pas importé.",
            )
        out.append((entry, candidate))
    return out


def _newest(session: Session, candidate_pk: int, signed_at: datetime) -> bool:
    current = session.scalar(
        select(SignedMarks).where(SignedMarks.candidate_pk == candidate_pk, SignedMarks.in_force.is_(True))
    )
    if current is None:
        return True
    if current.signed_at >= signed_at:
        return False
    current.in_force = False
    return True


def _apply(session: Session, candidate: Candidate, entry: dict[str, Any]) -> None:
    """The signed marks become the evaluator marks of the candidate (what the jury room and the sheet show)."""
    rows = {
        m.item: m
        for m in session.scalars(select(EvaluatorMark).where(EvaluatorMark.candidate_pk == candidate.pk))
    }
    for item in entry["items"]:
        row = rows.get(item["item"])
        if row is None:
            session.add(
                EvaluatorMark(
                    candidate_pk=candidate.pk, item=item["item"], mark=item["mark"], comment=item["comment"]
                )
            )
        else:
            row.mark, row.comment = item["mark"], item["comment"]


def summary(outcomes: Sequence[MarksImportOutcome]) -> str:
    labels = {
        "imported": "importé(s)",
        "duplicate": "doublon(s)",
        "superseded": "ancien(s)",
        "rejected": "refusé(s)",
    }
    parts = [
        f"{sum(1 for o in outcomes if o.status == s)} {labels[s]}"
        for s in STATUSES
        if any(o.status == s for o in outcomes)
    ]
    return ", ".join(parts) or "aucun fichier"
