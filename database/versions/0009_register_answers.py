"""The registers' answers: who answered a reclamation and on what date the decision was taken; who confirmed or
refused an oral date change, when, and why a refusal.

Rows written before this revision keep what they had: an empty « by whom », no decision date (an answered
reclamation's date is then its ``answered_at``), no refusal note.

Revision ID: 0009
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reclamation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("answered_by", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
    with op.batch_alter_table("oral_date_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decided_by", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("decision_note", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("oral_date_change", schema=None) as batch_op:
        batch_op.drop_column("decision_note")
        batch_op.drop_column("decided_on")
        batch_op.drop_column("decided_by")
    with op.batch_alter_table("reclamation", schema=None) as batch_op:
        batch_op.drop_column("decided_on")
        batch_op.drop_column("answered_by")
