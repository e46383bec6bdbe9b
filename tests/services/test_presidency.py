"""Issue 11 §2: only the president the campaign package designates signs the PV, the certificates and the
attestations; a juror's credential is refused at signing and at verification; a package without a president
says what to do; the demo designates its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import func, select

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.certificates import DocumentRefused, SignedDocument, sign
from c2i2e_jury.exchange.package.reader import PackageError
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with
from c2i2e_jury.exchange.pv_pdf import PRESIDENT_FIELD, PvMember, render_pv
from c2i2e_jury.services import certification, documents
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.certification_pv import (
    PvError,
    president_refusal,
    pv_content,
    sign_pv,
    verify_pv,
)
from c2i2e_jury.services.presidency import NO_PRESIDENT, designated_president
from c2i2e_jury.services.sheet_signing import sign_and_lock
from c2i2e_jury.storage.certification_models import IssuedDocument
from c2i2e_jury.storage.dossier_store import DossierStore
from tests.database_copy import copied_campaign
from tests.run_pki import run_credential, run_pki
from tests.services.sheet_factory import (
    SIGNING,
    decide_all,
    import_with_pki,
    outsider,
    package_with_pki,
)

CAMPAIGN = "test-2017"
LATER = SIGNING + timedelta(days=28)
MEETING = date(2017, 7, 10)


@pytest.fixture(scope="module")
def pki():
    return run_pki("presidency")  # the run's: the campaign below is built once for the run


@pytest.fixture(scope="module")
def president(pki):
    return run_credential(
        "presidency-president",
        lambda: credentials.issue_credential(
            pki.authority,
            "Pr. Anne-Sophie Lévêque",
            "presidente@example.fr",
            now=SIGNING - timedelta(days=100),
        ),
    )


def heard(db, pks, pki):
    """C1 heard and delivered, C2 absent: nobody left to decide (issue 11 §4), so the PV may be signed."""
    from c2i2e_jury.domain.rules import Attendance
    from c2i2e_jury.services import jury_room

    decide_all(db, pks["C1"])
    sign_and_lock(db, pks["C1"], *pki.jurors, now=SIGNING)
    certification.deliver_certificate(db, pks["C1"], by="Pr. Anne-Sophie Lévêque", now=lambda: LATER)
    jury_room.check_in(db, pks["C2"], Attendance.ABSENT)
    sign_and_lock(db, pks["C2"], *pki.jurors, now=SIGNING)


def _heard_campaign(db, root, pki, president):
    pks = import_with_pki(db, root / "pkg", pki, president=president)
    heard(db, pks, pki)
    return pks


@pytest.fixture
def heard_campaign(database, tmp_path, pki, president):
    """The package with its president, heard: built once, each test gets its own copy."""
    build = partial(_heard_campaign, pki=pki, president=president)
    return copied_campaign(database, "presidency", build, tmp_path)


def jurors_csv(root, *rows: str) -> None:
    (root / "jurors.csv").write_text(
        "\r\n".join(["jury;name;email;certificate", *rows]) + "\r\n", encoding="utf-8-sig"
    )


# --- the package designates -------------------------------------------------------------------------------------


def test_a_package_designates_one_president_with_their_certificate(database, tmp_path, pki, president):
    root = package_with_pki(tmp_path / "pkg", pki, president=president)
    (root / "autre.pem").write_bytes(credentials.certificate_pem(pki.jurors[0].certificate))
    (root / "pirate.pem").write_bytes(credentials.certificate_pem(outsider().juror.certificate))
    jurors_csv(
        root,
        "president;Pr. Anne-Sophie Lévêque;p@example.fr;president.pem",
        "Président;Jean Martin;j@example.fr;president.pem",
        "president;Zoé Mäkelä-Garçon;z@example.fr;autre.pem",
    )
    with pytest.raises(PackageError) as refused:
        import_package(database, root, DossierStore())
    details = "\n".join(refused.value.details)
    assert "jurors.csv, ligne 3, colonne jury: écrivez « president »" in details
    assert "ligne 4, colonne name: un seul président du jury de certification par campagne" in details
    jurors_csv(root, "president;Pr. Anne-Sophie Lévêque;p@example.fr;")
    with pytest.raises(PackageError, match="refusé") as refused:
        import_package(database, root, DossierStore())
    assert "le certificat du président est obligatoire" in "\n".join(refused.value.details)
    jurors_csv(root, "president;Pr. Anne-Sophie Lévêque;p@example.fr;autre.pem")
    with pytest.raises(PackageError) as refused:
        import_package(database, root, DossierStore())
    assert f"ce certificat est celui de {pki.jurors[0].name}, pas de Pr. Anne-Sophie Lévêque" in "\n".join(
        refused.value.details
    )
    jurors_csv(root, "president;Mallory Dupont;m@example.fr;pirate.pem")
    with pytest.raises(PackageError) as refused:
        import_package(database, root, DossierStore())
    assert "l'autorité de la campagne (authority.pem) n'a pas délivré" in "\n".join(refused.value.details)
    with database.read() as s:
        assert designated_president(s, CAMPAIGN) is None  # nothing stored


def test_a_new_package_replaces_the_president_and_the_former_one_signs_no_more(
    database, tmp_path, pki, president
):
    import_with_pki(database, tmp_path / "pkg", pki, president=president)
    with database.read() as s:
        assert designated_president(s, CAMPAIGN).fingerprint == president.fingerprint
    successor = credentials.issue_credential(
        pki.authority, "Pr. Marc Duval", "marc@example.fr", now=SIGNING - timedelta(days=100)
    )
    report = import_package(
        database, package_with_pki(tmp_path / "pkg2", pki, president=successor), DossierStore()
    )
    assert "Pr. Anne-Sophie Lévêque n'est plus président du jury de certification" in report.changes
    with database.read() as s:
        assert designated_president(s, CAMPAIGN).name == "Pr. Marc Duval"
    assert "n'est pas celui du président" in president_refusal(database, CAMPAIGN, president, now=LATER)
    assert president_refusal(database, CAMPAIGN, successor, now=LATER) is None


def test_a_package_without_a_president_signs_nothing_and_says_why(database, tmp_path, pki, president):
    pks = import_with_pki(database, tmp_path / "pkg", pki)
    heard(database, pks, pki)
    assert president_refusal(database, CAMPAIGN, president, now=LATER) == NO_PRESIDENT
    with pytest.raises(PvError) as refused:
        pv_content(database, CAMPAIGN, [], MEETING, "Grenoble", now=LATER)
    assert refused.value.message == NO_PRESIDENT
    with pytest.raises(documents.DocumentError) as refused:
        documents.issue_documents(database, CAMPAIGN, president, now=lambda: LATER)
    assert refused.value.message == NO_PRESIDENT
    assert "jurors.csv" in NO_PRESIDENT and "« president »" in NO_PRESIDENT


# --- only the president signs, and is checked again at verification -----------------------------------------


def test_a_juror_signs_no_document_and_nothing_is_registered(database, heard_campaign, pki, president):
    juror = pki.jurors[0]
    refusal = documents.president_refusal_for_documents(database, CAMPAIGN, juror, now=lambda: LATER)
    assert refusal.startswith(
        f"Le certificat de {juror.name} n'est pas celui du président du jury de "
        "certification désigné par le paquet de la campagne (Pr. Anne-Sophie Lévêque)"
    )
    with pytest.raises(documents.DocumentError) as refused:
        documents.issue_documents(database, CAMPAIGN, juror, now=lambda: LATER)
    assert refused.value.message == refusal
    with database.read() as s:
        assert s.scalar(select(func.count()).select_from(IssuedDocument)) == 0
    report = documents.issue_documents(database, CAMPAIGN, president, now=lambda: LATER)
    assert documents.verify_code(database, report.issued[0]).statement.signer == president.name


def test_a_document_in_the_register_signed_by_a_juror_is_refused(database, heard_campaign, pki, president):
    """A row slipped into the register, genuinely signed by a juror of the campaign's authority."""
    code = documents.issue_documents(database, CAMPAIGN, president, now=lambda: LATER).issued[0]
    juror = pki.jurors[1]
    with database.session() as s:
        row = s.scalars(select(IssuedDocument).where(IssuedDocument.code == code)).one()
        statement = SignedDocument(row.payload.encode(), row.signature, row.signer_pem).statement
        minted = sign(replace(statement, signer=juror.name), juror)
        row.payload, row.signature, row.signer_pem = (
            minted.payload.decode(),
            minted.signature,
            minted.signer_pem,
        )
        row.code = minted.code
    with pytest.raises(DocumentRefused, match="n'est pas celui du président") as refused:
        documents.verify_code(database, minted.code)
    assert refused.value.reason == "not_president"


def test_the_pv_names_the_package_president_and_a_juror_signed_pv_is_refused(
    database, heard_campaign, pki, president
):
    with pytest.raises(
        PvError, match="désigne Pr. Anne-Sophie Lévêque comme président du jury de certification, pas Benoît"
    ):
        pv_content(
            database, CAMPAIGN, [PvMember(pki.jurors[0].name, "Président")], MEETING, "Grenoble", now=LATER
        )
    content = pv_content(database, CAMPAIGN, [PvMember("Zoé Mäkelä-Garçon")], MEETING, "Grenoble", now=LATER)
    assert [(m.name, m.role) for m in content.members] == [
        ("Pr. Anne-Sophie Lévêque", "Président"),
        ("Zoé Mäkelä-Garçon", "Membre"),
    ]
    signed = sign_pv(database, content, president, now=LATER)
    assert verify_pv(database, signed).fingerprint == president.fingerprint
    by_juror = sign_pdf_with(render_pv(content), pki.jurors[0], PRESIDENT_FIELD, timestamp=LATER)
    with pytest.raises(
        PvError, match="Procès-verbal refusé : Le certificat de Benoît Œhlenschläger n'est pas celui"
    ):
        verify_pv(database, by_juror)


# --- the demo ----------------------------------------------------------------------------------------------------


def test_the_demo_designates_its_president(database, tmp_path):
    from c2i2e_jury.exchange.demo.campaign import CAMPAIGN as DEMO
    from c2i2e_jury.exchange.demo.campaign import write_demo_package
    from c2i2e_jury.services.demo_credentials import DEMO_PASSPHRASE, PRESIDENT, write_demo_credentials

    import_package(database, write_demo_package(tmp_path / "pkg"), DossierStore())
    demo = write_demo_credentials(database, DEMO.id, tmp_path / "identifiants")
    credential = credentials.load_credential(demo.president, DEMO_PASSPHRASE)
    with database.read() as s:
        assert designated_president(s, DEMO.id).fingerprint == credential.fingerprint
    assert president_refusal(database, DEMO.id, credential, now=datetime.now(UTC)) is None
    assert credential.name == PRESIDENT
