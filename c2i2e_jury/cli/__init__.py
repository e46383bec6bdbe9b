"""The ``c2i2e-jury`` command: the GUI when no subcommand is given, the secretariat's subcommands otherwise.

Each subcommand group lives in its own module with a ``register(subparsers)`` function; those modules import
only argparse at module level, so ``c2i2e-jury --help`` and the GUI start fast. A handler returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from c2i2e_jury import __version__
from c2i2e_jury.errors import UserError

log = logging.getLogger(__name__)

# Modules under c2i2e_jury.cli that add subcommands, in the order --help lists them.
COMMAND_MODULES = ("campaign", "kits", "dossier", "credentials", "sheet", "marks", "summary", "certificate")


def build_parser(language: str = "en") -> argparse.ArgumentParser:
    """The whole command line in ``language`` (``fr``: argparse's words and the help texts in French)."""
    from c2i2e_jury.cli import language as languages

    languages.use(language)
    parser = argparse.ArgumentParser(
        prog="c2i2e-jury",
        description="C2i2e jury workspace. Without a subcommand, opens the application.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"c2i2e-jury {__version__}",
        help="show program's version number and exit",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLite file or PostgreSQL URL (default: $C2I2E_DB, else the per-user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the application on the demo campaign in a throw-away database",
    )
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the interface (default: fr)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"c2i2e_jury.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"c2i2e_jury.cli.{name}":
                raise
            continue
        module.register(sub)
    if language == "fr":
        languages.translate(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:
            sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
    except BrokenPipeError:
        # The reader went away (``… | head -1``): stop quietly. Python would complain again when flushing stdout
        # at exit, so stdout now points at devnull.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _main(argv: Sequence[str] | None) -> int:
    from c2i2e_jury.cli.language import language_of
    from c2i2e_jury.logs import setup_logging

    log_path = setup_logging()
    parser = build_parser(language_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            _before_qt()
            from c2i2e_jury.ui.app import run_gui

            return run_gui(args)
        return int(handler(args))
    except UserError as exc:
        return _refused(exc.message, exc.details)
    except KeyboardInterrupt:
        print("c2i2e-jury: interrompu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:
        sentence = _database_sentence(exc, args)
        if sentence:
            log.info("database error: %s", sentence, exc_info=exc)
            return _refused(sentence, [])
        log.exception("internal error")
        where = f"details in {log_path}" if log_path else f"{type(exc).__name__}: {exc}"
        print(f"c2i2e-jury: internal error; {where}", file=sys.stderr)
        return 3


def _before_qt() -> None:
    """Import what the first window reads the database with before PySide6: once PySide6 is imported, its import
    hook (for ``from __feature__ import …``) reads the source of every module imported after it, to find whether
    it uses PySide6 — SQLAlchemy's 145 modules among them, when they came after it (issue 15)."""
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401 - the dialect, loaded by the first connection

    import c2i2e_jury.services.day_list  # noqa: F401
    import c2i2e_jury.storage.database  # noqa: F401


def _refused(message: str, details: list[str]) -> int:
    log.info("refused: %s %s", message, details)
    print(f"c2i2e-jury: {message}", file=sys.stderr)
    for line in details:
        print(f"  - {line}", file=sys.stderr)
    return 1


def _database_sentence(exc: BaseException, args: argparse.Namespace) -> str | None:
    """One sentence for an error of the database itself (read-only, damaged…), met after it was opened."""
    if not type(exc).__module__.startswith("sqlalchemy"):
        return None
    from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

    if not isinstance(exc, OperationalError | DatabaseError | ArgumentError):
        return None
    from c2i2e_jury.storage.database import database_error_sentence, resolve_url

    try:
        url: str | None = resolve_url(getattr(args, "db", None))
    except UserError:
        url = None
    return database_error_sentence(exc, url)
