"""``c2i2e-jury dossier check PDF [--candidate ID | --name "NOM Prénom" --year 2017] [--json]``.

Prints the format report of a dossier (and, with ``--json``, the evidence map too; the JSON is documented in
:mod:`c2i2e_jury.dossier.check`). Exit code: 0 conform, 1 not conform, 2 unreadable or damaged. A refused command
line (unknown candidate, ``--name`` without ``--year``) is a one-sentence error with exit code 1, as for every
subcommand; argparse's own usage errors exit with 2.

``--candidate ID`` asks the database for the candidate's names and campaign year through :data:`lookup_candidate`,
the injection point the storage layer fills (see :func:`_default_lookup`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from c2i2e_jury.dossier.check import CheckResult
    from c2i2e_jury.dossier.expected import CandidateLookup, Expected

STATUS_TEXT = {"conform": "conforme", "not_conform": "non conforme", "unreadable": "illisible ou endommagé"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "dossier", help="candidate dossiers (PDF)", description="Candidate dossiers."
    )
    actions = parser.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="the format report of a dossier",
        description="The format report of a dossier: 10 to 20 pages, paginated, name and year on the first page, "
        "introduction, parts 1-4, conclusion of 2 pages or more. Exit code: 0 conform, "
        "1 not conform, 2 unreadable or damaged.",
    )
    check.add_argument("pdf", metavar="PDF", help="the dossier file")
    who = check.add_mutually_exclusive_group()
    who.add_argument("--candidate", metavar="ID", help="check the name and year of this candidate (database)")
    who.add_argument("--name", metavar='"NOM Prénom"', help="check this name (last name in capitals first)")
    check.add_argument("--year", type=int, metavar="YEAR", help="the campaign year, with --name (e.g. 2017)")
    check.add_argument("--json", action="store_true", help="print the report and the evidence map as JSON")
    check.set_defaults(handler=run_check)


def _default_lookup(db_url: str | None, candidate_id: str) -> Expected:
    """The database side provides ``c2i2e_jury.services.dossiers.expected_for_candidate(db_url, candidate_id)``."""
    from c2i2e_jury.errors import UserError

    try:
        from c2i2e_jury.services.dossiers import expected_for_candidate
    except ModuleNotFoundError as exc:
        if exc.name != "c2i2e_jury.services.dossiers":
            raise
        raise UserError(
            "--candidate : la base de données n'est pas encore disponible ; utiliser --name et --year."
        ) from exc
    result: Expected = expected_for_candidate(db_url, candidate_id)
    return result


# The injection point: given the --db URL (None: the default database) and a candidate id, the candidate's names
# and campaign year. Tests and the services layer may replace it.
lookup_candidate: CandidateLookup = _default_lookup


def run_check(args: argparse.Namespace, lookup: CandidateLookup | None = None) -> int:
    import json

    from c2i2e_jury.dossier.check import check_dossier

    expected = _expected(args, lookup or lookup_candidate)
    result = check_dossier(args.pdf, expected)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_result(result))
    return result.exit_code


def _expected(args: argparse.Namespace, lookup: CandidateLookup) -> Expected | None:
    from c2i2e_jury.dossier.expected import Expected
    from c2i2e_jury.errors import UserError

    if args.candidate:
        if args.year is not None:
            raise UserError("--year va avec --name ; avec --candidate, l'année est celle de sa campagne.")
        return lookup(getattr(args, "db", None), args.candidate)
    if args.name:
        if args.year is None:
            raise UserError("--name demande aussi --year (l'année de la campagne, par exemple 2017).")
        return Expected.from_display_name(args.name, args.year)
    if args.year is not None:
        raise UserError("--year va avec --name « NOM Prénom ».")
    return None


def format_result(result: CheckResult) -> str:
    """The report as the secretariat reads it in a terminal."""
    pages = f" ({result.pages} pages)" if result.pages is not None else ""
    lines = [f"{result.file} : {STATUS_TEXT[result.status]}{pages}"]
    for finding in result.findings:
        lines.append(f"  [{'ok' if finding.ok else 'NON'}] {finding.message}")
    if result.evidence is not None:
        uncited = result.evidence.uncited()
        cited = len(result.evidence.items) - len(uncited)
        lines.append(
            f"Items cités : {cited} sur {len(result.evidence.items)}"
            + (f" ; jamais cités : {', '.join(uncited)}." if uncited else ".")
        )
    return "\n".join(lines)
