"""stancemap web: browse the store in a web page."""

from __future__ import annotations

import contextlib
import errno
import socket

import click

from ..errors import ListenError
from ..store import open_store
from ._common import db_option

# What to do about the usual reasons a bind fails.
_BIND_HINTS = {
    errno.EADDRINUSE: "give another --port (--port 0 takes any free one)",
    errno.EACCES: "ports below 1024 need privileges: give a --port of 1024 or more",
    errno.EADDRNOTAVAIL: "--host must be an address of this machine",
}


def listen_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: any free port); ``ListenError`` when it cannot be bound."""
    where = f"{host}:{port}"
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise ListenError(f"cannot listen on {where}: {getattr(exc, 'strerror', None) or exc}") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        hint = _BIND_HINTS.get(exc.errno)
        raise ListenError(
            f"cannot listen on {where}: {exc.strerror or exc}" + (f"; {hint}" if hint else "")
        ) from exc
    return sock


def url(sock: socket.socket) -> str:
    """The address a bound socket serves, as a URL (the real port when 0 was asked for)."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(app, sock: socket.socket, on_listening) -> None:
    """Serve ``app`` on the bound ``sock`` with uvicorn; ``on_listening()`` once it accepts connections."""
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets=sockets)
            if self.started and not self.should_exit:
                on_listening()

    server = Server(uvicorn.Config(app, log_level="warning"))
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: uvicorn has shut down cleanly, as uvicorn.run does
        server.run(sockets=[sock])


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port). The address is printed once the server listens.",
)
def web(db_path: str, host: str, port: int) -> None:
    """Serve a read-only page over the store: articles with their quotes highlighted, quotes by
    speaker, actors, and JSON under /api."""
    from ..web import create_app

    open_store(db_path, create=False).close()  # a clear error now rather than on the first request
    sock = listen_socket(host, port)  # a clear error (port in use...) before anything is announced
    try:
        serve(
            create_app(db_path),
            sock,
            lambda: click.echo(f"stancemap web on {url(sock)} (Ctrl-C to stop)", err=True),
        )
    finally:
        sock.close()


commands = [web]
