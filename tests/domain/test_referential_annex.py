"""The shipped referential reproduces the seed's annex (« Annexe : Référentiel C2i2e »), character for character:
every one of the 28 wordings, list dashes, final periods and the spaces in « B2i ® ou C2i ® » included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "cahier-des-charges-c2i2e-2016-2017.txt"
)
ANNEX = "Annexe : Référentiel C2i2e"
# « A.3 - Responsabilité professionnelle …<TAB>1. Wording » opens a domain; « <TAB>2. Wording » continues it.
DOMAIN_ROW = re.compile(r"^(?P<group>[AB])\.(?P<domain>\d) - [^\t]*\t(?P<n>\d)\. (?P<wording>.*)$")
ITEM_ROW = re.compile(r"^\t(?P<n>\d)\. (?P<wording>.*)$")


def annex_wordings(text: str) -> dict[str, str]:
    """Item code → wording, read from the annex's table (the last « Annexe : Référentiel C2i2e », not the
    table of contents)."""
    wordings: dict[str, str] = {}
    domain = None
    for line in text[text.rindex(ANNEX) :].splitlines():
        if match := DOMAIN_ROW.match(line):
            domain = f"{match['group']}{match['domain']}"
        elif not (match := ITEM_ROW.match(line)) or domain is None:
            continue
        wordings[f"{domain}.{match['n']}"] = match["wording"]
    return wordings


@pytest.fixture(scope="module")
def annex() -> dict[str, str]:
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED.name} is not in ../shared/seeds beside the repository")
    return annex_wordings(SEED.read_text(encoding="utf-8"))


def test_the_annex_gives_the_28_items(annex, referential):
    assert list(annex) == list(referential.codes)


def test_every_wording_is_the_annexs_character_for_character(annex, referential):
    different = {
        item.code: (item.wording, annex[item.code])
        for item in referential
        if item.wording != annex[item.code]
    }
    assert different == {}


def test_the_five_wordings_once_retouched_read_as_the_annex(referential):
    """Without the seed at hand: the punctuation the annex has and an earlier referential had lost."""
    assert referential.item("A3.2").wording.count(" - ") == 3
    assert referential.item("A3.3").wording.count(" - ") == 6
    assert "utilisables - en respectant" in referential.item("B2.4").wording
    assert referential.item("B1.3").wording.endswith("ou éducatives")
    assert referential.item("B4.2").wording.endswith("(B2i ® ou C2i ®).")
