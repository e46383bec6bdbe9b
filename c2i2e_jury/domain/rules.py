"""The certification rules of the seed ("Modalités", "Délivrance", "Règles"), in one place.

From a candidate's situation — admitted or not, present or absent, prior validations, annulment, the jury's
item decisions — :func:`evaluate` gives the status and the outcome: which items are validated, the misses per
domain, whether the certificate can be delivered and, in French, what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from c2i2e_jury.domain.referential import Referential


class Mark(StrEnum):
    """An evaluator's or a jury's mark on one item."""

    VALIDATED = "V"
    NOT_VALIDATED = "NV"


class Attendance(StrEnum):
    PENDING = "pending"
    PRESENT = "present"
    ABSENT = "absent"


class NotAdmitted(StrEnum):
    """Why a candidate cannot take the oral (seed: "Modalités" — dossier deposited, no rework pending)."""

    NOT_DEPOSITED = "not_deposited"
    REWORK_PENDING = "rework_pending"


class Status(StrEnum):
    NOT_ADMITTED = "not_admitted"
    AWAITING = "awaiting"
    IN_PROGRESS = "in_progress"
    EXAMINED = "examined"
    ABSENT = "absent"
    ANNULLED = "annulled"


@dataclass(frozen=True)
class PriorValidation:
    """An item validated in an earlier campaign.

    It counts only when both the digital copy of the attestation was deposited with the dossier and the
    authentic copy reached the bureau (seed: "Cas des candidats ayant déjà validé des compétences").
    """

    item: str
    year: int | None
    copy_deposited: bool
    original_received: bool

    @property
    def counts(self) -> bool:
        return self.copy_deposited and self.original_received


@dataclass(frozen=True)
class Situation:
    deposited: bool = True
    rework_pending: bool = False
    attendance: Attendance = Attendance.PENDING
    annulled: bool = False
    prior: tuple[PriorValidation, ...] = ()
    decisions: Mapping[str, Mark | None] = field(default_factory=dict)

    @property
    def admitted(self) -> bool:
        """Seed: admitted only if the dossier was deposited and no rework is pending at the closing date."""
        return self.deposited and not self.rework_pending


@dataclass(frozen=True)
class Outcome:
    status: Status
    validated: tuple[str, ...]
    acquired: tuple[str, ...]
    undecided: tuple[str, ...]
    missing_by_domain: Mapping[str, int]
    certificate: bool
    explanation: str
    not_admitted: NotAdmitted | None = (
        None  # why, when the status is NOT_ADMITTED (for a text in any language)
    )

    @property
    def validated_count(self) -> int:
        return len(self.validated)


def acquired_items(referential: Referential, prior: tuple[PriorValidation, ...]) -> tuple[str, ...]:
    """The prior items that count (both conditions met), in referential order."""
    if not prior:
        return ()
    counted = {p.item for p in prior if p.counts}
    return tuple(code for code in referential.codes if code in counted)


def not_admitted_kind(situation: Situation) -> NotAdmitted | None:
    """Why the candidate cannot take the oral, or None when admitted."""
    if not situation.deposited:
        return NotAdmitted.NOT_DEPOSITED
    if situation.rework_pending:
        return NotAdmitted.REWORK_PENDING
    return None


NOT_ADMITTED_REASONS = {
    NotAdmitted.NOT_DEPOSITED: "dossier non déposé",
    NotAdmitted.REWORK_PENDING: "demande de re-travail en cours à la date de clôture",
}


def not_admitted_reason(situation: Situation) -> str | None:
    """Why the candidate cannot take the oral, in French, or None when admitted."""
    kind = not_admitted_kind(situation)
    return None if kind is None else NOT_ADMITTED_REASONS[kind]


def _competences(n: int, adjective: str = "") -> str:
    noun = "compétence" if n <= 1 else "compétences"
    if adjective:
        adjective = adjective if n <= 1 else adjective + "s"
        return f"{n} {noun} {adjective}"
    return f"{n} {noun}"


def _nothing(
    referential: Referential,
    status: Status,
    acquired: tuple[str, ...],
    why: str,
    kind: NotAdmitted | None = None,
) -> Outcome:
    missing = {d.code: len(d.items) for d in referential.domains}
    return Outcome(status, (), acquired, (), missing, False, why, kind)


def evaluate(referential: Referential, situation: Situation) -> Outcome:
    """Apply the rules of the seed to one candidate."""
    acquired = acquired_items(referential, situation.prior)
    kind = not_admitted_kind(situation)
    if kind is not None:
        return _nothing(
            referential,
            Status.NOT_ADMITTED,
            acquired,
            "Non admis à l'épreuve orale : "
            f"{NOT_ADMITTED_REASONS[kind]}. Aucune compétence validée dans cette campagne.",
            kind,
        )
    if situation.annulled:
        return _nothing(
            referential,
            Status.ANNULLED,
            acquired,
            "Dossier annulé pour plagiat : aucune compétence validée dans cette campagne.",
        )
    if situation.attendance is Attendance.ABSENT:
        return _nothing(
            referential,
            Status.ABSENT,
            acquired,
            "Absent à l'épreuve orale (abandon) : aucune compétence validée dans cette campagne.",
        )
    return _examined(referential, situation, acquired)


def _examined(referential: Referential, situation: Situation, acquired: tuple[str, ...]) -> Outcome:
    acquired_set = set(acquired)
    present = situation.attendance is Attendance.PRESENT
    decisions = situation.decisions if present else {}
    validated: list[str] = []
    undecided: list[str] = []
    missing: dict[str, int] = {}
    refused: dict[str, int] = {}  # decided "not validated" (an undecided item may still be validated)
    for domain in referential.domains:
        lost = refusals = 0
        for code in domain.items:
            decision = decisions.get(code)
            if decision is Mark.VALIDATED or code in acquired_set:
                validated.append(code)
                continue
            lost += 1
            if not present:
                continue
            if decision is None:
                undecided.append(code)
            else:
                refusals += 1
        missing[domain.code], refused[domain.code] = lost, refusals
    certificate = (
        situation.attendance is Attendance.PRESENT
        and not undecided
        and len(validated) >= referential.min_validated
        and all(n <= referential.max_missing_per_domain for n in missing.values())
    )
    if situation.attendance is Attendance.PENDING:
        status = Status.AWAITING
    else:
        status = Status.IN_PROGRESS if undecided else Status.EXAMINED
    explanation = explain(
        referential,
        status,
        len(validated),
        missing if status is Status.EXAMINED else refused,
        len(undecided),
        certificate,
    )
    return Outcome(status, tuple(validated), acquired, tuple(undecided), missing, certificate, explanation)


def explain(
    referential: Referential,
    status: Status,
    validated: int,
    missing: Mapping[str, int],
    undecided: int,
    certificate: bool,
) -> str:
    """What the outcome means and, when the certificate is out of reach, what is missing.

    The outcome is the validation jury's proposal (it goes into the jurors' signed sheet): it says « proposé »,
    never « délivré », which only the certification jury's decision makes true.
    While the oral is in progress, ``missing`` holds only the items decided "not validated": a domain is named
    once it is already lost, not while its items are still to decide."""
    total = len(referential)
    head = f"{_competences(validated, 'validée')} sur {total}"
    if certificate:
        return f"Certificat proposé : {head}, au plus {referential.max_missing_per_domain} non validées par domaine."
    parts: list[str] = []
    if status is Status.AWAITING:
        parts.append("Épreuve orale non encore passée")
    elif undecided:
        parts.append(f"{_competences(undecided, 'non décidée')} par le jury")
    if status is Status.EXAMINED:
        parts.append(
            head
            if validated >= referential.min_validated
            else f"{head}, {referential.min_validated} au moins"
        )
    else:
        parts.append(head)
    for domain, n in missing.items():
        if n > referential.max_missing_per_domain:
            parts.append(
                f"Domaine {domain} : {_competences(n, 'non validée')}, "
                f"{referential.max_missing_per_domain} au plus"
            )
    prefix = "Certificat non proposé" if status is Status.EXAMINED else "En attente"
    return f"{prefix} : " + ". ".join(parts) + "."


def needs_justification(evaluator: Mark | None, decision: Mark | None) -> bool:
    """A jury decision that differs from the evaluator's mark must be justified (the jury may withdraw an item the
    evaluator validated, or validate one they did not: docs/FORMATS.md §2.2)."""
    return evaluator is not None and decision is not None and decision is not evaluator


def justification_kept(evaluator: Mark | None, old: Mark | None, new: Mark | None, kept: str) -> str:
    """The justification an item keeps when its decision changes and none is given: it explained the decision it
    was given with, so a new decision that needs none drops it (cleared, or now the evaluator's); one written
    before the decision it explains is kept."""
    return kept if new is old or needs_justification(evaluator, new) else ""
