"""The secretariat's two tasks of the evaluator's time (issue 17): write the evaluators' kits, and import the
signed marks they bring back (a folder or a USB key, zips included). Each outcome goes to the journal with its
reason; a refused file changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import fill

if TYPE_CHECKING:
    from c2i2e_jury.ui.secretariat.workspace import SecretariatWorkspace


def evaluator_kits(page: SecretariatWorkspace) -> None:
    from c2i2e_jury.services.evaluator_kits import export_evaluator_kits

    settings = Settings()
    folder = page.prompts.folder(
        page,
        QCoreApplication.translate("SecretariatEvaluation", "Folder for the evaluator kits"),
        settings.kits_folder(),
    )
    if not folder:
        return
    settings.remember_kits_folder(folder)
    for kit in export_evaluator_kits(page.db, page._campaign(), Path(folder), zip=True):
        page.note(
            fill(
                QCoreApplication.translate("SecretariatEvaluation", "Evaluator kit %1: %2 candidates, %3"),
                kit.evaluator,
                len(kit.candidate_ids),
                kit.zip_path,
            )
        )
        for warning in kit.warnings:
            page.note(
                "  " + fill(QCoreApplication.translate("SecretariatEvaluation", "warning: %1"), warning)
            )


def import_signed_marks(page: SecretariatWorkspace) -> None:
    from c2i2e_jury.services.marks_import import import_marks, summary

    folder = page.prompts.folder(
        page,
        QCoreApplication.translate(
            "SecretariatEvaluation", "Folder or USB key holding the evaluators' signed marks"
        ),
        "",
    )
    if not folder:
        return
    labels = {
        "imported": QCoreApplication.translate("SecretariatEvaluation", "imported"),
        "duplicate": QCoreApplication.translate("SecretariatEvaluation", "already imported"),
        "superseded": QCoreApplication.translate("SecretariatEvaluation", "older than the marks in force"),
        "rejected": QCoreApplication.translate("SecretariatEvaluation", "refused"),
    }
    outcomes = import_marks(page.db, [folder])
    for o in outcomes:
        page.note(
            fill(
                QCoreApplication.translate("SecretariatEvaluation", "%1: %2 — %3"),
                Path(o.file).name,
                labels[o.status],
                o.message,
            )
        )
    page.note(
        fill(QCoreApplication.translate("SecretariatEvaluation", "Signed marks: %1."), summary(outcomes))
    )


def redeposit_dossier(page: SecretariatWorkspace) -> None:
    """The candidate asked to rework the dossier brings the new one: it replaces the first (both kept), the
    format report runs again; refused when no rework was asked or the candidate already redeposited."""
    from c2i2e_jury.services.rework import redeposit

    candidate = page.prompts.line(
        page,
        QCoreApplication.translate("SecretariatEvaluation", "Redeposit a reworked dossier"),
        QCoreApplication.translate("SecretariatEvaluation", "Candidate number:"),
    )
    if not candidate or not candidate.strip():
        return
    path = page.prompts.open_file(
        page,
        QCoreApplication.translate("SecretariatEvaluation", "The reworked dossier (PDF)"),
        "",
        "PDF (*.pdf)",
    )
    if not path:
        return
    done = redeposit(page.db, page._campaign() or "", candidate.strip(), Path(path))
    if done.conform:
        verdict = QCoreApplication.translate("SecretariatEvaluation", "the format report finds it conform")
    else:
        verdict = fill(
            QCoreApplication.translate("SecretariatEvaluation", "the format report finds: %1"),
            " ; ".join(done.failures),
        )
    page.note(
        fill(
            QCoreApplication.translate("SecretariatEvaluation", "%1: dossier redeposited, %2."),
            done.candidate_id,
            verdict,
        )
    )
