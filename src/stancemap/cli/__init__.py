"""The ``stancemap`` command: a thin click group over the library.

Each module in this package that defines ``commands`` (a list of click commands) is registered, so a
new command is a new module; ``stancemap COMMAND --help`` documents each.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys

import click

from ..errors import StancemapError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="stancemap")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """stancemap: who said what in the news, and where every actor stands.

    Every fact it prints carries character offsets into the source text.
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "commands", []):
            cli.add_command(command)


_register()


def main() -> None:
    try:
        cli(standalone_mode=True)
    except StancemapError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
