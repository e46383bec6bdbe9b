"""The signed sheet's facts beside it, and the sheet each certification decision rests on (issue 11 §4).

- ``result_sheet``: ``status``, ``prior_items``, ``validated_items`` — what the sheet states, for the president's
  review to read the signed proposal of thousands of candidates without parsing every sheet. Filled here from
  the sheets already stored (their JSON is kept whole).
- ``certification_decision``: ``sheet_version``, ``sheet_proposal`` (certificate / attestation / none) and
  ``basis`` (``sheet``, or ``current`` when the president chose today's data over the sheet's); decisions taken
  before this revision keep ``""`` (not recorded) and ``sheet``.

Revision ID: 0005
Revises: 0003 (the lead re-chains migrations at merge)
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("result_sheet", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("prior_items", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("validated_items", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("certification_decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sheet_version", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("sheet_proposal", sa.String(length=16), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("basis", sa.String(length=16), nullable=False, server_default="sheet"))
    _fill_sheet_facts()


def _facts(result: dict[str, Any]) -> dict[str, str]:
    """The same reading as :func:`c2i2e_jury.exchange.result_json.validated_items`, frozen here: a migration
    must not change with the code. An examined candidate holds the items the jury validated and the acquired
    ones; an absent or not admitted one holds nothing."""
    items = result.get("items", [])
    status = str(result.get("status", ""))
    prior = [e["item"] for e in items if e.get("prior")]
    held = (
        [e["item"] for e in items if e.get("prior") or e.get("jury") == "V"] if status == "examined" else []
    )
    return {"status": status, "prior_items": ",".join(prior), "validated_items": ",".join(held)}


def _fill_sheet_facts() -> None:
    sheets = sa.table(
        "result_sheet",
        sa.column("pk", sa.Integer()),
        sa.column("result", sa.JSON()),
        sa.column("status", sa.String()),
        sa.column("prior_items", sa.Text()),
        sa.column("validated_items", sa.Text()),
    )
    connection = op.get_bind()
    for pk, result in connection.execute(sa.select(sheets.c.pk, sheets.c.result)).all():
        loaded = json.loads(result) if isinstance(result, str) else result
        connection.execute(sheets.update().where(sheets.c.pk == pk).values(**_facts(loaded or {})))


def downgrade() -> None:
    with op.batch_alter_table("certification_decision", schema=None) as batch_op:
        batch_op.drop_column("basis")
        batch_op.drop_column("sheet_proposal")
        batch_op.drop_column("sheet_version")
    with op.batch_alter_table("result_sheet", schema=None) as batch_op:
        batch_op.drop_column("validated_items")
        batch_op.drop_column("prior_items")
        batch_op.drop_column("status")
