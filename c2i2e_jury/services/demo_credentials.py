"""Signing credentials for the demo campaign, so that whoever tries the program can sign a result sheet, the PV
and the certificates as the real jurors and president will: a campaign authority, two jurors per jury and a
president, every credential protected by the same published passphrase. Only ever written into the demo's
throw-away folder (``c2i2e-jury --demo``); a real campaign's credentials come from the secretariat's screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from c2i2e_jury.exchange.credential_files import write_credential
from c2i2e_jury.exchange.credentials import (
    Credential,
    certificate_pem,
    create_authority,
    issue_credential,
)
from c2i2e_jury.files import file_name_part
from c2i2e_jury.services.presidency import designate_president
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Juror

DEMO_PASSPHRASE = "demo"
JURORS = {"J1": ("Claire Fontanel", "Mathieu Roussel"), "J2": ("Nadia Benali", "Pierre-Yves Le Gall")}
PRESIDENT = "Hélène Marchetti"


@dataclass(frozen=True)
class DemoCredentials:
    folder: Path
    jurors: dict[str, tuple[Path, Path]]  # jury -> (juror 1's file, juror 2's file)
    president: Path


def _file_name(name: str) -> str:
    return file_name_part(name, "credential") + ".p12"


def write_demo_credentials(db: Database, campaign_id: str, folder: Path) -> DemoCredentials:
    """The authority (made the campaign's), the jurors (recorded for their jury) and the president (designated,
    as a package's ``jurors.csv`` does), as PKCS#12 files in ``folder`` with :data:`DEMO_PASSPHRASE`, and a note
    saying so."""
    folder.mkdir(parents=True, exist_ok=True)
    authority = create_authority("Autorité de démonstration C2i2e")

    def write(credential: Credential, name: str) -> Path:
        path = folder / _file_name(name)
        write_credential(path, credential, DEMO_PASSPHRASE, overwrite=True)  # and its .crt.pem
        return path

    write(authority, "autorite")
    jurors: dict[str, tuple[Path, Path]] = {}
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise LookupError(f"no campaign {campaign_id!r}")
        campaign.authority_pem = certificate_pem(authority.certificate).decode("ascii")
        # The demo campaign is of 2017 and tried any day: its sheets may be signed until the end of next year.
        campaign.sheets_until = date(date.today().year + 1, 12, 31)
        for jury, names in JURORS.items():
            files = []
            for name in names:
                email = _file_name(name).removesuffix(".p12") + "@demo.invalid"
                credential = issue_credential(authority, name, email)
                files.append(write(credential, name))
                session.add(
                    Juror(
                        campaign_id=campaign_id,
                        jury=jury,
                        name=name,
                        email=email,
                        certificate_pem=certificate_pem(credential.certificate).decode("ascii"),
                    )
                )
            jurors[jury] = (files[0], files[1])
        president_credential = issue_credential(authority, PRESIDENT, "presidence@demo.invalid")
        designate_president(
            session, campaign_id, PRESIDENT, "presidence@demo.invalid", president_credential.certificate
        )
    president = write(president_credential, PRESIDENT)
    (folder / "LISEZ-MOI.txt").write_text(
        "Identifiants de signature de la démonstration (jetables, effacés à la fermeture du programme).\n"
        f"Phrase de passe de chacun : {DEMO_PASSPHRASE}\n\n"
        + "".join(f"Jury {jury} : {a} (juré 1), {b} (juré 2)\n" for jury, (a, b) in JURORS.items())
        + f"Président du jury de certification : {PRESIDENT}\n",
        encoding="utf-8",
    )
    return DemoCredentials(folder, jurors, president)
