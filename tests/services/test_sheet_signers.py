"""Who signs a result sheet (issue 11 §3), on real packages, real credentials, real signed PDFs and real SQLite
files: the two jurors of the candidate's jury, two different persons, within their certificates and the
campaign, not revoked; refused in the jury room, by ``sheet import`` and by ``sheet verify`` with a sentence; a
package whose juries do not have exactly two jurors refused; without jurors.csv, « signataires non rattachés au
jury » said at every step."""

from __future__ import annotations

import io
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from c2i2e_jury.cli import main
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.package.reader import PackageError
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.jury_room import JuryRoomError
from c2i2e_jury.services.revocations import RevocationError, parse_moment, revoke
from c2i2e_jury.services.sheet_import import import_sheets
from c2i2e_jury.services.sheet_signing import credential_refusal, sign_and_lock
from c2i2e_jury.services.signer_rules import credential_email
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Candidate, CredentialRevocation, ResultSheet
from tests.exchange.package.factory import CANDIDATES, write_package
from tests.exchange.signing_factory import ISSUED, PARIS_SUMMER
from tests.services.sheet_factory import SIGNING, decide_all, make_pki, make_sheet

J2_CANDIDATE = "C4;Martin;Léa;lea@example.fr;c1.pdf;oui;non;2017-06-13;10:00;B114;J2;;"


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def people(pki):
    """Jury J2's two jurors, the same authority; a second credential of J1's first juror; an expired one."""
    issue = credentials.issue_credential
    return {
        "j2": (
            issue(pki.authority, "Nadia Benali", "nadia@example.fr", now=ISSUED),
            issue(pki.authority, "Pierre-Yves Le Gall", "py@example.fr", now=ISSUED),
        ),
        "twin": issue(pki.authority, pki.jurors[0].name.upper(), "autre-adresse@example.fr", now=ISSUED),
        "expired": issue(
            pki.authority, "Ancien Juré", "ancien@example.fr", now=ISSUED - timedelta(days=800), years=1
        ),
    }


def write_campaign(
    root: Path, pki, juries: dict[str, tuple] | None, *, candidates=None, extra_rows=()
) -> Path:
    """The test package with the authority and, unless ``juries`` is None, jurors.csv: jury -> credentials (or
    (name, e-mail) for a juror without a certificate)."""
    write_package(root, candidates=[*CANDIDATES, J2_CANDIDATE] if candidates is None else candidates)
    (root / "authority.pem").write_bytes(pki.authority_pem.read_bytes())
    if juries is None:
        return root
    lines = ["jury;name;email;certificate"]
    for jury, members in juries.items():
        for n, member in enumerate(members, start=1):
            if isinstance(member, Credential):
                name = f"{jury}-{n}.pem"
                (root / name).write_bytes(credentials.certificate_pem(member.certificate))
                lines.append(f"{jury};{member.name};{credential_email(member)};{name}")
            else:
                lines.append(f"{jury};{member[0]};{member[1]};")
    lines += list(extra_rows)
    (root / "jurors.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return root


@pytest.fixture
def secretariat(tmp_path, pki, people):
    """A secretariat's SQLite file with the campaign: J1 (C1-C3) and J2 (C4), each with its two jurors."""
    path = tmp_path / "secretariat.sqlite"
    db = open_database(str(path))
    import_package(
        db, write_campaign(tmp_path / "pkg", pki, {"J1": pki.jurors, "J2": people["j2"]}), DossierStore()
    )
    yield db, path
    db.dispose()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def import_one(db, folder: Path, name: str, pdf: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(pdf)
    (outcome,) = import_sheets(db, [folder / name])
    return outcome


def stored_count(db) -> int:
    with db.read() as s:
        return len(s.scalars(select(ResultSheet.pk)).all())


# --- the package ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 3])
def test_a_jury_of_one_or_three_jurors_is_refused_with_its_cells(tmp_path, pki, people, database, size):
    j2 = (*people["j2"], ("Troisième Juré", "trois@example.fr"))[:size]
    root = write_campaign(tmp_path / "pkg", pki, {"J1": pki.jurors, "J2": j2})
    with pytest.raises(PackageError) as refused:
        import_package(database, root, DossierStore())
    problems = [str(p) for p in refused.value.problems]
    expected = f"le jury J2 compte {size} juré{'s' if size > 1 else ''} : il en faut exactement 2 ('J2')"
    assert problems == [f"jurors.csv, ligne {4 + n}, colonne jury: {expected}" for n in range(size)]
    with database.read() as s:
        assert s.get(Campaign, "test-2017") is None


def test_a_jury_without_jurors_and_two_jurors_alike_are_refused(tmp_path, pki, people, database):
    twin = credentials.issue_credential(pki.authority, "Autre Nom", "jure1@example.fr", now=ISSUED)
    same_key = pki.jurors[0]
    root = write_campaign(
        tmp_path / "pkg",
        pki,
        {"J1": (pki.jurors[0], twin)},
        extra_rows=[
            f"J3;{same_key.name};x@example.fr;J1-1.pem",
            "J3;Clone;y@example.fr;J1-1.pem",
            "president;Hélène Marchetti;p@example.fr;",
        ],
    )
    with pytest.raises(PackageError) as refused:
        import_package(database, root, DossierStore())
    assert [str(p) for p in refused.value.problems] == [
        "candidates.csv, ligne 5, colonne jury: aucun juré du jury J2 dans jurors.csv : chaque jury a exactement "
        "2 jurés ('J2')",
        "jurors.csv, ligne 3, colonne email: même adresse que Benoît Œhlenschläger : les deux jurés d'un jury sont "
        "deux personnes ('jure1@example.fr')",
        "jurors.csv, ligne 5, colonne certificate: même clé que le certificat de Benoît Œhlenschläger : chaque juré "
        "signe avec sa propre clé ('J1-1.pem')",
        # issue 11 §2: the president's row needs the certificate (only that credential signs PV and certificates)
        "jurors.csv, ligne 6, colonne certificate: le certificat du président est obligatoire : lui seul signe le "
        "procès-verbal, les certificats et les attestations",
    ]


def test_without_jurors_csv_the_package_imports_with_a_warning_and_sheets_are_not_bound(
    tmp_path, pki, capsys
):
    path = tmp_path / "base.sqlite"
    code, out, err = run(
        capsys, "--db", path, "campaign", "import", write_campaign(tmp_path / "pkg", pki, None)
    )
    assert code == 0, err
    assert "Attention : Aucun juré dans le paquet (jurors.csv absent)" in out
    assert "(signataires non rattachés au jury)" in out
    sheet = tmp_path / "C1.pdf"
    sheet.write_bytes(make_sheet(_referential(), pki.jurors, "C1"))
    code, out, err = run(capsys, "--db", path, "sheet", "verify", sheet)
    assert code == 0, err
    assert "feuille valide" in out
    assert (
        "Attention : Signataires non rattachés au jury : le paquet de la campagne ne donne pas les jurés du "
        "jury J1 (jurors.csv absent)" in out
    )
    code, out, err = run(capsys, "--db", path, "sheet", "import", sheet)
    assert code == 0, err
    assert "importée — C1 v1 — Première version. Signataires non rattachés au jury" in out
    code, out, err = run(capsys, "sheet", "verify", sheet, "--trust", pki.authority_pem)  # no database at all
    assert code == 0, err
    assert "Attention : Signataires non rattachés au jury : sans base (--db)" in out


def test_a_juror_without_certificate_is_a_warning_and_only_their_name_binds_them(tmp_path, pki, database):
    root = write_campaign(
        tmp_path / "pkg",
        pki,
        {"J1": (pki.jurors[0], (pki.jurors[1].name, "jure2@example.fr"))},
        candidates=CANDIDATES,
    )
    report = import_package(database, root, DossierStore())
    assert report.warnings == [
        "Jury J1 : pas de certificat pour Zoé Mäkelä-Garçon dans jurors.csv ; ses signatures "
        "ne pourront pas être rattachées au jury (signataires non rattachés au jury)."
    ]
    outcome = import_one(database, tmp_path / "in", "C1.pdf", make_sheet(_referential(), pki.jurors, "C1"))
    assert outcome.status == "imported"
    assert outcome.message.endswith(
        "ne donne pas le certificat de Zoé Mäkelä-Garçon (jury J1) ; le nom seul a été comparé."
    )


# --- verify and import ------------------------------------------------------------------------------------------


def _referential():
    from c2i2e_jury.resources_access import referential

    return referential()


def refused_everywhere(capsys, secretariat, tmp_path, pdf: bytes, reason: str, sentence: str) -> None:
    """``sheet verify`` (with the database) and ``sheet import`` both refuse the sheet with ``sentence``."""
    db, path = secretariat
    sheet = tmp_path / "feuille.pdf"
    sheet.write_bytes(pdf)
    code, out, err = run(capsys, "--db", path, "sheet", "verify", sheet)
    assert (code, out) == (1, ""), out
    assert sentence in err and err.count("\n") == 1 and "Traceback" not in err
    outcome = import_one(db, tmp_path / "in", "feuille.pdf", pdf)
    assert (outcome.status, outcome.reason) == ("rejected", reason)
    assert sentence in outcome.message
    assert stored_count(db) == 0


def test_a_sheet_signed_by_the_jurors_of_another_jury_is_refused(secretariat, people, tmp_path, capsys):
    pdf = make_sheet(_referential(), people["j2"], "C1")
    refused_everywhere(
        capsys,
        secretariat,
        tmp_path,
        pdf,
        "not_jury_signer",
        "Nadia Benali (« Juré 1 ») n'est pas juré du jury J1 d'après le paquet de la campagne (jurés : "
        "Benoît Œhlenschläger et Zoé Mäkelä-Garçon).",
    )


def test_a_sheet_signed_twice_by_the_same_person_is_refused(secretariat, pki, people, tmp_path, capsys):
    pdf = make_sheet(_referential(), (pki.jurors[0], people["twin"]), "C1")
    refused_everywhere(
        capsys,
        secretariat,
        tmp_path,
        pdf,
        "same_person",
        "« Juré 1 » et « Juré 2 » : la même personne (BENOÎT ŒHLENSCHLÄGER) signe deux fois ; les deux "
        "jurés du jury signent, chacun avec son propre certificat.",
    )


def test_a_sheet_signed_outside_the_campaign_is_refused(secretariat, pki, tmp_path, capsys):
    late = datetime(2019, 3, 4, 10, 0, tzinfo=PARIS_SUMMER)
    pdf = make_sheet(_referential(), pki.jurors, "C1", when=late)
    refused_everywhere(
        capsys,
        secretariat,
        tmp_path,
        pdf,
        "outside_period",
        "La signature « Juré 1 » de Benoît Œhlenschläger est datée du 04/03/2019, hors de la période de "
        "la campagne (du 10/05/2017 au 31/12/2018).",
    )


def test_a_sheet_signed_with_an_expired_credential_is_refused(tmp_path, pki, people, capsys):
    path = tmp_path / "base.sqlite"
    db = open_database(str(path))
    try:
        import_package(
            db,
            write_campaign(
                tmp_path / "pkg", pki, {"J1": (pki.jurors[0], people["expired"])}, candidates=CANDIDATES
            ),
            DossierStore(),
        )
        pdf = make_sheet(_referential(), (pki.jurors[0], people["expired"]), "C1")
        until = people["expired"].certificate.not_valid_after_utc
        assert until < SIGNING
        refused_everywhere(
            capsys,
            (db, path),
            tmp_path,
            pdf,
            "untrusted_signer",
            "Le certificat de Ancien Juré (« Juré 2 ») n'était pas valide à la date de signature "
            "(12/06/2017).",
        )
    finally:
        db.dispose()


def test_a_revoked_credential_is_refused_from_its_date_and_earlier_sheets_stay_valid(
    secretariat, pki, tmp_path, capsys
):
    db, path = secretariat
    before = make_sheet(_referential(), pki.jurors, "C2", when=SIGNING - timedelta(days=1))
    after = make_sheet(_referential(), pki.jurors, "C1", when=SIGNING)
    code, out, err = run(
        capsys,
        "--db",
        path,
        "credential",
        "revoke",
        pki.jurors[1].fingerprint[:12],
        "--from",
        "2017-06-12 09:00",
        "--reason",
        "ordinateur portable perdu",
    )
    assert code == 0, err
    assert out.startswith(
        f"Certificat de Zoé Mäkelä-Garçon ({pki.jurors[1].fingerprint[:16]}…) révoqué à partir "
        "du 12/06/2017 à 09:00 (motif : ordinateur portable perdu)"
    )
    sentence = (
        "Le certificat de Zoé Mäkelä-Garçon (« Juré 2 ») est révoqué depuis le 12/06/2017 à 09:00 (motif : "
        "ordinateur portable perdu) : une signature du 12/06/2017 à "
    )
    refused_everywhere(capsys, secretariat, tmp_path, after, "revoked", sentence)
    sheet = tmp_path / "avant.pdf"
    sheet.write_bytes(before)
    code, out, err = run(capsys, "--db", path, "sheet", "verify", sheet)
    assert code == 0, err
    assert "Attention" not in out
    assert import_one(db, tmp_path / "avant", "avant.pdf", before).status == "imported"


def test_revoking_names_the_credential_or_says_why_not(secretariat, pki, capsys):
    db, path = secretariat
    since = parse_moment("12/06/2017")
    assert (since.date(), since.hour, since.minute) == (date(2017, 6, 12), 0, 0)
    first = revoke(db, "benoit oehlenschlager", since, "vol")
    assert (first.fingerprint, first.name, first.updated) == (
        pki.jurors[0].fingerprint,
        "Benoît Œhlenschläger",
        False,
    )
    again = revoke(db, pki.jurors[0].fingerprint.upper(), since + timedelta(hours=3), "ordinateur volé")
    assert again.updated
    with db.read() as s:
        rows = [(r.fingerprint, r.reason, r.revoked_from) for r in s.scalars(select(CredentialRevocation))]
    assert rows == [
        (pki.jurors[0].fingerprint, "ordinateur volé", (since + timedelta(hours=3)).astimezone(UTC))
    ]
    for who, reason, sentence in [
        ("Inconnu", "vol", "Aucun certificat de juré « Inconnu » dans la base"),
        ("Zoé Mäkelä-Garçon", "  ", "Indiquez le motif de la révocation"),
    ]:
        with pytest.raises(RevocationError, match=sentence):
            revoke(db, who, since, reason)
    with pytest.raises(RevocationError, match="Date invalide"):
        parse_moment("demain")
    code, out, err = run(
        capsys, "--db", path, "credential", "revoke", "Zoé", "--from", "32/13/2017", "--reason", "x"
    )
    assert (code, out) == (1, "")
    assert err.startswith("c2i2e-jury: Date invalide : « 32/13/2017 »")


# --- the jury room -----------------------------------------------------------------------------------------------


def test_the_jury_room_refuses_who_may_not_sign_before_anything_is_written(secretariat, pki, people):
    db, _path = secretariat
    with db.read() as s:
        pk = s.scalar(select(Candidate.pk).where(Candidate.candidate_id == "C1"))
    decide_all(db, pk)
    refusals = {
        "another jury": (
            (people["j2"][0], pki.jurors[1]),
            "Nadia Benali (« Juré 1 ») n'est pas juré du jury J1",
        ),
        "the same person": (
            (pki.jurors[0], people["twin"]),
            "la même personne (BENOÎT ŒHLENSCHLÄGER) signe deux",
        ),
        "expired": ((pki.jurors[0], people["expired"]), "Le certificat de Ancien Juré a expiré le"),
    }
    for name, (signers, sentence) in refusals.items():
        with pytest.raises(JuryRoomError, match=sentence.replace("(", r"\(").replace(")", r"\)")):
            sign_and_lock(db, pk, *signers, now=SIGNING)
        assert stored_count(db) == 0, name
    with pytest.raises(JuryRoomError, match="hors de la période de la campagne"):
        sign_and_lock(db, pk, *pki.jurors, now=datetime(2019, 1, 2, 9, 0, tzinfo=UTC))
    revoke(db, pki.jurors[1].fingerprint, SIGNING - timedelta(hours=1), "ordinateur portable perdu")
    with pytest.raises(JuryRoomError, match="est révoqué depuis"):
        sign_and_lock(db, pk, *pki.jurors, now=SIGNING)
    assert credential_refusal(db, pk, pki.jurors[0], now=SIGNING) is None
    assert "est révoqué" in credential_refusal(db, pk, pki.jurors[1], pki.jurors[0], now=SIGNING)
    assert "n'est pas juré du jury J1" in credential_refusal(db, pk, people["j2"][1], now=SIGNING)
    assert stored_count(db) == 0
    with db.session() as s:  # the secretariat lifts it: the jurors sign
        s.execute(update(CredentialRevocation).values(revoked_from=SIGNING + timedelta(days=1)))
    assert sign_and_lock(db, pk, *pki.jurors, now=SIGNING).version == 1


def test_the_campaign_may_say_until_when_its_sheets_are_signed(secretariat, pki):
    db, _path = secretariat
    with db.read() as s:
        pk = s.scalar(select(Candidate.pk).where(Candidate.candidate_id == "C3"))
    late = datetime(2019, 1, 2, 9, 0, tzinfo=UTC)
    with pytest.raises(JuryRoomError, match=r"du 10/05/2017 au 31/12/2018"):
        sign_and_lock(db, pk, *pki.jurors, now=late)
    with db.session() as s:
        s.get(Campaign, "test-2017").sheets_until = date(2019, 6, 30)
    assert sign_and_lock(db, pk, *pki.jurors, now=late).version == 1


def test_a_room_kit_carries_the_revocations_and_the_room_refuses_them(secretariat, pki, tmp_path):
    from c2i2e_jury.services.room_kits import export_room_kits

    db, _path = secretariat
    revoke(db, pki.jurors[1].fingerprint, SIGNING - timedelta(days=2), "ordinateur portable perdu")
    kit = export_room_kits(db, "test-2017", tmp_path / "kits")[0]
    assert (kit.folder / "revocations.csv").is_file()
    room = open_database(str(tmp_path / "salle.sqlite"))
    try:
        report = import_package(room, kit.folder, DossierStore())
        assert any(
            c.startswith("certificat de Zoé Mäkelä-Garçon révoqué à partir du") for c in report.changes
        )
        with room.read() as s:
            pk = s.scalar(select(Candidate.pk).where(Candidate.candidate_id == "C1"))
        decide_all(room, pk)
        with pytest.raises(JuryRoomError, match=r"Zoé Mäkelä-Garçon \(« Juré 2 »\) est révoqué depuis"):
            sign_and_lock(room, pk, *pki.jurors, now=SIGNING)
        assert import_package(room, kit.folder, DossierStore()).status == "unchanged"
    finally:
        room.dispose()
    broken = tmp_path / "kits" / kit.slug / "revocations.csv"
    broken.write_text("fingerprint;name;revoked_from;reason\r\nabc;X;hier;\r\n", encoding="utf-8")
    with pytest.raises(PackageError) as refused:
        import_package(db, kit.folder, DossierStore())
    assert [str(p) for p in refused.value.problems] == [
        "revocations.csv, ligne 2, colonne fingerprint: empreinte SHA-256 attendue ('abc')"
    ]
