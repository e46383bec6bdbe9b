"""The evaluator's use cases (issue 17), one transaction each, on disk before the screen says so: the candidates
to evaluate, a mark and a comment per item, and the seed's « demande de re-travail ».

The seed (« Démarche de certification », 3): « L'évaluateur peut demander au candidat de le retravailler lorsque
le dossier ne respecte pas les exigences de format général […] Cette procédure ne pourra pas être répétée. » So
a rework is asked at most once per candidate and campaign (:class:`ReworkRequest` is unique per candidate, the
check here says it in a sentence first); the request lists the failed requirements in sentences a candidate
understands (:func:`proposed_requirements`, from the format report, editable), dated. The redeposit and the
state the secretariat reads (:func:`rework_state`) are in :mod:`.rework`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.clock import utc_now
from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.report import FormatReport
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.package.evaluators import EVALUATOR_JURY
from c2i2e_jury.resources_access import referential
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.evaluation_models import ReworkRequest
from c2i2e_jury.storage.models import Campaign, Candidate, EvaluatorMark, Juror

log = logging.getLogger(__name__)

MARKS = ("V", "NV", None)
# What a candidate reads for each failed check of the format report (the report's own sentence follows).
CANDIDATE_SENTENCES = {
    "integrity": "Le fichier déposé est endommagé : déposez un PDF qui s'ouvre sans erreur",
    "page_count": "Le dossier doit compter de 10 à 20 pages",
    "page_numbers": "Les pages du dossier doivent être numérotées",
    "name": "Votre nom et votre prénom doivent figurer en première page",
    "year": "L'année de la campagne doit figurer en première page",
    "introduction": "Le dossier doit commencer par une introduction",
    "part_1": "La partie 1 (enseignement-apprentissage) doit figurer dans le dossier",
    "part_2": "La partie 2 (veille pédagogique et scientifique) doit figurer dans le dossier",
    "part_3": "La partie 3 (environnement numérique professionnel) doit figurer dans le dossier",
    "part_4": "La partie 4 (responsabilité, enjeux juridiques et éthiques) doit figurer dans le dossier",
    "conclusion": "Le dossier doit se terminer par un bilan réflexif d'au moins deux pages",
}
MAX_REQUIREMENT = 1000


class EvaluationError(UserError):
    """The evaluator's action is refused; nothing was changed."""


@dataclass(frozen=True)
class ToEvaluate:
    pk: int
    candidate_id: str
    name: str
    dossier_sha256: str | None
    marked: int  # items with a mark (V or NV)
    rework_requested: datetime | None


def evaluator_name(db: Database, campaign_id: str) -> str | None:
    """The evaluator an evaluator kit designates (its one ``evaluator`` row), or None."""
    with db.read() as session:
        names = list(
            session.scalars(
                select(Juror.name).where(Juror.campaign_id == campaign_id, Juror.jury == EVALUATOR_JURY)
            )
        )
    return names[0] if len(names) == 1 else None


def candidates_to_evaluate(db: Database, campaign_id: str) -> list[ToEvaluate]:
    """The campaign's candidates with a dossier or a rework request, by name."""
    with db.read() as session:
        rows = session.scalars(
            select(Candidate)
            .where(Candidate.campaign_id == campaign_id)
            .options(selectinload(Candidate.marks), selectinload(Candidate.dossier))
            .order_by(Candidate.last_name, Candidate.first_name, Candidate.candidate_id)
        ).all()
        requests = _requests(session, [c.pk for c in rows])
        return [
            ToEvaluate(
                c.pk,
                c.candidate_id,
                c.full_name,
                c.dossier.sha256 if c.dossier else None,
                sum(1 for m in c.marks if m.mark),
                requests[c.pk].requested_at if c.pk in requests else None,
            )
            for c in rows
            if c.dossier is not None or c.pk in requests
        ]


def _requests(session: Session, pks: Sequence[int]) -> dict[int, ReworkRequest]:
    return {
        r.candidate_pk: r
        for r in session.scalars(select(ReworkRequest).where(ReworkRequest.candidate_pk.in_(pks)))
    }


def marks_of(db: Database, candidate_pk: int) -> dict[str, tuple[str | None, str]]:
    """Item → (mark, comment), every item of the referential (unmarked: None, "")."""
    with db.read() as session:
        stored = {
            m.item: (m.mark, m.comment)
            for m in session.scalars(select(EvaluatorMark).where(EvaluatorMark.candidate_pk == candidate_pk))
        }
    return {code: stored.get(code, (None, "")) for code in referential().codes}


def set_mark(
    db: Database, candidate_pk: int, item: str, mark: str | None, comment: str | None = None
) -> tuple[str | None, str]:
    """Record ``mark`` (and ``comment`` when given) for one item; durable when this returns."""
    if item not in referential():
        raise EvaluationError(f"Item inconnu : {item}.")
    if mark not in MARKS:
        raise EvaluationError("Une note est « V » (validé), « NV » (non validé) ou vide.")
    with db.session() as session:
        row = session.scalar(
            select(EvaluatorMark).where(
                EvaluatorMark.candidate_pk == candidate_pk, EvaluatorMark.item == item
            )
        )
        if row is None:
            row = EvaluatorMark(candidate_pk=candidate_pk, item=item, mark=None, comment="")
            session.add(row)
        row.mark = mark
        if comment is not None:
            row.comment = comment.strip()
        return row.mark, row.comment


def proposed_requirements(report: FormatReport) -> list[str]:
    """The failed requirements of the format report, as sentences for the candidate (the evaluator edits them)."""
    return [
        f"{CANDIDATE_SENTENCES.get(f.check, 'Exigence de format non respectée')} ({f.message.rstrip('.')})."
        for f in report.failures
    ]


def request_rework(
    db: Database,
    candidate_pk: int,
    requirements: Sequence[str],
    requested_by: str,
    now: datetime | None = None,
    store: DossierStore | None = None,
) -> ReworkRequest:
    """Ask the candidate to rework the dossier. The seed allows it once, and only « lorsque le dossier ne respecte
    pas les exigences de format général »: the format report runs here on the stored dossier (whatever a screen
    showed), and a conform dossier, a second request or no dossier is refused, nothing written."""
    sentences = _requirements(requirements)
    with db.read() as session:
        sha, expected, name = _reworkable(session, candidate_pk)
    _not_conform(store or DossierStore(), sha, expected, name)
    with db.session() as session:
        candidate = session.get(Candidate, candidate_pk, options=[selectinload(Candidate.dossier)])
        assert candidate is not None and candidate.dossier is not None  # checked above; never deleted
        _refuse_a_second(session, candidate)
        request = ReworkRequest(
            candidate_pk=candidate_pk,
            requested_at=now or utc_now(),
            requested_by=requested_by,
            requirements=sentences,
            dossier_sha256=candidate.dossier.sha256,
            redeposited_sha256="",
        )
        session.add(request)
        candidate.rework_pending = True
    log.info("rework requested for candidate %s by %s", candidate_pk, requested_by)
    return request


def _requirements(requirements: Sequence[str]) -> list[str]:
    sentences = [s.strip() for s in requirements if s.strip()]
    if not sentences:
        raise EvaluationError("Une demande de re-travail dit au candidat ce qui ne respecte pas le format.")
    if any(len(s) > MAX_REQUIREMENT for s in sentences):
        raise EvaluationError(f"Une exigence s'écrit en moins de {MAX_REQUIREMENT} caractères.")
    return sentences


def _reworkable(session: Session, candidate_pk: int) -> tuple[str, Expected, str]:
    """The dossier to read (its hash), whom it must name, and the candidate's name; refused when the rule does
    not allow a request whatever the dossier says."""
    candidate = session.get(Candidate, candidate_pk, options=[selectinload(Candidate.dossier)])
    if candidate is None:
        raise EvaluationError("Candidat inconnu.")
    _refuse_a_second(session, candidate)
    if candidate.dossier is None:
        raise EvaluationError(f"{candidate.full_name} n'a pas déposé de dossier : rien à retravailler.")
    return candidate.dossier.sha256, _expected(session, candidate), candidate.full_name


def _expected(session: Session, candidate: Candidate) -> Expected:
    campaign = session.get(Campaign, candidate.campaign_id)
    assert campaign is not None  # a foreign key
    return Expected(candidate.last_name, candidate.first_name, campaign.year)


def expected_of(db: Database, candidate_pk: int) -> Expected | None:
    """Whom the candidate's dossier must name: the screen's format report reads it as :func:`request_rework`
    does, so that the button and the rule agree."""
    with db.read() as session:
        candidate = session.get(Candidate, candidate_pk)
        return _expected(session, candidate) if candidate is not None else None


def _refuse_a_second(session: Session, candidate: Candidate) -> None:
    earlier = session.scalar(select(ReworkRequest).where(ReworkRequest.candidate_pk == candidate.pk))
    if earlier is not None:
        raise EvaluationError(
            f"Un re-travail a déjà été demandé à {candidate.full_name} le "
            f"{earlier.requested_at.astimezone():%d/%m/%Y} : cette procédure ne peut pas être répétée "
            "(cahier des charges, « Démarche de certification »)."
        )


def _not_conform(store: DossierStore, sha: str, expected: Expected, name: str) -> None:
    """The evaluator's reading of the dossier, again: a rework is asked only of a dossier the format report
    finds at fault (an unreadable file is one)."""
    if not store.has(sha):
        raise EvaluationError(
            f"Le dossier de {name} n'est pas dans les données de ce poste : importez de nouveau le kit "
            "avant de demander un re-travail."
        )
    if check_dossier(store.path(sha), expected).conform:
        raise EvaluationError(
            f"Le dossier de {name} respecte les exigences de format : le cahier des charges ne permet de "
            "demander un re-travail que pour un dossier qui ne les respecte pas."
        )


def rework_request_of(db: Database, candidate_pk: int) -> ReworkRequest | None:
    with db.read() as session:
        return session.scalar(select(ReworkRequest).where(ReworkRequest.candidate_pk == candidate_pk))
