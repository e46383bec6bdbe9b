"""The evaluators of a campaign package (docs/FORMATS.md §1.5, issue 17): rows of ``jurors.csv`` whose ``jury``
is ``evaluator``, each with the evaluator's certificate. ``candidates.csv``'s optional ``evaluator`` column names,
for each candidate, the evaluator assigned (the same name as the row). Only that evaluator's signed marks are
accepted for the candidate; a package without evaluator rows is read as before (marks come from ``marks.csv``).

Like the president's row, an evaluator row is not a validation juror: :mod:`.juries` leaves it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from c2i2e_jury.exchange.credentials import common_name, issued_by, load_certificates
from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.format import CandidateRecord, JurorRecord
from c2i2e_jury.exchange.tabular import Table

EVALUATOR_JURY = "evaluator"
_SPELLINGS = {"evaluator", "evaluateur", "évaluateur", "evaluatrice", "évaluatrice"}


def is_evaluator(jury: str) -> bool:
    return jury.strip().casefold() in _SPELLINGS


def evaluator_records(jurors: Sequence[JurorRecord]) -> list[JurorRecord]:
    return [j for j in jurors if j.jury == EVALUATOR_JURY]


def check_evaluators(
    table: Table | None,
    jurors: Sequence[JurorRecord],
    candidates: Sequence[CandidateRecord],
    authority_pem: str | None,
    check: Checker,
) -> None:
    """Evaluator rows spelt ``evaluator``, each with a certificate that is theirs and that the authority
    issued; once the package names evaluators, every candidate's ``evaluator`` is one of them."""
    if table is None:
        return
    roots = load_certificates(authority_pem.encode("ascii"), "authority.pem") if authority_pem else []
    records = {j.name: j for j in evaluator_records(jurors)}
    for row in table.rows:
        if not is_evaluator(row.get("jury")):
            continue
        if row.get("jury") != EVALUATOR_JURY:
            check.add(row.file, row.line, "jury", row.get("jury"), "écrivez « evaluator » pour un évaluateur")
            continue
        record = records.get(row.get("name"))
        if not row.get("certificate"):
            check.add(
                row.file,
                row.line,
                "certificate",
                "",
                "le certificat de l'évaluateur est obligatoire : il signe les notes qu'il exporte",
            )
        elif record is not None and record.certificate_pem:
            problem = _certificate_problem(record, roots)
            if problem:
                check.add(row.file, row.line, "certificate", row.get("certificate"), problem)
    if records:
        for candidate in candidates:
            if candidate.evaluator and candidate.evaluator not in records:
                check.add(
                    "candidates",
                    None,
                    "evaluator",
                    candidate.evaluator,
                    f"{candidate.candidate_id} : évaluateur absent de jurors.csv (lignes « evaluator »)",
                )


def _certificate_problem(record: JurorRecord, roots: Sequence[x509.Certificate]) -> str | None:
    assert record.certificate_pem is not None
    certificate = x509.load_pem_x509_certificate(record.certificate_pem.encode("ascii"))
    if common_name(certificate) != record.name:
        return f"ce certificat est celui de {common_name(certificate)}, pas de {record.name}"
    if roots and not any(issued_by(certificate, root) for root in roots):
        return "certificat que l'autorité de la campagne (authority.pem) n'a pas délivré"
    return None
