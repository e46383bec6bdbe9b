"""Issue 12 §4: every count on the president's screen agrees with its number in French, 0 and 1 singular
(« 0 certificat délivré », « 1 absent », « 2 non admis »), from the real catalogue."""

from __future__ import annotations

from datetime import date

import pytest

from c2i2e_jury.services.certification_pv import pv_content
from c2i2e_jury.ui.review import ReviewWorkspace
from c2i2e_jury.ui.review.pv_dialog import PvDialog
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(qtbot, heard_db, french):
    script = Script()
    widget = ReviewWorkspace(heard_db, prompts=script.prompts())
    widget.script = script
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.campaignLoaded):
        widget.set_campaign("grenoble-2017")
    return widget


def test_the_count_of_candidates_shown(qtbot, workspace):
    assert workspace.count.text() == "12 sur 12 candidats"
    qtbot.keyClicks(workspace.search, "lefevre")
    assert workspace.count.text() == "1 sur 12 candidats"
    qtbot.keyClicks(workspace.search, "zzz")
    assert workspace.count.text() == "0 sur 12 candidats"


def test_the_batch_delivery_report(workspace):
    workspace.deliver_all.click()
    assert workspace.script.said("inform")[-1] == (
        "4 certificats et 3 attestations partielles enregistrés ; 5 candidats laissés à votre décision."
    )
    workspace.deliver_all.click()
    assert workspace.script.said("inform")[-1] == (
        "0 certificat et 0 attestation partielle enregistrés ; 5 candidats laissés à votre décision."
    )


def test_the_pv_dialogs_counts(qtbot, heard_db, tmp_path, french):
    dialog = PvDialog(None, pv_content(heard_db, "grenoble-2017", [], date.today(), ""), tmp_path)
    try:
        assert dialog.counts_text() == (
            "12 candidats : 0 certificat délivré, 0 attestation partielle délivrée, 0 annulé, 1 absent, "
            "2 non admis, 1 feuille non reçue, 9 à décider."
        )
        assert dialog.waiting.text().startswith(
            "Le procès-verbal ne peut pas être signé : 9 candidats restent à décider"
        )
    finally:
        dialog.done(0)
        dialog.deleteLater()
