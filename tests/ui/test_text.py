"""How values read on screen: a translated sentence's placeholders filled in one pass, the oral's clock."""

from __future__ import annotations

from pathlib import Path

from c2i2e_jury.ui.text import fill, format_clock


def test_placeholders_are_filled_in_one_pass():
    assert fill("%1 of %2 candidates", 3, 12) == "3 of 12 candidates"
    assert (
        fill("Incident (%3) at %1: %2", "10:02", "vidéoprojecteur", "technical")
        == "Incident (technical) at 10:02: vidéoprojecteur"
    )
    # a value that holds a placeholder is never substituted again (a note, a file's name)
    assert fill("%1: %2", "remise à %2 heures", "fin") == "remise à %2 heures: fin"
    assert fill("Summary exported: %1", Path("/tmp/recap.csv")) == "Summary exported: /tmp/recap.csv"


def test_a_placeholder_without_its_value_is_left_for_later():
    label = fill("Passphrase of %1 (%2):", "%1", "J1")
    assert label == "Passphrase of %1 (J1):"
    assert fill(label, "jure1.p12") == "Passphrase of jure1.p12 (J1):"
    assert fill("extra time: +%1 %", 33) == "extra time: +33 %"


def test_the_clock_counts_down_then_over_time():
    assert format_clock(598.2) == "09:59"
    assert format_clock(0) == "00:00"
    assert format_clock(-72) == "+01:12"
