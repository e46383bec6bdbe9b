"""The secretariat's tasks of issue 17, offscreen with real keys: the evaluator kits written, then the signed
marks of a USB key imported (one imported, one refused with its reason), each outcome in the journal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.marks_export import export_signed_marks
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.ui.secretariat.workspace import SecretariatWorkspace
from tests.services.evaluation_factory import CAMPAIGN, SIGNED, evaluation_package, make_evaluation_pki
from tests.services.test_evaluation_flow import mark_everything, pk_of
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


def press(qtbot, page, *labels: str) -> None:
    (button,) = [b for b in page.findChildren(QPushButton) if b.text() in labels]
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_evaluator_kits_then_signed_marks_imported_from_a_usb_key(qtbot, database, tmp_path):
    epki = make_evaluation_pki(tmp_path / "pki", datetime(2017, 1, 9, tzinfo=UTC))
    import_package(database, evaluation_package(tmp_path / "package", epki), DossierStore())
    usb = tmp_path / "usb"
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    try:
        import_package(laptop, evaluation_package(tmp_path / "copy", epki), DossierStore(tmp_path / "s"))
        mark_everything(laptop, "C1")
        export_signed_marks(laptop, CAMPAIGN, ["C1"], epki.martin, usb, now=SIGNED)
        export_signed_marks(laptop, CAMPAIGN, ["C3"], epki.durand, usb, now=SIGNED)
        export_signed_marks(laptop, CAMPAIGN, ["C2"], epki.durand, usb / "wrong", now=SIGNED)
    finally:
        laptop.dispose()
    script = Script(folders=[str(tmp_path / "kits"), str(usb)])
    page = SecretariatWorkspace(database, prompts=script.prompts())
    qtbot.addWidget(page)
    page.show()
    press(qtbot, page, "Prepare the evaluator kits…", "Préparer les kits des évaluateurs…")
    assert sorted(p.name for p in (tmp_path / "kits").iterdir() if p.suffix == ".zip") == [
        "evaluateur-m-martin.zip",
        "evaluateur-mme-durand.zip",
    ]
    press(qtbot, page, "Import signed marks…", "Importer des notes signées…")
    journal = page.journal.toPlainText()
    assert "notes-C1-" in journal and "notes-C3-" in journal
    assert (
        "est évalué par M. Martin, pas par Mme Durand" in journal
    )  # C2's file, signed by the wrong evaluator
    assert "2 importé(s), 1 refusé(s)" in journal


def test_a_reworked_dossier_is_redeposited_once(qtbot, database, tmp_path):
    from c2i2e_jury.services.evaluation import request_rework
    from c2i2e_jury.services.rework import rework_state
    from tests.dossier.factory import DossierSpec, build_dossier

    epki = make_evaluation_pki(tmp_path / "pki", datetime(2017, 1, 9, tzinfo=UTC))
    import_package(database, evaluation_package(tmp_path / "package", epki), DossierStore())
    request_rework(
        database, pk_of(database, "C1"), ["Le dossier doit compter de 10 à 20 pages."], "M. Martin"
    )
    reworked = tmp_path / "c1-v2.pdf"
    build_dossier(reworked, DossierSpec(last_name="Lefèvre", first_name="Élodie"))
    script = Script(files=[str(reworked), str(reworked)])
    page = SecretariatWorkspace(database, prompts=script.prompts(line=lambda parent, title, label: "C1"))
    qtbot.addWidget(page)
    page.show()
    press(qtbot, page, "Redeposit a reworked dossier…", "Redéposer un dossier retravaillé…")
    assert not rework_state(database, CAMPAIGN)["C1"].pending
    assert "C1" in page.journal.toPlainText()
    press(qtbot, page, "Redeposit a reworked dossier…", "Redéposer un dossier retravaillé…")
    assert any(
        "ne se répète pas" in text for text in script.refused
    )  # the second is refused, in one sentence
