"""Translations: French by default, English available.

Source strings are English, in ``self.tr()`` / ``QCoreApplication.translate()``. The French catalogue is
``resources/i18n/c2i2e_jury_fr.ts``; a bundle ships its compiled ``.qm``, a source checkout compiles it once with
PySide6's ``lrelease`` into the data folder's cache. Qt's own catalogues (``qtbase_fr.qm``) make standard dialogs
French too.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from c2i2e_jury.paths import data_dir
from c2i2e_jury.resources_access import resource

log = logging.getLogger(__name__)
LANGUAGES = ("fr", "en")
_installed: list[QTranslator] = []


def lrelease_binary() -> str | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled_catalogue(language: str) -> Path | None:
    """The ``.qm`` for a language: shipped beside the ``.ts`` in a bundle, else compiled once and cached."""
    shipped = resource("i18n", f"c2i2e_jury_{language}.qm")
    if shipped.is_file():
        return Path(str(shipped))
    source = resource("i18n", f"c2i2e_jury_{language}.ts")
    if not source.is_file():
        return None
    data = source.read_bytes()
    cache = data_dir() / "cache" / "i18n"
    target = cache / f"c2i2e_jury_{language}-{hashlib.sha256(data).hexdigest()[:16]}.qm"
    if target.is_file():
        return target
    binary = lrelease_binary()
    if binary is None:
        log.warning("no lrelease: the interface stays in English")
        return None
    cache.mkdir(parents=True, exist_ok=True)
    ts = cache / f"c2i2e_jury_{language}.ts"
    ts.write_bytes(data)
    tmp = target.with_suffix(".tmp.qm")
    result = subprocess.run([binary, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0 or not tmp.is_file():
        log.error("lrelease failed: %s", result.stderr)
        return None
    os.replace(tmp, target)
    return target


def install(app: QCoreApplication, language: str = "fr") -> str:
    """Install the translators for ``language`` (``fr`` or ``en``); returns the language in force."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "fr"
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English,
                               QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom))
    if language == "en":  # the source strings, but for the plurals (« 1 item », « 3 items »)
        catalogue = compiled_catalogue("en")
        translator = QTranslator(app)
        if catalogue is not None and translator.load(str(catalogue)):
            app.installTranslator(translator)
            _installed.append(translator)
        return language
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_fr", "qt_fr"):
        translator = QTranslator(app)
        if translator.load(name, qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    catalogue = compiled_catalogue(language)
    translator = QTranslator(app)
    if catalogue is not None and translator.load(str(catalogue)):
        app.installTranslator(translator)
        _installed.append(translator)
    return language
