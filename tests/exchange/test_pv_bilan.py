"""The PV's « Bilan » (issue 11 §4): the certification jury's decisions only (never a sheet's proposal), the
annulments, the orals' facts and what is left to decide, in French that agrees in number; drawn on the real PV."""

from __future__ import annotations

from datetime import date

import pymupdf
import pytest

from c2i2e_jury.exchange.pv_pdf import PvCandidate, PvContent, PvMember, bilan, render_pv, still_to_decide

MEMBERS = (PvMember("Pr. Anne-Sophie Lévêque", "Président"),)


def candidate(
    n: int, status: str, *, decided: str | None = None, undecided: bool = False, certificate: bool = False
) -> PvCandidate:
    return PvCandidate(
        f"C{n}",
        f"Nom{n}",
        "Léa",
        status,
        27 if certificate else 0,
        certificate,
        "…",
        1,
        decided=decided,
        undecided=undecided,
    )


def content(*candidates: PvCandidate) -> PvContent:
    return PvContent("test-2017", "Campagne de test", date(2017, 7, 10), "Grenoble", MEMBERS, candidates)


def test_one_of_each_is_singular():
    pv = content(
        candidate(1, "examined", decided="certificate", certificate=True),
        candidate(2, "examined", decided="attestation"),
        candidate(3, "annulled", decided="annulment"),
        candidate(4, "absent"),
        candidate(5, "not_admitted"),
        candidate(6, "pending", undecided=True),
        candidate(7, "examined", undecided=True, certificate=True),
    )
    assert bilan(pv) == (
        "7 candidats ; 1 certificat délivré ; 1 attestation partielle délivrée ; 1 dossier annulé "
        "pour plagiat ; 1 absent ; 1 non admis ; 1 feuille de résultat non reçue ; 2 candidats à "
        "décider."
    )
    assert still_to_decide(pv) == "Reste à décider : NOM6 Léa (C6), NOM7 Léa (C7)."


def test_two_take_the_plural_and_none_the_singular():
    pv = content(
        *(candidate(n, "examined", decided="certificate", certificate=True) for n in (1, 2)),
        *(candidate(n, "examined", decided="attestation") for n in (3, 4)),
        *(candidate(n, "annulled", decided="annulment") for n in (5, 6)),
        *(candidate(n, "absent") for n in (7, 8)),
        *(candidate(n, "not_admitted") for n in (9, 10)),
    )
    assert bilan(pv) == (
        "10 candidats ; 2 certificats délivrés ; 2 attestations partielles délivrées ; 2 dossiers "
        "annulés pour plagiat ; 2 absents ; 2 non admis ; 0 candidat à décider."
    )
    assert still_to_decide(pv) == ""
    assert bilan(content(candidate(1, "absent"))) == (
        "1 candidat ; 0 certificat délivré ; 0 attestation partielle "
        "délivrée ; 0 dossier annulé pour plagiat ; 1 absent ; 0 non "
        "admis ; 0 candidat à décider."
    )


def test_a_proposal_is_not_a_decision():
    """A sheet that proposes the certificate counts as nothing delivered until the jury decides."""
    pv = content(candidate(1, "examined", certificate=True, undecided=True))
    assert pv.counts()["certificates"] == 0 and pv.counts()["undecided"] == 1


@pytest.mark.parametrize("undecided", [False, True])
def test_the_bilan_and_who_is_left_are_printed_on_the_pv(undecided):
    pv = content(
        candidate(
            1, "examined", decided=None if undecided else "certificate", certificate=True, undecided=undecided
        ),
        candidate(2, "absent"),
    )
    with pymupdf.open(stream=render_pv(pv), filetype="pdf") as doc:
        text = " ".join(" ".join(page.get_text().split()) for page in doc)
    assert bilan(pv) in text
    assert ("Reste à décider : NOM1 Léa (C1)." in text) is undecided
