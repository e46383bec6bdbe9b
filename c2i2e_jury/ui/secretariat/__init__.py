"""The secretariat's workspace: the campaign, the credentials and the room kits before the orals; the signed
sheets, the summary and the registers (reclamations, changes of date) after. It knows nothing of the jury room."""
