"""The juries of a campaign package (docs/FORMATS.md §1.5): when ``jurors.csv`` is given, each jury of
``candidates.csv`` has exactly two jurors there, two different persons, so that a sheet can be bound to the two
people who may sign it. The row whose ``jury`` is ``president`` is the certification jury's president, not a
juror: it is left out here.

Without ``jurors.csv``, or without a juror's certificate, the package is accepted, with a warning: the sheets of
that jury will be verified against the authority only (« signataires non rattachés au jury »).
"""

from __future__ import annotations

from collections.abc import Sequence

from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.evaluators import is_evaluator
from c2i2e_jury.exchange.package.format import CandidateRecord, JurorRecord
from c2i2e_jury.exchange.sheet_signers import NOT_BOUND, person_key
from c2i2e_jury.exchange.tabular import Row, Table

PRESIDENT_JURIES = frozenset({"president", "président"})
JURORS_PER_JURY = 2


def is_president(jury: str) -> bool:
    return jury.strip().casefold() in PRESIDENT_JURIES


def check_juries(
    check: Checker, candidates: Table | None, jurors_table: Table | None, jurors: Sequence[JurorRecord]
) -> None:
    """Record a problem for each jury that does not have exactly two different jurors in ``jurors.csv``."""
    if candidates is None or jurors_table is None:
        return
    by_jury = _juror_rows(jurors_table)
    used: dict[str, Row] = {}
    for row in candidates.rows:
        jury = row.get("jury")
        if jury and not is_president(jury):
            used.setdefault(jury, row)
    for jury, row in used.items():
        if jury not in by_jury:
            check.add(
                row.file,
                row.line,
                "jury",
                jury,
                f"aucun juré du jury {jury} dans jurors.csv : chaque jury "
                f"a exactement {JURORS_PER_JURY} jurés",
            )
    for jury, rows in by_jury.items():
        if len(rows) > JURORS_PER_JURY or (len(rows) < JURORS_PER_JURY and jury in used):
            for row in rows:
                check.add(
                    row.file,
                    row.line,
                    "jury",
                    jury,
                    f"le jury {jury} compte {len(rows)} juré"
                    f"{'s' if len(rows) > 1 else ''} : il en faut exactement "
                    f"{JURORS_PER_JURY}",
                )
        elif len(rows) == JURORS_PER_JURY:
            _check_two_persons(check, rows, {(j.jury, j.name): j for j in jurors})


def _juror_rows(table: Table) -> dict[str, list[Row]]:
    """jurors.csv's rows by jury, one per person (a name twice is reported by the reader already)."""
    by_jury: dict[str, dict[str, Row]] = {}
    for row in table.rows:
        jury, name = row.get("jury"), row.get("name")
        if jury and name and not is_president(jury) and not is_evaluator(jury):
            by_jury.setdefault(jury, {}).setdefault(person_key(name), row)
    return {jury: list(rows.values()) for jury, rows in by_jury.items()}


def _check_two_persons(check: Checker, rows: list[Row], records: dict[tuple[str, str], JurorRecord]) -> None:
    """Two jurors, two persons: not the same e-mail address, not the same key."""
    first, second = rows
    if first.get("email") and first.get("email").casefold() == second.get("email").casefold():
        check.add(
            second.file,
            second.line,
            "email",
            second.get("email"),
            f"même adresse que {first.get('name')} : les deux jurés d'un jury sont deux personnes",
        )
    keys = [_public_key(records.get((row.get("jury"), row.get("name")))) for row in rows]
    if keys[0] is not None and keys[0] == keys[1]:
        check.add(
            second.file,
            second.line,
            "certificate",
            second.get("certificate"),
            f"même clé que le certificat de {first.get('name')} : chaque juré signe avec sa propre clé",
        )


def _public_key(record: JurorRecord | None) -> bytes | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if record is None or not record.certificate_pem:
        return None
    certificate = x509.load_pem_x509_certificate(record.certificate_pem.encode("ascii"))
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def unbound_warnings(candidates: Sequence[CandidateRecord], jurors: Sequence[JurorRecord]) -> list[str]:
    """What the package lacks for sheets to be bound to their jury: jurors.csv, or some jurors' certificates."""
    juries = sorted({c.jury for c in candidates if c.jury and not is_president(c.jury)})
    members = [j for j in jurors if not is_president(j.jury) and not is_evaluator(j.jury)]
    if juries and not members:
        return [
            f"Aucun juré dans le paquet (jurors.csv absent) : les feuilles signées ne pourront être vérifiées "
            f"que par l'autorité de la campagne ({NOT_BOUND})."
        ]
    return [
        f"Jury {j.jury} : pas de certificat pour {j.name} dans jurors.csv ; ses signatures ne pourront pas "
        f"être rattachées au jury ({NOT_BOUND})."
        for j in members
        if j.jury in juries and not j.certificate_pem
    ]
