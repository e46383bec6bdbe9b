import os
import sqlite3
from datetime import UTC
from pathlib import Path

import pytest
from sqlalchemy import select, text

from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.database import DatabaseError, open_database, resolve_url
from c2i2e_jury.storage.models import Campaign


def test_schema_head_matches_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod.alembic_config())
    assert script.get_current_head() == dbmod.SCHEMA_HEAD
    assert {r.revision for r in script.walk_revisions()} == set(dbmod.KNOWN_REVISIONS)


def test_migrations_create_every_table(database):
    from sqlalchemy import inspect

    tables = set(inspect(database.engine).get_table_names())
    assert {
        "campaign",
        "candidate",
        "dossier",
        "evaluator_mark",
        "prior_item",
        "juror",
        "oral",
        "timer_event",
        "incident",
        "decision",
        "decision_change",
        "result_sheet",
        "alembic_version",
    } <= tables
    assert dbmod.current_revision(database.engine) == dbmod.SCHEMA_HEAD


def test_sqlite_is_durable_wal_with_foreign_keys(tmp_path):
    db = open_database(str(tmp_path / "x.sqlite"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_default_database_is_in_the_data_folder():
    assert resolve_url(None) == f"sqlite:///{Path(os.environ['C2I2E_DATA_DIR']) / 'c2i2e-jury.sqlite'}"


def test_env_and_flag_select_the_database(monkeypatch, tmp_path):
    monkeypatch.setenv("C2I2E_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "flag.sqlite")).endswith("flag.sqlite")


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="version plus récente"):
        open_database(str(path))


def test_an_old_database_is_copied_then_migrated(tmp_path, monkeypatch):
    """A database at an older revision (made here by stamping an empty schema) is backed up first."""
    path = tmp_path / "old.sqlite"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
            " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
            " ('c', 't', 2017, '2017-05-10', '2017-05-17', '2017-06-12', '2017-07-07', 10, 20, 'x',"
            " '2017-05-01 00:00:00')"
        )
    monkeypatch.setattr(dbmod, "SCHEMA_HEAD", "next")  # a newer program, whose migration is not run here
    monkeypatch.setattr(dbmod, "KNOWN_REVISIONS", (*dbmod.KNOWN_REVISIONS, "next"))
    monkeypatch.setattr(dbmod, "upgrade", lambda engine: None)
    open_database(str(path)).dispose()
    backups = list(tmp_path.glob("old.before-next-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT id FROM campaign").fetchall() == [("c",)]


def test_unreachable_server_is_one_sentence():
    with pytest.raises(DatabaseError, match="Impossible d'ouvrir la base de données"):
        open_database("postgresql://nobody@127.0.0.1:1/none")


def test_session_commits_or_rolls_back(database):
    from datetime import date, datetime

    def campaign(cid: str) -> Campaign:
        d = date(2017, 5, 10)
        return Campaign(
            id=cid,
            title="t",
            year=2017,
            deposit_opens=d,
            deposit_closes=d,
            orals_from=d,
            orals_to=d,
            package_sha256="0" * 64,
            imported_at=datetime.now(UTC),
        )

    with database.session() as s:
        s.add(campaign("a"))

    def failing_unit_of_work() -> None:
        with database.session() as s:
            s.add(campaign("b"))
            s.flush()
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_unit_of_work()
    with database.read() as s:
        assert s.scalars(select(Campaign.id)).all() == ["a"]
        assert s.execute(text("SELECT 1")).scalar() == 1


def test_nothing_written_in_the_repository():
    assert not list(Path(__file__).resolve().parents[2].glob("*.sqlite"))


def test_migrations_match_the_models(database):
    """Autogenerate finds nothing to do: every model change came with its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from c2i2e_jury.storage.models import Base

    with database.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
