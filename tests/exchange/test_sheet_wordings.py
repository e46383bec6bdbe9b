"""The items' wordings on the printed sheet: the annex's lists (A3.2, A3.3, B2.4) keep their dashes, one entry a
line, and every wording reads whole in the PDF's text (issue 11 §7)."""

from __future__ import annotations

import pymupdf

from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.sheet_reading import normalised
from tests.exchange.result_examples import example_result


def test_list_entries_start_their_own_line_and_every_wording_reads_whole(referential):
    pdf = render_sheet(example_result(referential), referential)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        lines = [line.strip() for page in doc for line in page.get_text().splitlines()]
    text = normalised(" ".join(lines))
    for item in referential:
        assert normalised(item.wording) in text, item.code
    for entry in (
        "- la sécurité informatique ;",
        "- la protection des mineurs ;",
        "- le filtrage internet.",
        "- le droit à l'image.",
    ):
        assert entry in lines
    assert not [line for line in lines if line.endswith(" -") or line == "-"]
