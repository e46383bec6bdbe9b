"""Signed sheets whose embedded JSON is hostile (issue 11 §6): huge numbers, deep nesting, duplicate keys, NaN,
two result files. Each is one refused file with its reason; the rest of the batch is imported and the report is
written. The hostile sheets are really signed by the campaign's jurors (a juror's laptop that was tampered with):
the signatures are valid, only the content is refused."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest

from c2i2e_jury.exchange.pades import SheetRejected, sign_field
from c2i2e_jury.exchange.result_json import FILE_NAME, ResultFormatError, from_bytes, to_bytes
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.signatures import verify_sheet
from c2i2e_jury.services.sheet_import import import_sheets
from tests.exchange.signing_factory import replace_embedded_json
from tests.services.sheet_factory import SIGNING, import_with_pki, make_pki, make_sheet


def _sign_unchecked(pdf: bytes, jurors) -> bytes:
    """Both jurors' real signatures, without the product's checks on the content (the tampered laptop)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    for position, (field, juror) in enumerate(zip(("Juré 1", "Juré 2"), jurors, strict=True)):
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        pdf = asyncio.run(
            sign_field(
                writer,
                juror,
                field,
                SIGNING + timedelta(seconds=40 * position),
                reason=field,
                certify=position == 0,
                allow_form_filling=True,
            )
        )
    return pdf


def _genuine_json(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from c2i2e_jury.exchange.sheet_reading import embedded_json

    data = embedded_json(PdfFileReader(io.BytesIO(pdf)).root)
    assert data is not None
    return data


def _second_result_file(pdf: bytes, data: bytes) -> bytes:
    """An incremental update adding a second ``c2i2e-result.json`` to the embedded files' name tree."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    tree = writer.root["/Names"]["/EmbeddedFiles"]
    names = tree["/Names"]
    stream = EmbeddedFileObject.from_file_data(
        writer, data, mime_type="application/json", params=EmbeddedFileParams()
    )
    spec = writer.add_object(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Filespec"),
                generic.pdf_name("/F"): generic.TextStringObject(FILE_NAME),
                generic.pdf_name("/EF"): generic.DictionaryObject(
                    {generic.pdf_name("/F"): stream.ef_stream_ref}
                ),
            }
        )
    )
    names.append(generic.TextStringObject(FILE_NAME))
    names.append(spec)
    writer.update_container(names if hasattr(names, "container_ref") else tree)
    writer.mark_update(writer.root["/Names"].raw_get("/EmbeddedFiles"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _hostile_variants(referential, pki) -> dict[str, bytes]:
    genuine = make_sheet(referential, pki.jurors, "C1")
    data = _genuine_json(genuine)
    result = from_bytes(data)
    unsigned = render_sheet(result, referential)
    text = data.decode("utf-8")
    closing = text.rstrip().rstrip("}")
    variants = {
        "doublon_cle": closing + ',\n  "status": "absent"\n}',
        "nombre_enorme": text.replace('"version": 1', '"version": ' + "9" * 5000, 1),
        "imbrication": closing + ',\n  "x": ' + "[" * 100_000 + "]" * 100_000 + "\n}",
        "nan": text.replace('"version": 1', '"version": NaN', 1),
    }
    made = {
        f"{name}.pdf": _sign_unchecked(replace_embedded_json(unsigned, body.encode("utf-8")), pki.jurors)
        for name, body in variants.items()
    }
    made["deux_fichiers.pdf"] = _sign_unchecked(_second_result_file(unsigned, to_bytes(result)), pki.jurors)
    return made


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def hostile(referential, pki) -> dict[str, bytes]:
    return _hostile_variants(referential, pki)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('{"a": 1, "a": 2}', "deux fois la clé « a »"),
        ('{"a": ' + "1" * 5000 + "}", "5000 chiffres"),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "imbriqué trop profondément"),
        ('{"a": NaN}', "« NaN »"),
        ('{"a": -Infinity}', "« -Infinity »"),
        ('{"a": 1e999}', "hors de toute feuille"),
        ('{"a": "' + "x" * (2 << 20) + '"}', "trop volumineux"),
    ],
)
def test_hostile_json_is_one_sentence(text: str, phrase: str) -> None:
    with pytest.raises(ResultFormatError) as caught:
        from_bytes(text.encode("utf-8"))
    assert phrase in caught.value.message


def test_each_hostile_sheet_is_refused_by_verify(hostile, pki, referential) -> None:
    from c2i2e_jury.exchange.credentials import load_certificates

    roots = load_certificates(pki.authority_pem.read_bytes(), "authority.pem")
    for name, pdf in hostile.items():
        with pytest.raises(SheetRejected) as caught:
            verify_sheet(pdf, roots, referential)
        assert caught.value.reason == "json_invalid", name
        assert FILE_NAME in caught.value.message, name


def test_a_batch_with_hostile_sheets_imports_the_rest_and_writes_the_report(
    hostile, pki, referential, database, tmp_path: Path
) -> None:
    import_with_pki(database, tmp_path / "pkg", pki)
    folder = tmp_path / "cle"
    folder.mkdir()
    for name, pdf in hostile.items():
        (folder / name).write_bytes(pdf)
    (folder / "z_C2_v1.pdf").write_bytes(make_sheet(referential, pki.jurors, "C2"))
    report = tmp_path / "rapport.csv"
    outcomes = import_sheets(database, [folder], report=report, workers=1)
    by_file = {Path(o.file).name: o for o in outcomes}
    assert by_file["z_C2_v1.pdf"].status == "imported"
    for name in hostile:
        assert by_file[name].status == "rejected", name
        assert by_file[name].reason == "json_invalid", name
    with report.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert len(rows) == 1 + len(hostile) + 1


def test_an_archived_copy_of_an_imported_sheet_is_a_duplicate(
    pki, referential, database, tmp_path: Path
) -> None:
    """The same sheet with an archive's DSS and document timestamp appended: other bytes, the same signed
    content; a duplicate, not a conflict kept aside."""
    from tests.exchange.signing_factory import archived_copy

    import_with_pki(database, tmp_path / "pkg", pki)
    sheet = make_sheet(referential, pki.jurors, "C2")
    (tmp_path / "original.pdf").write_bytes(sheet)
    (tmp_path / "archivee.pdf").write_bytes(archived_copy(sheet))
    first = import_sheets(database, [tmp_path / "original.pdf"], workers=1)
    again = import_sheets(database, [tmp_path / "archivee.pdf"], workers=1)
    assert [o.status for o in first] == ["imported"]
    assert [o.status for o in again] == ["duplicate"]
    assert "copie équivalente" in again[0].message
