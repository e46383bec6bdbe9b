"""The certification jury's and the secretariat's registers (migration 0002).

- :class:`CertificationDecision`: what the certification jury decided for a candidate (certificate, partial
  attestation, annulment for plagiarism, annulment lifted), with its time and who; append-only, the latest row
  is the one in force.
- :class:`IssuedDocument`: every certificate or attestation produced, with its verification code, the signed
  statement the code stands for and the PDF the president signed (see :mod:`c2i2e_jury.exchange.certificates`;
  since migration 0006); a document is never deleted, only
  revoked (annulment) or replaced (a later document for the same candidate).
- :class:`SignedPv`: every procès-verbal the president signed (migration 0007); a delivery it carries is final.
- :class:`Reclamation` and :class:`OralDateChange`: the two registers of the seed's rules.

Kept apart from :mod:`.models` (the campaign and the orals), which imports this module so that Alembic sees one
metadata; both derive from :mod:`.base`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from c2i2e_jury.storage.base import Base, UTCDateTime


class CertificationDecision(Base):
    __tablename__ = "certification_decision"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    # certificate / attestation / annulment / annulment_lifted / delivery_undone (a delivery taken back before the PV)
    kind: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text, default="")
    validated: Mapped[str] = mapped_column(
        Text, default=""
    )  # the validated items when decided, "A1.1,A1.2,…"
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by: Mapped[str] = mapped_column(String(200))
    # The signed sheet the decision rests on (migration 0005): its version, what it proposed (certificate /
    # attestation / none; "" without a sheet) and whether the decision follows it ("sheet") or today's data
    # ("current": an earlier validation completed after the oral, the president chose to count it).
    sheet_version: Mapped[int | None] = mapped_column(Integer)
    sheet_proposal: Mapped[str] = mapped_column(String(16), default="")
    basis: Mapped[str] = mapped_column(String(16), default="sheet")


class IssuedDocument(Base):
    __tablename__ = "issued_document"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    decision_pk: Mapped[int] = mapped_column(
        ForeignKey("certification_decision.pk", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # certificate / attestation
    payload: Mapped[str] = mapped_column(
        Text
    )  # the signed statement: canonical JSON, exactly the signed bytes
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    signer_pem: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes | None] = mapped_column(
        LargeBinary
    )  # the signed PDF; None for documents issued before 0006
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str] = mapped_column(Text, default="")


class SignedPv(Base):
    __tablename__ = "signed_pv"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    meeting: Mapped[date] = mapped_column(Date)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signed_by: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)


class Reclamation(Base):
    __tablename__ = "reclamation"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    problem_date: Mapped[date] = mapped_column(Date)
    received_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending / accepted / rejected
    outcome: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(200))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The answer's author and the date of the decision it announces (migration 0009); "" and None before.
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)


class OralDateChange(Base):
    __tablename__ = "oral_date_change"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # hospitalisation / bereavement / exam_convocation
    proof: Mapped[str] = mapped_column(Text, default="")
    proof_received: Mapped[bool] = mapped_column(Boolean, default=False)
    requested_on: Mapped[date] = mapped_column(Date)
    old_date: Mapped[date | None] = mapped_column(Date)
    old_time: Mapped[str] = mapped_column(String(5), default="")
    new_date: Mapped[date] = mapped_column(Date)
    new_time: Mapped[str] = mapped_column(String(5), default="")
    status: Mapped[str] = mapped_column(String(16))  # awaiting_proof / applied / refused
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Who confirmed (the proof arrived) or refused the change, on what date, and why a refusal (migration 0009).
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str] = mapped_column(Text, default="")
