"""Translations: French by default, English available.

Source strings are English, in ``self.tr()`` / ``QCoreApplication.translate()``. The French catalogue is
``resources/i18n/c2i2e_jury_fr.ts``; a bundle ships its compiled ``.qm``, a source checkout compiles it once with
PySide6's ``lrelease`` into the data folder's cache. Qt's own catalogues (``qtbase_fr.qm``) make standard dialogs
French too.

A pseudo-translation (``scale`` > 1, or ``C2I2E_TRANS_SCALE=140`` as Vorta's ``TRANS_SCALE``) lengthens every
string, ours and Qt's, by that much: the layouts that would cut a longer translation show it at once.
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


def qt_french_catalogue() -> Path | None:
    """Qt's own French catalogue (file dialogs, message boxes, context menus): where Qt says its translations
    are, else in PySide6's folder (a bundle or a ``qt.conf`` may point Qt elsewhere)."""
    import PySide6

    folders = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]
    for folder in folders:
        for name in ("qtbase_fr.qm", "qt_fr.qm"):
            if (folder / name).is_file():
                return folder / name
    return None


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
    result = subprocess.run(
        [binary, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not tmp.is_file():
        log.error("lrelease failed: %s", result.stderr)
        return None
    os.replace(tmp, target)
    return target


# Qt 6's own strings that its ``qtbase_fr.qm`` lacks (Qt 6 added the accelerators; the catalogue has the old ones).
QT_GAPS = {
    ("QFileDialog", "&Look in:"): "&Voir dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "Fichiers de &type\u00a0:",
}


class QtGapsTranslator(QTranslator):
    """The French of :data:`QT_GAPS`, asked before Qt's catalogue."""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(  # None (a null QString), not "": Qt then asks the next catalogue
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return QT_GAPS.get((context, source))


class PseudoTranslator(QTranslator):
    """Every string ``scale`` times as long (the translation in force, else the source), placeholders intact:
    the padding is whole words appended, so that wrapping behaves as with a real, longer language."""

    def __init__(self, parent: QCoreApplication, scale: float) -> None:
        super().__init__(parent)
        self.scale = scale

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        for translator in reversed(_installed):  # the catalogues in force, as Qt would ask them
            text = translator.translate(context, source, disambiguation, n) if translator is not self else ""
            if text:
                return lengthen(text, self.scale)
        return lengthen(source, self.scale)


def lengthen(text: str, scale: float) -> str:
    """``text`` padded with words of « é » to ``scale`` times its length (at least one letter more)."""
    extra = max(1, round(len(text) * (scale - 1))) if text.strip() else 0
    words = [("é" * 5)[: min(5, extra - i)] for i in range(0, extra, 6)]
    return text + "".join(" " + w for w in words) if words else text


def install(app: QCoreApplication, language: str = "fr", scale: float | None = None) -> str:
    """Install the translators for ``language`` (``fr`` or ``en``); returns the language in force.
    ``scale``: a pseudo-translation that lengthens every string (default: ``C2I2E_TRANS_SCALE`` in percent)."""
    if scale is None:
        scale = float(os.environ.get("C2I2E_TRANS_SCALE") or 100) / 100
    language = _install(app, language)
    if scale != 1:
        pseudo = PseudoTranslator(app, scale)
        app.installTranslator(pseudo)  # the last installed is asked first
        _installed.append(pseudo)
    return language


def _install(app: QCoreApplication, language: str) -> str:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "fr"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if language == "fr" else QLocale.Language.English,
            QLocale.Country.France if language == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    if language == "en":  # the source strings, but for the plurals (« 1 item », « 3 items »)
        catalogue = compiled_catalogue("en")
        translator = QTranslator(app)
        if catalogue is not None and translator.load(str(catalogue)):
            app.installTranslator(translator)
            _installed.append(translator)
        return language
    qt_catalogue = qt_french_catalogue()
    if qt_catalogue is None:
        log.warning("no qtbase_fr.qm: Qt's own dialogs stay in English")
    else:
        translator = QTranslator(app)
        if translator.load(str(qt_catalogue)):
            app.installTranslator(translator)
            _installed.append(translator)
    gaps = QtGapsTranslator(app)
    app.installTranslator(gaps)
    _installed.append(gaps)
    catalogue = compiled_catalogue(language)
    translator = QTranslator(app)
    if catalogue is not None and translator.load(str(catalogue)):
        app.installTranslator(translator)
        _installed.append(translator)
    return language
