"""What every PDF the program writes shares (the result sheet, the PV, certificates and attestations, the
attendance sheet, the signer's visible box): the embedded fonts and the fallback for the letters they lack
(:mod:`.fonts`), French typography and dates (:mod:`.french`), the page furniture — document properties, the
footer, the signature boxes and fields — (:mod:`.furniture`) and the JSON a document carries for programs
(:mod:`.attachments`). One place for each, so that a change (PDF/A metadata, another font) is made once."""
