"""The convocation to the oral (one letter per admitted candidate) and the table for a mail merge.

The letter gives the date, time, room and jury, and the oral's rules as the seed states them (« Organisation
technique », « Modalités »): the slides as a PDF, no other format, on a USB key; 30 minutes, 10 of presentation
of Part 1 only and 20 of discussion on the whole dossier (lengthened for an accommodation); an absence is an
abandonment (« Règles en cas d'échec ou d'abandon »); and the only reasons a date may be changed
(« Règle en cas de demande de modification de la convocation »). The mail-merge table repeats what each letter
says, in French columns, through :mod:`.spreadsheet` (French Excel, formulas neutralised).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from c2i2e_jury.domain.timer_values import durations
from c2i2e_jury.exchange.letters import Letter, render_letter
from c2i2e_jury.exchange.pdf.french import day_month_year, long_date
from c2i2e_jury.exchange.spreadsheet import excel_csv

RULES = (
    "Votre diaporama doit être enregistré au format PDF (aucun autre format de fichier ne sera accepté) et "
    "apporté sur une clé USB. Un ordinateur et un vidéoprojecteur sont à votre disposition ; si vous "
    "souhaitez utiliser un matériel ou un logiciel spécifique, demandez-le au préalable à votre évaluateur.",
    "Présentez-vous muni(e) d'une pièce d'identité : vous signerez la feuille d'émargement à votre arrivée.",
)
ABSENCE = (
    "Toute absence à l'épreuve orale vaut abandon : le candidat qui ne se présente pas à l'épreuve orale ne "
    "valide aucune compétence dans cette campagne."
)
DATE_CHANGE = (
    "La date de l'oral ne peut être modifiée que dans les cas suivants, sur demande adressée à la scolarité, "
    "justificatif à l'appui : hospitalisation, décès d'un proche, convocation à un examen ou aux épreuves "
    "orales des concours."
)
CSV_COLUMNS = (
    "Identifiant",
    "Nom",
    "Prénom",
    "Courriel",
    "Date de l'oral",
    "Date en toutes lettres",
    "Heure",
    "Salle",
    "Jury",
    "Durée de l'oral",
    "Tiers-temps",
    "Fichier de la convocation",
)


@dataclass(frozen=True)
class Convocation:
    candidate_id: str
    last_name: str
    first_name: str
    email: str
    oral_date: date
    oral_time: str  # HH:MM
    room: str
    jury: str
    presentation_minutes: int = 10
    discussion_minutes: int = 20
    extra_time_percent: int = 0

    def seconds(self) -> tuple[int, int]:
        """The presentation's and the discussion's lengths, lengthened by the accommodation as the oral's timer
        lengthens them (:func:`c2i2e_jury.domain.timer_values.durations`)."""
        d = durations(self.presentation_minutes, self.discussion_minutes, self.extra_time_percent)
        return d.presentation, d.discussion

    @property
    def total_minutes(self) -> str:
        """« 30 », or « 39 min 54 s » with an accommodation's odd seconds."""
        return spoken(sum(self.seconds()), unit=False)


def spoken(seconds: int, unit: bool = True) -> str:
    """« 10 minutes », « 13 min 18 s »."""
    minutes, rest = divmod(seconds, 60)
    if rest:
        return f"{minutes} min {rest:02d} s"
    return f"{minutes} minutes" if unit else str(minutes)


def french_time(hhmm: str) -> str:
    """« 8 h 30 », « 14 h » as French letters write a time."""
    hours, minutes = hhmm.split(":")
    return f"{int(hours)} h {minutes}" if minutes != "00" else f"{int(hours)} h"


def _oral_paragraphs(c: Convocation) -> tuple[str | tuple[str, ...], ...]:
    presentation, discussion = (spoken(s) for s in c.seconds())
    duration = (
        f"L'épreuve orale consiste en un entretien de {spoken(sum(c.seconds()))} avec le jury de validation : "
        f"une présentation de {presentation} portant exclusivement sur les travaux de la partie 1 de "
        f"votre dossier, puis une discussion de {discussion} sur l'ensemble du dossier et des "
        "compétences du C2i2e."
    )
    if c.extra_time_percent:
        duration += (
            f" Ces durées tiennent compte de votre aménagement (tiers-temps de +{c.extra_time_percent} %)."
        )
    return (duration, *RULES)


def convocation_letter(c: Convocation, campaign_title: str, sent: date, created: datetime) -> Letter:
    when = f"{long_date(c.oral_date)} à {french_time(c.oral_time)}"
    return Letter(
        title="Convocation à l'épreuve orale du C2i2e",
        campaign_title=campaign_title,
        recipient=(f"{c.first_name} {c.last_name.upper()}", f"Candidat n° {c.candidate_id}", c.email),
        place_date=f"Le {day_month_year(sent)}",
        subject="convocation à l'épreuve orale de certification C2i2e",
        paragraphs=(
            f"Madame, Monsieur {c.last_name.upper()},",
            "Votre dossier ayant été déposé et ne faisant pas l'objet d'une demande de re-travail à la date "
            "de clôture, vous êtes convoqué(e) à l'épreuve orale de certification C2i2e :",
            (
                f"le {when} ;",
                f"salle : {c.room or 'communiquée par la scolarité'} ;",
                f"jury de validation : {c.jury or 'communiqué par la scolarité'}.",
            ),
            *_oral_paragraphs(c),
            ABSENCE,
            DATE_CHANGE,
            "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        ),
        created=created,
    )


def render_convocation(c: Convocation, campaign_title: str, sent: date, created: datetime) -> bytes:
    """One candidate's convocation as PDF/A-3B."""
    return render_letter(convocation_letter(c, campaign_title, sent, created))


def mail_merge_csv(rows: Sequence[tuple[Convocation, str]]) -> bytes:
    """The mail-merge table (French Excel CSV): one line per convocation with its PDF's file name."""
    return excel_csv(
        CSV_COLUMNS,
        (
            (
                c.candidate_id,
                c.last_name.upper(),
                c.first_name,
                c.email,
                c.oral_date.strftime("%d/%m/%Y"),
                long_date(c.oral_date),
                c.oral_time,
                c.room,
                c.jury,
                c.total_minutes,
                f"+{c.extra_time_percent} %" if c.extra_time_percent else "",
                file_name,
            )
            for c, file_name in rows
        ),
        identifiers=("Identifiant", "Date de l'oral", "Heure", "Salle", "Jury"),
    )
