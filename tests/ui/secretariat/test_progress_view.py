"""The campaign's progress and the admission list on the secretariat's screen, then the convocations written
from it, driven from the keyboard (the folder chooser answered by the test's script)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from c2i2e_jury.ui.main_window import MainWindow
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_progress_admission_list_and_convocations(qtbot, demo_db, tmp_path):
    script = Script()
    window = MainWindow(demo_db, prompts=script.prompts())
    qtbot.addWidget(window)
    sec = window.secretariat
    sec.run_task(sec.open_progress)
    view = sec.progress_window.view
    assert view.summary.text() == (
        "12 candidates: 11 dossiers deposited, 10 evaluated; rework requested 1 (redeposited 0, pending 1); "
        "not deposited 1. Admission list (final): 10 admitted."
    )
    model = view.model
    rows = {
        model.index(r, 1).data(): [model.index(r, c).data() for c in range(5)]
        for r in range(model.rowCount())
    }
    assert len(rows) == 12
    assert rows["C2017-011"][2:4] == ["non déposé", "no: abandon (dossier non déposé)"]
    assert [r[3] for r in rows.values()].count("yes") == 10
    red = [r for r in range(12) if model.index(r, 3).data(Qt.ItemDataRole.ForegroundRole) is not None]
    assert len(red) == 2
    script.saves.append(str(tmp_path / "admission.csv"))
    export = view.findChildren(type(view.convoke))[0]
    export.setFocus()
    qtbot.keyClick(export, Qt.Key.Key_Space)
    assert (tmp_path / "admission.csv").read_bytes().startswith(b"\xef\xbb\xbfIdentifiant;Nom;")
    script.folders.append(str(tmp_path / "convocations"))
    view.convoke.setFocus()
    qtbot.keyClick(view.convoke, Qt.Key.Key_Space)
    assert len(list((tmp_path / "convocations").glob("convocation_*.pdf"))) == 10
    assert (tmp_path / "convocations" / "convocations-publipostage.csv").is_file()
    journal = sec.journal.toPlainText()
    assert "Admission list written:" in journal and "10 convocations written in" in journal


def test_before_the_deposit_closes_the_list_is_provisional_and_no_convocation_is_written(qtbot, tmp_path):
    from datetime import UTC, datetime

    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore
    from c2i2e_jury.ui.secretariat.progress_view import ProgressView
    from tests.exchange.package.factory import write_package

    db = open_database(str(tmp_path / "campaign.sqlite"))
    try:
        import_package(db, write_package(tmp_path / "pkg"), DossierStore())
        script = Script()
        closing_day = datetime(2017, 5, 17, 18, 0, tzinfo=UTC)
        view = ProgressView(db, "test-2017", script.prompts(), now=lambda: closing_day)
        qtbot.addWidget(view)
        assert "Admission list (provisional until 17/05/2017 included): 2 admitted." in view.summary.text()
        assert not view.convoke.isEnabled()
        script.folders.append(str(tmp_path / "out"))
        view.run(view.write_convocations)  # even if called: one sentence, nothing written
        assert script.refused == [
            "Le dépôt des dossiers est ouvert jusqu'au 17/05/2017 inclus : la liste d'admission n'est définitive "
            "que le lendemain, aucune convocation n'a été produite."
        ]
        assert not (tmp_path / "out").exists()
    finally:
        db.dispose()
