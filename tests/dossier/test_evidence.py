"""The evidence map: item codes cited in the text, written the ways candidates write them."""

from __future__ import annotations

from pathlib import Path

from c2i2e_jury.dossier.document import open_dossier
from tests.dossier.factory import Layout, build_dossier, write_pages


def cited(tmp_path: Path, lines: list[str]) -> dict[str, tuple[int, ...]]:
    path = tmp_path / "codes.pdf"
    write_pages(path, [lines])
    with open_dossier(path) as dossier:
        evidence = dossier.evidence()
    return {item.code: item.cited_on for item in evidence if item.cited_on}


def test_every_item_of_a_conform_dossier_is_where_it_was_written(
    conform: tuple[Path, Layout], referential
) -> None:
    path, layout = conform
    with open_dossier(path) as dossier:
        evidence = dossier.evidence()
    assert list(evidence.items) == list(referential.codes)
    for item in evidence:
        assert item.cited_on == tuple(layout.cited_on[item.code]), item.code
        assert item.part == referential.item(item.code).part
        assert item.part_starts_on == layout.part_starts[item.part]
        assert set(item.pages) == {*layout.cited_on[item.code], layout.part_starts[item.part]}
    assert evidence.uncited() == ()
    assert dict(evidence.part_starts) == layout.part_starts


def test_citations_carry_rectangles_on_the_code(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        evidence = dossier.evidence()
        citations = evidence["B2.3"].citations
        texts = [dossier.document[c.page - 1].get_textbox(c.rects[0]).strip() for c in citations]
    assert all(len(c.rects) == 1 for c in citations)
    assert texts == ["B2.3"] * len(citations)


def test_code_spellings(tmp_path: Path) -> None:
    found = cited(
        tmp_path,
        [
            "Item A1-1 traité ici, puis A 1.2 et A.1.3 (A1.4).",
            "Compétences mobilisées : B3.1, B3.2 ; voir aussi B2.5.",
        ],
    )
    assert found == {
        "A1.1": (1,),
        "A1.2": (1,),
        "A1.3": (1,),
        "A1.4": (1,),
        "B3.1": (1,),
        "B3.2": (1,),
        "B2.5": (1,),
    }


def test_ranges_are_expanded(tmp_path: Path) -> None:
    found = cited(tmp_path, ["Cette partie valide les items B2.1 à B2.4 et B4.1-B4.3."])
    assert set(found) == {"B2.1", "B2.2", "B2.3", "B2.4", "B4.1", "B4.2", "B4.3"}


def test_things_that_look_like_codes_are_not_cited(tmp_path: Path) -> None:
    found = cited(
        tmp_path,
        [
            "Format A4.2 ? non : A4 n'est pas un domaine ; version B1.25 ; réf. XA1.1 ;",
            "a1.1 en minuscules ; B5.1 ; A1.6 ; le score 3A1.1 ; A1.1 à B2.3 n'est pas un intervalle",
        ],
    )
    assert found == {"A1.1": (1,), "B2.3": (1,)}


def test_an_uncited_dossier_still_maps_every_item_to_its_part(tmp_path: Path, referential) -> None:
    path = tmp_path / "nocodes.pdf"
    write_pages(path, [["Dossier"], ["Partie 3 : environnement"], ["Rien à citer"]])
    with open_dossier(path) as dossier:
        evidence = dossier.evidence()
    assert len(evidence.uncited()) == 28
    assert evidence["A1.1"].part_starts_on == 2
    assert evidence["A1.1"].pages == (2,)
    assert evidence["B2.1"].pages == ()
    assert evidence.to_json()["A1.1"] == {"cited_on": [], "part": 3, "part_starts_on": 2}


def test_a_dossier_with_a_part_missing(tmp_path: Path) -> None:
    path = tmp_path / "nopart2.pdf"
    layout = build_dossier(path, parts=(1, 3, 4))
    with open_dossier(path) as dossier:
        evidence = dossier.evidence()
    assert evidence["A2.1"].part_starts_on is None
    assert evidence["A2.1"].cited_on == ()
    assert evidence["A1.1"].part_starts_on == layout.part_starts[3]
