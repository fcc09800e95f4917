"""A source/ tree -> a dist/ tree: plans which outputs are stale, renders them, publishes them, cleans up.

``source/a/b.txt`` becomes ``dist/a/b.html``, ``.pdf``, ``.docx`` and
``.epub``.  A manifest in dist/ (``.pressconv-manifest.json``) records for
every output pressconv wrote the hash of its source bytes, the pressconv
version, a hash of the options that format reads, and the hash of the output
itself.  One module per step, each importing only the ones listed before it:

- ``report``: how the build speaks (paths as the user reads them, lines or a progress bar, the summary);
- ``store``: the build's scratch database (sqlite, a private temporary file): the manifest and the plan
  live there while a build runs, so the build's memory does not grow with the archive;
- ``tables``: the plan's rows in that database read as a mapping of outputs and sequences of sources;
- ``manifest``: the checked manifest file, the options hash, what may be removed;
- ``plan``: sources + manifest + stat() -> a ``Plan`` of stale outputs, orphans and conflicts;
- ``render``: one ``Job`` per document -> a ``JobResult`` (in worker processes, a bounded pool);
- ``executors``: where the jobs render when ``--executor`` names more than the local pool (Dask);
- ``execute``: a ``Plan`` -> dist/ (orphans removed, outputs published, the manifest saved);
- ``check``: ``--check``, which compares and writes nothing;
- ``command``: ``pressconv build`` itself, dist/'s lock file, SIGTERM taken as Ctrl-C.

A bad source fails alone.  ``build`` and the pre-commit hook both run
``execute`` on a ``Plan``, holding dist/'s lock file.  The names below are the
ones the CLI, the hook, the tests and bench/ use; ``pressconv.executors`` keeps the public
names of ``executors``.
"""

from __future__ import annotations

from pressconv.build.check import EXIT_FAILED, EXIT_STALE, check
from pressconv.build.command import (
    EXIT_SOME_FAILED,
    LOCK,
    default_jobs,
    locked,
    run_build,
    terminate_as_interrupt,
)
from pressconv.build.execute import execute
from pressconv.build.manifest import MANIFEST, Entry, Manifest, options_hash, removable
from pressconv.build.plan import Job, Plan, Source, find_sources, make_plan, read_source
from pressconv.build.render import DEFAULT_CHECKPOINT, JobResult, render_job, run_jobs
from pressconv.build.report import BarReporter, Outcome, Reporter, display, summary

__all__ = [
    "DEFAULT_CHECKPOINT",
    "EXIT_FAILED",
    "EXIT_SOME_FAILED",
    "EXIT_STALE",
    "LOCK",
    "MANIFEST",
    "BarReporter",
    "Entry",
    "Job",
    "JobResult",
    "Manifest",
    "Outcome",
    "Plan",
    "Reporter",
    "Source",
    "check",
    "default_jobs",
    "display",
    "execute",
    "find_sources",
    "locked",
    "make_plan",
    "options_hash",
    "read_source",
    "removable",
    "render_job",
    "run_build",
    "run_jobs",
    "summary",
    "terminate_as_interrupt",
]
