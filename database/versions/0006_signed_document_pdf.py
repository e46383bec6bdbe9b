"""Certificates and attestations signed as PDF (PAdES): the register keeps the signed file it issued.

The president's signature covers the whole PDF, so the file cannot be drawn again later without the president's
key: it is drawn and signed once, at issue, and kept. Rows issued before this revision have none (NULL): their
code is the legacy one (statement and signature hashed together, :func:`certificates.legacy_code`), their PDF is
drawn on demand, unsigned, as before, and verifies only against the register (the compatibility rule of
:mod:`c2i2e_jury.services.documents`).

Revision ID: 0006
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.drop_column("pdf")
