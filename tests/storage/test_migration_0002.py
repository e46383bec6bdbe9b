"""Migration 0002 (the certification registers) on a real database made at 0001 with data in it."""

from datetime import UTC, date, datetime

from sqlalchemy import inspect, select, text

from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.certification_models import CertificationDecision, Reclamation
from c2i2e_jury.storage.database import create_db_engine, open_database, resolve_url
from c2i2e_jury.storage.models import Candidate, Decision

NEW_TABLES = {"certification_decision", "issued_document", "reclamation", "oral_date_change"}


def _fill_at_0001(url: str) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0001")
    with engine.begin() as conn:
        assert not NEW_TABLES & set(inspect(conn).get_table_names())
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('c17', 'Campagne 2017', 2017, '2017-05-10', '2017-05-17', '2017-06-12', '2017-07-07', 10, 20,"
                " 'x', '2017-05-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                " rework_pending, oral_time, room, jury, evaluator, extra_time_percent, annulled, annulment_reason)"
                " VALUES (7, 'c17', 'C1', 'Lefèvre', 'Élodie', '', :t, :f, '08:30', 'B112', 'J1', 'M. Martin', 0, :f,"
                " '')"
            ),
            {"t": True, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO decision (candidate_pk, item, decision, comment, justification, updated_at)"
                " VALUES (7, 'A1.1', 'V', 'Vu à l''oral', '', '2017-06-12 08:50:00')"
            )
        )
    engine.dispose()


def test_a_0001_database_with_data_is_migrated_and_keeps_it(db_url):
    _fill_at_0001(db_url)
    db = open_database(db_url)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.SCHEMA_HEAD
        assert set(inspect(db.engine).get_table_names()) >= NEW_TABLES
        with db.session() as s:
            candidate = s.scalars(select(Candidate)).one()
            assert (candidate.last_name, candidate.first_name) == ("Lefèvre", "Élodie")
            assert s.scalars(select(Decision.comment)).one() == "Vu à l'oral"
            now = datetime(2017, 7, 10, 9, 0, tzinfo=UTC)
            s.add(
                CertificationDecision(
                    candidate_pk=7,
                    kind="attestation",
                    validated="A1.1",
                    decided_at=now,
                    decided_by="Présidente",
                )
            )
            s.add(
                Reclamation(
                    candidate_pk=7,
                    problem_date=date(2017, 6, 12),
                    received_date=date(2017, 6, 30),
                    text="Réclamation",
                    recorded_at=now,
                    recorded_by="Secrétariat",
                )
            )
        with db.read() as s:
            assert s.scalars(select(CertificationDecision.decided_at)).one() == datetime(
                2017, 7, 10, 9, 0, tzinfo=UTC
            )
            assert s.scalars(select(Reclamation.status)).one() == "pending"
    finally:
        db.dispose()


def test_the_certification_rows_go_with_their_candidate(database):
    """ON DELETE CASCADE as in 0001: removing a candidate leaves no orphan in the new registers."""
    now = datetime(2017, 7, 10, 9, 0, tzinfo=UTC)
    with database.session() as s:
        s.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from,"
                " orals_to, presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('c', 't', 2017, '2017-05-10', '2017-05-17', '2017-06-12', '2017-07-07', 10, 20, 'x',"
                " '2017-05-01 00:00:00')"
            )
        )
        s.add(
            Candidate(
                pk=1,
                campaign_id="c",
                candidate_id="C1",
                last_name="A",
                first_name="B",
                deposited=True,
                rework_pending=False,
            )
        )
        s.flush()
        s.add(CertificationDecision(candidate_pk=1, kind="certificate", decided_at=now, decided_by="P"))
    with database.session() as s:
        s.delete(s.get(Candidate, 1))
    with database.read() as s:
        assert s.scalars(select(CertificationDecision)).all() == []
