"""Hostile values the mutator puts in cells, JSON strings and certificates: what a careless secretariat, a
damaged disk or an attacker would hand the import. Each is a plain value; where it goes is the mutator's
choice."""

from __future__ import annotations

import json
import random

CELLS = (
    "",
    " ",
    "\x00",
    "A\x00B",
    "9" * 5000,
    "1" + "0" * 4400,
    "9" * 50,
    "-1",
    "1e308",
    "NaN",
    "inf",
    "0x10",
    "x" * 20_000,
    "x" * 140_000,
    '"',
    '"unclosed;',
    "a\rb",
    "a\nb",
    "\u202eevil",
    "😀",
    "\uffff",
    "\ufeffC1",
    "\u0301" * 2000,
    "A1.1 ",
    "a1.1",
    "Z9.9",
    "../../x.pdf",
    "/etc/passwd",
    "C:\\x.pdf",
    "dossiers/../../x.pdf",
    "=cmd|' /C calc'!A0",
    "oui",
    "non",
    "peut-être",
    "2017-02-30",
    "31/12/99999",
    "12/06/2017",
    "25:99",
    "99h",
    "100%",
    "²",
    "٣",
    "𝟗",
    "१२",
    "2016",
    "99999",
    "président",
    "president",
    "PRESIDENT",
    "J1",
    "J9",
    "C2017-001",
    "C2017-002",
    "c2017-001",
    "dossiers/",
    ".",
    "..",
    "\\",
    "%PDF-1.7",
    "V",
    "NV",
    "v",
    "n/a",
)

JSON_VALUES: tuple[object, ...] = (
    "\ud800",
    "\udfff",
    "a\ud83dz",
    "A\x00B",
    "\x00",
    "",
    " ",
    "x" * 100_000,
    "\u202e",
    "😀" * 500,
    None,
    True,
    False,
    0,
    -1,
    2017.5,
    [],
    {},
    [1, 2],
    {"room": "B112"},
    {"room": 5},
    "2017-13-01",
    "2017-02-30",
    "٢٠١٧-٠٥-١٠",
    "2017-5-1",
    "1999-01-01",
    "2100-12-31",
    1e308,
    "c2i2e-campaign/2",
    "../x",
    "C\u0007",
)
RAW_JSON_VALUES = (
    "1" + "0" * 5000,
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    "[" * 50_000 + "]" * 50_000,
    '"\\ud800"',
    '"\\u0000"',
    '"\\udc80\\ud800"',
)


def cell(rng: random.Random) -> str:
    return rng.choice(CELLS)


def json_value(rng: random.Random) -> str:
    """A JSON text for one value (some Python cannot write: huge integers, NaN, deep nesting)."""
    if rng.random() < 0.3:
        return rng.choice(RAW_JSON_VALUES)
    return json.dumps(rng.choice(JSON_VALUES), ensure_ascii=rng.random() < 0.5)


def encode(text: str, rng: random.Random) -> bytes:
    """``text`` in some encoding Excel or a text editor may have used, or a mix of two, or bytes that are no
    text at all in the encoding the reader will detect."""
    choice = rng.randrange(9)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode(rng.choice(("utf-16-le", "utf-16-be", "utf-32")))
    if choice == 2:
        return text.encode("cp1252", errors="replace")
    if choice == 3:  # UTF-8 with Windows-1252 lines in the middle
        lines = text.split("\r\n")
        return b"\r\n".join(
            line.encode("cp1252" if i % 3 else "utf-8", errors="replace") for i, line in enumerate(lines)
        )
    if choice == 4:
        return text.encode("utf-8", errors="surrogatepass")
    if choice == 5:
        return text.encode("shift_jis", errors="replace")
    if choice == 6:  # bytes no encoding decodes: 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
        return text.encode("utf-8") + bytes(
            rng.choice((0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF)) for _ in range(20)
        )
    if choice == 7:
        return b"\xef\xbb\xbf" + text.encode("utf-16-le")
    return text.encode("utf-8-sig")
