"""The campaign package (docs/FORMATS.md §1): what it holds (:mod:`.format`), reading and
checking it whole (:mod:`.reader`, with :mod:`.source`, :mod:`.checks`, :mod:`.dates`, :mod:`.juries`,
:mod:`.president`), writing it (:mod:`.writer`) and the revocation list a room kit carries beside it
(:mod:`.revocations`)."""
