"""The evaluator's time of the campaign (migration 0008): rework requests and the signed marks files.

- :class:`ReworkRequest`: the seed's « demande de re-travail ». One row per candidate at most (a unique
  constraint, so that the rule « Cette procédure ne pourra pas être répétée » holds even against two laptops
  racing): the failed requirements as the candidate reads them, when and by whom, the dossier it was about, and,
  once the candidate redeposited, the new dossier (both PDFs stay in the content-addressed store).
- :class:`MarksFile`: a signed marks PDF an evaluator exported (one candidate or a batch), kept whole: it is the
  record of the evaluation; identified by its SHA-256.
- :class:`SignedMarks`: one candidate's marks as one marks file carries them. The latest signed (by the time the
  evaluator's signature states) is in force, and is what the jurors see, with its origin.

Kept apart from :mod:`.models`, which imports this module so that Alembic sees one metadata.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from c2i2e_jury.storage.base import Base, UTCDateTime


class ReworkRequest(Base):
    __tablename__ = "rework_request"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), unique=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    requested_by: Mapped[str] = mapped_column(String(200))  # the evaluator's name
    requirements: Mapped[list[str]] = mapped_column(JSON, default=list)  # sentences for the candidate
    dossier_sha256: Mapped[str] = mapped_column(String(64), default="")  # the dossier to rework ("" none)
    redeposited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    redeposited_sha256: Mapped[str] = mapped_column(String(64), default="")
    redeposit_conform: Mapped[bool | None] = mapped_column(Boolean)  # the format report on the new dossier


class MarksFile(Base):
    __tablename__ = "marks_file"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    evaluator: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SignedMarks(Base):
    __tablename__ = "signed_marks"
    __table_args__ = (UniqueConstraint("candidate_pk", "file_pk"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_pk: Mapped[int] = mapped_column(ForeignKey("candidate.pk", ondelete="CASCADE"), index=True)
    file_pk: Mapped[int] = mapped_column(ForeignKey("marks_file.pk", ondelete="CASCADE"), index=True)
    entry: Mapped[dict[str, object]] = mapped_column(JSON)  # the candidate's entry of c2i2e-marks.json
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the file's, here to order without a join
    in_force: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
