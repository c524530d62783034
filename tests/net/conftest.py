"""A local HTTP server per test module (127.0.0.1 only), fast fetch options, and raw sockets
for the faults a well-behaved server cannot produce."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.entities.gazetteer import Gazetteer, load_gazetteer
from reader.entities.recognise import Recogniser
from reader.feeds.http import FetchOptions

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"

FAST = FetchOptions(connect_timeout=0.5, read_timeout=0.5, deadline=3.0, max_bytes=1024 * 1024,
                    max_redirects=3, per_host=4, retries=1, backoff=0.05, use_proxy_settings=False)
"""Every fault ends within a second or two."""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the machine running the tests uses."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def recogniser(gazetteer: Gazetteer) -> Recogniser:
    return Recogniser(gazetteer)


@pytest.fixture(scope="module")
def _module_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def server(_module_server: HTTPServer) -> Iterator[HTTPServer]:
    _module_server.clear()
    yield _module_server
    _module_server.clear()


def fixture_text(name: str, base: str) -> bytes:
    """A fixture feed or page with `{base}` pointing at the local server."""
    return (WEB / name).read_bytes().replace(b"{base}", base.encode())


@contextlib.contextmanager
def raw_server(behaviour: str) -> Iterator[str]:
    """A TCP server that misbehaves below HTTP: `silent` accepts and never answers, `reset`
    reads the request and resets the connection. Yields its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            if behaviour == "reset":
                with contextlib.suppress(OSError):
                    connection.settimeout(1)
                    connection.recv(65536)
                    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                connection.close()
            else:
                held.append(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        for connection in held:
            connection.close()
        listener.close()


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as legacy tools write it: a precomposed letter where the code page has one,
    else a base letter and a combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        for tone in marks:
            rest = "".join(mark for mark in marks if mark != tone)
            try:
                out += unicodedata.normalize("NFC", base + rest).encode("cp1258") + tone.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise ValueError(f"cannot write {char!r} in Windows-1258")
    return bytes(out)
