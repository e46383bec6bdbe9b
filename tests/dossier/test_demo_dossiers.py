"""Cross-check with the other producer in the project: the demo generator (reportlab paragraphs, another layout,
outline or not, headings "PARTIE n :" and "Partie IV –") writes dossiers the check must read as it intends."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.expected import Expected

demo = pytest.importorskip("c2i2e_jury.exchange.demo.dossier")


@pytest.mark.parametrize(
    ("seed", "last", "first", "pages", "outline"),
    [
        (1, "Le Gall", "Marie-Anne", 11, False),
        (2, "N'Diaye", "Moussa", 20, True),
        (5, "Dupont", "Élodie", 16, False),
    ],
)
def test_conform_demo_dossiers_are_conform(
    tmp_path: Path, seed: int, last: str, first: str, pages: int, outline: bool
) -> None:
    path = demo.make_dossier(
        tmp_path / "demo.pdf", last_name=last, first_name=first, pages=pages, seed=seed, outline=outline
    )
    result = check_dossier(path, Expected(last, first, 2017))
    assert [f.message for f in result.findings if not f.ok] == []
    assert result.exit_code == 0
    assert result.evidence is not None
    assert result.evidence.uncited() == ()
    assert check_dossier(path).exit_code == 0, "also without knowing the candidate"


@pytest.mark.parametrize(
    ("defect", "check"),
    [
        ("short_conclusion", "conclusion"),
        ("no_page_numbers", "page_numbers"),
        ("missing_part", "part_4"),
        ("no_name", "name"),
    ],
)
def test_each_demo_defect_is_found_and_only_it(tmp_path: Path, defect: str, check: str) -> None:
    path = demo.make_dossier(
        tmp_path / "demo.pdf", last_name="Dupont", first_name="Élodie", seed=3, conform=False, defect=defect
    )
    result = check_dossier(path, Expected("Dupont", "Élodie", 2017))
    assert [f.check for f in result.findings if not f.ok] == [check]
    assert result.exit_code == 1
