"""The evaluator's signed marks, for programs: ``c2i2e-marks.json`` (format ``c2i2e-marks/1``, docs/FORMATS.md
§8.2), embedded in the marks PDF the evaluator signs (:mod:`.marks_pdf`).

One file carries one candidate or a batch of them, all evaluated by the one evaluator who signs it::

    {"format": "c2i2e-marks/1", "campaign": "…", "signed_at": "ISO time",
     "evaluator": {"name": "…", "fingerprint": "sha-256 of the certificate"},
     "candidates": [{"id": "…", "last_name": "…", "first_name": "…", "dossier_sha256": "… or empty",
                     "items": [{"item": "A1.1", "mark": "V" | "NV" | null, "comment": "…"}, … 28],
                     "rework": null | {"requested_at": "ISO time", "requirements": ["sentence", …]}}]}

:func:`validate_marks` checks everything a hostile file could try (types, lengths, the 28 items of the
referential in its order, one entry per candidate) and says each problem in French.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.errors import UserError

FORMAT = "c2i2e-marks/1"
FILE_NAME = "c2i2e-marks.json"
MARKS = ("V", "NV", None)
MAX_BYTES = 4 << 20  # a batch of a hundred candidates with long comments stays far below
MAX_CANDIDATES = 500
MAX_TEXT = 4000  # a comment, a requirement
MAX_REQUIREMENTS = 40


class MarksFormatError(UserError):
    """The JSON is not a valid ``c2i2e-marks/1`` document; ``details`` lists every problem."""


def to_bytes(marks: Mapping[str, Any]) -> bytes:
    return json.dumps(marks, ensure_ascii=False, indent=2).encode("utf-8")


def from_bytes(data: bytes) -> dict[str, Any]:
    """The JSON object in ``data``, refusing what two readers could read differently (duplicate keys, NaN)."""
    if len(data) > MAX_BYTES:
        raise MarksFormatError(f"{FILE_NAME} est trop volumineux ({len(data) // 1024} Kio).")

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise MarksFormatError(f"{FILE_NAME} donne deux fois la clé « {key[:40]} ».")
            out[key] = value
        return out

    def constant(text: str) -> Any:
        raise MarksFormatError(f"{FILE_NAME} contient « {text} », qui n'est pas un nombre JSON.")

    try:
        loaded = json.loads(data.decode("utf-8"), object_pairs_hook=unique, parse_constant=constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MarksFormatError(f"{FILE_NAME} n'est pas un JSON lisible : {exc}.") from exc
    except (RecursionError, ValueError) as exc:
        raise MarksFormatError(f"{FILE_NAME} n'est pas un JSON lisible.") from exc
    if not isinstance(loaded, dict):
        raise MarksFormatError(f"{FILE_NAME} n'est pas un objet JSON.")
    return loaded


def validate_marks(marks: Mapping[str, Any], referential: Referential) -> None:
    """Raise :class:`MarksFormatError` with every problem when ``marks`` is not a valid marks document."""
    problems: list[str] = []
    if marks.get("format") != FORMAT:
        problems.append(f"format : « {FORMAT} » attendu")
    for key in ("campaign", "signed_at"):
        _text(marks.get(key), key, problems, required=True)
    if isinstance(marks.get("signed_at"), str) and _time(marks["signed_at"]) is None:
        problems.append("signed_at : date et heure ISO 8601 avec fuseau attendues")
    evaluator = marks.get("evaluator")
    if not isinstance(evaluator, dict):
        problems.append("evaluator : objet attendu (name, fingerprint)")
    else:
        _text(evaluator.get("name"), "evaluator/name", problems, required=True)
        _text(evaluator.get("fingerprint"), "evaluator/fingerprint", problems, required=True)
    candidates = marks.get("candidates")
    if not isinstance(candidates, list) or not 1 <= len(candidates) <= MAX_CANDIDATES:
        problems.append(f"candidates : liste de 1 à {MAX_CANDIDATES} candidats attendue")
        candidates = []
    seen: set[str] = set()
    for n, entry in enumerate(candidates):
        _candidate(entry, f"candidates/{n}", referential, problems)
        cid = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(cid, str) and cid in seen:
            problems.append(f"candidates/{n} : le candidat {cid[:64]} figure deux fois")
        seen.add(str(cid))
    if problems:
        raise MarksFormatError(f"{FILE_NAME} n'est pas conforme au format {FORMAT}.", problems[:20])


def _candidate(entry: Any, where: str, referential: Referential, problems: list[str]) -> None:
    if not isinstance(entry, dict):
        problems.append(f"{where} : objet attendu")
        return
    for key in ("id", "last_name", "first_name"):
        _text(entry.get(key), f"{where}/{key}", problems, required=True)
    _text(entry.get("dossier_sha256", ""), f"{where}/dossier_sha256", problems)
    items = entry.get("items")
    codes = [i.get("item") if isinstance(i, dict) else None for i in items] if isinstance(items, list) else []
    if codes != list(referential.codes):
        problems.append(f"{where}/items : les 28 items du référentiel, dans son ordre, sont attendus")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            if item.get("mark") not in MARKS:
                problems.append(f"{where}/items/{i}/mark : « V », « NV » ou null attendu")
            _text(item.get("comment", ""), f"{where}/items/{i}/comment", problems)
    rework = entry.get("rework")
    if rework is not None:
        _rework(rework, f"{where}/rework", problems)


def _rework(rework: Any, where: str, problems: list[str]) -> None:
    if not isinstance(rework, dict) or _time(rework.get("requested_at")) is None:
        problems.append(f"{where} : objet avec requested_at (date ISO 8601) attendu")
        return
    requirements = rework.get("requirements")
    if not isinstance(requirements, list) or not 1 <= len(requirements) <= MAX_REQUIREMENTS:
        problems.append(f"{where}/requirements : liste de 1 à {MAX_REQUIREMENTS} phrases attendue")
        return
    for i, sentence in enumerate(requirements):
        _text(sentence, f"{where}/requirements/{i}", problems, required=True)


def _text(value: Any, where: str, problems: list[str], *, required: bool = False) -> None:
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(f"{where} : texte{' non vide' if required else ''} attendu")
    elif len(value) > MAX_TEXT or any(ord(c) < 32 and c not in "\n\t" for c in value):
        problems.append(f"{where} : texte trop long ou avec des caractères de contrôle")


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def signed_time(marks: Mapping[str, Any]) -> datetime:
    """The time the document states (valid documents only)."""
    moment = _time(marks["signed_at"])
    assert moment is not None
    return moment
