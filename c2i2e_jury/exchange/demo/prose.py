"""The sentences the demo dossiers are written with: a small bank per section and one sentence per item,
combined by a seeded generator so that each candidate's dossier reads differently but plausibly.

Written without gender agreement on the writer (no « je suis allé(e) »), so that any candidate can sign any
sentence. Placeholders in braces come from a :class:`Profile`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """Where and what the candidate taught during the training year."""

    discipline: str
    school: str  # with its preposition: « au collège … », « à l'école … »
    level: str
    theme: str
    software: str
    project: str

    def fill(self, text: str) -> str:
        return text.format(
            discipline=self.discipline,
            school=self.school,
            level=self.level,
            theme=self.theme,
            software=self.software,
            project=self.project,
        )


PROFILES = (
    Profile(
        "histoire-géographie",
        "au collège Champollion de Grenoble",
        "cinquième",
        "les échanges en Méditerranée au Moyen Âge",
        "Géoportail",
        "Grenoble au fil de l'Isère",
    ),
    Profile(
        "lettres modernes",
        "au collège Jules Vallès de Fontaine",
        "quatrième",
        "la nouvelle réaliste",
        "LibreOffice Writer",
        "Écrire la ville",
    ),
    Profile(
        "mathématiques",
        "au lycée Emmanuel Mounier de Grenoble",
        "seconde",
        "les fonctions affines",
        "GeoGebra",
        "Les mathématiques dans la cuisine",
    ),
    Profile(
        "sciences de la vie et de la Terre",
        "au collège Le Grésivaudan de Saint-Ismier",
        "sixième",
        "la germination des graines",
        "Moodle",
        "Le jardin du collège",
    ),
    Profile(
        "anglais",
        "au lycée Pablo Neruda de Saint-Martin-d'Hères",
        "première",
        "la ville de demain",
        "Audacity",
        "Correspondance avec un lycée de Manchester",
    ),
    Profile(
        "professorat des écoles",
        "à l'école élémentaire Jean Jaurès d'Échirolles",
        "CM1",
        "le cycle de l'eau",
        "l'ENT Correspondance",
        "La classe découverte dans le Vercors",
    ),
    Profile(
        "physique-chimie",
        "au collège Fantin-Latour de Grenoble",
        "troisième",
        "la vitesse et les mouvements",
        "un tableur",
        "La semaine des sciences",
    ),
)

INTRODUCTION = (
    "Ce dossier présente les compétences développées dans le domaine des technologies de l'information et de la "
    "communication pour l'enseignement au cours de mon année de stage en {discipline}.",
    "Mon stage en responsabilité s'est déroulé {school}, avec une classe de {level} à raison de neuf heures par "
    "semaine.",
    "Le dossier suit l'organisation demandée par le référentiel : la première partie décrit une situation "
    "d'apprentissage conçue et mise en œuvre avec mes élèves, la deuxième ma veille pédagogique et scientifique, la "
    "troisième mon environnement numérique professionnel, la quatrième les enjeux juridiques et éthiques.",
    "Avant cette année, mon usage du numérique restait surtout personnel ; l'enjeu était donc de passer d'une pratique "
    "privée à une pratique professionnelle, pensée pour les apprentissages des élèves.",
    "Chaque compétence du référentiel est signalée par son code entre parenthèses, à l'endroit du dossier où je pense "
    "l'avoir mise en œuvre.",
    "Les captures d'écran ont été anonymisées : les prénoms des élèves ont été remplacés et aucune photographie "
    "d'élève n'apparaît.",
    "J'ai choisi de présenter en détail une seule séquence plutôt que plusieurs activités survolées, afin de montrer "
    "la cohérence entre les objectifs, les outils et l'évaluation.",
    "Ce travail m'a aussi permis de prendre du recul sur mes premières séances, où le numérique était parfois "
    "utilisé pour lui-même plutôt que pour servir un objectif d'apprentissage.",
)

PARTS = {
    1: (
        "La séquence présentée porte sur {theme} et s'est déroulée sur quatre séances de cinquante-cinq minutes.",
        "Les élèves travaillaient en binômes sur les postes de la salle informatique, puis mettaient en commun leurs "
        "résultats au vidéoprojecteur.",
        "Chaque séance commençait par un temps sans écran, pour faire émerger les représentations des élèves avant "
        "toute recherche.",
        "L'objectif principal était que les élèves sachent justifier une réponse à partir de plusieurs documents, et "
        "non seulement la trouver.",
        "L'outil retenu, {software}, était déjà connu d'une partie de la classe, ce qui a limité le temps de prise en "
        "main.",
        "La production finale, une courte synthèse illustrée, a été déposée par chaque groupe dans l'espace de la classe.",
        "Le bilan de la séquence est contrasté : les élèves ont été très investis, mais la gestion du temps a été "
        "difficile lors de la deuxième séance.",
        "Si je devais refaire cette séquence, je réduirais le nombre de documents proposés et je donnerais un exemple "
        "de synthèse réussie dès le départ.",
        "Le professeur documentaliste a co-animé la séance de recherche, ce qui a permis de travailler les critères de "
        "choix des sources.",
        "Les traces écrites ont été conservées dans le cahier des élèves, pour que le numérique ne remplace pas l'écrit "
        "mais le complète.",
    ),
    2: (
        "Ma veille s'est construite progressivement, d'abord à partir des ressources conseillées en formation, puis "
        "selon les besoins rencontrés en classe.",
        "Je consulte chaque semaine les nouveautés publiées sur Éduscol et sur le site disciplinaire de l'académie de "
        "Grenoble.",
        "Les échanges avec les collègues de l'établissement restent une source importante d'idées, souvent plus "
        "concrètes que les ressources en ligne.",
        "Je distingue désormais les ressources institutionnelles, les ressources produites par des enseignants et les "
        "travaux de recherche, qui n'ont pas le même statut.",
        "Cette veille a directement nourri la séquence présentée en première partie, en particulier le choix des "
        "documents et la forme de l'évaluation.",
        "Le temps consacré à la veille reste difficile à dégager pendant l'année de stage ; j'ai donc choisi quelques "
        "sources fiables plutôt qu'une multitude d'abonnements.",
        "Les conférences de consensus du Cnesco aident à distinguer ce qui est établi par la recherche de ce qui "
        "relève de l'intuition ou de la mode.",
        "J'ai pris l'habitude de noter, pour chaque ressource retenue, sa source, sa date et l'usage que j'en ai fait en "
        "classe.",
        "La revue des Cahiers pédagogiques m'a fourni plusieurs comptes rendus de pratiques proches de la mienne, que "
        "j'ai pu adapter.",
        "Le réseau Canopé de l'Isère propose des ateliers en soirée, dont un sur la classe inversée auquel j'ai "
        "participé en février.",
        "Je partage à mon tour certaines ressources avec les autres stagiaires de mon groupe de formation, ce qui "
        "oblige à les sélectionner et à les présenter clairement.",
    ),
    3: (
        "Mon environnement numérique professionnel comprend les outils de l'établissement, ceux de l'académie et "
        "quelques services que j'ai choisis pour mon travail personnel.",
        "J'ai découvert en début d'année le fonctionnement du réseau pédagogique et les droits attachés à chaque profil "
        "d'utilisateur.",
        "La prise en main du cahier de textes en ligne a été rapide, mais son usage régulier demande une vraie rigueur.",
        "Les outils collaboratifs ont changé ma façon de préparer les cours avec l'équipe : nous écrivons moins de "
        "courriels et partageons davantage de documents.",
        "J'ai veillé à séparer clairement mes outils personnels de mes outils professionnels, en particulier pour la "
        "messagerie.",
        "Le travail en équipe s'est organisé autour d'un espace partagé sur l'ENT, avec des dossiers communs par niveau.",
        "Le conseil pédagogique a adopté cette année un plan de formation au numérique, auquel les stagiaires ont été "
        "associés.",
        "Les réunions de l'équipe se préparent désormais sur un ordre du jour partagé, que chacun complète à l'avance.",
        "La classe mobile de tablettes se réserve en ligne ; il faut s'y prendre une semaine à l'avance pendant les "
        "périodes chargées.",
        "Mes échanges avec le tuteur se sont faits en partie à distance, par visioconférence, lorsque nos emplois du "
        "temps ne permettaient pas de se rencontrer.",
        "J'ai découvert le rôle du professeur documentaliste dans la politique documentaire et dans la formation des "
        "élèves à la recherche d'information.",
    ),
    4: (
        "Les questions juridiques et éthiques se sont posées très concrètement dès que les élèves ont produit des "
        "documents destinés à être publiés.",
        "J'ai pris l'habitude de vérifier la licence de chaque image ou vidéo avant de l'utiliser en classe.",
        "L'éducation aux médias et à l'information fait partie de mes objectifs : les élèves doivent apprendre à "
        "douter d'une information avant de la partager.",
        "Les données personnelles des élèves, notes comprises, ne sont stockées que sur les services de l'établissement.",
        "Ces questions dépassent la seule discipline : elles relèvent de la formation du citoyen, et je les aborde en "
        "lien avec le professeur principal.",
        "Un élève ayant diffusé une photographie d'un camarade sans son accord, nous avons repris en classe la notion "
        "de droit à l'image.",
        "Les mots de passe des comptes élèves ont fait l'objet d'une séance courte mais nécessaire : beaucoup les "
        "partageaient entre eux.",
        "Pour chaque ressource mise en ligne, j'indique désormais l'auteur, la licence et la date de consultation.",
        "La protection des mineurs impose de vérifier les services en ligne utilisés en classe, en particulier ceux "
        "qui demandent la création d'un compte.",
        "Le filtrage des sites, parfois vécu comme une contrainte, a été l'occasion d'expliquer aux élèves les raisons "
        "de ces règles.",
    ),
}

ITEMS = {
    "B2.1": "Le choix du numérique s'est imposé parce que la tâche demandait de confronter plusieurs documents en peu de "
    "temps, ce que le seul support papier rendait difficile (B2.1).",
    "B2.2": "J'ai conçu un parcours dans {software} avec une évaluation formative à la fin de chaque étape (B2.2).",
    "B2.3": "La deuxième séance était une recherche documentaire guidée : les élèves devaient trouver trois sources, les "
    "comparer et justifier leur choix (B2.3).",
    "B2.4": "Les consignes existaient en deux versions, dont une version audio pour deux élèves dyslexiques, et les "
    "documents suivaient une mise en page lisible (B2.4).",
    "B2.5": "Une partie du travail se poursuivait à la maison sur l'ENT, où les élèves retrouvaient les consignes et "
    "déposaient leurs productions (B2.5).",
    "B3.1": "Selon les moments, le travail était collectif au tableau numérique, individuel sur le questionnaire ou en "
    "petits groupes sur le document partagé (B3.1).",
    "B3.2": "Les phases sur écran alternaient avec des phases de débat ou d'écriture sur papier, pour que l'outil ne "
    "prenne pas toute la place (B3.2).",
    "B3.3": "Les élèves les plus rapides avaient accès à des exercices d'approfondissement, tandis que je reprenais la "
    "notion avec un petit groupe (B3.3).",
    "B3.4": "Entre les séances, j'ai répondu aux questions sur le forum de la classe et commenté les brouillons "
    "directement dans le document partagé (B3.4).",
    "B3.5": "Lors de la troisième séance, le réseau de l'établissement est tombé en panne : une version imprimée des "
    "documents était prête et la séance a pu continuer (B3.5).",
    "B4.1": "La séquence mobilisait plusieurs items du B2i, notamment ceux du domaine « S'informer, se documenter », "
    "présentés aux élèves au début du travail (B4.1).",
    "B4.2": "Les compétences validées ont été reportées dans la grille commune de l'établissement, en accord avec le "
    "professeur principal et le professeur documentaliste (B4.2).",
    "B4.3": "Le suivi des réussites s'est fait avec un tableur partagé et les résultats du questionnaire en ligne, ce "
    "qui a permis d'ajuster la séance suivante (B4.3).",
    "A1.5": "Mes ressources sont classées dans un espace en ligne par niveau et par notion, en privilégiant les sources "
    "professionnelles comme Éduscol et le site disciplinaire de l'académie (A1.5).",
    "A2.1": "J'ai suivi un parcours M@gistère sur la différenciation pédagogique, ainsi que deux webinaires du réseau "
    "Canopé (A2.1).",
    "A2.2": "La lecture des travaux d'André Tricot sur les apprentissages avec le numérique invite à nuancer l'idée que "
    "l'outil motive à lui seul les élèves (A2.2).",
    "A2.3": "Ma veille s'appuie sur un agrégateur de flux RSS, sur la liste de diffusion disciplinaire de l'académie et "
    "sur quelques comptes d'enseignants sur les réseaux sociaux (A2.3).",
    "A1.1": "Dans l'établissement, le référent numérique gère les comptes et le parc ; au niveau académique, la DANE "
    "accompagne les projets et propose des formations (A1.1).",
    "A1.2": "J'ai appris à utiliser les lieux et outils de l'établissement : salle informatique, classe mobile de "
    "tablettes, vidéoprojecteurs interactifs et serveur pédagogique (A1.2).",
    "A1.3": "L'ENT m'a servi pour le cahier de textes, la messagerie et le dépôt de documents ; son blog, peu consulté "
    "par les familles, n'a pas été retenu (A1.3).",
    "A1.4": "Pour communiquer avec les familles, la messagerie de l'ENT a été préférée au courrier électronique "
    "personnel, afin de garder une trace et de respecter le cadre institutionnel (A1.4).",
    "A3.1": "Le ton et le contenu de mes messages changent selon qu'ils s'adressent aux élèves, aux parents ou à "
    "l'équipe de direction (A3.1).",
    "B1.1": "Avec l'équipe disciplinaire, nous avons mutualisé les séquences dans un espace partagé, avec une "
    "indexation commune par niveau et par thème (B1.1).",
    "B1.2": "J'ai contribué au projet interdisciplinaire « {project} », en préparant la partie numérique et les "
    "documents partagés (B1.2).",
    "B1.3": "J'ai coordonné le calendrier commun du projet sur un pad collaboratif et animé deux réunions à distance de "
    "l'équipe (B1.3).",
    "A3.2": "Avec les élèves, nous avons travaillé sur les critères de fiabilité d'une information (auteur, date, source, "
    "recoupement), et j'ai expliqué pourquoi certains sites sont filtrés dans l'établissement (A3.2).",
    "A3.3": "Avant de publier les productions des élèves, j'ai vérifié les autorisations de droit à l'image et choisi des "
    "ressources sous licence Creative Commons, en citant leurs auteurs (A3.3).",
    "A3.4": "La charte d'usage de l'établissement a été relue avec la classe en début d'année, et j'y ai fait référence "
    "lors d'un incident sur la messagerie (A3.4).",
}

CONCLUSION_LEARNT = (
    "Au terme de cette année, le numérique m'apparaît moins comme un ensemble d'outils que comme une manière "
    "d'organiser le travail des élèves.",
    "Ma principale évolution concerne la place laissée aux élèves : au début de l'année, je manipulais l'outil "
    "devant eux ; désormais, ce sont eux qui s'en servent.",
    "La préparation d'une séance avec le numérique demande plus de temps, surtout la première fois, mais ce temps"
    " est en partie regagné lorsque les ressources sont mutualisées.",
    "Le travail avec le professeur documentaliste a été l'un des moments les plus formateurs de l'année.",
    "Les questions de droit et d'éthique, que je connaissais mal, font maintenant partie de ma préparation de "
    "cours.",
    "La différenciation est sans doute l'apport le plus net des outils numériques dans ma pratique, à condition "
    "de bien préparer les parcours.",
    "La rédaction de ce dossier a été l'occasion de relire mes séances avec un regard critique et de repérer ce "
    "qui a réellement fonctionné.",
    "Les retours des élèves, recueillis par un court questionnaire en fin de séquence, confirment l'intérêt du "
    "travail en groupes mais signalent des consignes parfois trop longues.",
    "Je retiens enfin l'importance du collectif : les projets les plus réussis de l'année sont ceux construits "
    "avec l'équipe.",
    "Le numérique n'a d'intérêt que s'il sert les apprentissages : c'est le fil que j'ai essayé de suivre tout au"
    " long de ce dossier.",
    "Les élèves les plus fragiles ont souvent tiré profit des consignes enregistrées et des exercices en "
    "autonomie.",
)
CONCLUSION_LIMITS = (
    "L'incident technique de la troisième séance m'a appris à toujours prévoir une solution de repli.",
    "Je mesure aussi les limites de ma démarche : l'évaluation des compétences numériques des élèves est restée "
    "ponctuelle et mériterait d'être suivie sur toute l'année.",
    "Certains élèves restent éloignés du numérique à la maison ; je veille donc à ce que le travail demandé hors "
    "de la classe puisse aussi se faire au CDI ou sur papier.",
    "J'ai parfois eu tendance à multiplier les outils ; l'année prochaine, je souhaite en utiliser moins, mais de"
    " façon plus régulière.",
    "À l'inverse, certains bons élèves se sont d'abord montrés réticents à travailler sur écran, ce qui m'a "
    "rappelé que le numérique ne convient pas à toutes les tâches.",
    "Le temps de la salle informatique, limité à une heure par semaine, a souvent contraint le rythme de la "
    "séquence plus que les objectifs eux-mêmes.",
    "La gestion des comptes et des mots de passe oubliés a coûté du temps au début de chaque séance, jusqu'à ce "
    "qu'une fiche de rappel soit collée dans les cahiers.",
    "Mon évaluation des productions numériques reste trop centrée sur le résultat final ; les traces du travail "
    "en cours mériteraient d'être davantage prises en compte.",
    "Je n'ai pas toujours su faire le lien entre les compétences du B2i travaillées en classe et celles évaluées "
    "par mes collègues des autres disciplines.",
)
CONCLUSION_NEXT = (
    "Pour l'année prochaine, je souhaite mettre en place un suivi des compétences numériques commun à toutes mes "
    "classes.",
    "Je voudrais aussi expérimenter davantage la classe inversée, que je n'ai qu'effleurée cette année.",
    "Une formation sur l'accessibilité des documents numériques me serait utile pour mieux accueillir les élèves "
    "à besoins particuliers.",
    "Je compte poursuivre la veille engagée cette année, en y consacrant un temps fixe chaque semaine.",
    "Enfin, je souhaite participer aux travaux du groupe de réflexion sur le numérique de l'établissement, pour "
    "contribuer à la politique d'équipement et de formation.",
    "Ces perspectives restent modestes, mais elles me paraissent réalistes pour une première année de titulaire.",
    "Je souhaite construire avec mes collègues une progression commune des usages du numérique, de la sixième à "
    "la troisième, pour éviter les redites et les manques.",
    "Les ressources produites cette année seront déposées dans l'espace partagé de l'équipe, avec une courte "
    "notice d'utilisation.",
    "J'aimerais associer davantage les familles, par exemple en présentant les outils de l'ENT lors de la "
    "réunion de rentrée.",
    "Enfin, la préparation de ce dossier m'incite à garder un journal de bord de mes séances, pour continuer à "
    "analyser ma pratique au-delà de la certification.",
)
CONCLUSION_PARTS = (
    "La première partie m'a montré qu'une séance avec le numérique se prépare d'abord par ses objectifs, l'outil "
    "ne venant qu'ensuite.",
    "L'analyse de la séquence sur {theme} m'a permis de distinguer ce qui relevait de l'outil et ce qui relevait "
    "de mes consignes.",
    "Le travail en binômes a favorisé l'entraide, mais il a parfois masqué les difficultés de certains élèves, "
    "que je n'ai repérées qu'à l'évaluation.",
    "La deuxième partie, consacrée à la veille, m'a conduit à organiser mes sources au lieu de les accumuler.",
    "Les lectures de travaux de recherche sur les usages du numérique ont nuancé mes premières impressions, "
    "souvent trop enthousiastes.",
    "La troisième partie m'a fait mesurer la diversité des outils de communication de l'établissement et les "
    "usages propres à chacun.",
    "Distinguer adresse personnelle et adresse professionnelle paraît simple ; c'est pourtant une habitude qu'il "
    "a fallu prendre dès la rentrée.",
    "La quatrième partie m'a rendu plus attentif aux droits des auteurs des ressources que j'utilise en classe.",
    "La charte informatique de l'établissement, relue avec les élèves, est devenue un vrai support de réflexion "
    "sur la citoyenneté numérique.",
    "Le projet « {project} » a été le fil conducteur de plusieurs de ces compétences, parce qu'il obligeait à "
    "produire, partager et publier.",
    "Les échanges avec mon tuteur {school} ont beaucoup compté dans l'analyse de mes séances.",
    "Avec le recul, les compétences les plus difficiles à mettre en œuvre ont été celles qui demandent un travail "
    "d'équipe dans la durée.",
)
CONCLUSION = (
    ("Ce que cette année m'a appris", CONCLUSION_LEARNT),
    ("Retour sur les quatre parties du dossier", CONCLUSION_PARTS),
    ("Limites et difficultés", CONCLUSION_LIMITS),
    ("Perspectives", CONCLUSION_NEXT),
)

SLIDES = (
    "Contexte : une classe de {level}, {school}",
    "Objectif : justifier une réponse à partir de plusieurs documents",
    "Quatre séances de cinquante-cinq minutes",
    "Travail en binômes, puis mise en commun",
    "Outil principal : {software}",
    "Recherche documentaire guidée avec le professeur documentaliste",
    "Consignes en deux versions, dont une version audio",
    "Panne du réseau : version imprimée prête",
    "Suivi des réussites dans un tableur partagé",
    "Ce qui a fonctionné : l'investissement des élèves",
    "Ce que je changerais : moins de documents, un exemple de synthèse",
    "Compétences B2i travaillées et reportées dans la grille commune",
)


class Writer:
    """Draws sentences from the banks without repeating one until its bank is used up."""

    def __init__(self, rng: random.Random, profile: Profile) -> None:
        self.rng = rng
        self.profile = profile
        self._left: dict[int, list[str]] = {}

    def sentence(self, bank: tuple[str, ...]) -> str:
        left = self._left.get(id(bank))
        if not left:
            left = list(bank)
            self.rng.shuffle(left)
            self._left[id(bank)] = left
        return self.profile.fill(left.pop())

    def paragraph(self, bank: tuple[str, ...], sentences: int, lead: str | None = None) -> str:
        parts = [self.profile.fill(lead)] if lead else []
        parts += [self.sentence(bank) for _ in range(sentences)]
        return " ".join(parts)

    def item(self, code: str) -> str:
        return self.profile.fill(ITEMS[code])
