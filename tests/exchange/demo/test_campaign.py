"""The demo campaign package: complete, readable by the program's own importer and dossier check, telling the
cases it was built to tell, the same bytes for a seed (its dossiers and slides: test_dossier.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.domain.rules import Attendance, Mark, PriorValidation, Situation, evaluate
from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.exchange.demo.campaign import write_demo_package
from c2i2e_jury.exchange.package.reader import read_package
from tests.demo_package import demo_package as copy_of_demo_package

CANDIDATE_COLUMNS = [
    "candidate_id",
    "last_name",
    "first_name",
    "email",
    "dossier",
    "deposited",
    "rework_pending",
    "oral_date",
    "oral_time",
    "room",
    "jury",
    "evaluator",
    "extra_time_percent",
]
MARK_COLUMNS = ["candidate_id", "item", "evaluator_mark", "comment"]
PRIOR_COLUMNS = ["candidate_id", "item", "year", "copy_deposited", "original_received"]
PART_HEADING = re.compile(r"^partie\s+(1|2|3|4|i|ii|iii|iv)\b", re.IGNORECASE | re.MULTILINE)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "package"
    assert write_demo_package(out) == out
    return out


def read_rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path.name} lacks the UTF-8 BOM French Excel writes"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def header(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8-sig").splitlines()[0].split(";")


def candidates(package: Path) -> dict[str, dict[str, str]]:
    return {row["candidate_id"]: row for row in read_rows(package / "candidates.csv")}


def test_package_holds_every_file_with_the_campaign(package: Path) -> None:
    names = sorted(p.name for p in package.iterdir())
    assert names == ["campaign.json", "candidates.csv", "dossiers", "marks.csv", "prior.csv"]
    campaign = json.loads((package / "campaign.json").read_text(encoding="utf-8"))
    assert campaign == {
        "format": "c2i2e-campaign/1",
        "id": "grenoble-2017",
        "title": "Certification C2i2e — ESPE de Grenoble — campagne 2017",
        "year": 2017,
        "deposit_opens": "2017-05-10",
        "deposit_closes": "2017-05-17",
        "orals_from": "2017-06-12",
        "orals_to": "2017-07-07",
        "presentation_minutes": 10,
        "discussion_minutes": 20,
    }


def test_csv_files_are_french_excel_csv_with_the_exact_columns(package: Path) -> None:
    assert header(package / "candidates.csv") == CANDIDATE_COLUMNS
    assert header(package / "marks.csv") == MARK_COLUMNS
    assert header(package / "prior.csv") == PRIOR_COLUMNS
    rows = read_rows(package / "candidates.csv")
    assert len(rows) == 12
    assert all(re.fullmatch(r"C2017-\d{3}", r["candidate_id"]) for r in rows)
    assert {r["deposited"] for r in rows} | {r["rework_pending"] for r in rows} == {"oui", "non"}
    first_names = {r["first_name"] for r in rows}
    assert {"Élodie", "François", "Maëlle", "Gaëlle", "Noël"} <= first_names
    assert {r["room"] for r in rows} == {"Salle B112", "Salle B114"}
    assert {r["jury"] for r in rows} == {"J1", "J2"}
    assert {r["oral_date"] for r in rows} == {"2017-06-12", "2017-06-13"}
    slots = [(r["oral_date"], r["oral_time"], r["jury"]) for r in rows]
    assert len(set(slots)) == len(slots), "two candidates share a jury's slot"


def test_the_program_imports_the_package_without_a_problem(package: Path, referential) -> None:
    imported = read_package(package, referential)
    try:
        assert imported.campaign.id == "grenoble-2017"
        assert len(imported.candidates) == 12
        assert sum(bool(c.marks) for c in imported.candidates) == 10
    finally:
        imported.close()


def test_the_cases_of_the_rules_are_all_there(package: Path, referential) -> None:
    """Following the evaluator on every item, the outcomes are the ones the demo was built to show."""
    imported = read_package(package, referential)
    imported.close()
    outcomes = {}
    for c in imported.candidates:
        prior = tuple(
            PriorValidation(item, year, copy, original) for item, (year, copy, original) in c.prior.items()
        )
        decisions = {item: Mark(mark) if mark else None for item, (mark, _) in c.marks.items()}
        situation = Situation(
            c.deposited, c.rework_pending, Attendance.PRESENT, prior=prior, decisions=decisions
        )
        outcomes[c.first_name] = evaluate(referential, situation)
    certified = {name for name, o in outcomes.items() if o.certificate}
    assert certified == {"Élodie", "François", "Maëlle", "Gaëlle", "Jérôme", "Benoît"}
    assert outcomes["Gaëlle"].validated_count == 23  # borderline, delivered
    assert outcomes["Noël"].validated_count == 22  # borderline, not delivered
    assert outcomes["Thibault"].validated_count == 25
    assert outcomes["Thibault"].missing_by_domain["A3"] == 3
    assert outcomes["Inès"].validated_count <= 10
    assert outcomes["Jérôme"].acquired == ("A1.1", "A1.2", "B1.1")
    assert outcomes["Amélie"].acquired == ()
    assert outcomes["Amélie"].validated_count == 22
    assert {o.status.value for n, o in outcomes.items() if n in ("Loïc", "Solène")} == {"not_admitted"}


def test_marks_cover_the_28_items_with_comments_for_admitted_candidates_only(
    package: Path, referential
) -> None:
    rows = candidates(package)
    marks = read_rows(package / "marks.csv")
    by_candidate: dict[str, dict[str, dict[str, str]]] = {}
    for m in marks:
        by_candidate.setdefault(m["candidate_id"], {})[m["item"]] = m
    admitted = {cid for cid, r in rows.items() if r["deposited"] == "oui" and r["rework_pending"] == "non"}
    assert set(by_candidate) == admitted
    assert len(admitted) == 10
    for items in by_candidate.values():
        assert list(items) == list(referential.codes)
        assert all(len(m["comment"]) >= 7 for m in items.values())
        assert {m["evaluator_mark"] for m in items.values()} <= {"V", "NV", ""}
    evaluators = {r["evaluator"] for r in rows.values()} - {""}
    assert len(evaluators) == 3


def test_special_candidates(package: Path) -> None:
    rows = candidates(package).values()
    not_deposited = [r for r in rows if r["deposited"] == "non"]
    assert len(not_deposited) == 1
    assert not_deposited[0]["dossier"] == ""
    rework = [r for r in rows if r["rework_pending"] == "oui"]
    assert len(rework) == 1
    assert (package / "dossiers" / rework[0]["dossier"]).is_file()
    assert [r["extra_time_percent"] for r in rows if r["extra_time_percent"]] == ["33"]
    prior = read_rows(package / "prior.csv")
    counted = [p for p in prior if p["copy_deposited"] == "oui" and p["original_received"] == "oui"]
    assert len({p["candidate_id"] for p in counted}) == 1
    assert len(counted) == 3
    assert all(p["year"] == "2016" for p in prior)
    assert any(p["original_received"] == "non" for p in prior)


def test_every_dossier_follows_the_conventions(package: Path, referential) -> None:
    rows = [r for r in candidates(package).values() if r["dossier"]]
    assert len(rows) == 11
    for row in rows:
        with pymupdf.open(package / "dossiers" / row["dossier"]) as doc:
            assert 10 <= doc.page_count <= 20
            cover = doc[0].get_text()
            assert row["last_name"].upper() in cover
            assert row["first_name"] in cover
            assert "2017" in cover
            pages = [doc[i].get_text() for i in range(doc.page_count)]
            starts = _part_starts(pages)
            expected_parts = {1, 2, 3} if row["rework_pending"] == "oui" else {1, 2, 3, 4}
            assert set(starts) == expected_parts, row["dossier"]
            for part in expected_parts:
                end = min([p for p in starts.values() if p > starts[part]] + [doc.page_count])
                text = "".join(pages[starts[part] : end])
                cited = [c for c in referential.part(part).items if c in text]
                assert cited, f"{row['dossier']}: no item code cited in Part {part}"
            footers = sum(
                f"page {n} / {doc.page_count}" in pages[n - 1] for n in range(2, doc.page_count + 1)
            )
            assert footers == doc.page_count - 1


def _part_starts(pages: list[str]) -> dict[int, int]:
    """Part number -> 0-based page where its heading is (the last page carrying it: not the table of contents)."""
    starts: dict[int, int] = {}
    for index, text in enumerate(pages):
        for match in PART_HEADING.finditer(text):
            token = match.group(1).lower()
            starts[int(token) if token.isdigit() else ROMAN[token]] = index
    return starts


def test_the_dossier_check_agrees_with_what_each_dossier_was_built_to_be(package: Path) -> None:
    for row in candidates(package).values():
        if not row["dossier"]:
            continue
        result = check_dossier(
            package / "dossiers" / row["dossier"],
            Expected(row["last_name"], row["first_name"], 2017),
            render=False,
        )
        failed = {f.check for f in result.findings if not f.ok}
        if row["last_name"] == "Chevalier":
            assert failed == {"part_4"}
        elif row["last_name"] == "Lemaire":
            assert failed == {"conclusion"}
        else:
            assert result.conform, (row["dossier"], failed)
            assert (
                all(e["cited_on"] for e in result.to_json()["evidence"].values())
                or row["last_name"] == "Fontaine"
            )


def test_the_same_seed_writes_the_same_bytes(package: Path, tmp_path: Path) -> None:
    """Against the run's shared copy (``tests/demo_package.py``), which another call of the writer made, maybe in
    another process: the other tests may share one because of this."""
    again = copy_of_demo_package(tmp_path / "again")
    files = sorted(p.relative_to(package) for p in package.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (package / name).read_bytes() == (again / name).read_bytes(), name
