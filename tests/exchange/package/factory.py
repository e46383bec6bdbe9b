"""Small, real campaign packages for the import tests (tiny but genuine PDFs)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pymupdf

CAMPAIGN = {
    "format": "c2i2e-campaign/1",
    "id": "test-2017",
    "title": "Campagne de test",
    "year": 2017,
    "deposit_opens": "2017-05-10",
    "deposit_closes": "2017-05-17",
    "orals_from": "2017-06-12",
    "orals_to": "2017-07-07",
}
CANDIDATES_HEADER = (
    "candidate_id;last_name;first_name;email;dossier;deposited;rework_pending;oral_date;oral_time;"
    "room;jury;evaluator;extra_time_percent"
)
CANDIDATES = [
    "C1;Lefèvre;Élodie;elodie@example.fr;c1.pdf;oui;non;2017-06-12;08:30;B112;J1;M. Martin;",
    "C2;Dupont;François;francois@example.fr;c2.pdf;oui;non;12/06/2017;9h15;B112;J1;M. Martin;33",
    "C3;Nguyen;Maëlle;maelle@example.fr;;non;non;2017-06-12;10:00;B112;J1;;",
]


@cache
def pdf_bytes(text: str, pages: int = 1) -> bytes:
    """A real PDF of ``pages`` pages saying ``text``; made once per process (30 ms each, a thousand per run)."""
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"{text} — page {n + 1}")
    data = doc.tobytes()
    doc.close()
    return data


def write_package(
    root: Path,
    *,
    candidates: list[str] | None = None,
    marks: list[str] | None = None,
    prior: list[str] | None = None,
    campaign: dict | None = None,
    encoding: str = "utf-8-sig",
    delimiter: str = ";",
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "dossiers").mkdir(exist_ok=True)
    (root / "campaign.json").write_text(
        json.dumps(campaign or CAMPAIGN, ensure_ascii=False), encoding="utf-8"
    )

    def sheet(name: str, header: str, rows: list[str]) -> None:
        text = "\r\n".join([header, *rows]) + "\r\n"
        if delimiter != ";":
            text = text.replace(";", delimiter)
        (root / name).write_bytes(text.encode(encoding))

    sheet("candidates.csv", CANDIDATES_HEADER, CANDIDATES if candidates is None else candidates)
    if marks is None:
        from c2i2e_jury.resources_access import referential

        marks = [
            f"{cid};{code};{'NV' if code == 'A3.2' else 'V'};Commentaire « {code} »"
            for cid in ("C1", "C2")
            for code in referential().codes
        ]
    sheet("marks.csv", "candidate_id;item;evaluator_mark;comment", marks)
    sheet(
        "prior.csv",
        "candidate_id;item;year;copy_deposited;original_received",
        ["C1;B4.3;2016;oui;oui"] if prior is None else prior,
    )
    for name in ("c1.pdf", "c2.pdf"):
        (root / "dossiers" / name).write_bytes(pdf_bytes(f"Dossier {name}", pages=10))
    return root
