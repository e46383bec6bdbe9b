"""The sheet rows of :mod:`benchmarks.bench_sheets` in CPU time, for a machine shared with other work (issue 15):
wall clocks there measure the neighbours; CPU time and ratios paired sheet by sheet much less so.

- ``python -m benchmarks.sheets_cpu pairs [N] [PASSES]``: each of N cached sheets verified as the import does,
  right after bare pyHanko validated its two signatures (the floor); the ratio of the sums, a pass, and the median.
- ``python -m benchmarks.sheets_cpu import [N] [WORKERS]``: N sheets imported into a fresh SQLite file, the CPU
  of the importing process and of its workers (``getrusage``) beside the wall time and the load.
"""

from __future__ import annotations

import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _roots(pem: bytes) -> list[Any]:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    from c2i2e_jury.exchange.credentials import load_certificates

    certificates = load_certificates(pem, "authority.pem")
    return [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certificates]


def pairs(count: int, passes: int) -> float:
    """The median of ``passes`` ratios (verification as the import does / bare pyHanko), CPU time."""
    from benchmarks.bench_sheets import bare_pyhanko
    from benchmarks.sheet_cache import CAMPAIGN, signed_sheets
    from c2i2e_jury.services.sheet_verifying import check

    files, pem = signed_sheets(count)
    authorities, roots = {CAMPAIGN: pem.decode("ascii")}, _roots(pem)
    sample = [path.read_bytes() for path in files]
    check(sample[0], authorities), bare_pyhanko(sample[0], roots)  # imports and caches warmed
    ratios = []
    for n in range(passes):
        floor = verify = 0.0
        for pdf in sample:
            start = time.process_time()
            bare_pyhanko(pdf, roots)
            middle = time.process_time()
            assert check(pdf, authorities).result is not None
            floor, verify = floor + middle - start, verify + time.process_time() - middle
        ratios.append(verify / floor)
        print(
            f"pass {n + 1}: floor {floor / count * 1000:.1f} ms, verified {verify / count * 1000:.1f} ms a sheet, "
            f"{verify / floor:.3f}× (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    print(f"median {statistics.median(ratios):.3f}×")
    return statistics.median(ratios)


def _cpu() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def imported(count: int, workers: int) -> None:
    from benchmarks.bench_sheets import fresh_database, imported_all
    from benchmarks.sheet_cache import signed_sheets
    from c2i2e_jury.services.sheet_import import import_sheets

    files, pem = signed_sheets(count)
    with tempfile.TemporaryDirectory() as folder:
        db = fresh_database(Path(folder) / "import.sqlite", pem, count)
        load = os.getloadavg()[0]
        (own, children), start = _cpu(), time.perf_counter()
        imported_all(import_sheets(db, files, workers=workers))
        (own_after, children_after), wall = _cpu(), time.perf_counter() - start
        db.dispose()
    main, verifying = own_after - own, children_after - children
    print(
        f"{count} sheets, {workers} workers: CPU {main:.1f} s importing process + {verifying:.1f} s workers "
        f"({(main + verifying) / count * 1000:.1f} ms a sheet); wall {wall:.1f} s; load {load:.1f} -> "
        f"{os.getloadavg()[0]:.1f}"
    )


def main(argv: list[str]) -> None:
    logging.getLogger("c2i2e_jury").setLevel(logging.WARNING)
    numbers = [int(a) for a in argv[1:]]
    if argv[:1] == ["pairs"]:
        pairs(*(numbers + [100, 3][len(numbers) :]))
    elif argv[:1] == ["import"]:
        imported(*(numbers + [1000, 2][len(numbers) :]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
