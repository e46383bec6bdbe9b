"""``c2i2e-jury marks …`` and ``c2i2e-jury rework …`` (issue 17, docs/FORMATS.md §8.6): the evaluator's signed
marks and the rework requests, for scripts and for the evaluator without the workspace.

- ``marks sign OUT_DIR --sign P12 [--candidate ID …] [--batch]``: the evaluator signs the marks stored in this
  database (an evaluator kit imported) into ``OUT_DIR`` (passphrase: prompt, or ``$C2I2E_PASSPHRASE_1``);
- ``marks import FILE_OR_FOLDER …``: the secretariat imports signed marks files (a line per file; exit 1 when one
  was refused);
- ``rework request CANDIDATE --requirement TEXT … --by NAME``: the evaluator asks a rework (once);
- ``rework state``: the candidates asked a rework, pending or redeposited (what the admission list reads);
- ``rework redeposit CANDIDATE PDF``: the reworked dossier replaces the first, the format report runs again.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

PASSPHRASE_ENV = "C2I2E_PASSPHRASE_1"


def register(sub: Any) -> None:
    marks = sub.add_parser("marks", help="the evaluator's signed marks").add_subparsers(dest="marks_command")
    sign = marks.add_parser("sign", help="sign the evaluator's marks into a folder (one PDF per candidate)")
    sign.add_argument("out_dir", type=Path)
    sign.add_argument("--sign", required=True, type=Path, metavar="P12", help="the evaluator's credential")
    sign.add_argument("--candidate", action="append", default=[], metavar="ID", help="(default: all)")
    sign.add_argument("--batch", action="store_true", help="one PDF for all the candidates")
    sign.add_argument("--campaign", dest="campaign_id", metavar="ID")
    sign.set_defaults(handler=sign_command)
    imp = marks.add_parser("import", help="import signed marks files (PDF, folder or zip)")
    imp.add_argument("paths", nargs="+", type=Path)
    imp.set_defaults(handler=import_command)
    rework = sub.add_parser("rework", help="rework requests (« demande de re-travail »)").add_subparsers(
        dest="rework_command"
    )
    request = rework.add_parser("request", help="ask a candidate to rework the dossier (once per campaign)")
    request.add_argument("candidate")
    request.add_argument("--requirement", action="append", default=[], metavar="TEXT")
    request.add_argument("--by", required=True, metavar="NAME", help="the evaluator")
    request.add_argument("--campaign", dest="campaign_id", metavar="ID")
    request.set_defaults(handler=request_command)
    state = rework.add_parser("state", help="the rework requests of the campaign")
    state.add_argument("--campaign", dest="campaign_id", metavar="ID")
    state.set_defaults(handler=state_command)
    again = rework.add_parser("redeposit", help="the reworked dossier replaces the first")
    again.add_argument("candidate")
    again.add_argument("pdf", type=Path)
    again.add_argument("--campaign", dest="campaign_id", metavar="ID")
    again.set_defaults(handler=redeposit_command)


def _open(args: argparse.Namespace) -> tuple[Any, str]:
    from c2i2e_jury.services.room_kits import resolve_campaign_id
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        return db, resolve_campaign_id(db, args.campaign_id)
    except BaseException:
        db.dispose()
        raise


def sign_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.cli.credentials import read_passphrase
    from c2i2e_jury.exchange.credentials import load_credential
    from c2i2e_jury.services.evaluation import candidates_to_evaluate
    from c2i2e_jury.services.marks_export import export_signed_marks

    credential = load_credential(
        args.sign, read_passphrase(PASSPHRASE_ENV, f"Phrase de passe de {args.sign}")
    )
    db, campaign_id = _open(args)
    try:
        ids = args.candidate or [c.candidate_id for c in candidates_to_evaluate(db, campaign_id)]
        files = export_signed_marks(db, campaign_id, ids, credential, args.out_dir, batch=args.batch)
    finally:
        db.dispose()
    for exported in files:
        print(f"{exported.path} : {', '.join(exported.candidate_ids)}")
    return 0


def import_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.marks_import import import_marks, summary
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        outcomes = import_marks(db, args.paths)
    finally:
        db.dispose()
    for o in outcomes:
        who = f" [{', '.join(o.candidate_ids)}]" if o.candidate_ids else ""
        print(f"{o.file} : {o.status}{who} — {o.message}")
    print(summary(outcomes))
    return 1 if any(o.status == "rejected" for o in outcomes) else 0


def request_command(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from c2i2e_jury.services.evaluation import EvaluationError, request_rework
    from c2i2e_jury.storage.models import Candidate

    db, campaign_id = _open(args)
    try:
        with db.read() as session:
            pk = session.scalar(
                select(Candidate.pk).where(
                    Candidate.campaign_id == campaign_id, Candidate.candidate_id == args.candidate
                )
            )
        if pk is None:
            raise EvaluationError(f"Candidat inconnu dans la campagne : {args.candidate}.")
        request = request_rework(db, pk, args.requirement, args.by)
    finally:
        db.dispose()
    print(f"{args.candidate} : re-travail demandé le {request.requested_at.astimezone():%d/%m/%Y à %H:%M}")
    return 0


def state_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.rework import rework_state

    db, campaign_id = _open(args)
    try:
        states = rework_state(db, campaign_id)
    finally:
        db.dispose()
    for cid, s in sorted(states.items()):
        when = f"{s.requested_at.astimezone():%d/%m/%Y}"
        if s.pending:
            print(f"{cid} : re-travail demandé le {when} par {s.requested_by}, en attente du nouveau dossier")
        else:
            conform = "conforme" if s.redeposit_conform else "non conforme"
            print(
                f"{cid} : re-travail demandé le {when}, redéposé le {s.redeposited_at.astimezone():%d/%m/%Y} ({conform})"
            )
    if not states:
        print("Aucune demande de re-travail.")
    return 0


def redeposit_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.rework import redeposit

    db, campaign_id = _open(args)
    try:
        done = redeposit(db, campaign_id, args.candidate, args.pdf)
    finally:
        db.dispose()
    verdict = "conforme" if done.conform else "non conforme : " + " ; ".join(done.failures)
    print(f"{done.candidate_id} : dossier redéposé ({done.sha256[:12]}…), rapport de format {verdict}")
    return 0
