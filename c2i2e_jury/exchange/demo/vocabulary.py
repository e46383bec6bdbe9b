"""What the demo's screenshots say: first names, sentences, words, school subjects and quiz questions a trainee
teacher's software windows would show (French, with the accents and ligatures the fonts must draw)."""

from __future__ import annotations

FIRST = (
    "Léa",
    "Hugo",
    "Chloé",
    "Nathan",
    "Inès",
    "Louis",
    "Manon",
    "Enzo",
    "Jade",
    "Théo",
    "Zoé",
    "Maël",
    "Anaïs",
    "Jules",
    "Océane",
    "Lucas",
    "Emma",
    "Noé",
    "Sarah",
    "Timéo",
)

SENTENCES = (
    "Pour jeudi, relire la leçon et terminer l'exercice 4 page 112.",
    "Je n'ai pas compris la question 3, quelqu'un peut m'expliquer ?",
    "Voici le lien vers la vidéo dont on a parlé en classe.",
    "Notre groupe a fini la frise, il reste à ajouter les sources.",
    "Attention : les documents doivent être déposés avant vendredi 18 h.",
    "Bravo pour vos recherches, pensez à citer les sites consultés.",
    "On a trouvé une carte plus récente sur le site de l'IGN.",
    "Le schéma de l'expérience est dans le dossier partagé.",
    "Qui s'occupe de la conclusion ? Je peux relire l'introduction.",
    "La correction du questionnaire est disponible dans l'espace de la classe.",
    "Merci de ne pas modifier le paragraphe des autres groupes.",
    "J'ai ajouté deux exemples tirés du texte de Maupassant.",
    "Les mesures du groupe 2 ne correspondent pas à notre hypothèse.",
    "Rappel : la sortie au musée est reportée au mardi 14.",
    "Quelle est la différence entre une source primaire et secondaire ?",
    "Nous avons vérifié l'information sur deux sites différents.",
    "La carte mentale est presque terminée, il manque la partie 3.",
    "Pensez à enregistrer votre travail dans votre dossier personnel.",
)

WORDS = (
    "séance",
    "consigne",
    "document",
    "élèves",
    "groupe",
    "correction",
    "exercice",
    "carte",
    "frise",
    "vidéo",
    "schéma",
    "lecture",
    "rédaction",
    "recherche",
    "source",
    "réponse",
    "brouillon",
    "projet",
    "évaluation",
    "tableau",
    "résumé",
    "questionnaire",
    "expérience",
    "mesure",
    "hypothèse",
    "débat",
)

SUBJECTS = (
    "Histoire-géo",
    "Français",
    "Mathématiques",
    "SVT",
    "Physique-chimie",
    "Anglais",
    "Technologie",
    "EMC",
    "Arts plastiques",
    "Éducation musicale",
)

QUIZZES = (
    ("Les fractions", "Quelle fraction est égale à 0,75 ?", ("3/4", "7/5", "75/10", "4/3")),
    (
        "La Révolution française",
        "En quelle année la Bastille est-elle prise ?",
        ("1789", "1792", "1799", "1804"),
    ),
    (
        "Le cycle de l'eau",
        "Comment appelle-t-on le passage de l'état liquide à l'état gazeux ?",
        ("La fusion", "L'évaporation", "La condensation", "La solidification"),
    ),
    (
        "Le présent de l'indicatif",
        "Quelle est la bonne forme du verbe « aller » ?",
        ("Nous allons", "Nous allont", "Nous vons", "Nous allâmes"),
    ),
)
