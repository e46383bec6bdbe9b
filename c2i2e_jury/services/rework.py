"""The rework requests seen from the secretariat (issue 17, docs/ARCHITECTURE.md): which candidates must
redeposit, and the redeposit itself.

:func:`rework_state` is what the admission list reads: the seed admits to the oral only a candidate whose
dossier « ne fait pas l'objet d'une demande de re-travail à la date de clôture de la campagne ». A redeposited
dossier replaces the first as the candidate's dossier (both PDFs stay in the content-addressed store, the first
named by the request), and the format report runs again on it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.clock import utc_now
from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.errors import UserError
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.evaluation_models import ReworkRequest
from c2i2e_jury.storage.models import Campaign, Candidate, Dossier

log = logging.getLogger(__name__)


class ReworkError(UserError):
    """The redeposit is refused; nothing was changed."""


@dataclass(frozen=True)
class ReworkState:
    """One candidate's rework: asked when and by whom, what for; ``pending`` until the candidate redeposits."""

    candidate_id: str
    requested_at: datetime
    requested_by: str
    requirements: tuple[str, ...]
    redeposited_at: datetime | None
    redeposit_conform: bool | None

    @property
    def pending(self) -> bool:
        return self.redeposited_at is None


def rework_state(db: Database, campaign_id: str) -> dict[str, ReworkState]:
    """Candidate id → their rework request, for every candidate of the campaign who was asked one (the others
    have none). ``pending`` is « demande de re-travail en cours » for the admission list."""
    with db.read() as session:
        rows = session.execute(
            select(Candidate.candidate_id, ReworkRequest)
            .join(ReworkRequest, ReworkRequest.candidate_pk == Candidate.pk)
            .where(Candidate.campaign_id == campaign_id)
        ).all()
    return {
        cid: ReworkState(
            cid,
            r.requested_at,
            r.requested_by,
            tuple(r.requirements),
            r.redeposited_at,
            r.redeposit_conform,
        )
        for cid, r in rows
    }


@dataclass(frozen=True)
class Redeposit:
    candidate_id: str
    sha256: str
    conform: bool
    failures: tuple[str, ...]


def redeposit(
    db: Database,
    campaign_id: str,
    candidate_id: str,
    pdf: Path,
    store: DossierStore | None = None,
    now: datetime | None = None,
) -> Redeposit:
    """Store the reworked dossier as the candidate's dossier, run the format report on it, close the request.
    Refused when no rework was asked, or the candidate already redeposited (the procedure is not repeated)."""
    store = store or DossierStore()
    with db.read() as session:
        candidate, request, year = _candidate_and_request(session, campaign_id, candidate_id)
        expected = Expected(candidate.last_name, candidate.first_name, year)
    result = check_dossier(pdf, expected)
    if result.report is None or not result.report.readable:
        raise ReworkError(f"{pdf.name} n'est pas un PDF lisible : le dossier n'est pas remplacé.")
    try:
        sha = store.put(iter([pdf.read_bytes()]))
    except OSError as exc:
        raise ReworkError(f"Impossible de lire ou d'enregistrer {pdf.name} : {exc.strerror or exc}.") from exc
    with db.session() as session:
        candidate, request, _year = _candidate_and_request(session, campaign_id, candidate_id)
        if candidate.dossier is None:
            candidate.dossier = Dossier(file_name=pdf.name, sha256=sha, size=pdf.stat().st_size)
        else:
            candidate.dossier.file_name, candidate.dossier.sha256 = pdf.name, sha
            candidate.dossier.size = pdf.stat().st_size
        request.redeposited_at = now or utc_now()
        request.redeposited_sha256 = sha
        request.redeposit_conform = result.conform
        candidate.rework_pending = False
        candidate.deposited = True
    log.info("%s redeposited its dossier (%s, conform: %s)", candidate_id, sha[:12], result.conform)
    return Redeposit(candidate_id, sha, result.conform, tuple(f.message for f in result.report.failures))


def _candidate_and_request(
    session: Session, campaign_id: str, candidate_id: str
) -> tuple[Candidate, ReworkRequest, int]:
    candidate = session.scalar(
        select(Candidate).where(Candidate.campaign_id == campaign_id, Candidate.candidate_id == candidate_id)
    )
    if candidate is None:
        raise ReworkError(f"Candidat inconnu dans la campagne {campaign_id} : {candidate_id}.")
    request = session.scalar(select(ReworkRequest).where(ReworkRequest.candidate_pk == candidate.pk))
    if request is None:
        raise ReworkError(
            f"Aucune demande de re-travail pour {candidate.full_name} : son dossier ne peut pas être redéposé."
        )
    if request.redeposited_at is not None:
        raise ReworkError(
            f"{candidate.full_name} a déjà redéposé son dossier le {request.redeposited_at.astimezone():%d/%m/%Y} : "
            "la procédure de re-travail ne se répète pas."
        )
    campaign = session.get(Campaign, campaign_id)
    assert campaign is not None
    return candidate, request, campaign.year


def record_imported_request(
    session: Session, candidate: Candidate, requested_at: datetime, by: str, requirements: list[str]
) -> str | None:
    """A rework request brought by a signed marks file: recorded when it is the candidate's first; the reason
    it is refused otherwise (a second request, however it arrives, is not the seed's procedure)."""
    earlier = session.scalar(select(ReworkRequest).where(ReworkRequest.candidate_pk == candidate.pk))
    if earlier is not None:
        if earlier.requested_at == requested_at and list(earlier.requirements) == requirements:
            return None  # the same request, brought again
        return (
            f"{candidate.candidate_id} : un re-travail a déjà été demandé le "
            f"{earlier.requested_at.astimezone():%d/%m/%Y} ; une seconde demande n'est pas acceptée"
        )
    dossier = candidate.dossier.sha256 if candidate.dossier else ""
    session.add(
        ReworkRequest(
            candidate_pk=candidate.pk,
            requested_at=requested_at,
            requested_by=by,
            requirements=requirements,
            dossier_sha256=dossier,
            redeposited_sha256="",
        )
    )
    candidate.rework_pending = True
    return None
