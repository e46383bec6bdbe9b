<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>AdmissionModel</name>
        <message>
            <source>Candidate</source>
            <translation>Candidat</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Admitted to the oral</source>
            <translation>Admis à l'oral</translation>
        </message>
        <message>
            <source>Oral</source>
            <translation>Oral</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no: %1</source>
            <translation>non : %1</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>An internal error occurred. Details are in %1</source>
            <translation>Une erreur interne s'est produite. Le détail est dans %1</translation>
        </message>
        <message>
            <source>C2i2e — error</source>
            <translation>C2i2e — erreur</translation>
        </message>
        <message>
            <source>C2i2e — database</source>
            <translation>C2i2e — base de données</translation>
        </message>
        <message>
            <source>demo — every credential's passphrase: demo</source>
            <translation>démonstration — phrase de passe des identifiants : demo</translation>
        </message>
    </context>
    <context>
        <name>CandidateDetailPane</name>
        <message>
            <source>History of the selected item</source>
            <translation>Historique de la compétence sélectionnée</translation>
        </message>
        <message>
            <source>Certification jury's decision</source>
            <translation>Décision du jury de certification</translation>
        </message>
        <message>
            <source>Deliver the certificate</source>
            <translation>Délivrer le certificat</translation>
        </message>
        <message>
            <source>Partial attestation</source>
            <translation>Attestation partielle</translation>
        </message>
        <message>
            <source>Annul for plagiarism…</source>
            <translation>Annuler pour plagiat…</translation>
        </message>
        <message>
            <source>Lift the annulment…</source>
            <translation>Lever l'annulation…</translation>
        </message>
        <message>
            <source>Undo the delivery…</source>
            <translation>Annuler la délivrance…</translation>
        </message>
        <message>
            <source>Possible until the procès-verbal is signed</source>
            <translation>Possible jusqu'à la signature du procès-verbal</translation>
        </message>
        <message>
            <source>Decided by:</source>
            <translation>Décision prise par :</translation>
        </message>
        <message>
            <source>no president designated by the campaign package</source>
            <translation>aucun président désigné par le paquet de la campagne</translation>
        </message>
        <message>
            <source>Select a candidate</source>
            <translation>Sélectionnez un candidat</translation>
        </message>
        <message>
            <source>Signed sheet: version %1 of %2</source>
            <translation>Feuille signée : version %1 du %2</translation>
        </message>
        <message>
            <source>No signed sheet in the database.</source>
            <translation>Aucune feuille signée dans la base.</translation>
        </message>
        <message>
            <source>Plagiarism reported at the oral: %1</source>
            <translation>Plagiat signalé à l'oral : %1</translation>
        </message>
        <message>
            <source>Data changed since the sheet: the sheet proposes %1, today's data give %2; you choose which to decide on.</source>
            <translation>Données modifiées depuis la feuille : la feuille signée propose %1, les données actuelles donnent %2 ; à vous de choisir sur quelle base décider.</translation>
        </message>
        <message>
            <source>%1 on %2 by %3</source>
            <translation>%1 le %2 par %3</translation>
        </message>
        <message>
            <source>Document %1</source>
            <translation>Document %1</translation>
        </message>
        <message>
            <source>Absent, recorded at %1</source>
            <translation>Absent, enregistré le %1</translation>
        </message>
        <message>
            <source>Checked in at %1</source>
            <translation>Présence enregistrée le %1</translation>
        </message>
        <message>
            <source>Oral: presentation %1, discussion %2, paused %3, overtime %4</source>
            <translation>Oral : présentation %1, discussion %2, pauses %3, dépassement %4</translation>
        </message>
        <message>
            <source>Fraud or plagiarism reported at %1: %2</source>
            <translation>Suspicion de fraude ou de plagiat signalée à %1 : %2</translation>
        </message>
        <message>
            <source>Incident (%3) at %1: %2</source>
            <translation>Incident (%3) à %1 : %2</translation>
        </message>
        <message>
            <source>late arrival</source>
            <translation>retard</translation>
        </message>
        <message>
            <source>technical</source>
            <translation>technique</translation>
        </message>
        <message>
            <source>other</source>
            <translation>autre</translation>
        </message>
        <message>
            <source>the certificate (%1/28)</source>
            <translation>le certificat (%1/28)</translation>
        </message>
        <message>
            <source>a partial attestation (%1/28)</source>
            <translation>une attestation partielle (%1/28)</translation>
        </message>
        <message>
            <source>nothing to deliver</source>
            <translation>rien à délivrer</translation>
        </message>
        <message>
            <source>Certificate delivered</source>
            <translation>Certificat délivré</translation>
        </message>
        <message>
            <source>Annulled for plagiarism</source>
            <translation>Annulé pour plagiat</translation>
        </message>
        <message>
            <source>Annulment lifted</source>
            <translation>Annulation levée</translation>
        </message>
        <message>
            <source>Delivery undone</source>
            <translation>Délivrance annulée</translation>
        </message>
        <message>
            <source>History of %1</source>
            <translation>Historique de %1</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>Deliver the C2i2e certificate to %1 (%2)?</source>
            <translation>Délivrer le certificat C2i2e à %1 (%2) ?</translation>
        </message>
        <message>
            <source>Deliver a partial attestation to %1 (%2)?</source>
            <translation>Délivrer une attestation partielle à %1 (%2) ?</translation>
        </message>
        <message>
            <source>Undo the delivery to %1 (%2)? The candidate is to decide again and the documents issued for this delivery no longer verify.</source>
            <translation>Annuler la délivrance à %1 (%2) ? Le candidat sera de nouveau à décider et les documents émis pour cette délivrance ne seront plus valides.</translation>
        </message>
        <message>
            <source>Undo the delivery</source>
            <translation>Annuler la délivrance</translation>
        </message>
        <message>
            <source>Data changed since the sheet</source>
            <translation>Données modifiées depuis la feuille</translation>
        </message>
        <message>
            <source>The signed sheet proposes %1; today's data give %2. Which do you decide on?</source>
            <translation>La feuille signée propose %1 ; les données actuelles donnent %2. Sur quelle base décidez-vous ?</translation>
        </message>
        <message>
            <source>The signed sheet</source>
            <translation>La feuille signée</translation>
        </message>
        <message>
            <source>Today's data</source>
            <translation>Les données actuelles</translation>
        </message>
        <message>
            <source>Annul for plagiarism</source>
            <translation>Annuler pour plagiat</translation>
        </message>
        <message>
            <source>Reason (the plagiarised passages and their source); the dossier validates nothing:</source>
            <translation>Motif (les passages plagiés et leur source) ; le dossier ne validera aucune compétence :</translation>
        </message>
        <message>
            <source>Lift the annulment</source>
            <translation>Lever l'annulation</translation>
        </message>
        <message>
            <source>Why the annulment is lifted:</source>
            <translation>Pourquoi l'annulation est levée :</translation>
        </message>
    </context>
    <context>
        <name>CredentialPrompt</name>
        <message>
            <source>Signing credential (*.p12 *.pfx);;All files (*)</source>
            <translation>Certificat de signature (*.p12 *.pfx);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Opening the credential…</source>
            <translation>Ouverture de l'identifiant…</translation>
        </message>
        <message>
            <source>Opening the signing credential</source>
            <translation>Ouverture de l'identifiant de signature</translation>
        </message>
        <message>
            <source>Wrong passphrase</source>
            <translation>Phrase de passe incorrecte</translation>
        </message>
        <message>
            <source>Unusable credential</source>
            <translation>Certificat inutilisable</translation>
        </message>
    </context>
    <context>
        <name>CredentialTasks</name>
        <message>
            <source>Folder for the authority's files</source>
            <translation>Dossier des fichiers de l'autorité</translation>
        </message>
        <message>
            <source>Campaign authority</source>
            <translation>Autorité de la campagne</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Nom :</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Phrase de passe :</translation>
        </message>
        <message>
            <source>Passphrase again:</source>
            <translation>Phrase de passe (confirmation) :</translation>
        </message>
        <message>
            <source>C2i2e certification authority</source>
            <translation>Autorité de certification C2i2e</translation>
        </message>
        <message>
            <source>Authority created: %1 (keep it safe) and %2</source>
            <translation>Autorité créée : %1 (à conserver en lieu sûr) et %2</translation>
        </message>
        <message>
            <source>The campaign authority (authority.p12)</source>
            <translation>L'autorité de la campagne (authority.p12)</translation>
        </message>
        <message>
            <source>Credential (*.p12)</source>
            <translation>Identifiant (*.p12)</translation>
        </message>
        <message>
            <source>New credential</source>
            <translation>Nouvel identifiant</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>Courriel :</translation>
        </message>
        <message>
            <source>Jury (J1, J2…; empty for the president):</source>
            <translation>Jury (J1, J2… ; vide pour le président) :</translation>
        </message>
        <message>
            <source>Authority's passphrase:</source>
            <translation>Phrase de passe de l'autorité :</translation>
        </message>
        <message>
            <source>The new credential's passphrase:</source>
            <translation>Phrase de passe du nouvel identifiant :</translation>
        </message>
        <message>
            <source>Save the credential</source>
            <translation>Enregistrer l'identifiant</translation>
        </message>
        <message>
            <source>Credential issued to %1: %2</source>
            <translation>Identifiant délivré à %1 : %2</translation>
        </message>
        <message>
            <source>Credential</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation>Changer la phrase de passe</translation>
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation>Phrase de passe actuelle :</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>Nouvelle phrase de passe :</translation>
        </message>
        <message>
            <source>New passphrase again:</source>
            <translation>Nouvelle phrase de passe (confirmation) :</translation>
        </message>
        <message>
            <source>Passphrase changed for %1</source>
            <translation>Phrase de passe changée pour %1</translation>
        </message>
        <message>
            <source>Revoke a credential</source>
            <translation>Révoquer un certificat</translation>
        </message>
        <message>
            <source>Juror's name or certificate fingerprint:</source>
            <translation>Nom du juré ou empreinte du certificat :</translation>
        </message>
        <message>
            <source>Revoked from (YYYY-MM-DD or YYYY-MM-DD HH:MM):</source>
            <translation>Révoqué à partir du (AAAA-MM-JJ ou AAAA-MM-JJ HH:MM) :</translation>
        </message>
        <message>
            <source>Reason:</source>
            <translation>Motif :</translation>
        </message>
        <message>
            <source>Credential of %1 (%2…) revoked from %3: %4</source>
            <translation>Certificat de %1 (%2…) révoqué à partir du %3 : %4</translation>
        </message>
        <message>
            <source>The two passphrases differ: nothing was written.</source>
            <translation>Les deux phrases de passe diffèrent : rien n'a été écrit.</translation>
        </message>
        <message>
            <source>A passphrase needs at least 8 characters: nothing was written.</source>
            <translation>Une phrase de passe compte au moins 8 caractères : rien n'a été écrit.</translation>
        </message>
    </context>
    <context>
        <name>DateChangeDialog</name>
        <message>
            <source>Change an oral's date</source>
            <translation>Changer la date d'un oral</translation>
        </message>
        <message>
            <source>another reason</source>
            <translation>un autre motif</translation>
        </message>
        <message>
            <source>The proof (hospital certificate, death certificate, convocation…)</source>
            <translation>Le justificatif (bulletin d'hospitalisation, acte de décès, convocation…)</translation>
        </message>
        <message>
            <source>proof received</source>
            <translation>justificatif reçu</translation>
        </message>
        <message>
            <source>&amp;Candidate:</source>
            <translation>&amp;Candidat :</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>&amp;Proof:</source>
            <translation>&amp;Justificatif :</translation>
        </message>
        <message>
            <source>New &amp;date:</source>
            <translation>Nouvelle &amp;date :</translation>
        </message>
        <message>
            <source>New &amp;time:</source>
            <translation>Nouvelle &amp;heure :</translation>
        </message>
        <message>
            <source>Requested &amp;on:</source>
            <translation>Demandé &amp;le :</translation>
        </message>
        <message>
            <source>Oral date change for %1: %2</source>
            <translation>Changement de date d'oral pour %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>DayExport</name>
        <message>
            <source>Nothing to export</source>
            <translation>Rien à exporter</translation>
        </message>
        <message>
            <source>No sheet of this day is signed yet.</source>
            <translation>Aucune feuille de cette journée n'est encore signée.</translation>
        </message>
        <message>
            <source>Export the day's sheets</source>
            <translation>Exporter les feuilles de la journée</translation>
        </message>
        <message>
            <source>Folder for the signed sheets (USB key)</source>
            <translation>Dossier des feuilles signées (clé USB)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Échec de l'export</translation>
        </message>
        <message>
            <source>Sheets exported</source>
            <translation>Feuilles exportées</translation>
        </message>
        <message numerus="yes">
            <source>%n signed sheet(s) copied to %1, with the index %2.</source>
            <translation>
                <numerusform>%n feuille signée copiée dans %1, avec l'index %2.</numerusform>
                <numerusform>%n feuilles signées copiées dans %1, avec l'index %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>reopened, correction not signed: version %1 leaves</source>
            <translation>rouverte, correction non signée : c'est la version %1 qui part</translation>
        </message>
        <message>
            <source>no signed sheet: nothing leaves</source>
            <translation>aucune feuille signée : rien ne part</translation>
        </message>
        <message>
            <source>Some candidates of the day have no up-to-date signed sheet:</source>
            <translation>Certains candidats de la journée n'ont pas de feuille signée à jour :</translation>
        </message>
        <message>
            <source>Export the signed sheets anyway?</source>
            <translation>Exporter quand même les feuilles signées ?</translation>
        </message>
    </context>
    <context>
        <name>DayList</name>
        <message>
            <source>&lt;b&gt;Candidates of the day&lt;/b&gt;</source>
            <translation>&lt;b&gt;Candidats du jour&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>Salle</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>Jour</translation>
        </message>
        <message>
            <source>All rooms</source>
            <translation>Toutes les salles</translation>
        </message>
        <message>
            <source>All days</source>
            <translation>Tous les jours</translation>
        </message>
    </context>
    <context>
        <name>DayModel</name>
        <message>
            <source>upcoming</source>
            <translation>à venir</translation>
        </message>
        <message>
            <source>present</source>
            <translation>présent</translation>
        </message>
        <message>
            <source>absent</source>
            <translation>absent</translation>
        </message>
        <message>
            <source>not admitted</source>
            <translation>non admis</translation>
        </message>
        <message>
            <source>signed</source>
            <translation>signé</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>Candidat</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
    </context>
    <context>
        <name>DecisionCommand</name>
        <message>
            <source>comment</source>
            <translation>commentaire</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <source>Answer the reclamation</source>
            <translation>Répondre à la réclamation</translation>
        </message>
        <message>
            <source>Refuse the date change</source>
            <translation>Refuser le changement de date</translation>
        </message>
        <message>
            <source>Confirm the date change (proof received)</source>
            <translation>Confirmer le changement de date (justificatif reçu)</translation>
        </message>
        <message>
            <source>the reclamation is rejected</source>
            <translation>la réclamation est rejetée</translation>
        </message>
        <message>
            <source>the reclamation is accepted</source>
            <translation>la réclamation est acceptée</translation>
        </message>
        <message>
            <source>&amp;Decision:</source>
            <translation>&amp;Décision :</translation>
        </message>
        <message>
            <source>&amp;Answer given:</source>
            <translation>&amp;Réponse donnée :</translation>
        </message>
        <message>
            <source>Why the oral stays where it was</source>
            <translation>Pourquoi l'oral reste à sa date</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motif :</translation>
        </message>
        <message>
            <source>Decided &amp;on:</source>
            <translation>Décidé &amp;le :</translation>
        </message>
        <message>
            <source>Name and role</source>
            <translation>Nom et qualité</translation>
        </message>
        <message>
            <source>&amp;By:</source>
            <translation>&amp;Par :</translation>
        </message>
    </context>
    <context>
        <name>DetailItemsModel</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Évaluateur</translation>
        </message>
        <message>
            <source>Jury</source>
            <translation>Jury</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Modif.</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>Justification</source>
            <translation>Justification</translation>
        </message>
        <message>
            <source>Number of times the decision was changed</source>
            <translation>Nombre de fois où la décision a été modifiée</translation>
        </message>
        <message>
            <source>acquired %1</source>
            <translation>acquise %1</translation>
        </message>
    </context>
    <context>
        <name>DomainRatesChart</name>
        <message>
            <source>Validation rate per domain</source>
            <translation>Taux de validation par domaine</translation>
        </message>
        <message>
            <source>No examined candidate yet</source>
            <translation>Aucun candidat examiné pour l'instant</translation>
        </message>
    </context>
    <context>
        <name>DossierViewer</name>
        <message>
            <source>Thumbnails</source>
            <translation>Miniatures</translation>
        </message>
        <message>
            <source>Outline</source>
            <translation>Plan</translation>
        </message>
        <message>
            <source>Opening the dossier…</source>
            <translation>Ouverture du dossier…</translation>
        </message>
        <message>
            <source>No dossier deposited</source>
            <translation>Aucun dossier déposé</translation>
        </message>
        <message>
            <source>The dossier cannot be shown: internal error (details in the log file).</source>
            <translation>Le dossier ne peut pas être affiché : erreur interne (détails dans le journal).</translation>
        </message>
        <message>
            <source>The oral can go on without the dossier on screen: note it as a technical incident (Ctrl+I) and ask the secretariat for the candidate's file.</source>
            <translation>L'oral peut se poursuivre sans le dossier à l'écran : notez-le comme incident technique (Ctrl+I) et demandez au secrétariat le fichier du candidat.</translation>
        </message>
        <message>
            <source>and %1 more problems</source>
            <translation>et %1 autres problèmes</translation>
        </message>
        <message>
            <source>This file has %1 pages: the format report, the item pages and search are not computed beyond %2 pages.</source>
            <translation>Ce fichier compte %1 pages : le rapport de format, les pages des compétences et la recherche ne sont pas calculés au-delà de %2 pages.</translation>
        </message>
    </context>
    <context>
        <name>EvaluationItems</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Competence</source>
            <translation>Compétence</translation>
        </message>
        <message>
            <source>Mark</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>The evaluator's comment on the item (C, then Enter saves)</source>
            <translation>Commentaire de l'évaluateur sur l'item (C, puis Entrée enregistre)</translation>
        </message>
        <message>
            <source>Part %1 of the dossier — %2</source>
            <translation>Partie %1 du dossier — %2</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>introuvable</translation>
        </message>
        <message>
            <source>%1 — cited on pages: %2</source>
            <translation>%1 — cité aux pages : %2</translation>
        </message>
        <message>
            <source>Mark not recorded</source>
            <translation>Note non enregistrée</translation>
        </message>
        <message>
            <source>Comment not recorded</source>
            <translation>Commentaire non enregistré</translation>
        </message>
    </context>
    <context>
        <name>EvaluationWorkspace</name>
        <message>
            <source>Request a &amp;rework…</source>
            <translation>Demander un &amp;re-travail…</translation>
        </message>
        <message>
            <source>One file per candidate</source>
            <translation>Un fichier par candidat</translation>
        </message>
        <message>
            <source>One file for all the candidates</source>
            <translation>Un fichier pour tous les candidats</translation>
        </message>
        <message>
            <source>&amp;Sign and export the marks…</source>
            <translation>&amp;Signer et exporter les notes…</translation>
        </message>
        <message>
            <source>No evaluator kit: import yours (File › Import a campaign package…).</source>
            <translation>Aucun kit d'évaluateur : importez le vôtre (Fichier › Importer un paquet de campagne…).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Evaluation&lt;/b&gt; — %1, campaign %2</source>
            <translation>&lt;b&gt;Évaluation&lt;/b&gt; — %1, campagne %2</translation>
        </message>
        <message>
            <source>%1 (%2) — %3/28 marked</source>
            <translation>%1 (%2) — %3/28 notés</translation>
        </message>
        <message>
            <source>rework requested on %1</source>
            <translation>re-travail demandé le %1</translation>
        </message>
        <message>
            <source>Dossier format: conform.</source>
            <translation>Format du dossier : conforme.</translation>
        </message>
        <message numerus="yes">
            <source>Dossier format: %n problem(s)</source>
            <translation>
                <numerusform>Format du dossier : %n problème</numerusform>
                <numerusform>Format du dossier : %n problèmes</numerusform>
            </translation>
        </message>
        <message>
            <source>Rework request</source>
            <translation>Demande de re-travail</translation>
        </message>
        <message>
            <source>What %1 must correct, one sentence per line (the candidate reads it):</source>
            <translation>Ce que %1 doit corriger, une phrase par ligne (le candidat la lira) :</translation>
        </message>
        <message>
            <source>Ask %1 to rework the dossier? This procedure cannot be repeated: it is the only rework request of the campaign for this candidate.</source>
            <translation>Demander à %1 de retravailler son dossier ? Cette procédure ne pourra pas être répétée : c'est la seule demande de re-travail de la campagne pour ce candidat.</translation>
        </message>
        <message>
            <source>Rework not requested</source>
            <translation>Re-travail non demandé</translation>
        </message>
        <message>
            <source>Rework requested from %1.</source>
            <translation>Re-travail demandé à %1.</translation>
        </message>
        <message>
            <source>The evaluator's signing credential</source>
            <translation>Certificat de signature de l'évaluateur</translation>
        </message>
        <message>
            <source>Sign the marks</source>
            <translation>Signer les notes</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Phrase de passe de %1 :</translation>
        </message>
        <message>
            <source>Where to write the signed marks (a USB key)</source>
            <translation>Où écrire les notes signées (une clé USB)</translation>
        </message>
        <message>
            <source>Marks not signed</source>
            <translation>Notes non signées</translation>
        </message>
        <message>
            <source>Marks signed</source>
            <translation>Notes signées</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) written in %1:</source>
            <translation>
                <numerusform>%n fichier écrit dans %1 :</numerusform>
                <numerusform>%n fichiers écrits dans %1 :</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>&amp;Help</source>
            <translation>Aid&amp;e</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About c2i2e-jury</source>
            <translation>À &amp;propos de c2i2e-jury</translation>
        </message>
        <message>
            <source>&lt;h3&gt;c2i2e-jury %1&lt;/h3&gt;&lt;p&gt;The jury workspace of the C2i2e certification (Certificat Informatique et Internet niveau 2 « enseignant »).&lt;/p&gt;&lt;p&gt;Free software under the GNU Affero General Public License, version 3 or later (it uses PyMuPDF, under the AGPL). It never opens a network connection.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;br&gt;Log file: %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;c2i2e-jury %1&lt;/h3&gt;&lt;p&gt;L'espace de travail des jurys de la certification C2i2e (Certificat Informatique et Internet niveau 2 « enseignant »).&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GNU Affero General Public License, version 3 ou ultérieure (il utilise PyMuPDF, sous AGPL). Il n'ouvre jamais de connexion réseau.&lt;/p&gt;&lt;p&gt;Dossier des données : %2&lt;br&gt;Fichier journal : %3&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About c2i2e-jury</source>
            <translation>À propos de c2i2e-jury</translation>
        </message>
    </context>
    <context>
        <name>HistogramChart</name>
        <message>
            <source>Examined candidates by number of validated items</source>
            <translation>Candidats examinés selon le nombre de compétences validées</translation>
        </message>
        <message>
            <source>No examined candidate yet</source>
            <translation>Aucun candidat examiné pour l'instant</translation>
        </message>
        <message>
            <source>23: certificate threshold</source>
            <translation>23 : seuil du certificat</translation>
        </message>
        <message>
            <source>validated items out of 28 (the certificate also needs at most 2 not validated per domain)</source>
            <translation>compétences validées sur 28 (le certificat exige aussi au plus 2 non validées par domaine)</translation>
        </message>
        <message>
            <source>23 or more</source>
            <translation>23 ou plus</translation>
        </message>
        <message>
            <source>21 or 22</source>
            <translation>21 ou 22</translation>
        </message>
        <message>
            <source>under 21</source>
            <translation>moins de 21</translation>
        </message>
        <message>
            <source>borderline 21 to 24</source>
            <translation>zone limite de 21 à 24</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Avant</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Après</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>Justification</source>
            <translation>Justification</translation>
        </message>
        <message>
            <source>certification jury</source>
            <translation>jury de certification</translation>
        </message>
        <message>
            <source>validation jury</source>
            <translation>jury de validation</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Sheets imported</source>
            <translation>Feuilles importées</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s): </source>
            <translation>
                <numerusform>%n fichier : </numerusform>
                <numerusform>%n fichiers : </numerusform>
            </translation>
        </message>
        <message>
            <source>Save the CSV report…</source>
            <translation>Enregistrer le rapport CSV…</translation>
        </message>
        <message>
            <source>Save the import report</source>
            <translation>Enregistrer le rapport d'import</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Report not saved</source>
            <translation>Rapport non enregistré</translation>
        </message>
    </context>
    <context>
        <name>ImportReportModel</name>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>Candidat</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détail</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>importée</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>doublon</translation>
        </message>
        <message>
            <source>older version</source>
            <translation>ancienne version</translation>
        </message>
        <message>
            <source>conflict (kept aside)</source>
            <translation>conflit (mise de côté)</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>refusée</translation>
        </message>
    </context>
    <context>
        <name>IncidentDialog</name>
        <message>
            <source>Late arrival</source>
            <translation>Arrivée en retard</translation>
        </message>
        <message>
            <source>Technical incident</source>
            <translation>Incident technique</translation>
        </message>
        <message>
            <source>Suspicion of fraud or plagiarism (goes to the certification jury)</source>
            <translation>Suspicion de fraude ou de plagiat (transmise au jury de certification)</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>Note an incident</source>
            <translation>Noter un incident</translation>
        </message>
        <message>
            <source>What happened (the time is recorded automatically)</source>
            <translation>Ce qui s'est passé (l'heure est enregistrée automatiquement)</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Type :</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note :</translation>
        </message>
    </context>
    <context>
        <name>ItemDetail</name>
        <message>
            <source>Jury's comment (Enter to save)</source>
            <translation>Commentaire du jury (Entrée pour enregistrer)</translation>
        </message>
        <message>
            <source>Required when the jury differs from the evaluator</source>
            <translation>Obligatoire quand le jury diffère de l'évaluateur</translation>
        </message>
        <message>
            <source>Evaluator:</source>
            <translation>Évaluateur :</translation>
        </message>
        <message>
            <source>In the dossier:</source>
            <translation>Dans le dossier :</translation>
        </message>
        <message>
            <source>History:</source>
            <translation>Historique :</translation>
        </message>
        <message>
            <source>not assessed</source>
            <translation>non évalué</translation>
        </message>
        <message>
            <source>&amp;Comment (%1):</source>
            <translation>&amp;Commentaire (%1) :</translation>
        </message>
        <message>
            <source>&amp;Comment:</source>
            <translation>&amp;Commentaire :</translation>
        </message>
        <message>
            <source>&amp;Justification (%1):</source>
            <translation>J&amp;ustification (%1) :</translation>
        </message>
        <message>
            <source>&amp;Justification:</source>
            <translation>J&amp;ustification :</translation>
        </message>
    </context>
    <context>
        <name>ItemRatesChart</name>
        <message>
            <source>Validation rate per item</source>
            <translation>Taux de validation par compétence</translation>
        </message>
        <message>
            <source>No examined candidate yet</source>
            <translation>Aucun candidat examiné pour l'instant</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Competency</source>
            <translation>Compétence</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Évaluateur</translation>
        </message>
        <message>
            <source>Jury</source>
            <translation>Jury</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Commentaire</translation>
        </message>
        <message>
            <source>✓ V</source>
            <translation>✓ V</translation>
        </message>
        <message>
            <source>✗ NV</source>
            <translation>✗ NV</translation>
        </message>
        <message>
            <source>★ acquired %1</source>
            <translation>★ acquis %1</translation>
        </message>
        <message>
            <source>? to decide</source>
            <translation>? à décider</translation>
        </message>
        <message>
            <source>Justification: %1</source>
            <translation>Justification : %1</translation>
        </message>
    </context>
    <context>
        <name>ItemsPanel</name>
        <message>
            <source>Group by:</source>
            <translation>Grouper par :</translation>
        </message>
        <message>
            <source>&amp;domain</source>
            <translation>&amp;domaine</translation>
        </message>
        <message>
            <source>dossier &amp;part</source>
            <translation>partie du d&amp;ossier</translation>
        </message>
        <message>
            <source>&amp;Validated (V)</source>
            <translation>&amp;Validé (V)</translation>
        </message>
        <message>
            <source>&amp;Not validated (N)</source>
            <translation>&amp;Non validé (N)</translation>
        </message>
        <message>
            <source>Write the justification, or press Escape to cancel the decision.</source>
            <translation>Écrivez la justification, ou appuyez sur Échap pour annuler la décision.</translation>
        </message>
        <message>
            <source>code not cited</source>
            <translation>code non cité</translation>
        </message>
        <message>
            <source>looking for it in the dossier…</source>
            <translation>recherche dans le dossier…</translation>
        </message>
        <message>
            <source>part %1 begins on %2</source>
            <translation>la partie %1 commence en %2</translation>
        </message>
        <message>
            <source>no change yet</source>
            <translation>aucune modification</translation>
        </message>
        <message>
            <source>comment: “%1”</source>
            <translation>commentaire : « %1 »</translation>
        </message>
        <message>
            <source>comment cleared</source>
            <translation>commentaire effacé</translation>
        </message>
        <message>
            <source>justification: “%1”</source>
            <translation>justification : « %1 »</translation>
        </message>
        <message>
            <source>justification cleared</source>
            <translation>justification effacée</translation>
        </message>
        <message>
            <source>Justification required</source>
            <translation>Justification obligatoire</translation>
        </message>
        <message>
            <source>%1: the jury's decision (%2) differs from the evaluator's (%3).
Why?</source>
            <translation>%1 : la décision du jury (%2) diffère de celle de l'évaluateur (%3).
Pourquoi ?</translation>
        </message>
    </context>
    <context>
        <name>JurorChecks</name>
        <message>
            <source>Same credential</source>
            <translation>Même certificat</translation>
        </message>
        <message>
            <source>This is juror 1's credential: juror 2 signs with their own.</source>
            <translation>C'est le certificat du juré 1 : le juré 2 signe avec le sien.</translation>
        </message>
        <message>
            <source>Credential refused</source>
            <translation>Certificat refusé</translation>
        </message>
        <message>
            <source>Juror %1: passphrase</source>
            <translation>Juré %1 : phrase de passe</translation>
        </message>
        <message>
            <source>Passphrase of %1 (%2):</source>
            <translation>Phrase de passe de %1 (%2) :</translation>
        </message>
        <message>
            <source>Passphrase of %1, juror %2 (file %3):</source>
            <translation>Phrase de passe de %1, juré(e) %2 (fichier %3) :</translation>
        </message>
    </context>
    <context>
        <name>JuryRoomWidget</name>
        <message>
            <source>Not recorded</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>presentation</source>
            <translation>présentation</translation>
        </message>
        <message>
            <source>discussion</source>
            <translation>discussion</translation>
        </message>
        <message>
            <source>%1, paused</source>
            <translation>%1, en pause</translation>
        </message>
        <message>
            <source>%1's oral is running (%2, %3 elapsed); its clock keeps counting until it is ended.</source>
            <translation>L'oral de %1 est en cours (%2, %3 écoulées) ; son chronomètre continue de tourner tant qu'il n'est pas terminé.</translation>
        </message>
        <message>
            <source>Absent candidate</source>
            <translation>Candidat absent</translation>
        </message>
        <message>
            <source>Record %1 as absent? An absent candidate abandons and validates nothing.</source>
            <translation>Enregistrer %1 comme absent ? Un candidat absent abandonne et ne valide aucune compétence.</translation>
        </message>
        <message>
            <source>Dossier format: conform.</source>
            <translation>Format du dossier : conforme.</translation>
        </message>
        <message numerus="yes">
            <source>Dossier format: %n problem(s)</source>
            <translation>
                <numerusform>Format du dossier : %n problème</numerusform>
                <numerusform>Format du dossier : %n problèmes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>C2i2e — jury</source>
            <translation>C2i2e — jury</translation>
        </message>
        <message>
            <source>Validation &amp;jury</source>
            <translation>&amp;Jury de validation</translation>
        </message>
        <message>
            <source>&amp;Secretariat</source>
            <translation>&amp;Secrétariat</translation>
        </message>
        <message>
            <source>Certification jury (&amp;president)</source>
            <translation>Jury de certification (présiden&amp;t)</translation>
        </message>
        <message>
            <source>Eva&amp;luation</source>
            <translation>Éva&amp;luation</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Ouverture impossible</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Import a campaign package…</source>
            <translation>&amp;Importer un paquet de campagne…</translation>
        </message>
        <message>
            <source>&amp;Export the day's signed sheets…</source>
            <translation>&amp;Exporter les feuilles signées du jour…</translation>
        </message>
        <message>
            <source>Import &amp;signed sheets…</source>
            <translation>Importer des feuilles &amp;signées…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>Candidates of the &amp;day</source>
            <translation>Candidats du &amp;jour</translation>
        </message>
        <message>
            <source>&amp;Go to the candidates of the day</source>
            <translation>&amp;Aller aux candidats du jour</translation>
        </message>
        <message numerus="yes">
            <source>Quitting the demo deletes its database and its files, with %n signed sheet(s) not exported.</source>
            <translation>
                <numerusform>Quitter la démonstration supprime sa base et ses fichiers, avec %n fiche signée non exportée.</numerusform>
                <numerusform>Quitter la démonstration supprime sa base et ses fichiers, avec %n fiches signées non exportées.</numerusform>
            </translation>
        </message>
        <message>
            <source>Quit?</source>
            <translation>Quitter ?</translation>
        </message>
        <message>
            <source>Quit anyway?</source>
            <translation>Quitter quand même ?</translation>
        </message>
    </context>
    <context>
        <name>OralTimerWidget</name>
        <message>
            <source>Count as a pause…</source>
            <translation>Compter comme une pause…</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Démarrer</translation>
        </message>
        <message>
            <source>→ Discussion</source>
            <translation>→ Discussion</translation>
        </message>
        <message>
            <source>Move on to the discussion</source>
            <translation>Passer à la discussion</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>End</source>
            <translation>Terminer</translation>
        </message>
        <message>
            <source>Sound alert</source>
            <translation>Alerte sonore</translation>
        </message>
        <message>
            <source>Not recorded, the timer did not change: {error}</source>
            <translation>Non enregistré, le chronomètre n'a pas changé : {error}</translation>
        </message>
        <message>
            <source>Why pause the timer?</source>
            <translation>Pourquoi suspendre le chronomètre ?</translation>
        </message>
        <message>
            <source>Count this interruption as a pause: why?</source>
            <translation>Compter cette interruption comme une pause : pour quelle raison ?</translation>
        </message>
        <message>
            <source>End the oral</source>
            <translation>Terminer l'oral</translation>
        </message>
        <message>
            <source>End the oral now? The timer stops and its log is closed.</source>
            <translation>Terminer l'oral maintenant ? Le chronomètre s'arrête et son journal est clos.</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
    </context>
    <context>
        <name>OutcomeGrid</name>
        <message>
            <source>Validation grid of the 28 competencies</source>
            <translation>Grille de validation des 28 compétences</translation>
        </message>
    </context>
    <context>
        <name>OutcomeText</name>
        <message>
            <source>dossier not deposited</source>
            <translation>dossier non déposé</translation>
        </message>
        <message>
            <source>rework requested and still pending at the closing date</source>
            <translation>demande de re-travail en cours à la date de clôture</translation>
        </message>
        <message>
            <source>Not admitted to the oral: %1. No item validated in this campaign.</source>
            <translation>Non admis à l'épreuve orale : %1. Aucune compétence validée dans cette campagne.</translation>
        </message>
        <message>
            <source>Dossier annulled for plagiarism: no item validated in this campaign.</source>
            <translation>Dossier annulé pour plagiat : aucune compétence validée dans cette campagne.</translation>
        </message>
        <message>
            <source>Absent from the oral (withdrawal): no item validated in this campaign.</source>
            <translation>Absent à l'épreuve orale (abandon) : aucune compétence validée dans cette campagne.</translation>
        </message>
        <message numerus="yes">
            <source>Certificate proposed: %n item(s) validated out of %1, at most %2 not validated per domain.</source>
            <translation>
                <numerusform>Certificat proposé : %n compétence validée sur %1, au plus %2 non validées par domaine.</numerusform>
                <numerusform>Certificat proposé : %n compétences validées sur %1, au plus %2 non validées par domaine.</numerusform>
            </translation>
        </message>
        <message>
            <source>Certificate not proposed: %1.</source>
            <translation>Certificat non proposé : %1.</translation>
        </message>
        <message>
            <source>Oral not taken yet</source>
            <translation>Épreuve orale non encore passée</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) not decided by the jury</source>
            <translation>
                <numerusform>%n compétence non décidée par le jury</numerusform>
                <numerusform>%n compétences non décidées par le jury</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) validated out of %1, at least %2 required</source>
            <translation>
                <numerusform>%n compétence validée sur %1, %2 au moins</numerusform>
                <numerusform>%n compétences validées sur %1, %2 au moins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) validated out of %1</source>
            <translation>
                <numerusform>%n compétence validée sur %1</numerusform>
                <numerusform>%n compétences validées sur %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Domain %1: %n item(s) not validated, at most %2</source>
            <translation>
                <numerusform>Domaine %1 : %n compétence non validée, %2 au plus</numerusform>
                <numerusform>Domaine %1 : %n compétences non validées, %2 au plus</numerusform>
            </translation>
        </message>
        <message>
            <source>Pending: %1.</source>
            <translation>En attente : %1.</translation>
        </message>
    </context>
    <context>
        <name>OutcomeWidget</name>
        <message>
            <source>certificate: yes</source>
            <translation>certificat : oui</translation>
        </message>
        <message>
            <source>certificate: no</source>
            <translation>certificat : non</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) to decide</source>
            <translation>
                <numerusform>%n compétence à décider</numerusform>
                <numerusform>%n compétences à décider</numerusform>
            </translation>
        </message>
        <message>
            <source>oral not started</source>
            <translation>oral non commencé</translation>
        </message>
        <message>
            <source>%1 / %2 validated — %3</source>
            <translation>%1 / %2 validées — %3</translation>
        </message>
        <message>
            <source>Nothing validated in this campaign</source>
            <translation>Aucune compétence validée dans cette campagne</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>This page cannot be displayed.</source>
            <translation>Cette page ne peut pas être affichée.</translation>
        </message>
    </context>
    <context>
        <name>PauseReasonDialog</name>
        <message>
            <source>Pause the timer</source>
            <translation>Suspendre le chronomètre</translation>
        </message>
        <message>
            <source>Other…</source>
            <translation>Autre…</translation>
        </message>
        <message>
            <source>Technical incident</source>
            <translation>Incident technique</translation>
        </message>
        <message>
            <source>Candidate unwell</source>
            <translation>Malaise du candidat</translation>
        </message>
        <message>
            <source>Outside interruption</source>
            <translation>Interruption extérieure</translation>
        </message>
        <message>
            <source>Reason, in a few words</source>
            <translation>La raison, en quelques mots</translation>
        </message>
        <message>
            <source>Other: {detail}</source>
            <translation>Autre : {detail}</translation>
        </message>
    </context>
    <context>
        <name>PresenterView</name>
        <message>
            <source>Presenter view — {name}</source>
            <translation>Vue présentateur — {name}</translation>
        </message>
        <message>
            <source>Esc ends the slideshow; F5 puts the slides in or out of full screen.</source>
            <translation>Échap termine le diaporama ; F5 met les diapositives en plein écran ou l'en sort.</translation>
        </message>
        <message>
            <source>On the projector</source>
            <translation>Au vidéoprojecteur</translation>
        </message>
        <message>
            <source>Next slide</source>
            <translation>Diapositive suivante</translation>
        </message>
        <message>
            <source>End of the slides</source>
            <translation>Fin du diaporama</translation>
        </message>
        <message>
            <source>Slide %1 / %2</source>
            <translation>Diapositive %1 / %2</translation>
        </message>
        <message>
            <source>Slideshow: %1</source>
            <translation>Diaporama : %1</translation>
        </message>
        <message>
            <source>Presentation</source>
            <translation>Présentation</translation>
        </message>
        <message>
            <source>Discussion</source>
            <translation>Discussion</translation>
        </message>
        <message>
            <source>%1: %2 elapsed, %3 left</source>
            <translation>%1 : %2 écoulées, reste %3</translation>
        </message>
    </context>
    <context>
        <name>PresidentDocuments</name>
        <message>
            <source>The president's signing credential</source>
            <translation>Certificat de signature du président</translation>
        </message>
        <message>
            <source>President: passphrase</source>
            <translation>Président : phrase de passe</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Phrase de passe de %1 :</translation>
        </message>
        <message>
            <source>Not written</source>
            <translation>Non écrit</translation>
        </message>
        <message>
            <source>%1 could not be written: %2.</source>
            <translation>Impossible d'écrire %1 : %2.</translation>
        </message>
        <message>
            <source>No procès-verbal</source>
            <translation>Pas de procès-verbal</translation>
        </message>
        <message>
            <source>Save the signed procès-verbal</source>
            <translation>Enregistrer le procès-verbal signé</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message numerus="yes">
            <source>The procès-verbal (%n candidate(s)) is signed by %1 and saved as %2.</source>
            <translation>
                <numerusform>Le procès-verbal (%n candidat) est signé par %1 et enregistré sous %2.</numerusform>
                <numerusform>Le procès-verbal (%n candidats) est signé par %1 et enregistré sous %2.</numerusform>
            </translation>
        </message>
        <message>
            <source>Procès-verbal not signed</source>
            <translation>Procès-verbal non signé</translation>
        </message>
        <message>
            <source>Procès-verbal signed</source>
            <translation>Procès-verbal signé</translation>
        </message>
        <message>
            <source>Certificates and attestations</source>
            <translation>Certificats et attestations</translation>
        </message>
        <message>
            <source>Sign, with the president's credential, a certificate or a partial attestation for every candidate the certification jury has decided and who has none yet, then save every document in force as one ZIP file?</source>
            <translation>Signer, avec le certificat du président, un certificat ou une attestation partielle pour chaque candidat sur qui le jury de certification a statué et qui n'en a pas encore, puis enregistrer tous les documents en vigueur dans un fichier ZIP ?</translation>
        </message>
        <message>
            <source>%1; %2.</source>
            <translation>%1 ; %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) signed now</source>
            <translation>
                <numerusform>%n document signé maintenant</numerusform>
                <numerusform>%n documents signés maintenant</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already issued</source>
            <translation>
                <numerusform>%n déjà émis</numerusform>
                <numerusform>%n déjà émis</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) in force saved in %1 (with index.csv).</source>
            <translation>
                <numerusform>%n document en vigueur enregistré dans %1 (avec index.csv).</numerusform>
                <numerusform>%n documents en vigueur enregistrés dans %1 (avec index.csv).</numerusform>
            </translation>
        </message>
        <message>
            <source>No document signed</source>
            <translation>Aucun document signé</translation>
        </message>
        <message>
            <source>The certification jury has decided no delivery yet: there is nothing to save.</source>
            <translation>Le jury de certification n'a encore décidé aucune délivrance : il n'y a rien à enregistrer.</translation>
        </message>
        <message>
            <source>Save every document in force</source>
            <translation>Enregistrer tous les documents en vigueur</translation>
        </message>
        <message>
            <source>ZIP archive (*.zip)</source>
            <translation>Archive ZIP (*.zip)</translation>
        </message>
        <message>
            <source>Signing the documents…</source>
            <translation>Signature des documents…</translation>
        </message>
        <message>
            <source>Drawing the documents…</source>
            <translation>Préparation des documents…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
    </context>
    <context>
        <name>ProgressView</name>
        <message>
            <source>&amp;Export the admission list…</source>
            <translation>&amp;Exporter la liste d'admission…</translation>
        </message>
        <message>
            <source>&amp;Write the convocations…</source>
            <translation>É&amp;crire les convocations…</translation>
        </message>
        <message>
            <source>final</source>
            <translation>définitive</translation>
        </message>
        <message>
            <source>provisional until %1 included</source>
            <translation>provisoire jusqu'au %1 inclus</translation>
        </message>
        <message>
            <source>%1 candidates: %2 dossiers deposited, %3 evaluated; rework requested %4 (redeposited %5, pending %6); not deposited %7. Admission list (%8): %9 admitted.</source>
            <translation>%1 candidats : %2 dossiers déposés, %3 évalués ; re-travail demandé %4 (redéposés %5, en attente %6) ; non déposés %7. Liste d'admission (%8) : %9 admis.</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refusé</translation>
        </message>
        <message>
            <source>Export the admission list</source>
            <translation>Exporter la liste d'admission</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV pour Excel (*.csv)</translation>
        </message>
        <message>
            <source>%1 could not be written: %2.</source>
            <translation>%1 n'a pas pu être écrit : %2.</translation>
        </message>
        <message>
            <source>Admission list written: %1</source>
            <translation>Liste d'admission écrite : %1</translation>
        </message>
        <message>
            <source>Folder for the convocations</source>
            <translation>Dossier des convocations</translation>
        </message>
        <message>
            <source>%1 convocations written in %2 (mail merge: %3)</source>
            <translation>%1 convocations écrites dans %2 (publipostage : %3)</translation>
        </message>
    </context>
    <context>
        <name>PvDialog</name>
        <message>
            <source>Procès-verbal of the certification jury</source>
            <translation>Procès-verbal du jury de certification</translation>
        </message>
        <message>
            <source>e.g. Grenoble, ESPE, room B114</source>
            <translation>ex. Grenoble, ESPE, salle B114</translation>
        </message>
        <message>
            <source>One member a line, the role after a comma:
Jean Martin, représentant du comité de site</source>
            <translation>Un membre par ligne, le rôle après une virgule :
Jean Martin, représentant du comité de site</translation>
        </message>
        <message>
            <source>President:</source>
            <translation>Président :</translation>
        </message>
        <message>
            <source>&amp;Meeting date:</source>
            <translation>&amp;Date de la réunion :</translation>
        </message>
        <message>
            <source>&amp;Place:</source>
            <translation>&amp;Lieu :</translation>
        </message>
        <message>
            <source>Other &amp;members:</source>
            <translation>Autres &amp;membres :</translation>
        </message>
        <message>
            <source>&amp;Remarks:</source>
            <translation>&amp;Observations :</translation>
        </message>
        <message>
            <source>&amp;Sign and save…</source>
            <translation>&amp;Signer et enregistrer…</translation>
        </message>
        <message numerus="yes">
            <source>The procès-verbal cannot be signed: %n candidate(s) still to decide by the certification jury: %1.</source>
            <translation>
                <numerusform>Le procès-verbal ne peut pas être signé : %n candidat reste à décider par le jury de certification : %1.</numerusform>
                <numerusform>Le procès-verbal ne peut pas être signé : %n candidats restent à décider par le jury de certification : %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Type the place of the meeting: a procès-verbal without a place cannot be signed.</source>
            <translation>Indiquez le lieu de la réunion : un procès-verbal sans lieu ne peut pas être signé.</translation>
        </message>
        <message>
            <source>Drawing the preview…</source>
            <translation>Aperçu en préparation…</translation>
        </message>
        <message>
            <source>The preview could not be drawn (details in the log file).</source>
            <translation>L'aperçu n'a pas pu être dessiné (détails dans le fichier journal).</translation>
        </message>
        <message numerus="yes">
            <source>%n certificate(s) delivered</source>
            <translation>
                <numerusform>%n certificat délivré</numerusform>
                <numerusform>%n certificats délivrés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partial attestation(s) delivered</source>
            <translation>
                <numerusform>%n attestation partielle délivrée</numerusform>
                <numerusform>%n attestations partielles délivrées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annulled</source>
            <translation>
                <numerusform>%n annulé</numerusform>
                <numerusform>%n annulés</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n absent</source>
            <translation>
                <numerusform>%n absent</numerusform>
                <numerusform>%n absents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not admitted</source>
            <translation>
                <numerusform>%n non admis</numerusform>
                <numerusform>%n non admis</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) not received</source>
            <translation>
                <numerusform>%n feuille non reçue</numerusform>
                <numerusform>%n feuilles non reçues</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n to decide</source>
            <translation>
                <numerusform>%n à décider</numerusform>
                <numerusform>%n à décider</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1 : %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n candidate(s)</source>
            <translation>
                <numerusform>%n candidat</numerusform>
                <numerusform>%n candidats</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReclamationDialog</name>
        <message>
            <source>Register a reclamation</source>
            <translation>Enregistrer une réclamation</translation>
        </message>
        <message>
            <source>The written request: its object and reasons</source>
            <translation>La demande écrite : son objet et ses motifs</translation>
        </message>
        <message>
            <source>&amp;Candidate:</source>
            <translation>&amp;Candidat :</translation>
        </message>
        <message>
            <source>Date of the &amp;problem:</source>
            <translation>Date du &amp;problème :</translation>
        </message>
        <message>
            <source>&amp;Received on:</source>
            <translation>&amp;Reçue le :</translation>
        </message>
        <message>
            <source>&amp;Request:</source>
            <translation>&amp;Demande :</translation>
        </message>
        <message>
            <source>Reclamation of %1 registered: %2</source>
            <translation>Réclamation de %1 enregistrée : %2</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Register</source>
            <translation>Registre</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>Candidat</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Reçue le</translation>
        </message>
        <message>
            <source>Deadline (15 days)</source>
            <translation>Échéance (15 jours)</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>Délai</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <source>Oral moved</source>
            <translation>Oral déplacé</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Answer or reason</source>
            <translation>Réponse ou motif</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Décidé le</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>reclamation</source>
            <translation>réclamation</translation>
        </message>
        <message>
            <source>date change</source>
            <translation>changement de date</translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
        <message>
            <source>all</source>
            <translation>tous</translation>
        </message>
        <message>
            <source>reclamations</source>
            <translation>réclamations</translation>
        </message>
        <message>
            <source>date changes</source>
            <translation>changements de date</translation>
        </message>
        <message>
            <source>awaiting a decision</source>
            <translation>en attente d'une décision</translation>
        </message>
        <message>
            <source>decided</source>
            <translation>décidés</translation>
        </message>
        <message>
            <source>within 15 days</source>
            <translation>dans les 15 jours</translation>
        </message>
        <message>
            <source>late</source>
            <translation>hors délai</translation>
        </message>
        <message>
            <source>&amp;Answer…</source>
            <translation>&amp;Répondre…</translation>
        </message>
        <message>
            <source>&amp;Print the answer…</source>
            <translation>&amp;Imprimer la réponse…</translation>
        </message>
        <message>
            <source>&amp;Confirm (proof received)…</source>
            <translation>&amp;Confirmer (justificatif reçu)…</translation>
        </message>
        <message>
            <source>Re&amp;fuse the change…</source>
            <translation>Re&amp;fuser le changement…</translation>
        </message>
        <message>
            <source>&amp;Export the whole register…</source>
            <translation>E&amp;xporter tout le registre…</translation>
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation>&amp;Type :</translation>
        </message>
        <message>
            <source>&amp;State:</source>
            <translation>É&amp;tat :</translation>
        </message>
        <message>
            <source>&amp;Delay:</source>
            <translation>&amp;Délai :</translation>
        </message>
        <message>
            <source>%1 of %2 entries</source>
            <translation>%1 sur %2 entrées</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refusé</translation>
        </message>
        <message>
            <source>Reclamation of %1 answered: %2</source>
            <translation>Réponse à la réclamation de %1 : %2</translation>
        </message>
        <message>
            <source>Oral of %1 moved to %2 %3</source>
            <translation>Oral de %1 déplacé au %2 %3</translation>
        </message>
        <message>
            <source>Date change of %1 refused: %2</source>
            <translation>Changement de date de %1 refusé : %2</translation>
        </message>
        <message>
            <source>Save the answer letter</source>
            <translation>Enregistrer la lettre de réponse</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Export the register</source>
            <translation>Exporter le registre</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV pour Excel (*.csv)</translation>
        </message>
        <message>
            <source>%1 could not be written: %2.</source>
            <translation>%1 n'a pas pu être écrit : %2.</translation>
        </message>
        <message>
            <source>Written: %1</source>
            <translation>Écrit : %1</translation>
        </message>
    </context>
    <context>
        <name>ReversalModel</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Évaluateur</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>Candidats</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Décidées</translation>
        </message>
        <message>
            <source>V → NV</source>
            <translation>V → NV</translation>
        </message>
        <message>
            <source>NV → V</source>
            <translation>NV → V</translation>
        </message>
        <message>
            <source>Reversed</source>
            <translation>Inversées</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>Items with both an evaluator's mark and a jury decision</source>
            <translation>Compétences notées par l'évaluateur et décidées par le jury</translation>
        </message>
        <message>
            <source>The evaluator validated, the jury did not</source>
            <translation>L'évaluateur avait validé, le jury n'a pas validé</translation>
        </message>
        <message>
            <source>The evaluator did not validate, the jury did</source>
            <translation>L'évaluateur n'avait pas validé, le jury a validé</translation>
        </message>
        <message>
            <source>rather lenient</source>
            <translation>plutôt indulgent</translation>
        </message>
        <message>
            <source>rather harsh</source>
            <translation>plutôt sévère</translation>
        </message>
    </context>
    <context>
        <name>ReviewModel</name>
        <message>
            <source>Items not validated in domain %1 (at most 2 for the certificate)</source>
            <translation>Compétences non validées dans le domaine %1 (2 au plus pour le certificat)</translation>
        </message>
        <message>
            <source>Items validated out of 28 (at least 23 for the certificate)</source>
            <translation>Compétences validées sur 28 (23 au moins pour le certificat)</translation>
        </message>
        <message>
            <source>Certification jury's decision</source>
            <translation>Décision du jury de certification</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>N°</translation>
        </message>
        <message>
            <source>Candidate</source>
            <translation>Candidat</translation>
        </message>
        <message>
            <source>Jury</source>
            <translation>Jury</translation>
        </message>
        <message>
            <source>Evaluator</source>
            <translation>Évaluateur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>/28</source>
            <translation>/28</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>To look at</source>
            <translation>Signalements</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <source>To examine</source>
            <translation>À examiner</translation>
        </message>
        <message>
            <source>not admitted</source>
            <translation>non admis</translation>
        </message>
        <message>
            <source>oral not taken</source>
            <translation>oral non passé</translation>
        </message>
        <message>
            <source>being decided</source>
            <translation>en cours de décision</translation>
        </message>
        <message>
            <source>examined</source>
            <translation>examiné</translation>
        </message>
        <message>
            <source>absent (abandonment)</source>
            <translation>absent (abandon)</translation>
        </message>
        <message>
            <source>annulled (plagiarism)</source>
            <translation>annulé (plagiat)</translation>
        </message>
        <message>
            <source>borderline</source>
            <translation>limite</translation>
        </message>
        <message>
            <source>jury reversed</source>
            <translation>décision inversée</translation>
        </message>
        <message>
            <source>plagiarism reported</source>
            <translation>plagiat signalé</translation>
        </message>
        <message>
            <source>data changed since the sheet</source>
            <translation>données modifiées depuis la feuille</translation>
        </message>
        <message>
            <source>sheet in conflict</source>
            <translation>feuille en conflit</translation>
        </message>
        <message>
            <source>no sheet</source>
            <translation>feuille manquante</translation>
        </message>
        <message>
            <source>certificate delivered</source>
            <translation>certificat délivré</translation>
        </message>
        <message>
            <source>partial attestation</source>
            <translation>attestation partielle</translation>
        </message>
        <message>
            <source>annulled for plagiarism</source>
            <translation>annulé pour plagiat</translation>
        </message>
        <message>
            <source>annulment lifted</source>
            <translation>annulation levée</translation>
        </message>
        <message>
            <source>delivery undone</source>
            <translation>délivrance annulée</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificat</translation>
        </message>
        <message>
            <source>Partial</source>
            <translation>Partiel</translation>
        </message>
        <message>
            <source>To examine: %1</source>
            <translation>À examiner : %1</translation>
        </message>
        <message>
            <source>Jury reversed the evaluator on: %1</source>
            <translation>Le jury a inversé la décision de l'évaluateur sur : %1</translation>
        </message>
        <message>
            <source>Verification code: %1</source>
            <translation>Code de vérification : %1</translation>
        </message>
    </context>
    <context>
        <name>ReviewWorkspace</name>
        <message>
            <source>Candidates</source>
            <translation>Candidats</translation>
        </message>
        <message>
            <source>Reversals of the evaluator</source>
            <translation>Décisions inversées</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Graphiques</translation>
        </message>
        <message>
            <source>Search: id, name, jury, evaluator</source>
            <translation>Rechercher : n°, nom, jury, évaluateur</translation>
        </message>
        <message>
            <source>Deliver as the rules propose…</source>
            <translation>Délivrer selon les règles…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <source>Certificates and attestations…</source>
            <translation>Certificats et attestations…</translation>
        </message>
        <message>
            <source>Sign the documents the certification jury decided and save them as one ZIP</source>
            <translation>Signer les documents décidés par le jury de certification et les enregistrer dans un fichier ZIP</translation>
        </message>
        <message>
            <source>Procès-verbal…</source>
            <translation>Procès-verbal…</translation>
        </message>
        <message>
            <source>The certification jury's procès-verbal: preview, sign, save</source>
            <translation>Le procès-verbal du jury de certification : aperçu, signature, enregistrement</translation>
        </message>
        <message>
            <source>By evaluator</source>
            <translation>Par évaluateur</translation>
        </message>
        <message>
            <source>By item</source>
            <translation>Par compétence</translation>
        </message>
        <message>
            <source>All candidates</source>
            <translation>Tous les candidats</translation>
        </message>
        <message>
            <source>To examine (flagged, not settled)</source>
            <translation>À examiner (signalés, pas encore tranchés)</translation>
        </message>
        <message>
            <source>To look at (any flag)</source>
            <translation>Signalés (même déjà tranchés)</translation>
        </message>
        <message>
            <source>Borderline (21 to 24)</source>
            <translation>Cas limites (21 à 24)</translation>
        </message>
        <message>
            <source>Jury reversed the evaluator</source>
            <translation>Le jury a inversé l'évaluateur</translation>
        </message>
        <message>
            <source>Plagiarism reported</source>
            <translation>Plagiat signalé</translation>
        </message>
        <message>
            <source>Data changed since the sheet</source>
            <translation>Données modifiées depuis la feuille</translation>
        </message>
        <message>
            <source>Sheet in conflict</source>
            <translation>Feuille en conflit</translation>
        </message>
        <message>
            <source>No signed sheet</source>
            <translation>Sans feuille signée</translation>
        </message>
        <message>
            <source>Certificate by the rules</source>
            <translation>Certificat selon les règles</translation>
        </message>
        <message>
            <source>Partial attestation by the rules</source>
            <translation>Attestation partielle selon les règles</translation>
        </message>
        <message>
            <source>Not yet decided by the certification jury</source>
            <translation>Pas encore décidé par le jury de certification</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>Not admitted</source>
            <translation>Non admis</translation>
        </message>
        <message>
            <source>Annulled</source>
            <translation>Annulé</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n candidate(s)</source>
            <translation>
                <numerusform>%1 sur %n candidat</numerusform>
                <numerusform>%1 sur %n candidats</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 and %2 recorded; %3.</source>
            <translation>%1 et %2 enregistrés ; %3.</translation>
        </message>
        <message numerus="yes">
            <source>%n certificate(s)</source>
            <translation>
                <numerusform>%n certificat</numerusform>
                <numerusform>%n certificats</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partial attestation(s)</source>
            <translation>
                <numerusform>%n attestation partielle</numerusform>
                <numerusform>%n attestations partielles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n candidate(s) left for you to decide</source>
            <translation>
                <numerusform>%n candidat laissé à votre décision</numerusform>
                <numerusform>%n candidats laissés à votre décision</numerusform>
            </translation>
        </message>
        <message>
            <source>Deliver as the rules propose</source>
            <translation>Délivrer selon les règles</translation>
        </message>
        <message>
            <source>Every candidate not yet decided gets the certificate or the partial attestation their signed sheet proposes. Candidates with a fraud or plagiarism report, data changed since the sheet, a missing or reopened sheet are left for you to decide. Continue?</source>
            <translation>Chaque candidat sans décision reçoit le certificat ou l'attestation partielle que propose sa feuille signée. Les candidats signalés pour fraude ou plagiat, dont les données ont changé depuis la feuille, sans feuille signée ou dont la feuille est rouverte vous sont laissés. Continuer ?</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>Decisions recorded</source>
            <translation>Décisions enregistrées</translation>
        </message>
        <message>
            <source>Export the summary</source>
            <translation>Exporter la synthèse</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
            <translation>Classeur Excel (*.xlsx);;CSV pour Excel (*.csv)</translation>
        </message>
        <message>
            <source>Not written</source>
            <translation>Non écrit</translation>
        </message>
        <message>
            <source>%1 could not be written: %2.</source>
            <translation>Impossible d'écrire %1 : %2.</translation>
        </message>
    </context>
    <context>
        <name>RoomHeader</name>
        <message>
            <source>The candidate is here (Ctrl+Shift+P)</source>
            <translation>Le candidat est là (Ctrl+Maj+P)</translation>
        </message>
        <message>
            <source>Chec&amp;k in</source>
            <translation>Émarger</translation>
        </message>
        <message>
            <source>The candidate did not come: abandonment, nothing is validated</source>
            <translation>Le candidat ne s'est pas présenté : abandon, aucune compétence validée</translation>
        </message>
        <message>
            <source>A&amp;bsent</source>
            <translation>A&amp;bsent</translation>
        </message>
        <message>
            <source>&amp;Incident…</source>
            <translation>&amp;Incident…</translation>
        </message>
        <message>
            <source>Note an incident with its time (Ctrl+I)</source>
            <translation>Noter un incident avec son heure (Ctrl+I)</translation>
        </message>
        <message>
            <source>&amp;Slides…</source>
            <translation>Diapora&amp;ma…</translation>
        </message>
        <message>
            <source>Open the candidate's slides (PDF) on the projector</source>
            <translation>Ouvrir le diaporama (PDF) du candidat sur le vidéoprojecteur</translation>
        </message>
        <message>
            <source>&amp;Sign the sheet…</source>
            <translation>Si&amp;gner la feuille…</translation>
        </message>
        <message>
            <source>Juror 1 then juror 2 sign the result sheet; the record then locks</source>
            <translation>Le juré 1 puis le juré 2 signent la feuille de résultats ; le dossier est alors verrouillé</translation>
        </message>
        <message>
            <source>&amp;Reopen…</source>
            <translation>&amp;Rouvrir…</translation>
        </message>
        <message>
            <source>Correct a signed sheet: a reason is asked, a new version follows</source>
            <translation>Corriger une feuille signée : un motif est demandé, une nouvelle version suit</translation>
        </message>
        <message>
            <source>Choose a candidate in the day's list</source>
            <translation>Choisissez un candidat dans la liste du jour</translation>
        </message>
        <message>
            <source>jury %1</source>
            <translation>jury %1</translation>
        </message>
        <message>
            <source>evaluator: %1 (marks signed on %2)</source>
            <translation>évaluateur : %1 (notes signées le %2)</translation>
        </message>
        <message>
            <source>evaluator: %1</source>
            <translation>évaluateur : %1</translation>
        </message>
        <message>
            <source>extra time: +%1 %</source>
            <translation>tiers-temps : +%1 %</translation>
        </message>
        <message numerus="yes">
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
        <message>
            <source>Not admitted: no oral</source>
            <translation>Non admis : pas d'oral</translation>
        </message>
        <message>
            <source>Sheet signed: the oral is over</source>
            <translation>Feuille signée : l'oral est terminé</translation>
        </message>
        <message>
            <source>Absent: no oral</source>
            <translation>Absent : pas d'oral</translation>
        </message>
        <message>
            <source>Check the candidate in first (Ctrl+Shift+P)</source>
            <translation>Émargez d'abord le candidat (Ctrl+Maj+P)</translation>
        </message>
        <message>
            <source>NOT ADMITTED: %1</source>
            <translation>NON ADMIS : %1</translation>
        </message>
        <message>
            <source>Signed — locked</source>
            <translation>Signée — verrouillée</translation>
        </message>
        <message>
            <source>Awaiting check-in</source>
            <translation>En attente d'émargement</translation>
        </message>
        <message>
            <source>Present ✓</source>
            <translation>Présent ✓</translation>
        </message>
        <message>
            <source>Absent (abandonment)</source>
            <translation>Absent (abandon)</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <source>Search (Ctrl+F)</source>
            <translation>Rechercher (Ctrl+F)</translation>
        </message>
        <message>
            <source>Previous match (Shift+F3)</source>
            <translation>Résultat précédent (Maj+F3)</translation>
        </message>
        <message>
            <source>Next match (F3)</source>
            <translation>Résultat suivant (F3)</translation>
        </message>
        <message>
            <source>No match</source>
            <translation>Aucun résultat</translation>
        </message>
    </context>
    <context>
        <name>SecretariatEvaluation</name>
        <message>
            <source>Folder for the evaluator kits</source>
            <translation>Dossier pour les kits des évaluateurs</translation>
        </message>
        <message>
            <source>Evaluator kit %1: %2 candidates, %3</source>
            <translation>Kit de l'évaluateur %1 : %2 candidats, %3</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>attention : %1</translation>
        </message>
        <message>
            <source>Folder or USB key holding the evaluators' signed marks</source>
            <translation>Dossier ou clé USB contenant les notes signées des évaluateurs</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>importée</translation>
        </message>
        <message>
            <source>already imported</source>
            <translation>déjà importé</translation>
        </message>
        <message>
            <source>older than the marks in force</source>
            <translation>plus ancien que les notes en vigueur</translation>
        </message>
        <message>
            <source>refused</source>
            <translation>refusé</translation>
        </message>
        <message>
            <source>%1: %2 — %3</source>
            <translation>%1 : %2 — %3</translation>
        </message>
        <message>
            <source>Signed marks: %1.</source>
            <translation>Notes signées : %1.</translation>
        </message>
        <message>
            <source>Redeposit a reworked dossier</source>
            <translation>Redéposer un dossier retravaillé</translation>
        </message>
        <message>
            <source>Candidate number:</source>
            <translation>Numéro du candidat :</translation>
        </message>
        <message>
            <source>The reworked dossier (PDF)</source>
            <translation>Le dossier retravaillé (PDF)</translation>
        </message>
        <message>
            <source>the format report finds it conform</source>
            <translation>le rapport de format le trouve conforme</translation>
        </message>
        <message>
            <source>the format report finds: %1</source>
            <translation>le rapport de format relève : %1</translation>
        </message>
        <message>
            <source>%1: dossier redeposited, %2.</source>
            <translation>%1 : dossier redéposé, %2.</translation>
        </message>
    </context>
    <context>
        <name>SecretariatWorkspace</name>
        <message>
            <source>What is done here is written in this journal.</source>
            <translation>Ce qui est fait ici est noté dans ce journal.</translation>
        </message>
        <message>
            <source>Before the orals</source>
            <translation>Avant les oraux</translation>
        </message>
        <message>
            <source>Import a campaign package…</source>
            <translation>Importer un paquet de campagne…</translation>
        </message>
        <message>
            <source>Check and import the campaign (folder or .zip): every problem is listed, nothing stored if any</source>
            <translation>Vérifier et importer la campagne (dossier ou .zip) : chaque problème est listé, rien n'est enregistré s'il y en a</translation>
        </message>
        <message>
            <source>Create the campaign authority…</source>
            <translation>Créer l'autorité de la campagne…</translation>
        </message>
        <message>
            <source>The key that signs the jurors' credentials</source>
            <translation>La clé qui signe les identifiants des jurés</translation>
        </message>
        <message>
            <source>Issue a credential…</source>
            <translation>Délivrer un identifiant…</translation>
        </message>
        <message>
            <source>A juror's (or the president's) signing credential</source>
            <translation>L'identifiant de signature d'un juré (ou du président)</translation>
        </message>
        <message>
            <source>Change a credential's passphrase…</source>
            <translation>Changer la phrase de passe d'un identifiant…</translation>
        </message>
        <message>
            <source>For a juror who wants a new passphrase</source>
            <translation>Pour un juré qui veut une nouvelle phrase de passe</translation>
        </message>
        <message>
            <source>Revoke a credential…</source>
            <translation>Révoquer un certificat…</translation>
        </message>
        <message>
            <source>A juror's lost laptop: the sheets it signs from that date on are refused at import</source>
            <translation>L'ordinateur perdu d'un juré : les feuilles signées avec son certificat à partir de cette date sont refusées à l'import</translation>
        </message>
        <message>
            <source>Prepare the room kits…</source>
            <translation>Préparer les kits des salles…</translation>
        </message>
        <message>
            <source>For each room: its candidates' package, the jurors' certificates and the attendance sheet (PDF)</source>
            <translation>Pour chaque salle : le paquet de ses candidats, les certificats des jurés et la feuille d'émargement (PDF)</translation>
        </message>
        <message>
            <source>After the orals</source>
            <translation>Après les oraux</translation>
        </message>
        <message>
            <source>Import signed sheets…</source>
            <translation>Importer des feuilles signées…</translation>
        </message>
        <message>
            <source>The sheets of every room: files, folders, zips, USB keys</source>
            <translation>Les feuilles de toutes les salles : fichiers, dossiers, zips, clés USB</translation>
        </message>
        <message>
            <source>Export the summary…</source>
            <translation>Exporter le récapitulatif…</translation>
        </message>
        <message>
            <source>One row per candidate, one column per item: CSV for French Excel, or XLSX</source>
            <translation>Une ligne par candidat, une colonne par compétence : CSV pour Excel en français, ou XLSX</translation>
        </message>
        <message>
            <source>Register a reclamation…</source>
            <translation>Enregistrer une réclamation…</translation>
        </message>
        <message>
            <source>In writing, within 15 days of the problem: the delay is computed and shown</source>
            <translation>Par écrit, dans les 15 jours suivant le problème : le délai est calculé et affiché</translation>
        </message>
        <message>
            <source>Change an oral's date…</source>
            <translation>Changer la date d'un oral…</translation>
        </message>
        <message>
            <source>Only for hospitalisation, a relative's death or a convocation to an exam or competitive oral, with proof</source>
            <translation>Seulement pour une hospitalisation, le décès d'un proche ou une convocation à un examen ou à l'oral d'un concours, justificatif à l'appui</translation>
        </message>
        <message>
            <source>&lt;b&gt;Journal&lt;/b&gt;</source>
            <translation>&lt;b&gt;Journal&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Refusé</translation>
        </message>
        <message>
            <source>Save the list for Excel…</source>
            <translation>Enregistrer la liste pour Excel…</translation>
        </message>
        <message>
            <source>Campaign progress and admission…</source>
            <translation>Avancement de la campagne et admission…</translation>
        </message>
        <message>
            <source>The dossiers' progress, the admission list, the convocations (PDF and CSV)</source>
            <translation>L'avancement des dossiers, la liste d'admission, les convocations (PDF et CSV)</translation>
        </message>
        <message>
            <source>Prepare the evaluator kits…</source>
            <translation>Préparer les kits des évaluateurs…</translation>
        </message>
        <message>
            <source>For each evaluator: the candidates to evaluate, their dossiers, the certificate</source>
            <translation>Pour chaque évaluateur : les candidats à évaluer, leurs dossiers, le certificat</translation>
        </message>
        <message>
            <source>Redeposit a reworked dossier…</source>
            <translation>Redéposer un dossier retravaillé…</translation>
        </message>
        <message>
            <source>After a rework request: the new dossier replaces the first, its format is checked again</source>
            <translation>Après une demande de re-travail : le nouveau dossier remplace le premier, son format est vérifié à nouveau</translation>
        </message>
        <message>
            <source>Import signed marks…</source>
            <translation>Importer des notes signées…</translation>
        </message>
        <message>
            <source>The evaluators' signed marks: each verified, the marks shown to the jurors</source>
            <translation>Les notes signées des évaluateurs : chacune vérifiée, les notes montrées aux jurés</translation>
        </message>
        <message>
            <source>Open the registers…</source>
            <translation>Ouvrir les registres…</translation>
        </message>
        <message>
            <source>Answer, print, confirm or refuse; the 15-day deadlines; export the register</source>
            <translation>Répondre, imprimer, confirmer ou refuser ; les échéances de 15 jours ; exporter le registre</translation>
        </message>
        <message>
            <source>Save the problems</source>
            <translation>Enregistrer les problèmes</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV pour Excel (*.csv)</translation>
        </message>
        <message>
            <source>%1 could not be written: %2.</source>
            <translation>Impossible d'écrire %1 : %2.</translation>
        </message>
        <message>
            <source>The list of problems is saved in %1.</source>
            <translation>La liste des problèmes est enregistrée dans %1.</translation>
        </message>
        <message>
            <source>Campaign package</source>
            <translation>Paquet de campagne</translation>
        </message>
        <message>
            <source>Campaign package (*.zip campaign.json)</source>
            <translation>Paquet de campagne (*.zip campaign.json)</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>Attention : %1</translation>
        </message>
        <message>
            <source>Folder for the room kits</source>
            <translation>Dossier des kits de salle</translation>
        </message>
        <message>
            <source>Kit %1: %2 candidates, %3</source>
            <translation>Kit %1 : %2 candidats, %3</translation>
        </message>
        <message>
            <source>warning: %1</source>
            <translation>attention : %1</translation>
        </message>
        <message>
            <source>Signed sheets imported (see the report).</source>
            <translation>Feuilles signées importées (voir le rapport).</translation>
        </message>
        <message>
            <source>Campaign progress and admission</source>
            <translation>Avancement de la campagne et admission</translation>
        </message>
        <message>
            <source>Registers</source>
            <translation>Registres</translation>
        </message>
        <message>
            <source>Export the summary</source>
            <translation>Exporter la synthèse</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv);;Excel workbook (*.xlsx)</source>
            <translation>CSV pour Excel (*.csv);;Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Summary exported: %1</source>
            <translation>Récapitulatif exporté : %1</translation>
        </message>
    </context>
    <context>
        <name>SheetReopening</name>
        <message>
            <source>Reopen the signed sheet</source>
            <translation>Rouvrir la feuille signée</translation>
        </message>
        <message>
            <source>Why must the signed sheet be corrected? The reason is printed on the new version, which both jurors sign again.</source>
            <translation>Pourquoi la feuille signée doit-elle être corrigée ? Le motif est imprimé sur la nouvelle version, que les deux jurés signent à nouveau.</translation>
        </message>
        <message>
            <source>Not reopened</source>
            <translation>Feuille non rouverte</translation>
        </message>
        <message>
            <source>Sheet reopened</source>
            <translation>Feuille rouverte</translation>
        </message>
        <message>
            <source>The record is unlocked. The next signature makes version %1, which supersedes version %2.</source>
            <translation>Le dossier est déverrouillé. La prochaine signature produira la version %1, qui remplace la version %2.</translation>
        </message>
    </context>
    <context>
        <name>SheetSigning</name>
        <message>
            <source>Cannot sign yet</source>
            <translation>Signature impossible pour l'instant</translation>
        </message>
        <message>
            <source>Sign the result sheet</source>
            <translation>Signer la feuille de résultat</translation>
        </message>
        <message>
            <source>Signing the sheet…</source>
            <translation>Signature de la feuille…</translation>
        </message>
        <message>
            <source>Sheet not signed</source>
            <translation>Feuille non signée</translation>
        </message>
        <message>
            <source>The signing process could not be started: nothing was signed.</source>
            <translation>Le processus de signature n'a pas pu démarrer : rien n'a été signé.</translation>
        </message>
        <message>
            <source>Sheet signed</source>
            <translation>Feuille signée</translation>
        </message>
        <message>
            <source>Version %1 of %2's sheet is signed by %3 and %4. The record is locked.</source>
            <translation>La version %1 de la feuille de %2 est signée par %3 et %4. Le dossier est verrouillé.</translation>
        </message>
        <message>
            <source>Drawing the sheet…</source>
            <translation>Préparation de la feuille…</translation>
        </message>
        <message>
            <source>Preparing the result sheet</source>
            <translation>Préparation de la feuille de résultats</translation>
        </message>
        <message>
            <source>Signing the result sheet</source>
            <translation>Signature de la feuille de résultats</translation>
        </message>
        <message>
            <source>&amp;Sign (juror 1)</source>
            <translation>&amp;Signer (juré 1)</translation>
        </message>
        <message>
            <source>&amp;Correct</source>
            <translation>&amp;Corriger</translation>
        </message>
        <message>
            <source>Sign the result sheet of %1? %2 of 28 competences validated, %3.</source>
            <translation>Signer la feuille de résultat de %1 ? %2 compétences validées sur 28, %3.</translation>
        </message>
        <message>
            <source>Juror 1 signs first, then juror 2. Once both have signed, the record is locked; a correction will need a reason and a new version.</source>
            <translation>Le juré 1 signe d'abord, puis le juré 2. Une fois les deux signatures apposées, le dossier est verrouillé ; une correction demandera un motif et une nouvelle version.</translation>
        </message>
        <message>
            <source>Juror %1: signing credential</source>
            <translation>Juré %1 : certificat de signature</translation>
        </message>
        <message>
            <source>Same credential</source>
            <translation>Même certificat</translation>
        </message>
        <message>
            <source>This is juror 1's credential: juror 2 signs with their own.</source>
            <translation>C'est le certificat du juré 1 : le juré 2 signe avec le sien.</translation>
        </message>
        <message>
            <source>Credential refused</source>
            <translation>Certificat refusé</translation>
        </message>
        <message>
            <source>Juror %1: passphrase</source>
            <translation>Juré %1 : phrase de passe</translation>
        </message>
        <message>
            <source>certificate proposed</source>
            <translation>certificat proposé</translation>
        </message>
        <message>
            <source>certificate not proposed</source>
            <translation>certificat non proposé</translation>
        </message>
        <message>
            <source>Passphrase of %1 (%2):</source>
            <translation>Phrase de passe de %1 (%2) :</translation>
        </message>
    </context>
    <context>
        <name>SheetsImport</name>
        <message>
            <source>Import signed sheets</source>
            <translation>Importer des feuilles signées</translation>
        </message>
        <message>
            <source>Import the sheets of a folder (a USB key, searched with its sub-folders and .zip files), or chosen files?</source>
            <translation>Importer les feuilles d'un dossier (une clé USB, avec ses sous-dossiers et ses fichiers .zip), ou des fichiers choisis ?</translation>
        </message>
        <message>
            <source>A &amp;folder…</source>
            <translation>Un &amp;dossier…</translation>
        </message>
        <message>
            <source>&amp;Files…</source>
            <translation>Des &amp;fichiers…</translation>
        </message>
        <message>
            <source>Folder of signed sheets</source>
            <translation>Dossier des feuilles signées</translation>
        </message>
        <message>
            <source>Signed sheets</source>
            <translation>Feuilles signées</translation>
        </message>
        <message>
            <source>Signed sheets (*.pdf *.zip);;All files (*)</source>
            <translation>Feuilles signées (*.pdf *.zip);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Verifying the signed sheets…</source>
            <translation>Vérification des feuilles signées…</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <source>Verifying the signed sheets… %1 of %2</source>
            <translation>Vérification des feuilles signées… %1 sur %2</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>Échec de l'import</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Exam room</source>
            <translation>Salle d'examen</translation>
        </message>
        <message>
            <source>The candidate is present (check-in)</source>
            <translation>Le candidat est présent (émargement)</translation>
        </message>
        <message>
            <source>Ctrl+Shift+P</source>
            <translation>Ctrl+Maj+P</translation>
        </message>
        <message>
            <source>Move through the 28 items</source>
            <translation>Parcourir les 28 compétences</translation>
        </message>
        <message>
            <source>Validated / not validated</source>
            <translation>Validé / non validé</translation>
        </message>
        <message>
            <source>Del</source>
            <translation>Suppr</translation>
        </message>
        <message>
            <source>Back to undecided</source>
            <translation>Revenir à « à décider »</translation>
        </message>
        <message>
            <source>Write the jury's comment on the item (Enter saves)</source>
            <translation>Écrire le commentaire du jury sur la compétence (Entrée enregistre)</translation>
        </message>
        <message>
            <source>Write the justification (required when the jury differs from the evaluator)</source>
            <translation>Écrire la justification (obligatoire quand le jury diffère de l'évaluateur)</translation>
        </message>
        <message>
            <source>Undo / redo a decision or a comment</source>
            <translation>Annuler / rétablir une décision ou un commentaire</translation>
        </message>
        <message>
            <source>Note an incident, with its time</source>
            <translation>Noter un incident, avec son heure</translation>
        </message>
        <message>
            <source>Show or hide the candidates of the day</source>
            <translation>Afficher ou masquer les candidats du jour</translation>
        </message>
        <message>
            <source>Ctrl+Shift+D</source>
            <translation>Ctrl+Maj+D</translation>
        </message>
        <message>
            <source>Go to the candidates of the day (↑ ↓ move, Enter opens the one highlighted)</source>
            <translation>Aller aux candidats du jour (↑ ↓ pour se déplacer, Entrée ouvre celui en surbrillance)</translation>
        </message>
        <message>
            <source>This sheet</source>
            <translation>Cette fiche</translation>
        </message>
        <message>
            <source>Alt+Left / Alt+Right</source>
            <translation>Alt+← / Alt+→</translation>
        </message>
        <message>
            <source>Slides in or out of full screen</source>
            <translation>Diapositives en plein écran ou non</translation>
        </message>
        <message>
            <source>Esc</source>
            <translation>Échap</translation>
        </message>
        <message>
            <source>End the slideshow (from the slides or the presenter view)</source>
            <translation>Terminer le diaporama (depuis les diapositives ou la vue présentateur)</translation>
        </message>
        <message>
            <source>Dossier</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>Page Down, Space / Page Up</source>
            <translation>Page suiv., Espace / Page préc.</translation>
        </message>
        <message>
            <source>A screen down / up, then the next / previous page</source>
            <translation>Un écran plus bas / plus haut, puis la page suivante / précédente</translation>
        </message>
        <message>
            <source>Next / previous page</source>
            <translation>Page suivante / précédente</translation>
        </message>
        <message>
            <source>Home / End</source>
            <translation>Début / Fin</translation>
        </message>
        <message>
            <source>First / last page</source>
            <translation>Première / dernière page</translation>
        </message>
        <message>
            <source>Go to page</source>
            <translation>Aller à la page</translation>
        </message>
        <message>
            <source>Back to where you were before a jump (item, search, page typed) / forward again</source>
            <translation>Revenir là où vous étiez avant un saut (compétence, recherche, page saisie) / avancer de nouveau</translation>
        </message>
        <message>
            <source>Search the dossier</source>
            <translation>Rechercher dans le dossier</translation>
        </message>
        <message>
            <source>Next / previous match</source>
            <translation>Résultat suivant / précédent</translation>
        </message>
        <message>
            <source>F3 / Shift+F3</source>
            <translation>F3 / Maj+F3</translation>
        </message>
        <message>
            <source>Zoom in / out (Ctrl + wheel too)</source>
            <translation>Zoom avant / arrière (aussi Ctrl + molette)</translation>
        </message>
        <message>
            <source>Whole page / actual size / page width</source>
            <translation>Page entière / taille réelle / largeur de page</translation>
        </message>
        <message>
            <source>Show or hide the thumbnails and the outline</source>
            <translation>Afficher ou masquer les miniatures et le sommaire</translation>
        </message>
        <message>
            <source>Timer</source>
            <translation>Minuteur</translation>
        </message>
        <message>
            <source>Start the presentation</source>
            <translation>Lancer la présentation</translation>
        </message>
        <message>
            <source>Move on to the discussion</source>
            <translation>Passer à la discussion</translation>
        </message>
        <message>
            <source>Pause (with a reason) / resume</source>
            <translation>Pause (avec un motif) / reprise</translation>
        </message>
        <message>
            <source>End the oral</source>
            <translation>Terminer l'oral</translation>
        </message>
        <message>
            <source>Projector</source>
            <translation>Projection</translation>
        </message>
        <message>
            <source>→, Page Down, Space</source>
            <translation>→, Page suiv., Espace</translation>
        </message>
        <message>
            <source>Next slide (what presentation clickers send)</source>
            <translation>Diapositive suivante (ce qu'envoient les télécommandes de présentation)</translation>
        </message>
        <message>
            <source>←, Page Up</source>
            <translation>←, Page préc.</translation>
        </message>
        <message>
            <source>Previous slide</source>
            <translation>Diapositive précédente</translation>
        </message>
        <message>
            <source>First / last slide</source>
            <translation>Première / dernière diapositive</translation>
        </message>
        <message>
            <source>B or . / W or ,</source>
            <translation>B ou . / W ou ,</translation>
        </message>
        <message>
            <source>Black / white screen, as in PowerPoint</source>
            <translation>Écran noir / blanc, comme dans PowerPoint</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
    </context>
    <context>
        <name>SlidesWindow</name>
        <message>
            <source>Slides — {name}</source>
            <translation>Diaporama — {name}</translation>
        </message>
        <message>
            <source>Only one screen is connected: the slides open in an ordinary window that you can move or minimise (set the projector as an extended screen for full screen and the presenter view).</source>
            <translation>Un seul écran est branché : le diaporama s'ouvre dans une fenêtre ordinaire que vous pouvez déplacer ou réduire (réglez le vidéoprojecteur en écran étendu pour le plein écran et la vue présentateur).</translation>
        </message>
        <message>
            <source>Open the slides</source>
            <translation>Ouvrir le diaporama</translation>
        </message>
        <message>
            <source>PDF slides (*.pdf);;All files (*)</source>
            <translation>Diaporama PDF (*.pdf);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Slides</source>
            <translation>Diaporama</translation>
        </message>
    </context>
    <context>
        <name>ThumbnailModel</name>
        <message>
            <source>Page %1</source>
            <translation>Page %1</translation>
        </message>
        <message>
            <source>cited for the selected item</source>
            <translation>citée pour la compétence choisie</translation>
        </message>
    </context>
    <context>
        <name>TimerLog</name>
        <message>
            <source>(overtime {time})</source>
            <translation>(dépassement {time})</translation>
        </message>
        <message>
            <source>Discussion started</source>
            <translation>Début de la discussion</translation>
        </message>
        <message>
            <source>Presentation started</source>
            <translation>Début de la présentation</translation>
        </message>
        <message>
            <source>Discussion ended after {time}</source>
            <translation>Fin de la discussion après {time}</translation>
        </message>
        <message>
            <source>Presentation ended after {time}</source>
            <translation>Fin de la présentation après {time}</translation>
        </message>
        <message>
            <source>Paused — {reason}</source>
            <translation>En pause — {reason}</translation>
        </message>
        <message>
            <source>Resumed after a pause of {time}</source>
            <translation>Reprise après une pause de {time}</translation>
        </message>
        <message>
            <source>Program restarted: {time} counted as elapsed</source>
            <translation>Programme redémarré : {time} comptées comme écoulées</translation>
        </message>
        <message>
            <source>Computer asleep or frozen: {time} counted as elapsed</source>
            <translation>Ordinateur en veille ou bloqué : {time} comptées comme écoulées</translation>
        </message>
        <message>
            <source>{time} counted as a pause — {reason}</source>
            <translation>{time} comptées comme une pause — {reason}</translation>
        </message>
        <message>
            <source>Oral ended</source>
            <translation>Fin de l'oral</translation>
        </message>
    </context>
    <context>
        <name>TimerTexts</name>
        <message>
            <source>Discussion</source>
            <translation>Discussion</translation>
        </message>
        <message>
            <source>Presentation (part 1)</source>
            <translation>Présentation (partie 1)</translation>
        </message>
        <message>
            <source>Ready — F5 starts the presentation</source>
            <translation>Prêt — F5 lance la présentation</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Paused ({time}) — {reason}</source>
            <translation>En pause ({time}) — {reason}</translation>
        </message>
        <message>
            <source>Overtime {time}</source>
            <translation>Dépassement {time}</translation>
        </message>
        <message>
            <source>Warning: under {time} left</source>
            <translation>Attention : moins de {time}</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Presentation {p} · Discussion {d}</source>
            <translation>Présentation {p} · Discussion {d}</translation>
        </message>
        <message>
            <source>Extra time (one third): +{percent} %</source>
            <translation>Tiers-temps : +{percent} %</translation>
        </message>
        <message>
            <source>Extra time: +{percent} %</source>
            <translation>Temps majoré : +{percent} %</translation>
        </message>
        <message>
            <source>Interruption of {time} ({cause}) counted in the candidate's time.</source>
            <translation>Interruption de {time} ({cause}) comptée dans le temps du candidat.</translation>
        </message>
        <message>
            <source>program restarted</source>
            <translation>redémarrage du programme</translation>
        </message>
        <message>
            <source>computer asleep</source>
            <translation>mise en veille de l'ordinateur</translation>
        </message>
    </context>
    <context>
        <name>ViewerToolbar</name>
        <message>
            <source>Show or hide the thumbnails and the outline (F9)</source>
            <translation>Afficher ou masquer les miniatures et le plan (F9)</translation>
        </message>
        <message>
            <source>Back to where you were before the jump (Alt+Left)</source>
            <translation>Revenir là où vous étiez avant le saut (Alt+←)</translation>
        </message>
        <message>
            <source>Forward again, to where Back left (Alt+Right)</source>
            <translation>Avancer de nouveau, jusqu'où vous étiez avant de revenir (Alt+→)</translation>
        </message>
        <message>
            <source>Previous page (Left)</source>
            <translation>Page précédente (flèche gauche)</translation>
        </message>
        <message>
            <source>Next page (Right)</source>
            <translation>Page suivante (flèche droite)</translation>
        </message>
        <message>
            <source>Zoom out (Ctrl+-)</source>
            <translation>Zoom arrière (Ctrl+-)</translation>
        </message>
        <message>
            <source>Zoom in (Ctrl++)</source>
            <translation>Zoom avant (Ctrl++)</translation>
        </message>
        <message>
            <source>Page width</source>
            <translation>Largeur de page</translation>
        </message>
        <message>
            <source>Fit the page width (Ctrl+2)</source>
            <translation>Ajuster à la largeur de la page (Ctrl+2)</translation>
        </message>
        <message>
            <source>Whole page</source>
            <translation>Page entière</translation>
        </message>
        <message>
            <source>Fit the whole page (Ctrl+0)</source>
            <translation>Afficher la page entière (Ctrl+0)</translation>
        </message>
        <message>
            <source>Actual size</source>
            <translation>Taille réelle</translation>
        </message>
        <message>
            <source>Actual size, 100 % (Ctrl+1)</source>
            <translation>Taille réelle, 100 % (Ctrl+1)</translation>
        </message>
        <message>
            <source>Continuous</source>
            <translation>Continu</translation>
        </message>
        <message>
            <source>Pages one after the other (continuous) or one at a time</source>
            <translation>Pages à la suite (défilement continu) ou une page à la fois</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Search the dossier (Ctrl+F)</source>
            <translation>Rechercher dans le dossier (Ctrl+F)</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>Résultat suivant</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>Résultat précédent</translation>
        </message>
        <message>
            <source>Go to page</source>
            <translation>Aller à la page</translation>
        </message>
        <message>
            <source>Page </source>
            <translation>Page </translation>
        </message>
        <message>
            <source>Go to page (Ctrl+G)</source>
            <translation>Aller à la page (Ctrl+G)</translation>
        </message>
        <message>
            <source>Zoom: page width, whole page or a percentage</source>
            <translation>Zoom : largeur de page, page entière ou un pourcentage</translation>
        </message>
        <message>
            <source>Page –</source>
            <translation>Page –</translation>
        </message>
    </context>
</TS>