"""The secretariat's import of signed sheets into a real SQLite file: 1,000 sheets (target ≤ 60 s) and 2,000
(target ≤ 2.2 × the 1,000: linear).

Each file is verified offline (two PAdES signatures, the chain to the authority, the JSON against its schema and
the rules, the JSON against the pages) and stored whole in one transaction. The import verifies on every core
(worker processes) while the main process stores; the floor of the first row is the verification alone, in one
process, on the same files: a ratio under 1 is the cores at work, the database adding little. The third row is
the same import in one process, as a frozen build runs it. The 2,000 are 2,000 distinct candidates' sheets
(nothing is a duplicate, which would skip the verification); the floor of the second row is the import of 1,000,
so its ratio is the linearity. Measured here (2 cores, quiet machine): 1,000 in 24.9 s (verification alone
44.7 s), 2,000 in 49.3 s (1.97×).

Signing 2,000 sheets takes minutes: they are made once, on both cores, and kept in the user's cache folder
(``C2I2E_BENCH_CACHE`` to choose another), under a key that changes with the code that makes and checks them.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import shutil
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from benchmarks.harness import Benchmark

COUNT = 2000
CAMPAIGN = "bench-2017"
PASSPHRASE = "banc d'essai des feuilles"
ISSUED = datetime(2017, 1, 9, tzinfo=UTC)
SIGNED = datetime(2017, 6, 12, 14, 40, tzinfo=timezone(timedelta(hours=2)))
NAMES = ("Lefèvre", "Dupré", "Nguyễn", "Œhlenschläger", "Garçon", "Mäkelä", "Brochard", "Étienne")

_worker: dict[str, Any] = {}


def _cache_folder() -> Path:
    import c2i2e_jury.exchange.pades as pades
    import c2i2e_jury.exchange.result_json as result_json
    import c2i2e_jury.exchange.sheet_pdf as sheet_pdf
    import c2i2e_jury.exchange.signatures as signatures

    digest = hashlib.sha256(str(COUNT).encode())
    for module in (sheet_pdf, signatures, pades, result_json):
        digest.update(Path(module.__file__ or "").read_bytes())
    base = os.environ.get("C2I2E_BENCH_CACHE")
    if base:
        root = Path(base)
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("c2i2e-jury"))
    return root / f"bench-sheets-{digest.hexdigest()[:16]}"


def candidate_id(n: int) -> str:
    return f"B{n:04d}"


def _init_worker(p12s: list[bytes]) -> None:
    from c2i2e_jury.exchange.credentials import from_pkcs12

    _worker["jurors"] = [from_pkcs12(data, PASSPHRASE, f"juré {i + 1}") for i, data in enumerate(p12s)]


def _make_sheet(task: tuple[int, str]) -> str:
    """One candidate's signed sheet: decisions vary with the candidate, so every sheet is its own."""
    from c2i2e_jury.domain.rules import evaluate
    from c2i2e_jury.exchange.result_json import outcome_json, situation_of
    from c2i2e_jury.exchange.sheet_pdf import render_sheet
    from c2i2e_jury.exchange.signatures import sign_sheet_with
    from c2i2e_jury.resources_access import referential
    from tests.exchange.result_examples import example_result

    n, folder = task
    ref = referential()
    jurors = _worker["jurors"]
    result = example_result(ref, [{"name": j.name, "fingerprint": j.fingerprint} for j in jurors])
    result["campaign"], result["campaign_title"] = CAMPAIGN, "Banc d'essai — campagne 2017"
    result["candidate"] = {
        "id": candidate_id(n),
        "last_name": NAMES[n % len(NAMES)],
        "first_name": f"Prénom {n}",
    }
    withdrawn = ref.codes[n % len(ref.codes)]
    for entry in result["items"]:
        if entry["item"] == withdrawn and entry["jury"] == "V":
            entry["jury"], entry["comment"] = "NV", f"Non démontré à l'oral (candidat {n})."
            entry["justification"] = "Non démontré à l'oral." if entry["evaluator"] == "V" else ""
            if not entry["justification"]:
                del entry["justification"]
    result["outcome"] = outcome_json(evaluate(ref, situation_of(result)))
    pdf = render_sheet(result, ref)
    for field, juror, seconds in zip(("Juré 1", "Juré 2"), jurors, (0, 50), strict=True):
        pdf = sign_sheet_with(pdf, juror, field, timestamp=SIGNED + timedelta(seconds=seconds))
    path = Path(folder) / f"{candidate_id(n)}_v1.pdf"
    path.write_bytes(pdf)
    return str(path)


def signed_sheets() -> tuple[list[Path], bytes]:
    """The 2,000 signed sheets and the authority's PEM, made once and kept in the cache folder."""
    from c2i2e_jury.exchange import credentials

    folder = _cache_folder()
    done = folder / "complete"
    if done.is_file():
        return sorted((folder / "sheets").glob("*.pdf")), (folder / "authority.pem").read_bytes()
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "sheets").mkdir(parents=True)
    authority = credentials.create_authority("Autorité C2i2e (banc d'essai)", now=ISSUED)
    jurors = [
        credentials.issue_credential(authority, name, f"jure{i + 1}@example.fr", now=ISSUED)
        for i, name in enumerate(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon"))
    ]
    p12s = [credentials.to_pkcs12(j, PASSPHRASE) for j in jurors]
    start = time.perf_counter()
    tasks = [(n, str(folder / "sheets")) for n in range(1, COUNT + 1)]
    # fork where there is one: the workers need not import everything again (nor re-run a caller's script)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(os.cpu_count() or 1, _init_worker, (p12s,)) as pool:
        for i, _path in enumerate(pool.imap_unordered(_make_sheet, tasks, chunksize=20), start=1):
            if i % 250 == 0:
                print(
                    f"  signed sheets made: {i}/{COUNT} ({time.perf_counter() - start:.0f} s)",
                    file=sys.stderr,
                    flush=True,
                )
    (folder / "authority.pem").write_bytes(credentials.certificate_pem(authority.certificate))
    done.write_text(f"{COUNT} sheets\n", encoding="utf-8")
    return sorted((folder / "sheets").glob("*.pdf")), (folder / "authority.pem").read_bytes()


def fresh_database(path: Path, authority_pem: bytes) -> Any:
    """A new SQLite file holding the campaign and its 2,000 candidates (as a package import leaves them)."""
    from sqlalchemy import insert

    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.models import Campaign, Candidate

    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    db = open_database(str(path))
    with db.session() as session:
        session.add(
            Campaign(
                id=CAMPAIGN,
                title="Banc d'essai — campagne 2017",
                year=2017,
                deposit_opens=date(2017, 5, 10),
                deposit_closes=date(2017, 5, 17),
                orals_from=date(2017, 6, 12),
                orals_to=date(2017, 7, 7),
                presentation_minutes=10,
                discussion_minutes=20,
                authority_pem=authority_pem.decode("ascii"),
                package_sha256="0" * 64,
                imported_at=datetime.now(UTC),
            )
        )
        session.flush()
        session.execute(
            insert(Candidate),
            [
                {
                    "campaign_id": CAMPAIGN,
                    "candidate_id": candidate_id(n),
                    "last_name": NAMES[n % len(NAMES)],
                    "first_name": f"Prénom {n}",
                    "email": "",
                    "deposited": True,
                    "rework_pending": False,
                    "oral_date": date(2017, 6, 12),
                    "oral_time": "08:30",
                    "room": "Salle B112",
                    "jury": "J1",
                    "evaluator": "",
                    "extra_time_percent": 0,
                    "annulled": False,
                    "annulment_reason": "",
                }
                for n in range(1, COUNT + 1)
            ],
        )
    return db


def benchmarks(workdir: Path) -> list[Benchmark]:
    from c2i2e_jury.exchange.credentials import load_certificates
    from c2i2e_jury.exchange.signatures import verify_sheet
    from c2i2e_jury.resources_access import referential
    from c2i2e_jury.services.sheet_import import import_sheets

    logging.getLogger("c2i2e_jury").setLevel(logging.WARNING)
    files, authority_pem = signed_sheets()
    first, both = files[: COUNT // 2], files
    roots = load_certificates(authority_pem, "authority.pem")
    ref = referential()
    databases: dict[str, Any] = {}

    def setup() -> None:
        for name, db in list(databases.items()):
            db.dispose()
            del databases[name]
        databases["1000"] = fresh_database(workdir / "import-1000.sqlite", authority_pem)
        databases["2000"] = fresh_database(workdir / "import-2000.sqlite", authority_pem)

    def verify_only() -> None:
        for path in first:
            verify_sheet(path.read_bytes(), roots, ref)

    def import_into(name: str, paths: list[Path], workers: int | None = None) -> None:
        outcomes = import_sheets(databases[name], paths, workers=workers)
        bad = [o for o in outcomes if o.status != "imported"]
        assert not bad, bad[:3]

    def import_1000() -> None:
        import_into("1000", first)

    def import_2000() -> None:
        import_into("2000", both)

    def import_1000_in_one_process() -> None:
        import_into("1000", first, workers=1)

    return [
        Benchmark(
            "sheets: 1,000 signed sheets imported (SQLite file)",
            import_1000,
            floor=verify_only,
            floor_name="the same 1,000 verified only",
            runs=1,
            setup=setup,
            max_seconds=60.0,
        ),
        Benchmark(
            "sheets: 2,000 signed sheets imported (linear)",
            import_2000,
            floor=import_1000,
            floor_name="1,000 imported",
            runs=1,
            setup=setup,
            max_ratio=2.2,
        ),
        Benchmark(
            "sheets: 1,000 signed sheets imported in one process",
            import_1000_in_one_process,
            floor=verify_only,
            floor_name="the same 1,000 verified only",
            runs=1,
            setup=setup,
            max_seconds=60.0,
        ),
    ]
