"""The demo campaign as the certification jury finds it: every admitted candidate heard and decided (a few
reversals of the evaluator, justified), one absent, a plagiarism suspicion noted, the sheets signed for real by
two jurors of the campaign authority, one sheet missing."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select
from sqlalchemy.orm import Session

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.demo.campaign import CAMPAIGN
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.presidency import designate_president
from c2i2e_jury.services.sheet_signing import sign_and_lock
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Candidate
from tests.run_shared import built_once
from tests.services.sheet_factory import run_timer

ORAL_DAY = datetime(2017, 6, 12, 8, 30, tzinfo=UTC)
ISSUED = datetime(2017, 1, 9, 9, 0, tzinfo=UTC)
# The jury's reversals of the evaluator: candidate id -> {item: (decision, justification)}
REVERSALS = {
    "C2017-002": {"A2.2": (Mark.VALIDATED, "Veille démontrée à l'oral.")},
    "C2017-004": {"B1.1": (Mark.NOT_VALIDATED, "Travail collaboratif non démontré.")},
    "C2017-005": {
        "A1.5": (Mark.VALIDATED, "Expliqué à l'oral."),
        "A3.3": (Mark.VALIDATED, "Licences citées."),
        "B3.3": (Mark.VALIDATED, "Différenciation montrée à l'oral."),
    },
}
ABSENT = "C2017-012"
PLAGIARISM = "C2017-006"
UNSIGNED = "C2017-003"


@dataclass(frozen=True)
class Pki:
    authority: Credential
    jurors: tuple[Credential, Credential]
    president: Credential


def make_pki() -> Pki:
    authority = credentials.create_authority("Autorité C2i2e Grenoble 2017", now=ISSUED)
    jurors = tuple(
        credentials.issue_credential(authority, name, f"j{i}@example.fr", now=ISSUED)
        for i, name in enumerate(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon"))
    )
    president = credentials.issue_credential(
        authority, "Hélène Présidente", "presidente@example.fr", now=ISSUED
    )
    return Pki(authority, (jurors[0], jurors[1]), president)


def designate(session: Session, campaign_id: str, president: Credential) -> None:
    """``president`` the campaign's designated president, as the demo (and a package's jurors.csv) make one."""
    designate_president(session, campaign_id, president.name, "presidente@example.fr", president.certificate)


def designate_in(db: Database, campaign_id: str, president: Credential) -> None:
    with db.session() as session:
        designate(session, campaign_id, president)


def clock(start: datetime = ORAL_DAY):
    ticks = iter(range(10**6))
    return lambda: start + timedelta(seconds=next(ticks))


def hear(db: Database, pk: int, reversals: dict[str, tuple[Mark, str]]) -> None:
    """The candidate present, every item decided as the evaluator marked it but for ``reversals``."""
    now = clock()
    jury_room.check_in(db, pk, Attendance.PRESENT, now=now)
    for row in jury_room.candidate_file(db, pk).items:
        if row.acquired:
            continue
        decision, justification = reversals.get(row.code, (row.evaluator or Mark.VALIDATED, ""))
        jury_room.decide(db, pk, row.code, decision, justification=justification or None, now=now)
    run_timer(db, pk, start=ORAL_DAY + timedelta(hours=1))


def demo_heard(db: Database, package: Path, pki: Pki, *, sign: bool = True) -> dict[str, int]:
    """The demo package imported and its orals held; returns {candidate id: pk}."""
    from c2i2e_jury.exchange.credentials import certificate_pem

    import_package(db, package, DossierStore())
    with db.session() as s:
        s.get(Campaign, CAMPAIGN.id).authority_pem = certificate_pem(pki.authority.certificate).decode(
            "ascii"
        )
        designate(s, CAMPAIGN.id, pki.president)
    with db.read() as s:
        ids = {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}
        admitted = {
            c.candidate_id for c in s.scalars(select(Candidate)) if c.deposited and not c.rework_pending
        }
    for cid, pk in ids.items():
        if cid == ABSENT:
            jury_room.check_in(db, pk, Attendance.ABSENT, now=clock())
        elif cid in admitted:
            hear(db, pk, REVERSALS.get(cid, {}))
        if cid == PLAGIARISM:
            jury_room.add_incident(
                db, pk, "fraud_suspicion", "Pages 4 à 6 copiées d'un mémoire en ligne.", now=clock()
            )
        if sign and cid != UNSIGNED:
            sign_and_lock(db, pk, *pki.jurors, now=ORAL_DAY + timedelta(hours=3))
    return ids


_PKI_FILES = ("authority", "juror1", "juror2", "president")


def _write_pki(folder: Path) -> None:
    pki = make_pki()
    for name, credential in zip(_PKI_FILES, (pki.authority, *pki.jurors, pki.president), strict=True):
        key = credential.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        (folder / f"{name}.key.pem").write_bytes(key)
        certificates = (credential.certificate, *credential.chain)
        (folder / f"{name}.pem").write_bytes(
            b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)
        )


def _read_pki(folder: Path) -> Pki:
    def read(name: str) -> Credential:
        key = serialization.load_pem_private_key((folder / f"{name}.key.pem").read_bytes(), None)
        certificate, *chain = x509.load_pem_x509_certificates((folder / f"{name}.pem").read_bytes())
        return Credential(key, certificate, tuple(chain))  # type: ignore[arg-type]

    authority, juror1, juror2, president = (read(name) for name in _PKI_FILES)
    return Pki(authority, (juror1, juror2), president)


# One campaign authority, two jurors and a president for the whole run, shared by the xdist workers: the heard
# demo below is signed with them, and built once for all workers.
PKI = _read_pki(built_once("pki", _write_pki, lambda: Path(tempfile.mkdtemp(prefix="c2i2e-pki-"))))
_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session", name="demo_template")
def demo_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo campaign heard and signed, built once per test run for all the workers into a SQLite file
    (seconds of real decisions and signatures): tests copy it."""
    if "demo" not in _BUILT:
        root = built_once("demo-template", _build_demo, lambda: tmp_path_factory.mktemp("demo-template"))
        _BUILT["demo"] = root / "demo.sqlite"
    return _BUILT["demo"]


def _build_demo(root: Path) -> None:
    from c2i2e_jury.storage.database import open_database
    from tests.demo_package import demo_package

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("C2I2E_DATA_DIR", str(root / "data"))
        demo_package(root / "pkg")
        db = open_database(str(root / "demo.sqlite"))
        demo_heard(db, root / "pkg", PKI)
        db.dispose()


@pytest.fixture(name="demo_db")
def demo_db_fixture(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the heard demo campaign, opened."""
    from c2i2e_jury.storage.database import open_database

    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    db = open_database(str(copy))
    yield db
    db.dispose()


def demo_ids(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}


def small_heard(db: Database, ids: dict[str, int]) -> None:
    """The small test campaign (C1, C2 admitted; C3 never deposited): C1 heard, A3.2 granted against the
    evaluator, signed; C2 heard, B2.1 withdrawn, not signed; a plagiarism suspicion on C2."""
    from c2i2e_jury.exchange.credentials import certificate_pem

    with db.session() as s:
        s.get(Campaign, "test-2017").authority_pem = certificate_pem(PKI.authority.certificate).decode(
            "ascii"
        )
        designate(s, "test-2017", PKI.president)
    hear(db, ids["C1"], {"A3.2": (Mark.VALIDATED, "Démontré à l'oral.")})
    sign_and_lock(db, ids["C1"], *PKI.jurors, now=ORAL_DAY + timedelta(hours=3))
    hear(db, ids["C2"], {"B2.1": (Mark.NOT_VALIDATED, "Scénario non présenté.")})
    jury_room.add_incident(db, ids["C2"], "fraud_suspicion", "Passages copiés.", now=clock())
