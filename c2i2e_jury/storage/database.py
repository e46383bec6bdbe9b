"""Opening the campaign database: SQLite by default, PostgreSQL for a central secretariat.

SQLite gets foreign keys, WAL and ``synchronous=FULL`` on every connection, so that a committed decision survives
a power cut. Alembic migrations run at start-up, after a copy of the SQLite file is kept; a database written by
a newer version of the program is refused, and so is a SQLite file that holds someone else's tables (nothing is
written into it). Alembic itself is imported only when a migration is due, which keeps start-up fast.

Every failure is a :class:`DatabaseError`: one French sentence, the UI shows it as is; the detail goes to the log.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError, SQLAlchemyError

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.paths import data_dir

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

# The newest migration under database/versions; a test checks it against Alembic's own head.
SCHEMA_HEAD = "0009"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009")
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


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


def _is_uri_filename(database: str) -> bool:
    """SQLite's URI filename (``file:/path?mode=ro`` with ``uri=true``) names a file that must already be there: its
    text is not a folder to create (it made a ``file:`` folder in the working directory)."""
    return database.startswith("file:")


def create_db_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not _is_uri_filename(parsed.database):
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
        self._made: sessionmaker[Session] | None = None

    def _sessions(self) -> Session:
        """The ORM is imported with the first session, not with the database: the first window reads its list
        with Core (issue 15: SQLAlchemy's ORM and the models' mapping were a third of the cold start)."""
        if self._made is None:
            from sqlalchemy.orm import sessionmaker

            self._made = sessionmaker(self.engine, expire_on_commit=False)
        return self._made()

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
    """The database named by ``db`` (or ``C2I2E_DB``, else the data folder's), migrated to :data:`SCHEMA_HEAD`."""
    explicit = bool(db or os.environ.get("C2I2E_DB"))
    url = resolve_url(db)
    parsed = _parse_url(url)
    if (
        parsed.get_backend_name() == "sqlite"
        and parsed.database
        and parsed.database != ":memory:"
        and not parsed.query.get("uri")
    ):
        _check_sqlite_file(Path(parsed.database), explicit=explicit)
    try:
        database = Database(url)
    except (ArgumentError, ValueError, ImportError) as exc:  # an unknown dialect or a missing driver
        log.warning("cannot use %s: %s", _where(url), exc)
        raise DatabaseError(f"Adresse de base de données invalide : {_where(url)}.") from exc
    try:
        current = current_revision(database.engine)
        if current is not None and current not in KNOWN_REVISIONS:
            raise DatabaseError(
                "Cette base a été écrite par une version plus récente de c2i2e-jury : installez cette version "
                "pour l'ouvrir."
            )
        if current is None and _has_tables(database.engine):
            raise DatabaseError(f"{_where(url)} n'est pas une base c2i2e-jury : rien n'y a été écrit.")
        if migrate and current != SCHEMA_HEAD:
            _backup_sqlite(database, current)
            upgrade(database.engine)
    except DatabaseError:
        database.dispose()
        raise
    except SQLAlchemyError as exc:
        database.dispose()
        log.exception("cannot open or migrate %s", _where(url))
        raise DatabaseError(database_error_sentence(exc, url)) from exc
    return database


def _parse_url(url: str) -> Any:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        log.warning("invalid database URL: %s", exc)
        raise DatabaseError(f"Adresse de base de données invalide : {_hide_password(url)}.") from exc
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise DatabaseError(
            f"Adresse de base de données invalide : {_where(url)} (seules SQLite et PostgreSQL "
            "sont prises en charge)."
        )
    return parsed


def _hide_password(url: str) -> str:
    """``scheme://user:***@host…``: a URL that does not even parse is still shown without its password."""
    head, sep, rest = url.partition("://")
    if sep and "@" in rest:
        credentials, _, host = rest.rpartition("@")
        user = credentials.split(":", 1)[0]
        return f"{head}://{user}:***@{host}" if ":" in credentials else url
    return url


def _where(url: str) -> str:
    """The database as the user named it: the SQLite file's path, or the URL without its password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return _hide_password(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return str(parsed.database)
    return str(parsed.render_as_string(hide_password=True))


def _check_sqlite_file(path: Path, *, explicit: bool) -> None:
    """Refuse, before anything is written, a path that cannot be ours: a folder, a missing folder, a foreign file.

    Our engine switches a file to WAL on connect, which writes to it; so the file is first read with SQLite's
    read-only mode. An empty file is a new database.
    """
    if path.is_dir():
        raise DatabaseError(f"{path} est un dossier, pas une base de données.")
    _check_file_system(path)
    if not path.exists():
        if explicit and not path.parent.is_dir():
            raise DatabaseError(
                f"Le dossier {path.parent} n'existe pas : vérifiez le chemin de la base de données."
            )
        return
    try:
        if path.stat().st_size == 0:
            return
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise DatabaseError(f"Impossible de lire la base de données {path} ({os_error_text(exc)}).") from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} n'est pas une base c2i2e-jury : rien n'y a été écrit.")
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    absent = [sidecar for sidecar in sidecars if not sidecar.exists()]
    try:
        names = _sqlite_tables(path)
    except sqlite3.DatabaseError as exc:
        _remove_new(absent)
        log.warning("cannot read %s: %s", path, exc)
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise DatabaseError(
                f"La base de données {path} est endommagée : rien n'y a été écrit ; "
                "restaurez une copie de sauvegarde."
            ) from exc
        return  # e.g. no right to create the -shm file: the ordinary opening says why
    if names and "alembic_version" not in names:
        _remove_new(absent)
        raise DatabaseError(f"{path} n'est pas une base c2i2e-jury : rien n'y a été écrit.")


def _remove_new(sidecars: list[Path]) -> None:
    """SQLite may leave -wal/-shm files even after a read-only look: a refused file is left as it was found."""
    for sidecar in sidecars:
        try:
            sidecar.unlink(missing_ok=True)
        except OSError as exc:  # a read-only file system: SQLite could not have made it either
            log.info("cannot remove %s: %s", sidecar, exc)


def _check_file_system(path: Path) -> None:
    """Refuse a database on a read-only file system (a locked USB key, a disk mounted read-only): SQLite cannot
    even read a WAL database there, and every command ended in an internal error."""
    folder = path if path.exists() else path.parent
    if not hasattr(os, "statvfs") or not folder.exists():
        return
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return
    if read_only:
        raise DatabaseError(
            f"La base de données est en lecture seule : {path} est sur un disque monté en "
            "lecture seule (clé USB verrouillée ?) ; rien n'y a été écrit."
        )


def disk_full(url: str | None) -> bool:
    """Whether the file system of a SQLite database has no room left (SQLite then says « disk I/O error » or
    « unable to open » as often as « disk is full »)."""
    if not url or not hasattr(os, "statvfs"):
        return False
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite" or not parsed.database:
            return False
        stats = os.statvfs(Path(parsed.database).parent)
    except (ArgumentError, ValueError, OSError):
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def _sqlite_tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    return {str(row[0]) for row in rows if not str(row[0]).startswith("sqlite_")}


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def database_error_sentence(exc: BaseException, url: str | None = None) -> str:
    """One French sentence for an error of the database itself (read-only, damaged, unreachable, bad address)."""
    where = _where(url) if url else "(sans nom)"
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else ""
    lowered = reason.lower()
    if isinstance(exc, ArgumentError | ValueError | ImportError):
        return f"Adresse de base de données invalide : {where}."
    if "readonly" in lowered or "read-only" in lowered:
        return f"La base de données est en lecture seule : {where} ; rien n'y a été écrit."
    if "disk is full" in lowered or (isinstance(exc, OperationalError) and disk_full(url)):
        return (
            f"Le disque de la base de données {where} est plein : rien n'y a été écrit ; libérez de la "
            "place puis recommencez."
        )
    if "locked" in lowered or "busy" in lowered:
        return f"La base de données {where} est occupée par un autre programme : réessayez dans un instant."
    if any(
        word in lowered
        for word in ("malformed", "not a database", "no such table", "no such column", "corrupt")
    ):
        return (
            f"La base de données {where} est endommagée ou incomplète : rien n'y a été écrit ; restaurez "
            "une copie de sauvegarde."
        )
    if isinstance(exc, OperationalError):
        return f"Impossible d'ouvrir la base de données {where} ({reason})."
    return (
        f"La base de données {where} n'a pas pu être ouverte ou mise à jour ; le détail est dans le journal."
    )


def current_revision(engine: Engine) -> str | None:
    """The schema's revision, in one query (the start-up of a database at head costs no more: issue 15); None for
    a database without Alembic's table (new, or not ours)."""
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, ProgrammingError) as exc:
            if "alembic_version" not in str(exc.orig):  # a locked or unreadable database: said by the caller
                raise
            return None
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
    """Run the migrations in one transaction: a failed one leaves the database as it was (no ``alembic_version``).

    Python's sqlite3 starts no transaction before DDL, so each CREATE TABLE would commit on its own; on SQLite the
    driver is put in manual mode for the migration and the transaction begun explicitly.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection, _transactional_ddl(connection), connection.begin():
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@contextmanager
def _transactional_ddl(connection: Any) -> Iterator[None]:
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    previous = driver.isolation_level
    driver.isolation_level = None
    try:
        yield
    finally:
        driver.isolation_level = previous
