"""The certification jury president's review: every candidate of a campaign in one table.

Each row's status and outcome come from the rules engine (:func:`~c2i2e_jury.domain.rules.evaluate`) on the
candidate's situation, exactly as the jury room shows it; the flags point the president at what needs a look:
borderline counts, items where the jury reversed the evaluator, a plagiarism suspicion, a sheet kept aside, a
missing sheet. A campaign of 5,000 candidates is read in a handful of bulk queries (no per-candidate loading),
so that the table appears at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import Attendance, Mark, Outcome, PriorValidation, Situation, Status, evaluate
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.signed_proposal import differs, proposal, signed_outcome
from c2i2e_jury.storage.certification_models import CertificationDecision, IssuedDocument
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import (
    Candidate,
    Decision,
    EvaluatorMark,
    Incident,
    Oral,
    PriorItem,
    ResultSheet,
    SheetConflict,
)

BORDERLINE = range(21, 25)  # 21 to 24 validated: one decision either way changes the outcome
FLAGS = ("borderline", "reversed", "plagiarism", "changed", "conflict", "missing_sheet")
_MARKS = {"V": Mark.VALIDATED, "NV": Mark.NOT_VALIDATED}


@dataclass(slots=True)
class ReviewRow:
    """One candidate as the president sees it (not frozen: slots make 5,000 of them cheap to build; treat it
    as a value all the same)."""

    pk: int
    candidate_id: str
    last_name: str
    first_name: str
    jury: str
    room: str
    evaluator: str
    outcome: Outcome
    reversed_items: tuple[str, ...] = ()  # the jury's decision differs from the evaluator's mark
    plagiarism: bool = False  # a suspicion of fraud or plagiarism noted at the oral
    conflict: bool = False  # a sheet kept aside (same version, other content)
    sheet_version: int | None = None  # the latest signed sheet stored
    decision: str | None = None  # the certification jury's decision in force (see DECISION_LABELS)
    document_code: str | None = None  # the verification code of the document in force
    annulment_reason: str = ""
    signed: Outcome | None = None  # what the latest signed sheet proposes (the rules on its facts)
    # Derived once, in __post_init__: today's data no longer give what the sheet signed (``changed``, the
    # president decides on which); what the certification jury is asked to decide on (``proposed``: the signed
    # sheet's outcome, else today's); the flags that point the president at this case, in FLAGS order.
    changed: bool = field(init=False)
    proposed: Outcome = field(init=False)
    flags: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        """The derived values, once: the table sorts and filters 5,000 rows by them and the summary reads them
        again (as properties they were computed at every reading)."""
        self.changed = self.signed is not None and differs(self.signed, self.outcome)
        self.proposed = (
            self.signed
            if self.signed is not None and self.outcome.status is not Status.ANNULLED
            else self.outcome
        )
        on = (
            self.borderline,
            bool(self.reversed_items),
            self.plagiarism,
            self.changed,
            self.conflict,
            self.sheet_version is None,
        )
        self.flags = tuple(flag for flag, up in zip(FLAGS, on, strict=True) if up)

    @property
    def full_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"

    @property
    def status(self) -> Status:
        return self.outcome.status

    @property
    def validated_count(self) -> int:
        return self.outcome.validated_count

    @property
    def borderline(self) -> bool:
        return self.status in (Status.EXAMINED, Status.IN_PROGRESS) and self.validated_count in BORDERLINE

    @property
    def missing_sheet(self) -> bool:
        return self.sheet_version is None

    @property
    def undecided(self) -> bool:
        """The certification jury still has to decide (the PV waits for it): no delivery or annulment in force,
        and a delivery proposed (by the sheet or, where they differ, by today's data) or the admitted candidate's
        sheet missing."""
        if self.status is Status.ANNULLED or self.decision in ("certificate", "attestation", "annulment"):
            return False
        if self.signed is None:
            return self.status is not Status.NOT_ADMITTED
        return proposal(self.signed) is not None or (self.changed and proposal(self.outcome) is not None)

    @property
    def to_examine(self) -> bool:
        """« À examiner »: a flag points the president at this case and the certification jury has not settled it
        yet (no delivery or annulment in force). The table shows these first."""
        return bool(self.flags) and self.decision not in ("certificate", "attestation", "annulment")

    @property
    def partial(self) -> bool:
        """Examined, some items validated, no certificate: the case of a partial attestation (as proposed)."""
        proposed = self.proposed
        return (
            proposed.status is Status.EXAMINED and not proposed.certificate and proposed.validated_count > 0
        )


# --- loading -----------------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    """What the bulk queries bring back, by candidate primary key."""

    prior: dict[int, list[PriorValidation]] = field(default_factory=lambda: defaultdict(list))
    plagiarism: set[int] = field(default_factory=set)
    conflicts: set[int] = field(default_factory=set)
    sheets: dict[int, int] = field(default_factory=dict)
    signed: dict[int, Outcome] = field(default_factory=dict)
    decision: dict[int, str] = field(default_factory=dict)
    documents: dict[int, str] = field(default_factory=dict)


def _of(column: Any, campaign_id: str) -> Any:
    """``column IN (the campaign's candidates)``: cheaper than a join on the big tables."""
    return column.in_(select(Candidate.pk).where(Candidate.campaign_id == campaign_id))


def _strings(column: Any, value: Any, candidate: Any) -> Any:
    """One candidate's rows of a table as one string ("A1.1=V,B1.1=NV,…"): one row per candidate to read rather
    than 28 (a correlated subquery on the covering (candidate, item, value) index; NULL values are left out)."""
    return (
        select(func.aggregate_strings(column + "=" + value, ","))
        .where(candidate == Candidate.pk)
        .scalar_subquery()
    )


def _decided_subquery() -> Any:
    return _strings(Decision.item, Decision.decision, Decision.candidate_pk)


def _marked_subquery() -> Any:
    return _strings(EvaluatorMark.item, EvaluatorMark.mark, EvaluatorMark.candidate_pk)


def _pairs(joined: str | None) -> dict[str, str]:
    if not joined:
        return {}
    parts = joined.replace("=", ",").split(",")  # one split for the whole string: 5,000 candidates × 2
    return dict(zip(parts[::2], parts[1::2], strict=True))


def _parse(decided: str | None, marked: str | None) -> tuple[dict[str, Mark | None], tuple[str, ...]]:
    """The decisions, and the items where the jury decided otherwise than the evaluator marked (none to look
    for when both strings are the same, as when the jury followed the evaluator throughout)."""
    if not decided:
        return {}, ()
    parts = decided.replace("=", ",").split(",")  # one split for the whole string: 5,000 candidates × 2
    items, values = parts[::2], parts[1::2]
    decisions = dict(zip(items, map(_MARKS.get, values), strict=True))
    if not marked or marked == decided:
        return decisions, ()
    marks = _pairs(marked)
    reversed_items = sorted(
        item for item, value in zip(items, values, strict=True) if marks.get(item, value) != value
    )
    return decisions, tuple(reversed_items)


def _load_flags(conn: Connection, campaign_id: str, raw: _Raw) -> None:
    for pk, item, year, copy, original in conn.execute(
        select(
            PriorItem.candidate_pk,
            PriorItem.item,
            PriorItem.year,
            PriorItem.copy_deposited,
            PriorItem.original_received,
        ).where(_of(PriorItem.candidate_pk, campaign_id))
    ):
        raw.prior[pk].append(PriorValidation(item, year, bool(copy), bool(original)))
    raw.plagiarism = set(
        conn.scalars(
            select(Oral.candidate_pk)
            .join(Incident, Incident.oral_pk == Oral.pk)
            .where(_of(Oral.candidate_pk, campaign_id), Incident.kind == "fraud_suspicion")
            .distinct()
        )
    )
    raw.conflicts = set(
        conn.scalars(
            select(SheetConflict.candidate_pk)
            .where(_of(SheetConflict.candidate_pk, campaign_id), SheetConflict.resolved.is_(False))
            .distinct()
        )
    )
    latest = (
        select(ResultSheet.candidate_pk, func.max(ResultSheet.version).label("version"))
        .where(_of(ResultSheet.candidate_pk, campaign_id))
        .group_by(ResultSheet.candidate_pk)
        .subquery()
    )
    for pk, version, status, prior, validated in conn.execute(
        select(
            ResultSheet.candidate_pk,
            ResultSheet.version,
            ResultSheet.status,
            ResultSheet.prior_items,
            ResultSheet.validated_items,
        ).join(
            latest,
            and_(latest.c.candidate_pk == ResultSheet.candidate_pk, latest.c.version == ResultSheet.version),
        )
    ):
        raw.sheets[pk] = version
        raw.signed[pk] = signed_outcome(status, prior, validated)


def _load_certification(conn: Connection, campaign_id: str, raw: _Raw) -> None:
    latest = (
        select(func.max(CertificationDecision.pk))
        .join(Candidate, Candidate.pk == CertificationDecision.candidate_pk)
        .where(Candidate.campaign_id == campaign_id)
        .group_by(CertificationDecision.candidate_pk)
    )
    raw.decision = {
        pk: kind
        for pk, kind in conn.execute(
            select(CertificationDecision.candidate_pk, CertificationDecision.kind).where(
                CertificationDecision.pk.in_(latest)
            )
        )
    }
    raw.documents = {
        pk: code
        for pk, code in conn.execute(
            select(IssuedDocument.candidate_pk, IssuedDocument.code)
            .join(Candidate, Candidate.pk == IssuedDocument.candidate_pk)
            .where(Candidate.campaign_id == campaign_id, IssuedDocument.revoked_at.is_(None))
            .order_by(IssuedDocument.pk)
        )
    }


def review_rows(db: Database, campaign_id: str, ref: Referential | None = None) -> list[ReviewRow]:
    """Every candidate of the campaign, in candidate id order, with the outcome the rules give."""
    ref = ref or referential()
    raw = _Raw()
    with db.read() as session:
        people = (
            session.connection()
            .execute(  # Core rows: no ORM loading for 5,000 tuples
                select(
                    Candidate.pk,
                    Candidate.candidate_id,
                    Candidate.last_name,
                    Candidate.first_name,
                    Candidate.jury,
                    Candidate.room,
                    Candidate.evaluator,
                    Candidate.deposited,
                    Candidate.rework_pending,
                    Candidate.annulled,
                    Candidate.annulment_reason,
                    Oral.attendance,
                    _decided_subquery(),
                    _marked_subquery(),
                )
                .outerjoin(Oral, Oral.candidate_pk == Candidate.pk)
                .where(Candidate.campaign_id == campaign_id)
                .order_by(Candidate.candidate_id)
            )
            .all()
        )
        _load_flags(session.connection(), campaign_id, raw)  # Core rows too: no ORM step for plain columns
        _load_certification(session.connection(), campaign_id, raw)
    attendance = {a.value: a for a in Attendance}
    outcomes: dict[tuple[Any, ...], Outcome] = {}  # candidates in the same situation share its outcome
    rows = []
    for (
        pk,
        cid,
        last,
        first,
        jury,
        room,
        evaluator,
        deposited,
        rework,
        annulled,
        reason,
        present,
        decided,
        marked,
    ) in people:
        decisions, reversed_items = _parse(decided, marked)
        prior = tuple(raw.prior.get(pk, ()))
        key = (bool(deposited), bool(rework), present, bool(annulled), prior, decided)
        outcome = outcomes.get(key)
        if outcome is None:
            situation = Situation(
                bool(deposited),
                bool(rework),
                attendance.get(present or "", Attendance.PENDING),
                bool(annulled),
                prior,
                decisions,
            )
            outcome = outcomes[key] = evaluate(ref, situation)
        rows.append(
            ReviewRow(
                pk,
                cid,
                last,
                first,
                jury,
                room,
                evaluator,
                outcome,
                reversed_items,
                pk in raw.plagiarism,
                pk in raw.conflicts,
                raw.sheets.get(pk),
                raw.decision.get(pk),
                raw.documents.get(pk),
                reason or "",
                raw.signed.get(pk),
            )
        )
    return rows
