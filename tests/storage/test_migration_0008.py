"""Migration 0008 (issue 17) on a real database made at 0006 with a candidate and typed marks: the candidate and
the marks stay as they were, the new tables arrive, and the seed's rework rule holds in the schema itself (one
request per candidate: a second row is refused by the database, whatever program writes it)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.database import (
    SCHEMA_HEAD,
    create_db_engine,
    current_revision,
    open_database,
    resolve_url,
)

ASKED = datetime(2017, 5, 18, 9, 30, tzinfo=UTC)


def _candidate_at_0006(url: str) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('grenoble-2017', 'Grenoble 2017', 2017, '2017-05-10', '2017-05-17', '2017-06-12', '2017-07-07',"
                " 10, 20, 'x', '2017-05-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                " rework_pending, oral_time, room, jury, evaluator, extra_time_percent, annulled, annulment_reason)"
                " VALUES (4, 'grenoble-2017', 'C4', 'Lefèvre', 'Élodie', '', :t, :f, '08:30', 'B112', 'J1',"
                " 'M. Martin', 0, :f, '')"
            ),
            {"t": True, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO evaluator_mark (candidate_pk, item, mark, comment) VALUES (4, 'A1.1', 'V', 'typé')"
            )
        )
    engine.dispose()


def test_0006_to_head_keeps_the_candidate_and_holds_the_rework_rule(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    _candidate_at_0006(url)
    db = open_database(url)
    try:
        assert current_revision(db.engine) == SCHEMA_HEAD  # 0008 and those after it
        tables = set(inspect(db.engine).get_table_names())
        assert {"rework_request", "marks_file", "signed_marks"} <= tables
        with db.engine.begin() as conn:
            assert conn.execute(text("SELECT mark, comment FROM evaluator_mark")).all() == [("V", "typé")]
            assert conn.execute(text("SELECT evaluator FROM candidate")).scalar() == "M. Martin"
        insert = text(
            "INSERT INTO rework_request (candidate_pk, requested_at, requested_by, requirements, dossier_sha256,"
            " redeposited_sha256) VALUES (4, :at, 'M. Martin', '[\"Numérotez les pages.\"]', '', '')"
        )
        with db.engine.begin() as conn:
            conn.execute(insert, {"at": ASKED.replace(tzinfo=None)})
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(insert, {"at": ASKED.replace(tzinfo=None)})
    finally:
        db.dispose()


def test_0008_downgrades_to_0006(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    _candidate_at_0006(url)
    engine = create_db_engine(resolve_url(url))
    try:
        dbmod.upgrade(engine, "0008")
        config = dbmod.alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0006")
        assert "rework_request" not in inspect(engine).get_table_names()
        assert current_revision(engine) == "0006"
    finally:
        engine.dispose()
