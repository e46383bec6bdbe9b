"""« Un bilan réflexif de 2 pages minimum » is measured by the height its text takes, not by the pages it spans
(issue 11 §7): real PDFs written in the test, as a word processor lays them out."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.report import pages_worth_fr
from tests.dossier.factory import build_dossier

DUPONT = Expected("Dupont", "Élodie", 2017)


def conclusion_of(tmp_path: Path, **changes: object):
    path = tmp_path / "dossier.pdf"
    build_dossier(path, **changes)
    with open_dossier(path) as dossier:
        dossier.probe()
        report = dossier.report(DUPONT)
    return report, report.finding("conclusion")


def test_a_heading_on_the_last_line_and_half_a_page_is_not_two_pages(tmp_path: Path) -> None:
    report, finding = conclusion_of(tmp_path, conclusion_heading_at_bottom=True, conclusion_last_fill=0.5)
    assert not finding.ok and report.status == "not_conform"
    assert [f.check for f in report.failures] == ["conclusion"]
    assert finding.pages == (13, 14)  # it spans two pages: counting pages let it pass
    assert finding.message == (
        "Conclusion trop courte (pages 13 et 14) : l'équivalent de 0,5 page de texte, mesuré à la hauteur "
        "qu'occupent ses lignes ; le bilan réflexif doit compter au moins 2 pages."
    )


def test_two_full_pages_are_two_pages(tmp_path: Path) -> None:
    report, finding = conclusion_of(tmp_path)
    assert finding.ok and report.status == "conform"
    assert finding.message == (
        "Conclusion de 2 pages de texte (pages 13 et 14), mesurée à la hauteur qu'occupent ses lignes."
    )


def test_a_heading_at_the_foot_of_a_page_then_two_full_pages_is_enough(tmp_path: Path) -> None:
    _, finding = conclusion_of(tmp_path, conclusion_pages=3, conclusion_heading_at_bottom=True)
    assert finding.ok
    assert finding.pages == (12, 13, 14)


@pytest.mark.parametrize(("fill", "ok"), [(0.5, False), (0.6, False), (0.9, True)])
def test_the_second_page_must_be_nearly_full(tmp_path: Path, fill: float, ok: bool) -> None:
    """A full page and a half is not two pages; a second page full but for its last lines is."""
    _, finding = conclusion_of(tmp_path, conclusion_last_fill=fill)
    assert finding.ok is ok, finding.message


def test_the_worth_reads_as_french() -> None:
    assert [pages_worth_fr(w) for w in (0.54, 1.0, 1.96, 2.0, 2.34)] == [
        "0,5 page",
        "1 page",
        "2 pages",
        "2 pages",
        "2,3 pages",
    ]
