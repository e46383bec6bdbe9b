"""Thousands of distinct signed sheets for the import benchmarks, made once and kept in the user's cache folder
(``C2I2E_BENCH_CACHE`` to choose another).

Signing takes about half a second a sheet on a busy core: the sheets are made on every core, numbered, and kept
under a key that changes with the code that *makes* them (the sheet's layout, its JSON, the signing functions,
pyHanko's version) — not with the code that verifies them, so that work on the verifier does not sign them all
again (a verifier that came to refuse them would fail the benchmark's own check that every sheet is imported).
The set grows: asking for 5,000 when 2,000 are there signs the 3,000 missing, with the same authority and jurors.

``python -m benchmarks.sheet_cache 5000`` makes them ahead of a benchmark run.
"""

from __future__ import annotations

import hashlib
import inspect
import multiprocessing
import os
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CAMPAIGN = "bench-2017"
PASSPHRASE = "banc d'essai des feuilles"
ISSUED = datetime(2017, 1, 9, tzinfo=UTC)
SIGNED = datetime(2017, 6, 12, 14, 40, tzinfo=timezone(timedelta(hours=2)))
NAMES = ("Lefèvre", "Dupré", "Nguyễn", "Œhlenschläger", "Garçon", "Mäkelä", "Brochard", "Étienne")
JURORS = ("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")

_worker: dict[str, Any] = {}


def candidate_id(n: int) -> str:
    return f"B{n:04d}"


def _maker_sources() -> list[str]:
    """The source of everything that decides a signed sheet's bytes."""
    import importlib.metadata

    import c2i2e_jury.exchange.pades as pades
    import c2i2e_jury.exchange.pdf as pdf_folder
    import c2i2e_jury.exchange.result_json as result_json
    import c2i2e_jury.exchange.sheet_pdf as sheet_pdf
    import c2i2e_jury.exchange.signatures as signatures
    import tests.exchange.result_examples as result_examples

    functions = (
        result_json.to_bytes,
        result_json.outcome_json,
        result_json.situation_of,
        pades.signing_time,
        pades.sign_field,
        pades._pdf17_signer_class,
        pades._pyhanko_signer,
        pades._stamp_style,
        pades._appearance_pdf,
        pades._background_page_class,
        signatures.sign_sheet_with,
        signatures._check_can_sign,
        _make_sheet,
    )
    # the sheet's layout, the PDF furniture every PDF shares (fonts, PDF/A, attachments), the example's decisions
    modules = [Path(m.__file__ or "") for m in (sheet_pdf, result_examples)]
    modules += sorted(Path(pdf_folder.__file__ or "").parent.glob("*.py"))
    files = [path.read_text(encoding="utf-8") for path in modules]
    return [*files, *(inspect.getsource(f) for f in functions), importlib.metadata.version("pyhanko")]


def cache_folder() -> Path:
    digest = hashlib.sha256()
    for source in _maker_sources():
        digest.update(source.encode())
    base = os.environ.get("C2I2E_BENCH_CACHE")
    if base:
        root = Path(base)
    else:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("c2i2e-jury"))
    return root / f"bench-sheets-{digest.hexdigest()[:16]}"


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
    partial = path.with_suffix(".part")
    partial.write_bytes(pdf)
    partial.replace(path)  # a sheet is there whole or not at all, should the making be interrupted
    return str(path)


def _credentials(folder: Path) -> list[bytes]:
    """The authority (PEM) and the two jurors' PKCS#12, made once for the folder."""
    from c2i2e_jury.exchange import credentials

    p12_paths = [folder / f"jure{i + 1}.p12" for i in range(len(JURORS))]
    if not all(p.is_file() for p in p12_paths):
        authority = credentials.create_authority("Autorité C2i2e (banc d'essai)", now=ISSUED)
        for i, (name, path) in enumerate(zip(JURORS, p12_paths, strict=True)):
            juror = credentials.issue_credential(authority, name, f"jure{i + 1}@example.fr", now=ISSUED)
            path.write_bytes(credentials.to_pkcs12(juror, PASSPHRASE))
        (folder / "authority.pem").write_bytes(credentials.certificate_pem(authority.certificate))
    return [p.read_bytes() for p in p12_paths]


def signed_sheets(count: int) -> tuple[list[Path], bytes]:
    """Sheets 1..``count`` (one per candidate) and the authority's PEM, the missing ones signed now."""
    folder = cache_folder()
    sheets = folder / "sheets"
    sheets.mkdir(parents=True, exist_ok=True)
    p12s = _credentials(folder)
    paths = [sheets / f"{candidate_id(n)}_v1.pdf" for n in range(1, count + 1)]
    tasks = [(n, str(sheets)) for n, path in enumerate(paths, start=1) if not path.is_file()]
    if tasks:
        start = time.perf_counter()
        # fork where there is one: the workers need not import everything again (nor re-run a caller's script)
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with multiprocessing.get_context(method).Pool(os.cpu_count() or 1, _init_worker, (p12s,)) as pool:
            for i, _path in enumerate(pool.imap_unordered(_make_sheet, tasks, chunksize=20), start=1):
                if i % 250 == 0 or i == len(tasks):
                    elapsed = time.perf_counter() - start
                    print(
                        f"  signed sheets made: {i}/{len(tasks)} ({elapsed:.0f} s)",
                        file=sys.stderr,
                        flush=True,
                    )
    return paths, (folder / "authority.pem").read_bytes()


if __name__ == "__main__":
    made, _pem = signed_sheets(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    print(f"{len(made)} signed sheets in {made[0].parent}")
