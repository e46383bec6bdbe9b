"""dossier layer."""
