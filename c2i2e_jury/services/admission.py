"""The campaign's progress at a glance and, at the closing date, the admission list that follows from it.

The seed (« Conditions de participation à l'épreuve orale »): a candidate takes the oral only if the dossier
« a bien été déposé et transmis à l'évaluateur et qu'il ne fait pas l'objet d'une demande de re-travail à la date
de clôture de la campagne »; and (« Règles en cas d'échec ou d'abandon ») « l'abandon du candidat est constaté
lorsqu'il ne dépose pas (ou ne redépose pas en cas de demande de re-travail) en temps et en heure son dossier ».

The seam: what is known of each candidate today comes from the campaign package (deposited, the dossier in the
store, the evaluator's marks); the rework requests come from a :data:`ReworkProvider`, by default the package's
``rework_pending`` flag (:func:`package_rework_states`), refined by the recorded requests (:func:`recorded_rework_states`). The evaluator's side plugs its own table in there: a
function of the database and the campaign returning each candidate's :class:`ReworkState`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from c2i2e_jury.clock import Clock, local_day, utc_now
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate, Dossier, EvaluatorMark


class ReworkState(StrEnum):
    """Where a candidate's dossier stands with the evaluator's one rework request (the seed allows one)."""

    NONE = "none"  # no rework requested
    PENDING = "pending"  # rework requested, the new version not deposited yet
    REDEPOSITED = "redeposited"  # rework requested and the new version deposited


ReworkProvider = Callable[
    [Database, str], Mapping[str, ReworkState]
]  # (db, campaign) -> {candidate_id: state}

ABANDON_NOT_DEPOSITED = "abandon (dossier non déposé)"
ABANDON_NOT_REDEPOSITED = "abandon (dossier non redéposé après la demande de re-travail)"


class Stage(StrEnum):
    """The one column of the progress table a candidate counts in."""

    NOT_DEPOSITED = "not_deposited"
    DEPOSITED = "deposited"  # deposited, not evaluated yet
    EVALUATED = "evaluated"
    REWORK_PENDING = "rework_pending"
    REDEPOSITED = "redeposited"


STAGE_LABELS = {
    Stage.NOT_DEPOSITED: "non déposé",
    Stage.DEPOSITED: "déposé, en attente d'évaluation",
    Stage.EVALUATED: "évalué",
    Stage.REWORK_PENDING: "re-travail demandé, en attente",
    Stage.REDEPOSITED: "redéposé après re-travail",
}


@dataclass(frozen=True)
class DossierProgress:
    """One candidate's dossier as the secretariat follows it."""

    candidate_pk: int
    candidate_id: str
    last_name: str
    first_name: str
    email: str
    deposited: bool  # the package says so (the jury room's admission rule reads the same flag)
    in_store: bool  # the dossier's PDF is in the dossier store
    evaluated: bool  # the evaluator's marks are present
    rework: ReworkState
    oral_date: date | None
    oral_time: str
    room: str
    jury: str
    extra_time_percent: int

    @property
    def full_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"

    @property
    def stage(self) -> Stage:
        if not self.deposited:
            return Stage.NOT_DEPOSITED
        if self.rework is ReworkState.PENDING:
            return Stage.REWORK_PENDING
        if self.rework is ReworkState.REDEPOSITED:
            return Stage.REDEPOSITED
        return Stage.EVALUATED if self.evaluated else Stage.DEPOSITED

    @property
    def refusal(self) -> str | None:
        """Why the candidate is not admitted to the oral (the seed calls it an abandonment), or None."""
        if not self.deposited:
            return ABANDON_NOT_DEPOSITED
        if self.rework is ReworkState.PENDING:
            return ABANDON_NOT_REDEPOSITED
        return None


def package_rework_states(db: Database, campaign_id: str) -> dict[str, ReworkState]:
    """Today's rework states: the package's ``rework_pending`` flag (pending, else none)."""
    with db.read() as session:
        rows = session.execute(
            select(Candidate.candidate_id, Candidate.rework_pending).where(
                Candidate.campaign_id == campaign_id
            )
        )
        return {cid: ReworkState.PENDING if pending else ReworkState.NONE for cid, pending in rows}


def recorded_rework_states(db: Database, campaign_id: str) -> dict[str, ReworkState]:
    """The package's flag refined by the rework requests recorded in the program (the evaluator's signed marks,
    the secretariat's redeposits): a request with its new dossier deposited is « redéposé », not « aucune »."""
    from c2i2e_jury.services.rework import rework_state

    states = package_rework_states(db, campaign_id)
    for candidate_id, request in rework_state(db, campaign_id).items():
        states[candidate_id] = ReworkState.PENDING if request.pending else ReworkState.REDEPOSITED
    return states


def progress(
    db: Database, campaign_id: str, rework_states: ReworkProvider = recorded_rework_states
) -> list[DossierProgress]:
    """Every candidate of the campaign, by name."""
    states = rework_states(db, campaign_id)
    with db.read() as session:
        stored = set(
            session.scalars(
                select(Dossier.candidate_pk)
                .join(Candidate, Candidate.pk == Dossier.candidate_pk)
                .where(Candidate.campaign_id == campaign_id)
            )
        )
        marked = set(
            session.scalars(
                select(EvaluatorMark.candidate_pk)
                .join(Candidate, Candidate.pk == EvaluatorMark.candidate_pk)
                .where(Candidate.campaign_id == campaign_id, EvaluatorMark.mark.is_not(None))
                .group_by(EvaluatorMark.candidate_pk)
                .having(func.count() > 0)
            )
        )
        candidates = session.scalars(
            select(Candidate)
            .where(Candidate.campaign_id == campaign_id)
            .order_by(Candidate.last_name, Candidate.first_name, Candidate.candidate_id)
        ).all()
        return [
            DossierProgress(
                c.pk,
                c.candidate_id,
                c.last_name,
                c.first_name,
                c.email,
                c.deposited,
                c.pk in stored,
                c.pk in marked,
                states.get(c.candidate_id, ReworkState.NONE),
                c.oral_date,
                c.oral_time,
                c.room,
                c.jury,
                c.extra_time_percent,
            )
            for c in candidates
        ]


@dataclass(frozen=True)
class ProgressCounts:
    """The campaign at a glance; ``rework_requested`` = ``rework_pending`` + ``redeposited``."""

    total: int
    deposited: int
    evaluated: int
    rework_requested: int
    redeposited: int
    rework_pending: int
    not_deposited: int


def counts(rows: list[DossierProgress]) -> ProgressCounts:
    stages = Counter(r.stage for r in rows)
    return ProgressCounts(
        total=len(rows),
        deposited=sum(1 for r in rows if r.deposited),
        evaluated=sum(1 for r in rows if r.deposited and r.evaluated),
        rework_requested=stages[Stage.REWORK_PENDING] + stages[Stage.REDEPOSITED],
        redeposited=stages[Stage.REDEPOSITED],
        rework_pending=stages[Stage.REWORK_PENDING],
        not_deposited=stages[Stage.NOT_DEPOSITED],
    )


@dataclass(frozen=True)
class AdmissionList:
    """Who takes the oral and who does not (with the reason); ``final`` once the deposit has closed."""

    campaign_id: str
    campaign_title: str
    closes: date
    final: bool
    admitted: tuple[DossierProgress, ...]
    not_admitted: tuple[tuple[DossierProgress, str], ...]


def admission_list(
    db: Database,
    campaign_id: str,
    rework_states: ReworkProvider = recorded_rework_states,
    *,
    now: Clock = utc_now,
) -> AdmissionList:
    """The admission list as it follows from the progress; final the day after the closing date (the seed's
    closing day is « inclus »), provisional before."""
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None, campaign_id  # callers name a campaign the database holds
        title, closes = campaign.title, campaign.deposit_closes
    rows = progress(db, campaign_id, rework_states)
    return AdmissionList(
        campaign_id,
        title,
        closes,
        local_day(now()) > closes,  # the closing day as the office lives it (local time)
        tuple(r for r in rows if r.refusal is None),
        tuple((r, r.refusal) for r in rows if r.refusal is not None),
    )


ADMISSION_COLUMNS = (
    "Identifiant",
    "Nom",
    "Prénom",
    "Courriel",
    "Admis à l'oral",
    "Motif",
    "Dossier",
    "Date de l'oral",
    "Heure",
    "Salle",
    "Jury",
)


def admission_csv(admission: AdmissionList) -> bytes:
    """The admission list for French Excel: the admitted first, then the others with their reason."""
    from c2i2e_jury.exchange.spreadsheet import excel_csv

    rows = [(r, "oui", "") for r in admission.admitted]
    rows += [(r, "non", why) for r, why in admission.not_admitted]
    return excel_csv(
        ADMISSION_COLUMNS,
        (
            (
                r.candidate_id,
                r.last_name.upper(),
                r.first_name,
                r.email,
                admitted,
                why,
                STAGE_LABELS[r.stage],
                f"{r.oral_date:%d/%m/%Y}" if r.oral_date else "",
                r.oral_time,
                r.room,
                r.jury,
            )
            for r, admitted, why in rows
        ),
        identifiers=("Identifiant", "Date de l'oral", "Heure", "Salle", "Jury"),
    )
