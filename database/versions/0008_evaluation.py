"""The evaluator's time (issue 17): rework requests (one per candidate, the seed's rule held by a unique
constraint), the signed marks files and each candidate's signed marks.

Nothing existing changes: the marks typed in ``marks.csv`` stay in ``evaluator_mark``, which the signed marks in
force overwrite when they are imported (their origin is then the ``signed_marks`` row).

Revision ID: 0008
Revises: 0006 (the lead re-chains migrations at merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _candidate_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["candidate_pk"],
        ["candidate.pk"],
        name=op.f(f"fk_{table}_candidate_pk_candidate"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "rework_request",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("candidate_pk", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.Column("dossier_sha256", sa.String(length=64), nullable=False),
        sa.Column("redeposited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("redeposited_sha256", sa.String(length=64), nullable=False),
        sa.Column("redeposit_conform", sa.Boolean(), nullable=True),
        _candidate_fk("rework_request"),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_rework_request")),
        sa.UniqueConstraint("candidate_pk", name=op.f("uq_rework_request_candidate_pk")),
    )
    op.create_table(
        "marks_file",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("evaluator", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_marks_file_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_marks_file")),
        sa.UniqueConstraint("sha256", name=op.f("uq_marks_file_sha256")),
    )
    with op.batch_alter_table("marks_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_marks_file_campaign_id"), ["campaign_id"], unique=False)
    op.create_table(
        "signed_marks",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("candidate_pk", sa.Integer(), nullable=False),
        sa.Column("file_pk", sa.Integer(), nullable=False),
        sa.Column("entry", sa.JSON(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("in_force", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _candidate_fk("signed_marks"),
        sa.ForeignKeyConstraint(
            ["file_pk"],
            ["marks_file.pk"],
            name=op.f("fk_signed_marks_file_pk_marks_file"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_signed_marks")),
        sa.UniqueConstraint("candidate_pk", "file_pk", name=op.f("uq_signed_marks_candidate_pk_file_pk")),
    )
    with op.batch_alter_table("signed_marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signed_marks_candidate_pk"), ["candidate_pk"], unique=False)
        batch_op.create_index(batch_op.f("ix_signed_marks_file_pk"), ["file_pk"], unique=False)


def downgrade() -> None:
    op.drop_table("signed_marks")
    op.drop_table("marks_file")
    op.drop_table("rework_request")
