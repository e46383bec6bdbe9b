"""``c2i2e-jury sheet verify SHEET [--trust authority.pem] [--json]`` (PRODUCT.md §4.2, §4.4).

Exit 0 and the result (with ``--json``, the embedded ``c2i2e-result.json`` exactly as signed); exit 1 and one
sentence when the sheet is refused. The campaign authority comes from ``--trust``, or else from
:data:`trust_roots_provider`: the injection point the database side fills (see :func:`default_trust_roots`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

    from c2i2e_jury.exchange.signatures import VerifiedSheet

STATUS_TEXT = {"examined": "examiné", "absent": "absent (abandon)", "not_admitted": "non admis"}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sheet", help="signed result sheets", description="Signed result sheets (§4.2).")
    actions = parser.add_subparsers(dest="sheet_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="verify a signed result sheet",
        description="Verify a signed result sheet: both jurors' signatures, nothing changed since, signers issued "
                    "by the campaign authority, embedded JSON valid and matching the visible sheet. "
                    "Exit code: 0 valid, 1 refused.")
    verify.add_argument("sheet", metavar="SHEET", help="the signed PDF")
    verify.add_argument("--trust", metavar="PEM", help="the campaign authority's certificate (authority.pem); "
                                                      "default: the authority known to the database")
    verify.add_argument("--json", action="store_true", help="print the embedded c2i2e-result.json")
    verify.set_defaults(handler=run_verify)


def default_trust_roots(args: argparse.Namespace, pdf: bytes) -> list[Certificate]:
    """The campaign authority known to the database, for the campaign the sheet belongs to.

    The database side replaces :data:`trust_roots_provider` with a function of the same signature (it may read
    the campaign id from the sheet's JSON, or try every campaign's ``authority_pem``); until then, ``--trust`` is
    required.
    """
    from c2i2e_jury.errors import UserError

    raise UserError("Aucune autorité donnée : utiliser --trust authority.pem.")


# The injection point: (arguments, the sheet's bytes) -> the campaign authority's certificates.
trust_roots_provider: Callable[[argparse.Namespace, bytes], list[Certificate]] = default_trust_roots


def run_verify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.credentials import load_certificates
    from c2i2e_jury.exchange.signatures import verify_sheet
    from c2i2e_jury.resources_access import referential

    try:
        pdf = Path(args.sheet).read_bytes()
    except OSError as exc:
        raise UserError(f"Impossible de lire {args.sheet} : {exc.strerror}.") from exc
    if args.trust:
        try:
            roots = load_certificates(Path(args.trust).read_bytes(), args.trust)
        except OSError as exc:
            raise UserError(f"Impossible de lire {args.trust} : {exc.strerror}.") from exc
    else:
        roots = trust_roots_provider(args, pdf)
    verified = verify_sheet(pdf, roots, referential())
    if args.json:
        print(verified.json_bytes.decode("utf-8"))
    else:
        print(describe(args.sheet, verified))
    return 0


def describe(name: str, verified: VerifiedSheet) -> str:
    """The verified sheet in a few lines, as the secretariat reads it in a terminal."""
    r = verified.result
    c = r["candidate"]
    outcome = r["outcome"]
    version = f"version {r['version']}" + (f", remplace la version {r['supersedes']}" if r["supersedes"] else "")
    lines = [
        f"{name} : feuille valide.",
        f"Campagne {r['campaign']} — {c['last_name'].upper()} {c['first_name']} (n° {c['id']}), {version}.",
        f"Statut : {STATUS_TEXT[r['status']]} ; {outcome['validated']} compétences validées sur "
        f"{len(r['items'])} ; certificat {'délivré' if outcome['certificate'] else 'non délivré'}.",
        outcome["explanation"],
    ]
    for signer in verified.signers:
        when = f" le {signer.signed_at:%d/%m/%Y à %H:%M}" if signer.signed_at else ""
        lines.append(f"{signer.field} : {signer.name}{when} (certificat {signer.fingerprint[:16]}…).")
    return "\n".join(lines)
