"""The jury room: one candidate's oral at a time (check-in, the dossier beside the 28 items, decisions as
undoable commands, incidents, the live outcome) and the day's list of candidates. It places the viewer, the
timer and the signing dialogs; no other room knows it."""
