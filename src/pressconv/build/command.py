"""``pressconv build`` and the hook's shared frame: dist/'s lock file, SIGTERM as Ctrl-C, the run itself.

``run_build`` loads ``[tool.pressconv]``, takes dist/'s lock, plans, and then
either checks or executes and prints the summary.  ``build`` and the
pre-commit hook both run ``execute`` on a ``Plan`` inside ``locked`` and
``terminate_as_interrupt``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressconv.build.check import report_check
from pressconv.build.execute import execute
from pressconv.build.plan import make_plan
from pressconv.build.report import BarReporter, Reporter, display, echo, summary
from pressconv.errors import PressconvError

if TYPE_CHECKING:
    from pressconv.build.executors import ExecutorSpec

LOCK = ".pressconv.lock"
#: A build that went through but some documents failed (each named on stderr): issue #21 asks the
#: rest to be built and the run to end with 1, keeping 2 for a build refused before it starts.
EXIT_SOME_FAILED = 1


def default_jobs() -> int:
    """The CPU count this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextlib.contextmanager
def locked(dist: Path, *, exclusive: bool = True) -> Iterator[None]:
    """Hold dist/'s lock file: one build at a time (the second waits), checks beside no build.

    Two builds planning from one manifest would each write it back without the other's outputs.
    The file is removed when the build ends; whoever opened it meanwhile sees it is not the file
    at that path any more and tries again.  The kernel drops the lock of a killed build.  Without
    ``fcntl`` (Windows) builds are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    created = False
    if exclusive and not dist.is_dir():
        try:
            dist.mkdir(parents=True)
            created = True
        except FileExistsError:
            pass
        except OSError as err:
            raise PressconvError(f"cannot create the output folder: {err.strerror}", display(dist)) from None
    path = dist / LOCK
    flags = (os.O_RDWR | os.O_CREAT if exclusive else os.O_RDONLY) | getattr(os, "O_CLOEXEC", 0)
    operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    fd = -1
    try:
        while True:
            try:
                fd = os.open(path, flags, 0o644)
            except FileNotFoundError:
                if exclusive:
                    raise
                break  # a check, and no build has the lock file: nothing to wait for
            except OSError as err:
                raise PressconvError(f"cannot open the lock file: {err.strerror}", display(path)) from None
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
            except BlockingIOError:
                echo(f"pressconv: waiting for the other build of {display(dist)} to finish", err=True)
                fcntl.flock(fd, operation)
            try:
                if os.path.samestat(os.fstat(fd), os.stat(path)):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
            fd = -1
        yield
    finally:
        if fd >= 0:
            if exclusive:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                dist.rmdir()  # only when the build left it empty


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``, a cancelled CI job, a container stopping) ends a build as Ctrl-C does: the
    temporary file being written is removed, the workers are ended, the outputs published so far are
    recorded in the manifest.  A second SIGTERM is ignored so that clean-up can finish."""

    def on_term(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_build(
    source_dir: Path | None,
    dist: Path | None,
    formats: tuple[str, ...],
    *,
    jobs: int | None,
    check: bool,
    force: bool,
    strict: bool = False,
    options: Mapping[str, Any] | None = None,
    progress: bool | None = None,
    executor: str | None = None,
) -> int:
    """``pressconv build``: 0 done (or up to date), 1 ``check`` found dist/ stale or a document failed,
    2 refused before building."""
    from pressconv import config as config_module

    started = time.perf_counter()
    config = config_module.load().override(source=source_dir, dist=dist, formats=formats, options=options)
    if not config.source.is_dir():
        # A missing (or renamed) source folder must not read as "every source was deleted".
        raise PressconvError("no such folder", display(config.source))
    workers = jobs or default_jobs()
    chosen = executor or config.executor
    spec: ExecutorSpec | None = None  # plain "local": the process pool, without loading executors
    if chosen != "local":
        from pressconv.build import executors

        spec = executors.parse(chosen, "--executor" if executor else "[tool.pressconv] executor =")
        if spec.kind == "dask" and not check:
            executors.require_dask()
    with (
        locked(config.dist, exclusive=not check),
        terminate_as_interrupt(),
        make_plan(config, force=force and not check) as plan,
    ):
        if check:
            return report_check(plan, strict=strict, jobs=workers)
        if progress is None:
            progress = sys.stderr.isatty()
        reporter: Reporter = BarReporter() if progress and plan.stale else Reporter()
        # Counts are all the summary prints: no list of the archive's outputs is kept.
        outcome = execute(plan, jobs=workers, force=force, reporter=reporter, executor=spec, keep=0)
    elapsed = time.perf_counter() - started
    echo(summary(outcome, elapsed))
    return EXIT_SOME_FAILED if outcome.failed else 0
