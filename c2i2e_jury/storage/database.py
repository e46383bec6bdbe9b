"""Opening the campaign database: SQLite by default, PostgreSQL for a central secretariat.

SQLite gets foreign keys, WAL and ``synchronous=FULL`` on every connection, so that a committed decision survives
a power cut. Alembic migrations run at start-up, after a copy of the SQLite file is kept; a database written by
a newer version of the program is refused. Alembic itself is imported only when a migration is due, which keeps
start-up fast.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from c2i2e_jury.errors import UserError
from c2i2e_jury.paths import data_dir

log = logging.getLogger(__name__)

# The newest migration under database/versions; a test checks it against Alembic's own head.
SCHEMA_HEAD = "0003"
KNOWN_REVISIONS = ("0001", "0002", "0003")


class DatabaseError(UserError):
    """The database cannot be opened or used."""


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'c2i2e-jury.sqlite'}"


def resolve_url(db: str | None) -> str:
    """``--db`` or ``C2I2E_DB``: a SQLite path or a SQLAlchemy/PostgreSQL URL; else the per-user database."""
    value = db or os.environ.get("C2I2E_DB") or ""
    if not value:
        return default_url()
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_db_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


class Database:
    """An opened, migrated database; hands out one session per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def read(self) -> Session:
        """A session for reading (the caller closes it)."""
        return self._sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(db: str | None = None, *, migrate: bool = True) -> Database:
    url = resolve_url(db)
    database = Database(url)
    try:
        current = current_revision(database.engine)
        if current is not None and current not in KNOWN_REVISIONS:
            raise DatabaseError(
                "This database was written by a newer version of c2i2e-jury; install that version to open it."
            )
        if migrate and current != SCHEMA_HEAD:
            _backup_sqlite(database, current)
            upgrade(database.engine)
    except OperationalError as exc:
        log.exception("cannot open %s", database.engine.url.render_as_string(hide_password=True))
        database.dispose()
        raise DatabaseError(f"Cannot open the database ({exc.orig}).") from exc
    except SQLAlchemyError as exc:
        database.dispose()
        log.exception("database error at start-up")
        raise DatabaseError("The database could not be opened or migrated; see the log.") from exc
    return database


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def _backup_sqlite(database: Database, current: str | None) -> None:
    if not database.is_sqlite or current is None:
        return
    path = Path(database.engine.url.database or "")
    if path.is_file():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-{stamp}{path.suffix}")
        with database.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        shutil.copy2(path, backup)
        log.info("database copied to %s before migrating from %s", backup, current)


def alembic_config() -> Any:
    """Alembic's configuration, with its script location taken from the installed (or frozen) package."""
    from importlib import resources

    from alembic.config import Config

    config = Config()
    location = resources.files("c2i2e_jury.database")
    config.set_main_option("script_location", str(location).replace("%", "%%"))  # '%' is special to Alembic
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
