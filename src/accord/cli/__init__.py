"""The ``accord`` command line. One module per command."""

from accord.cli.main import main

__all__ = ["main"]
