"""The credentials revoked when a room kit is made, carried in the kit as ``revocations.csv`` (a file the
package reader ignores), so that the jury room, offline, refuses a revoked credential at signing as the
secretariat refuses its sheets at import. Columns: ``fingerprint;name;revoked_from;reason``, ``revoked_from``
in ISO 8601 with its offset (docs/FORMATS.md §1.8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from c2i2e_jury.exchange.package.checks import Problem
from c2i2e_jury.exchange.sheet_signers import Revocation
from c2i2e_jury.exchange.tabular import SheetError, excel_csv, read_csv

FILE_NAME = "revocations.csv"
COLUMNS = ("fingerprint", "name", "revoked_from", "reason")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


def revocations_csv(revocations: Iterable[Revocation]) -> bytes:
    return excel_csv(
        COLUMNS,
        ((r.fingerprint, r.name, r.since.isoformat(), r.reason) for r in revocations),
        ("fingerprint",),
    )


def read_revocations(data: bytes) -> tuple[list[Revocation], list[Problem]]:
    """The file's revocations, and a problem for each row that is not one (nothing of a bad row is kept)."""
    try:
        table = read_csv(FILE_NAME, data)
    except SheetError as exc:
        return [], [Problem(FILE_NAME, None, None, None, exc.why)]
    found, problems = [], []
    for row in table.rows:
        fingerprint, since, reason = (
            row.get("fingerprint").lower(),
            _moment(row.get("revoked_from")),
            row.get("reason"),
        )
        if not _FINGERPRINT.fullmatch(fingerprint):
            problems.append(
                Problem(row.file, row.line, "fingerprint", fingerprint[:80], "empreinte SHA-256 attendue")
            )
        elif since is None:
            problems.append(
                Problem(
                    row.file,
                    row.line,
                    "revoked_from",
                    row.get("revoked_from")[:80],
                    "date et heure ISO 8601 avec décalage attendues",
                )
            )
        elif not reason:
            problems.append(Problem(row.file, row.line, "reason", "", "motif obligatoire"))
        else:
            found.append(Revocation(fingerprint, row.get("name"), since, reason))
    return found, problems


def _moment(raw: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
