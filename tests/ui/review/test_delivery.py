"""Issue 12 §5 on the president's screen, keyboard first: « Délivrer le certificat » asks before recording, with
« Non » the default answer (Entrée by reflex records nothing); « Annuler la délivrance » takes a delivery back
until a signed PV carries it, then the service's sentence says why not."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from c2i2e_jury.storage.certification_models import CertificationDecision, SignedPv
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.review import ReviewWorkspace
from c2i2e_jury.ui.review.review_model import COLUMN
from tests.services.review_factory import demo_ids
from tests.ui.review.test_review import select, shown_ids
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui
CERTIFIED = "C2017-001"  # 28/28, no flag: the certificate is proposed


def open_workspace(qtbot, db, prompts) -> ReviewWorkspace:
    widget = ReviewWorkspace(db, prompts=prompts)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    with qtbot.waitSignal(widget.campaignLoaded):
        widget.set_campaign("grenoble-2017")
    widget.show()
    return widget


def decision_shown(workspace, candidate_id) -> str:
    return workspace.proxy.index(shown_ids(workspace).index(candidate_id), COLUMN["decision"]).data()


def decisions(db, candidate_id) -> list[str]:
    with db.read() as s:
        pk = demo_ids(db)[candidate_id]
        return [d.kind for d in s.query(CertificationDecision).filter_by(candidate_pk=pk).order_by("pk")]


def answer_the_question_with(key, seen: list) -> QTimer:
    """Press ``key`` on the next question box once it is up (its text and default button noted in ``seen``)."""
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            timer.stop()
            seen.append((box.text(), box.standardButton(box.defaultButton())))
            QTest.keyClick(box, key)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_entree_on_the_delivery_question_records_nothing(qtbot, heard_db):
    script = Script()
    workspace = open_workspace(qtbot, heard_db, script.prompts(confirm_risky=Prompts().confirm_risky))
    detail = select(workspace, CERTIFIED)
    assert detail.deliver_button.isEnabled()
    seen: list = []
    timer = answer_the_question_with(Qt.Key.Key_Return, seen)
    detail.deliver_button.click()
    timer.stop()
    assert seen == [
        ("Deliver the C2i2e certificate to MARCHAND Élodie (C2017-001)?", QMessageBox.StandardButton.No)
    ]
    assert decisions(heard_db, CERTIFIED) == [] and decision_shown(workspace, CERTIFIED) == "—"


def test_a_delivery_is_undone_until_a_signed_pv_carries_it(qtbot, heard_db):
    script = Script()  # « Oui » to every question
    workspace = open_workspace(qtbot, heard_db, script.prompts())
    detail = select(workspace, CERTIFIED)
    assert not detail.undo_button.isEnabled()  # nothing delivered yet
    detail.deliver_button.click()
    assert script.said("confirm") == ["Deliver the C2i2e certificate to MARCHAND Élodie (C2017-001)?"]
    assert decision_shown(workspace, CERTIFIED) == "certificate delivered"
    assert workspace.detail.undo_button.isEnabled() and not workspace.detail.deliver_button.isEnabled()
    workspace.detail.undo_button.click()
    assert script.said("confirm")[-1].startswith("Undo the delivery to MARCHAND Élodie (C2017-001)?")
    assert decision_shown(workspace, CERTIFIED) == "delivery undone"
    assert decisions(heard_db, CERTIFIED) == ["certificate", "delivery_undone"]
    assert "Delivery undone on" in workspace.detail.facts.text()
    assert workspace.detail.deliver_button.isEnabled() and not workspace.detail.undo_button.isEnabled()

    workspace.detail.deliver_button.click()
    with (
        heard_db.session() as s
    ):  # the PV signed after the delivery (the signing itself: test_certification_pv)
        s.add(
            SignedPv(
                campaign_id="grenoble-2017",
                meeting=date.today(),
                signed_at=datetime.now().astimezone() + timedelta(seconds=1),
                signed_by="Hélène Présidente",
                sha256="0" * 64,
                pdf=b"%PDF-1.7",
            )
        )
    workspace.detail.undo_button.click()
    (refusal,) = script.said("warn")
    assert refusal.startswith("Le procès-verbal signé le ") and refusal.endswith(
        "porte cette délivrance : elle ne peut plus être annulée."
    )
    assert decisions(heard_db, CERTIFIED) == ["certificate", "delivery_undone", "certificate"]
    assert decision_shown(workspace, CERTIFIED) == "certificate delivered"


def test_no_to_the_undo_question_keeps_the_delivery(qtbot, heard_db):
    script = Script()
    workspace = open_workspace(qtbot, heard_db, script.prompts())
    select(workspace, CERTIFIED).deliver_button.click()
    script.answer = False
    workspace.detail.undo_button.click()
    assert decisions(heard_db, CERTIFIED) == ["certificate"]
