"""Issue 17's last step, on screen: the jury room, opened on a room kit whose evaluator marks were signed on the
evaluator's laptop and imported at the secretariat, shows those marks beside each decision and says where they
come from (who signed them, when); a candidate whose marks came from a typed marks.csv shows the evaluator alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
from c2i2e_jury.services.marks_export import export_signed_marks
from c2i2e_jury.services.marks_import import import_marks
from c2i2e_jury.services.room_kits import export_room_kits
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.ui.main_window import MainWindow
from tests.services.evaluation_factory import (
    CAMPAIGN,
    MARTIN,
    SIGNED,
    evaluation_package,
    make_evaluation_pki,
)
from tests.services.test_evaluation_flow import mark_everything, pk_of

pytestmark = pytest.mark.gui


def room_database(tmp_path):
    """Secretariat → M. Martin's kit → C1 marked and signed → imported → the room's kit → the room's database."""
    epki = make_evaluation_pki(tmp_path / "pki", datetime(2017, 1, 9, tzinfo=UTC))
    secretariat = open_database(f"sqlite:///{tmp_path / 'secretariat.sqlite'}")
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    try:
        store = DossierStore(tmp_path / "store")
        import_package(secretariat, evaluation_package(tmp_path / "package", epki), store)
        kit = {k.evaluator: k for k in export_evaluator_kits(secretariat, None, tmp_path / "kits", store)}[
            MARTIN
        ]
        import_package(laptop, kit.folder, DossierStore(tmp_path / "laptop-store"))
        mark_everything(laptop, "C1", ("B2.4",))
        files = export_signed_marks(laptop, CAMPAIGN, ["C1"], epki.martin, tmp_path / "usb", now=SIGNED)
        assert import_marks(secretariat, [files[0].path])[0].status == "imported"
        (room_kit,) = export_room_kits(secretariat, CAMPAIGN, tmp_path / "rooms", store)
    finally:
        laptop.dispose()
        secretariat.dispose()
    room = open_database(f"sqlite:///{tmp_path / 'room.sqlite'}")
    import_package(room, room_kit.folder)
    return room


def test_the_jury_room_shows_the_signed_marks_and_their_origin(qtbot, tmp_path):
    room = room_database(tmp_path)
    try:
        window = MainWindow(room)
        qtbot.addWidget(window)
        window.show()
        window.open_candidate(pk_of(room, "C1"))
        subtitle = window.room.subtitle.text()
        signed_on = SIGNED.astimezone().strftime("%d/%m/%Y")
        assert (
            f"{MARTIN} (notes signées le {signed_on})" in subtitle
            or f"marks signed on {signed_on}" in subtitle
        )
        assert window.room.session.file.item("B2.4").evaluator.value == "NV"
        window.open_candidate(
            pk_of(room, "C2")
        )  # marked by nobody yet: the typed marks.csv (none), no origin
        assert "signées" not in window.room.subtitle.text() and "signed" not in window.room.subtitle.text()
        window.close()
    finally:
        room.dispose()
