"""What the validation jury's signed sheet proposes, and how it compares with today's data.

The certification jury decides on what the jurors signed: the sheet's decisions and the earlier validations it
records (issue 11 §4), never on a silent recomputation over today's database. Today's data may differ — an
earlier validation completed after the oral (``prior.csv`` imported again with the original received), a
candidate's deposit corrected — and then both are shown and the president chooses which to decide on.

The sheet's figures are read from the columns kept beside each stored sheet (``status``, ``prior_items``,
``validated_items``) and given to the rules again: :func:`~c2i2e_jury.exchange.result_json.validate_result`
checked at import that the sheet's own outcome is exactly what the rules give for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.domain.rules import Outcome, Status, evaluate
from c2i2e_jury.exchange.result_json import stated_situation
from c2i2e_jury.resources_access import referential
from c2i2e_jury.storage.models import ResultSheet

BASES = ("sheet", "current")  # decide on what the sheet signed, or on today's data


@dataclass(frozen=True)
class Signed:
    """The latest signed sheet of a candidate: its version and the outcome the rules give its facts."""

    version: int
    outcome: Outcome


@cache
def signed_outcome(status: str, prior: str, validated: str) -> Outcome:
    """The outcome a sheet signed, from its stored facts (``"A1.1,A1.2"`` strings); shared by equal sheets."""
    ref = referential()
    return evaluate(ref, stated_situation(status, _codes(prior), _codes(validated), ref))


def _codes(joined: str) -> tuple[str, ...]:
    return tuple(code for code in joined.split(",") if code)


def latest_signed(session: Session, candidate_pk: int) -> Signed | None:
    row = session.execute(
        select(ResultSheet.version, ResultSheet.status, ResultSheet.prior_items, ResultSheet.validated_items)
        .where(ResultSheet.candidate_pk == candidate_pk)
        .order_by(ResultSheet.version.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return Signed(row[0], signed_outcome(row[1], row[2], row[3]))


def proposal(outcome: Outcome) -> str | None:
    """What the rules propose for an outcome: the certificate, a partial attestation, or nothing to deliver."""
    if outcome.certificate:
        return "certificate"
    if outcome.status is Status.EXAMINED and outcome.validated_count > 0:
        return "attestation"
    return None


def differs(signed: Outcome, current: Outcome) -> bool:
    """Today's data no longer give what the sheet signed. An annulment is the certification jury's own decision,
    not a change of data: it never counts as a difference."""
    if current.status is Status.ANNULLED:
        return False
    return (signed.status, signed.validated, signed.certificate) != (
        current.status,
        current.validated,
        current.certificate,
    )


def proposal_text(outcome: Outcome) -> str:
    """What a sheet (or today's data) proposes, in French, for the PV and the president's messages."""
    n = outcome.validated_count
    if outcome.status is Status.NOT_ADMITTED:
        return "non admis"
    if outcome.status is Status.ABSENT:
        return "absent"
    if outcome.status is Status.ANNULLED:
        return "dossier annulé"
    if outcome.status is not Status.EXAMINED:
        return "oral non terminé"
    if outcome.certificate:
        return f"certificat proposé ({n}/28)"
    if n:
        return f"certificat non proposé ; attestation de {n} compétence{'s' if n > 1 else ''} ({n}/28)"
    return "certificat non proposé ; aucune compétence validée"


def difference_sentence(version: int, signed: Outcome, current: Outcome) -> str:
    """Both proposals and what changed, ending with the choice to make (one French sentence)."""
    gained = [c for c in current.validated if c not in signed.validated]
    lost = [c for c in signed.validated if c not in current.validated]
    changes = []
    if gained:
        changes.append(f"{', '.join(gained)} acquise{'s' if len(gained) > 1 else ''} depuis")
    if lost:
        changes.append(f"{', '.join(lost)} plus acquise{'s' if len(lost) > 1 else ''}")
    why = f" ({' ; '.join(changes)})" if changes else ""
    return (
        f"La feuille signée (version {version}) dit : {proposal_text(signed)} ; les données actuelles "
        f"donnent : {proposal_text(current)}{why} : choisissez sur quelle base décider."
    )


def chosen(signed: Signed | None, current: Outcome, basis: str | None) -> Outcome:
    """The outcome a decision rests on: the sheet's, unless the president chose today's data (or there is no
    sheet, or the candidate is annulled: then today's, which the rules refuse to deliver on)."""
    if basis is not None and basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    if signed is None or current.status is Status.ANNULLED or basis == "current":
        return current
    return signed.outcome
