"""A package's sheet as a real workbook (openpyxl writes it), then damaged part by part the way other tools,
broken disks or attackers do: a dimension over the whole sheet, a shared string that does not exist, an XML
entity bomb, attributes that mean nothing, cells of the wrong type, an unknown compression method, parts that
inflate to gigabytes."""

from __future__ import annotations

import io
import random
import re
import zipfile

from tests.exchange.package.zipcraft import Member, bomb_member, build_zip

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)
SHEET = "xl/worksheets/sheet1.xml"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
STRINGS = "xl/sharedStrings.xml"


def workbook(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:  # what XML cannot hold (or past Excel's 16,384 columns), Excel cannot have written
        book.active.append([_NOT_XML.sub("", v.encode("utf-8", "replace").decode()) for v in row[:16_384]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _sub(xml: bytes, pattern: bytes, new: bytes, rng: random.Random) -> bytes:
    hits = list(re.finditer(pattern, xml))
    if not hits:
        return xml
    hit = rng.choice(hits)
    return xml[: hit.start()] + new + xml[hit.end() :]


def _cell_xml(rng: random.Random) -> bytes:
    return rng.choice(
        (
            b'<c r="ZZZZ0" t="s"><v>0</v></c>',
            b'<c r="A-1"><v>1</v></c>',
            b'<c r="B2" s="x"><v>1</v></c>',
            b'<c r="B2" t="zz"><v>1</v></c>',
            b'<c r="B2" t="b"><v>2</v></c>',
            b'<c r="B2" t="n"><v>abc</v></c>',
            b'<c r="B2" t="d"><v>garbage</v></c>',
            b'<c r="B2" t="s"><v>abc</v></c>',
            b'<c r="B2" t="s"><v>999999</v></c>',
            b'<c r="B2"><v>' + b"9" * 5000 + b"</v></c>",
            b'<c r="B2" t="e"><v>#REF!</v></c>',
            b'<c r="XFD2" t="inlineStr"><is><t>far</t></is></c>',
            b'<c r="B2" s="99999"><v>1</v></c>',
            b'<c r="B2" t="inlineStr"><is><t>' + b"x" * 200_000 + b"</t></is></c>",
            b'<c r="B2" s="1"><v>1e308</v></c>',
        )
    )


def damage(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One damage to a workbook's parts: (what, the workbook's bytes)."""
    members = parts(data)
    sheet, what = members[SHEET], rng.choice(DAMAGES)
    extra: list[Member] = []
    if what == "whole-sheet dimension":
        members[SHEET] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet)
    elif what == "shared string out of range":
        members[SHEET] = _sub(
            sheet, rb"<c [^>]*/>|<c [^>]*>.*?</c>", b'<c r="A2" t="s"><v>99999999</v></c>', rng
        )
    elif what == "garbled cell":
        members[SHEET] = _sub(sheet, rb"<c [^>]*>.*?</c>", _cell_xml(rng), rng)
    elif what == "xml bomb":
        name = rng.choice((SHEET, "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml"))
        body = members[name].split(b"?>", 1)[-1]
        members[name] = BILLION_LAUGHS + body.replace(b"</", b"&lol9;</", 1)
    elif what == "last row and column":  # with the whole grid declared: openpyxl pads a million rows
        members[SHEET] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet).replace(
            b"</sheetData>",
            b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )
    elif what == "many columns":
        cells = b"".join(b'<c t="inlineStr"><is><t>c%d</t></is></c>' % i for i in range(16_000))
        members[SHEET] = re.sub(rb"<row ([^>]*)>", lambda m: m.group(0) + cells, sheet, count=1)
    elif what == "rows without end":
        extra.append(
            bomb_member(
                SHEET.encode(),
                sheet.split(b"<sheetData>")[0] + b"<sheetData>",
                b'<row><c t="inlineStr"><is><t>C9;x</t></is></c></row>',
                400_000_000,
            )
        )
        del members[SHEET]
    elif what == "shared strings bomb":
        extra.append(
            bomb_member(
                STRINGS.encode(),
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
                b"<si><t>x</t></si>",
                600_000_000,
            )
        )
        members.pop(STRINGS, None)
    elif what == "flipped bytes":
        name = rng.choice(sorted(members))
        raw = bytearray(members[name])
        for _ in range(rng.randint(1, 8)):
            if raw:
                raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
        members[name] = bytes(raw)
    elif what == "truncated part":
        name = rng.choice(sorted(members))
        members[name] = members[name][: rng.randrange(len(members[name]) + 1)]
    elif what == "missing part":
        del members[rng.choice(sorted(members))]
    out = [Member(name.encode(), body) for name, body in members.items()] + extra
    if what == "unknown compression":
        index = rng.randrange(len(out))
        out[index] = out[index].with_(method=rng.choice((99, 9, 12, 14, 1)))
    return what, build_zip(out)


DAMAGES = (
    "whole-sheet dimension",
    "shared string out of range",
    "garbled cell",
    "xml bomb",
    "last row and column",
    "many columns",
    "rows without end",
    "shared strings bomb",
    "flipped bytes",
    "truncated part",
    "missing part",
    "unknown compression",
    "none",
)
