"""Evaluators in the campaign package (issue 17, docs/FORMATS.md §1.5): ``evaluator`` rows of jurors.csv with
their certificates, the candidates' ``evaluator`` column naming them. Real packages on disk; each problem named
with its cell, nothing stored; a package without evaluators reads as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.package.reader import PackageError, read_package
from tests.services.evaluation_factory import evaluation_package, make_evaluation_pki


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    return make_evaluation_pki(tmp_path_factory.mktemp("pki"))


def rewrite_jurors(root: Path, change) -> Path:
    path = root / "jurors.csv"
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    path.write_bytes(("\r\n".join(change(lines)) + "\r\n").encode("utf-8-sig"))
    return root


def refused(root: Path, referential) -> list[str]:
    with pytest.raises(PackageError) as caught:
        read_package(root, referential).close()
    return caught.value.details


def test_two_evaluators_beside_a_jury_of_two_read_cleanly(tmp_path, epki, referential):
    package = read_package(evaluation_package(tmp_path / "pkg", epki), referential)
    try:
        evaluators = [(j.name, bool(j.certificate_pem)) for j in package.jurors if j.jury == "evaluator"]
        assert evaluators == [("M. Martin", True), ("Mme Durand", True)]
        assert {c.candidate_id: c.evaluator for c in package.candidates}["C3"] == "Mme Durand"
    finally:
        package.close()


def test_an_evaluator_without_certificate_or_misspelt_is_named(tmp_path, epki, referential):
    root = evaluation_package(tmp_path / "pkg", epki)
    rewrite_jurors(
        root,
        lambda lines: [
            *lines[:3],
            "evaluator;M. Martin;martin@example.fr;",
            "Évaluateur;Mme Durand;durand@example.fr;certificates/durand.pem",
        ],
    )
    details = refused(root, referential)
    assert any(
        "ligne 4, colonne certificate" in d and "certificat de l'évaluateur est obligatoire" in d
        for d in details
    )
    assert any("ligne 5, colonne jury" in d and "écrivez « evaluator »" in d for d in details)


def test_a_candidate_whose_evaluator_is_not_designated_is_named(tmp_path, epki, referential):
    root = evaluation_package(tmp_path / "pkg", epki)
    rewrite_jurors(root, lambda lines: [line for line in lines if "Durand" not in line])
    assert any("C3 : évaluateur absent de jurors.csv" in d for d in refused(root, referential))


def test_an_evaluator_certificate_of_someone_else_or_another_authority_is_refused(
    tmp_path, epki, referential
):
    root = evaluation_package(tmp_path / "pkg", epki)
    other = credentials.create_authority("Autre autorité")
    stranger = credentials.issue_credential(other, "M. Martin", "m@example.fr")
    (root / "certificates" / "martin.pem").write_bytes(credentials.certificate_pem(stranger.certificate))
    (root / "certificates" / "durand.pem").write_bytes(credentials.certificate_pem(epki.martin.certificate))
    details = refused(root, referential)
    assert any("n'a pas délivré" in d for d in details)
    assert any("celui de M. Martin, pas de Mme Durand" in d for d in details)
