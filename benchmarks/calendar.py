"""Benchmark the working-day calendar against numpy's business-day functions.

Run from the repository root, with the development extras installed (numpy)::

    .venv/bin/python benchmarks/calendar.py [--calls 100000] [--repeats 5] [--seed 20240325]

It draws ``--calls`` random inputs from a seeded generator and times, one call
per input, in the same run:

* :func:`safeguarding.calendar.add_working_days` ``(start, n)`` against
  ``numpy.busday_offset(start, n, roll="backward", ...)``, with starts uniform
  over 1995-01-01 to 2028-12-31 (so every answer is covered) and ``1 <= n <= 400``;
* :func:`safeguarding.calendar.working_days_between` ``(start, end)`` against
  ``numpy.busday_count(start + 1 day, end + 1 day, ...)``, with ``start <= end``
  uniform over the covered range (numpy counts a backward interval differently,
  so the pairs are ordered).

numpy is given the same holidays (the weekday bank holidays of
:func:`~safeguarding.calendar.bank_holidays` for every covered year) in two ways:
as ``holidays=`` on every call, and as a ``numpy.busdaycalendar`` built once
(``busdaycal=``), which spares numpy re-reading the holiday list on each call.
numpy receives ``numpy.datetime64`` scalars and Python ints prepared beforehand;
ours receives ``datetime.date`` objects. Each timing is the best of ``--repeats``
passes over all inputs (``time.perf_counter``, garbage collection off), and the
table gives nanoseconds per call and the ratio numpy/ours (above 1: ours is
faster). The script also checks that both give the same answers on every input.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is called calendar.py. Run as a script, its folder comes first on
# sys.path and would shadow the standard library's calendar module (which
# dateutil imports), so that folder is taken off the path before any import.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from functools import partial  # noqa: E402

import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402

from safeguarding.calendar import (  # noqa: E402
    FIRST_COVERED,
    LAST_COVERED,
    add_working_days,
    bank_holidays,
    working_days_between,
)

SATURDAY = 5
LAST_START = dt.date(2028, 12, 31)  # with n <= 400 every answer stays within coverage
MAX_N = 400


def _holidays() -> npt.NDArray[np.datetime64]:
    days = [
        day
        for year in range(FIRST_COVERED.year, LAST_COVERED.year + 1)
        for day in bank_holidays(year)
        if day.weekday() < SATURDAY
    ]
    return np.array(days, dtype="datetime64[D]")


def _best_of(repeats: int, run: Callable[[], object]) -> float:
    """The shortest of *repeats* timings of *run*, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            began = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - began)
        finally:
            gc.enable()
    return best


def _dates(ordinals: npt.NDArray[np.int64]) -> list[dt.date]:
    return [dt.date.fromordinal(o) for o in ordinals.tolist()]


def _datetime64s(days: list[dt.date]) -> list[np.datetime64]:
    return [np.datetime64(day, "D") for day in days]


@dataclass(frozen=True)
class _Inputs:
    """The random inputs, prepared for both sides before any timing."""

    starts: list[dt.date]
    ns: list[int]
    starts64: list[np.datetime64]
    froms: list[dt.date]
    tos: list[dt.date]
    begins64: list[np.datetime64]  # froms + 1 day
    ends64: list[np.datetime64]  # tos + 1 day
    holidays: npt.NDArray[np.datetime64]
    busdaycal: np.busdaycalendar


def _inputs(calls: int, seed: int) -> _Inputs:
    rng = np.random.default_rng(seed)
    holidays = _holidays()
    one_day = dt.timedelta(days=1)
    # add_working_days(start, n) and busday_offset(start, n, roll="backward").
    starts = _dates(rng.integers(FIRST_COVERED.toordinal(), LAST_START.toordinal() + 1, calls))
    ns: list[int] = rng.integers(1, MAX_N + 1, calls).tolist()
    # working_days_between(start, end) and busday_count(start + 1, end + 1), start <= end.
    pairs = np.sort(
        rng.integers(FIRST_COVERED.toordinal(), LAST_COVERED.toordinal() + 1, (calls, 2)), axis=1
    )
    froms, tos = _dates(pairs[:, 0]), _dates(pairs[:, 1])
    return _Inputs(
        starts=starts,
        ns=ns,
        starts64=_datetime64s(starts),
        froms=froms,
        tos=tos,
        begins64=_datetime64s([day + one_day for day in froms]),
        ends64=_datetime64s([day + one_day for day in tos]),
        holidays=holidays,
        busdaycal=np.busdaycalendar(holidays=holidays),
    )


def _answers_agree(x: _Inputs) -> bool:
    """Whether ours and numpy (both ways) agree on every input, one call per input."""
    add_ours = np.array(
        [add_working_days(s, n) for s, n in zip(x.starts, x.ns, strict=True)],
        dtype="datetime64[D]",
    )
    add_numpy = np.array(
        [
            np.busday_offset(s, n, roll="backward", holidays=x.holidays)
            for s, n in zip(x.starts64, x.ns, strict=True)
        ],
        dtype="datetime64[D]",
    )
    add_numpy_cal = np.array(
        [
            np.busday_offset(s, n, roll="backward", busdaycal=x.busdaycal)
            for s, n in zip(x.starts64, x.ns, strict=True)
        ],
        dtype="datetime64[D]",
    )
    between_ours = np.array(
        [working_days_between(s, e) for s, e in zip(x.froms, x.tos, strict=True)],
        dtype=np.int64,
    )
    between_numpy = np.array(
        [
            np.busday_count(b, e, holidays=x.holidays)
            for b, e in zip(x.begins64, x.ends64, strict=True)
        ],
        dtype=np.int64,
    )
    between_numpy_cal = np.array(
        [
            np.busday_count(b, e, busdaycal=x.busdaycal)
            for b, e in zip(x.begins64, x.ends64, strict=True)
        ],
        dtype=np.int64,
    )
    return bool(
        np.array_equal(add_ours, add_numpy)
        and np.array_equal(add_ours, add_numpy_cal)
        and np.array_equal(between_ours, between_numpy)
        and np.array_equal(between_ours, between_numpy_cal)
    )


def _ours_add(x: _Inputs) -> None:
    add = add_working_days
    for start, n in zip(x.starts, x.ns, strict=True):
        add(start, n)


def _numpy_add(x: _Inputs) -> None:
    offset, holidays = np.busday_offset, x.holidays
    for start, n in zip(x.starts64, x.ns, strict=True):
        offset(start, n, roll="backward", holidays=holidays)


def _numpy_add_cal(x: _Inputs) -> None:
    offset, busdaycal = np.busday_offset, x.busdaycal
    for start, n in zip(x.starts64, x.ns, strict=True):
        offset(start, n, roll="backward", busdaycal=busdaycal)


def _ours_between(x: _Inputs) -> None:
    between = working_days_between
    for start, end in zip(x.froms, x.tos, strict=True):
        between(start, end)


def _numpy_between(x: _Inputs) -> None:
    count, holidays = np.busday_count, x.holidays
    for begin, end in zip(x.begins64, x.ends64, strict=True):
        count(begin, end, holidays=holidays)


def _numpy_between_cal(x: _Inputs) -> None:
    count, busdaycal = np.busday_count, x.busdaycal
    for begin, end in zip(x.begins64, x.ends64, strict=True):
        count(begin, end, busdaycal=busdaycal)


ROWS: list[tuple[str, str, Callable[[_Inputs], None], Callable[[_Inputs], None]]] = [
    ("add_working_days", "busday_offset(holidays=H)", _ours_add, _numpy_add),
    ("add_working_days", "busday_offset(busdaycal=C)", _ours_add, _numpy_add_cal),
    ("working_days_between", "busday_count(holidays=H)", _ours_between, _numpy_between),
    ("working_days_between", "busday_count(busdaycal=C)", _ours_between, _numpy_between_cal),
]
"""The table's rows: our function, numpy's call, and the two loops timed."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=100_000, help="random inputs per timing")
    parser.add_argument("--repeats", type=int, default=5, help="passes; the best is kept")
    parser.add_argument("--seed", type=int, default=20240325, help="random seed")
    args = parser.parse_args(argv)
    calls: int = args.calls
    repeats: int = args.repeats
    x = _inputs(calls, args.seed)
    agree = _answers_agree(x)

    print(
        f"Python {platform.python_version()}, numpy {np.__version__}; "
        f"{calls:,} random inputs, best of {repeats}; {x.holidays.size} weekday holidays"
    )
    header = f"{'ours':<22} {'numpy, one call per input':<28} {'ours ns':>9} {'numpy ns':>9} "
    print(header + f"{'numpy/ours':>10}")
    print("-" * (len(header) + 10))
    timed: dict[Callable[[_Inputs], None], float] = {}
    for ours_name, numpy_name, ours_run, numpy_run in ROWS:
        if ours_run not in timed:
            timed[ours_run] = _best_of(repeats, partial(ours_run, x)) / calls * 1e9
        ours_ns = timed[ours_run]
        numpy_ns = _best_of(repeats, partial(numpy_run, x)) / calls * 1e9
        print(
            f"{ours_name:<22} {numpy_name:<28} {ours_ns:>9.0f} {numpy_ns:>9.0f} "
            f"{numpy_ns / ours_ns:>10.2f}"
        )
    print(f"answers agree: {agree}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
