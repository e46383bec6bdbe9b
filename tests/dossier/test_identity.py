"""Without ``--candidate``, the name on page 1 is found even when it shares its line with other words (issue 11
§7), and the usual lines of a cover page are never taken for a name. Real one-page PDFs written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.identity import find_name, name_within, plausible_name
from tests.dossier.factory import write_pages

COVER = [
    "Dossier de compétences C2i2e",
    "Master MEEF — Professorat des écoles",
    "Université Grenoble Alpes — ESPE de l'académie de Grenoble",
    "Année universitaire 2016-2017",
]


def name_finding(tmp_path: Path, lines: list[str]):
    path = tmp_path / "page1.pdf"
    write_pages(path, [lines])
    with open_dossier(path) as dossier:
        return dossier.report().finding("name")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("DUPONT Élodie — année 2017", "DUPONT Élodie"),
        ("Nom : Dupont Élodie, M1 MEEF", "Dupont Élodie"),
        ("Nom : Dupont Élodie M1 MEEF", "Dupont Élodie"),
        ("Dossier C2i2e de LE GALL Marie-Anne, session 2017", "LE GALL Marie-Anne"),
        ("Bilan de Marie-Anne LE GALL pour 2017", "Marie-Anne LE GALL"),
        ("Année 2016-2017 | N'DIAYE Moussa", "N'DIAYE Moussa"),
        ("Réalisé par Élodie Dupont (M2 MEEF)", "Élodie Dupont"),
    ],
)
def test_a_name_sharing_its_line_is_found(tmp_path: Path, line: str, name: str) -> None:
    finding = name_finding(tmp_path, [*COVER[:2], line, COVER[3]])
    assert finding.ok
    assert finding.message == f"Nom en page 1 : {name}."


def test_a_line_of_its_own_is_still_preferred(tmp_path: Path) -> None:
    finding = name_finding(tmp_path, ["Nom : Martin Paul, tuteur", "Élodie DUPONT", COVER[3]])
    assert finding.message == "Nom en page 1 : Élodie DUPONT."


@pytest.mark.parametrize(
    "line",
    [
        *COVER,
        "Certificat informatique et internet de niveau 2 « enseignant »",
        "Stage au collège Champollion de Grenoble — classe de 5e",
        "Partie 1 — Enseignement-apprentissage, mise en œuvre",
        "Utilisation de l'ENT Correspondance, CM1",
        "Session de certification 2017 - ESPE Grenoble",
        "Sommaire : Introduction, Partie 1, Conclusion",
        "Nom : 2017",
    ],
)
def test_cover_lines_are_not_names(tmp_path: Path, line: str) -> None:
    assert plausible_name(line) is None and name_within(line) is None
    finding = name_finding(tmp_path, [line])
    assert not finding.ok
    assert finding.message == "Aucun nom de candidat trouvé en page 1."


def test_a_whole_cover_without_a_name_has_none(tmp_path: Path) -> None:
    assert not name_finding(tmp_path, COVER).ok


def test_find_name_reads_pages_too(tmp_path: Path) -> None:
    path = tmp_path / "page1.pdf"
    write_pages(path, [[COVER[0], "Candidate : MARCHAND Élodie — Master MEEF 2017"]])
    with open_dossier(path) as dossier:
        assert find_name(dossier.text().page(1)) == "MARCHAND Élodie"
