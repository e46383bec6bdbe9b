"""The paper fallback (docs/FORMATS.md §5.8): a jury that had to work on paper types its decisions into a CSV,
and the sheet is recorded and signed exactly as in the workspace, under the same rules.

The CSV has the columns ``item;decision;comment`` (and optionally ``justification``), ``;`` or ``,``, as Excel
writes it. Items acquired earlier may be left out. A decision that differs from the evaluator's mark needs a
justification: the ``justification`` column, or else the comment. Everything is checked, and every problem
listed, before anything is written; the credentials are checked too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from c2i2e_jury.domain.rules import Attendance, Mark, needs_justification
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.tabular import Table, read_csv
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.jury_room import CandidateFile, JuryRoomError
from c2i2e_jury.services.oral_timer import build_timer
from c2i2e_jury.services.sheet_signing import StoredSheet, check_signers, oral_phase_problem, sign_and_lock
from c2i2e_jury.storage.database import Database

log = logging.getLogger(__name__)

DECISIONS = {
    "v": Mark.VALIDATED,
    "nv": Mark.NOT_VALIDATED,
    "validé": Mark.VALIDATED,
    "valide": Mark.VALIDATED,
    "non validé": Mark.NOT_VALIDATED,
    "non valide": Mark.NOT_VALIDATED,
}


class PaperSheetError(JuryRoomError):
    """The typed-in paper sheet breaks a rule; ``details`` lists every problem (line, item, why)."""


@dataclass(frozen=True)
class PaperDecision:
    item: str
    decision: Mark
    comment: str
    justification: str


def read_decisions(data: bytes, file: CandidateFile, source: str = "décisions.csv") -> list[PaperDecision]:
    """The CSV's decisions, checked against the candidate's file; :class:`PaperSheetError` lists every problem."""
    table = read_csv(source, data)
    problems = _column_problems(table)
    if problems:
        raise PaperSheetError(f"{source} n'a pas les colonnes attendues.", problems)
    rows = {row.code: row for row in file.items}
    decisions: dict[str, PaperDecision] = {}
    for row in table.rows:
        where = f"{source}, ligne {row.line}"
        code = row.get("item").upper()
        if code not in rows:
            problems.append(f"{where} : item inconnu « {row.get('item')} »")
            continue
        if code in decisions:
            problems.append(f"{where} : {code} apparaît deux fois")
            continue
        if rows[code].acquired:
            problems.append(
                f"{where} : {code} est acquise par une validation antérieure ; laissez-la de côté"
            )
            continue
        decision = DECISIONS.get(row.get("decision").lower())
        if decision is None:
            problems.append(f"{where} : décision « {row.get('decision')} » pour {code} (V ou NV attendu)")
            continue
        comment, justification = row.get("comment"), row.get("justification") or row.get("comment")
        if needs_justification(rows[code].evaluator, decision) and not justification:
            evaluator = rows[code].evaluator
            problems.append(
                f"{where} : {code} diffère de l'évaluateur ({evaluator.value if evaluator else '-'}) : "
                "une justification (ou un commentaire) est obligatoire"
            )
            continue
        decisions[code] = PaperDecision(
            code,
            decision,
            comment,
            justification if needs_justification(rows[code].evaluator, decision) else "",
        )
    missing = [r.code for r in file.items if not r.acquired and r.code not in decisions]
    if missing and not problems:
        problems.append(f"{source} : il manque la décision du jury pour {', '.join(missing)}")
    if problems:
        raise PaperSheetError(
            f"{source} ne peut pas être enregistré : {len(problems)} problème"
            f"{'s' if len(problems) > 1 else ''}.",
            problems,
        )
    return [decisions[r.code] for r in file.items if r.code in decisions]


def _column_problems(table: Table) -> list[str]:
    missing = [c for c in ("item", "decision") if c not in table.columns]
    return [
        f"{table.file} : colonne « {c} » absente (colonnes attendues : item;decision;comment)"
        for c in missing
    ]


def find_candidate(db: Database, candidate_id: str, campaign_id: str | None = None) -> int:
    """The database key of candidate ``candidate_id`` (in ``campaign_id`` when several campaigns have one)."""
    from sqlalchemy import select

    from c2i2e_jury.storage.models import Candidate

    with db.read() as session:
        query = select(Candidate.pk, Candidate.campaign_id).where(Candidate.candidate_id == candidate_id)
        if campaign_id:
            query = query.where(Candidate.campaign_id == campaign_id)
        found = list(session.execute(query))
    if not found:
        where = f" dans la campagne « {campaign_id} »" if campaign_id else ""
        raise JuryRoomError(f"Candidat n° {candidate_id} introuvable{where}.")
    if len(found) > 1:
        campaigns = ", ".join(sorted(row[1] for row in found))
        raise JuryRoomError(
            f"Le n° {candidate_id} existe dans plusieurs campagnes ({campaigns}) : précisez --campaign."
        )
    return int(found[0][0])


def create_paper_sheet(
    db: Database,
    candidate_pk: int,
    decisions: bytes | None,
    credential_1: Credential,
    credential_2: Credential,
    *,
    absent: bool = False,
    source: str = "décisions.csv",
    now: datetime | None = None,
) -> StoredSheet:
    """Record a paper sheet's decisions (or the absence) and sign it; refused, with nothing written, when any
    decision, the candidate's situation or a credential breaks a rule."""
    moment = now or datetime.now(UTC)
    file = jury_room.candidate_file(db, candidate_pk)
    if file.locked:
        raise JuryRoomError(
            f"La feuille de {file.full_name} est déjà signée : rouvrez-la (avec un motif) pour la modifier."
        )
    has_rows = decisions is not None and bool(read_csv(source, decisions).rows)
    if not file.admitted:
        if has_rows:
            raise PaperSheetError(
                f"{file.full_name} n'est pas admis à l'épreuve orale ({file.not_admitted_reason}) "
                ": la feuille ne peut porter aucune décision."
            )
        typed: list[PaperDecision] = []
    elif absent:
        if has_rows:
            raise PaperSheetError(
                f"{file.full_name} est déclaré absent : la feuille ne peut porter aucune décision."
            )
        typed = []
    else:
        if decisions is None:
            raise PaperSheetError(
                "Les décisions du jury (fichier CSV) sont nécessaires pour un candidat examiné."
            )
        typed = read_decisions(decisions, file, source)
    check_signers(db, candidate_pk, credential_1, credential_2, moment)
    _check_timer(db, file, examined=file.admitted and not absent)
    _record(db, file, typed, absent, _ticks(moment))
    stored = sign_and_lock(db, candidate_pk, credential_1, credential_2, now=moment, on_paper=True)
    log.info("paper sheet of %s recorded and signed (version %s)", file.candidate_id, stored.version)
    return stored


def _check_timer(db: Database, file: CandidateFile, *, examined: bool) -> None:
    """Before anything is written: an oral whose timer runs in the program is not over, on paper or not."""
    problem = oral_phase_problem(examined, build_timer(db, file).snapshot(), on_paper=True)
    if problem is not None:
        raise JuryRoomError(problem)


def _ticks(start: datetime) -> Callable[[], datetime]:
    """Each recorded change one millisecond after the previous one, all before the signing moment."""
    count = iter(range(10**6))
    return lambda: start - timedelta(seconds=1) + timedelta(milliseconds=next(count))


def _record(
    db: Database, file: CandidateFile, typed: list[PaperDecision], absent: bool, now: Callable[[], datetime]
) -> None:
    if not file.admitted:
        return
    attendance = Attendance.ABSENT if absent else Attendance.PRESENT
    if file.attendance is not attendance:
        jury_room.check_in(db, file.pk, attendance, now=now)
    for d in typed:
        jury_room.decide(
            db, file.pk, d.item, d.decision, comment=d.comment, justification=d.justification, now=now
        )
