"""The jurors' sheet proposes; the certification jury delivers (issue 11 §5): the signed sheet says « proposé »,
never « délivré », in its visible pages and in its embedded explanation."""

from __future__ import annotations

import copy
import io
import json

import pymupdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from c2i2e_jury.exchange.sheet_reading import embedded_json, visible_mismatch
from c2i2e_jury.exchange.signatures import verify_sheet
from tests.exchange.signing_factory import make_pki, sheet_result, signed_sheet


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)


def _decided(referential, pki, jury: str, items=None):
    """The example sheet with ``items`` (every item the jury decided, by default) decided ``jury`` instead."""
    from c2i2e_jury.domain.rules import evaluate
    from c2i2e_jury.exchange.result_json import outcome_json, situation_of

    result = sheet_result(referential, pki)
    for entry in result["items"]:
        if entry["jury"] and (items is None or entry["item"] in items):
            entry["jury"], entry["comment"] = jury, "Vu à l'oral."
            entry.pop("justification", None)
            if entry["evaluator"] != jury:
                entry["justification"] = "Décision motivée par l'oral."
    result["outcome"] = outcome_json(evaluate(referential, situation_of(result)))
    return result


def test_a_sheet_that_meets_the_rules_proposes_the_certificate(referential, pki):
    pdf, result = signed_sheet(referential, pki, _decided(referential, pki, "V"))
    assert result["outcome"]["certificate"]
    verified = verify_sheet(pdf, [pki.authority.certificate], referential)
    text = _text(pdf)
    assert "Certificat : proposé" in text
    assert "Certificat proposé : 28 compétences validées sur 28" in text
    assert "soumise à la décision du jury de certification" in text
    assert "délivr" not in text.lower()
    assert "délivr" not in verified.json_bytes.decode("utf-8").lower()


def test_a_sheet_below_the_rules_does_not_propose_it(referential, pki):
    pdf, result = signed_sheet(referential, pki, _decided(referential, pki, "NV", {"A3.1", "A3.2", "A3.3"}))
    assert not result["outcome"]["certificate"]
    verified = verify_sheet(pdf, [pki.authority.certificate], referential)
    text = _text(pdf)
    assert "Certificat : non proposé" in text
    assert verified.result["outcome"]["explanation"].startswith("Certificat non proposé : ")
    assert "délivr" not in text.lower()


def test_the_visible_proposal_is_checked_against_the_json(referential, pki):
    pdf, result = signed_sheet(referential, pki, _decided(referential, pki, "NV", {"A3.1", "A3.2", "A3.3"}))
    claimed = copy.deepcopy(result)
    claimed["outcome"]["certificate"] = (
        True  # a JSON that would say « proposé » over a page that says otherwise
    )
    assert visible_mismatch(pdf, claimed) == "la feuille n'indique pas « Certificat : proposé »"
    assert visible_mismatch(pdf, result) is None


def test_every_signed_statement_of_the_jurors_avoids_delivered(referential, pki):
    """Absent and not admitted sheets too: nothing the jurors sign says « délivré »."""
    for status in ("absent", "not_admitted"):
        pdf, _ = signed_sheet(referential, pki, sheet_result(referential, pki, status=status))
        assert "Certificat : non proposé" in _text(pdf)
        data = embedded_json(PdfFileReader(io.BytesIO(pdf)).root)
        assert data is not None and "délivr" not in json.dumps(json.loads(data), ensure_ascii=False).lower()
