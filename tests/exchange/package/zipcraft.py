"""A zip writer that lets a test write what zipfile refuses to: member names that are not UTF-8 (or empty),
unknown compression methods, flags, sizes and CRCs that lie, garbage extra fields, and members inflating to
hundreds of megabytes from a few hundred kilobytes (bombs, compressed once and cached). Only the fuzzing and
the limit tests use it: real archives come from zipfile."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, replace
from functools import cache

STORED, DEFLATED = 0, 8
UTF8_FLAG = 0x800
FILE_ATTR = 0o100644 << 16
LINK_ATTR = 0o120777 << 16


@dataclass(frozen=True)
class Member:
    """One member: its name as bytes, its content, and whatever its headers should claim."""

    name: bytes
    data: bytes = b""
    method: int = DEFLATED  # any other number than 0 or 8: the data is stored raw under that method
    flags: int = UTF8_FLAG
    external_attr: int = FILE_ATTR
    payload: bytes | None = None  # already compressed (a bomb): written as is, with ``size`` and ``crc``
    size: int | None = None  # the inflated size the headers claim
    crc: int | None = None
    extra: bytes = b""

    def with_(self, **changes: object) -> Member:
        return replace(self, **changes)  # type: ignore[arg-type]


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _encoded(member: Member) -> tuple[bytes, int, int]:
    """(payload, crc, inflated size) as the headers will say."""
    if member.payload is not None:
        payload = member.payload
    else:
        payload = _deflate(member.data) if member.method == DEFLATED else member.data
    crc = zlib.crc32(member.data) if member.crc is None else member.crc
    size = len(member.data) if member.size is None else member.size
    return payload, crc & 0xFFFFFFFF, min(size, 0xFFFFFFFE)


def build_zip(members: list[Member], comment: bytes = b"") -> bytes:
    """The archive's bytes: local headers and data, then the central directory."""
    body, central = bytearray(), bytearray()
    for m in members:
        payload, crc, size = _encoded(m)
        offset = len(body)
        body += (
            struct.pack(
                "<4s5H3L2H",
                b"PK\x03\x04",
                20,
                m.flags,
                m.method,
                0,
                0x21,
                crc,
                len(payload),
                size,
                len(m.name),
                len(m.extra),
            )
            + m.name
            + m.extra
            + payload
        )
        central += (
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                0x031E,
                20,
                m.flags,
                m.method,
                0,
                0x21,
                crc,
                len(payload),
                size,
                len(m.name),
                len(m.extra),
                0,
                0,
                0,
                m.external_attr,
                offset,
            )
            + m.name
            + m.extra
        )
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(body), len(comment)
    )
    return bytes(body + central + end + comment)


@cache
def bomb(head: bytes, unit: bytes, inflated: int) -> tuple[bytes, int]:
    """``head`` then ``unit`` repeated up to ``inflated`` bytes, deflated: (payload, crc). A megabyte of ``unit`` is
    deflated once and its bytes repeated: after a full flush a deflate block refers to nothing before it, so the
    copies make one valid stream (deflating a 1.5 GB member took seconds in every process that built one)."""
    block = unit * max(1, (1 << 20) // len(unit))
    whole, rest = divmod(max(0, inflated - len(head)), len(block))
    crc = zlib.crc32(head)
    for _ in range(whole):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(block[:rest], crc)
    return _deflated(head, full_flush=True) + _deflated(block, full_flush=True) * whole + _deflated(
        block[:rest]
    ), crc


def _deflated(data: bytes, *, full_flush: bool = False) -> bytes:
    """``data`` as raw deflate blocks that refer to nothing before them; the last piece ends the stream."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH if full_flush else zlib.Z_FINISH)


def bomb_member(name: bytes, head: bytes, unit: bytes, inflated: int) -> Member:
    payload, crc = bomb(head, unit, inflated)
    return Member(name, payload=payload, size=inflated, crc=crc)
