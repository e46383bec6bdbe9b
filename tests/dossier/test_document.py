"""Opening dossiers: what is refused, what opens with damage recorded, and the viewer's API."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from c2i2e_jury.dossier import document
from c2i2e_jury.dossier.damage import (
    DamagedError,
    DossierError,
    EmptyFileError,
    EncryptedError,
    FileAccessError,
    NotPdfError,
)
from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.errors import UserError
from tests.dossier.factory import build_dossier


class MupdfWatch:
    """Instruments :data:`MUPDF` and the PyMuPDF entry points the dossier layer uses (all still run): which thread
    called each and whether it held the lock, which threads had to wait for the lock, and how many threads were in
    MuPDF at once, a thread being in it while it holds the lock or runs an entry point. (The GIL already keeps two
    threads out of one C call at a time; the lock keeps a whole sequence of calls, such as a render and the reading
    of MuPDF's warnings, from being interleaved with another thread's.) Also used by
    tests/ui/viewer/test_projector.py."""

    ENTRY_POINTS = (
        (pymupdf.mupdf, "fz_run_page"),
        (pymupdf.mupdf, "fz_bound_page"),
        (pymupdf.mupdf, "fz_empty_store"),
        (pymupdf.Document, "__init__"),
        (pymupdf.Document, "load_page"),
        (pymupdf.Document, "get_toc"),
        (pymupdf.Document, "close"),
        (pymupdf.Page, "get_textpage"),
    )

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gui = threading.get_ident()  # the thread that made the watch: the tests' (Qt's GUI) thread
        self.calls: Counter[tuple[str, str]] = Counter()
        self.unlocked: list[tuple[str, str]] = []
        self.most_inside = 0
        self.waited: list[str] = []  # threads that found MUPDF taken and waited for it
        self.waiting = threading.Event()  # set when a thread starts waiting
        self._guard = threading.Lock()
        self._depth: dict[int, int] = {}
        for owner, name in self.ENTRY_POINTS:
            monkeypatch.setattr(owner, name, self._watched(name, getattr(owner, name)))
        acquire, release = MUPDF.acquire, MUPDF.release

        def watched_acquire(blocking: bool = True) -> bool:
            if not acquire(False):
                if not blocking:
                    return False
                with self._guard:
                    self.waited.append(self.who())
                self.waiting.set()
                acquire(True)
            self._enter()
            return True

        def watched_release() -> None:
            self._leave()
            release()

        monkeypatch.setattr(MUPDF, "acquire", watched_acquire)
        monkeypatch.setattr(MUPDF, "release", watched_release)

    def who(self) -> str:
        return "gui" if threading.get_ident() == self.gui else "other"

    def _enter(self) -> None:
        me = threading.get_ident()
        with self._guard:
            self._depth[me] = self._depth.get(me, 0) + 1
            self.most_inside = max(self.most_inside, sum(1 for depth in self._depth.values() if depth))

    def _leave(self) -> None:
        with self._guard:
            self._depth[threading.get_ident()] -= 1

    def _watched(self, name: str, function: Callable[..., object]) -> Callable[..., object]:
        def watched(*args: object, **kwargs: object) -> object:
            with self._guard:
                self.calls[(name, self.who())] += 1
                if not MUPDF.held():
                    self.unlocked.append((name, self.who()))
            self._enter()
            try:
                return function(*args, **kwargs)
            finally:
                self._leave()

        return watched


def store_size() -> int:
    """The bytes in MuPDF's store, read from its debug listing (``TOOLS.store_size()`` answers None)."""
    with MUPDF:
        buffer = pymupdf.mupdf.FzBuffer(1024)
        output = pymupdf.mupdf.FzOutput(buffer)
        pymupdf.mupdf.fz_debug_store(output)
        pymupdf.mupdf.fz_close_output(output)
        text = pymupdf.mupdf.fz_buffer_extract_copy(buffer).decode(errors="replace")
    found = re.search(r"max=\d+, size=(\d+)", text)
    assert found, text
    return int(found.group(1))


def test_conform_dossier_opens_intact(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        assert dossier.page_count == 14
        assert dossier.page_size(1) == pytest.approx((595.0, 842.0))
        assert dossier.probe() == ()
        assert not dossier.damaged
        dossier.require_intact()
        assert len(dossier.sha256) == 64


def test_open_from_bytes_names_the_file_in_messages(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf.read_bytes(), name="dupont.pdf") as dossier:
        assert dossier.name == "dupont.pdf"
        assert dossier.path is None
        assert dossier.page_count == 14


def test_empty_file_is_refused(empty_pdf: Path) -> None:
    with pytest.raises(EmptyFileError, match="vide"):
        open_dossier(empty_pdf)


def test_word_document_renamed_pdf_is_refused(docx_pdf: Path) -> None:
    with pytest.raises(NotPdfError, match="n'est pas un PDF.*Word"):
        open_dossier(docx_pdf)


def test_text_file_renamed_pdf_is_refused(text_pdf: Path) -> None:
    with pytest.raises(NotPdfError, match="notes.pdf"):
        open_dossier(text_pdf)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match="absent.pdf"):
        open_dossier(tmp_path / "absent.pdf")


def test_encrypted_file_is_refused_as_such(encrypted_pdf: Path) -> None:
    with pytest.raises(EncryptedError, match="mot de passe") as caught:
        open_dossier(encrypted_pdf)
    assert isinstance(caught.value, UserError)


def test_owner_password_only_opens(conform_pdf: Path, tmp_path: Path) -> None:
    """Printing restrictions without an opening password do not stop the jury from reading."""
    path = tmp_path / "restricted.pdf"
    with pymupdf.open(conform_pdf) as doc:
        doc.save(
            path,
            encryption=pymupdf.PDF_ENCRYPT_AES_128,
            owner_pw="owner",
            user_pw="",
            permissions=pymupdf.PDF_PERM_ACCESSIBILITY,
        )
    with open_dossier(path) as dossier:
        assert dossier.page_count == 14
        assert not dossier.damaged


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nopages.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    with pytest.raises(EmptyFileError, match="aucune page"):
        open_dossier(path)


def test_garbage_after_pdf_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(DossierError):
        open_dossier(path)


def test_truncated_file_never_looks_intact(truncated_pdf: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Depending on where the cut falls, MuPDF rebuilds the file or gives up: refused or damaged, never intact."""
    message = ""
    try:
        dossier = open_dossier(truncated_pdf)
    except DamagedError as exc:
        message = exc.message
    else:
        with dossier:
            message = " ".join(d.message for d in dossier.probe())
    assert "endommagé" in message
    out, err = capfd.readouterr()
    assert out == ""
    assert err == "", "MuPDF's chatter must not reach the terminal"


def test_file_missing_its_end_opens_repaired_and_damaged(
    repaired_pdf: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    with open_dossier(repaired_pdf) as dossier:
        damage = dossier.probe()
        assert damage, "a file cut in half must not look intact"
        assert damage[0].page is None
        assert "reconstruire" in damage[0].message
        assert dossier.warnings
        assert dossier.page_count == 14
        with pytest.raises(DamagedError, match="repaired.pdf"):
            dossier.require_intact()
    out, err = capfd.readouterr()
    assert out == ""
    assert err == "", "MuPDF's chatter must not reach the terminal"


def _corrupt(source: Path, target: Path) -> None:
    """Page 5: a content stream that is not the Flate data it claims; page 6: a JPEG cut short."""
    with pymupdf.open(source) as doc:
        content = doc[4].get_contents()[0]
        doc.update_stream(content, b"\x00not deflate data" * 20, compress=False)
        doc.xref_set_key(content, "Filter", "/FlateDecode")
        image = doc[5].get_images()[0][0]
        raw = doc.xref_stream_raw(image)
        doc.update_stream(image, raw[: len(raw) // 10], compress=False)
        doc.xref_set_key(image, "Filter", "/DCTDecode")
        doc.save(target)


def test_pages_with_errors_are_damage(tmp_path: Path) -> None:
    source = tmp_path / "images.pdf"
    build_dossier(source, pages=10, images_per_page=1)
    _corrupt(source, tmp_path / "corrupt.pdf")
    with open_dossier(tmp_path / "corrupt.pdf") as dossier:
        assert [d.page for d in dossier.damage] == []
        dossier.text()
        assert [d.page for d in dossier.damage] == [5], "a broken content stream shows when reading text"
        dossier.probe()
        assert [d.page for d in dossier.damage] == [5, 6], "a broken image shows when rendering"
        assert all("page" in d.message.lower() for d in dossier.damage)


def test_render_gives_pixels_for_the_viewer(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        page = dossier.render(1, scale=0.5)
        assert (page.width, page.height) == (298, 421)
        assert len(page.samples) == page.stride * page.height
        assert page.samples.count(0xFF) < len(page.samples), "the cover is not blank"


def test_asking_for_a_page_out_of_range_is_a_bug_not_damage(conform_pdf: Path) -> None:
    with open_dossier(conform_pdf) as dossier:
        with pytest.raises(IndexError, match="15"):
            dossier.render(15)
        with pytest.raises(IndexError):
            dossier.page_size(0)
        assert not dossier.damaged


def test_outline_gives_pages(tmp_path: Path) -> None:
    path = tmp_path / "outline.pdf"
    layout = build_dossier(path, outline=True)
    with open_dossier(path) as dossier:
        outline = dossier.outline()
    assert (1, "Introduction", layout.introduction) in outline
    assert [page for _, title, page in outline if title.startswith("Partie")] == [
        layout.part_starts[n] for n in (1, 2, 3, 4)
    ]


def test_closed_dossier_releases_the_document(conform_pdf: Path) -> None:
    dossier = open_dossier(conform_pdf)
    dossier.close()
    dossier.close()  # twice is harmless
    assert dossier.document.is_closed


def test_sha256_is_of_the_file_and_computed_only_when_asked(
    conform_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashing a 2 MB dossier costs half of opening it: the viewer never asks, the check command does."""
    hashed: list[int] = []
    real = hashlib.sha256

    def counting(data: bytes = b"") -> object:
        hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(document.hashlib, "sha256", counting)
    expected = real(conform_pdf.read_bytes()).hexdigest()
    dossier = open_dossier(conform_pdf)
    assert hashed == []
    dossier.render(1, scale=0.2)
    assert hashed == []
    assert dossier.sha256 == expected
    dossier.close()
    assert dossier.sha256 == expected  # still known once closed, computed once
    assert hashed == [conform_pdf.stat().st_size]
    with open_dossier(conform_pdf.read_bytes(), name="dupont.pdf") as from_bytes:
        assert from_bytes.sha256 == expected


def test_close_empties_mupdfs_store_for_every_caller(tmp_path: Path) -> None:
    """Decoded images stay in MuPDF's process-wide store after their document is closed, unless emptied."""
    path = tmp_path / "images.pdf"
    build_dossier(path, pages=10, images_per_page=2)
    dossier = open_dossier(path)
    for number in range(1, 5):
        dossier.render(number, scale=0.5)
    assert store_size() > 100_000, "the images of four pages are in the store"
    dossier.close()
    assert store_size() == 0
    dossier.close()  # twice is harmless


def test_screen_order_render_is_the_same_page_in_bgra(conform_pdf: Path) -> None:
    """What the viewer asks for (B, G, R, A: Qt's RGB32) has the pixels of the RGB render, opaque."""
    with open_dossier(conform_pdf) as dossier:
        rgb = dossier.render(1, scale=0.5)
        bgra = dossier.render(1, scale=0.5, bgr=True)
        clear = dossier.render(1, scale=0.5, alpha=True, bgr=True)
    assert (bgra.width, bgra.height, bgra.stride) == (rgb.width, rgb.height, rgb.width * 4)
    assert isinstance(bgra.samples, bytearray) and bgra.bgr and not bgra.alpha
    pixels = rgb.width * rgb.height
    assert [tuple(rgb.samples[3 * i : 3 * i + 3]) for i in range(0, pixels, 37)] == [
        (bgra.samples[4 * i + 2], bgra.samples[4 * i + 1], bgra.samples[4 * i]) for i in range(0, pixels, 37)
    ]
    assert set(bgra.samples[3::4]) == {255}
    assert clear.alpha and 0 in set(clear.samples[3::4]), "with alpha, the page's background is transparent"


def test_a_broken_image_is_damage_in_the_viewers_render_too(tmp_path: Path) -> None:
    source = tmp_path / "images.pdf"
    build_dossier(source, pages=10, images_per_page=1)
    _corrupt(source, tmp_path / "corrupt.pdf")
    with open_dossier(tmp_path / "corrupt.pdf") as dossier:
        dossier.render(6, scale=0.3, bgr=True)
        assert [d.page for d in dossier.damage] == [6]


def test_every_pymupdf_call_holds_the_mupdf_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening, page sizes, renders, text, outline and closing: all under MUPDF, whoever calls."""
    path = tmp_path / "outline.pdf"
    build_dossier(path, outline=True, images_per_page=1)
    watch = MupdfWatch(monkeypatch)
    with open_dossier(path) as dossier:
        dossier.page_size(2)
        dossier.render(2, scale=0.3, bgr=True)
        dossier.report()
        dossier.outline()
    used = {name for name, _ in watch.calls}
    assert used == {name for _, name in MupdfWatch.ENTRY_POINTS}, "every entry point watched was exercised"
    assert watch.unlocked == []
    assert not MUPDF.held()


def test_mupdf_lock_keeps_other_threads_out(conform_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread rendering while another holds the lock waits for it, then renders."""
    watch = MupdfWatch(monkeypatch)
    dossier = open_dossier(conform_pdf)
    done = threading.Event()

    def render() -> None:
        dossier.render(3, scale=0.3)
        done.set()

    with MUPDF:
        worker = threading.Thread(target=render)
        worker.start()
        assert watch.waiting.wait(timeout=10)
        assert not done.is_set(), "the other thread waits for the lock"
        assert watch.waited == ["other"]
    worker.join(timeout=10)
    assert done.is_set()
    dossier.close()
    assert watch.most_inside == 1
