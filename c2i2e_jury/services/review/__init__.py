"""The certification jury president's review of a campaign: the table of every candidate (:mod:`.rows`), the
figures behind it (:mod:`.figures`), one candidate opened (:mod:`.detail`) and the summary for the student
records (:mod:`.summary`)."""
