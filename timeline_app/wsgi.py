"""The HTTP guard in front of the app, for every server (waitress, gunicorn, Flask's test
client): a request whose body is larger than `max_body` bytes is answered 413 before it is
read, and a request whose Host header names another machine is answered 403, so a page of
another origin cannot reach the app through DNS rebinding (its requests carry its own name).

Allowed names: localhost, 127.0.0.1, ::1, the address the server binds, and `--allowed-host`
names (`*` allows any). Bound to every interface (0.0.0.0), the machine's own names and
addresses are allowed too.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable, Iterable

MAX_BODY = 4 * 1024 * 1024  # bytes: a callback's largest honest request is well under 1 MB
LOOPBACK = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("", "0.0.0.0", "::")


def host_name(header: str) -> str:
    """The name of a Host header, without port, brackets, trailing dot; lowercase."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8050
        return header[1 : header.find("]")] if "]" in header else ""
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


def allowed_hosts(bind: str = "127.0.0.1", extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server bound to `bind` answers (see the module doc)."""
    names = {*LOOPBACK, host_name(bind)} | {host_name(name) for name in extra}
    if bind in WILDCARDS:
        for name in (socket.gethostname(), socket.getfqdn()):
            names.add(name.lower())
            with contextlib.suppress(OSError):
                names.update(info[4][0] for info in socket.getaddrinfo(name, None))
    return frozenset(name for name in names if name)


class Guard:
    """WSGI middleware: 413 for a body over `max_body`, 403 for a Host not in `hosts`."""

    def __init__(
        self,
        app: Callable,
        hosts: Iterable[str] | None = None,
        max_body: int = MAX_BODY,
    ) -> None:
        self.app = app
        self.hosts = frozenset(hosts if hosts is not None else allowed_hosts())
        self.max_body = max_body

    def host_ok(self, environ: dict) -> bool:
        if "*" in self.hosts:
            return True
        header = environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or ""
        return host_name(str(header)) in self.hosts

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if not self.host_ok(environ):
            return _answer(start_response, "403 Forbidden", "Host not allowed\n")
        length = environ.get("CONTENT_LENGTH") or "0"
        try:
            too_big = int(length) > self.max_body
        except ValueError:
            return _answer(start_response, "400 Bad Request", "Bad Content-Length\n")
        if too_big:
            return _answer(start_response, "413 Request Entity Too Large", "Request too large\n")
        return self.app(environ, start_response)


def _answer(start_response: Callable, status: str, text: str) -> list[bytes]:
    body = text.encode()
    start_response(
        status,
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ],
    )
    return [body]
