"""The campaign database: SQLAlchemy 2 typed models of the campaign, its candidates, their dossiers, marks and
orals, and the sheets received.

Idempotent imports rest on unique constraints (campaign, candidate, content hash). The declarative base and
the naming convention are in :mod:`.base`; the certification jury's registers in :mod:`.certification_models`,
imported here so that whoever imports the models gets every table in one metadata (Alembic, the schema tests).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from c2i2e_jury.domain.timer_values import JsonValue
from c2i2e_jury.storage import (
    certification_models,  # noqa: F401 - the registers' tables join the metadata
    evaluation_models,  # noqa: F401 - rework requests, signed marks
)
from c2i2e_jury.storage.base import Base, UTCDateTime


class Campaign(Base):
    __tablename__ = "campaign"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    deposit_opens: Mapped[date] = mapped_column(Date)
    deposit_closes: Mapped[date] = mapped_column(Date)
    orals_from: Mapped[date] = mapped_column(Date)
    orals_to: Mapped[date] = mapped_column(Date)
    presentation_minutes: Mapped[int] = mapped_column(Integer, default=10)
    discussion_minutes: Mapped[int] = mapped_column(Integer, default=20)
    authority_pem: Mapped[str | None] = mapped_column(Text)
    # The last day a result sheet of the campaign may be signed; None: December 31 of the year after ``year``
    # (services.signer_rules). The demo, tried any day, sets it ahead.
    sheets_until: Mapped[date | None] = mapped_column(Date)
    package_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())

    candidates: Mapped[list[Candidate]] = relationship(
        back_populates="campaign", order_by="Candidate.candidate_id"
    )
    jurors: Mapped[list[Juror]] = relationship(back_populates="campaign")


class Candidate(Base):
    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("campaign_id", "candidate_id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[str] = mapped_column(String(64))
    last_name: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(300), default="")
    deposited: Mapped[bool] = mapped_column(Boolean)
    rework_pending: Mapped[bool] = mapped_column(Boolean)
    oral_date: Mapped[date | None] = mapped_column(Date)
    oral_time: Mapped[str] = mapped_column(String(5), default="")
    room: Mapped[str] = mapped_column(String(100), default="")
    jury: Mapped[str] = mapped_column(String(100), default="")
    evaluator: Mapped[str] = mapped_column(String(200), default="")
    extra_time_percent: Mapped[int] = mapped_column(Integer, default=0)
    annulled: Mapped[bool] = mapped_column(Boolean, default=False)
    annulment_reason: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign] = relationship(back_populates="candidates")
    dossier: Mapped[Dossier | None] = relationship(back_populates="candidate", cascade="all, delete-orphan")
    marks: Mapped[list[EvaluatorMark]] = relationship(cascade="all, delete-orphan")
    prior: Mapped[list[PriorItem]] = relationship(cascade="all, delete-orphan")
    decisions: Mapped[list[Decision]] = relationship(cascade="all, delete-orphan")
    oral: Mapped[Oral | None] = relationship(back_populates="candidate", cascade="all, delete-orphan")

    @property
    def full_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}"


class Dossier(Base):
    """A candidate's dossier, stored by content in the data folder (``dossiers/<sha256>.pdf``)."""

    __tablename__ = "dossier"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), unique=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)

    candidate: Mapped[Candidate] = relationship(back_populates="dossier")


class EvaluatorMark(Base):
    __tablename__ = "evaluator_mark"
    __table_args__ = (
        UniqueConstraint("candidate_pk", "item"),
        # Covering: the president's review reads marks beside decisions without touching the table.
        Index("ix_evaluator_mark_cover", "candidate_pk", "item", "mark"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(8))
    mark: Mapped[str | None] = mapped_column(String(2))  # "V", "NV" or None (not assessed)
    comment: Mapped[str] = mapped_column(Text, default="")


class PriorItem(Base):
    __tablename__ = "prior_item"
    __table_args__ = (UniqueConstraint("candidate_pk", "item"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(8))
    year: Mapped[int | None] = mapped_column(Integer)
    copy_deposited: Mapped[bool] = mapped_column(Boolean)
    original_received: Mapped[bool] = mapped_column(Boolean)


class Juror(Base):
    __tablename__ = "juror"
    __table_args__ = (UniqueConstraint("campaign_id", "jury", "name"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    jury: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(300), default="")
    certificate_pem: Mapped[str | None] = mapped_column(Text)

    campaign: Mapped[Campaign] = relationship(back_populates="jurors")


class CredentialRevocation(Base):
    """A juror's credential revoked by the secretariat (a lost laptop): sheets it signed from ``revoked_from``
    on are refused; those signed before stay valid. Keyed by the certificate's fingerprint, whatever campaign."""

    __tablename__ = "credential_revocation"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    revoked_from: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Oral(Base):
    """The oral of one candidate: check-in, where the jury was in the dossier, and its timer events."""

    __tablename__ = "oral"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), unique=True)
    attendance: Mapped[str] = mapped_column(String(16), default="pending")  # pending / present / absent
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    current_page: Mapped[int] = mapped_column(Integer, default=0)
    view_state: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    view_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    timer_alive_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the timer's last heartbeat
    locked: Mapped[bool] = mapped_column(Boolean, default=False)

    candidate: Mapped[Candidate] = relationship(back_populates="oral")
    timer_events: Mapped[list[TimerEvent]] = relationship(
        cascade="all, delete-orphan", order_by="TimerEvent.seq"
    )
    incidents: Mapped[list[Incident]] = relationship(cascade="all, delete-orphan", order_by="Incident.at")


class TimerEvent(Base):
    __tablename__ = "timer_event"
    __table_args__ = (UniqueConstraint("oral_pk", "seq"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    oral_pk: Mapped[int] = mapped_column(ForeignKey("oral.pk", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    data: Mapped[dict[str, JsonValue]] = mapped_column(JSON, default=dict)  # the domain event's data


class Incident(Base):
    __tablename__ = "incident"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    oral_pk: Mapped[int] = mapped_column(ForeignKey("oral.pk", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # late_arrival / technical / fraud_suspicion / other
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")


class Decision(Base):
    """The validation jury's current decision on one item; its history is in :class:`DecisionChange`."""

    __tablename__ = "decision"
    __table_args__ = (
        UniqueConstraint("candidate_pk", "item"),
        Index("ix_decision_cover", "candidate_pk", "item", "decision"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(8))
    decision: Mapped[str | None] = mapped_column(String(2))
    comment: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DecisionChange(Base):
    __tablename__ = "decision_change"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(8))
    old: Mapped[str | None] = mapped_column(String(2))
    new: Mapped[str | None] = mapped_column(String(2))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    justification: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(32), default="validation_jury")  # or certification_jury


class ResultSheet(Base):
    """A signed result sheet (one per candidate and version), kept whole: it is the legal record."""

    __tablename__ = "result_sheet"
    __table_args__ = (UniqueConstraint("candidate_pk", "version"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    supersedes: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    result: Mapped[dict[str, object]] = mapped_column(JSON)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reopen_reason: Mapped[str] = mapped_column(Text, default="")
    # What the sheet states, kept beside it (migration 0005) so that the president's review of thousands of
    # candidates reads the signed proposal without parsing every sheet: its status (examined, absent,
    # not_admitted), the earlier validations it records and the items it validates ("A1.1,A1.2,…").
    status: Mapped[str] = mapped_column(String(16), default="")
    prior_items: Mapped[str] = mapped_column(Text, default="")
    validated_items: Mapped[str] = mapped_column(Text, default="")


class SheetConflict(Base):
    """A sheet with the same version as a stored one but different content: kept aside for a person to decide,
    nothing overwritten."""

    __tablename__ = "sheet_conflict"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    result: Mapped[dict[str, object]] = mapped_column(JSON)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str] = mapped_column(Text, default="")
