"""The result sheet: made and signed by both jurors (target ≤ 1 s), verified (target ≤ 150 ms).

Signing reads each juror's PKCS#12 file with its passphrase, as the jury room does; verifying includes pyHanko's
difference analysis of the second signature's revision, the chain to the authority, the JSON Schema and the
comparison of the JSON with the pages' text. The floors show what the bare steps cost in the same run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from benchmarks.harness import Benchmark

PASSPHRASES = ("phrase de passe du juré 1", "phrase de passe du juré 2")


def benchmarks(workdir: Path) -> list[Benchmark]:
    from c2i2e_jury.exchange import credentials
    from c2i2e_jury.exchange.result_json import to_bytes, validate_result
    from c2i2e_jury.exchange.sheet_pdf import render_sheet
    from c2i2e_jury.exchange.signatures import sign_sheet, verify_sheet
    from c2i2e_jury.resources_access import referential
    from tests.exchange.result_examples import example_result

    ref = referential()
    issued = datetime(2017, 1, 9, tzinfo=UTC)
    authority = credentials.create_authority("Autorité C2i2e (banc d'essai)", now=issued)
    p12s = []
    jurors = []
    for i, name in enumerate(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")):
        juror = credentials.issue_credential(authority, name, f"jure{i + 1}@example.fr", now=issued)
        path = workdir / f"jure{i + 1}.p12"
        path.write_bytes(credentials.to_pkcs12(juror, PASSPHRASES[i]))
        p12s.append(path)
        jurors.append({"name": juror.name, "fingerprint": juror.fingerprint})
    result = example_result(ref, jurors)
    paris = timezone(timedelta(hours=2))
    times = (datetime(2017, 6, 12, 14, 41, tzinfo=paris), datetime(2017, 6, 12, 14, 42, tzinfo=paris))

    def make_and_sign() -> bytes:
        pdf = render_sheet(result, ref)
        for field, path, passphrase, when in zip(("Juré 1", "Juré 2"), p12s, PASSPHRASES, times, strict=True):
            pdf = sign_sheet(pdf, path, passphrase, field, timestamp=when)
        return pdf

    signed = make_and_sign()  # also warms the imports up, which a one-run --quick would otherwise time
    roots = [authority.certificate]
    assert verify_sheet(signed, roots, ref).json_bytes == to_bytes(result)

    return [
        Benchmark(
            "sheet: made and signed by both jurors",
            make_and_sign,
            runs=5,
            max_seconds=1.0,
            floor=lambda: render_sheet(result, ref),
            floor_name="sheet made, unsigned",
        ),
        Benchmark(
            "sheet: verified",
            lambda: verify_sheet(signed, roots, ref),
            runs=9,
            max_seconds=0.150,
            floor=lambda: validate_result(result, ref),
            floor_name="JSON checked against schema and rules",
        ),
    ]
