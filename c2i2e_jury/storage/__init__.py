"""The campaign database (SQLAlchemy models on :mod:`.base`, opening and migration in :mod:`.database`) and the
dossiers kept by content in the data folder (:mod:`.dossier_store`). No Qt."""
