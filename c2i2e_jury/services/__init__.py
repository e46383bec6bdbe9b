"""The use cases, one transaction each: import a campaign, record the jury room's decisions and sign a sheet,
import the rooms' sheets, the certification jury's review (:mod:`.review`) and decisions, the PV and the
documents. The screens and the command line call them; they call storage/, exchange/ and dossier/."""
