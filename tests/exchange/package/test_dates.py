"""The campaign's calendar and oral length against the seed (issue 11 §7): an oral outside the oral period or
before the deposit closes, or orals that begin before it, refuse the package with the cell named; an oral other
than 10 + 20 minutes is a warning in the import report unless ``oral_length_reason`` says why. Real packages on
disk, a real SQLite database."""

from __future__ import annotations

import pytest

from c2i2e_jury.exchange.package.reader import PackageError, read_package
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from tests.exchange.package.factory import CAMPAIGN, CANDIDATES, write_package


def refused(tmp_path, referential, **kwargs) -> list[str]:
    with pytest.raises(PackageError) as caught:
        read_package(write_package(tmp_path / "pkg", **kwargs), referential).close()
    return caught.value.details


def with_oral_date(day: str) -> list[str]:
    fields = CANDIDATES[1].split(";")
    fields[7] = day
    return [CANDIDATES[0], ";".join(fields), CANDIDATES[2]]


def test_an_oral_after_the_oral_period_names_its_cell(tmp_path, referential):
    assert refused(tmp_path, referential, candidates=with_oral_date("2017-07-10")) == [
        "candidates.csv, ligne 3, colonne oral_date: oral hors de la période des oraux (du 12/06/2017 au "
        "07/07/2017, campaign.json) ('2017-07-10')"
    ]


def test_an_oral_before_the_deposit_closes_names_its_cell(tmp_path, referential):
    assert refused(tmp_path, referential, candidates=with_oral_date("15/05/2017")) == [
        "candidates.csv, ligne 3, colonne oral_date: oral avant la clôture du dépôt des dossiers (17/05/2017, "
        "campaign.json) ('15/05/2017')"
    ]


def test_an_oral_between_the_closing_and_the_oral_period_is_outside_it(tmp_path, referential):
    details = refused(tmp_path, referential, candidates=with_oral_date("2017-06-01"))
    assert details == [
        "candidates.csv, ligne 3, colonne oral_date: oral hors de la période des oraux (du "
        "12/06/2017 au 07/07/2017, campaign.json) ('2017-06-01')"
    ]


def test_orals_that_begin_before_the_deposit_closes_are_refused(tmp_path, referential):
    campaign = {**CAMPAIGN, "orals_from": "2017-05-15"}
    assert refused(tmp_path, referential, campaign=campaign) == [
        "campaign.json, colonne orals_from: les oraux commencent avant la clôture du dépôt des dossiers "
        "(deposit_closes : 17/05/2017) ('2017-05-15')"
    ]


def test_the_first_and_last_days_of_the_period_are_in_it(tmp_path, referential):
    candidates = [*with_oral_date("2017-07-07")[:2], CANDIDATES[2]]
    package = read_package(write_package(tmp_path / "pkg", candidates=candidates), referential)
    try:
        assert package.warnings == []
        assert {c.oral_date.isoformat() for c in package.candidates} == {"2017-06-12", "2017-07-07"}
    finally:
        package.close()


@pytest.fixture
def db(tmp_path):
    database = open_database(str(tmp_path / "campagne.sqlite"))
    yield database
    database.dispose()


def length_warnings(report) -> list[str]:
    """The report's warnings but the one every package without jurors.csv gets (issue 11 §3: signers not bound
    to the jury), which these packages lack by design."""
    return [w for w in report.warnings if not w.startswith("Aucun juré dans le paquet (jurors.csv absent)")]


def test_another_oral_length_is_imported_with_a_warning(tmp_path, db):
    campaign = {**CAMPAIGN, "presentation_minutes": 15}
    package = write_package(tmp_path / "pkg", campaign=campaign)
    report = import_package(db, package, DossierStore())
    assert report.status == "created"
    assert length_warnings(report) == [
        "campaign.json, colonne presentation_minutes: le cahier des charges prévoit 10 min de présentation et 20 "
        "min de discussion : indiquez pourquoi cette durée dans « oral_length_reason » ('15')"
    ]
    again = import_package(db, package, DossierStore())
    assert again.status == "unchanged" and length_warnings(again) == length_warnings(report)


def test_a_reason_silences_the_warning(tmp_path, db):
    campaign = {
        **CAMPAIGN,
        "presentation_minutes": 15,
        "discussion_minutes": 25,
        "oral_length_reason": "Temps majoré pour toute la session (arrêté rectoral du 2 mai 2017).",
    }
    report = import_package(db, write_package(tmp_path / "pkg", campaign=campaign), DossierStore())
    assert report.status == "created" and length_warnings(report) == []


def test_the_seeds_length_needs_no_reason_and_a_reason_must_be_text(tmp_path, referential, db):
    assert length_warnings(import_package(db, write_package(tmp_path / "ok"), DossierStore())) == []
    details = refused(tmp_path, referential, campaign={**CAMPAIGN, "oral_length_reason": 12})
    assert details == ["campaign.json, colonne oral_length_reason: texte attendu ('12')"]


def test_the_command_line_says_the_warning(tmp_path, capsys):
    from c2i2e_jury import cli

    package = write_package(tmp_path / "pkg", campaign={**CAMPAIGN, "discussion_minutes": 25})
    assert cli.main(["--db", str(tmp_path / "c.sqlite"), "campaign", "import", str(package)]) == 0
    out = capsys.readouterr().out
    assert (
        "  Attention : campaign.json, colonne discussion_minutes: le cahier des charges prévoit 10 min" in out
    )
