"""The campaign package (docs/FORMATS.md §1): read, check everything, and either return it whole or refuse it
with every problem listed (file, line, column, the offending value, why). Nothing is stored here.

Each part is read where it is described: ``campaign.json`` (:mod:`.campaign_json`), the tables
(:mod:`.tables`), the candidates with their marks and prior validations (:mod:`.candidates`), the jurors and the
certificates (:mod:`.jurors`); the checks across them (dates, juries, president, evaluators) have their modules."""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.package.campaign_json import read_campaign
from c2i2e_jury.exchange.package.candidates import read_candidates, read_marks, read_prior
from c2i2e_jury.exchange.package.checks import Checker, Problem
from c2i2e_jury.exchange.package.dates import check_oral_dates
from c2i2e_jury.exchange.package.evaluators import check_evaluators
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord, JurorRecord
from c2i2e_jury.exchange.package.juries import check_juries
from c2i2e_jury.exchange.package.jurors import read_jurors, read_pem
from c2i2e_jury.exchange.package.president import check_president
from c2i2e_jury.exchange.package.source import REDO_ZIP, PackageSource
from c2i2e_jury.exchange.package.tables import read_table


class PackageError(UserError):
    def __init__(self, path: Path, problems: list[Problem]) -> None:
        count = len(problems)
        noun = "problème" if count == 1 else "problèmes"
        super().__init__(
            f"Le paquet {path.name} est refusé ({count} {noun}) : rien n'a été enregistré.",
            [str(p) for p in problems],
        )
        self.problems = problems


@dataclass
class CampaignPackage:
    path: Path
    source: PackageSource
    campaign: CampaignInfo
    candidates: list[CandidateRecord]
    jurors: list[JurorRecord]
    authority_pem: str | None
    root: str  # the folder inside the package holding campaign.json ("" at the top)
    warnings: list[Problem] = field(default_factory=list)  # said at import, not reasons to refuse

    def close(self) -> None:
        self.source.close()

    def members(self) -> list[str]:
        """The package's files (real member names), in a stable order."""
        return [name for name in self.source.names() if name.startswith(self.root)]


def read_package(path: Path, referential: Referential) -> CampaignPackage:
    """Read and check a whole package; raise PackageError listing every problem."""
    if not path.exists():
        raise UserError(f"Paquet introuvable : {path}.")
    source = _open(path)
    try:
        if source.refusal:
            raise PackageError(path, [Problem(path.name, None, None, None, source.refusal)])
        return _read(path, source, Checker(referential))
    except BaseException:
        source.close()
        raise


def _open(path: Path) -> PackageSource:
    try:
        return PackageSource(path)
    except UnicodeDecodeError as exc:  # zipfile decodes every name at once, as UTF-8 when the flag says so
        raise PackageError(
            path,
            [
                Problem(
                    path.name,
                    None,
                    None,
                    None,
                    f"un nom de fichier de l'archive n'est pas en UTF-8 comme elle l'annonce : {REDO_ZIP}",
                )
            ],
        ) from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise UserError(f"{path.name} n'est ni un dossier ni une archive .zip lisible ({exc}).") from exc


def _read(path: Path, source: PackageSource, check: Checker) -> CampaignPackage:
    for name in source.unsafe:
        check.add(name, None, None, None, "chemin qui sort du paquet (refusé, rien n'est écrit)")
    for name, why in source.broken.items():
        check.add(name, None, None, None, why)
    root = source.root
    campaign = read_campaign(source, root, check)
    candidates_table = read_table(source, root, "candidates", check, required=True)
    marks_table = read_table(source, root, "marks", check, required=True)
    prior_table = read_table(source, root, "prior", check, required=False)
    jurors_table = read_table(source, root, "jurors", check, required=False)
    candidates = read_candidates(candidates_table, source, root, check) if candidates_table else {}
    if campaign is not None and candidates_table:
        check_oral_dates(candidates_table, campaign, check)
    # An id is "unknown" only when candidates.csv could be read and does not list it: without a usable list (or
    # for a row of it already refused), every line of marks.csv would repeat what one problem already says.
    listed = (
        {row.get("candidate_id") for row in candidates_table.rows}
        if candidates_table and candidates
        else set()
    )
    if marks_table:
        read_marks(marks_table, candidates, check, listed)
    if prior_table:
        read_prior(prior_table, candidates, check, listed)
    jurors = read_jurors(jurors_table, source, root, check) if jurors_table else []
    check_juries(check, candidates_table if candidates else None, jurors_table, jurors)
    authority = (
        read_pem(source, root + "authority.pem", "authority.pem", None, check)
        if source.has(root + "authority.pem")
        else None
    )
    check_president(jurors_table, jurors, authority, check)
    check_evaluators(jurors_table, jurors, list(candidates.values()), authority, check)
    for name, why in source.unread_too_big().items():
        check.add(name[len(root) :] if name.startswith(root) else name, None, None, None, why)
    if check.problems or campaign is None:
        raise PackageError(path, check.problems)
    return CampaignPackage(
        path, source, campaign, list(candidates.values()), jurors, authority, root, check.warnings
    )
