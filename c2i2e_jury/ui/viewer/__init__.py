"""The dossier viewer (pages, zoom, search, thumbnails and outline) and the projector's slides window, which
opens a PDF the same way. The viewer knows no other room: the jury room and the president's documents embed
it."""
