"""A seeded mutator over the demo campaign package: each seed gives one variant (always the same), damaged in
one to three ways among bytes, truncation, encodings, Unicode, zip structure, workbook parts, sizes and
certificates. The variant is a zip's bytes, or (one in eight) a folder's files.

What a variant must do to the import is the fuzzing test's business (tests/services/test_package_fuzz.py):
this module only makes them."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.exchange.package import nasty
from tests.exchange.package.pem_material import JURORS_HEADER, pem_files
from tests.exchange.package.xlsx_parts import damage, workbook
from tests.exchange.package.zipcraft import LINK_ATTR, STORED, UTF8_FLAG, Member, bomb_member, build_zip

SHEETS = ("candidates.csv", "marks.csv", "prior.csv")
MB = 1 << 20


@dataclass
class Variant:
    seed: int
    what: list[str] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    folder: bool = False
    archive: bytes | None = None  # set when the archive's own bytes were damaged

    def write(self, path: Path) -> Path:
        """The variant as ``path`` (a .zip) or ``path`` as a folder; returns what to import."""
        if not self.folder:
            path.write_bytes(self.archive if self.archive is not None else build_zip(self.members))
            return path
        for member in self.members:
            target = path / member.name.decode("utf-8", errors="replace").lstrip("/")
            if (
                member.payload is not None
                or ".." in target.parts
                or member.name.endswith(b"/")
                or len(member.name) > 200
                or b"\x00" in member.name
            ):
                continue  # a folder cannot hold a bomb, a name escaping it or a name that is a folder
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.is_dir():
                target.write_bytes(member.data)
        return path


def load_demo(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


class Mutator:
    def __init__(self, demo: dict[str, bytes]) -> None:
        self.demo = demo

    def variant(self, seed: int) -> Variant:
        rng = random.Random(seed)
        files = dict(self.demo)
        out = Variant(seed)
        chosen = [rng.choice(FAMILIES) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        for family in sorted(chosen, key=lambda f: f in ZIP_FAMILIES):  # the files first, then their archive
            if family in FAMILIES_ON_FILES:
                out.what.append(FAMILIES_ON_FILES[family](self, files, rng))
        out.members = _members(files)
        for family in chosen:
            if family in ZIP_FAMILIES:
                out.what.append(ZIP_FAMILIES[family](out.members, rng))
        if rng.random() < 0.1:
            out.archive = _damage_archive(build_zip(out.members), rng, out.what)
        elif rng.random() < 0.12 and not any(m.payload for m in out.members):
            out.folder = True
            out.what.append("as a folder")
        return out


def _members(files: dict[str, bytes]) -> list[Member]:
    return [
        Member(name.encode(), data, STORED if name.endswith(".pdf") else 8) for name, data in files.items()
    ]


def _rows(data: bytes) -> list[list[str]]:
    return [line.split(";") for line in data.decode("utf-8-sig", errors="replace").split("\r\n") if line]


def _csv(rows: list[list[str]]) -> bytes:
    return ("\ufeff" + "\r\n".join(";".join(r) for r in rows) + "\r\n").encode(
        "utf-8", errors="surrogatepass"
    )


def _flip(data: bytes, rng: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def csv_cell(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice([n for n in files if n.endswith(".csv")] or [SHEETS[0]])
    rows = _rows(files.get(name) or self.demo.get(name) or b"a") or [["a"]]
    for _ in range(rng.randint(1, 4)):
        row = rng.choice(rows)
        if row:
            row[rng.randrange(len(row))] = nasty.cell(rng)
    files[name] = _csv(rows)
    return f"cell of {name}"


def csv_structure(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice(SHEETS)
    rows = _rows(files.get(name) or self.demo[name])
    what = rng.choice(
        (
            "comma",
            "no header",
            "dup rows",
            "drop column",
            "extra columns",
            "blank lines",
            "cr only",
            "reorder",
            "empty",
        )
    )
    if what == "comma":
        files[name] = _csv(rows).replace(b";", b",")
        return f"{name}: comma"
    if what == "no header":
        rows = rows[1:]
    elif what == "dup rows":
        rows += rng.choices(rows[1:] or rows, k=rng.randint(1, 40))
    elif what == "drop column":
        col = rng.randrange(len(rows[0])) if rows and rows[0] else 0
        rows = [r[:col] + r[col + 1 :] for r in rows]
    elif what == "extra columns":
        rows = [r + ["extra"] * rng.randint(1, 60) for r in rows]
    elif what == "blank lines":
        rows = [r for row in rows for r in (row, [""] * rng.randint(0, 2))]
    elif what == "reorder":
        rows = [rows[0][::-1]] + [r[::-1] for r in rows[1:]]
    elif what == "empty":
        rows = []
    files[name] = _csv(rows).replace(b"\r\n", b"\r") if what == "cr only" else _csv(rows)
    return f"{name}: {what}"


def text_bytes(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice(("campaign.json", *SHEETS))
    data = files.get(name) or self.demo[name]
    if rng.random() < 0.5:
        files[name] = data[: rng.randrange(len(data) + 1)]
        return f"{name}: truncated"
    files[name] = _flip(data, rng)
    return f"{name}: bytes"


def encoding(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice(("campaign.json", *SHEETS))
    files[name] = nasty.encode(
        (files.get(name) or self.demo[name]).decode("utf-8-sig", errors="replace"), rng
    )
    return f"{name}: encoding"


def json_value(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    data = json.loads(self.demo["campaign.json"])
    key = rng.choice([*data, "room_kit", "oral_length_reason", "extra"])
    data[key] = "@@VALUE@@"
    text = json.dumps(data, ensure_ascii=False).replace('"@@VALUE@@"', nasty.json_value(rng))
    files["campaign.json"] = text.encode("utf-8", errors="surrogatepass")
    return f"campaign.json: {key}"


def json_shape(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    what = rng.choice(("list", "string", "deep", "dup keys", "bom", "huge", "empty"))
    body = self.demo["campaign.json"].decode()
    files["campaign.json"] = {
        "list": f"[{body}]",
        "string": json.dumps(body),
        "deep": '{"a":' * 30_000 + "1" + "}" * 30_000,
        "dup keys": body.replace("{", '{"id": "other", ', 1),
        "bom": "\ufeff" + body,
        "huge": body.replace("}", ', "pad": "' + "x" * (3 * MB) + '"}'),
        "empty": "",
    }[what].encode()
    return f"campaign.json: {what}"


def large(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    what = rng.choice(("candidates", "marks rows", "columns", "wide row"))
    rows = _rows(self.demo["candidates.csv"] if what == "candidates" else self.demo["marks.csv"])
    if what == "candidates":
        template = rows[3]
        n = rng.choice((5_001, 6_000, 20_000))
        rows += [[f"X{i:06d}", *template[1:4], "", "non", *template[6:]] for i in range(n)]
        files["candidates.csv"] = _csv(rows)
    elif what == "marks rows":
        rows += rows[1:] * (rng.choice((50_000, 200_000)) // max(1, len(rows) - 1))
        files["marks.csv"] = _csv(rows)
    elif what == "columns":
        files["marks.csv"] = _csv([rows[0] + [f"c{i}" for i in range(50_000)], *rows[1:]])
    else:
        files["marks.csv"] = _csv([rows[0], rows[1] + ["x"] * 50_000, *rows[2:]])
    return f"large: {what}"


def xlsx(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice(SHEETS)
    data = workbook(_rows(files.pop(name, None) or self.demo[name]))
    what, data = damage(data, rng) if rng.random() < 0.8 else ("sound", data)
    files[name.replace(".csv", ".xlsx")] = data
    return f"{name} as xlsx: {what}"


def dossier(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    name = rng.choice([n for n in files if n.endswith(".pdf")] or ["dossiers/x.pdf"])
    data = files.get(name, b"")
    files[name] = rng.choice(
        (
            b"",
            b"%PDF-",
            data[: rng.randrange(len(data) + 1)],
            _flip(data, rng),
            b"MZ\x90\x00" + data,
            data.replace(b"%PDF", b"%PDX", 1),
        )
    )
    return f"{name}: damaged"


def certificates(self: Mutator, files: dict[str, bytes], rng: random.Random) -> str:
    pems, what = pem_files(rng)
    files.update(pems)
    files["jurors.csv"] = ("\ufeff" + JURORS_HEADER).encode()
    return f"certificates: {what}"


FAMILIES_ON_FILES = {
    f.__name__: f
    for f in (
        csv_cell,
        csv_structure,
        text_bytes,
        encoding,
        json_value,
        json_shape,
        large,
        xlsx,
        dossier,
        certificates,
    )
}


def zip_name(members: list[Member], rng: random.Random) -> str:
    index = rng.randrange(len(members))
    m = members[index]
    what, name, flags = rng.choice(
        (
            ("not utf-8", m.name[:-4] + b"\xff\xfe" + m.name[-4:], UTF8_FLAG),
            ("cp437", m.name + b"\x81", 0),
            ("empty", b"", UTF8_FLAG),
            ("nul", m.name + b"\x00.exe", UTF8_FLAG),
            ("absolute", b"/" + m.name, UTF8_FLAG),
            ("dotdot", b"../" + m.name, UTF8_FLAG),
            ("backslash", m.name.replace(b"/", b"\\"), UTF8_FLAG),
            ("upper", m.name.upper(), UTF8_FLAG),
            ("folder", m.name + b"/", UTF8_FLAG),
            ("surrogate", m.name + b"\xed\xa0\x80", UTF8_FLAG),
            ("drive", b"C:" + m.name, UTF8_FLAG),
            ("long", b"d/" * 2000 + m.name, UTF8_FLAG),
        )
    )
    members[index] = m.with_(name=name, flags=flags)
    return f"zip name {what}: {m.name.decode(errors='replace')}"


def zip_header(members: list[Member], rng: random.Random) -> str:
    index = rng.randrange(len(members))
    m = members[index]
    what = rng.choice(("method", "encrypted", "descriptor", "size", "crc", "extra", "link", "stored-deflate"))
    members[index] = {
        "method": lambda: m.with_(method=rng.choice((99, 9, 12, 14, 1, 6, 97, 98))),
        "encrypted": lambda: m.with_(flags=m.flags | 1),
        "descriptor": lambda: m.with_(flags=m.flags | 8),
        "size": lambda: m.with_(size=rng.choice((0, 1, len(m.data) // 2, len(m.data) + 7, 0xFFFFFFFE))),
        "crc": lambda: m.with_(crc=rng.randrange(1 << 32)),
        "link": lambda: m.with_(external_attr=LINK_ATTR),
        "extra": lambda: m.with_(extra=rng.choice((b"\x01\x00\x04\x00abcd", b"\x01\x00\xff\x00", b"\x99"))),
        "stored-deflate": lambda: m.with_(method=0, payload=None) if m.method == 8 else m.with_(method=8),
    }[what]()
    return f"zip header {what}: {m.name.decode(errors='replace')}"


def zip_members(members: list[Member], rng: random.Random) -> str:
    what = rng.choice(("duplicate", "case twin", "two roots", "nested zip", "junk member", "drop"))
    m = rng.choice(members)
    if what == "duplicate":
        members.append(m.with_(data=m.data[: len(m.data) // 2]))
    elif what == "case twin":
        members.append(m.with_(name=m.name.upper()))
    elif what == "two roots":
        members.extend(x.with_(name=b"copie/" + x.name) for x in list(members))
    elif what == "nested zip":
        members.append(Member(b"paquet.zip", build_zip(members[:4])))
    elif what == "junk member":
        members.append(
            Member(rng.choice((b"Thumbs.db", b"__MACOSX/._campaign.json", b".DS_Store")), b"\x00" * 512)
        )
    elif members:
        members.remove(m)
    return f"zip {what}"


def zip_bomb(members: list[Member], rng: random.Random) -> str:
    what = rng.choice(("dossier 600 MB", "dossier 60 MB", "marks 1.5 GB", "junk 1 GB", "declared 3 GB"))
    pdfs = [i for i, m in enumerate(members) if m.name.endswith(b".pdf")]
    if what.startswith("dossier") and pdfs:
        index = rng.choice(pdfs)
        size = 600_000_000 if "600" in what else 60 * MB
        members[index] = bomb_member(members[index].name, b"%PDF-1.7\n", b"\x00", size)
    elif what == "marks 1.5 GB":
        members[:] = [m for m in members if not m.name.endswith(b"marks.csv")]
        members.append(
            bomb_member(
                b"marks.csv",
                b"\xef\xbb\xbfcandidate_id;item;evaluator_mark;comment\r\n",
                b"C2017-001;A1.1;V;x\r\n",
                1_500_000_000,
            )
        )
    elif what == "junk 1 GB":
        members.append(bomb_member(b"notes.txt", b"", b"\x00", 1_000_000_000))
    else:
        m = rng.choice(members)
        members.append(m.with_(name=b"dossiers/enorme.pdf", size=3_000_000_000))
    return f"zip bomb: {what}"


ZIP_FAMILIES = {f.__name__: f for f in (zip_name, zip_header, zip_members, zip_bomb)}
FAMILIES = tuple(FAMILIES_ON_FILES) * 2 + tuple(ZIP_FAMILIES) * 2


def _damage_archive(data: bytes, rng: random.Random, what: list[str]) -> bytes:
    how = rng.choice(("truncated", "bytes", "junk before", "junk after", "empty", "end record"))
    what.append(f"archive {how}")
    if how == "truncated":
        return data[: rng.randrange(len(data))]
    if how == "bytes":
        return _flip(data, rng)
    if how == "junk before":
        return rng.randbytes(rng.randrange(1, 4096)) + data
    if how == "junk after":
        return data + rng.randbytes(rng.randrange(1, 4096))
    if how == "empty":
        return b""
    end = data.rfind(b"PK\x05\x06")
    return data[: end + 10] + rng.randbytes(12) + data[end + 22 :]
