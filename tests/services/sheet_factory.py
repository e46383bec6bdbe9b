"""Real campaigns with an authority and jurors' certificates, real orals decided, real signed sheets (no mocks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credentials import Credential
from c2i2e_jury.exchange.result_json import outcome_json, situation_of
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import sign_sheet_with
from c2i2e_jury.services import jury_room, oral_timer
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Candidate
from tests.exchange.package.factory import CANDIDATES, write_package
from tests.exchange.result_examples import example_result
from tests.exchange.signing_factory import ISSUED, PARIS_SUMMER, PASSPHRASES, Pki, make_pki

CAMPAIGN_ID = "test-2017"
SIGNING = datetime(2017, 6, 12, 14, 40, tzinfo=PARIS_SUMMER)


def current_pki(folder: Path) -> Pki:
    """Like :func:`make_pki`, issued now: for commands that sign at the real time."""
    folder.mkdir(parents=True, exist_ok=True)
    authority = credentials.create_authority("Autorité C2i2e (essai)")
    authority_pem = folder / "authority.pem"
    authority_pem.write_bytes(credentials.certificate_pem(authority.certificate))
    jurors, paths = [], []
    for i, name in enumerate(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")):
        juror = credentials.issue_credential(authority, name, f"jure{i + 1}@example.fr")
        path = folder / f"jure{i + 1}.p12"
        path.write_bytes(credentials.to_pkcs12(juror, PASSPHRASES[i]))
        jurors.append(juror)
        paths.append(path)
    return Pki(
        authority, folder / "authority.p12", authority_pem, (jurors[0], jurors[1]), (paths[0], paths[1])
    )


def package_with_pki(
    root: Path,
    pki: Pki,
    *,
    candidates: list[str] | None = None,
    marks: list[str] | None = None,
    register_jurors: bool = True,
    president: Credential | None = None,
    campaign: dict[str, Any] | None = None,
) -> Path:
    """The test package (campaign test-2017, jury J1) with the authority and, optionally, the jurors' certificates
    and the certification jury's president (a ``president`` row of jurors.csv, with the certificate)."""
    write_package(root, candidates=candidates, marks=marks, campaign=campaign)
    (root / "authority.pem").write_bytes(pki.authority_pem.read_bytes())
    lines = ["jury;name;email;certificate"]
    if register_jurors:
        for i, juror in enumerate(pki.jurors):
            (root / f"jure{i + 1}.pem").write_bytes(credentials.certificate_pem(juror.certificate))
            lines.append(f"J1;{juror.name};jure{i + 1}@example.fr;jure{i + 1}.pem")
    if president is not None:
        (root / "president.pem").write_bytes(credentials.certificate_pem(president.certificate))
        lines.append(f"president;{president.name};presidence@example.fr;president.pem")
    if len(lines) > 1:
        (root / "jurors.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return root


def import_with_pki(db: Database, root: Path, pki: Pki, **kwargs: Any) -> dict[str, int]:
    import_package(db, package_with_pki(root, pki, **kwargs), DossierStore())
    with db.read() as s:
        return {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}


def clock(start: datetime = SIGNING - timedelta(minutes=40)):
    """A clock that moves one second a call: every change gets its own time, no sleeping."""
    ticks = iter(range(10**6))
    return lambda: start + timedelta(seconds=next(ticks))


class FakeClock:
    """Wall and monotonic time that move only when the test says so."""

    def __init__(self, start: datetime) -> None:
        self.start, self.seconds = start, 0.0

    def monotonic(self) -> float:
        return self.seconds

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


def run_timer(
    db: Database,
    pk: int,
    *,
    start: datetime,
    steps: tuple[str, ...] = ("start", "discussion", "end"),
    minutes: float = 10,
) -> None:
    """The oral's timer driven as the jury does (F5 start, F6 discussion, F8 end), ``minutes`` between steps."""
    clocks = FakeClock(start)
    timer = oral_timer.build_timer(
        db, jury_room.candidate_file(db, pk), monotonic=clocks.monotonic, wall=clocks.wall
    )
    commands = {
        "start": timer.start,
        "discussion": timer.start_discussion,
        "end": timer.end,
        "pause": lambda: timer.pause("Vidéoprojecteur éteint"),
    }
    for step in steps:
        event = commands[step]()
        oral_timer.record_event(db, pk, event)
        timer.apply(event)
        clocks.seconds += minutes * 60


def decide_all(
    db: Database,
    pk: int,
    *,
    overrides: dict[str, tuple[Mark, str]] | None = None,
    oral: tuple[str, ...] = ("start", "discussion", "end"),
) -> None:
    """The candidate present, the oral held on the timer (``oral``: its steps) and every item not acquired
    decided as the evaluator marked it (or ``overrides``: item -> (decision, justification))."""
    now = clock()
    jury_room.check_in(db, pk, Attendance.PRESENT, now=now)
    file = jury_room.candidate_file(db, pk)
    for row in file.items:
        if row.acquired:
            continue
        decision, justification = (overrides or {}).get(row.code, (row.evaluator or Mark.VALIDATED, ""))
        jury_room.decide(
            db,
            pk,
            row.code,
            decision,
            comment=f"Vu à l'oral : {row.code}.",
            justification=justification or None,
            now=now,
        )
    if oral:
        run_timer(db, pk, start=SIGNING - timedelta(minutes=35), steps=oral)


@dataclass(frozen=True)
class Outsider:
    """Someone with a credential from another authority."""

    authority: Credential
    juror: Credential


def outsider() -> Outsider:
    authority = credentials.create_authority("Autorité pirate", now=ISSUED)
    return Outsider(
        authority, credentials.issue_credential(authority, "Mallory Dupont", "m@example.fr", now=ISSUED)
    )


def make_sheet(
    referential: Any,
    jurors: tuple[Credential, Credential],
    candidate: str = "C1",
    *,
    version: int = 1,
    status: str = "examined",
    nv: tuple[str, ...] = (),
    when: datetime = SIGNING,
    campaign: str = CAMPAIGN_ID,
) -> bytes:
    """A signed sheet for a candidate of the test campaign, built straight from JSON (fast: no database)."""
    entries = [{"name": j.name, "fingerprint": j.fingerprint} for j in jurors]
    result = example_result(referential, entries, status=status, version=version)
    names = {line.split(";")[0]: line.split(";")[1:3] for line in CANDIDATES}
    last, first = names.get(candidate, ("Inconnu", "Candidat"))
    result["campaign"], result["campaign_title"] = campaign, "Campagne de test"
    result["candidate"] = {"id": candidate, "last_name": last, "first_name": first}
    for entry in result["items"]:
        if entry["item"] in nv and entry["jury"]:
            entry["jury"], entry["comment"] = "NV", "Non démontré."
            entry.pop("justification", None)
            if entry["evaluator"] == "V":
                entry["justification"] = "Non démontré à l'oral."
    from c2i2e_jury.domain.rules import evaluate

    result["outcome"] = outcome_json(evaluate(referential, situation_of(result)))
    pdf = render_sheet(result, referential)
    for field, juror, seconds in zip(("Juré 1", "Juré 2"), jurors, (0, 40), strict=True):
        pdf = sign_sheet_with(pdf, juror, field, timestamp=when + timedelta(seconds=seconds))
    return pdf


__all__ = [
    "CAMPAIGN_ID",
    "PASSPHRASES",
    "SIGNING",
    "FakeClock",
    "Outsider",
    "clock",
    "current_pki",
    "decide_all",
    "import_with_pki",
    "make_pki",
    "make_sheet",
    "outsider",
    "package_with_pki",
    "run_timer",
]
