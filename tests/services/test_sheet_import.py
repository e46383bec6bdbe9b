"""The secretariat's import of the rooms' sheets, on real signed files, on SQLite and PostgreSQL: each outcome,
folders and zips, the report, and two imports at once on a real PostgreSQL server."""

from __future__ import annotations

import csv
import hashlib
import io
import multiprocessing
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.services.sheet_export import export_signed
from c2i2e_jury.services.sheet_import import import_sheets, summary
from c2i2e_jury.services.sheet_signing import sign_and_lock
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import ResultSheet, SheetConflict
from tests.exchange.signing_factory import signed_range
from tests.run_pki import run_files, run_pki
from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, make_sheet, outsider

# Jury J1 again (the same two jurors sit in B114 the next day): these sheets are signed by J1's jurors, and a
# sheet of a jury signed by another jury's jurors is refused (issue 11 §3).
EXTRA = [
    f"C{n};Martin{n};Léa;lea{n}@example.fr;c1.pdf;oui;non;2017-06-13;10:00;B114;J1;;" for n in range(4, 9)
]


@pytest.fixture(scope="module")
def pki():
    return run_pki("sheet-import")


@pytest.fixture(scope="module")
def sheets(pki, referential):
    """Real signed sheets, made once for the run (``tests/run_pki.py``): name -> bytes."""
    return run_files("sheet-import", lambda: _make_sheets(pki, referential))


def _make_sheets(pki, referential):
    jurors = pki.jurors
    stranger = outsider()
    c2 = make_sheet(referential, jurors, "C2")
    first, _second = signed_range(c2)
    middle = (first[0] + first[1]) // 2
    tampered = c2[:middle] + bytes([c2[middle] ^ 0x01]) + c2[middle + 1 :]
    forger = credentials.issue_credential(
        stranger.authority, "Complice", "c@example.fr", now=SIGNING - timedelta(days=90)
    )
    made = {
        "a_C1_v2.pdf": make_sheet(referential, jurors, "C1", version=2, nv=("B2.5",)),
        "b_C1_v1.pdf": make_sheet(referential, jurors, "C1"),
        "c_C2_v1.pdf": c2,
        "d_C2_v1_autre.pdf": make_sheet(referential, jurors, "C2", nv=("A1.3",)),
        "e_C3_v1.pdf": make_sheet(referential, jurors, "C3", status="not_admitted"),
        "f_C99_v1.pdf": make_sheet(referential, jurors, "C99"),
        "g_falsifiee.pdf": tampered,
        "h_non_signee.pdf": render_sheet(
            _result_of(make_sheet(referential, jurors, "C1", version=3)), referential
        ),
        "i_pirate.pdf": make_sheet(referential, (stranger.juror, forger), "C1"),
        "j_autre_campagne.pdf": make_sheet(referential, jurors, "C1", campaign="lyon-2017"),
        "k_texte.pdf": b"Ceci n'est pas un PDF.",
    }
    for n in range(4, 9):
        made[f"m_C{n}_v1.pdf"] = make_sheet(referential, jurors, f"C{n}")
    return made


def _result_of(pdf):
    from pyhanko.pdf_utils.reader import PdfFileReader

    from c2i2e_jury.exchange.result_json import from_bytes
    from c2i2e_jury.exchange.sheet_reading import embedded_json

    return from_bytes(embedded_json(PdfFileReader(io.BytesIO(pdf)).root))


@pytest.fixture
def secretariat(database, tmp_path, pki):
    return import_with_pki(database, tmp_path / "pkg", pki, candidates=_candidates())


def _candidates():
    from tests.exchange.package.factory import CANDIDATES

    return [*CANDIDATES, *EXTRA]


def write(folder: Path, sheets: dict[str, bytes], names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(sheets[name])
    return folder


def by_name(outcomes):
    return {Path(o.file).name: o for o in outcomes}


def stored(db):
    with db.read() as s:
        sheets = {
            (r.result["candidate"]["id"], r.version): (r.sha256, r.reopen_reason)
            for r in s.scalars(select(ResultSheet))
        }
        conflicts = [(c.version, c.sha256) for c in s.scalars(select(SheetConflict))]
    return sheets, conflicts


def test_each_outcome_on_real_files(database, secretariat, sheets, tmp_path):
    folder = write(tmp_path / "salle-B112", sheets, [n for n in sheets if not n.startswith("m_")])
    (folder / "c_C2_v1 (copie).pdf").write_bytes(sheets["c_C2_v1.pdf"])
    # verified in this process: the worker processes are test_a_batch_verified_by_worker_processes_…'s subject
    outcomes = by_name(import_sheets(database, [folder], workers=1))
    got = {name: (o.status, o.reason, o.candidate_id, o.version) for name, o in outcomes.items()}
    assert got == {
        "a_C1_v2.pdf": ("imported", "", "C1", 2),
        "b_C1_v1.pdf": ("superseded", "", "C1", 1),
        "c_C2_v1 (copie).pdf": ("imported", "", "C2", 1),
        "c_C2_v1.pdf": ("duplicate", "", "C2", 1),
        "d_C2_v1_autre.pdf": ("conflict", "", "C2", 1),
        "e_C3_v1.pdf": ("imported", "", "C3", 1),
        "f_C99_v1.pdf": ("rejected", "unknown_candidate", "C99", 1),
        "g_falsifiee.pdf": ("rejected", "modified", None, None),
        "h_non_signee.pdf": ("rejected", "missing_signature", None, None),
        "i_pirate.pdf": ("rejected", "untrusted_signer", None, None),
        "j_autre_campagne.pdf": ("rejected", "unknown_campaign", None, None),
        "k_texte.pdf": ("rejected", "unreadable", None, None),
    }
    assert "modifiée après la signature" in outcomes["g_falsifiee.pdf"].message
    assert "Il manque la signature « Juré 1 »" in outcomes["h_non_signee.pdf"].message
    assert "lyon-2017" in outcomes["j_autre_campagne.pdf"].message
    assert "Plus ancienne que la version 2" in outcomes["b_C1_v1.pdf"].message
    sheets_in_db, conflicts = stored(database)
    sha = {name: hashlib.sha256(data).hexdigest() for name, data in sheets.items()}
    assert sheets_in_db == {
        ("C1", 2): (sha["a_C1_v2.pdf"], ""),
        ("C1", 1): (sha["b_C1_v1.pdf"], "Erreur de saisie sur l'item B2.5, corrigée à la demande du jury."),
        ("C2", 1): (sha["c_C2_v1.pdf"], ""),
        ("C3", 1): (sha["e_C3_v1.pdf"], ""),
    }
    assert conflicts == [(1, sha["d_C2_v1_autre.pdf"])]

    again = import_sheets(database, [folder])
    assert {o.status for o in again} == {"duplicate", "conflict", "rejected"}
    assert stored(database) == (sheets_in_db, conflicts)
    assert summary(again) == "5 doublons, 1 conflit, 6 refusées"


def test_zips_nested_folders_and_a_usb_keys_litter(database, secretariat, sheets, tmp_path):
    key = tmp_path / "CLE"
    write(key / "B112" / "lundi", sheets, ["c_C2_v1.pdf"])
    (key / "B112" / "index.csv").write_text("file;candidate\n", encoding="utf-8")
    (key / "B112" / "._c_C2_v1.pdf").write_bytes(b"\x00\x05\x16\x07AppleDouble")
    (key / ".Trashes").mkdir()
    (key / ".Trashes" / "old.pdf").write_bytes(b"junk")
    with zipfile.ZipFile(key / "B114.zip", "w") as archive:
        archive.writestr("B114/m_C4_v1.pdf", sheets["m_C4_v1.pdf"])
        archive.writestr("B114/m_C5_v1.pdf", sheets["m_C5_v1.pdf"])
        archive.writestr("__MACOSX/B114/._m_C4_v1.pdf", b"junk")
        archive.writestr("B114/notes.txt", "pas une feuille")
    (key / "abime.zip").write_bytes(b"PK\x03\x04 truncated")
    outcomes = import_sheets(database, [key, tmp_path / "absent.pdf"])
    assert [(o.file.removeprefix(str(key)), o.status) for o in outcomes] == [
        ("/B112/lundi/c_C2_v1.pdf", "imported"),
        ("/B114.zip/B114/m_C4_v1.pdf", "imported"),
        ("/B114.zip/B114/m_C5_v1.pdf", "imported"),
        ("/abime.zip", "rejected"),
        (str(tmp_path / "absent.pdf").removeprefix(str(key)), "rejected"),
    ]
    assert outcomes[-1].reason == "not_found"


def test_report_csv_and_progress(database, secretariat, sheets, tmp_path):
    folder = write(tmp_path / "in", sheets, ["c_C2_v1.pdf", "g_falsifiee.pdf", "m_C4_v1.pdf"])
    seen = []
    report = tmp_path / "rapport.csv"
    outcomes = import_sheets(
        database, [folder], lambda done, total, name: seen.append((done, total)), report=report
    )
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [(r["status"], r["statut"], r["candidate"], r["reason"]) for r in rows] == [
        ("imported", "importée", "C2", ""),
        ("rejected", "refusée", "", "modified"),
        ("imported", "importée", "C4", ""),
    ]
    assert rows[1]["message"] == outcomes[1].message


def test_stopping_halfway_keeps_what_was_imported(database, secretariat, sheets, tmp_path):
    folder = write(tmp_path / "in", sheets, ["m_C4_v1.pdf", "m_C5_v1.pdf", "m_C6_v1.pdf"])
    outcomes = import_sheets(database, [folder], lambda done, total, name: done < 1)
    assert [o.status for o in outcomes] == ["imported"]
    assert len(stored(database)[0]) == 1


def test_sheets_exported_by_a_room_import_into_the_secretariat(tmp_path, pki, referential):
    room = open_database(str(tmp_path / "salle.sqlite"))
    secretariat = open_database(str(tmp_path / "secretariat.sqlite"))
    try:
        pks = import_with_pki(room, tmp_path / "kit", pki)
        import_with_pki(secretariat, tmp_path / "pkg", pki)
        decide_all(room, pks["C1"])
        signed = sign_and_lock(room, pks["C1"], *pki.jurors, now=SIGNING)
        sign_and_lock(room, pks["C3"], *pki.jurors, now=SIGNING)
        index = export_signed(room, tmp_path / "cle")
        outcomes = import_sheets(secretariat, [index.parent])
        assert [(o.candidate_id, o.version, o.status) for o in outcomes] == [
            ("C1", 1, "imported"),
            ("C3", 1, "imported"),
        ]
        assert stored(secretariat)[0][("C1", 1)][0] == signed.sha256
        # The secretariat's records now say what the signed sheets say: the review reads the same facts.
        from c2i2e_jury.services import jury_room
        from c2i2e_jury.services.review.rows import review_rows

        sec_pks = {c: p for c, p in _pks(secretariat).items()}
        in_room, at_secretariat = (
            jury_room.candidate_file(room, pks["C1"]),
            jury_room.candidate_file(secretariat, sec_pks["C1"]),
        )
        assert [(i.code, i.decision, i.justification) for i in at_secretariat.items] == [
            (i.code, i.decision, i.justification) for i in in_room.items
        ]
        assert at_secretariat.locked and at_secretariat.attendance.value == "present"
        assert at_secretariat.outcome == in_room.outcome
        assert jury_room.history(secretariat, sec_pks["C1"])[-1].by == "sheet_import"
        row = next(r for r in review_rows(secretariat, "test-2017") if r.candidate_id == "C1")
        assert row.outcome.validated_count == in_room.outcome.validated_count
        assert jury_room.candidate_file(
            secretariat, sec_pks["C3"]
        ).locked  # not admitted: signed, nothing decided
    finally:
        room.dispose()
        secretariat.dispose()


def _pks(db):
    from c2i2e_jury.storage.models import Candidate

    with db.read() as s:
        return {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}


def _import_in_child(url: str, paths: list[str], ready, go, results) -> None:
    """One secretariat computer: opens the central database, waits for the other, imports."""
    database = open_database(url)
    ready.wait()
    go.wait()
    outcomes = import_sheets(database, [Path(p) for p in paths])
    results.put([(Path(o.file).name, o.status, o.message) for o in outcomes])
    database.dispose()


@pytest.mark.postgres
def test_two_imports_at_once_on_postgresql_neither_lose_nor_duplicate(pg_server, tmp_path, pki, sheets):
    from tests.pg import fresh_database

    names = [n for n in sheets if n[0] in "abcdem"]
    folder = write(tmp_path / "cle", sheets, names)
    files = sorted(str(folder / n) for n in names)
    with fresh_database(pg_server) as url:
        db = open_database(url)
        try:
            import_with_pki(db, tmp_path / "pkg", pki, candidates=_candidates())
            context = multiprocessing.get_context("spawn")
            ready, go, results = context.Barrier(3), context.Event(), context.Queue()
            workers = [
                context.Process(target=_import_in_child, args=(url, order, ready, go, results))
                for order in (files, files[2:] + files[:2])
            ]
            for worker in workers:
                worker.start()
            ready.wait(timeout=60)
            go.set()
            reports = [results.get(timeout=120) for _ in workers]
            for worker in workers:
                worker.join(timeout=60)
                assert worker.exitcode == 0
            sheets_in_db, conflicts = stored(db)
        finally:
            db.dispose()
    statuses: dict[str, list[str]] = {}
    for report in reports:
        assert len(report) == len(names)
        for name, status, _message in report:
            statuses.setdefault(name, []).append(status)
    assert not any("rejected" in s for s in statuses.values())
    stored_sha = [sha for sha, _reason in sheets_in_db.values()] + [sha for _v, sha in conflicts]
    expected_sha = {hashlib.sha256(sheets[n]).hexdigest() for n in names}
    assert sorted(stored_sha) == sorted(expected_sha)  # every file kept, each exactly once
    assert len(conflicts) == 1  # the two different versions 1 of C2: one stored, one kept aside
    for name, found in statuses.items():  # one computer stored each file, the other found it there
        if name[0] not in "cd":
            assert sorted(found) in (["duplicate", "imported"], ["duplicate", "superseded"]), (name, found)
    pair = statuses["c_C2_v1.pdf"] + statuses["d_C2_v1_autre.pdf"]
    assert pair.count("imported") == 1 and set(pair) <= {"imported", "duplicate", "conflict"}, pair


def test_counts_match_rows(database, secretariat, sheets, tmp_path):
    folder = write(tmp_path / "in", sheets, ["m_C4_v1.pdf", "m_C5_v1.pdf"])
    import_sheets(database, [folder, folder])
    with database.read() as s:
        assert s.scalar(select(func.count(ResultSheet.pk))) == 2


# A multi-process import (``slow``, pyproject.toml): two verifying workers are in the fast loop through
# test_sheet_import_faults (the flipped bits, the killed parent); this one compares them with one, in the whole run.
@pytest.mark.slow
def test_a_batch_verified_by_worker_processes_gives_the_same_outcomes(tmp_path, pki, sheets):
    folder = write(tmp_path / "cle", sheets, list(sheets))
    results = []
    for workers in (1, 2):
        db = open_database(str(tmp_path / f"secretariat-{workers}.sqlite"))
        try:
            import_with_pki(db, tmp_path / f"pkg-{workers}", pki, candidates=_candidates())
            outcomes = import_sheets(db, [folder], workers=workers)
            results.append(
                [(Path(o.file).name, o.status, o.reason, o.candidate_id, o.version) for o in outcomes]
            )
            assert len(stored(db)[0]) == 9
        finally:
            db.dispose()
    assert results[0] == results[1]
    assert len(results[0]) == len(sheets)


def _patched_zip(path, members, *, patch, flags=0, method=None):
    """A real zip whose member ``patch`` says it is encrypted (``flags``) or uses compression ``method``."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(patch)
    central = raw.find(b"PK\x01\x02")
    while raw[central + 46 : central + 46 + len(patch)] != patch.encode():
        central = raw.find(b"PK\x01\x02", central + 4)
    for at in (info.header_offset + 6, central + 8):  # flags, then compression method, in both headers
        raw[at : at + 2] = (int.from_bytes(raw[at : at + 2], "little") | flags).to_bytes(2, "little")
        if method is not None:
            raw[at + 2 : at + 4] = method.to_bytes(2, "little")
    path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize(
    ("flags", "method", "reason"), [(0x1, None, "encrypted"), (0, 99, "unsupported_compression")]
)
def test_an_unreadable_zip_member_is_one_refusal_and_the_rest_is_imported(
    database, secretariat, sheets, tmp_path, flags, method, reason
):
    archive = _patched_zip(
        tmp_path / "salle.zip",
        {"a/m_C4_v1.pdf": sheets["m_C4_v1.pdf"], "a/m_C5_v1.pdf": sheets["m_C5_v1.pdf"]},
        patch="a/m_C4_v1.pdf",
        flags=flags,
        method=method,
    )
    outcomes = import_sheets(database, [archive])
    assert [(o.file.removeprefix(str(archive)), o.status, o.reason) for o in outcomes] == [
        ("/a/m_C4_v1.pdf", "rejected", reason),
        ("/a/m_C5_v1.pdf", "imported", ""),
    ]
    assert "archive" in outcomes[0].message and "\n" not in outcomes[0].message


def test_a_zip_inside_a_zip_is_refused_with_its_reason_not_ignored(database, secretariat, sheets, tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("m_C4_v1.pdf", sheets["m_C4_v1.pdf"])
    with zipfile.ZipFile(tmp_path / "cle.zip", "w") as archive:
        archive.writestr("B114.zip", inner.getvalue())
        archive.writestr("m_C5_v1.pdf", sheets["m_C5_v1.pdf"])
    outcomes = import_sheets(database, [tmp_path / "cle.zip"])
    assert [(o.file.removeprefix(str(tmp_path / "cle.zip")), o.status, o.reason) for o in outcomes] == [
        ("/B114.zip", "rejected", "nested_zip"),
        ("/m_C5_v1.pdf", "imported", ""),
    ]
    assert "décompressez" in outcomes[0].message
