"""The suite's network guard (tests/conftest.py) is live: a connection beyond this machine is refused, so that
every other test also witnesses that the program never opens one."""

from __future__ import annotations

import socket

import pytest

from tests import network_guard


def test_a_connection_beyond_this_machine_is_refused():
    with socket.socket() as sock:
        sock.settimeout(1)
        with pytest.raises(OSError, match="network access refused"):
            sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed anyway
    with pytest.raises(OSError, match="network access refused"):
        socket.getaddrinfo("example.org", 443)
    assert network_guard.attempts == ["connection to ('192.0.2.1', 80)", "name lookup of 'example.org'"]
    network_guard.attempts.clear()  # expected here: the guard must not fail this test


def test_this_machine_stays_reachable():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
