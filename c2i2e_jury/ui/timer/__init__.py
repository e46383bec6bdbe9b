"""The oral's timer as the jury sees it: the widget over the domain's state machine, its face and the pause
reason dialog. It knows no other room: the jury room places it, the projector reads its snapshots."""
