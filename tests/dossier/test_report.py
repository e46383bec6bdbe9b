"""The format report on dossiers that break one rule each, built the way a word processor writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.report import FormatReport, pages_fr
from tests.dossier.factory import Layout, build_dossier

DUPONT = Expected("Dupont", "Élodie", 2017)
CHECKS = [
    "integrity",
    "page_count",
    "page_numbers",
    "name",
    "year",
    "introduction",
    "part_1",
    "part_2",
    "part_3",
    "part_4",
    "conclusion",
]


def report_of(
    tmp_path: Path, expected: Expected | None = DUPONT, **changes: object
) -> tuple[FormatReport, Layout]:
    path = tmp_path / "dossier.pdf"
    layout = build_dossier(path, **changes)
    with open_dossier(path) as dossier:
        dossier.probe()
        return dossier.report(expected), layout


def failed(report: FormatReport) -> list[str]:
    return [f.check for f in report.failures]


def test_conform_dossier_passes_every_check(conform: tuple[Path, Layout]) -> None:
    path, layout = conform
    with open_dossier(path) as dossier:
        report = dossier.report(DUPONT)
    assert [f.check for f in report.findings] == CHECKS
    assert failed(report) == []
    assert (report.status, report.conform, report.pages) == ("conform", True, 14)
    assert report.finding("introduction").pages == (layout.introduction,)
    assert [report.finding(f"part_{n}").pages for n in (1, 2, 3, 4)] == [
        (layout.part_starts[n],) for n in (1, 2, 3, 4)
    ]
    assert report.finding("conclusion").pages == (13, 14)
    assert report.finding("name").message == "Nom et prénom en page 1 : DUPONT Élodie."


def test_without_candidate_a_name_and_a_year_suffice(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        report = dossier.report()
    assert report.conform
    assert report.finding("name").message == "Nom en page 1 : Élodie DUPONT."
    assert report.finding("year").message == "Année en page 1 : 2016-2017."


def test_nine_pages_is_too_short(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, pages=9, conclusion_pages=2)
    assert failed(report) == ["page_count"]
    assert report.finding("page_count").message == "9 pages : le dossier doit en compter de 10 à 20."
    assert report.status == "not_conform"


def test_twenty_one_pages_is_too_long(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, pages=21)
    assert failed(report) == ["page_count"]
    assert report.finding("page_count").message == "21 pages : le dossier doit en compter de 10 à 20."
    assert report.finding("page_count").pages == (21,)


@pytest.mark.parametrize("pages", [10, 20])
def test_ten_and_twenty_pages_are_allowed(tmp_path: Path, pages: int) -> None:
    report, _ = report_of(tmp_path, pages=pages)
    assert report.conform, report.failures


def test_unnumbered_pages(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, numbered=False)
    assert failed(report) == ["page_numbers"]
    finding = report.finding("page_numbers")
    assert finding.message == "Pagination absente ou incomplète : 13 pages sur 13 ne portent pas leur numéro."
    assert finding.pages == tuple(range(2, 15))


@pytest.mark.parametrize(
    "footer",
    [
        "{n}",
        "- {n} -",
        "{n}/{total}",
        "Page {n} sur {total}",
        "p. {n}",
        "Dossier C2i2e 2017 — {first} {last} — {n} / {total}",
        "{first} {last} — C2i2e {year}        {n}",
    ],
)
def test_page_number_forms(tmp_path: Path, footer: str) -> None:
    report, _ = report_of(tmp_path, number_format=footer)
    assert report.finding("page_numbers").ok, footer


@pytest.mark.parametrize("offset", [-1, -2])
def test_numbering_that_skips_the_cover_is_accepted(tmp_path: Path, offset: int) -> None:
    """Word's "different first page" and a section restart: page 2 (or 3) shows 1."""
    report, _ = report_of(tmp_path, number_offset=offset)
    assert report.finding("page_numbers").ok


@pytest.mark.parametrize("footer", ["{first} {last} — C2i2e {year}", "Partie {n}", "C2i2e {n}.{n}"])
def test_numbers_that_are_not_page_numbers(tmp_path: Path, footer: str) -> None:
    """A year, a running title "Partie 3" on page 3, an item code: none is pagination."""
    report, _ = report_of(tmp_path, number_format=footer)
    assert not report.finding("page_numbers").ok


def test_nameless_first_page(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, name_on_cover=False)
    assert failed(report) == ["name"]
    assert report.finding("name").message == "Page 1 : ni le nom ni le prénom de DUPONT Élodie."
    generic, _ = report_of(tmp_path, expected=None, name_on_cover=False)
    assert failed(generic) == ["name"]
    assert generic.finding("name").message == "Aucun nom de candidat trouvé en page 1."


def test_another_candidates_name(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, expected=Expected("Martin", "Élodie", 2017))
    assert failed(report) == ["name"]
    assert report.finding("name").message == "Page 1 : le nom « MARTIN » n'apparaît pas."


def test_name_matching_ignores_case_accents_and_hyphens(tmp_path: Path) -> None:
    report, _ = report_of(
        tmp_path,
        expected=Expected("LE GALL", "Marie Anne", 2017),
        last_name="Le Gall",
        first_name="Marie-Anne",
    )
    assert report.finding("name").ok
    plain, _ = report_of(
        tmp_path,
        expected=Expected("le gall", "marie-anne", 2017),
        last_name="Le Gall",
        first_name="Marie-Anne",
    )
    assert plain.finding("name").ok


def test_yearless_first_page(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, year_on_cover=False)
    assert failed(report) == ["year"]
    assert report.finding("year").message == "Page 1 : l'année 2017 n'apparaît pas."
    other, _ = report_of(tmp_path, expected=Expected("Dupont", "Élodie", 2018))
    assert failed(other) == ["year"]


def test_missing_introduction_and_part(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, introduction=False, parts=(1, 2, 4))
    assert failed(report) == ["introduction", "part_3"]
    assert report.finding("part_3").message == "Partie 3 introuvable."
    assert report.finding("part_3").pages == ()


def test_one_page_conclusion_is_too_short(tmp_path: Path) -> None:
    report, layout = report_of(tmp_path, conclusion_pages=1)
    assert failed(report) == ["conclusion"]
    assert report.finding("conclusion").message == (
        "Conclusion trop courte (page 14) : l'équivalent de 1 page de texte, mesuré à la hauteur qu'occupent ses "
        "lignes ; le bilan réflexif doit compter au moins 2 pages."
    )
    assert layout.conclusion == 14


def test_annexes_do_not_count_in_the_conclusion(tmp_path: Path) -> None:
    short, _ = report_of(tmp_path, pages=16, conclusion_pages=1, annex_pages=2)
    assert failed(short) == ["conclusion"]
    assert short.finding("conclusion").pages == (14,)
    ok, _ = report_of(tmp_path, pages=16, conclusion_pages=2, annex_pages=2)
    assert ok.finding("conclusion").pages == (13, 14)
    assert ok.conform


def test_missing_conclusion(tmp_path: Path) -> None:
    report, _ = report_of(tmp_path, conclusion_pages=0)
    assert failed(report) == ["conclusion"]
    assert report.finding("conclusion").message == "Conclusion (bilan réflexif) introuvable."


def test_damaged_file_is_unreadable_whatever_the_rest(repaired_pdf: Path) -> None:
    with open_dossier(repaired_pdf) as dossier:
        dossier.probe()
        report = dossier.report(DUPONT)
    assert report.status == "unreadable"
    assert report.findings[0].check == "integrity"
    assert not report.findings[0].ok
    assert "reconstruire" in report.findings[0].message
    assert [f.check for f in report.failures] == ["integrity"], "the rest of the file was still read"


def test_page_lists_read_as_french() -> None:
    assert pages_fr([3]) == "page 3"
    assert pages_fr([5, 3]) == "pages 3 et 5"
    assert pages_fr([3, 4]) == "pages 3 et 4"
    assert pages_fr(range(2, 15)) == "pages 2 à 14"
    assert pages_fr([2, 4, 7, 8, 9]) == "pages 2, 4 et 7 à 9"
