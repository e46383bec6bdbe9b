"""The command line's French: argparse's own words (its gettext msgids) and the program's help texts.

The help texts are written in English in each command's module, as the interface's are; this table gives their
French, looked up when the parser is built in French (:mod:`c2i2e_jury.cli.language`). A test walks the whole
parser and fails on a help text missing here, so a new option cannot stay English in a French ``--help``.
"""

from __future__ import annotations

# argparse's msgids (Python 3.11 to 3.13) that a user can meet: the help's headings and the usage errors. A
# heading ends with a no-break space: argparse appends its colon, French typography wants it spaced.
ARGPARSE = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments positionnels\u00a0",
    "options": "options\u00a0",
    "optional arguments": "options\u00a0",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "not allowed with argument %s": "interdit avec l'argument %s",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "expected one argument": "une valeur attendue",
    "expected at most one argument": "au plus une valeur attendue",
    "expected at least one argument": "au moins une valeur attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide pour %(type)s : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (au choix : %(choices)s)",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue : %(parser_name)r (au choix : %(choices)s)"
    ),
}
ARGPARSE_PLURALS = {
    ("expected %s argument", "expected %s arguments"): ("%s valeur attendue", "%s valeurs attendues")
}

# The program's help texts: c2i2e_jury/cli/*.py.
HELP = {
    "C2i2e jury workspace. Without a subcommand, opens the application.": (
        "Espace de travail des jurys du C2i2e. Sans commande, ouvre l'application."
    ),
    "SQLite file or PostgreSQL URL (default: $C2I2E_DB, else the per-user data folder)": (
        "fichier SQLite ou adresse PostgreSQL (par défaut : $C2I2E_DB, sinon le dossier de données de "
        "l'utilisateur)"
    ),
    "open the application on the demo campaign in a throw-away database": (
        "ouvrir l'application sur la campagne de démonstration, dans une base jetable"
    ),
    "language of the interface (default: fr)": "langue de l'interface (par défaut : fr)",
    "import a campaign package, or write the demo campaign": (
        "importer un paquet de campagne, ou écrire la campagne de démonstration"
    ),
    "candidate dossiers (PDF)": "dossiers des candidats (PDF)",
    "the campaign's signing authority": "l'autorité de signature de la campagne",
    "jurors' signing credentials": "identifiants de signature des jurés",
    "signed result sheets": "fiches de résultats signées",
    "the president's table as CSV, XLSX or JSON": "le tableau du président en CSV, XLSX ou JSON",
    "certificates and partial attestations": "certificats et attestations partielles",
    "check and import a campaign package (folder or .zip)": (
        "vérifier et importer un paquet de campagne (dossier ou .zip)"
    ),
    "write the demo campaign as a package": "écrire la campagne de démonstration en paquet",
    "write each room's kit (package + attendance sheet PDF)": (
        "écrire le kit de chaque salle (paquet + feuille d'émargement PDF)"
    ),
    "the package folder or .zip (docs/FORMATS.md §1)": "le dossier ou le .zip du paquet (docs/FORMATS.md §1)",
    "if the package is refused, also write its problems there as a sheet for Excel (FILE.xlsx: a workbook)": (
        "si le paquet est refusé, y écrire aussi ses problèmes en tableau pour Excel (FILE.xlsx : un classeur)"
    ),
    "folder to write the package into": "dossier où écrire le paquet",
    "folder to write the kits into, one folder per room": "dossier où écrire les kits, un dossier par salle",
    "the campaign (default: the only one in the database)": "la campagne (par défaut : la seule de la base)",
    "also write one .zip per room": "écrire aussi un .zip par salle",
    "Candidate dossiers.": "Dossiers des candidats.",
    "the format report of a dossier": "le rapport de format d'un dossier",
    "The format report of a dossier: 10 to 20 pages, paginated, name and year on the first page, introduction, "
    "parts 1-4, conclusion of 2 pages or more. Exit code: 0 conform, 1 not conform, 2 unreadable or damaged.": (
        "Le rapport de format d'un dossier : 10 à 20 pages, paginées, nom et année en première page, "
        "introduction, parties 1 à 4, conclusion de 2 pages ou plus. Code de sortie : 0 conforme, 1 non "
        "conforme, 2 illisible ou endommagé."
    ),
    "the dossier file": "le fichier du dossier",
    "check the name and year of this candidate (database)": "vérifier le nom et l'année de ce candidat (base)",
    "check this name (last name in capitals first)": "vérifier ce nom (le nom de famille en capitales d'abord)",
    "the campaign year, with --name (e.g. 2017)": "l'année de la campagne, avec --name (par ex. 2017)",
    "print the report and the evidence map as JSON": "afficher le rapport et la carte des preuves en JSON",
    "The campaign's signing authority (docs/FORMATS.md §3.1).": (
        "L'autorité de signature de la campagne (docs/FORMATS.md §3.1)."
    ),
    "create the authority: DIR/authority.p12 (encrypted key) and DIR/authority.pem": (
        "créer l'autorité : DIR/authority.p12 (clé chiffrée) et DIR/authority.pem"
    ),
    "Create a campaign authority. Passphrase: prompt, or $C2I2E_PASSPHRASE.": (
        "Créer l'autorité d'une campagne. Phrase secrète : demandée, ou $C2I2E_PASSPHRASE."
    ),
    "folder for authority.p12 and authority.pem": "dossier pour authority.p12 et authority.pem",
    "the authority's name (default: Autorité C2i2e <year>)": "le nom de l'autorité (par défaut : Autorité C2i2e <année>)",
    "Jurors' (and the president's) signing credentials (docs/FORMATS.md §3.2).": (
        "Les identifiants de signature des jurés (et du président) (docs/FORMATS.md §3.2)."
    ),
    "issue a credential (PKCS#12) to a juror or the president": (
        "délivrer un identifiant (PKCS#12) à un juré ou au président"
    ),
    "change a credential's passphrase": "changer la phrase secrète d'un identifiant",
    "revoke a juror's credential from a date (a lost laptop)": (
        "révoquer l'identifiant d'un juré à partir d'une date (un ordinateur perdu)"
    ),
    "Issue a signing credential. Passphrases: prompts, or $C2I2E_AUTHORITY_PASSPHRASE (the authority's) and "
    "$C2I2E_PASSPHRASE (the new file's).": (
        "Délivrer un identifiant de signature. Phrases secrètes : demandées, ou $C2I2E_AUTHORITY_PASSPHRASE "
        "(celle de l'autorité) et $C2I2E_PASSPHRASE (celle du nouveau fichier)."
    ),
    'the holder\'s name, as printed on the sheets ("Prénom Nom")': (
        "le nom du titulaire, tel qu'imprimé sur les fiches (« Prénom Nom »)"
    ),
    "the holder's e-mail address": "l'adresse électronique du titulaire",
    "the campaign's authority.p12": "le fichier authority.p12 de la campagne",
    "the credential to write": "l'identifiant à écrire",
    "also write the public certificate (for jurors.csv and the room kits)": (
        "écrire aussi le certificat public (pour jurors.csv et les kits des salles)"
    ),
    "Change a credential's passphrase. Passphrases: prompts, or $C2I2E_OLD_PASSPHRASE (current) and "
    "$C2I2E_PASSPHRASE (new).": (
        "Changer la phrase secrète d'un identifiant. Phrases secrètes : demandées, ou $C2I2E_OLD_PASSPHRASE "
        "(l'actuelle) et $C2I2E_PASSPHRASE (la nouvelle)."
    ),
    "the credential file": "le fichier de l'identifiant",
    "Revoke a juror's credential in the database: sheets it signed from that moment on are refused by sheet "
    "import and sheet verify; sheets signed before stay valid.": (
        "Révoquer l'identifiant d'un juré dans la base : les fiches qu'il a signées à partir de ce moment sont "
        "refusées par sheet import et sheet verify ; celles signées avant restent valides."
    ),
    "the certificate's SHA-256 fingerprint (or its first 8+ characters), or the juror's name as the campaign "
    "package lists it": (
        "l'empreinte SHA-256 du certificat (ou ses 8 premiers caractères ou plus), ou le nom du juré tel que le "
        "paquet de campagne l'écrit"
    ),
    "from when: YYYY-MM-DD (midnight) or 'YYYY-MM-DD HH:MM', local time": (
        "à partir de quand : AAAA-MM-JJ (minuit) ou 'AAAA-MM-JJ HH:MM', heure locale"
    ),
    "why, printed with every refused sheet": "pourquoi, imprimé avec chaque fiche refusée",
    "Signed result sheets (docs/FORMATS.md §2).": "Fiches de résultats signées (docs/FORMATS.md §2).",
    "verify a signed result sheet": "vérifier une fiche de résultats signée",
    "paper fallback: record a paper sheet's decisions and sign it": (
        "secours papier : saisir les décisions d'une fiche papier et la signer"
    ),
    "import the rooms' signed sheets": "importer les fiches signées des salles",
    "copy the signed sheets of a room's day to a folder (USB key)": (
        "copier les fiches signées de la journée d'une salle dans un dossier (clé USB)"
    ),
    "Verify a signed result sheet: both jurors' signatures, nothing changed since, signers issued by the "
    "campaign authority, embedded JSON valid and matching the visible sheet; with a database (--db, or the "
    "default one without --trust): signed by the two jurors of the candidate's jury as the campaign package "
    "lists them, two different persons, within their certificates' validity and the campaign's period, with no "
    "credential revoked at the time. Exit code: 0 valid, 1 refused.": (
        "Vérifier une fiche de résultats signée : les signatures des deux jurés, rien de changé depuis, des "
        "signataires délivrés par l'autorité de la campagne, le JSON joint valide et conforme à la fiche "
        "visible ; avec une base (--db, ou celle par défaut sans --trust) : signée par les deux jurés du jury du "
        "candidat tels que le paquet de campagne les liste, deux personnes différentes, dans la validité de "
        "leurs certificats et la période de la campagne, sans identifiant révoqué à ce moment. Code de sortie : "
        "0 valide, 1 refusée."
    ),
    "the signed PDF": "le PDF signé",
    "the campaign authority's certificate (authority.pem); default: the authority known to the database": (
        "le certificat de l'autorité de la campagne (authority.pem) ; par défaut : l'autorité que la base connaît"
    ),
    "print the embedded c2i2e-result.json": "afficher le c2i2e-result.json joint",
    "The paper fallback: record the decisions a jury wrote on paper (CSV with the columns "
    "item;decision;comment and optionally justification; items acquired earlier may be left out) and have both "
    "jurors sign the sheet. The same rules as in the jury room apply. Passphrases: prompts, or "
    "$C2I2E_PASSPHRASE_1 and $C2I2E_PASSPHRASE_2.": (
        "Le secours papier : saisir les décisions qu'un jury a écrites sur papier (CSV aux colonnes "
        "item;decision;comment et, au besoin, justification ; les items acquis auparavant peuvent manquer) et "
        "faire signer la fiche par les deux jurés. Les règles de la salle d'examen s'appliquent. Phrases "
        "secrètes : demandées, ou $C2I2E_PASSPHRASE_1 et $C2I2E_PASSPHRASE_2."
    ),
    "the candidate's id (candidate_id)": "l'identifiant du candidat (candidate_id)",
    "the campaign, when several have this candidate id": (
        "la campagne, quand plusieurs ont cet identifiant de candidat"
    ),
    "the jury's decisions (not for an absent or non-admitted candidate)": (
        "les décisions du jury (pas pour un candidat absent ou non admis)"
    ),
    "the candidate was absent (abandonment)": "le candidat était absent (abandon)",
    "a juror's credential; twice: juror 1 then juror 2": "l'identifiant d'un juré ; deux fois : juré 1 puis juré 2",
    "where to write the signed sheet": "où écrire la fiche signée",
    "Import signed sheets (PDF files, folders searched recursively, .zip files): each is verified against its "
    "campaign's authority and reported as imported, duplicate, superseded, conflict (kept aside) or rejected. "
    "Exit code: 0, or 1 if any file was rejected.": (
        "Importer des fiches signées (fichiers PDF, dossiers parcourus récursivement, fichiers .zip) : chacune est "
        "vérifiée auprès de l'autorité de sa campagne et déclarée importée, en double, remplacée, en conflit "
        "(mise de côté) ou rejetée. Code de sortie : 0, ou 1 si un fichier a été rejeté."
    ),
    "also write the report as CSV (;, UTF-8), or as a workbook when CSV ends in .xlsx": (
        "écrire aussi le compte rendu en CSV (;, UTF-8), ou en classeur quand CSV finit par .xlsx"
    ),
    "Copy the latest signed version of each candidate's sheet to a folder, with index.csv. Unsigned sheets "
    "never leave.": (
        "Copier la dernière version signée de la fiche de chaque candidat dans un dossier, avec index.csv. Une "
        "fiche non signée ne sort jamais."
    ),
    "only this room": "seulement cette salle",
    "only this day": "seulement ce jour",
    "Every candidate of the campaign with status, validated count, misses per domain, whether the rules grant "
    "the certificate, the certification jury's decision and each item. CSV: ';' and UTF-8 with a BOM (French "
    "Excel opens it as is).": (
        "Chaque candidat de la campagne avec son statut, le nombre d'items validés, les manques par domaine, si "
        "les règles accordent le certificat, la décision du jury de certification et chaque item. CSV : ';' et "
        "UTF-8 avec BOM (Excel en français l'ouvre tel quel)."
    ),
    "default: csv": "par défaut : csv",
    "write to FILE (required for xlsx; default: standard output)": (
        "écrire dans FILE (obligatoire pour xlsx ; par défaut : la sortie standard)"
    ),
    "Certificates and partial attestations (PDF, verification codes).": (
        "Certificats et attestations partielles (PDF, codes de vérification)."
    ),
    "sign and register the documents the certification jury decided": (
        "signer et enregistrer les documents que le jury de certification a décidés"
    ),
    "the certification jury's PV, signed by the president": "le PV du jury de certification, signé par le président",
    "every document in force as PDF in one ZIP (with index.csv)": (
        "chaque document en vigueur en PDF dans un ZIP (avec index.csv)"
    ),
    "one registered document as PDF, by its code": "un document enregistré en PDF, par son code",
    "verify a verification code or a certificate PDF, offline": (
        "vérifier un code de vérification ou le PDF d'un certificat, hors ligne"
    ),
    "the attestations' items as prior.csv for the next campaign": (
        "les items des attestations en prior.csv pour la campagne suivante"
    ),
    "Sign, with the president's credential, a document for every delivery in force that has none yet. "
    "Passphrase: prompt, or $C2I2E_PASSPHRASE_1.": (
        "Signer, avec l'identifiant du président, un document pour chaque délivrance en vigueur qui n'en a pas "
        "encore. Phrase secrète : demandée, ou $C2I2E_PASSPHRASE_1."
    ),
    "the president's credential": "l'identifiant du président",
    "also write every document in force as a ZIP": "écrire aussi chaque document en vigueur dans un ZIP",
    "The procès-verbal: every candidate with the outcome of their latest signed sheet and the jury's decision, "
    "the members, signed with the president's credential (passphrase: prompt, or $C2I2E_PASSPHRASE_1).": (
        "Le procès-verbal : chaque candidat avec le résultat de sa dernière fiche signée et la décision du jury, "
        "les membres, signé avec l'identifiant du président (phrase secrète : demandée, ou $C2I2E_PASSPHRASE_1)."
    ),
    "another member of the certification jury (repeat for each)": (
        "un autre membre du jury de certification (une fois par membre)"
    ),
    "the meeting's date (default: today)": "la date de la réunion (par défaut : aujourd'hui)",
    "where the jury met": "où le jury s'est réuni",
    "default: its own name, here": "par défaut : son propre nom, ici",
    "CODE: checked against the database's register (signature, signer, revocation). FILE.pdf: the signed "
    "statement it carries, against --trust (no database needed) or the campaign authority the database knows. "
    "Exit code: 0 valid, 1 unknown, forged or revoked.": (
        "CODE : vérifié dans le registre de la base (signature, signataire, révocation). FILE.pdf : la "
        "déclaration signée qu'il porte, avec --trust (sans base) ou l'autorité de la campagne que la base "
        "connaît. Code de sortie : 0 valide, 1 inconnu, falsifié ou révoqué."
    ),
    "the campaign authority's certificate (authority.pem)": "le certificat de l'autorité de la campagne (authority.pem)",
    "print the signed statement as JSON": "afficher la déclaration signée en JSON",
    "prior.csv, or prior.xlsx for a workbook (identifiers as text cells)": (
        "prior.csv, ou prior.xlsx pour un classeur (identifiants en cellules texte)"
    ),
    "import a campaign package, follow it (progress, convocations, register), or write the demo": "importer un paquet de campagne, la suivre (avancement, convocations, registre) ou écrire la démonstration",
    "the evaluator's signed marks": "les notes signées de l'évaluateur",
    "rework requests (« demande de re-travail »)": "les demandes de re-travail",
    "the dossiers' progress and the admission list (provisional until the deposit closes)": "l'avancement des dossiers et la liste d'admission (provisoire jusqu'à la clôture du dépôt)",
    "one PDF convocation per admitted candidate and the mail-merge CSV": "une convocation PDF par candidat admis et le CSV pour le publipostage",
    "export the whole register (reclamations, date changes)": "exporter tout le registre (réclamations, changements de date)",
    "the campaign's id (default: the only one in the database)": "l'identifiant de la campagne (par défaut : la seule de la base)",
    "also write the admission list": "écrire aussi la liste d'admission",
    "folder to write the letters into (made if needed)": "dossier où écrire les lettres (créé si besoin)",
    "the CSV for Excel to write": "le fichier CSV pour Excel à écrire",
    "write each evaluator's kit instead of the rooms' kits": "écrire le kit de chaque évaluateur au lieu des kits des salles",
    "sign the evaluator's marks into a folder (one PDF per candidate)": "signer les notes de l'évaluateur dans un dossier (un PDF par candidat)",
    "import signed marks files (PDF, folder or zip)": "importer des fichiers de notes signées (PDF, dossier ou zip)",
    "the evaluator's credential": "le certificat de signature de l'évaluateur",
    "(default: all)": "(par défaut : tous)",
    "one PDF for all the candidates": "un seul PDF pour tous les candidats",
    "ask a candidate to rework the dossier (once per campaign)": "demander au candidat de retravailler son dossier (une fois par campagne)",
    "the rework requests of the campaign": "les demandes de re-travail de la campagne",
    "the reworked dossier replaces the first": "le dossier retravaillé remplace le premier",
    "the evaluator": "l'évaluateur",
}
