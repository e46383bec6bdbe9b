"""A USB key as the secretariat hands it to a room (issue 12): each credential written by the program, with its
public certificate beside it (``NAME.crt.pem``), and, by mistake, the authority's and the president's files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credential_files import write_credential
from c2i2e_jury.storage.database import open_database
from tests.exchange.signing_factory import ISSUED, Pki
from tests.services.sheet_factory import decide_all, import_with_pki, make_pki

KEY_PASSPHRASES = ("phrase-du-jure-un", "phrase-du-jure-deux")  # ASCII: typed key by key in the tests


@dataclass(frozen=True)
class Key:
    folder: Path
    jurors: tuple[Path, Path]
    president: credentials.Credential
    president_file: Path
    authority_file: Path  # the authority's, written as the demo writes it (its certificate beside it)
    authority_by_name: Path  # ``authority.p12`` as ``authority init`` names it, alone
    stranger: Path  # a juror of another jury, issued by the same authority


def make_key(folder: Path, pki: Pki) -> Key:
    folder.mkdir(parents=True, exist_ok=True)
    jurors = tuple(folder / f"jure{i + 1}.p12" for i in range(2))
    for path, juror, phrase in zip(jurors, pki.jurors, KEY_PASSPHRASES, strict=True):
        write_credential(path, juror, phrase)
    president = credentials.issue_credential(
        pki.authority, "Hélène Marchetti", "presidence@example.fr", now=ISSUED
    )
    write_credential(folder / "presidente.p12", president, "phrase-presidente")
    write_credential(folder / "autorite.p12", pki.authority, "phrase-autorite")
    (folder / "authority.p12").write_bytes(credentials.to_pkcs12(pki.authority, "phrase-autorite"))
    stranger = credentials.issue_credential(pki.authority, "Nadia Benali", "nadia@example.fr", now=ISSUED)
    write_credential(folder / "nadia.p12", stranger, "phrase-de-nadia")
    return Key(
        folder,
        (jurors[0], jurors[1]),
        president,
        folder / "presidente.p12",
        folder / "autorite.p12",
        folder / "authority.p12",
        folder / "nadia.p12",
    )


# The fixtures of the tests that sign from such a key (imported by them): one campaign authority per module, its
# key, and a room whose candidate C1 is decided and ready to sign.
@pytest.fixture(scope="module", name="pki")
def pki_fixture(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module", name="key")
def key_fixture(tmp_path_factory, pki):
    return make_key(tmp_path_factory.mktemp("cle"), pki)


@pytest.fixture(name="room")
def room_fixture(tmp_path, pki, key):
    db = open_database(str(tmp_path / "salle.sqlite"))
    pk = import_with_pki(db, tmp_path / "kit", pki, president=key.president)["C1"]
    decide_all(db, pk)
    yield db, pk
    db.dispose()
