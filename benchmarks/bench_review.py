"""Issue 9's row: the president's review of 5,000 candidates — rows computed by the rules engine, set in the Qt
model and sorted by a column — within 300 ms, against a bare SELECT of the same rows (candidates, decisions,
marks) as the floor. The campaign is written with bulk inserts into a real SQLite file."""

from __future__ import annotations

import os
import random
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.harness import Benchmark

CANDIDATES = 5_000
EVALUATORS = ("Catherine Roux", "Sylvie Morel", "Olivier Garnier", "Martin Petit", "Aïcha Benali")


def build_campaign(path: Path | str, n: int = CANDIDATES, *, seed: int = 9) -> str:
    """A campaign of ``n`` examined candidates (a few absent, non-admitted, annulled, with prior items, sheets,
    conflicts and plagiarism reports) in the SQLite file ``path`` (or the database of a PostgreSQL URL); returns
    the campaign id."""
    from sqlalchemy import insert

    from c2i2e_jury.resources_access import referential
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.models import (
        Campaign,
        Candidate,
        Decision,
        EvaluatorMark,
        Incident,
        Oral,
        PriorItem,
        ResultSheet,
    )

    rng = random.Random(seed)
    codes = referential().codes
    now = datetime(2017, 6, 20, 12, 0, tzinfo=UTC)
    db = open_database(str(path))
    candidates, orals, marks, decisions, prior, incidents, sheets = [], [], [], [], [], [], []
    for pk in range(1, n + 1):
        evaluator = EVALUATORS[pk % len(EVALUATORS)]
        admitted = rng.random() > 0.02
        candidates.append(
            {
                "pk": pk,
                "campaign_id": "bench",
                "candidate_id": f"B{pk:05d}",
                "last_name": f"Nom{pk}",
                "first_name": f"Prénom{pk}",
                "email": "",
                "deposited": admitted,
                "rework_pending": False,
                "oral_time": "08:30",
                "room": f"Salle {pk % 12}",
                "jury": f"J{pk % 12}",
                "evaluator": evaluator,
                "extra_time_percent": 0,
                "annulled": pk % 997 == 0,
                "annulment_reason": "Plagiat" if pk % 997 == 0 else "",
            }
        )
        if not admitted:
            continue
        absent = rng.random() < 0.03
        orals.append(
            {
                "pk": pk,
                "candidate_pk": pk,
                "attendance": "absent" if absent else "present",
                "current_page": 0,
                "view_state": {},
                "locked": True,
            }
        )
        if pk % 400 == 0:
            incidents.append({"oral_pk": pk, "kind": "fraud_suspicion", "at": now, "note": "Passages copiés"})
        if pk % 50:
            sheets.append(
                {
                    "candidate_pk": pk,
                    "version": 1,
                    "sha256": f"{pk:064d}",
                    "pdf": b"%PDF",
                    "result": {},
                    "signed_at": now,
                    "stored_at": now,
                    "reopen_reason": "",
                }
            )
        if pk % 20 == 0:
            prior.append(
                {
                    "candidate_pk": pk,
                    "item": codes[0],
                    "year": 2016,
                    "copy_deposited": True,
                    "original_received": True,
                }
            )
        level = rng.random()
        for code in codes:
            mark = "V" if rng.random() < 0.6 + 0.38 * level else "NV"
            marks.append({"candidate_pk": pk, "item": code, "mark": mark, "comment": "Commentaire"})
            if not absent:
                decision = mark if rng.random() > 0.06 else ("NV" if mark == "V" else "V")
                decisions.append(
                    {
                        "candidate_pk": pk,
                        "item": code,
                        "decision": decision,
                        "comment": "",
                        "justification": "" if decision == mark else "Vu à l'oral",
                        "updated_at": now,
                    }
                )
    with db.session() as s:
        s.add(
            Campaign(
                id="bench",
                title="Benchmark",
                year=2017,
                deposit_opens=date(2017, 5, 10),
                deposit_closes=date(2017, 5, 17),
                orals_from=date(2017, 6, 12),
                orals_to=date(2017, 7, 7),
                package_sha256="0" * 64,
                imported_at=now,
            )
        )
        s.flush()
        for model, rows in (
            (Candidate, candidates),
            (Oral, orals),
            (EvaluatorMark, marks),
            (Decision, decisions),
            (PriorItem, prior),
            (Incident, incidents),
            (ResultSheet, sheets),
        ):
            if rows:
                s.execute(insert(model), rows)
    db.dispose()
    return "bench"


def benchmarks(workdir: Path) -> list[Benchmark]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.ui.review import ReviewWorkspace
    from c2i2e_jury.ui.review.review_model import COLUMN

    app = QApplication.instance() or QApplication([])
    path = workdir / "review.sqlite"
    campaign = build_campaign(path)
    db = open_database(str(path))
    workspace = ReviewWorkspace(db)
    workspace.resize(1400, 800)
    workspace.show()

    def review() -> None:
        """The campaign read, every outcome computed by the rules engine, the table filled and shown, then
        sorted by the validated count, as the president clicks its header."""
        workspace.set_campaign(campaign)
        app.processEvents()
        workspace.table.sortByColumn(COLUMN["validated"], Qt.SortOrder.DescendingOrder)
        app.processEvents()
        assert workspace.proxy.rowCount() == CANDIDATES

    def bare_select() -> None:
        with db.engine.connect() as conn:
            conn.exec_driver_sql(
                "SELECT pk, candidate_id, last_name, first_name, deposited, rework_pending, annulled"
                " FROM candidate WHERE campaign_id = 'bench'"
            ).all()
            conn.exec_driver_sql(
                "SELECT d.candidate_pk, d.item, d.decision, m.mark FROM decision d JOIN"
                " evaluator_mark m ON m.candidate_pk = d.candidate_pk AND m.item = d.item"
            ).all()

    return [
        Benchmark(
            "president's review: 5,000 candidates computed, shown and sorted",
            review,
            bare_select,
            "bare SELECT of the candidates, decisions and marks",
            runs=5,
            max_seconds=0.3,
        )
    ]
