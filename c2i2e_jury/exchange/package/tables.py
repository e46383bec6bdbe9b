"""A package's tables (candidates, marks, prior validations, jurors) read from CSV, XLSX or ODS, whichever the
package holds, each cell checked against its limit."""

from __future__ import annotations

import zipfile

from c2i2e_jury.exchange.ods import read_ods
from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.format import CELL_LIMITS
from c2i2e_jury.exchange.package.limits import sheet_limits
from c2i2e_jury.exchange.package.source import PackageSource, UnreadableMember
from c2i2e_jury.exchange.tabular import SheetError, Table, read_csv, read_xlsx


def read_table(source: PackageSource, root: str, stem: str, check: Checker, required: bool) -> Table | None:
    try:
        for suffix, read in (("csv", read_csv), ("xlsx", read_xlsx), ("ods", read_ods)):
            if source.has(f"{root}{stem}.{suffix}"):
                table = read(f"{stem}.{suffix}", source.read(f"{root}{stem}.{suffix}"), sheet_limits(stem))
                return check.cells(table, CELL_LIMITS.get(stem, {}))
    except SheetError as exc:
        check.add(exc.name, None, None, None, exc.why)
        return None
    except UnreadableMember as exc:
        check.add(exc.name[len(root) :], None, None, None, exc.why)
        return None
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        check.add(f"{stem}.csv/.xlsx", None, None, None, f"illisible ({exc})")
        return None
    if required:
        check.add(f"{stem}.csv", None, None, None, "fichier manquant (ou la même feuille en .xlsx ou .ods)")
    return None


def has_columns(table: Table, required: tuple[str, ...], check: Checker) -> bool:
    missing = [c for c in required if c not in table.columns]
    for column in missing:
        check.add(table.file, 1, column, None, "colonne obligatoire absente")
    return not missing
