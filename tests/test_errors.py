"""The system's own words for a file error (« Not a directory », « Permission denied ») never end a French
sentence: each errno has its French, and an unknown one its number."""

from __future__ import annotations

import errno

import pytest

from c2i2e_jury.errors import os_error_text


def test_a_real_path_through_a_file_reads_in_french(tmp_path):
    (tmp_path / "fichier").write_text("x")
    with pytest.raises(OSError) as caught:
        (tmp_path / "fichier" / "dedans.pdf").write_bytes(b"x")
    assert os_error_text(caught.value) == "un élément du chemin n'est pas un dossier"


def test_a_missing_file_reads_in_french(tmp_path):
    with pytest.raises(OSError) as caught:
        (tmp_path / "absent.pdf").read_bytes()
    assert os_error_text(caught.value) == "fichier ou dossier introuvable"


@pytest.mark.parametrize("number", [errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EIO])
def test_the_usual_errors_of_a_usb_key_read_in_french(number):
    text = os_error_text(OSError(number, "English words"))
    assert "English" not in text and text[0].islower()


def test_an_unknown_error_gives_its_number_not_the_system_words():
    assert (
        os_error_text(OSError(errno.ECHILD, "No child processes")) == f"erreur du système n° {errno.ECHILD}"
    )
