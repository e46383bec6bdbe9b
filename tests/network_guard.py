"""The test suite as a witness that the program never opens a network connection: Python's audit events for name
lookups and socket connections let only this machine be reached (the test PostgreSQL server on loopback, asyncio's
socket pairs); anything else is refused and remembered, and tests/conftest.py fails the test during which it
happened, even if the code under test swallowed the error."""

from __future__ import annotations

import socket
import sys

LOCAL_HOSTS = {None, "localhost", "127.0.0.1", "::1", b"localhost", b"127.0.0.1", b"::1"}
attempts: list[str] = []
_installed: list[bool] = []


def _no_network(event: str, args: tuple) -> None:
    """An audit hook: a lookup or a connection beyond this machine is refused and remembered."""
    if event == "socket.getaddrinfo" and args[0] not in LOCAL_HOSTS:
        attempt = f"name lookup of {args[0]!r}"
    elif event == "socket.connect":
        sock, address = args
        if sock.family == getattr(socket, "AF_UNIX", None) or address[0] in LOCAL_HOSTS:
            return
        attempt = f"connection to {address!r}"
    else:
        return
    attempts.append(attempt)
    raise OSError(f"c2i2e-jury tests: network access refused ({attempt})")


def install() -> None:
    """Once per process (an audit hook cannot be removed)."""
    if not _installed:
        sys.addaudithook(_no_network)
        _installed.append(True)
