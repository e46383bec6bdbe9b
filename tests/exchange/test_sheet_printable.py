"""Names print as written (Vietnamese, Polish…: issue 13, DejaVu Sans has their letters), a letter the embedded
font still lacks (a Chinese character) is printed as its fallback, and the sheet still verifies: the pages and the
JSON must agree on what is printable, not fail on a missing glyph."""

from __future__ import annotations

from datetime import timedelta

import pymupdf

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import sign_sheet_with, verify_sheet
from tests.exchange.result_examples import example_result
from tests.exchange.signing_factory import ISSUED, SIGNED_AT


def test_a_sheet_for_names_outside_the_font_verifies(referential):
    authority = credentials.create_authority("Autorité", now=ISSUED)
    jurors = [
        credentials.issue_credential(authority, name, f"j{i}@example.fr", now=ISSUED)
        for i, name in enumerate(("Łukasz Wróbel", "Trần Văn Đức"))
    ]
    result = example_result(referential, [{"name": j.name, "fingerprint": j.fingerprint} for j in jurors])
    result["candidate"] = {"id": "2017-099", "last_name": "Nguyễn", "first_name": "Thị Ánh 明"}
    pdf = render_sheet(result, referential)
    for field, juror, when in zip(("Juré 1", "Juré 2"), jurors, SIGNED_AT, strict=True):
        pdf = sign_sheet_with(pdf, juror, field, timestamp=when + timedelta(0))
    verified = verify_sheet(pdf, [authority.certificate], referential)
    assert verified.result["candidate"]["last_name"] == "Nguyễn"  # the JSON keeps the exact name
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = "".join(page.get_text() for page in doc)
    assert "Candidat : NGUYỄN Thị Ánh ? (n° 2017-099)" in text  # issue 13: was NGUYEN Thi Ánh
    assert "\x00" not in text
    assert "Trần Văn Đức" in text  # issue 13: was Tran Van Đuc
