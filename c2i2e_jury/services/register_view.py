"""The two registers as one list the secretariat reads, filters and exports whole.

One :class:`RegisterEntry` per reclamation or date change, in the order they arrived; each says where it stands
(« en attente » until decided) and, for a reclamation, the seed's 15 days: its deadline (the problem's date plus
15 days) and whether it arrived in time. The export is the whole register, whatever the screen filters, as a
French Excel CSV through :mod:`c2i2e_jury.exchange.spreadsheet`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from c2i2e_jury.exchange.spreadsheet import excel_csv
from c2i2e_jury.services.registers import (
    DateChangeRow,
    ReclamationRow,
    date_changes,
    reclamations,
)
from c2i2e_jury.storage.database import Database

KINDS = {"reclamation": "réclamation", "date_change": "changement de date"}
OPEN_STATES = ("pending", "awaiting_proof")


@dataclass(frozen=True)
class RegisterEntry:
    kind: str  # reclamation / date_change
    pk: int
    candidate_id: str
    full_name: str
    arrived: date  # received (a reclamation), requested (a date change)
    problem_date: date | None
    deadline: date | None  # a reclamation's 15 days
    in_time: bool | None  # None: no deadline applies
    delay: str
    subject: str
    state: str
    state_label: str
    decision: str  # the answer given, or why a change was refused
    decided_on: date | None
    decided_by: str
    slot: str  # a date change: « 12/06/2017 08:30 → 03/07/2017 14:00 »
    recorded_at: datetime
    recorded_by: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


def _fr(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _reclamation(r: ReclamationRow) -> RegisterEntry:
    decided = r.decided_on or (r.answered_at.date() if r.answered_at else None)
    return RegisterEntry(
        "reclamation",
        r.pk,
        r.candidate_id,
        r.full_name,
        r.received_date,
        r.problem_date,
        r.deadline,
        r.in_time,
        r.delay_text,
        r.text,
        r.status,
        r.status_label,
        r.outcome,
        decided,
        r.answered_by,
        "",
        r.recorded_at,
        r.recorded_by,
    )


def _change(c: DateChangeRow) -> RegisterEntry:
    old = f"{_fr(c.old_date)} {c.old_time}".strip() or "non fixée"
    proof = c.proof + ("" if c.proof_received or c.status == "refused" else " (justificatif attendu)")
    return RegisterEntry(
        "date_change",
        c.pk,
        c.candidate_id,
        c.full_name,
        c.requested_on,
        None,
        None,
        None,
        "",
        f"{c.reason_label} — {proof}",
        c.status,
        c.status_label,
        c.decision_note,
        c.decided_on or (c.applied_at.date() if c.applied_at else None),
        c.decided_by,
        f"{old} → {_fr(c.new_date)} {c.new_time}",
        c.recorded_at,
        c.recorded_by,
    )


def register_entries(db: Database, campaign_id: str) -> list[RegisterEntry]:
    """Both registers, in the order the requests arrived."""
    entries = [_reclamation(r) for r in reclamations(db, campaign_id)]
    entries += [_change(c) for c in date_changes(db, campaign_id)]
    return sorted(entries, key=lambda e: (e.arrived, e.recorded_at, e.kind, e.pk))


def matching(
    entries: Iterable[RegisterEntry],
    *,
    kind: str | None = None,
    open_only: bool | None = None,
    in_time: bool | None = None,
) -> list[RegisterEntry]:
    """The entries of one ``kind``, open (``True``) or decided (``False``), on time or late (reclamations)."""
    return [
        e
        for e in entries
        if (kind is None or e.kind == kind)
        and (open_only is None or e.open == open_only)
        and (in_time is None or e.in_time is in_time)
    ]


COLUMNS = (
    "Registre",
    "N°",
    "Identifiant",
    "Candidat",
    "Reçue le",
    "Date du problème",
    "Échéance (15 jours)",
    "Délai",
    "Objet",
    "Changement d'oral",
    "État",
    "Réponse ou motif",
    "Décidé le",
    "Décidé par",
    "Enregistrée le",
    "Enregistrée par",
)


def register_csv(entries: Sequence[RegisterEntry]) -> bytes:
    """The register as a French Excel CSV (semicolons, BOM, formulas neutralised)."""
    return excel_csv(
        COLUMNS,
        (
            (
                e.kind_label,
                e.pk,
                e.candidate_id,
                e.full_name,
                _fr(e.arrived),
                _fr(e.problem_date),
                _fr(e.deadline),
                e.delay,
                e.subject,
                e.slot,
                e.state_label,
                e.decision,
                _fr(e.decided_on),
                e.decided_by,
                e.recorded_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                e.recorded_by,
            )
            for e in entries
        ),
        identifiers=("Identifiant",),
    )


def export_register(db: Database, campaign_id: str) -> bytes:
    """The whole register, both kinds, every state."""
    return register_csv(register_entries(db, campaign_id))
