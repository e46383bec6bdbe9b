"""The partial attestation tells the candidate what the seed asks to bring to a later campaign, in the seed's own
words: the digital copy deposited with the dossier, and a certified copy (« photocopie certifiée conforme ») to
the C2i2e office, not « l'original » (issue 11 §7)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.exchange.certificate_pdf import PRIOR_USE, render_document
from c2i2e_jury.exchange.certificates import sign
from tests.exchange.test_certificates import STATEMENT
from tests.services.review_factory import PKI

SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "cahier-des-charges-c2i2e-2016-2017.txt"
)
HEADING = "Rappel : Cas des candidats ayant déjà validé des compétences C2I2e :"


def test_the_attestation_quotes_the_seed_sentence_by_sentence():
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED.name} is not in ../shared/seeds beside the repository")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    rule = next(line for line in lines[lines.index(HEADING) + 1 :] if line.strip())
    assert f"« {rule} »" in PRIOR_USE


def test_the_printed_attestation_asks_for_a_certified_copy_not_the_original(referential):
    pdf = render_document(sign(STATEMENT, PKI.president), referential)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert (
        "une photocopie certifiée conforme de l'attestation de compétence devra être fournie au bureau C2i2e"
        in text
    )
    assert "la copie numérique de l'attestation de compétences" in text
    assert "original" not in text
