"""What the GUI thread wants from the viewer's worker now: requests that replace each other, most urgent first.

Requests are not a queue but a :class:`Mailbox`: each kind keeps only the latest request (the pages wanted now,
the search typed last), so ten quick page turns cost one render, not ten. The worker takes one job at a time, most
urgent first: open > search > pages on screen > page sizes and outline > neighbours (prefetch) > format report and
evidence map > thumbnails. Between two jobs the GUI thread gets the interpreter back and a new request can overtake.
Both threads share the mailbox under its ``lock``; the GUI thread fills it
(:class:`~c2i2e_jury.ui.viewer.render.page_renderer.PageRenderer`), the worker empties it
(:class:`~c2i2e_jury.ui.viewer.render.worker.Worker`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from c2i2e_jury.dossier.document import Dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.ui.viewer.dossier_pages import Opening
from c2i2e_jury.ui.viewer.page_zoom import FirstView, RenderKey


@dataclass
class Mailbox:
    """What the GUI wants from the worker now. Each slot keeps only the latest request; guarded by ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    generation: int = 0
    open: tuple[Path | Opening | None, FirstView | None] | None = None  # a path, or a dossier the GUI opened
    visible: list[RenderKey] = field(default_factory=list)
    prefetch: list[RenderKey] = field(default_factory=list)
    thumbnails: list[RenderKey] = field(default_factory=list)
    layout: bool = False
    search: tuple[int, str] | None = None
    analysis: tuple[Expected | None] | None = None
    delivered: set[RenderKey] = field(default_factory=set)  # rendered and still cached: not again
    discarded: list[Dossier] = field(
        default_factory=list
    )  # handed over, then replaced before the worker took it
    kicked: bool = False
    busy: bool = False  # a job is running
    stopped: bool = False

    def reset(self, generation: int, source: Path | Opening | None, first: FirstView | None) -> None:
        self.discarded.extend(self.pending())
        self.generation = generation
        self.open = (source, first)
        self.visible, self.prefetch, self.thumbnails = [], [], []
        self.layout, self.search, self.analysis = False, None, None
        self.delivered.clear()

    def take(self) -> tuple[str, int, object] | None:
        """The most urgent job as (kind, generation, argument), removed from the mailbox; None when idle."""
        self.kicked = False
        if self.stopped:
            return None
        job: tuple[str, int, object] | None = None
        if self.open is not None:
            job, self.open = ("open", self.generation, (*self.open, self.discarded)), None
            self.discarded = []
        elif self.search is not None:
            job, self.search = ("search", self.generation, self.search), None
        elif key := self._pop(self.visible):
            job = ("render", self.generation, key)
        elif self.layout:
            job, self.layout = ("layout", self.generation, None), False
        elif key := self._pop(self.prefetch):
            job = ("render", self.generation, key)
        elif self.analysis is not None:
            job, self.analysis = ("analysis", self.generation, self.analysis[0]), None
        elif key := self._pop(self.thumbnails):
            job = ("render", self.generation, key)
        self.busy = job is not None
        return job

    def _pop(self, keys: list[RenderKey]) -> RenderKey | None:
        while keys:
            key = keys.pop(0)
            if key not in self.delivered:
                self.delivered.add(key)
                return key
        return None

    def pending(self) -> list[Dossier]:
        """The dossier the GUI thread opened and handed over, if the worker has not taken it yet."""
        source = self.open[0] if self.open is not None else None
        return [source.dossier] if isinstance(source, Opening) and source.dossier is not None else []

    def has_work(self) -> bool:
        return not self.stopped and bool(
            self.open is not None
            or self.search is not None
            or self.visible
            or self.layout
            or self.prefetch
            or self.analysis is not None
            or self.thumbnails
        )

    def claim_kick(self) -> bool:
        """True if the caller should post a wake-up (there is work and none is pending yet)."""
        if self.kicked or not self.has_work():
            return False
        self.kicked = True
        return True
