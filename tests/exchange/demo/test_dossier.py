"""The demo dossiers and slides: the pages asked, text that survives extraction, realistic sizes, each defect
what the format report finds."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.exchange.demo.dossier import DEFECTS, SLIDE_SIZE, make_dossier, make_slides


def test_accents_ligatures_and_quotes_survive_text_extraction(tmp_path: Path) -> None:
    path = make_dossier(
        tmp_path / "d.pdf", last_name="Lefèvre", first_name="Élodie", pages=10, screenshots=0, seed=5
    )
    with pymupdf.open(path) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "Élodie" in text
    assert "LEFÈVRE" in text
    assert "œ" in text
    assert "«" in text
    assert "»" in text
    assert "—" in text


@pytest.mark.parametrize("pages", [10, 13, 20])
def test_a_dossier_has_exactly_the_pages_asked(tmp_path: Path, pages: int) -> None:
    path = make_dossier(
        tmp_path / "d.pdf", last_name="Roux", first_name="Anaïs", pages=pages, screenshots=1, seed=pages
    )
    with pymupdf.open(path) as doc:
        assert doc.page_count == pages
        assert f"page {pages} / {pages}" in doc[pages - 1].get_text()
        assert [entry[1] for entry in doc.get_toc()][0] == "Introduction"


def test_a_dossier_full_of_screenshots_weighs_about_two_megabytes(tmp_path: Path) -> None:
    path = make_dossier(
        tmp_path / "full.pdf", last_name="Petit", first_name="Zoé", pages=20, screenshots=2, seed=9
    )
    size = path.stat().st_size
    assert 1.5e6 <= size <= 3e6, size
    with pymupdf.open(path) as doc:
        images = sum(len(page.get_images()) for page in doc)
    assert images == 30  # 15 pages of parts, two screenshots each


def test_the_image_scale_makes_heavier_screenshots(tmp_path: Path) -> None:
    small = make_dossier(
        tmp_path / "a.pdf", last_name="Petit", first_name="Zoé", pages=10, screenshots=1, seed=3
    )
    large = make_dossier(
        tmp_path / "b.pdf",
        last_name="Petit",
        first_name="Zoé",
        pages=10,
        screenshots=1,
        seed=3,
        image_scale=1.5,
    )
    assert large.stat().st_size > 1.6 * small.stat().st_size


def test_cited_items_limit_the_codes_in_the_text(tmp_path: Path, referential) -> None:
    path = make_dossier(
        tmp_path / "d.pdf", last_name="Morel", first_name="Inès", seed=4, cited_items=["B2.1", "A3.4"]
    )
    with pymupdf.open(path) as doc:
        text = "".join(page.get_text() for page in doc)
    assert set(re.findall(r"[AB][1-4]\.[1-5]", text)) == {"B2.1", "A3.4"}


@pytest.mark.parametrize(
    ("defect", "finding"),
    [
        ("short_conclusion", "conclusion"),
        ("no_page_numbers", "page_numbers"),
        ("missing_part", "part_4"),
        ("no_name", "name"),
    ],
)
def test_each_defect_is_what_the_format_report_finds(tmp_path: Path, defect: str, finding: str) -> None:
    assert defect in DEFECTS
    path = make_dossier(
        tmp_path / "d.pdf",
        last_name="Garnier",
        first_name="Loïc",
        pages=12,
        screenshots=0,
        seed=1,
        conform=False,
        defect=defect,
    )
    result = check_dossier(path, Expected("Garnier", "Loïc", 2017), render=False)
    assert {f.check for f in result.findings if not f.ok} == {finding}


def test_inconsistent_requests_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="conform"):
        make_dossier(tmp_path / "d.pdf", last_name="A", first_name="B", seed=1, defect="no_name")
    with pytest.raises(ValueError, match="10 to 20"):
        make_dossier(tmp_path / "d.pdf", last_name="A", first_name="B", seed=1, pages=22)
    with pytest.raises(ValueError, match="defect"):
        make_dossier(
            tmp_path / "d.pdf", last_name="A", first_name="B", seed=1, conform=False, defect="coffee"
        )


def test_slides_are_a_16_9_pdf_naming_the_candidate(tmp_path: Path) -> None:
    path = make_slides(tmp_path / "slides.pdf", last_name="Marchand", first_name="Élodie", pages=8, seed=2)
    with pymupdf.open(path) as doc:
        assert doc.page_count == 8
        width, height = doc[0].rect.width, doc[0].rect.height
        assert (width, height) == SLIDE_SIZE
        assert abs(width / height - 16 / 9) < 0.01
        assert "Élodie Marchand" in doc[0].get_text()
        assert "Partie 1" in doc[0].get_text()
        assert "8 / 8" in doc[7].get_text()
        assert sum(len(page.get_images()) for page in doc) >= 2
