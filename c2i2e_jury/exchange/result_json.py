"""The result sheet's machine-readable content, ``c2i2e-result.json`` (format ``c2i2e-result/1``,
docs/FORMATS.md §2.2).

The JSON Schema shipped in ``resources/schemas/c2i2e-result.schema.json`` says what each field is; on top of it,
:func:`validate_result` checks what a schema cannot: the 28 items are the referential's, in its order, and the
outcome is the one the certification rules (:mod:`c2i2e_jury.domain.rules`) give for these decisions. A sheet
whose figures contradict its own decisions is refused rather than trusted.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import Attendance, Mark, Outcome, PriorValidation, Situation, Status, evaluate
from c2i2e_jury.errors import UserError

FORMAT = "c2i2e-result/1"
FILE_NAME = "c2i2e-result.json"
SCHEMA_FILE = "c2i2e-result.schema.json"
SHEET_STATUSES = {Status.EXAMINED: "examined", Status.ABSENT: "absent", Status.NOT_ADMITTED: "not_admitted"}


class ResultFormatError(UserError):
    """The JSON is not a valid ``c2i2e-result/1`` document; ``details`` lists every problem."""


@cache
def schema() -> dict[str, Any]:
    from c2i2e_jury.resources_access import read_json

    loaded: dict[str, Any] = read_json("schemas", SCHEMA_FILE)
    return loaded


@cache
def _validator() -> Any:
    """The schema with its ``$defs`` written in place: the same checks and messages, without looking a reference
    up some hundred times a sheet (a quarter of the schema's cost on an import of a thousand sheets)."""
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(inlined(schema()))


@cache
def _valid() -> Callable[[Any], bool]:
    """The schema compiled to a yes-or-no test (:mod:`~c2i2e_jury.exchange.schema_check`): a tenth of
    jsonschema's time on a valid sheet; jsonschema still says what is wrong with an invalid one."""
    from c2i2e_jury.exchange.schema_check import compiled

    return compiled(inlined(schema()))


def inlined(node: Any, defs: Mapping[str, Any] | None = None, depth: int = 0) -> Any:
    """``node`` with every local ``{"$ref": "#/$defs/NAME"}`` replaced by that definition (beside sibling
    keywords, through ``allOf``: both apply, as in 2020-12). The schema has no recursive definition; a reference
    this does not know is left to the validator."""
    if defs is None:
        defs = node.get("$defs", {}) if isinstance(node, dict) else {}
    if depth > 32:
        raise ValueError("schema definitions nested too deep (recursive?)")
    if isinstance(node, list):
        return [inlined(v, defs, depth + 1) for v in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref.removeprefix("#/$defs/") if isinstance(ref, str) and ref.startswith("#/$defs/") else None
    if name is None or name not in defs:
        return {k: inlined(v, defs, depth + 1) for k, v in node.items()}
    target = inlined(defs[name], defs, depth + 1)
    siblings = {k: inlined(v, defs, depth + 1) for k, v in node.items() if k != "$ref"}
    return {"allOf": [target], **siblings} if siblings else target


def to_bytes(result: Mapping[str, Any]) -> bytes:
    """The bytes embedded in the sheet: UTF-8, accents kept as they are, stable key order."""
    return json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8")


MAX_BYTES = 1 << 20  # a genuine sheet's JSON is about 10 kB
_MAX_DIGITS = 18  # no number of a sheet (versions, counts, minutes) comes near it


def from_bytes(data: bytes) -> dict[str, Any]:
    """The JSON object in ``data``; :class:`ResultFormatError` for anything a hostile file could try: too big,
    not UTF-8, duplicate keys (two readers would disagree on which wins), numbers past any sheet's range,
    NaN/Infinity, nesting deeper than Python's parser goes."""
    if len(data) > MAX_BYTES:
        raise ResultFormatError(
            f"{FILE_NAME} est trop volumineux ({len(data) // 1024} Kio ; au plus {MAX_BYTES // 1024} Kio)."
        )
    try:
        loaded = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_unique_keys,
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_no_constant,
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultFormatError(f"{FILE_NAME} n'est pas un JSON lisible : {exc}.") from exc
    except RecursionError as exc:
        raise ResultFormatError(f"{FILE_NAME} est imbriqué trop profondément pour être lu.") from exc
    if not isinstance(loaded, dict):
        raise ResultFormatError(f"{FILE_NAME} n'est pas un objet JSON.")
    return loaded


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ResultFormatError(f"{FILE_NAME} donne deux fois la clé « {key[:40]} ».")
        seen[key] = value
    return seen


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise ResultFormatError(
            f"{FILE_NAME} contient un nombre de {len(text)} chiffres, hors de toute feuille de résultat."
        )
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if len(text) > 64 or value in (float("inf"), float("-inf")):
        raise ResultFormatError(f"{FILE_NAME} contient un nombre hors de toute feuille de résultat.")
    return value


def _no_constant(text: str) -> Any:
    raise ResultFormatError(f"{FILE_NAME} contient « {text} », qui n'est pas un nombre JSON.")


def validate_result(result: Mapping[str, Any], referential: Referential) -> None:
    """Raise :class:`ResultFormatError` listing every problem when ``result`` is not a valid sheet content."""
    errors = [] if _valid()(result) else sorted(_validator().iter_errors(result), key=_error_path)
    if errors:
        details = [f"{'/'.join(str(p) for p in e.absolute_path) or '(racine)'} : {e.message}" for e in errors]
        raise ResultFormatError(f"{FILE_NAME} n'est pas conforme au schéma {FORMAT}.", details)
    problems = _consistency_problems(result, referential)
    if problems:
        raise ResultFormatError(f"{FILE_NAME} est incohérent avec les règles de la certification.", problems)


def _error_path(error: Any) -> list[Any]:
    return list(error.absolute_path)


def _consistency_problems(result: Mapping[str, Any], referential: Referential) -> list[str]:
    codes = [entry["item"] for entry in result["items"]]
    if codes != list(referential.codes):
        return ["items : les 28 items du référentiel sont attendus, dans son ordre (A1.1 … B4.3)"]
    problems: list[str] = []
    supersedes = result["supersedes"]
    if supersedes is not None and supersedes >= result["version"]:
        problems.append(
            f"supersedes : la version {supersedes} ne peut pas être remplacée par la version "
            f"{result['version']}"
        )
    expected = evaluate(referential, situation_of(result))
    outcome = result["outcome"]
    if outcome["validated"] != expected.validated_count:
        problems.append(f"outcome/validated : {outcome['validated']} au lieu de {expected.validated_count}")
    if outcome["missing_by_domain"] != dict(expected.missing_by_domain):
        problems.append(
            f"outcome/missing_by_domain : {outcome['missing_by_domain']} au lieu de "
            f"{dict(expected.missing_by_domain)}"
        )
    if outcome["certificate"] != expected.certificate:
        problems.append(f"outcome/certificate : {outcome['certificate']} au lieu de {expected.certificate}")
    return problems


def situation_of(result: Mapping[str, Any]) -> Situation:
    """The candidate's situation as the sheet states it, for the rules to recompute its outcome."""
    prior = tuple(PriorValidation(e["item"], None, True, True) for e in result["items"] if e["prior"])
    decisions = {e["item"]: Mark(e["jury"]) if e["jury"] else None for e in result["items"]}
    status = result["status"]
    if status == "not_admitted":
        return Situation(deposited=False, prior=prior)
    attendance = Attendance.PRESENT if status == "examined" else Attendance.ABSENT
    return Situation(attendance=attendance, prior=prior, decisions=decisions)


FRAUD_SUSPICION = "fraud_suspicion"


def prior_items(result: Mapping[str, Any]) -> tuple[str, ...]:
    """The earlier validations the sheet records as counting (acquired), in referential order."""
    return tuple(entry["item"] for entry in result["items"] if entry["prior"])


def validated_items(result: Mapping[str, Any], referential: Referential) -> tuple[str, ...]:
    """The items the sheet validates (its acquired items included), as the rules read its decisions."""
    return evaluate(referential, situation_of(result)).validated


def fraud_reported(result: Mapping[str, Any]) -> bool:
    """The jury reported a suspicion of fraud or plagiarism at the oral: the certification jury decides."""
    return any(incident["kind"] == FRAUD_SUSPICION for incident in result["oral"]["incidents"])


def stated_situation(
    status: str, prior: Sequence[str], validated: Sequence[str], referential: Referential
) -> Situation:
    """The situation a sheet stated, rebuilt from the few facts kept beside it (status, acquired and validated
    items): the rules give it the outcome the sheet signed, without reading the whole sheet again."""
    acquired = tuple(PriorValidation(code, None, True, True) for code in prior)
    if status == "not_admitted":
        return Situation(deposited=False, prior=acquired)
    if status != "examined":
        return Situation(attendance=Attendance.ABSENT, prior=acquired)
    held = set(validated)
    decisions = {
        code: Mark.VALIDATED if code in held else Mark.NOT_VALIDATED
        for code in referential.codes
        if code not in prior
    }
    return Situation(attendance=Attendance.PRESENT, prior=acquired, decisions=decisions)


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "validated": outcome.validated_count,
        "missing_by_domain": dict(outcome.missing_by_domain),
        "certificate": outcome.certificate,
        "explanation": outcome.explanation,
    }


def build_result(
    *,
    campaign: str,
    candidate: Mapping[str, str],
    version: int,
    supersedes: int | None,
    items: Sequence[Mapping[str, Any]],
    outcome: Outcome,
    oral: Mapping[str, Any],
    jurors: Sequence[Mapping[str, str]],
    signed_at: datetime,
    referential: Referential,
    campaign_title: str | None = None,
    reason: str | None = None,
) -> dict[str, Any]:
    """Assemble and validate a ``c2i2e-result/1`` document; ``outcome`` is what :func:`rules.evaluate` gave."""
    if outcome.status not in SHEET_STATUSES:
        raise ValueError(f"no result sheet for a candidate whose status is {outcome.status}")
    if signed_at.tzinfo is None:
        raise ValueError("signed_at must be timezone-aware")
    result: dict[str, Any] = {"format": FORMAT, "campaign": campaign}
    if campaign_title is not None:
        result["campaign_title"] = campaign_title
    result |= {
        "candidate": {k: candidate[k] for k in ("id", "last_name", "first_name")},
        "version": version,
        "supersedes": supersedes,
    }
    if reason is not None:
        result["reason"] = reason
    result |= {
        "status": SHEET_STATUSES[outcome.status],
        "items": [dict(entry) for entry in items],
        "outcome": outcome_json(outcome),
        "oral": dict(oral),
        "jurors": [dict(j) for j in jurors],
        "signed_at": signed_at.isoformat(),
    }
    validate_result(result, referential)
    return result
