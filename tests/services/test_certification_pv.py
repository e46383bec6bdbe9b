"""The certification jury's PV: drawn from the signed sheets, signed by the president, verified; refused when
tampered with or signed by someone else."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import pytest

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.pdf_signing import verify_signed_pdf
from c2i2e_jury.exchange.pv_pdf import PRESIDENT_FIELD, PvMember, pv_json
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.certification import annul_for_plagiarism, deliver_certificate
from c2i2e_jury.services.certification_pv import PvError, pv_content, sign_pv
from c2i2e_jury.services.sheet_signing import sign_and_lock
from tests.database_copy import copied_campaign
from tests.exchange.signing_factory import signed_range
from tests.run_pki import run_credential, run_pki
from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, outsider

MEETING = date(2017, 7, 10)
MEMBERS = (
    PvMember("Pr. Anne-Sophie Lévêque", "Président"),
    PvMember("Benoît Œhlenschläger"),
    PvMember("Zoé Mäkelä-Garçon", "Représentante du comité de site"),
)


@pytest.fixture(scope="module")
def pki():
    return run_pki("certification-pv")  # the run's: the campaign below is built once for the run


@pytest.fixture(scope="module")
def president(pki):
    return run_credential(
        "certification-pv-president",
        lambda: credentials.issue_credential(
            pki.authority,
            "Pr. Anne-Sophie Lévêque",
            "presidente@example.fr",
            now=SIGNING - timedelta(days=100),
        ),
    )


def _signed_campaign(database, root, pki, president):
    pks = import_with_pki(database, root / "pkg", pki, president=president)
    decide_all(database, pks["C1"])
    sign_and_lock(database, pks["C1"], *pki.jurors, now=SIGNING)
    jury_room.check_in(database, pks["C2"], Attendance.ABSENT)
    sign_and_lock(database, pks["C2"], *pki.jurors, now=SIGNING)
    return pks


@pytest.fixture
def campaign(database, tmp_path, pki, president):
    """C1 decided and signed, C2 absent and signed: built once, each test gets its own copy."""
    build = partial(_signed_campaign, pki=pki, president=president)
    return copied_campaign(database, "certification-pv", build, tmp_path)


def test_the_pv_lists_every_candidate_and_is_signed_by_the_president(database, campaign, pki, president):
    deliver_certificate(
        database, campaign["C1"], by="Pr. Anne-Sophie Lévêque", now=lambda: SIGNING + timedelta(days=27)
    )
    content = pv_content(
        database,
        "test-2017",
        MEMBERS,
        MEETING,
        "Grenoble, ESPE",
        decisions={"C2": "Absent : report exceptionnel accordé (hospitalisation)."},
        now=SIGNING + timedelta(days=28),
    )
    rows = {
        c.candidate_id: (c.status, c.validated, c.certificate, c.decision, c.sheet_version)
        for c in content.candidates
    }
    assert rows == {
        "C1": ("examined", 27, True, "Certificat délivré.", 1),
        "C2": ("absent", 0, False, "Absent : report exceptionnel accordé (hospitalisation).", 1),
        "C3": ("not_admitted", 0, False, "Non admis à l'épreuve orale : aucune compétence validée.", None),
    }
    pdf = sign_pv(database, content, president, now=SIGNING + timedelta(days=28))
    signers = verify_signed_pdf(pdf, [pki.authority.certificate], [PRESIDENT_FIELD])
    assert [(s.field, s.name) for s in signers] == [("Président", "Pr. Anne-Sophie Lévêque")]
    data = pv_json(pdf)
    assert data["format"] == "c2i2e-pv/1"
    assert data["counts"] == {
        "candidates": 3,
        "certificates": 1,
        "partial": 0,
        "annulled": 0,
        "absent": 1,
        "not_admitted": 1,
        "pending": 0,
        "undecided": 0,
    }
    assert [m["name"] for m in data["members"]] == [m.name for m in MEMBERS]

    first, _ = signed_range(pdf)
    middle = (first[0] + first[1]) // 2
    tampered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]
    with pytest.raises(SheetRejected) as caught:
        verify_signed_pdf(tampered, [pki.authority.certificate], [PRESIDENT_FIELD])
    assert caught.value.reason == "modified"
    with pytest.raises(SheetRejected) as caught:
        verify_signed_pdf(pdf, [outsider().authority.certificate], [PRESIDENT_FIELD])
    assert caught.value.reason == "untrusted_signer"


def test_only_the_president_signs_and_the_pv_names_one(database, campaign, pki):
    content = pv_content(
        database, "test-2017", MEMBERS, MEETING, "Grenoble", now=SIGNING + timedelta(days=28)
    )
    assert content.president.name == "Pr. Anne-Sophie Lévêque"
    with pytest.raises(PvError, match="pas celui du président"):
        sign_pv(database, content, pki.jurors[0], now=SIGNING)
    # Issue 11: the PV names the president the package designates, whoever the caller lists (it used to refuse a
    # member list without a « Président »; now the package always names one).
    others = pv_content(
        database, "test-2017", MEMBERS[1:], MEETING, "Grenoble", now=SIGNING + timedelta(days=28)
    )
    assert [(m.name, m.role) for m in others.members] == [
        ("Pr. Anne-Sophie Lévêque", "Président"),
        *((m.name, m.role) for m in MEMBERS[1:]),
    ]


def test_decisions_not_yet_taken_are_shown_as_proposals_and_annulments_with_their_reason(database, campaign):
    annul_for_plagiarism(
        database,
        campaign["C2"],
        "Partie 3 copiée d'un mémoire de 2015",
        by="Pr. Lévêque",
        now=lambda: SIGNING + timedelta(days=27),
    )
    content = pv_content(
        database, "test-2017", MEMBERS, MEETING, "Grenoble", now=SIGNING + timedelta(days=28)
    )
    decisions = {c.candidate_id: (c.status, c.sheet_said, c.decision) for c in content.candidates}
    # issue 11 §4: the PV printed a proposal as « Certificat délivré »; the sheet's proposal now stands beside
    assert decisions["C1"] == ("examined", "certificat proposé (27/28)", "À décider.")
    assert decisions["C2"] == (
        "annulled",
        "absent",
        "Dossier annulé pour plagiat (Partie 3 copiée d'un mémoire de 2015) : aucune compétence validée.",
    )


def test_candidates_without_a_signed_sheet_are_pending(database, tmp_path, pki, president):
    import_with_pki(database, tmp_path / "pkg", pki, president=president)
    content = pv_content(
        database, "test-2017", MEMBERS, MEETING, "Grenoble", now=SIGNING + timedelta(days=28)
    )
    assert [(c.candidate_id, c.status, c.decision) for c in content.candidates] == [
        ("C1", "pending", "En attente : feuille de résultat signée non reçue."),
        ("C2", "pending", "En attente : feuille de résultat signée non reçue."),
        ("C3", "not_admitted", "Non admis à l'épreuve orale : aucune compétence validée."),
    ]
    assert content.counts()["pending"] == 2


def test_the_pv_from_the_command_line(database, db_url, campaign, pki, tmp_path, monkeypatch):
    from c2i2e_jury.cli import main

    deliver_certificate(database, campaign["C1"], by="Pr. Anne-Sophie Lévêque")  # issue 11 §4: none undecided
    president = credentials.issue_credential(
        pki.authority, "Pr. Anne-Sophie Lévêque", "presidente@example.fr"
    )
    import_with_pki(
        database, tmp_path / "pkg-today", pki, president=president
    )  # issued today, designated anew
    p12 = tmp_path / "presidente.p12"
    p12.write_bytes(credentials.to_pkcs12(president, "phrase-presidente"))
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", "phrase-presidente")
    out = tmp_path / "pv.pdf"
    assert (
        main(
            [
                "--db",
                db_url,
                "certificate",
                "pv",
                "--sign",
                str(p12),
                "--member",
                "Benoît Œhlenschläger",
                "--date",
                "2017-07-10",
                "--place",
                "Grenoble",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    signers = verify_signed_pdf(out.read_bytes(), [pki.authority.certificate], [PRESIDENT_FIELD])
    assert [s.name for s in signers] == ["Pr. Anne-Sophie Lévêque"]
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", "mauvaise")
    assert main(["--db", db_url, "certificate", "pv", "--sign", str(p12), "-o", str(tmp_path / "x.pdf")]) == 1
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("meeting", "refusal"),
    [
        (
            date(1, 1, 1),
            "La date de réunion du jury (01/01/0001) précède l'année de la campagne (2017) : vérifiez-la.",
        ),
        (
            date(2017, 7, 11),
            "La date de réunion du jury (11/07/2017) est dans le futur : le procès-verbal se signe "
            "après la réunion.",
        ),
    ],
)
def test_a_meeting_date_outside_the_campaign_or_to_come_is_refused(
    database, campaign, president, meeting, refusal
):
    from dataclasses import replace

    now = SIGNING + timedelta(days=28)  # 10/07/2017
    with pytest.raises(PvError) as refused:
        pv_content(database, "test-2017", MEMBERS, meeting, "Grenoble", now=now)
    assert refused.value.message == refusal
    content = replace(
        pv_content(database, "test-2017", MEMBERS, MEETING, "Grenoble", now=now), meeting=meeting
    )
    with pytest.raises(PvError) as refused:  # the dialog's date field changes the content after pv_content
        sign_pv(database, content, president, now=now)
    assert refused.value.message == refusal


def test_the_pv_is_not_signed_while_a_candidate_is_undecided_on_the_command_line(
    database, db_url, campaign, pki, tmp_path, monkeypatch, capsys
):
    """Issue 11 §4: C1's sheet proposes the certificate and the certification jury has not decided."""
    from c2i2e_jury.cli import main

    president = credentials.issue_credential(
        pki.authority, "Pr. Anne-Sophie Lévêque", "presidente@example.fr"
    )
    import_with_pki(
        database, tmp_path / "pkg-today", pki, president=president
    )  # issued today, designated anew
    p12 = tmp_path / "presidente.p12"
    p12.write_bytes(credentials.to_pkcs12(president, "phrase-presidente"))
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", "phrase-presidente")
    out = tmp_path / "pv.pdf"
    args = ["--db", db_url, "certificate", "pv", "--sign", str(p12), "--date", "2017-07-10", "-o", str(out)]
    assert main(args) == 1
    assert (
        "Le procès-verbal ne peut pas être signé : 1 candidat reste à décider par le jury de certification : "
        "LEFÈVRE Élodie (C1)."
    ) in capsys.readouterr().err
    assert not out.exists()
    deliver_certificate(database, campaign["C1"], by="Pr. Anne-Sophie Lévêque")
    assert main(args) == 1 and not out.exists()  # issue 12 §3: no place, no PV
    assert "un procès-verbal sans lieu ne peut pas être signé" in capsys.readouterr().err
    assert main([*args, "--place", "Grenoble"]) == 0 and out.exists()


def test_a_pv_without_a_place_is_not_signed(database, campaign, president):
    """Issue 12 §3: no place, no signature (one sentence, nothing signed); a place typed with its own full stop
    is printed once."""
    from dataclasses import replace

    import pymupdf

    from c2i2e_jury.services.certification_pv import NO_PLACE

    deliver_certificate(database, campaign["C1"], now=lambda: SIGNING + timedelta(days=27))
    content = pv_content(database, "test-2017", MEMBERS, MEETING, " ", now=SIGNING + timedelta(days=28))
    with pytest.raises(PvError) as refused:
        sign_pv(database, content, president, now=SIGNING + timedelta(days=28))
    assert refused.value.message == NO_PLACE
    pdf = sign_pv(database, replace(content, place="Grenoble."), president, now=SIGNING + timedelta(days=28))
    with pymupdf.open(stream=pdf) as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert "Réunion du lundi 10 juillet 2017, Grenoble." in text and "Grenoble.." not in text
    assert "Fait à Grenoble, le lundi 10 juillet 2017." in text


def test_a_delivery_is_undone_until_the_pv_is_signed(database, campaign, president):
    """Issue 12 §5: before the PV, a delivery can be taken back (the candidate is to decide again, the documents
    issued under it no longer verify); once the signed PV carries it, refused in one sentence."""
    import hashlib

    from c2i2e_jury.services import documents
    from c2i2e_jury.services.certification import CertificationError, undo_delivery
    from c2i2e_jury.services.review.rows import review_rows
    from c2i2e_jury.storage.certification_models import SignedPv

    day = SIGNING + timedelta(days=27)
    deliver_certificate(database, campaign["C1"], now=lambda: day)
    (code,) = documents.issue_documents(database, "test-2017", president, now=lambda: day).issued
    undone = undo_delivery(database, campaign["C1"], by="jdupont", now=lambda: day + timedelta(hours=1))
    assert (undone.kind, undone.decided_by) == ("delivery_undone", "Pr. Anne-Sophie Lévêque")
    assert documents.verify_code(database, code).revoked == (
        "le 09/07/2017 — Délivrance annulée par le jury de certification avant son procès-verbal."
    )
    row = next(r for r in review_rows(database, "test-2017") if r.candidate_id == "C1")
    assert (
        row.decision == "delivery_undone"
        and row.undecided
        and not documents.documents_in_force(database, "test-2017")
    )
    with pytest.raises(CertificationError, match="rien à annuler"):
        undo_delivery(database, campaign["C1"])
    content = pv_content(database, "test-2017", MEMBERS, MEETING, "Grenoble", now=day + timedelta(days=1))
    assert next(c for c in content.candidates if c.candidate_id == "C1").decision == "À décider."
    with pytest.raises(PvError, match="1 candidat reste à décider"):
        sign_pv(database, content, president, now=day + timedelta(days=1))

    deliver_certificate(database, campaign["C1"], now=lambda: day + timedelta(hours=2))
    content = pv_content(database, "test-2017", MEMBERS, MEETING, "Grenoble", now=day + timedelta(days=1))
    pdf = sign_pv(database, content, president, now=day + timedelta(days=1))
    with database.read() as s:
        (signed,) = s.query(SignedPv).all()
        assert (signed.signed_by, signed.sha256, signed.meeting) == (
            "Pr. Anne-Sophie Lévêque",
            hashlib.sha256(pdf).hexdigest(),
            MEETING,
        )
    with pytest.raises(
        CertificationError, match=r"Le procès-verbal signé le \d\d/\d\d/2017 à .* porte cette"
    ):
        undo_delivery(database, campaign["C1"], now=lambda: day + timedelta(days=2))
