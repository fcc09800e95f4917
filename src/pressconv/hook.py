"""The pre-commit hook: the source files pre-commit passes -> their dist/ outputs regenerated.

pre-commit judges a hook by its exit status and by ``git diff``, which does
not see a new untracked output, so the hook itself returns 1 whenever it
created, changed or removed a file in dist/, and 0 when everything was
already in step — the second run after ``git add`` passes.  It is ``build``:
the same plan over the whole source folder, so it regenerates exactly what
``pressconv build --check`` calls stale — a changed source, a changed
``[tool.pressconv]`` option, an output that is missing (a repository adopting
the hook), an orphan — whichever files pre-commit passes (it passes only the
changed files that exist).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pressconv.errors import EXIT_USAGE, PressconvError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressconv hook",
        description="Regenerate the dist/ outputs of the given source files (a pre-commit hook).",
    )
    parser.add_argument(
        "filenames",
        nargs="*",
        help="Changed files as pre-commit passes them (the whole folder is planned).",
    )
    parser.add_argument("--source", type=Path, help="Source folder (default: [tool.pressconv] or source/).")
    parser.add_argument("--dist", type=Path, help="Output folder (default: [tool.pressconv] or dist/).")
    parser.add_argument(
        "-f", "--format", dest="formats", action="append", default=[], help="Only this format (repeatable)."
    )
    parser.add_argument("-j", "--jobs", type=int, help="Processes (default: CPU count).")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the hook; 1 when it changed dist/, 2 when a source failed, else 0."""
    from pressconv import build, config

    args = _parser().parse_args(list(argv) if argv is not None else None)
    try:
        settings = config.load().override(source=args.source, dist=args.dist, formats=tuple(args.formats))
        with build.locked(settings.dist), build.terminate_as_interrupt():
            plan = build.make_plan(settings)
            outcome = build.execute(
                plan,
                jobs=args.jobs or build.default_jobs(),
                force=False,
                reporter=build.Reporter(lines=False),
            )
    except PressconvError as err:
        print(f"pressconv: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    dist = settings.dist
    for out in outcome.written:
        print(f"Updated {build.display(dist / out)}")
    for out in outcome.removed:
        print(f"Removed {build.display(dist / out)}")
    if outcome.manifest_changed:
        print(f"Updated {build.display(dist / build.MANIFEST)}")
    if outcome.failed:
        return EXIT_USAGE
    return 1 if outcome.changed else 0


if __name__ == "__main__":
    sys.exit(main())
