"""``python -m stancemap``: the ``stancemap`` command, for environments without its script on PATH."""

from .cli import main

main()
