"""The signed result sheets' use cases in one place (each lives in its own module):

- in the jury room (:mod:`sheet_signing`): :func:`check_signable`, :func:`result_for`, :func:`sign_and_lock`,
  :func:`reopen`, :func:`latest_sheet`; the paper fallback (:mod:`paper_sheet`): :func:`create_paper_sheet`;
- at the end of the day (:mod:`sheet_export`): :func:`export_signed`, :func:`day_candidates`;
- at the secretariat (:mod:`sheet_import`): :func:`import_sheets`, :func:`write_report`;
- which authority a sheet must chain to (:mod:`sheet_trust`): :func:`trust_roots_for`.
"""

from __future__ import annotations

from c2i2e_jury.services.paper_sheet import (
    PaperSheetError,
    create_paper_sheet,
    find_candidate,
    read_decisions,
)
from c2i2e_jury.services.sheet_export import SheetExportError, day_candidates, export_signed, sheet_file_name
from c2i2e_jury.services.sheet_import import SheetImportOutcome, import_sheets, summary, write_report
from c2i2e_jury.services.sheet_signing import (
    StoredSheet,
    check_signable,
    check_signers,
    latest_sheet,
    reopen,
    result_for,
    sign_and_lock,
    signing_problem,
)
from c2i2e_jury.services.sheet_trust import UnknownAuthority, trust_roots_for

__all__ = ["PaperSheetError", "SheetExportError", "SheetImportOutcome", "StoredSheet", "UnknownAuthority",
           "check_signable", "check_signers", "create_paper_sheet", "day_candidates", "export_signed",
           "find_candidate", "import_sheets", "latest_sheet", "read_decisions", "reopen", "result_for",
           "sheet_file_name", "sign_and_lock", "signing_problem", "summary", "trust_roots_for", "write_report"]
