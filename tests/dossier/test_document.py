"""Opening dossiers: what is refused, what opens with damage recorded, and the viewer's API."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.dossier.document import (
    DamagedError,
    DossierError,
    EmptyFileError,
    EncryptedError,
    FileAccessError,
    NotPdfError,
    open_dossier,
)
from c2i2e_jury.errors import UserError
from tests.dossier.factory import build_dossier


def test_conform_dossier_opens_intact(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        assert dossier.page_count == 14
        assert dossier.page_size(1) == pytest.approx((595.0, 842.0))
        assert dossier.probe() == ()
        assert not dossier.damaged
        dossier.require_intact()
        assert len(dossier.sha256) == 64


def test_open_from_bytes_names_the_file_in_messages(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf.read_bytes(), name="dupont.pdf") as dossier:
        assert dossier.name == "dupont.pdf"
        assert dossier.path is None
        assert dossier.page_count == 14


def test_empty_file_is_refused(empty_pdf: Path) -> None:
    with pytest.raises(EmptyFileError, match="vide"):
        open_dossier(empty_pdf)


def test_word_document_renamed_pdf_is_refused(docx_pdf: Path) -> None:
    with pytest.raises(NotPdfError, match="n'est pas un PDF.*Word"):
        open_dossier(docx_pdf)


def test_text_file_renamed_pdf_is_refused(text_pdf: Path) -> None:
    with pytest.raises(NotPdfError, match="notes.pdf"):
        open_dossier(text_pdf)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="absent.pdf"):
        open_dossier(tmp_path / "absent.pdf")


def test_encrypted_file_is_refused_as_such(encrypted_pdf: Path) -> None:
    with pytest.raises(EncryptedError, match="mot de passe") as caught:
        open_dossier(encrypted_pdf)
    assert isinstance(caught.value, UserError)


def test_owner_password_only_opens(conform_pdf: Path, tmp_path: Path) -> None:
    """Printing restrictions without an opening password do not stop the jury from reading."""
    path = tmp_path / "restricted.pdf"
    with pymupdf.open(conform_pdf) as doc:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_128, owner_pw="owner", user_pw="",
                 permissions=pymupdf.PDF_PERM_ACCESSIBILITY)
    with open_dossier(path) as dossier:
        assert dossier.page_count == 14
        assert not dossier.damaged


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nopages.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                     b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    with pytest.raises(EmptyFileError, match="aucune page"):
        open_dossier(path)


def test_garbage_after_pdf_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(DossierError):
        open_dossier(path)


def test_truncated_file_never_looks_intact(truncated_pdf: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Depending on where the cut falls, MuPDF rebuilds the file or gives up: refused or damaged, never intact."""
    message = ""
    try:
        dossier = open_dossier(truncated_pdf)
    except DamagedError as exc:
        message = exc.message
    else:
        with dossier:
            message = " ".join(d.message for d in dossier.probe())
    assert "endommagé" in message
    out, err = capfd.readouterr()
    assert out == ""
    assert err == "", "MuPDF's chatter must not reach the terminal"


def test_file_missing_its_end_opens_repaired_and_damaged(repaired_pdf: Path,
                                                         capfd: pytest.CaptureFixture[str]) -> None:
    with open_dossier(repaired_pdf) as dossier:
        damage = dossier.probe()
        assert damage, "a file cut in half must not look intact"
        assert damage[0].page is None
        assert "reconstruire" in damage[0].message
        assert dossier.warnings
        assert dossier.page_count == 14
        with pytest.raises(DamagedError, match="repaired.pdf"):
            dossier.require_intact()
    out, err = capfd.readouterr()
    assert out == ""
    assert err == "", "MuPDF's chatter must not reach the terminal"


def _corrupt(source: Path, target: Path) -> None:
    """Page 5: a content stream that is not the Flate data it claims; page 6: a JPEG cut short."""
    with pymupdf.open(source) as doc:
        content = doc[4].get_contents()[0]
        doc.update_stream(content, b"\x00not deflate data" * 20, compress=False)
        doc.xref_set_key(content, "Filter", "/FlateDecode")
        image = doc[5].get_images()[0][0]
        raw = doc.xref_stream_raw(image)
        doc.update_stream(image, raw[: len(raw) // 10], compress=False)
        doc.xref_set_key(image, "Filter", "/DCTDecode")
        doc.save(target)


def test_pages_with_errors_are_damage(tmp_path: Path) -> None:
    source = tmp_path / "images.pdf"
    build_dossier(source, pages=10, images_per_page=1)
    _corrupt(source, tmp_path / "corrupt.pdf")
    with open_dossier(tmp_path / "corrupt.pdf") as dossier:
        assert [d.page for d in dossier.damage] == []
        dossier.text()
        assert [d.page for d in dossier.damage] == [5], "a broken content stream shows when reading text"
        dossier.probe()
        assert [d.page for d in dossier.damage] == [5, 6], "a broken image shows when rendering"
        assert all("page" in d.message.lower() for d in dossier.damage)


def test_render_gives_pixels_for_the_viewer(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        page = dossier.render(1, scale=0.5)
        assert (page.width, page.height) == (298, 421)
        assert len(page.samples) == page.stride * page.height
        assert page.samples.count(0xFF) < len(page.samples), "the cover is not blank"


def test_asking_for_a_page_out_of_range_is_a_bug_not_damage(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        with pytest.raises(IndexError, match="15"):
            dossier.render(15)
        with pytest.raises(IndexError):
            dossier.page_size(0)
        assert not dossier.damaged


def test_outline_gives_pages(tmp_path: Path) -> None:
    path = tmp_path / "outline.pdf"
    layout = build_dossier(path, outline=True)
    with open_dossier(path) as dossier:
        outline = dossier.outline()
    assert (1, "Introduction", layout.introduction) in outline
    assert [page for _, title, page in outline if title.startswith("Partie")] == [
        layout.part_starts[n] for n in (1, 2, 3, 4)]


def test_closed_dossier_releases_the_document(conform_pdf: Path) -> None:
    dossier = open_dossier(conform_pdf)
    dossier.close()
    dossier.close()  # twice is harmless
    assert dossier.document.is_closed
