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
            <source>%n incident(s)</source>
            <translation>
                <numerusform>%n incident</numerusform>
                <numerusform>%n incidents</numerusform>
            </translation>
        </message>
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
        <name>PvDialog</name>
        <message numerus="yes">
            <source>The procès-verbal cannot be signed: %n candidate(s) still to decide by the certification jury: %1.</source>
            <translation>
                <numerusform>The procès-verbal cannot be signed: %n candidate still to decide by the certification jury: %1.</numerusform>
                <numerusform>The procès-verbal cannot be signed: %n candidates still to decide by the certification jury: %1.</numerusform>
            </translation>
        </message>
    </context>
</TS>