"""The evaluator's signed marks file (c2i2e-marks/1) with real keys and real PDFs: signed and verified; every
refusal with its reason: a genuine signature moved onto other marks (the keyless forgery of issue 11, which
fools pyHanko alone), bytes changed, a signer the JSON does not name, an authority that did not issue the
signer, pages that say something else than the JSON, hostile JSON."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.marks_json import FORMAT, MarksFormatError, from_bytes, validate_marks
from c2i2e_jury.exchange.marks_pdf import EVALUATOR_FIELD, assemble, layout, render_marks
from c2i2e_jury.exchange.marks_signing import SheetRejected, embedded_marks, sign_marks, verify_marks
from c2i2e_jury.exchange.pades import SheetSigningError
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with
from tests.exchange import forgery
from tests.exchange.signing_factory import ISSUED, make_pki
from tests.exchange.test_sheet_forgery import SENTENCE, assert_pyhanko_fooled

SIGNED = datetime(2017, 6, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def evaluator(pki):
    return credentials.issue_credential(pki.authority, "M. Martin", "martin@example.fr", now=ISSUED)


def marks_for(referential, evaluator, *candidates: tuple[str, str, tuple[str, ...]]) -> dict:
    return {
        "format": FORMAT,
        "campaign": "test-2017",
        "signed_at": SIGNED.isoformat(),
        "evaluator": {"name": evaluator.name, "fingerprint": evaluator.fingerprint},
        "candidates": [
            {
                "id": cid,
                "last_name": last,
                "first_name": "Élodie",
                "dossier_sha256": "",
                "items": [
                    {"item": code, "mark": "NV" if code in nv else "V", "comment": f"Commentaire {code}"}
                    for code in referential.codes
                ],
                "rework": None,
            }
            for cid, last, nv in candidates
        ],
    }


@pytest.fixture(scope="module")
def genuine(referential, evaluator):
    marks = marks_for(referential, evaluator, ("C1", "Lefèvre", ("A3.2",)), ("C2", "Dupont", ()))
    return sign_marks(render_marks(marks, referential), evaluator, timestamp=SIGNED), marks


def refusal(pdf: bytes, pki, referential) -> SheetRejected:
    with pytest.raises(SheetRejected) as refused:
        verify_marks(pdf, [pki.authority.certificate], referential)
    return refused.value


def test_signed_marks_verify_and_carry_their_json(genuine, pki, evaluator, referential):
    pdf, marks = genuine
    verified = verify_marks(pdf, [pki.authority.certificate], referential)
    assert verified.marks == marks == embedded_marks(pdf)
    assert (verified.signer.field, verified.signer.fingerprint) == (EVALUATOR_FIELD, evaluator.fingerprint)
    assert verified.signer.signed_at == SIGNED


def test_a_genuine_signature_moved_onto_other_marks_is_refused(genuine, pki, evaluator, referential):
    pdf, _marks = genuine
    other = marks_for(referential, evaluator, ("C1", "Lefèvre", ()), ("C2", "Dupont", ()))  # A3.2 now V
    forged = forgery.forge_signed(pdf, render_marks(other, referential))
    assert_pyhanko_fooled(forged, pki.authority.certificate, [EVALUATOR_FIELD])
    assert embedded_marks(forged) == other
    refused = refusal(forged, pki, referential)
    assert refused.reason == "modified" and refused.message.startswith(SENTENCE)


def test_changed_bytes_are_refused(genuine, pki, referential):
    pdf, _marks = genuine
    at = pdf.index(b"Commentaire") if b"Commentaire" in pdf else len(pdf) // 2
    changed = bytearray(pdf)
    changed[at] ^= 0x20
    assert refusal(bytes(changed), pki, referential).reason in {"modified", "unreadable"}
    assert refusal(forgery.append_garbage_revision(pdf), pki, referential).reason == "modified"


def test_only_the_evaluator_the_json_names_signs(genuine, pki, referential):
    _pdf, marks = genuine
    unsigned = render_marks(marks, referential)
    with pytest.raises(SheetSigningError, match="pas celui de M. Martin"):
        sign_marks(unsigned, pki.jurors[0], timestamp=SIGNED)
    # Signed anyway by another credential of the authority (the field is the same): refused at verification.
    other = sign_pdf_with(unsigned, pki.jurors[0], EVALUATOR_FIELD, timestamp=SIGNED)
    assert refusal(other, pki, referential).reason == "wrong_signer"


def test_a_signer_another_authority_issued_is_refused(referential):
    stranger_authority = credentials.create_authority("Autre autorité", now=ISSUED)
    stranger = credentials.issue_credential(stranger_authority, "M. Martin", "m@example.fr", now=ISSUED)
    marks = marks_for(referential, stranger, ("C1", "Lefèvre", ()))
    pdf = sign_marks(render_marks(marks, referential), stranger, timestamp=SIGNED)
    campaign = credentials.create_authority("Autorité de la campagne", now=ISSUED)
    with pytest.raises(SheetRejected) as refused:
        verify_marks(pdf, [campaign.certificate], referential)
    assert refused.value.reason == "untrusted_signer"


def test_pages_that_disagree_with_the_json_are_refused(pki, evaluator, referential):
    shown = marks_for(referential, evaluator, ("C1", "Lefèvre", ("B2.3",)))
    stated = marks_for(referential, evaluator, ("C1", "Lefèvre", ()))
    pdf = sign_marks(assemble(*layout(shown, referential), stated), evaluator, timestamp=SIGNED)
    refused = refusal(pdf, pki, referential)
    assert refused.reason == "json_mismatch" and "B2.3" in refused.message


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda m: m.update(format="c2i2e-marks/9"), "format"),
        (lambda m: m["candidates"][0]["items"].pop(), "les 28 items"),
        (lambda m: m["candidates"][0]["items"][0].update(mark="TB"), "« V », « NV » ou null"),
        (lambda m: m["candidates"].append(copy.deepcopy(m["candidates"][0])), "figure deux fois"),
        (lambda m: m.update(signed_at="2017-06-01T08:00:00"), "fuseau"),
        (
            lambda m: m["candidates"][0].update(
                rework={"requested_at": SIGNED.isoformat(), "requirements": []}
            ),
            "1 à",
        ),
        (lambda m: m["candidates"][0].update(last_name="x" * 5000), "trop long"),
        (lambda m: m.update(candidates=[]), "liste de 1 à"),
    ],
)
def test_hostile_json_is_refused_with_a_sentence(referential, evaluator, change, problem):
    marks = marks_for(referential, evaluator, ("C1", "Lefèvre", ()))
    change(marks)
    with pytest.raises(MarksFormatError) as refused:
        validate_marks(marks, referential)
    assert any(problem in detail for detail in refused.value.details)


@pytest.mark.parametrize("data", [b"[]", b'{"a": 1, "a": 2}', b"\xff\xfe", b'{"n": NaN}', b"[" * 100000])
def test_unreadable_json_is_one_sentence(data):
    with pytest.raises(MarksFormatError):
        from_bytes(data)


def test_mutated_files_are_refused_in_one_sentence_never_a_traceback(genuine, pki, referential):
    """120 deterministic mutations of a genuine file (bytes flipped, cut, duplicated): each is a
    SheetRejected with a French sentence, or still the genuine content when the mutation fell where no reader
    looks (the gap's padding, whitespace)."""
    import random

    from c2i2e_jury.errors import UserError

    pdf, marks = genuine
    rng = random.Random(17)
    for _ in range(120):
        data = bytearray(pdf)
        kind = rng.randrange(3)
        at = rng.randrange(len(data))
        if kind == 0:
            for _flip in range(rng.randrange(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del data[at:]
        else:
            data[at:at] = data[at : at + rng.randrange(1, 64)]
        try:
            verified = verify_marks(bytes(data), [pki.authority.certificate], referential)
        except UserError as exc:
            assert exc.message and "Traceback" not in exc.message  # noqa: PT017 (a fuzz loop: each mutation is refused or read back whole)
            continue
        assert verified.marks == marks
