"""Whole-dossier search: French-friendly matching, and rectangles that land on the words."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.dossier.document import open_dossier
from tests.dossier.factory import write_pages


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "sample.pdf"
    write_pages(
        path,
        [
            ["Évaluation des élèves en CM2", "L'ÉCOLE et l'école ; une œuvre collective."],
            ["Rien ici."],
            [
                "Mise en œuvre de l'évaluation",
                "formative, puis évaluation",
                "sommative ; evaluation sans accent.",
            ],
        ],
    )
    return path


def texts(path: Path, query: str) -> list[tuple[int, list[str]]]:
    """(page, the text under each rectangle) of every hit, read back through MuPDF."""
    with open_dossier(path) as dossier:
        hits = dossier.search(query)
        doc = dossier.document
        return [(h.page, [doc[h.page - 1].get_textbox(r).strip() for r in h.rects]) for h in hits]


def test_case_and_accents_are_ignored(sample: Path) -> None:
    assert [page for page, _ in texts(sample, "evaluation")] == [1, 3, 3, 3]
    assert [page for page, _ in texts(sample, "ÉVALUATION")] == [1, 3, 3, 3]
    assert texts(sample, "école") == [(1, ["ÉCOLE"]), (1, ["école"])]


def test_ligatures_and_oe(sample: Path) -> None:
    assert [page for page, _ in texts(sample, "oeuvre")] == [1, 3]
    assert [page for page, _ in texts(sample, "œuvre")] == [1, 3]


def test_a_hit_over_a_line_break_has_one_rectangle_per_line(sample: Path) -> None:
    assert texts(sample, "évaluation sommative") == [(3, ["évaluation", "sommative"])]
    assert texts(sample, "évaluation   formative") == [(3, ["évaluation", "formative"])]


def test_hits_give_context_and_stop_at_the_limit(sample: Path) -> None:
    with open_dossier(sample) as dossier:
        hits = dossier.search("évaluation")
        assert "Mise en œuvre de l'évaluation" in hits[1].context
        assert len(dossier.search("e", limit=5)) == 5
        assert dossier.search("   ") == []
        assert dossier.search("introuvable") == []


def test_agrees_with_mupdf_on_plain_ascii(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        ours = [(h.page, len(h.rects)) for h in dossier.search("questionnaire")]
        doc = pymupdf.open(conform_pdf)
        theirs = [(p.number + 1, 1) for p in doc for _ in p.search_for("questionnaire")]
    assert ours == theirs
    assert len(ours) > 10


def test_rectangles_on_a_turned_page_are_where_the_jury_sees_the_words(tmp_path: Path) -> None:
    path = tmp_path / "landscape.pdf"
    write_pages(path, [["Un tableau de suivi des élèves, en paysage."]])
    with pymupdf.open(path) as doc:
        doc[0].set_rotation(90)
        doc.save(tmp_path / "turned.pdf")
    with open_dossier(tmp_path / "turned.pdf") as dossier:
        (hit,) = dossier.search("tableau")
        width, height = dossier.page_size(1)
        page = dossier.document[0]
        expected = [r * page.rotation_matrix for r in page.search_for("tableau")]
    assert (width, height) == (842, 595)
    (rect,) = hit.rects
    assert tuple(rect) == pytest.approx(tuple(expected[0]), abs=0.01)
    assert rect.x1 <= width
    assert rect.y1 <= height
    assert rect.x1 - rect.x0 < rect.y1 - rect.y0, "the word now runs down the page"
