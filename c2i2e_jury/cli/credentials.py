"""``c2i2e-jury authority init`` and ``c2i2e-jury credential issue|passwd|revoke`` (docs/FORMATS.md §3).

Passphrases come from a prompt (never echoed, asked twice for a new one) or, for the secretariat's scripts, from
the environment: ``C2I2E_PASSPHRASE`` for the file being written (the new authority or credential, or the new
passphrase of ``passwd``), ``C2I2E_AUTHORITY_PASSPHRASE`` for the authority that issues, ``C2I2E_OLD_PASSPHRASE``
for the current passphrase of ``passwd``. Without either, the command stops with one sentence: it never reads a
passphrase from a pipe by accident.
"""

from __future__ import annotations

import argparse
from typing import Any

NEW_PASSPHRASE_ENV = "C2I2E_PASSPHRASE"
AUTHORITY_PASSPHRASE_ENV = "C2I2E_AUTHORITY_PASSPHRASE"
OLD_PASSPHRASE_ENV = "C2I2E_OLD_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 8


def register(subparsers: Any) -> None:
    authority = subparsers.add_parser(
        "authority",
        help="the campaign's signing authority",
        description="The campaign's signing authority (docs/FORMATS.md §3.1).",
    )
    authority_actions = authority.add_subparsers(dest="authority_command", metavar="ACTION", required=True)
    init = authority_actions.add_parser(
        "init",
        help="create the authority: DIR/authority.p12 (encrypted key) and DIR/authority.pem",
        description=f"Create a campaign authority. Passphrase: prompt, or ${NEW_PASSPHRASE_ENV}.",
    )
    init.add_argument(
        "--out", required=True, metavar="DIR", help="folder for authority.p12 and authority.pem"
    )
    init.add_argument("--name", metavar="NAME", help="the authority's name (default: Autorité C2i2e <year>)")
    init.set_defaults(handler=run_authority_init)

    credential = subparsers.add_parser(
        "credential",
        help="jurors' signing credentials",
        description="Jurors' (and the president's) signing credentials (docs/FORMATS.md §3.2).",
    )
    actions = credential.add_subparsers(dest="credential_command", metavar="ACTION", required=True)
    issue = actions.add_parser(
        "issue",
        help="issue a credential (PKCS#12) to a juror or the president",
        description=f"Issue a signing credential. Passphrases: prompts, or ${AUTHORITY_PASSPHRASE_ENV} (the "
        f"authority's) and ${NEW_PASSPHRASE_ENV} (the new file's).",
    )
    issue.add_argument(
        "name", metavar="NAME", help='the holder\'s name, as printed on the sheets ("Prénom Nom")'
    )
    issue.add_argument("--email", required=True, metavar="EMAIL", help="the holder's e-mail address")
    issue.add_argument("--authority", required=True, metavar="P12", help="the campaign's authority.p12")
    issue.add_argument("--out", required=True, metavar="FILE.p12", help="the credential to write")
    issue.add_argument(
        "--certificate-out",
        metavar="FILE.pem",
        help="also write the public certificate (for jurors.csv and the room kits)",
    )
    issue.set_defaults(handler=run_credential_issue)
    passwd = actions.add_parser(
        "passwd",
        help="change a credential's passphrase",
        description=f"Change a credential's passphrase. Passphrases: prompts, or ${OLD_PASSPHRASE_ENV} (current) "
        f"and ${NEW_PASSPHRASE_ENV} (new).",
    )
    passwd.add_argument("p12", metavar="P12", help="the credential file")
    passwd.set_defaults(handler=run_credential_passwd)
    revoke = actions.add_parser(
        "revoke",
        help="revoke a juror's credential from a date (a lost laptop)",
        description="Revoke a juror's credential in the database: sheets it signed from that moment on are refused "
        "by sheet import and sheet verify; sheets signed before stay valid.",
    )
    revoke.add_argument(
        "who",
        metavar="FINGERPRINT_OR_NAME",
        help="the certificate's SHA-256 fingerprint (or its first 8+ characters), or the juror's name "
        "as the campaign package lists it",
    )
    revoke.add_argument(
        "--from",
        dest="since",
        required=True,
        metavar="DATE",
        help="from when: YYYY-MM-DD (midnight) or 'YYYY-MM-DD HH:MM', local time",
    )
    revoke.add_argument(
        "--reason", required=True, metavar="TEXT", help="why, printed with every refused sheet"
    )
    revoke.set_defaults(handler=run_credential_revoke)


def read_passphrase(env: str, prompt: str, *, new: bool = False) -> str:
    """From ``env`` if set, else from the terminal (twice when ``new``); a pipe without ``env`` is refused."""
    import getpass
    import os
    import sys

    from c2i2e_jury.errors import UserError

    if env in os.environ:
        value = os.environ[env]
    elif sys.stdin is not None and sys.stdin.isatty():
        value = getpass.getpass(f"{prompt} : ")
        if new and getpass.getpass(f"{prompt} (encore une fois) : ") != value:
            raise UserError("Les deux saisies de la phrase de passe diffèrent : rien n'a été écrit.")
    else:
        raise UserError(f"Aucune phrase de passe : définir {env} ou lancer la commande dans un terminal.")
    if new and len(value) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            f"La phrase de passe doit compter au moins {MIN_PASSPHRASE_LENGTH} caractères : "
            "rien n'a été écrit."
        )
    return value


def _refuse_existing(*paths: str | None) -> None:
    from pathlib import Path

    from c2i2e_jury.errors import UserError

    for path in paths:
        if path and Path(path).exists():
            raise UserError(f"{path} existe déjà : rien n'a été écrasé.")


def run_authority_init(args: argparse.Namespace) -> int:
    from datetime import date
    from pathlib import Path

    from c2i2e_jury.exchange.credentials import AUTHORITY_P12, AUTHORITY_PEM, checked_name, init_authority

    out = Path(args.out)
    _refuse_existing(str(out / AUTHORITY_P12), str(out / AUTHORITY_PEM))
    name = checked_name(
        args.name or f"Autorité C2i2e {date.today().year}", "de l'autorité"
    )  # before passphrases
    passphrase = read_passphrase(NEW_PASSPHRASE_ENV, "Phrase de passe de la nouvelle autorité", new=True)
    files = init_authority(out, name, passphrase)
    print(f"Autorité « {name} » créée : {files.p12} (clé chiffrée) et {files.pem} (certificat public).")
    print(f"Empreinte SHA-256 : {files.fingerprint}")
    return 0


def run_credential_issue(args: argparse.Namespace) -> int:
    from pathlib import Path

    from c2i2e_jury.exchange.credentials import (
        certificate_pem,
        checked_name,
        issue_credential_file,
        write_atomically,
    )

    _refuse_existing(args.out, args.certificate_out)
    checked_name(args.name, "du titulaire")  # before the passphrases are asked
    authority_passphrase = read_passphrase(AUTHORITY_PASSPHRASE_ENV, f"Phrase de passe de {args.authority}")
    passphrase = read_passphrase(
        NEW_PASSPHRASE_ENV, f"Phrase de passe du nouveau certificat {args.out}", new=True
    )
    credential = issue_credential_file(
        args.authority, authority_passphrase, args.name, args.email, args.out, passphrase
    )
    if args.certificate_out:
        try:
            write_atomically(Path(args.certificate_out), certificate_pem(credential.certificate))
        except BaseException:  # no half-issued credential left behind: a retry would be refused
            Path(args.out).unlink(missing_ok=True)
            raise
    until = credential.certificate.not_valid_after_utc
    print(
        f"Certificat de signature délivré à {credential.name} <{args.email}> : {args.out}"
        + (f" (certificat public : {args.certificate_out})" if args.certificate_out else "")
    )
    print(f"Valable jusqu'au {until:%d/%m/%Y}. Empreinte SHA-256 : {credential.fingerprint}")
    return 0


def run_credential_passwd(args: argparse.Namespace) -> int:
    from c2i2e_jury.exchange.credentials import change_passphrase, load_credential

    old = read_passphrase(OLD_PASSPHRASE_ENV, f"Phrase de passe actuelle de {args.p12}")
    load_credential(args.p12, old)  # a wrong passphrase stops here, before the new one is asked
    new = read_passphrase(NEW_PASSPHRASE_ENV, "Nouvelle phrase de passe", new=True)
    change_passphrase(args.p12, old, new)
    print(f"Phrase de passe de {args.p12} changée.")
    return 0


def run_credential_revoke(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.revocations import parse_moment, revoke
    from c2i2e_jury.storage.database import open_database

    since = parse_moment(args.since)  # before the database is opened
    db = open_database(args.db)
    try:
        revoked = revoke(db, args.who, since, args.reason)
    finally:
        db.dispose()
    whose = f"de {revoked.name} " if revoked.name else ""
    verb = "révocation mise à jour" if revoked.updated else "révoqué"
    print(
        f"Certificat {whose}({revoked.fingerprint[:16]}…) {verb} à partir du {revoked.since:%d/%m/%Y à %H:%M} "
        f"(motif : {revoked.reason}) : les feuilles signées avec lui depuis sont refusées."
    )
    return 0
