"""Files whole or absent, on a real folder: the content reaches its name, the file and then the folder are flushed
to the device, and a failure at any step leaves the target as it was and no temporary file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from c2i2e_jury import files


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was flushed, in order ("file" or "folder"): os.fsync still runs, and is watched."""
    seen: list[str] = []
    real = os.fsync

    def watched(fd: int) -> None:
        seen.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", watched)
    return seen


def test_bytes_reach_the_file_and_the_file_then_the_folder_are_flushed(
    tmp_path: Path, synced: list[str]
) -> None:
    target = tmp_path / "feuille.pdf"
    files.write_durably(target, b"%PDF-1.7 whole")
    assert target.read_bytes() == b"%PDF-1.7 whole"
    assert [p.name for p in tmp_path.iterdir()] == ["feuille.pdf"]
    assert synced == (["file", "folder"] if os.name == "posix" else ["file"])


def test_a_file_written_again_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "index.csv"
    files.write_durably(target, b"old")
    files.write_durably(target, b"new content")
    assert target.read_bytes() == b"new content"


def test_several_files_then_the_folder_once(tmp_path: Path, synced: list[str]) -> None:
    for name in ("a.pdf", "b.pdf"):
        files.write_durably(tmp_path / name, b"x", sync_folder=False)
    files.fsync_folder(tmp_path)
    assert synced == (["file", "file", "folder"] if os.name == "posix" else ["file", "file"])


def test_an_error_while_writing_leaves_the_target_as_it_was_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "jure.p12"
    target.write_bytes(b"before")

    def half_written() -> None:
        with files.durable_file(target) as out:
            out.write(b"half of it")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk"):
        half_written()
    assert target.read_bytes() == b"before"
    assert [p.name for p in tmp_path.iterdir()] == ["jure.p12"]


def test_a_failed_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_bytes(b"a folder cannot be replaced by a file")
    with pytest.raises(OSError):  # IsADirectoryError on Linux, PermissionError on Windows
        files.write_durably(target, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_the_streaming_form_names_the_file_once_its_content_is_known(tmp_path: Path) -> None:
    chunks = [b"first ", b"second"]
    with files.durable_file(
        lambda: tmp_path / f"{len(b''.join(chunks))}.bin", folder=tmp_path, prefix=".incoming-"
    ) as out:
        for chunk in chunks:
            out.write(chunk)
    assert (tmp_path / "12.bin").read_bytes() == b"first second"
    assert [p.name for p in tmp_path.iterdir()] == ["12.bin"]


def test_a_name_refused_once_written_leaves_nothing(tmp_path: Path) -> None:
    def refused() -> Path:
        raise OSError("the file changed while it was being copied")

    with (
        pytest.raises(OSError, match="changed"),
        files.durable_file(refused, folder=tmp_path, prefix=".incoming-") as out,
    ):
        out.write(b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_path_filled_by_a_copy_is_flushed_and_renamed(tmp_path: Path, synced: list[str]) -> None:
    source = tmp_path / "source.pdf"
    source.write_bytes(b"%PDF dossier")
    target = tmp_path / "stored" / "abc.pdf"
    target.parent.mkdir()
    with files.durable_path(target, sync_folder=False) as tmp:
        assert tmp.parent == target.parent and tmp.name.startswith(".abc.pdf.")
        tmp.write_bytes(source.read_bytes())
    assert target.read_bytes() == b"%PDF dossier"
    assert synced == ["file"]
    assert [p.name for p in target.parent.iterdir()] == ["abc.pdf"]


def test_a_target_known_only_once_written_needs_its_folder() -> None:
    with pytest.raises(TypeError, match="folder"), files.durable_path(lambda: Path("x")):
        pass
