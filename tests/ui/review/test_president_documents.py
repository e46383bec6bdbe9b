"""The president's PV and documents from the review workspace, offscreen, on the heard demo campaign with a real
credential: the PV previewed as typed, signed and verified; the certificates and attestations signed, registered
and saved as one ZIP whose PDFs verify; every cancellation writes nothing."""

from __future__ import annotations

import csv
import io
import zipfile

import pymupdf
import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from c2i2e_jury.exchange.credentials import issue_credential, to_pkcs12
from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
from c2i2e_jury.exchange.pv_pdf import PRESIDENT_FIELD, pv_json
from c2i2e_jury.services import certification, certification_batch
from c2i2e_jury.services.documents import verify_pdf
from c2i2e_jury.ui.review import ReviewWorkspace
from tests.services.review_factory import PKI, designate_in
from tests.ui.scripted_prompts import Script

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
PASSPHRASE = "présidente du jury 2017"
CAMPAIGN = "grenoble-2017"


@pytest.fixture(scope="module")
def president():
    """Issued today by the demo's authority (the one of 2017 has expired: signing with it is refused)."""
    return issue_credential(PKI.authority, "Hélène Présidente", "presidente@example.fr")


@pytest.fixture
def president_p12(tmp_path, president):
    path = tmp_path / "presidente.p12"
    path.write_bytes(to_pkcs12(president, PASSPHRASE))
    return path


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def workspace(qtbot, heard_db, president):
    designate_in(heard_db, CAMPAIGN, president)  # the one issued today, as a package's jurors.csv would
    widget = ReviewWorkspace(heard_db)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.campaignLoaded):
        widget.set_campaign(CAMPAIGN)
    return widget


def preview_text(dialog) -> str:
    with pymupdf.open(dialog.preview_path) as doc:
        return " ".join(page.get_text() for page in doc)


def accepted(dialog) -> bool:
    """« Sign and save… » pressed: where to save is asked, and the dialog closes only once it is answered."""
    dialog.accept()
    return dialog.result() == QDialog.DialogCode.Accepted


def decide_everyone(db) -> None:
    """The missing sheet signed, every proposal delivered, the plagiarism report decided (issue 11 §4: a PV is
    not signed while a candidate is undecided)."""
    from datetime import timedelta

    from c2i2e_jury.services.sheet_signing import sign_and_lock
    from tests.services.review_factory import ORAL_DAY, PLAGIARISM, UNSIGNED, demo_ids

    ids = demo_ids(db)
    sign_and_lock(db, ids[UNSIGNED], *PKI.jurors, now=ORAL_DAY + timedelta(hours=3))
    certification_batch.deliver_as_proposed(db, CAMPAIGN, by="Hélène Présidente")
    certification.annul_for_plagiarism(db, ids[PLAGIARISM], "Pages 4 à 6 copiées.", by="Hélène Présidente")


def test_the_pv_is_previewed_as_typed_then_signed_by_the_president(
    qtbot, workspace, heard_db, president_p12, settings, tmp_path
):
    decide_everyone(heard_db)
    out = tmp_path / "sortie" / "pv.pdf"
    out.parent.mkdir()
    script = Script(files=[str(president_p12)], passphrases=["pas la bonne", PASSPHRASE], saves=[str(out)])
    seen = {}

    def fill_in(dialog):
        qtbot.waitUntil(dialog.preview_ready, timeout=15_000)
        assert "Hélène Présidente" in preview_text(dialog)
        dialog.meeting.setDate(QDate(2017, 7, 10))
        dialog.place.setText("Grenoble, ESPE, salle B114")
        dialog.members.setPlainText(
            "Benoît Œhlenschläger\nZoé Mäkelä-Garçon, représentante du comité de site"
        )
        first = dialog.preview_path
        qtbot.waitUntil(lambda: dialog.preview_ready() and dialog.preview_path != first, timeout=15_000)
        text = preview_text(dialog)
        seen["preview"] = all(word in text for word in ("B114", "Œhlenschläger", "10 juillet 2017"))
        seen["status"] = dialog.status.text()
        return accepted(dialog)

    path = workspace.president_documents(script.prompts(), settings, dialog_hook=fill_in).run_pv()
    assert path == out and seen["preview"], seen
    assert seen["status"].startswith("12 candidates")
    assert script.asked_passphrase == ["", "Wrong passphrase"]
    pdf = out.read_bytes()
    signers = verify_signed_pdf(pdf, [PKI.authority.certificate], [PRESIDENT_FIELD])
    assert [s.name for s in signers] == ["Hélène Présidente"]
    data = pv_json(pdf)
    assert (data["meeting"], data["place"]) == ("2017-07-10", "Grenoble, ESPE, salle B114")
    assert [(m["name"], m["role"]) for m in data["members"]] == [
        ("Hélène Présidente", "Président"),
        ("Benoît Œhlenschläger", "Membre"),
        ("Zoé Mäkelä-Garçon", "Représentante du comité de site"),
    ]
    assert data["counts"]["candidates"] == 12
    assert script.shown[-1][0] == "inform" and str(out) in script.shown[-1][2]
    assert settings.value("president/credential") == str(president_p12)  # offered again next time


def test_the_pv_dialog_says_who_is_left_to_decide_and_does_not_sign(
    qtbot, workspace, president_p12, settings, tmp_path
):
    out = tmp_path / "pv.pdf"
    script = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    seen = {}

    def look(dialog):
        seen["waiting"], seen["sign"] = dialog.waiting.text(), dialog.sign_button.isEnabled()
        dialog.place.setText("Grenoble")  # a place typed: what stops the PV is the candidates left to decide
        return accepted(dialog)  # accepted all the same (a script, not a click): the service refuses

    assert workspace.president_documents(script.prompts(), settings, dialog_hook=look).run_pv() is None
    assert seen["waiting"].startswith(
        "The procès-verbal cannot be signed: 9 candidates still to decide by the certification jury: "
    )
    assert (
        "Maëlle (C2017-003)" in seen["waiting"] and "(C2017-006)" in seen["waiting"]
    )  # no sheet; plagiarism
    assert not seen["sign"]
    assert script.shown[-1][0] == "warn" and script.shown[-1][2].startswith(
        "Le procès-verbal ne peut pas être signé : 9 candidats restent à décider par le jury de certification : "
    )
    assert not out.exists()


def test_cancelling_the_pv_at_any_step_writes_nothing(qtbot, workspace, president_p12, settings, tmp_path):
    out = tmp_path / "pv.pdf"
    no_passphrase = Script(files=[str(president_p12)], passphrases=[], saves=[str(out)])
    assert workspace.president_documents(no_passphrase.prompts(), settings).run_pv() is None
    closed = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    assert (
        workspace.president_documents(closed.prompts(), settings, dialog_hook=lambda d: False).run_pv()
        is None
    )
    no_file = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[None])
    assert workspace.president_documents(no_file.prompts(), settings, dialog_hook=accepted).run_pv() is None
    assert not out.exists() and not list(tmp_path.glob("*.pdf"))


def test_cancelling_where_to_save_keeps_the_pv_dialog_open_with_what_was_typed(
    qtbot, workspace, heard_db, president_p12, settings, tmp_path
):
    """Issue 12: the save-file question cancelled, the president is back in the dialog with the date, place,
    members and remarks typed, and signs on a second Alt+S (typed without accents: QTest types ASCII only)."""
    decide_everyone(heard_db)
    out = tmp_path / "pv.pdf"
    script = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[None, str(out)])
    seen = {}

    def type_then_sign_twice(dialog):
        dialog.open()  # modal as with exec(), without blocking the test
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        dialog.meeting.setDate(QDate(2017, 7, 10))
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier
        )  # « &Place »
        qtbot.waitUntil(dialog.place.hasFocus)
        qtbot.keyClicks(dialog.place, "Grenoble, salle B114")
        for field, text in (
            (dialog.members, "Zoe Makela, representante du comite de site"),
            (dialog.remarks, "Seance sans incident."),
        ):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is field, "Tab goes from field to field"
            qtbot.keyClicks(field, text)
        qtbot.waitUntil(lambda: dialog.sign_button.isEnabled())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(
            lambda: len(script.saves) == 1
        )  # where to save asked (a mnemonic clicks a moment later)
        seen["open"] = dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
        seen["kept"] = (
            dialog.meeting.date(),
            dialog.place.text(),
            dialog.members.toPlainText(),
            dialog.remarks.toPlainText(),
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return dialog.result() == QDialog.DialogCode.Accepted

    path = workspace.president_documents(
        script.prompts(), settings, dialog_hook=type_then_sign_twice
    ).run_pv()
    assert seen["open"], "cancelling where to save left the dialog open"
    assert seen["kept"] == (
        QDate(2017, 7, 10),
        "Grenoble, salle B114",
        "Zoe Makela, representante du comite de site",
        "Seance sans incident.",
    )
    assert path == out
    data = pv_json(out.read_bytes())
    assert (data["meeting"], data["place"], data["remarks"]) == (
        "2017-07-10",
        "Grenoble, salle B114",
        "Seance sans incident.",
    )


def test_the_documents_are_signed_registered_and_saved_as_one_zip(
    qtbot, workspace, heard_db, president_p12, settings, tmp_path
):
    out = tmp_path / "documents.zip"
    nothing_yet = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    assert workspace.president_documents(nothing_yet.prompts(), settings).run_documents() is None
    assert "nothing to save" in nothing_yet.shown[-1][2] and not out.exists()

    batch = certification_batch.deliver_as_proposed(heard_db, CAMPAIGN, by="Hélène Présidente")
    delivered = batch.certificates + batch.attestations
    assert delivered > 0
    script = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    assert workspace.president_documents(script.prompts(), settings).run_documents() == out
    assert f"{delivered} documents signed now; 0 already issued." in script.shown[-1][2]
    with zipfile.ZipFile(out) as archive:
        index = list(
            csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig")), delimiter=";")
        )
        assert len(index) == delivered
        first = index[0]
        checked = verify_pdf(archive.read(first["file"]), [PKI.authority.certificate])
    assert checked.code == first["code"] and checked.statement.candidate_id == first["candidate_id"]

    again = Script(files=[str(president_p12)], passphrases=[PASSPHRASE], saves=[str(out)])
    workspace.president_documents(again.prompts(), settings).run_documents()
    assert f"0 documents signed now; {delivered} already issued." in again.shown[-1][2]


def test_an_expired_credential_signs_nothing(qtbot, workspace, settings, tmp_path):
    expired = tmp_path / "expired.p12"
    expired.write_bytes(to_pkcs12(PKI.president, PASSPHRASE))  # issued in 2017 for five years
    out = tmp_path / "pv.pdf"
    script = Script(files=[str(expired)], passphrases=[PASSPHRASE], saves=[str(out)])
    assert workspace.president_documents(script.prompts(), settings, dialog_hook=accepted).run_pv() is None
    kind, title, text = script.shown[-1]
    assert (kind, title) == ("warn", "Procès-verbal not signed") and "expir" in text and not out.exists()


def test_a_juror_credential_is_refused_before_anything_is_typed_or_signed(
    qtbot, workspace, heard_db, settings, tmp_path
):
    """Issue 11: a juror's credential chains to the same authority, but only the designated president signs."""
    from sqlalchemy import func, select

    from c2i2e_jury.storage.certification_models import IssuedDocument

    juror = tmp_path / "jure.p12"
    juror.write_bytes(
        to_pkcs12(issue_credential(PKI.authority, "Benoît Œhlenschläger", "j@example.fr"), PASSPHRASE)
    )
    shown = []
    script = Script(files=[str(juror)], passphrases=[PASSPHRASE], saves=[str(tmp_path / "pv.pdf")])
    assert (
        workspace.president_documents(script.prompts(), settings, dialog_hook=shown.append).run_pv() is None
    )
    kind, title, text = script.shown[-1]
    assert (kind, title) == ("warn", "Procès-verbal not signed") and shown == []  # the dialog never opened
    assert text.startswith("Le certificat de Benoît Œhlenschläger n'est pas celui du président")
    certification_batch.deliver_as_proposed(heard_db, CAMPAIGN, by="Hélène Présidente")
    script = Script(files=[str(juror)], passphrases=[PASSPHRASE], saves=[str(tmp_path / "documents.zip")])
    assert workspace.president_documents(script.prompts(), settings).run_documents() is None
    assert (
        script.shown[-1][:2] == ("warn", "No document signed") and "Hélène Présidente" in script.shown[-1][2]
    )
    with heard_db.read() as s:
        assert s.scalar(select(func.count()).select_from(IssuedDocument)) == 0
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.zip"))
