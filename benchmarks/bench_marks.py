"""The evaluator's signed marks (issue 17): one candidate's file made and signed, and a batch of 30 candidates
verified as the secretariat's import verifies it (coverage on the bytes, the signature, the JSON against the
pages read back). The floors, measured in the same run: the unsigned file, and the bare PAdES check of the same
batch. Reading the 60 pages back (MuPDF's words, about 5 ms a page) is most of the batch's time: the ratio to the
bare signature check is about 11×, which is why the target is absolute."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from benchmarks.harness import Benchmark

BATCH = 30


def benchmarks(workdir: Path) -> list[Benchmark]:
    from c2i2e_jury.exchange import credentials
    from c2i2e_jury.exchange.marks_json import FORMAT
    from c2i2e_jury.exchange.marks_pdf import EVALUATOR_FIELD, render_marks
    from c2i2e_jury.exchange.marks_signing import sign_marks, verify_marks
    from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
    from c2i2e_jury.resources_access import referential

    ref = referential()
    issued = datetime(2017, 1, 9, tzinfo=UTC)
    authority = credentials.create_authority("Autorité C2i2e (banc d'essai)", now=issued)
    evaluator = credentials.issue_credential(authority, "M. Martin", "martin@example.fr", now=issued)
    signed_at = datetime(2017, 6, 1, 8, 0, tzinfo=UTC)

    def marks(count: int) -> dict:
        return {
            "format": FORMAT,
            "campaign": "banc-2017",
            "signed_at": signed_at.isoformat(),
            "evaluator": {"name": evaluator.name, "fingerprint": evaluator.fingerprint},
            "candidates": [
                {
                    "id": f"C{n:04d}",
                    "last_name": f"Candidat{n}",
                    "first_name": "Élodie",
                    "dossier_sha256": "",
                    "items": [
                        {
                            "item": c,
                            "mark": "NV" if (n + i) % 9 == 0 else "V",
                            "comment": f"Vu en partie, {c}.",
                        }
                        for i, c in enumerate(ref.codes)
                    ],
                    "rework": None,
                }
                for n in range(count)
            ],
        }

    one = marks(1)
    batch = sign_marks(render_marks(marks(BATCH), ref), evaluator, timestamp=signed_at)
    roots = [authority.certificate]
    assert len(verify_marks(batch, roots, ref).marks["candidates"]) == BATCH  # also warms the imports up
    return [
        Benchmark(
            "marks: one candidate made and signed",
            lambda: sign_marks(render_marks(one, ref), evaluator, timestamp=signed_at),
            floor=lambda: render_marks(one, ref),
            floor_name="marks PDF made, unsigned",
            runs=5,
            max_seconds=1.0,
        ),
        Benchmark(
            f"marks: a batch of {BATCH} candidates verified",
            lambda: verify_marks(batch, roots, ref),
            floor=lambda: verify_signed_pdf(batch, roots, [EVALUATOR_FIELD]),
            floor_name="the signature alone (PAdES, coverage)",
            runs=5,
            max_seconds=2.0,  # about 25 ms a candidate; most of it MuPDF's text of the 60 pages read back
        ),
    ]
