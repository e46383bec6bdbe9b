"""The secretariat's workspace, driven as a person would (file dialogs answered by the test's script)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTime
from sqlalchemy import select

from c2i2e_jury.storage.models import Campaign, Juror
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.secretariat.fields import FieldsDialog
from tests.ui.scripted_prompts import Script


def answer_fields(monkeypatch, answers: list[dict[str, str]]):
    def exec_(dialog):
        values = answers.pop(0)
        for key, edit in dialog.edits.items():
            if key in values:
                edit.setText(values[key])
        return True

    monkeypatch.setattr(FieldsDialog, "exec", exec_)


def test_the_secretariat_imports_prepares_credentials_and_exports(
    qtbot, monkeypatch, tmp_path, demo_package_dir, demo_db_empty
):
    script = Script()
    window = MainWindow(demo_db_empty, prompts=script.prompts())
    qtbot.addWidget(window)
    sec = window.secretariat
    # Import the campaign package.
    script.files.append(str(demo_package_dir / "campaign.json"))
    sec.run_task(sec.import_campaign)
    assert (
        "Campagne grenoble-2017 créée" in sec.journal.toPlainText()
        or "grenoble-2017" in sec.journal.toPlainText()
    )
    assert window.day_model.rowCount() == 12
    # The authority, then a juror's credential recorded for jury J1.
    script.folders.append(str(tmp_path))
    answer_fields(
        monkeypatch,
        [
            {"name": "Autorité 2017", "p1": "phrase-ca-2017", "p2": "phrase-ca-2017"},
            {
                "name": "Claire Martin",
                "email": "c.martin@example.fr",
                "jury": "J1",
                "authority": "phrase-ca-2017",
                "p1": "phrase-juree",
                "p2": "phrase-juree",
            },
        ],
    )
    sec.run_task(sec.credentials.create_authority)
    assert (tmp_path / "authority.p12").is_file()
    script.files.append(str(tmp_path / "authority.p12"))
    script.saves.append(str(tmp_path / "martin.p12"))
    sec.run_task(sec.credentials.issue_credential)
    assert (tmp_path / "martin.p12").is_file()
    with demo_db_empty.read() as s:
        assert s.get(Campaign, "grenoble-2017").authority_pem
        assert s.scalars(select(Juror.name)).all() == ["Claire Martin"]
    # Mismatched passphrases: one sentence, nothing written.
    warnings = script.refused
    answer_fields(monkeypatch, [{"name": "Autre", "p1": "phrase-ca-2017", "p2": "autre-phrase"}])
    script.folders.append(str(tmp_path / "other"))
    (tmp_path / "other").mkdir()
    sec.run_task(sec.credentials.create_authority)
    assert warnings == ["Les deux phrases de passe diffèrent : rien n'a été écrit."] or warnings == [
        "The two passphrases differ: nothing was written."
    ]
    assert not (tmp_path / "other" / "authority.p12").exists()
    # The summary for French Excel.
    script.saves.append(str(tmp_path / "recap.csv"))
    sec.run_task(sec.export_summary)
    data = (tmp_path / "recap.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Élodie" in data.decode("utf-8-sig")
    # Room kits with their attendance sheets.
    script.folders.append(str(tmp_path / "kits"))
    sec.run_task(sec.room_kits)
    assert len(list(Path(tmp_path / "kits").glob("*.zip"))) == 2


def test_the_registers_apply_the_seed_rules(qtbot, monkeypatch, demo_db):
    from datetime import date

    from c2i2e_jury.services.registers import date_changes, reclamations
    from c2i2e_jury.ui.secretariat import registers as reg

    script = Script()
    window = MainWindow(demo_db, prompts=script.prompts())
    qtbot.addWidget(window)
    sec = window.secretariat
    monkeypatch.setattr(
        reg.ReclamationDialog,
        "exec",
        lambda dialog: (
            dialog.problem.setDate(date(2017, 6, 12)),
            dialog.received.setDate(date(2017, 6, 30)),
            dialog.text.setPlainText("Je conteste la non-validation de B3.5."),
            True,
        )[-1],
    )
    sec.run_task(sec.reclamation)
    assert "hors délai (18 jours)" in sec.journal.toPlainText()
    assert len(reclamations(demo_db, "grenoble-2017")) == 1
    # A reason outside the seed's three is refused with the rule, nothing recorded.
    warnings = script.refused

    def other_reason(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
        dialog.proof.setText("Mariage")
        return True

    monkeypatch.setattr(reg.DateChangeDialog, "exec", other_reason)
    sec.run_task(sec.date_change)
    assert warnings and warnings[0].startswith("Changement refusé : le cahier des charges")
    assert date_changes(demo_db, "grenoble-2017") == []

    def hospital(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("hospitalisation"))
        dialog.proof.setText("Bulletin d'hospitalisation du CHU")
        dialog.proof_received.setChecked(True)
        dialog.new_date.setDate(date(2017, 7, 3))
        dialog.new_time.setTime(QTime(14, 0))
        dialog.requested.setDate(date(2017, 6, 9))
        return True

    monkeypatch.setattr(reg.DateChangeDialog, "exec", hospital)
    sec.run_task(sec.date_change)
    assert [c.new_time for c in date_changes(demo_db, "grenoble-2017")] == ["14:00"]

    def before_the_request(dialog):
        hospital(dialog)
        dialog.new_date.setDate(date(2017, 6, 1))
        return True

    monkeypatch.setattr(reg.DateChangeDialog, "exec", before_the_request)
    sec.run_task(sec.date_change)
    assert warnings[-1] == (
        "La nouvelle date (01/06/2017) précède la demande (09/06/2017) : vérifiez les deux dates."
    )
    assert len(date_changes(demo_db, "grenoble-2017")) == 1


def test_a_refused_package_gives_its_problems_as_a_sheet_for_excel(
    qtbot, tmp_path, demo_package_dir, demo_db_empty
):
    import csv
    import io
    import shutil

    from c2i2e_jury.exchange.tabular import decode_text

    broken = tmp_path / "paquet"
    shutil.copytree(demo_package_dir, broken)
    marks = broken / "marks.csv"
    text = marks.read_text(encoding="utf-8-sig")
    marks.write_text(text.replace(";A1.1;", ";Z9.9;", 1).replace(";B2.3;", ";B2.9;", 1), encoding="utf-8-sig")
    out = tmp_path / "problemes.csv"
    script = Script(
        files=[str(broken / "campaign.json")], saves=[str(out)], choices=["Save the list for Excel…"]
    )
    window = MainWindow(demo_db_empty, prompts=script.prompts())
    qtbot.addWidget(window)
    sec = window.secretariat
    shown = script.refused
    sec.run_task(sec.import_campaign)
    assert len(shown) == 1 and "rien n'a été enregistré" in shown[0]
    assert window.day_model.rowCount() == 0  # nothing stored
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents right
    rows = list(csv.reader(io.StringIO(decode_text(out.read_bytes())), delimiter=";"))
    assert rows[0] == ["fichier", "ligne", "colonne", "valeur", "problème"]
    found = {(r[0], r[2], r[3]) for r in rows[1:]}
    assert {("marks.csv", "item", "Z9.9"), ("marks.csv", "item", "B2.9")} <= found
    assert all(r[1].isdigit() for r in rows[1:] if r[0] == "marks.csv")
    assert str(out) in sec.journal.toPlainText()
