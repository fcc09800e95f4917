"""A ``Plan`` -> dist/: orphans removed, stale documents rendered, outputs published, the manifest saved.

Outputs go through ``publish`` (atomic, skipped when identical) in a stable
order, so the bytes and the report are the same whatever the number of jobs.
Only outputs the manifest names are ever removed, and only while they hold
the bytes it recorded (``manifest.removable``).  A file pressconv did not
write is never overwritten.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pressconv.build import store as scratch
from pressconv.build.manifest import MANIFEST, Entry, StoredEntries, removable, sha256
from pressconv.build.plan import Plan
from pressconv.build.render import DEFAULT_CHECKPOINT, run_jobs
from pressconv.build.report import Outcome, Reporter, display
from pressconv.errors import PressconvError

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from pressconv.build.executors import ExecutorSpec


@scratch.guarded()
def execute(
    plan: Plan,
    *,
    jobs: int,
    force: bool,
    reporter: Reporter,
    executor: ExecutorSpec | Executor | None = None,
    keep: int | None = None,
) -> Outcome:
    """Remove orphans, render stale documents, publish the outputs, save the manifest.

    ``executor`` is where documents render (see ``executors``): the local process pool by default.
    The outcome counts every output and keeps the paths (and error lines) of the first ``keep`` of
    each kind, all when None: ``pressconv build`` prints counts, so it keeps none.
    During a long build the manifest is saved every ``checkpoint`` seconds, so a build killed
    outright is resumed by the next one from what was recorded.
    """
    from pressconv.publish import publish, publish_chunks, remove

    dist = plan.config.dist
    manifest = plan.manifest
    # Whether the manifest must be saved: an entry removed, added or changed (no copy of it is kept).
    dirty = False
    existed = (dist / MANIFEST).is_file()
    outcome = Outcome.keeping(keep)
    for message in plan.warnings:
        reporter.warning(message)
    for src, message in plan.conflicts:
        outcome.errors.append(message)
        outcome.failed.extend(plan.output_for(src.rel, fmt) for fmt in plan.formats)
        reporter.error(message)

    for rel in plan.temporaries:
        if remove(dist / rel):
            outcome.removed.append(rel)
            reporter.removed(dist / rel)
    for out in plan.orphans:
        path = dist / out
        refusal = removable(dist, out, manifest.outputs.pop(out))
        dirty = True
        if refusal is None and remove(path):
            outcome.removed.append(out)
            reporter.removed(path)
            _prune(path.parent, dist)
        elif refusal not in (None, "already gone"):
            reporter.warning(f"{display(path)}: left in place, {refusal} (its source is gone)")

    outcome.unchanged.extend(plan.fresh)
    # The jobs are made as the executor draws them (a window ahead), not all at once.
    total = plan.job_count()
    if total:
        dist.mkdir(parents=True, exist_ok=True)
    reporter.start(total)
    interval = DEFAULT_CHECKPOINT
    if executor is None:  # the local process pool; executors (and concurrent.futures) load only if needed
        results = run_jobs(plan.iter_jobs(), plan.options, jobs, plan.formats, total)
    else:
        from pressconv.build import executors

        if isinstance(executor, executors.ExecutorSpec):
            interval = executor.checkpoint
        results = executors.run(
            plan, plan.iter_jobs(), workers=jobs, force=force, executor=executor, total=total
        )
    next_save = time.monotonic() + interval
    # The records go to the build's database in one transaction, not one per document: it is a
    # private temporary file read back only by this connection, and dropped with the plan.
    transaction = plan.store.bulk()
    transaction.__enter__()
    try:
        for result in results:
            for message in result.warnings:
                reporter.warning(message)
            failed_formats = {fmt for fmt, _ in result.errors}
            for _, message in result.errors:
                reporter.error(message)
                outcome.errors.append(message)
            if failed_formats:
                for fmt in plan.formats:
                    out = plan.output_for(result.rel, fmt)
                    if out in plan.stale and (None in failed_formats or fmt in failed_formats):
                        outcome.failed.append(out)
            outs = [plan.output_for(result.rel, fmt) for fmt, _ in result.outputs]
            records = _Records(plan, [*outs, *(plan.output_for(result.rel, p[0]) for p in result.published)])
            try:
                for out, (_, data) in zip(outs, result.outputs, strict=True):
                    _publish_one(plan, out, data, force, outcome, reporter, publish, records)
                for fmt, digest, size, wrote in result.published:
                    records.add(plan.output_for(result.rel, fmt), digest, size, wrote, outcome, reporter)
            finally:
                # Also on an interrupt: what this document published is recorded.
                dirty |= records.save(result.source_sha256)
            reporter.advance()
            if time.monotonic() >= next_save:
                outcome.manifest_changed |= publish_chunks(dist / MANIFEST, manifest.chunks())
                next_save = time.monotonic() + interval
    finally:
        try:
            reporter.stop()
            # Also on an interrupt: the outputs published so far are recorded and not rendered again.
            # No manifest is created for a build that has nothing to record.
            if dirty or (manifest.outputs and not existed):
                dist.mkdir(parents=True, exist_ok=True)
                outcome.manifest_changed |= publish_chunks(dist / MANIFEST, manifest.chunks())
        finally:
            transaction.__exit__(None, None, None)  # committed, also on an interrupt
    return outcome


def _publish_one(
    plan: Plan,
    out: str,
    data: bytes,
    force: bool,
    outcome: Outcome,
    reporter: Reporter,
    publish: Callable[..., bool],
    records: _Records,
) -> None:
    """Publish one rendered output; ``records`` keeps it for the manifest."""
    path = plan.config.dist / out
    digest = sha256(data)
    if not records.owned(out) and path.exists() and not force:
        # Not ours: never overwrite a file pressconv did not write, unless it already holds these bytes.
        try:
            same = path.is_file() and sha256(path.read_bytes()) == digest
        except OSError:
            same = False
        if not same:
            message = f"{display(path)}: exists and was not written by pressconv (remove it, or use --force)"
            reporter.error(message)
            outcome.errors.append(message)
            outcome.failed.append(out)
            return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wrote = publish(path, data, force=True) if force else publish(path, data)
    except (PressconvError, OSError) as err:
        message = f"{display(path)}: cannot write: {err}"
        reporter.error(message)
        outcome.errors.append(message)
        outcome.failed.append(out)
        return
    records.add(out, digest, len(data), wrote, outcome, reporter)


class _Records:
    """One document's outputs on their way into the manifest: its entries are read in one query before
    publishing and the changed ones written in one transaction after (a build's manifest lives in
    sqlite: a query and a commit per output cost the client more than the rest of its work)."""

    def __init__(self, plan: Plan, outs: list[str]) -> None:
        self.plan = plan
        self.outs = outs
        outputs = plan.manifest.outputs
        if isinstance(outputs, StoredEntries):
            self.old = outputs.some([scratch.enc(out) for out in outs]) if outs else {}
        else:
            self.old = {out: outputs[out] for out in outs if out in outputs}
        self.pending: list[tuple[str, str, int]] = []

    def owned(self, out: str) -> bool:
        """Whether the manifest lists ``out`` (pressconv wrote it)."""
        return out in self.old

    def add(
        self, out: str, digest: str, size: int, wrote: bool, outcome: Outcome, reporter: Reporter
    ) -> None:
        """An output is in place: the outcome and the reporter say so now, the manifest at ``save``."""
        self.pending.append((out, digest, size))
        if wrote:
            outcome.written.append(out)
            reporter.wrote(self.plan.config.dist / out)
        else:
            outcome.unchanged.append(out)

    def save(self, source_sha256: str = "") -> bool:
        """The manifest records the outputs added; whether it changed."""
        if not self.pending:
            return False
        wanted = self.plan.expected.some([out for out, _, _ in self.pending])
        changed: list[tuple[str, Entry]] = []
        for out, digest, size in self.pending:
            want = wanted[out]
            # The plan's own string when the worker read the bytes the plan hashed: one copy per source.
            rendered = want.source_sha256 if source_sha256 in ("", want.source_sha256) else source_sha256
            entry = Entry(want.source, rendered, want.format, want.options, want.version, digest, size)
            if self.old.get(out) != entry:
                changed.append((out, entry))
        self.pending.clear()
        outputs = self.plan.manifest.outputs
        if not changed:
            return False
        if isinstance(outputs, StoredEntries):
            outputs.update_many(changed)
        else:
            outputs.update(changed)
        return True


def _prune(folder: Path, dist: Path) -> None:
    """Remove folders emptied by removing outputs, up to (not including) dist/."""
    dist = dist.absolute()
    folder = folder.absolute()
    while folder != dist and dist in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
