"""Benchmark the one-pass DfE measure tally against a pandas implementation of the same formulas.

Run from the repository root, with the development extras installed (numpy, pandas)::

    .venv/bin/python benchmarks/indicators.py [--episodes 1000000] [--seed 20240331]

The script draws ``--episodes`` episodes of need from a seeded numpy generator
(children with 1 to 3 episodes each, referrals from April 2021 to March 2024;
an assessment in 80% of episodes, a section 47 enquiry in 25%, its conference
in half of those, sometimes a few days *before* the enquiry, a plan after most
conferences, a looked-after period in 10%, an episode-level conference in 1%)
and computes the ten DfE measures of 2023-24 in two ways, in the same run:

* **ours**: :func:`safeguarding.indicators.dfe.tally_records` over a generator
  that builds each :class:`~safeguarding.cases.ChildRecord` (validated attrs
  models) from the columns as it goes: one pass, nothing kept. Building the
  models is timed on its own (a pass that builds and discards them), and the
  tally time is the build-and-tally pass minus that;
* **pandas**: the same formulas, vectorised over one DataFrame with a row per
  episode (``numpy.busday_count`` with the same bank holidays for working
  days, groupby and shift for previous referrals and plans, calendar-month
  arithmetic for the 12-month and 2-year spans, clamped to the month end as
  :func:`~safeguarding.calendar.add_months` does). Building the DataFrame from
  the columns is timed on its own.

Times are wall-clock (``time.perf_counter``), garbage collection on. Peak
memory is measured in a separate pass of each computation under
``tracemalloc`` (which slows Python code down, so it is not timed), as the peak
traced allocation above what existed before the pass; numpy registers its
buffers with tracemalloc. The input columns (numpy arrays, and the same as compact Python arrays for
building the models) exist before either pass and are not counted.
The script checks that both give the same counts for every measure and prints
a table with times, peak memory and ratios pandas/ours (above 1: ours is
faster or smaller).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The benchmarks folder holds calendar.py: run as a script, the folder comes first on
# sys.path and would shadow the standard library's calendar module (imported by dateutil
# and pandas), so it is taken off the path before any other import.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import array  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from typing import Any, TypeAlias, cast  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from safeguarding.calendar import FIRST_COVERED, LAST_COVERED, bank_holidays  # noqa: E402
from safeguarding.cases import (  # noqa: E402
    Assessment,
    ChildProtectionPlan,
    ChildRecord,
    Episode,
    LookedAfterPeriod,
    Section47Enquiry,
)
from safeguarding.indicators.definitions import Count, Period  # noqa: E402
from safeguarding.indicators.dfe import LONG_PLAN, RE_REFERRAL_WINDOW, tally_records  # noqa: E402
from safeguarding.people import Child  # noqa: E402
from safeguarding.thresholds.timescales import ASSESSMENT, INITIAL_CONFERENCE  # noqa: E402

YEAR = Period.financial_year(2023)
FIRST_REFERRAL = dt.date(2021, 4, 1)
POPULATION = 1_200_000
NONE = -1  # ordinal sentinel for "no date"
COLUMNS = (
    "referral",
    "closure",
    "episode_icpc",
    "assessment_start",
    "authorised",
    "s47_start",
    "icpc",
    "plan_start",
    "plan_end",
    "la_start",
    "la_end",
)


# --------------------------------------------------------------------------- data


def generate(episodes: int, seed: int) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """Child index per episode, date columns as ordinals (NONE for missing), previous plans."""
    rng = np.random.default_rng(seed)
    per_child = rng.integers(1, 4, size=episodes)  # at most `episodes` children
    child = np.repeat(np.arange(episodes), per_child)[:episodes]
    n = episodes
    first = FIRST_REFERRAL.toordinal()
    span = YEAR.end.toordinal() - first + 1
    referral = first + rng.integers(0, span, size=n)
    order = np.lexsort((referral, child))  # episodes of a child in date order
    referral = referral[order]

    def maybe(p: float, values: np.ndarray) -> np.ndarray:
        return np.where(rng.random(n) < p, values, NONE)

    def after(base: np.ndarray, low: int, high: int) -> np.ndarray:
        return np.where(base == NONE, NONE, base + rng.integers(low, high + 1, size=n))

    closure = maybe(0.7, referral + rng.integers(0, 401, size=n))
    assessment_start = maybe(0.8, referral + rng.integers(0, 6, size=n))
    authorised = np.where(rng.random(n) < 0.95, after(assessment_start, 0, 90), NONE)
    s47_start = maybe(0.25, referral + rng.integers(0, 11, size=n))
    icpc = np.where(rng.random(n) < 0.5, after(s47_start, -3, 40), NONE)
    plan_start = np.where(rng.random(n) < 0.8, icpc, NONE)
    plan_end = np.where(rng.random(n) < 0.7, after(plan_start, 30, 1000), NONE)
    la_start = maybe(0.1, referral + rng.integers(0, 101, size=n))
    la_end = np.where(rng.random(n) < 0.6, after(la_start, 0, 800), NONE)
    episode_icpc = maybe(0.01, referral + rng.integers(0, 21, size=n))
    last = LAST_COVERED.toordinal()
    columns = {
        "referral": referral,
        "closure": np.minimum(closure, last),
        "episode_icpc": episode_icpc,
        "assessment_start": assessment_start,
        "authorised": np.minimum(authorised, last),
        "s47_start": s47_start,
        "icpc": icpc,
        "plan_start": plan_start,
        "plan_end": np.minimum(plan_end, last),
        "la_start": la_start,
        "la_end": np.minimum(la_end, last),
    }
    previous = rng.choice([0, 0, 0, 1, 2], size=n)
    return child, columns, previous


Columns: TypeAlias = "tuple[array.array[int], dict[str, array.array[int]], array.array[int]]"


def python_columns(
    child: np.ndarray, columns: dict[str, np.ndarray], previous: np.ndarray
) -> Columns:
    """The same columns as compact Python arrays of 64-bit ints, for record building."""

    def compact(values: np.ndarray) -> array.array[int]:
        out = array.array("q")
        out.frombytes(values.astype(np.int64).tobytes())
        return out

    return compact(child), {k: compact(v) for k, v in columns.items()}, compact(previous)


def records(data: Columns) -> Iterator[ChildRecord]:
    """Build each child's record from the columns, one child at a time."""
    as_date = dt.date.fromordinal
    children, lists, previous_plans = data
    birth = dt.date(2012, 1, 1)

    def day(name: str, i: int) -> dt.date | None:
        value = lists[name][i]
        return None if value == NONE else as_date(value)

    def episode(i: int) -> Episode:
        assessments: tuple[Assessment, ...] = ()
        if lists["assessment_start"][i] != NONE:
            assessments = (
                Assessment(
                    start_date=as_date(lists["assessment_start"][i]),
                    authorisation_date=day("authorised", i),
                ),
            )
        enquiries: tuple[Section47Enquiry, ...] = ()
        if lists["s47_start"][i] != NONE:
            enquiries = (
                Section47Enquiry(
                    start_date=as_date(lists["s47_start"][i]), initial_cpc_date=day("icpc", i)
                ),
            )
        plans: tuple[ChildProtectionPlan, ...] = ()
        if lists["plan_start"][i] != NONE:
            plans = (
                ChildProtectionPlan(
                    start_date=as_date(lists["plan_start"][i]),
                    end_date=day("plan_end", i),
                    previous_plans=previous_plans[i],
                ),
            )
        periods: tuple[LookedAfterPeriod, ...] = ()
        if lists["la_start"][i] != NONE:
            periods = (
                LookedAfterPeriod(
                    start_date=as_date(lists["la_start"][i]), end_date=day("la_end", i)
                ),
            )
        referral = as_date(lists["referral"][i])
        return Episode(
            referral_date=referral,
            closure_date=day("closure", i),
            initial_cpc_date=day("episode_icpc", i),
            assessments=assessments,
            section47_enquiries=enquiries,
            child_protection_plans=plans,
            looked_after_periods=periods,
        )

    start = 0
    n = len(children)
    while start < n:
        stop = start + 1
        while stop < n and children[stop] == children[start]:
            stop += 1
        yield ChildRecord(
            child=Child(identifier=f"c{children[start]}", date_of_birth=birth),
            episodes=tuple(episode(i) for i in range(start, stop)),
        )
        start = stop


def dataframe(
    child: np.ndarray, columns: dict[str, np.ndarray], previous: np.ndarray
) -> pd.DataFrame:
    """One row per episode: the child, the dates (NaT when missing) and previous plans."""
    epoch = dt.date(1970, 1, 1).toordinal()
    frame = {"child": child}
    for name, values in columns.items():
        days = np.where(values == NONE, np.iinfo(np.int64).min, values - epoch)
        frame[name] = days.astype("datetime64[D]").astype("datetime64[s]")
    frame["previous_plans"] = previous
    return pd.DataFrame(frame)


# --------------------------------------------------------------------------- pandas formulas


def _holidays() -> np.ndarray:
    days = [
        day
        for year in range(FIRST_COVERED.year, LAST_COVERED.year + 1)
        for day in bank_holidays(year)
    ]
    return np.array(days, dtype="datetime64[D]")


def _working_days(start: pd.Series, end: pd.Series, holidays: np.ndarray) -> np.ndarray:
    """Working days in (start, end], as working_days_between (both given)."""
    one = np.timedelta64(1, "D")
    begin = start.to_numpy().astype("datetime64[D]") + one
    finish = end.to_numpy().astype("datetime64[D]") + one
    return np.busday_count(begin, finish, holidays=holidays)


def _shift_months(days: pd.Series, months: int) -> pd.Series:
    """add_months on a datetime column: same day *months* later, clamped to the month end."""
    total = days.dt.year * 12 + (days.dt.month - 1) + months
    year, month = total // 12, total % 12 + 1
    first = pd.to_datetime({"year": year, "month": month, "day": 1})
    last_day = (first + pd.offsets.MonthEnd(0)).dt.day
    return cast(
        "pd.Series", first + pd.to_timedelta(np.minimum(days.dt.day, last_day) - 1, unit="D")
    )


def pandas_counts(df: pd.DataFrame, holidays: np.ndarray) -> dict[str, Count]:
    """The ten DfE measures with vectorised pandas and numpy, same formulas as tally_records."""
    start, end = pd.Timestamp(YEAR.start), pd.Timestamp(YEAR.end)
    assessment_limit = ASSESSMENT.at(YEAR.end).value.amount
    conference_limit = INITIAL_CONFERENCE.at(YEAR.end).value.amount
    window = RE_REFERRAL_WINDOW.at(YEAR.end).value.amount
    long_months = 12 * LONG_PLAN.at(YEAR.end).value.amount

    def within(column: str) -> pd.Series:
        return df[column].between(start, end)  # NaT is never between

    def open_at_end(began: str, ended: str) -> pd.Series:
        return (df[began] <= end) & (df[ended].isna() | (df[ended] > end))

    # Referrals and re-referrals: the previous referral of the same child, in date order.
    ordered = df[["child", "referral"]].sort_values(["child", "referral"], kind="stable")
    before = ordered.groupby("child", sort=False)["referral"].shift()
    in_year = ordered["referral"].between(start, end)
    refs = ordered.loc[in_year, "referral"]
    re_referred = before[in_year] >= _shift_months(refs, -window)
    # Assessments authorised in the year, in time when at most 45 working days after the start.
    authorised = df[within("authorised")]
    assessed_days = _working_days(
        authorised["assessment_start"], authorised["authorised"], holidays
    )
    # ICPCs in the year, in time when on/after the s47 start and at most 15 working days on.
    held = df[within("icpc")]
    conference_days = _working_days(held["s47_start"], held["icpc"], holidays)
    in_time = (held["icpc"] >= held["s47_start"]).to_numpy() & (conference_days <= conference_limit)
    episode_level = within("episode_icpc") & (df["episode_icpc"] != df["icpc"])
    # Plans: previous plans recorded, or an earlier plan of the child in start order.
    plans = df.loc[df["plan_start"].notna(), ["child", "plan_start", "plan_end", "previous_plans"]]
    plans = plans.sort_values(["child", "plan_start"], kind="stable")
    earlier = plans.groupby("child", sort=False).cumcount() > 0
    plans = plans.assign(subsequent=earlier | (plans["previous_plans"] > 0))
    starting = plans[plans["plan_start"].between(start, end)]
    by_child = starting.groupby("child", sort=False)["subsequent"].any()
    ended = plans[plans["plan_end"].between(start, end)]
    long_plans = ended["plan_end"] >= _shift_months(ended["plan_start"], long_months)

    def children(mask: pd.Series) -> int:
        return int(df.loc[mask, "child"].nunique())

    def share(numerator: Any, denominator: Any) -> Count:
        return Count(numerator=int(numerator), denominator=int(denominator))

    def rate(events: Any) -> Count:
        return Count(numerator=int(events), denominator=POPULATION)

    return {
        "dfe.referrals_rate": rate(len(refs)),
        "dfe.re_referrals_12_months": share(re_referred.sum(), len(refs)),
        "dfe.assessments_within_45_days": share(
            (assessed_days <= assessment_limit).sum(), len(authorised)
        ),
        "dfe.s47_rate": rate(within("s47_start").sum()),
        "dfe.icpc_within_15_days": share(in_time.sum(), len(held) + episode_level.sum()),
        "dfe.cp_plans_subsequent": share(by_child.sum(), len(by_child)),
        "dfe.cp_plans_rate": rate(children(open_at_end("plan_start", "plan_end"))),
        "dfe.cp_plans_ended_2_years": share(long_plans.sum(), len(ended)),
        "dfe.cin_rate": rate(children(open_at_end("referral", "closure"))),
        "dfe.cla_rate": rate(children(open_at_end("la_start", "la_end"))),
    }


# --------------------------------------------------------------------------- measuring


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = function()
    return time.perf_counter() - began, result


def peak_memory(function: Callable[[], Any]) -> int:
    """Peak bytes allocated by *function* above what was allocated before it."""
    gc.collect()
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - baseline


def consume(iterator: Iterator[Any]) -> int:
    total = 0
    for _ in iterator:
        total += 1
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20240331)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc passes")
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    print(f"{args.episodes:,} episodes, seed {args.seed}, period {YEAR.label}")
    gen_time, (child, columns, previous) = timed(lambda: generate(args.episodes, args.seed))
    holidays = _holidays()
    print(f"generated columns in {gen_time:.2f} s")
    data = python_columns(child, columns, previous)

    build_time, children = timed(lambda: consume(records(data)))
    total_time, tally = timed(
        lambda: tally_records(records(data), period=YEAR, population=POPULATION)
    )
    ours_time = total_time - build_time
    frame_time, df = timed(lambda: dataframe(child, columns, previous))
    pandas_time, counts = timed(lambda: pandas_counts(df, holidays))

    same = all(tally.count(key) == count for key, count in counts.items())
    print(f"{children:,} child records; counts agree: {same}")
    for key, count in counts.items():
        mark = "" if tally.count(key) == count else f"   ours: {tally.count(key)}"
        print(f"  {key:32} {count.numerator:>9,} / {count.denominator:>9,}{mark}")

    rows = [
        ("build input (models / DataFrame)", build_time, frame_time),
        ("compute the 10 measures", ours_time, pandas_time),
        ("build + compute", total_time, frame_time + pandas_time),
    ]
    if not args.no_memory:
        del df
        ours_peak = peak_memory(
            lambda: tally_records(records(data), period=YEAR, population=POPULATION)
        )
        pandas_peak = peak_memory(
            lambda: pandas_counts(dataframe(child, columns, previous), holidays)
        )
    print()
    print(f"{'':34} {'ours':>10} {'pandas':>10} {'pandas/ours':>12}")
    for label, ours, theirs in rows:
        print(f"{label + ' (s)':34} {ours:>10.2f} {theirs:>10.2f} {theirs / ours:>12.2f}")
    if not args.no_memory:
        mib = 2**20
        print(
            f"{'peak memory, build + compute (MiB)':34} {ours_peak / mib:>10.1f} "
            f"{pandas_peak / mib:>10.1f} {pandas_peak / ours_peak:>12.2f}"
        )
    if not same:
        raise SystemExit("the two implementations disagree")


if __name__ == "__main__":
    main()
