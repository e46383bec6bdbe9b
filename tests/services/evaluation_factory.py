"""A real campaign with evaluators for the tests of issue 17: an authority, jury J1's two jurors, two evaluators
with their PKCS#12 credentials, and a package whose jurors.csv designates the evaluators and whose candidates.csv
assigns them (C1, C2 → M. Martin; C3 → Mme Durand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import Credential
from tests.exchange.package.factory import write_package
from tests.exchange.signing_factory import ISSUED, Pki, make_pki

CAMPAIGN = "test-2017"
MARTIN, DURAND = "M. Martin", "Mme Durand"
PASSPHRASE = "évaluateur, phrase de passe sûre"
SIGNED = datetime(2017, 6, 1, 8, 0, tzinfo=UTC)
CANDIDATES = [
    "C1;Lefèvre;Élodie;elodie@example.fr;c1.pdf;oui;non;2017-06-12;08:30;B112;J1;M. Martin;",
    "C2;Dupont;François;francois@example.fr;c2.pdf;oui;non;12/06/2017;9h15;B112;J1;M. Martin;33",
    "C3;Nguyen;Maëlle;maelle@example.fr;;non;non;2017-06-12;10:00;B112;J1;Mme Durand;",
]


@dataclass(frozen=True)
class EvaluationPki:
    pki: Pki
    martin: Credential
    durand: Credential
    martin_p12: Path
    durand_p12: Path


def make_evaluation_pki(folder: Path, issued_at: datetime = ISSUED) -> EvaluationPki:
    """``issued_at``: now, for a command that signs at the real time."""
    pki = make_pki(folder)
    issued = []
    for name, slug in ((MARTIN, "martin"), (DURAND, "durand")):
        credential = credentials.issue_credential(pki.authority, name, f"{slug}@example.fr", now=issued_at)
        path = folder / f"{slug}.p12"
        path.write_bytes(credentials.to_pkcs12(credential, PASSPHRASE))
        issued.append((credential, path))
    return EvaluationPki(pki, issued[0][0], issued[1][0], issued[0][1], issued[1][1])


def evaluation_package(root: Path, epki: EvaluationPki, *, marks: list[str] | None = None) -> Path:
    """The test campaign with evaluators (no typed marks by default: the evaluators mark in the program)."""
    write_package(root, candidates=CANDIDATES, marks=[] if marks is None else marks)
    (root / "authority.pem").write_bytes(credentials.certificate_pem(epki.pki.authority.certificate))
    (root / "certificates").mkdir(exist_ok=True)
    rows = ["jury;name;email;certificate"]
    people = [
        ("J1", epki.pki.jurors[0], "jure1"),
        ("J1", epki.pki.jurors[1], "jure2"),
        ("evaluator", epki.martin, "martin"),
        ("evaluator", epki.durand, "durand"),
    ]
    for jury, credential, slug in people:
        (root / "certificates" / f"{slug}.pem").write_bytes(
            credentials.certificate_pem(credential.certificate)
        )
        rows.append(f"{jury};{credential.name};{slug}@example.fr;certificates/{slug}.pem")
    (root / "jurors.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8-sig"))
    return root
