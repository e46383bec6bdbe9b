"""Every kind of PDF the program writes, unsigned and signed as the program signs it, for people whose names
hold letters from Latin Extended-A and Vietnamese: the result sheet (unsigned, after juror 1, after juror 2),
the PV (unsigned, signed by the president), a certificate and an attestation (unsigned, signed), the attendance
sheet. Real credentials, real signatures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.attendance_pdf import AttendanceDay, AttendanceLine, JuryLine, render_attendance
from c2i2e_jury.exchange.certificate_pdf import render_document, signed_pdf
from c2i2e_jury.exchange.certificates import Statement, sign
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with
from c2i2e_jury.exchange.pv_pdf import PRESIDENT_FIELD, PvCandidate, PvContent, PvMember, render_pv
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import sign_sheet_with
from c2i2e_jury.resources_access import referential
from tests.exchange.result_examples import example_result
from tests.exchange.signing_factory import ISSUED, SIGNED_AT

WALESA = ("Wałęsa", "Łucja")
NGUYEN = ("Nguyễn", "Thị Ánh")
JURORS = ("Trần Văn Đức", "Ștefan Kőrösi-Dvořák")
PRESIDENT = "Łukasz Wróbel"
DRAWN_UP = datetime(2017, 7, 10, 9, 30, tzinfo=UTC)
ISSUED_AT = datetime(2017, 7, 10, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Kind:
    pdf: bytes
    names: tuple[str, ...]  # as the pages print them, exactly
    created: datetime


@cache
def _pki() -> tuple[credentials.Credential, tuple[credentials.Credential, ...], credentials.Credential]:
    authority = credentials.create_authority("Autorité C2i2e — Kraków 2017", now=ISSUED)
    jurors = tuple(
        credentials.issue_credential(authority, name, f"j{i}@example.fr", now=ISSUED)
        for i, name in enumerate(JURORS)
    )
    president = credentials.issue_credential(authority, PRESIDENT, "president@example.fr", now=ISSUED)
    return authority, jurors, president


def authority() -> credentials.Credential:
    return _pki()[0]


@cache
def kinds() -> dict[str, Kind]:
    """Built once per test process: signing takes a moment."""
    return _sheets() | _pv() | _documents() | _attendance() | _letters()


def _sheets() -> dict[str, Kind]:
    _, jurors, _ = _pki()
    result = example_result(referential(), [{"name": j.name, "fingerprint": j.fingerprint} for j in jurors])
    result["candidate"] = {"id": "2017-077", "last_name": WALESA[0], "first_name": WALESA[1]}
    names = (f"{WALESA[0].upper()} {WALESA[1]}", *JURORS)
    created = datetime.fromisoformat(result["signed_at"])
    unsigned = render_sheet(result, referential())
    once = sign_sheet_with(unsigned, jurors[0], "Juré 1", timestamp=SIGNED_AT[0])
    twice = sign_sheet_with(once, jurors[1], "Juré 2", timestamp=SIGNED_AT[1])
    return {
        "sheet": Kind(unsigned, names, created),
        "sheet, juror 1 signed": Kind(once, names, created),
        "sheet, both signed": Kind(twice, names, created),
    }


def _pv() -> dict[str, Kind]:
    _, _, president = _pki()
    people = (
        PvCandidate(
            "C1", WALESA[0], WALESA[1], "examined", 27, True, "Certificat délivré.", 1, decided="certificate"
        ),
        PvCandidate(
            "C2", NGUYEN[0], NGUYEN[1], "examined", 20, False, "Attestation.", 1, decided="attestation"
        ),
    )
    content = PvContent(
        "krakow-2017",
        "C2i2e — Kraków 2017",
        date(2017, 7, 10),
        "Kraków",
        (PvMember(PRESIDENT, "Président"), PvMember(JURORS[0])),
        people,
        signed_at=DRAWN_UP,
    )
    names = (WALESA[0].upper(), WALESA[1], NGUYEN[0].upper(), NGUYEN[1], PRESIDENT, JURORS[0])
    unsigned = render_pv(content)
    signed = sign_pdf_with(
        unsigned, president, PRESIDENT_FIELD, timestamp=datetime(2017, 7, 10, 17, tzinfo=UTC)
    )
    return {"PV": Kind(unsigned, names, DRAWN_UP), "PV, signed": Kind(signed, names, DRAWN_UP)}


def _documents() -> dict[str, Kind]:
    _, _, president = _pki()
    ref = referential()
    out = {}
    for kind, (last, first), items in (
        ("certificate", WALESA, ref.codes),
        ("attestation", NGUYEN, ref.codes[:5]),
    ):
        statement = Statement(
            kind,
            "krakow-2017",
            "C2i2e — Kraków 2017",
            2017,
            f"C-{kind}",
            last,
            first,
            tuple((code, 2017) for code in items),
            date(2017, 7, 10),
            ISSUED_AT,
            PRESIDENT,
        )
        document = sign(statement, president)
        names = (statement.full_name, PRESIDENT)
        out[kind] = Kind(render_document(document, ref), names, ISSUED_AT)
        out[f"{kind}, signed"] = Kind(signed_pdf(document, ref, president), names, ISSUED_AT)
    return out


def _attendance() -> dict[str, Kind]:
    lines = (
        AttendanceLine("08:30", WALESA[0], WALESA[1], "C1"),
        AttendanceLine("09:15", NGUYEN[0], NGUYEN[1], "C2"),
    )
    day = AttendanceDay(date(2017, 6, 12), (JuryLine("J1", JURORS),), lines)
    pdf = render_attendance("C2i2e — Kraków 2017", "Salle 2ᵉ étage", [day], created=DRAWN_UP)
    names = (WALESA[0].upper(), WALESA[1], NGUYEN[0].upper(), NGUYEN[1], *JURORS)
    return {"attendance sheet": Kind(pdf, names, DRAWN_UP)}


def _letters() -> dict[str, Kind]:
    from c2i2e_jury.exchange.convocation_pdf import Convocation, render_convocation
    from c2i2e_jury.exchange.letters import Letter, render_letter

    convocation = Convocation(
        "C1", NGUYEN[0], NGUYEN[1], "", date(2017, 6, 12), "08:30", "Salle 2ᵉ étage", "J1"
    )
    answer = Letter(
        "Réponse à une réclamation",
        "C2i2e — Kraków 2017",
        (f"{WALESA[0].upper()} {WALESA[1]}", "Candidat n° C1"),
        "Le 20 juin 2017",
        "réponse à votre réclamation",
        ("Après examen, votre réclamation est acceptée.",),
        (PRESIDENT,),
        DRAWN_UP,
    )
    return {
        "convocation": Kind(
            render_convocation(convocation, "C2i2e — Kraków 2017", date(2017, 5, 20), DRAWN_UP),
            (f"{NGUYEN[1]} {NGUYEN[0].upper()}",),
            DRAWN_UP,
        ),
        "reclamation answer": Kind(
            render_letter(answer), (f"{WALESA[0].upper()} {WALESA[1]}", PRESIDENT), DRAWN_UP
        ),
    }
