"""Ctrl-C while the command line is still importing: one line and exit 130, never a traceback.

``pressconv.cli`` imports this module first.  Importing it installs a SIGINT
handler, but only in the process's main thread and only where SIGINT still has
Python's default handler, so a program that imports the CLI keeps its own.
``done()`` puts the default back once the CLI's imports are finished; from then
on a Ctrl-C is a ``KeyboardInterrupt``, which ``cli.main`` reports the same way.
"""

from __future__ import annotations

import signal
import sys

EXIT_INTERRUPTED = 130


def _interrupted(signum: int, frame: object) -> None:
    sys.stderr.write("pressconv: interrupted\n")
    raise SystemExit(EXIT_INTERRUPTED)


def _install() -> bool:
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return False
    try:
        signal.signal(signal.SIGINT, _interrupted)
    except ValueError:  # not the main thread
        return False
    return True


_installed = _install()


def done() -> None:
    """The imports are finished: a Ctrl-C is a ``KeyboardInterrupt`` again."""
    global _installed
    if _installed and signal.getsignal(signal.SIGINT) is _interrupted:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    _installed = False
