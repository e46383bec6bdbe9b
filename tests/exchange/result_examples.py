"""A result sheet's content (``c2i2e-result.json``) as the tests and the benchmarks need one: realistic and
valid, with accents, « », œ, a reversed decision each way, earlier validations, an oral with a pause and an
incident. Test data, kept out of the shipped package."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import evaluate
from c2i2e_jury.exchange.result_json import FORMAT, outcome_json, situation_of

JURY_NV = {
    "A3.4": "Les usages de l'ENT avec les familles ne sont pas décrits.",
    "B2.5": "Aucune production d'élève n'est montrée.",
    "B3.2": "La différenciation annoncée n'apparaît pas dans la séquence.",
    "B4.3": "L'auto-évaluation des élèves reste à construire.",
}
EVALUATOR_NV = ("B2.5", "B3.2", "A2.3")
PRIOR = ("A1.1", "A1.2")


def example_result(
    referential: Referential,
    jurors: Sequence[Mapping[str, str]] | None = None,
    *,
    status: str = "examined",
    version: int = 1,
) -> dict[str, Any]:
    """A realistic, valid sheet content (accents, « », œ) for the tests and the benchmarks.

    ``jurors`` are ``{"name", "fingerprint"}`` mappings; by default two made-up jurors whose fingerprints match
    no credential (fine for rendering, not for verifying a signed sheet).
    """
    items: list[dict[str, Any]] = []
    for code in referential.codes:
        prior = code in PRIOR
        evaluator = None if prior else ("NV" if code in EVALUATOR_NV else "V")
        jury = None if prior or status != "examined" else ("NV" if code in JURY_NV else "V")
        entry: dict[str, Any] = {
            "item": code,
            "evaluator": evaluator,
            "jury": jury,
            "prior": prior,
            "comment": JURY_NV.get(code, "") if jury else "",
        }
        if jury and evaluator and jury != evaluator:
            entry["justification"] = (
                "Démontré à l'oral : la séquence « Les fractions » et son œuvre collective."
                if jury == "V"
                else "Non démontré à l'oral."
            )
        if code == "B3.1":
            entry["evaluator_comment"] = (
                "Scénario « classe inversée » solide ; l'œil critique sur les sources."
            )
        items.append(entry)
    result: dict[str, Any] = {
        "format": FORMAT,
        "campaign": "c2i2e-2017",
        "campaign_title": "C2i2e — campagne 2016-2017",
        "candidate": {"id": "2017-042", "last_name": "Lefèvre-Dupré", "first_name": "Hélène"},
        "version": version,
        "supersedes": version - 1 if version > 1 else None,
    }
    if version > 1:
        result["reason"] = "Erreur de saisie sur l'item B2.5, corrigée à la demande du jury."
    result |= {"status": status, "items": items}
    result["outcome"] = outcome_json(evaluate(referential, situation_of(result)))
    result["oral"] = example_oral(status)
    result["jurors"] = (
        [dict(j) for j in jurors]
        if jurors
        else [
            {"name": "Benoît Œhlenschläger", "fingerprint": "a" * 64},
            {"name": "Zoé Mäkelä-Garçon", "fingerprint": "b" * 64},
        ]
    )
    result["signed_at"] = "2017-06-12T14:40:00+02:00"
    return result


def example_oral(status: str) -> dict[str, Any]:
    oral: dict[str, Any] = {
        "presentation_minutes": 10,
        "discussion_minutes": 20,
        "extra_time_percent": 0,
        "timing_log": [],
        "incidents": [],
    }
    if status != "examined":
        return oral

    def at(clock: str) -> str:
        return f"2017-06-12T{clock}+02:00"

    oral["checked_in_at"] = at("13:58:30")
    oral["planned_seconds"] = {"presentation": 600, "discussion": 1200}
    oral["elapsed_seconds"] = {"presentation": 612, "discussion": 1190}
    oral["paused_seconds"] = 120
    oral["timing_log"] = [
        {"kind": "phase_started", "at": at("14:00:00"), "phase": "presentation"},
        {
            "kind": "phase_ended",
            "at": at("14:10:12"),
            "phase": "presentation",
            "seconds": 612,
            "overtime_seconds": 12,
        },
        {"kind": "phase_started", "at": at("14:10:20"), "phase": "discussion"},
        {"kind": "paused", "at": at("14:18:00"), "phase": "discussion", "reason": "Vidéoprojecteur éteint"},
        {"kind": "resumed", "at": at("14:20:00"), "phase": "discussion", "seconds": 120},
        {
            "kind": "phase_ended",
            "at": at("14:32:10"),
            "phase": "discussion",
            "seconds": 1190,
            "overtime_seconds": 0,
        },
        {"kind": "finished", "at": at("14:32:10"), "phase": "discussion"},
    ]
    oral["incidents"] = [
        {
            "kind": "technical",
            "at": at("14:18:00"),
            "note": "Le vidéoprojecteur s'est éteint ; reprise après deux minutes « sans perte ».",
        }
    ]
    return oral
