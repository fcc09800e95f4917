"""Commands or callables -> medians of repeated timings, and ratios measured pair by pair.

The machine is shared and noisy, so absolute times drift from minute to
minute; a comparison is therefore measured as A B, B A, A B … in the same
rounds and the ratio is the median of the per-round ratios, not a ratio of
two medians taken at different moments.  Whole processes are timed with
``os.wait4`` so each run also yields its CPU time (user + system) and peak
RSS, which a busy neighbour disturbs far less than wall time.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "pentagon-briefing.txt"  # the repository's copy of the shared sample
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PRESSCONV = str(BIN / "pressconv")

Command = Sequence[Sequence[str]]
"""One or more argv lists run one after another; their times add up."""


@dataclass(frozen=True, slots=True)
class Run:
    """One timed run of a command (all its processes)."""

    wall: float
    """Seconds, start of the first process to the end of the last."""
    cpu: float
    """Seconds of user + system CPU time of the processes and their children."""
    max_rss_kb: int
    """Largest peak resident set of any of the processes, in kB."""


def _child_env() -> dict[str, str]:
    # The sessions that run these benchmarks set PYTHONDONTWRITEBYTECODE, so an edited module of
    # the editable install would be compiled again by every process; an installed pressconv has
    # its bytecode, so the child processes may write and reuse theirs (after the warm-up runs).
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run one process to the end with stdout and stderr discarded; fails loudly on a non-zero exit."""
    env = env if env is not None else _child_env()
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}"
        )
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def run_command(command: Command, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the processes of ``command`` in turn; wall and CPU add up, peak RSS is the largest."""
    runs = [run_process(argv, cwd, env) for argv in command]
    return Run(sum(r.wall for r in runs), sum(r.cpu for r in runs), max(r.max_rss_kb for r in runs))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Per-round runs of two commands measured alternately."""

    a: list[Run]
    b: list[Run]

    def ratio(self, attr: str = "wall") -> float:
        """Median over rounds of a/b for ``attr`` (wall or cpu)."""
        return median([getattr(x, attr) / getattr(y, attr) for x, y in zip(self.a, self.b, strict=True)])


def compare(a: Callable[[], Run], b: Callable[[], Run], *, rounds: int, warmup: int = 2) -> Comparison:
    """Run a and b alternately (A B, B A, …) after ``warmup`` rounds of each; per-round pairs kept."""
    for _ in range(warmup):
        a()
        b()
    ra: list[Run] = []
    rb: list[Run] = []
    for i in range(rounds):
        if i % 2 == 0:
            ra.append(a())
            rb.append(b())
        else:
            rb.append(b())
            ra.append(a())
    return Comparison(ra, rb)


def repeat(func: Callable[[], object], *, runs: int, warmup: int = 2) -> list[Run]:
    """Wall (perf_counter) and CPU (process_time) seconds per call of ``func``, after ``warmup`` calls."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        func()
        times.append(Run(time.perf_counter() - start, time.process_time() - cpu, 0))
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def machine() -> str:
    """One line naming the machine: date, CPU count, CPU model, Python, load average."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return (
        f"{stamp}; nproc {os.cpu_count()}; {model}; Python {platform.python_version()}; load average {load}"
    )


def pandoc() -> str:
    found = shutil.which("pandoc")
    if found is None:
        sys.exit("pandoc is not installed (apt-get install -y pandoc)")
    return found


def header(title: str) -> None:
    print(f"# {title}")
    print(f"# {machine()}")
    print(f"# command: {' '.join([Path(PYTHON).name, *sys.argv])}")


def row(workload: str, target: str, measured: str, pandoc_figure: str, ratio: str, met: bool) -> None:
    """The README table line for one workload, printed last by each script."""
    print(
        f"| {workload} | {target} | {measured} | {pandoc_figure} | {ratio} | {'met' if met else 'MISSED'} |"
    )
