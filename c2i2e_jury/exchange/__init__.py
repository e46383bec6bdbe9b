"""The files other people and programs read or write, and nothing else: the campaign package (:mod:`.package`),
the signed result sheet (:mod:`.sheet_pdf`, :mod:`.result_json`, :mod:`.signatures` and their helpers), the
credentials (:mod:`.credentials`), the PV, certificates and attestations, the attendance sheet and the summary
for the student records; what every PDF we write shares (:mod:`.pdf`); and, apart, the demo campaign generator
(:mod:`.demo`). Their formats are described in docs/FORMATS.md. No database, no Qt."""
