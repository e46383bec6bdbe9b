"""``c2i2e-jury dossier check``: the whole check of one dossier file, as data, as JSON and as an exit code.

Opens the file, reads every page (text, and a thumbnail render so that broken images show up as damage), builds
the format report and the evidence map. The JSON (``CheckResult.to_json()``, printed by ``--json``) is stable::

    {
      "file": "dupont.pdf",              # the path as given
      "sha256": "9f2c…",                 # of the file's bytes; null if the file could not be read
      "pages": 14,                       # null when the file could not be opened
      "conform": true,                   # status == "conform"
      "status": "conform",               # "conform" | "not_conform" | "unreadable"
      "findings": [                      # the format report, in this order (an unopenable file has only
        {"check": "integrity",           #   the "integrity" finding):
         "ok": true,                     #   integrity, page_count, page_numbers, name, year, introduction,
         "message": "Fichier lisible…",  #   part_1, part_2, part_3, part_4, conclusion
         "pages": []}                    # 1-based pages the finding concerns
      ],
      "evidence": {                      # the 28 items in the referential's order ({} when unopenable)
        "A1.1": {"cited_on": [9], "part": 3, "part_starts_on": 9}   # part_starts_on null if not found
      }
    }

Exit codes: 0 conform, 1 not conform, 2 unreadable or damaged (not a PDF, empty, encrypted, no page, repaired by
MuPDF, pages raising errors). Messages are in French: the jury reads them.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from c2i2e_jury.dossier.damage import DossierError
from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.evidence import EvidenceMap
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.report import Finding, FormatReport

log = logging.getLogger(__name__)

EXIT_CODES = {"conform": 0, "not_conform": 1, "unreadable": 2}


@dataclass(frozen=True)
class CheckResult:
    file: str
    sha256: str | None
    report: FormatReport | None = None
    evidence: EvidenceMap | None = None
    error: str | None = None  # why the file could not be opened

    @property
    def pages(self) -> int | None:
        return self.report.pages if self.report else None

    @property
    def status(self) -> str:
        return self.report.status if self.report else "unreadable"

    @property
    def conform(self) -> bool:
        return self.status == "conform"

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    @property
    def findings(self) -> tuple[Finding, ...]:
        if self.report is not None:
            return self.report.findings
        return (Finding("integrity", False, self.error or "Fichier illisible."),)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "pages": self.pages,
            "conform": self.conform,
            "status": self.status,
            "findings": [f.to_json() for f in self.findings],
            "evidence": self.evidence.to_json() if self.evidence else {},
        }


def check_dossier(path: Path | str, expected: Expected | None = None, render: bool = True) -> CheckResult:
    """Check one dossier file. Never raises for a bad file: an unreadable one is a result too."""
    label = str(path)
    try:
        dossier = open_dossier(Path(path))
    except DossierError as exc:
        log.info("dossier %s refused: %s", label, exc.message)
        return CheckResult(label, _sha256(Path(path)), error=exc.message)
    with dossier:
        dossier.probe(render=render)
        return CheckResult(label, dossier.sha256, dossier.report(expected), dossier.evidence())


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
