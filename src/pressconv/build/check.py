"""``pressconv build --check``: a ``Plan`` -> the lines saying how dist/ differs from what it should be.

Writes nothing.  Exit 0 when dist/ is up to date, 1 when it is stale, 2 when a
document cannot be rendered (``--strict`` renders every document in memory).
"""

from __future__ import annotations

import posixpath

from pressconv.build import store as scratch
from pressconv.build.manifest import MANIFEST, sha256
from pressconv.build.plan import Job, Plan
from pressconv.build.render import run_jobs
from pressconv.build.report import display, echo

EXIT_STALE = 1
EXIT_FAILED = 2


@scratch.guarded()
def check(plan: Plan, *, strict: bool, jobs: int) -> tuple[list[str], list[str]]:
    """Problems with dist/ as ``dist/x.pdf: why`` lines, and failures; writes nothing.

    Always: every expected output exists, its manifest entry matches the source
    and options, and its bytes still hash to what the manifest recorded.
    ``strict`` also renders every document in memory and compares bytes, which
    catches a writer whose code changed without a version bump.
    """
    dist = plan.config.dist
    problems = [f"{display(dist / rel)}: temporary file left by a killed build" for rel in plan.temporaries]
    failures = [message for _, message in plan.conflicts]
    for out, why in plan.stale.items():
        problems.append(f"{display(dist / out)}: {why}")
    for out in plan.fresh:
        entry = plan.manifest.outputs[out]
        try:
            if sha256((dist / out).read_bytes()) != entry.sha256:
                problems.append(f"{display(dist / out)}: output changed since it was written")
        except OSError:
            problems.append(f"{display(dist / out)}: missing")
    for out in plan.orphans:
        if (dist / out).exists():
            problems.append(f"{display(dist / out)}: orphaned (its source is gone)")
        else:
            problems.append(f"{display(dist / MANIFEST)}: lists {out}, whose source is gone")
    if strict:
        everything = (
            Job(s.rel, s.label, posixpath.splitext(s.rel)[1], s.path, plan.formats) for s in plan.sources
        )
        stale = plan.stale
        for result in run_jobs(everything, plan.options, jobs, plan.formats, len(plan.sources)):
            failures.extend(message for _, message in result.errors)
            for fmt, data in result.outputs:
                out = plan.output_for(result.rel, fmt)
                if out in stale:
                    continue
                try:
                    same = (dist / out).read_bytes() == data
                except OSError:
                    same = False
                if not same:
                    problems.append(f"{display(dist / out)}: differs from what this pressconv writes")
    return problems, failures


def report_check(plan: Plan, *, strict: bool, jobs: int) -> int:
    problems, failures = check(plan, strict=strict, jobs=jobs)
    for message in plan.warnings:
        echo(f"pressconv: warning: {message}", err=True)
    for message in failures:
        echo(f"pressconv: error: {message}", err=True)
    for line in problems:
        echo(line)
    if failures:
        return EXIT_FAILED
    if problems:
        echo(f"pressconv: {display(plan.config.dist)} is out of date ({len(problems)} problems)", err=True)
        return EXIT_STALE
    echo(f"{display(plan.config.dist)} is up to date ({len(plan.expected)} outputs)")
    return 0
