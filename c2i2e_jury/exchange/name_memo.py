"""asn1crypto's preparation of certificate names for comparison (RFC 4518), remembered while signatures are
verified.

Every signature pyHanko validates compares X.509 names several times (the signing-certificate attribute's
issuer, the path from the juror's certificate to the authority), and asn1crypto prepares each name's strings
anew for every parsed certificate: about 26 preparations a sheet, the same handful of strings on every sheet of a
campaign (the authority's name, the two jurors'), some 6 % of a sheet's verification. The preparation is a pure
function of the string (``NameTypeAndValue._ldap_string_prep`` reads nothing else), so remembering its result
for a given string changes no comparison: it only stops preparing the same string twice.

The memory is installed only while a verification runs (:func:`remembered_names`), so that nothing else in the
process, a benchmark's bare pyHanko floor included, sees anything but the library as shipped; it holds at most
:data:`CAPACITY` strings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

CAPACITY = 4096

_lock = threading.Lock()
_users = 0
_original: Callable[[Any, str], str] | None = None
_prepared: dict[str, str] = {}


def _remembered(self: Any, string: str) -> str:
    """``NameTypeAndValue._ldap_string_prep`` with its results kept, by the exact string prepared."""
    try:
        return _prepared[string]
    except KeyError:
        pass
    assert _original is not None
    value = _original(self, string)
    if len(_prepared) < CAPACITY:
        _prepared[string] = value
    return value


@contextmanager
def remembered_names() -> Iterator[None]:
    """While inside, asn1crypto prepares each distinct name string once; re-entrant and thread-safe (a thread
    outside meanwhile gets the same results, computed again or remembered)."""
    global _users, _original
    from asn1crypto.x509 import NameTypeAndValue

    with _lock:
        if _users == 0:
            _original = NameTypeAndValue._ldap_string_prep
            NameTypeAndValue._ldap_string_prep = _remembered
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                NameTypeAndValue._ldap_string_prep = _original
