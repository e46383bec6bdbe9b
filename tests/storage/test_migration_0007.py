"""Migration 0007 (issue 12 §5) on a real database made at 0006 with a certificate delivered: the register of
signed PVs appears empty, so the delivery can still be undone; once a PV is recorded after it, it cannot."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect, text

from c2i2e_jury.services.certification import CertificationError, decisions_of, undo_delivery
from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.certification_models import SignedPv
from c2i2e_jury.storage.database import create_db_engine, open_database, resolve_url

DELIVERED = datetime(2017, 7, 10, 15, 0, tzinfo=UTC)


def _deliver_at_0006(url: str) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('grenoble-2017', 'Grenoble 2017', 2017, '2017-05-10', '2017-05-17',"
                " '2017-06-12', '2017-07-07', 10, 20, 'x', '2017-05-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                " rework_pending, oral_time, room, jury, evaluator, extra_time_percent, annulled, annulment_reason)"
                " VALUES (1, 'grenoble-2017', 'C2017-001', 'Bertrand', 'Léa', '', :t, :f, '08:30', 'B112', 'J1',"
                " '', 0, :f, '')"
            ),
            {"t": True, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO certification_decision (candidate_pk, kind, reason, validated, decided_at, decided_by,"
                " sheet_proposal, basis) VALUES (1, 'certificate', '', 'A1.1', :at, 'Présidente', 'certificate',"
                " 'sheet')"
            ),
            {"at": DELIVERED},
        )
    engine.dispose()


def test_a_delivery_made_before_0007_is_undone_until_a_pv_is_recorded(db_url):
    _deliver_at_0006(db_url)
    db = open_database(db_url)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.SCHEMA_HEAD  # 0007 and those after it
        assert "signed_pv" in inspect(db.engine).get_table_names()
        undo_delivery(db, 1, by="Présidente", now=lambda: datetime(2017, 7, 10, 16, 0, tzinfo=UTC))
        assert [e.kind for e in decisions_of(db, 1)] == ["certificate", "delivery_undone"]
        with db.session() as s:
            s.execute(
                text(
                    "INSERT INTO certification_decision (candidate_pk, kind, reason, validated, decided_at,"
                    " decided_by, sheet_proposal, basis) VALUES (1, 'certificate', '', 'A1.1', :at,"
                    " 'Présidente', 'certificate', 'sheet')"
                ),
                {"at": datetime(2017, 7, 10, 17, 0, tzinfo=UTC)},
            )
            s.add(
                SignedPv(
                    campaign_id="grenoble-2017",
                    meeting=date(2017, 7, 10),
                    signed_at=datetime(2017, 7, 10, 18, 0, tzinfo=UTC),
                    signed_by="Présidente",
                    sha256="0" * 64,
                    pdf=b"%PDF-1.7",
                )
            )
        with pytest.raises(CertificationError, match="porte cette délivrance"):
            undo_delivery(db, 1, by="Présidente")
    finally:
        db.dispose()
