"""What the demo's evaluators wrote beside each mark: one remark per item when it is validated, one when it is
not, as an evaluator writes them after reading a dossier. The harsher evaluator is terser when validating and
firmer when not, which is what the jury has to weigh.
"""

from __future__ import annotations

import random

ACQUIRED = "Item validé lors d'une campagne antérieure (attestation fournie) : non réévalué."

REMARKS: dict[str, tuple[str, str]] = {
    "A1.1": (
        "Personnes ressources bien identifiées (référent numérique, DANE).",
        "Les personnes ressources ne sont pas citées ni leur rôle expliqué.",
    ),
    "A1.2": (
        "Bonne connaissance des équipements de l'établissement.",
        "L'environnement matériel de l'établissement n'est pas décrit.",
    ),
    "A1.3": (
        "Usage raisonné de l'ENT, choix des services justifiés.",
        "L'ENT est mentionné mais aucun usage réel n'est montré.",
    ),
    "A1.4": (
        "Communication avec les familles par les canaux institutionnels.",
        "Utilisation de la messagerie personnelle avec les familles : non conforme.",
    ),
    "A1.5": (
        "Ressources organisées, sources professionnelles citées.",
        "Ressources non organisées, sources non identifiées.",
    ),
    "A2.1": ("Parcours M@gistère et webinaires attestés.", "Aucune formation en ligne suivie ou décrite."),
    "A2.2": (
        "Référence pertinente à des travaux de recherche, bien exploitée.",
        "Aucune référence à des travaux de recherche.",
    ),
    "A2.3": (
        "Veille réelle et outillée, décrite avec précision.",
        "Veille évoquée en une phrase, sans outil ni exemple.",
    ),
    "A3.1": (
        "Messages adaptés aux différents destinataires.",
        "Pas d'analyse de l'adaptation du discours aux destinataires.",
    ),
    "A3.2": (
        "Critères de validité de l'information travaillés avec les élèves.",
        "Sécurité et filtrage non abordés ; validité de l'information survolée.",
    ),
    "A3.3": (
        "Droit à l'image et licences correctement traités.",
        "Images utilisées sans mention de licence ; droit à l'image non abordé.",
    ),
    "A3.4": ("Charte d'usage présentée et utilisée en situation.", "Pas de mention de la charte d'usage."),
    "B1.1": (
        "Mutualisation effective des ressources avec l'équipe.",
        "Pas de trace de partage ou de mutualisation.",
    ),
    "B1.2": (
        "Contribution au projet collectif clairement identifiée.",
        "La part personnelle dans le projet collectif n'apparaît pas.",
    ),
    "B1.3": (
        "Coordination du travail en réseau attestée.",
        "Aucune situation de coordination ou d'animation d'équipe.",
    ),
    "B2.1": (
        "Choix du numérique justifié par l'objectif d'apprentissage.",
        "Le recours au numérique n'est pas justifié.",
    ),
    "B2.2": (
        "Scénario pédagogique bien décrit, traces d'élèves présentes.",
        "Scénario décrit de façon trop générale, sans traces d'élèves.",
    ),
    "B2.3": (
        "Démarche de recherche d'information bien construite.",
        "La recherche d'information se limite à une consigne « cherchez sur Internet ».",
    ),
    "B2.4": (
        "Ressources adaptées, attention portée aux élèves à besoins particuliers.",
        "Aucune adaptation des ressources à la diversité des élèves.",
    ),
    "B2.5": (
        "Mise à distance réelle via l'ENT, bien articulée à la classe.",
        "Pas de dispositif à distance, seulement un dépôt de fichiers.",
    ),
    "B3.1": (
        "Modalités de travail variées et justifiées.",
        "Une seule modalité de travail, collective, devant le vidéoprojecteur.",
    ),
    "B3.2": (
        "Alternance entre activités avec et sans numérique bien pensée.",
        "L'alternance avec et sans numérique n'est pas analysée.",
    ),
    "B3.3": (
        "Différenciation effective, temps de travail adaptés.",
        "La différenciation est annoncée mais pas mise en œuvre.",
    ),
    "B3.4": (
        "Accompagnement des élèves à distance attesté (forum, commentaires).",
        "Aucun accompagnement des élèves par les outils numériques.",
    ),
    "B3.5": (
        "Solution de repli prévue et utilisée lors de la panne.",
        "L'incident technique n'est pas anticipé.",
    ),
    "B4.1": ("Compétences B2i identifiées et explicitées aux élèves.", "Compétences B2i non identifiées."),
    "B4.2": (
        "Validation B2i intégrée à la démarche de l'équipe.",
        "Pas de lien avec l'évaluation collective du B2i.",
    ),
    "B4.3": (
        "Outils de suivi utilisés pour ajuster l'enseignement.",
        "Les résultats du questionnaire ne sont pas exploités.",
    ),
}
_TERSE = ("Validé.", "Suffisant.", "Acceptable, sans plus.", "Validé de justesse.", "Conforme.")


def comment(code: str, mark: str, harsh: bool, rng: random.Random) -> str:
    """The evaluator's comment on one item given the mark (``V``, ``NV`` or ``""`` for an acquired item)."""
    if mark == "":
        return ACQUIRED
    validated, not_validated = REMARKS[code]
    if mark == "V":
        return rng.choice(_TERSE) if harsh and rng.random() < 0.7 else validated
    return f"{not_validated} Insuffisant." if harsh else not_validated
