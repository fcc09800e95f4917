"""The CLI process's start and end: Ctrl-C while still importing is one line and exit 130, and the
end skips the interpreter's last walks over every object the run made.

``pressconv.cli`` imports this module first.  Importing it installs a SIGINT
handler, but only in the process's main thread and only where SIGINT still has
Python's default handler, so a program that imports the CLI keeps its own.
``done()`` puts the default back once the CLI's imports are finished; from then
on a Ctrl-C is a ``KeyboardInterrupt``, which ``cli.main`` reports the same way.
"""

from __future__ import annotations

import atexit
import gc
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


def quick_exit_if_program(argv: object) -> None:
    """When ``main`` runs as the program (``argv`` None: the console script), skip the interpreter's
    final garbage collections at exit.

    Everything the program wrote is closed and renamed before its ``main`` returns, and the
    interpreter flushes the standard streams itself; the collections it runs while shutting down
    would only walk every object of the run (reportlab's and lxml's trees, font tables, the model):
    about 35 ms of CPU after a one-article build, a tenth of the process.  ``gc.freeze()`` at exit
    moves them to the permanent generation, which those collections skip; memory goes back to the
    system with the process.  A program that calls ``main(argv)`` keeps its exit as it is.
    """
    if argv is None:
        atexit.register(gc.freeze)
