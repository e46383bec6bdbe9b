"""The certification jury's signed procès-verbaux (issue 12 §5): each PV the president signed, kept with its
time, signer and bytes. A delivery the PV carries can no longer be undone; before the PV it can (a
``delivery_undone`` row of ``certification_decision``, a kind that needs no schema change).

Revision ID: 0007
Revises: 0006 (the lead re-chains migrations at merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signed_pv",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("meeting", sa.Date(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_by", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_signed_pv_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_signed_pv")),
    )
    with op.batch_alter_table("signed_pv", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signed_pv_campaign_id"), ["campaign_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("signed_pv", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signed_pv_campaign_id"))
    op.drop_table("signed_pv")
