<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
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
            <source>demo</source>
            <translation>démonstration</translation>
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
            <translation>&amp;partie du dossier</translation>
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
            <source>&amp;Comment:</source>
            <translation>&amp;Commentaire :</translation>
        </message>
        <message>
            <source>&amp;Justification:</source>
            <translation>&amp;Justification :</translation>
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
            <source>code not cited</source>
            <translation>code non cité</translation>
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
        <name>JuryRoomWidget</name>
        <message>
            <source>&amp;Present</source>
            <translation>&amp;Présent</translation>
        </message>
        <message>
            <source>The candidate is here (Ctrl+Shift+P)</source>
            <translation>Le candidat est là (Ctrl+Maj+P)</translation>
        </message>
        <message>
            <source>A&amp;bsent</source>
            <translation>A&amp;bsent</translation>
        </message>
        <message>
            <source>The candidate did not come: abandonment, nothing is validated</source>
            <translation>Le candidat ne s'est pas présenté : abandon, aucune compétence validée</translation>
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
            <translation>&amp;Diaporama…</translation>
        </message>
        <message>
            <source>Open the candidate's slides (PDF) on the projector</source>
            <translation>Ouvrir le diaporama (PDF) du candidat sur le vidéoprojecteur</translation>
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
            <source>Present</source>
            <translation>Présent</translation>
        </message>
        <message>
            <source>Absent (abandonment)</source>
            <translation>Absent (abandon)</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Non enregistré</translation>
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
            <source>Candidates of the day</source>
            <translation>Candidats du jour</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>Salle</translation>
        </message>
        <message>
            <source>All rooms</source>
            <translation>Toutes les salles</translation>
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
            <source>Campaign package</source>
            <translation>Paquet de campagne</translation>
        </message>
        <message>
            <source>Campaign package (*.zip campaign.json)</source>
            <translation>Paquet de campagne (*.zip campaign.json)</translation>
        </message>
        <message>
            <source>Package refused</source>
            <translation>Paquet refusé</translation>
        </message>
        <message>
            <source>Package imported</source>
            <translation>Paquet importé</translation>
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
            <source>Discussion</source>
            <translation>Discussion</translation>
        </message>
        <message>
            <source>Presentation (part 1)</source>
            <translation>Présentation (partie 1)</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Terminé</translation>
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
            <source>Overtime {time}</source>
            <translation>Dépassement {time}</translation>
        </message>
        <message>
            <source>Ready — F5 starts the presentation</source>
            <translation>Prêt — F5 lance la présentation</translation>
        </message>
        <message>
            <source>Paused ({time}) — {reason}</source>
            <translation>En pause ({time}) — {reason}</translation>
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
        <message>
            <source>Resume</source>
            <translation>Reprendre</translation>
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
        <message>
            <source>(overtime {time})</source>
            <translation>(dépassement {time})</translation>
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
        <name>SlidesWindow</name>
        <message>
            <source>Slides — {name}</source>
            <translation>Diaporama — {name}</translation>
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
</TS>