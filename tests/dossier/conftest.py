"""Dossier files shared by the dossier tests: written once per session into a temporary folder, never modified."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.dossier.factory import Layout, build_dossier


@pytest.fixture(scope="session")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dossiers")


@pytest.fixture(scope="session")
def conform(dossiers: Path) -> tuple[Path, Layout]:
    """A conform 14-page dossier of Élodie DUPONT, campaign 2017, and where things are in it."""
    path = dossiers / "conform.pdf"
    return path, build_dossier(path)


@pytest.fixture(scope="session")
def conform_pdf(conform: tuple[Path, Layout]) -> Path:
    return conform[0]


@pytest.fixture(scope="session")
def encrypted_pdf(conform_pdf: Path, dossiers: Path) -> Path:
    path = dossiers / "encrypted.pdf"
    with pymupdf.open(conform_pdf) as doc:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw="secret")
    return path


@pytest.fixture(scope="session")
def truncated_pdf(conform_pdf: Path, dossiers: Path) -> Path:
    data = conform_pdf.read_bytes()
    path = dossiers / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.fixture(scope="session")
def repaired_pdf(conform_pdf: Path, dossiers: Path) -> Path:
    """A file whose last bytes (cross-reference and trailer) were lost in a copy: MuPDF rebuilds it."""
    data = conform_pdf.read_bytes()
    path = dossiers / "repaired.pdf"
    path.write_bytes(data[:-100])
    return path


@pytest.fixture(scope="session")
def empty_pdf(dossiers: Path) -> Path:
    path = dossiers / "empty.pdf"
    path.write_bytes(b"")
    return path


@pytest.fixture(scope="session")
def docx_pdf(dossiers: Path) -> Path:
    """A Word document renamed .pdf, as candidates do."""
    import zipfile

    path = dossiers / "dossier-word.pdf"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document>Partie 1</w:document>")
    return path


@pytest.fixture(scope="session")
def text_pdf(dossiers: Path) -> Path:
    path = dossiers / "notes.pdf"
    path.write_text("Dossier C2i2e\nIntroduction\nPartie 1\n", encoding="utf-8")
    return path
