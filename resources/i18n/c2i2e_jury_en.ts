<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
    <context>
        <name>DayExport</name>
        <message numerus="yes">
            <source>%n signed sheet(s) copied to %1, with the index %2.</source>
            <translation>
                <numerusform>%n signed sheet copied to %1, with the index %2.</numerusform>
                <numerusform>%n signed sheets copied to %1, with the index %2.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EvaluationWorkspace</name>
        <message numerus="yes">
            <source>Dossier format: %n problem(s)</source>
            <translation>
                <numerusform>Dossier format: %n problem</numerusform>
                <numerusform>Dossier format: %n problems</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) written in %1:</source>
            <translation>
                <numerusform>%n file written in %1:</numerusform>
                <numerusform>%n files written in %1:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message numerus="yes">
            <source>%n file(s): </source>
            <translation>
                <numerusform>%n file: </numerusform>
                <numerusform>%n files: </numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JuryRoomWidget</name>
        <message numerus="yes">
            <source>Dossier format: %n problem(s)</source>
            <translation>
                <numerusform>Dossier format: %n problem</numerusform>
                <numerusform>Dossier format: %n problems</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>Quitting the demo deletes its database and its files, with %n signed sheet(s) not exported.</source>
            <translation>
                <numerusform>Quitting the demo deletes its database and its files, with %n signed sheet not exported.</numerusform>
                <numerusform>Quitting the demo deletes its database and its files, with %n signed sheets not exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutcomeText</name>
        <message numerus="yes">
            <source>Certificate proposed: %n item(s) validated out of %1, at most %2 not validated per domain.</source>
            <translation>
                <numerusform>Certificate proposed: %n item validated out of %1, at most %2 not validated per domain.</numerusform>
                <numerusform>Certificate proposed: %n items validated out of %1, at most %2 not validated per domain.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) not decided by the jury</source>
            <translation>
                <numerusform>%n item not decided by the jury</numerusform>
                <numerusform>%n items not decided by the jury</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) validated out of %1, at least %2 required</source>
            <translation>
                <numerusform>%n item validated out of %1, at least %2 required</numerusform>
                <numerusform>%n items validated out of %1, at least %2 required</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) validated out of %1</source>
            <translation>
                <numerusform>%n item validated out of %1</numerusform>
                <numerusform>%n items validated out of %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Domain %1: %n item(s) not validated, at most %2</source>
            <translation>
                <numerusform>Domain %1: %n item not validated, at most %2</numerusform>
                <numerusform>Domain %1: %n items not validated, at most %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutcomeWidget</name>
        <message numerus="yes">
            <source>%n item(s) to decide</source>
            <translation>
                <numerusform>%n item to decide</numerusform>
                <numerusform>%n items to decide</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PresidentDocuments</name>
        <message numerus="yes">
            <source>The procès-verbal (%n candidate(s)) is signed by %1 and saved as %2.</source>
            <translation>
                <numerusform>The procès-verbal (%n candidate) is signed by %1 and saved as %2.</numerusform>
                <numerusform>The procès-verbal (%n candidates) is signed by %1 and saved as %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) signed now</source>
            <translation>
                <numerusform>%n document signed now</numerusform>
                <numerusform>%n documents signed now</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already issued</source>
            <translation>
                <numerusform>%n already issued</numerusform>
                <numerusform>%n already issued</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) in force saved in %1 (with index.csv).</source>
            <translation>
                <numerusform>%n document in force saved in %1 (with index.csv).</numerusform>
                <numerusform>%n documents in force saved in %1 (with index.csv).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PvDialog</name>
        <message numerus="yes">
            <source>The procès-verbal cannot be signed: %n candidate(s) still to decide by the certification jury: %1.</source>
            <translation>
                <numerusform>The procès-verbal cannot be signed: %n candidate still to decide by the certification jury: %1.</numerusform>
                <numerusform>The procès-verbal cannot be signed: %n candidates still to decide by the certification jury: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n certificate(s) delivered</source>
            <translation>
                <numerusform>%n certificate delivered</numerusform>
                <numerusform>%n certificates delivered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partial attestation(s) delivered</source>
            <translation>
                <numerusform>%n partial attestation delivered</numerusform>
                <numerusform>%n partial attestations delivered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annulled</source>
            <translation>
                <numerusform>%n annulled</numerusform>
                <numerusform>%n annulled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n absent</source>
            <translation>
                <numerusform>%n absent</numerusform>
                <numerusform>%n absent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not admitted</source>
            <translation>
                <numerusform>%n not admitted</numerusform>
                <numerusform>%n not admitted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sheet(s) not received</source>
            <translation>
                <numerusform>%n sheet not received</numerusform>
                <numerusform>%n sheets not received</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n to decide</source>
            <translation>
                <numerusform>%n to decide</numerusform>
                <numerusform>%n to decide</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n candidate(s)</source>
            <translation>
                <numerusform>%n candidate</numerusform>
                <numerusform>%n candidates</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewWorkspace</name>
        <message numerus="yes">
            <source>%1 of %n candidate(s)</source>
            <translation>
                <numerusform>%1 of %n candidate</numerusform>
                <numerusform>%1 of %n candidates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n certificate(s)</source>
            <translation>
                <numerusform>%n certificate</numerusform>
                <numerusform>%n certificates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n partial attestation(s)</source>
            <translation>
                <numerusform>%n partial attestation</numerusform>
                <numerusform>%n partial attestations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n candidate(s) left for you to decide</source>
            <translation>
                <numerusform>%n candidate left for you to decide</numerusform>
                <numerusform>%n candidates left for you to decide</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RoomHeader</name>
        <message numerus="yes">
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
    </context>
</TS>