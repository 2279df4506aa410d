"""Benchmark ``safeguarding report`` end to end on generated census files, beside an open peer.

Run from the repository root::

    .venv/bin/python benchmarks/report.py [--sizes 10000 100000] [--jobs 1 2] [--peer]
                                          [--peer-sizes 10000] [--workdir DIR]

For each size it writes a synthetic CIN census (:mod:`safeguarding.synthetic`,
seed 1, reporting year 2025-26: the layout with ``Sex`` that the peer's default
rules expect; every module: assessments, s47 enquiries, conferences, plans,
reviews) and runs ``safeguarding report FILE --population N
--format json --jobs J`` as a separate process, once per ``--jobs`` value,
timing the whole process (start-up, reading, journey checks, measures, output)
and sampling the resident memory of the process and its workers every 50 ms
(the peak of their sum is reported).

With ``--peer``, the same run also times the open validator
``csc-validator-be-cin`` (``python -m cin_validator run FILE``, its default
2025-26 rules) on the same files (``--peer-sizes``, 10,000 children by
default: it needs about half an hour for 100,000). It is installed once into
its own virtual environment under ``--workdir`` (it needs ``numpy<2`` on
Python 3.11, and ``pytest`` at import). The two tools do different work -- the
peer runs about 200 validation rules, this library computes the indicator
pack, the statutory timeline and the reading problems -- so the ratio says
what it costs a user to get an answer out of a census file with each.

The table gives seconds and MB per run, the time per child, the growth from
the smallest to the largest size (linear growth gives a time ratio equal to the
size ratio) and the peer/ours ratio.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and its calendar.py (the calendar
# benchmark) would shadow the standard library's calendar module that dateutil imports.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

from safeguarding.synthetic import write_synthetic_census  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> int:
    """Resident bytes of *root* and all its descendants (Linux /proc, children lists)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        proc = Path("/proc") / str(pid)
        try:
            fields = (proc / "stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
            total += int(fields[21]) * PAGE
            for task in (proc / "task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident bytes of the process tree, and exit status."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not finished.is_set():
            peak = max(peak, _tree_rss(process.pid))
            finished.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = process.wait()
    elapsed = time.perf_counter() - start
    finished.set()
    sampler.join()
    return elapsed, peak, status


def peer_python(workdir: Path) -> Path | None:
    """The peer's interpreter, installing it into its own venv the first time."""
    venv = workdir / "peer-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        print("installing csc-validator-be-cin into", venv, file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)  # noqa: S603
        done = subprocess.run(  # noqa: S603
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "csc-validator-be-cin", "numpy<2", "pytest"],
            check=False,
        )  # fmt: skip
        if done.returncode != 0:
            print("could not install csc-validator-be-cin: no peer figures", file=sys.stderr)
            return None
    return python


def main() -> None:  # noqa: C901 - one table
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--peer", action="store_true", help="time csc-validator-be-cin too")
    parser.add_argument("--peer-sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.gettempdir()) / "safeguarding-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    command = Path(sys.executable).with_name("safeguarding")
    print(f"# {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.machine()}")  # fmt: skip
    print(f"{'tool':<34} {'children':>9} {'MB file':>8} {'seconds':>8} {'µs/child':>9} "
          f"{'peak MB':>8} {'exit':>5}")  # fmt: skip
    ours: dict[tuple[int, int], float] = {}
    files: dict[int, Path] = {}
    for size in args.sizes:
        path = workdir / f"cin-{size}-2025.xml"
        if not path.exists():
            write_synthetic_census(path, children=size, seed=1, year=2025)
        files[size] = path
        megabytes = path.stat().st_size / 1e6
        for jobs in args.jobs:
            population = max(10_000, size * 30)
            seconds, peak, status = measure(
                [str(command), "report", str(path), "--population", str(population),
                 "--format", "json", "--jobs", str(jobs), "--no-progress"]
            )  # fmt: skip
            ours[size, jobs] = seconds
            label = f"safeguarding report --jobs {jobs}"
            print(f"{label:<34} {size:>9,} {megabytes:>8.1f} {seconds:>8.2f} "
                  f"{seconds / size * 1e6:>9.1f} {peak / 1e6:>8.0f} {status:>5}")  # fmt: skip
    peer: dict[int, float] = {}
    if args.peer:
        python = peer_python(workdir)
        for size in args.peer_sizes if python is not None else []:
            path = files.get(size) or workdir / f"cin-{size}-2025.xml"
            if not path.exists():
                write_synthetic_census(path, children=size, seed=1, year=2025)
            seconds, peak, status = measure([str(python), "-m", "cin_validator", "run", str(path)])
            peer[size] = seconds
            megabytes = path.stat().st_size / 1e6
            print(f"{'csc-validator-be-cin run':<34} {size:>9,} {megabytes:>8.1f} {seconds:>8.2f} "
                  f"{seconds / size * 1e6:>9.1f} {peak / 1e6:>8.0f} {status:>5}")  # fmt: skip
    print()
    small, large = min(args.sizes), max(args.sizes)
    if small != large:
        for jobs in args.jobs:
            growth = ours[large, jobs] / ours[small, jobs]
            print(
                f"growth --jobs {jobs}: {large // small}x the children took {growth:.1f}x the time"
            )
    for size, seconds in peer.items():
        for jobs in args.jobs:
            if (size, jobs) in ours:
                ratio = seconds / ours[size, jobs]
                print(f"peer/ours at {size:,} children, --jobs {jobs}: {ratio:.1f}x")


if __name__ == "__main__":
    main()
