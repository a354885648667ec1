"""The ``stancemap`` command: a thin click group over the library.

Each module in this package that defines ``commands`` (a list of click commands) is registered, so a
new command is a new module; ``stancemap COMMAND --help`` documents each.
"""

from __future__ import annotations

import errno
import importlib
import logging
import pkgutil
import sqlite3
import sys

import click

from ..errors import OutputError, StancemapError


class CodedError(click.ClickException):
    """A ``StancemapError`` as the command line shows it: ``error: [CODE] message``, exit status 2."""

    exit_code = 2

    def __init__(self, error: StancemapError):
        super().__init__(str(error))

    def show(self, file=None) -> None:
        click.echo(f"error: {self.message}", err=file is None, file=file)


# Write failures: the disk is full, over quota, or the file over its size limit.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        # Here rather than in main(): the same one line wherever the group is invoked from (tests too).
        try:
            return super().invoke(ctx)
        except StancemapError as exc:
            raise CodedError(exc) from exc
        except sqlite3.OperationalError as exc:
            # The store's disk filled up mid-run: what was committed stays, the run can go on later.
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_FULL" and "disk is full" not in str(exc):
                raise
            raise CodedError(
                OutputError(f"cannot write the store: {exc}; free some space and run again")
            ) from exc
        except OSError as exc:
            # Output with no room to go (standard output on a full disk, say). Other OSErrors are not
            # ours to explain; a closed pipe (`| head`) is left to click, which exits quietly.
            if exc.errno not in _NO_ROOM:
                raise
            raise CodedError(OutputError(f"cannot write the output: {exc.strerror or exc}")) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="stancemap")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """stancemap: who said what in the news, and where every actor stands.

    Every fact it prints carries character offsets into the source text.
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose >= 2:
        logging.getLogger("trafilatura").setLevel(logging.DEBUG)  # else only its errors (clean.html)


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
