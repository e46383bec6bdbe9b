"""Issue 2's rows: a 200-candidate package with 200 dossiers of about 2 MB imported, against a plain copy of the
same files; the certification rules evaluated for 10,000 candidates."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

from benchmarks.harness import Benchmark

CANDIDATES = 200


def build_package(root: Path) -> Path:
    from c2i2e_jury.exchange.demo.dossier import make_dossier
    from c2i2e_jury.resources_access import referential

    codes = referential().codes
    (root / "dossiers").mkdir(parents=True)
    template = make_dossier(
        root / "template.pdf", last_name="Modèle", first_name="Dossier", pages=20, screenshots=2, seed=7
    )
    data = template.read_bytes()
    template.unlink()
    rng = random.Random(3)
    candidates = [
        "candidate_id;last_name;first_name;email;dossier;deposited;rework_pending;oral_date;oral_time;"
        "room;jury;evaluator;extra_time_percent"
    ]
    marks = ["candidate_id;item;evaluator_mark;comment"]
    for n in range(CANDIDATES):
        cid = f"B{n:04d}"
        # Distinct bytes per dossier (a trailing comment after %%EOF), so none is deduplicated.
        (root / "dossiers" / f"{cid}.pdf").write_bytes(data + f"\n% {cid}\n".encode())
        candidates.append(
            f"{cid};Nom{n};Prénom{n};c{n}@example.fr;{cid}.pdf;oui;non;2017-06-{12 + n % 10};"
            f"{8 + n % 9:02d}:30;Salle {n % 6};J{n % 6};Évaluateur {n % 5};"
        )
        marks += [f"{cid};{code};{'V' if rng.random() < 0.85 else 'NV'};Commentaire {code}" for code in codes]
    (root / "candidates.csv").write_text("\n".join(candidates) + "\n", encoding="utf-8-sig")
    (root / "marks.csv").write_text("\n".join(marks) + "\n", encoding="utf-8-sig")
    (root / "campaign.json").write_text(
        json.dumps(
            {
                "format": "c2i2e-campaign/1",
                "id": "bench",
                "title": "Benchmark",
                "year": 2017,
                "deposit_opens": "2017-05-10",
                "deposit_closes": "2017-05-17",
                "orals_from": "2017-06-12",
                "orals_to": "2017-07-07",
            }
        ),
        encoding="utf-8",
    )
    return root


def benchmarks(workdir: Path) -> list[Benchmark]:
    from c2i2e_jury.domain.rules import Attendance, Mark, PriorValidation, Situation, evaluate
    from c2i2e_jury.resources_access import referential
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore

    package = build_package(workdir / "package")
    target = workdir / "target"

    def reset() -> None:
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()

    def plain_copy() -> None:
        shutil.copytree(package, target / "copy")

    def durable_copy() -> None:
        """The same copy, each file flushed to disk, as the import must do before it commits."""
        shutil.copytree(package, target / "copy")
        for file in (target / "copy").rglob("*"):
            if file.is_file():
                with file.open("rb+") as stream:
                    os.fsync(stream.fileno())

    def import_200() -> None:
        db = open_database(str(target / "bench.sqlite"))
        try:
            report = import_package(db, package, DossierStore(target / "store"))
            assert report.dossiers == CANDIDATES
        finally:
            db.dispose()

    ref = referential()
    rng = random.Random(1)
    situations = [
        Situation(
            deposited=rng.random() > 0.02,
            attendance=Attendance.PRESENT if rng.random() > 0.05 else Attendance.ABSENT,
            prior=(PriorValidation("A1.1", 2016, True, rng.random() > 0.5),),
            decisions={c: (Mark.VALIDATED if rng.random() < 0.85 else Mark.NOT_VALIDATED) for c in ref.codes},
        )
        for _ in range(10_000)
    ]

    def rules() -> None:
        for situation in situations:
            evaluate(ref, situation)

    return [
        Benchmark(
            "campaign import: 200 candidates, 200 dossiers of ~2 MB",
            import_200,
            durable_copy,
            "copy of the same files, flushed",
            runs=3,
            setup=reset,
            max_ratio=3.0,
            max_seconds=15.0,
        ),
        Benchmark("(for reference) the same copy left in the page cache", plain_copy, runs=3, setup=reset),
        Benchmark("rules evaluated for 10,000 candidates", rules, runs=5, max_seconds=0.5),
        Benchmark(
            "demo campaign package written (12 candidates, 11 dossiers)",
            lambda: _demo(workdir),
            runs=3,
            max_seconds=10.0,
        ),
    ]


def _demo(workdir: Path) -> object:
    """Writing the demo package (was a wall-clock budget in tests/exchange/test_demo.py: measured 1.8 s)."""
    from c2i2e_jury.exchange.demo.campaign import write_demo_package

    target = workdir / "demo-package"
    shutil.rmtree(target, ignore_errors=True)
    return write_demo_package(target)
