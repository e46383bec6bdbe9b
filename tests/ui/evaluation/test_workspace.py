"""The « Évaluation » workspace (issue 17), offscreen, keyboard-driven, on a real evaluator kit imported into a
real SQLite file: the candidates, the dossier with its format report, V / N / Suppr / C on the items grouped by
dossier part (each stored before it shows), the one rework request with the report's sentences, and the signed
export with the evaluator's real credential, verified afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from c2i2e_jury.exchange.credentials import load_certificates
from c2i2e_jury.exchange.marks_signing import verify_marks
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.evaluation import marks_of, rework_request_of
from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign
from c2i2e_jury.ui.evaluation.workspace import EvaluationWorkspace
from tests.dossier.factory import DossierSpec, build_dossier
from tests.services.evaluation_factory import MARTIN, PASSPHRASE, evaluation_package, make_evaluation_pki
from tests.services.test_evaluation_flow import pk_of
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    from datetime import UTC, datetime

    return make_evaluation_pki(tmp_path_factory.mktemp("pki"), datetime.now(UTC))  # the workspace signs now


def laptop_with(package, tmp_path):
    """M. Martin's laptop: his kit of ``package`` imported, dossiers in the (isolated) data folder the workspace
    reads."""
    secretariat = open_database(f"sqlite:///{tmp_path / 'secretariat.sqlite'}")
    store = DossierStore(tmp_path / "secretariat-store")
    import_package(secretariat, package, store)
    kit = {k.evaluator: k for k in export_evaluator_kits(secretariat, None, tmp_path / "kits", store)}[MARTIN]
    secretariat.dispose()
    db = open_database(f"sqlite:///{tmp_path / 'martin.sqlite'}")
    import_package(db, kit.folder, DossierStore())
    return db


@pytest.fixture
def laptop(epki, tmp_path):
    db = laptop_with(evaluation_package(tmp_path / "package", epki), tmp_path)
    yield db
    db.dispose()


def workspace(qtbot, db, script):
    page = EvaluationWorkspace(db, prompts=script.prompts())
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # the keys go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def test_marks_and_comments_by_keyboard_are_stored_before_they_show(qtbot, laptop, tmp_path):
    page = workspace(qtbot, laptop, Script())
    assert "M. Martin" in page.title.text()
    assert [page.candidates.item(r).text().split(" (")[0] for r in range(page.candidates.count())] == [
        "DUPONT François",
        "LEFÈVRE Élodie",
    ]
    page.select("C1")
    first = referential().parts[0].items[0]
    assert page.items.current_code() == first
    table = page.items.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_V)
    qtbot.keyClick(table, Qt.Key.Key_N)
    second = referential().parts[0].items[1]
    assert marks_of(laptop, pk_of(laptop, "C1"))[first][0] == "V"
    assert marks_of(laptop, pk_of(laptop, "C1"))[second][0] == "NV"
    assert page.items.mark_of(second) == "NV"
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert marks_of(laptop, pk_of(laptop, "C1"))[second][0] is None
    qtbot.keyClick(table, Qt.Key.Key_Up)  # Suppr, as V and N, moved on to the next item
    assert page.items.current_code() == second
    qtbot.keyClick(table, Qt.Key.Key_C)
    assert page.items.comment.hasFocus()
    qtbot.keyClicks(page.items.comment, "Sequence bien decrite (TICE)")  # QTest types ASCII only
    qtbot.keyClick(page.items.comment, Qt.Key.Key_Return)
    again = open_database(laptop.url)  # as after a crash: what the screen showed is on disk
    try:
        assert marks_of(again, pk_of(again, "C1"))[second] == (None, "Sequence bien decrite (TICE)")
        assert marks_of(again, pk_of(again, "C1"))[first] == ("V", "")
    finally:
        again.dispose()
    assert "1/28" in page.candidates.currentItem().text()
    # A part's heading is stepped over: ↓ from the last item of part 1 lands on the first of part 2.
    page.items.select(referential().parts[0].items[-1])
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert page.items.current_code() == referential().parts[1].items[0]


def test_the_one_rework_request_quotes_the_format_report(qtbot, laptop):
    script = Script(texts=[lambda proposed: proposed + "\nAjoutez une introduction."])
    page = workspace(qtbot, laptop, script)
    page.select("C1")
    qtbot.waitUntil(lambda: page.report is not None)
    assert page.rework_button.isEnabled()
    page.rework_button.setFocus()
    qtbot.keyClick(page.rework_button, Qt.Key.Key_Space)
    assert "Votre nom et votre prénom doivent figurer en première page" in script.proposed[0]
    assert (
        "ne peut pas être répétée" in script.said("confirm")[0]
        or "cannot be repeated" in script.said("confirm")[0]
    )
    request = rework_request_of(laptop, pk_of(laptop, "C1"))
    assert request is not None and request.requirements[-1] == "Ajoutez une introduction."
    assert request.requested_by == MARTIN
    assert not page.rework_button.isEnabled()
    page.select("C2")
    page.select("C1")
    qtbot.waitUntil(lambda: page.report is not None)
    assert not page.rework_button.isEnabled()  # once per candidate and campaign


def test_the_screen_reads_the_dossier_against_its_candidate_as_the_rework_rule_does(qtbot, epki, tmp_path):
    """Two conform dossiers, both Dupont François's: C2's (his) offers no rework; C1's fails the name check for
    Lefèvre Élodie, so the button is there and the service accepts the request."""
    package = evaluation_package(tmp_path / "package", epki)
    for name in ("c1.pdf", "c2.pdf"):
        build_dossier(package / "dossiers" / name, DossierSpec(last_name="Dupont", first_name="François"))
    db = laptop_with(package, tmp_path)
    try:
        script = Script(texts=[lambda proposed: proposed])
        page = workspace(qtbot, db, script)
        page.select("C2")
        qtbot.waitUntil(lambda: page.report is not None, timeout=60000)
        assert not page.report.failures and not page.rework_button.isEnabled()
        page.select("C1")
        qtbot.waitUntil(lambda: page.report is not None, timeout=60000)
        assert [f.check for f in page.report.failures] == ["name"] and page.rework_button.isEnabled()
        page.rework_button.setFocus()
        qtbot.keyClick(page.rework_button, Qt.Key.Key_Space)
        assert "LEFÈVRE Élodie" in script.proposed[0]
        assert rework_request_of(db, pk_of(db, "C1")) is not None
    finally:
        db.dispose()


def test_the_marks_are_signed_with_the_evaluators_credential_and_verify(qtbot, laptop, epki, tmp_path):
    usb = tmp_path / "usb"
    script = Script(files=[str(epki.martin_p12)], passphrases=["faux", PASSPHRASE], folders=[str(usb)])
    page = workspace(qtbot, laptop, script)
    page.batch.setCurrentIndex(1)  # one file for the batch
    page.sign_button.setFocus()
    qtbot.keyClick(page.sign_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(script.said("inform")))
    (written,) = list(usb.iterdir())
    with laptop.read() as session:
        pem = session.scalar(select(Campaign.authority_pem))
    verified = verify_marks(
        written.read_bytes(), load_certificates(pem.encode(), "authority.pem"), referential()
    )
    assert [c["id"] for c in verified.marks["candidates"]] == ["C2", "C1"]
    assert verified.signer.name == MARTIN
    assert script.asked_passphrase[1]  # the wrong passphrase was said, then asked again


def test_a_comment_being_typed_is_saved_after_a_pause_and_to_its_own_item(qtbot, laptop):
    page = workspace(qtbot, laptop, Script())
    page.select("C2")
    first, second = referential().parts[0].items[:2]
    page.items.table.setFocus()
    qtbot.keyClick(page.items.table, Qt.Key.Key_C)
    qtbot.keyClicks(page.items.comment, "Brouillon")  # no Enter: a crash now must not lose it
    qtbot.waitUntil(lambda: marks_of(laptop, pk_of(laptop, "C2"))[first][1] == "Brouillon")
    qtbot.keyClicks(page.items.comment, " puis suite")
    page.items.select(second)  # the outline moves the table before the pause: the text stays with its item
    assert marks_of(laptop, pk_of(laptop, "C2"))[first][1] == "Brouillon puis suite"
    assert marks_of(laptop, pk_of(laptop, "C2"))[second][1] == ""
    assert page.items.comment.text() == ""
