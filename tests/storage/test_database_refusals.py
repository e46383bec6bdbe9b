"""Files that are not ours, or not usable, are refused in one French sentence and left exactly as they were."""

import sqlite3

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.database import (
    DatabaseError,
    create_db_engine,
    database_error_sentence,
    open_database,
)


def _foreign(path):
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE foo (x INTEGER)")
        conn.execute("INSERT INTO foo VALUES (1)")
    return path


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = _foreign(tmp_path / "other.sqlite")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="n'est pas une base c2i2e-jury : rien n'y a été écrit"):
        open_database(str(path))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"%PDF-1.7 not a database at all" * 100)
    with pytest.raises(DatabaseError, match="n'est pas une base c2i2e-jury"):
        open_database(str(path))
    assert path.read_bytes() == b"%PDF-1.7 not a database at all" * 100


def test_a_truncated_database_is_called_damaged(tmp_path):
    path = tmp_path / "trunc.sqlite"
    open_database(str(path)).dispose()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * 4000 + data[4100 : len(data) // 2])
    with pytest.raises(DatabaseError, match="endommagée"):
        open_database(str(path))


def test_a_mistyped_folder_is_refused_and_not_created(tmp_path):
    with pytest.raises(DatabaseError, match="n'existe pas"):
        open_database(str(tmp_path / "no" / "such" / "x.sqlite"))
    assert not (tmp_path / "no").exists()


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseError, match="est un dossier"):
        open_database(str(tmp_path))


@pytest.mark.parametrize("url", ["mysql://x/y", "foo://bar", "postgresql://u:secret@127.0.0.1:notaport/db"])
def test_a_bad_address_is_one_sentence_without_the_password(url):
    with pytest.raises(DatabaseError, match="Adresse de base de données invalide") as refused:
        open_database(url)
    assert "secret" not in refused.value.message


def test_a_failed_migration_leaves_no_alembic_version(tmp_path):
    """The migration is one transaction: the table it trips on stays, nothing of ours is left beside it."""
    path = tmp_path / "half.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE campaign (x INTEGER)")
    engine = create_db_engine(f"sqlite:///{path}")
    with pytest.raises(OperationalError):
        dbmod.upgrade(engine)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["campaign"]
    engine.dispose()


def test_a_write_on_a_read_only_database_is_one_sentence(tmp_path):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).dispose()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    db = open_database(url)
    with pytest.raises(OperationalError) as failed, db.session() as session:
        session.execute(text("DELETE FROM campaign"))
    db.dispose()
    assert database_error_sentence(failed.value, url).startswith("La base de données est en lecture seule :")


def test_a_dropped_table_is_called_damaged(tmp_path):
    path = tmp_path / "dropped.sqlite"
    db = open_database(str(path))
    with db.session() as session:
        session.execute(text("DROP TABLE incident"))
    with pytest.raises(OperationalError) as failed, db.read() as session:
        session.execute(text("SELECT * FROM incident")).all()
    db.dispose()
    assert "endommagée" in database_error_sentence(failed.value, str(path))


def test_a_uri_filename_makes_no_folder_in_the_working_directory(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).dispose()
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    open_database(f"sqlite:///file:{path}?mode=ro&uri=true").dispose()
    assert list(elsewhere.iterdir()) == []
