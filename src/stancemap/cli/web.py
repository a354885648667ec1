"""stancemap web: browse the store in a web page."""

from __future__ import annotations

import click

from ..store import open_store
from ._common import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
def web(db_path: str, host: str, port: int) -> None:
    """Serve a read-only page over the store: articles with their quotes highlighted, quotes by
    speaker, actors, and JSON under /api."""
    import uvicorn

    from ..web import create_app

    open_store(db_path, create=False).close()  # a clear error now rather than on the first request
    click.echo(f"stancemap web on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")


commands = [web]
