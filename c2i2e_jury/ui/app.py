"""Starting the application: Qt, translations, the database (or the demo in a throw-away one), the window."""

from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from c2i2e_jury import __version__
from c2i2e_jury.errors import UserError
from c2i2e_jury.paths import data_dir, log_file
from c2i2e_jury.ui import settings
from c2i2e_jury.ui.prompts import Prompts

if TYPE_CHECKING:
    from c2i2e_jury.storage.database import Database
    from c2i2e_jury.ui.main_window import MainWindow

log = logging.getLogger(__name__)
_opened: dict[str, str] = {}  # the database the window shows, for the sentences of later database errors


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug: logged with its traceback, shown as an internal error with the log's path (never a traceback)."""
    log.error("internal error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    app = QApplication.instance()
    sentence = _database_sentence(value)
    if isinstance(value, UserError):
        message = value.message
    elif sentence:
        message = sentence
    else:
        message = QApplication.translate("App", "An internal error occurred. Details are in %1").replace(
            "%1", str(log_file())
        )
    if app is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        Prompts().error(None, QApplication.translate("App", "C2i2e — error"), message)


def _database_sentence(error: BaseException) -> str | None:
    """The French sentence for an error of the database itself (read-only, damaged…), else ``None``."""
    from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

    if not isinstance(error, OperationalError | DatabaseError | ArgumentError):
        return None
    from c2i2e_jury.storage.database import database_error_sentence

    return database_error_sentence(error, _opened.get("url"))


def demo_package() -> Path:
    """The demo campaign package, written once per program version into the data folder's cache."""
    cache = data_dir() / "cache" / f"demo-{__version__}"
    if (cache / "campaign.json").is_file():
        return cache
    # reportlab and Pillow: 0.15 s, only to write it
    from c2i2e_jury.exchange.demo.campaign import write_demo_package

    cache.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="demo-", dir=cache.parent))
    write_demo_package(staging / "package")
    try:
        os.replace(staging / "package", cache)  # atomic: a half-written demo is never taken for a whole one
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another instance got there first
        if not (cache / "campaign.json").is_file():
            raise
    shutil.rmtree(staging, ignore_errors=True)
    return cache


def prepare_demo() -> str:
    """Import the demo campaign into a throw-away database and data folder; returns the database URL."""
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database

    package = demo_package()
    root = Path(tempfile.mkdtemp(prefix="c2i2e-demo-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)  # throw-away: nothing of the demo stays behind
    os.environ["C2I2E_DATA_DIR"] = str(root / "data")
    # The demo's settings too (window, remembered files): the user's own are left as they were.
    settings.use_folder(root / "data")
    url = f"sqlite:///{root / 'demo.sqlite'}"
    db = open_database(url)
    try:
        import_package(db, package)
        campaign_id = json.loads((package / "campaign.json").read_text(encoding="utf-8"))["id"]
        _demo_credentials(db, campaign_id, root / "identifiants")
    finally:
        db.dispose()
    return url


def _demo_credentials(db: Database, campaign_id: str, folder: Path) -> None:
    """Credentials to sign with (passphrase « demo »), offered first by every file chooser that asks for one."""
    from c2i2e_jury.services.demo_credentials import write_demo_credentials

    demo = write_demo_credentials(db, campaign_id, folder)
    remembered = settings.Settings()
    for jury, files in demo.jurors.items():
        for juror, path in enumerate(files, start=1):
            remembered.remember_credential_file(settings.juror_credential(campaign_id, jury, juror), path)
    remembered.remember_credential_file(settings.PRESIDENT_CREDENTIAL, demo.president)


def create_application(argv: list[str], language: str = "fr") -> QApplication:
    from c2i2e_jury.ui import dialog_focus, focus_ring, gui_gc, i18n

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("c2i2e-jury")
    app.setOrganizationName("c2i2e-jury")
    app.setApplicationVersion(__version__)
    # Settings live beside the database in the data folder (isolated in tests, portable on a USB key).
    settings.use_folder(data_dir())
    i18n.install(app, language)
    focus_ring.install(app)  # the button Space would press is circled, in every window
    dialog_focus.install(app)  # a closed dialog gives the activation back: F5–F8 work at once
    gui_gc.install()  # Python's cycles collected in the GUI thread only: never a Qt widget in a worker's
    return app


def _quit_when_asked(window: MainWindow) -> None:
    """``C2I2E_QUIT_AFTER_MS`` (smoke tests of the built program, start-up benchmarks): milliseconds after the
    window shows; ``0``: at the first turn of the event loop, when the window takes input and before the jury room
    is built; ``room``: once the jury room is built."""
    quit_after = os.environ.get("C2I2E_QUIT_AFTER_MS")
    if quit_after == "room":
        window.roomBuilt.connect(window.close, Qt.ConnectionType.QueuedConnection)
    elif quit_after:
        QTimer.singleShot(int(quit_after), window.close)


def run_gui(args: argparse.Namespace) -> int:
    """The window, or one sentence in a message box when the data folder or the database cannot be used."""
    from sqlalchemy.exc import SQLAlchemyError

    from c2i2e_jury.storage.database import database_error_sentence, open_database
    from c2i2e_jury.ui import gui_gc
    from c2i2e_jury.ui.main_window import MainWindow

    prompts = Prompts()
    try:
        app = create_application(sys.argv[:1], args.lang or os.environ.get("C2I2E_LANG", "fr"))
    except UserError as exc:  # the data folder: the application exists, its translations may not
        log.warning("cannot start: %s", exc.message)
        prompts.error(None, QApplication.translate("App", "C2i2e — error"), exc.message)
        return 1
    sys.excepthook = _excepthook
    try:
        url = prepare_demo() if args.demo else args.db
        db = open_database(url)
    except UserError as exc:
        prompts.error(None, app.translate("App", "C2i2e — database"), exc.message)
        return 1
    _opened["url"] = db.url  # named in the sentences of later database errors
    try:
        window = MainWindow(
            db,
            app.translate("App", "demo — every credential's passphrase: demo") if args.demo else "",
            prompts=prompts,
            demo=bool(args.demo),
            room_later=True,
        )
    except SQLAlchemyError as exc:  # opened, but a table is missing or a page damaged
        log.exception("cannot show the database")
        db.dispose()
        prompts.error(None, app.translate("App", "C2i2e — database"), database_error_sentence(exc, db.url))
        return 1
    window.restore()
    window.show_on_screen()
    log.info("window shown")
    # What start-up made is kept out of the collections of the orals (a full one took 40-70 ms): ui/gui_gc.py.
    window.roomBuilt.connect(gui_gc.freeze_start_up, Qt.ConnectionType.QueuedConnection)
    _quit_when_asked(window)
    # The jury room on the next turn of the event loop: the window is on screen before it (issue 15).
    QTimer.singleShot(0, lambda: window.finish_loading() if window.isVisible() else None)
    code = app.exec()
    log.info("window closed (exit code %d)", code)
    db.dispose()
    return int(code)
