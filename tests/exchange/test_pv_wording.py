"""The PV's sentences built from optional fields (issue 12 §3): a missing place, title, role or remark never
leaves a dangling comma or a doubled full stop, on the real PDF."""

from __future__ import annotations

import re
from datetime import date

import pymupdf
import pytest

from c2i2e_jury.exchange.pv_pdf import (
    PvCandidate,
    PvContent,
    PvMember,
    campaign_line,
    made_at_line,
    meeting_line,
    render_pv,
)

CANDIDATE = PvCandidate(
    "C1", "Lefèvre", "Élodie", "examined", 27, True, "Certificat délivré.", 1, decided="certificate"
)
MEETING = date(2017, 7, 10)


def pv(
    place: str = "Grenoble", title: str = "Grenoble 2017", role: str = "Membre", remarks: str = ""
) -> PvContent:
    members = (PvMember("Hélène Présidente", "Président"), PvMember("Benoît Œhlenschläger", role))
    return PvContent("grenoble-2017", title, MEETING, place, members, (CANDIDATE,), remarks)


def printed(content: PvContent) -> str:
    with pymupdf.open(stream=render_pv(content)) as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)


def test_every_sentence_with_all_its_fields():
    content = pv()
    assert meeting_line(content) == "Réunion du lundi 10 juillet 2017, Grenoble."
    assert made_at_line(content) == "Fait à Grenoble, le lundi 10 juillet 2017."
    assert campaign_line(content) == "Campagne : Grenoble 2017 (grenoble-2017)"


@pytest.mark.parametrize("place", ["", "   ", ".", "Grenoble.", " Grenoble ,"])
def test_a_missing_or_punctuated_place_leaves_no_dangling_mark(place):
    content = pv(place=place)
    assert not re.search(r",\s*\.|\.\.|\s[.,]", meeting_line(content) + made_at_line(content))
    if place.strip(" .,"):
        assert meeting_line(content) == "Réunion du lundi 10 juillet 2017, Grenoble."
    else:
        assert meeting_line(content) == "Réunion du lundi 10 juillet 2017."
        assert made_at_line(content) == "Fait le lundi 10 juillet 2017."


def test_the_printed_pv_without_optional_fields():
    text = printed(pv(place="", title="", role=""))
    assert "Réunion du lundi 10 juillet 2017." in text
    assert "Fait le lundi 10 juillet 2017." in text
    assert "Campagne : grenoble-2017" in text and "()" not in text
    assert "Membre : Benoît Œhlenschläger" in text
    assert "Observations" not in text
    for dangling in (", .", ",.", "..", " .", " ,", ": ,", ":."):
        assert dangling not in text.replace("…", ""), dangling


def test_remarks_keep_their_lines():
    text = printed(pv(remarks="Séance ouverte à 14 h.\n\nSéance levée à 16 h."))
    assert "Observations Séance ouverte à 14 h. Séance levée à 16 h." in text
