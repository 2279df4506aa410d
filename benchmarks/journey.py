"""Benchmark check_journey over generated episodes, against the bare date arithmetic.

Run from the repository root::

    .venv/bin/python benchmarks/journey.py [--episodes 100000] [--repeats 3] [--seed 20240325]

It generates ``--episodes`` episodes of need with a seeded :class:`random.Random`
(Hypothesis' example generation is too slow for 100,000 of them): referrals from
April 2013 to June 2026, a decision date most of the time, up to two assessments,
a section 47 enquiry with strategy discussions and a conference in 60% of
episodes, a child protection plan with up to four reviews and core groups after
most conferences, a looked-after period in one episode in five, closures, and a
data-entry error (a conference before its enquiry, a plan with no conference,
two open plans, an assessment before the referral, activity after closure) in
one episode in ten. Each episode is checked as at a day up to 900 days after
its referral.

Two loops are timed, one call per episode, best of ``--repeats`` passes
(``time.perf_counter``, garbage collection off):

* **ours**: :func:`safeguarding.thresholds.journey.check_journey`, which returns
  every step with its cited deadline, status and reason, plus the consistency
  findings; and :func:`~safeguarding.thresholds.journey.summarise_journey`, the
  same steps as (kind, status, due) and the number of inconsistencies, as the
  indicator pack counts them;
* **anchor** ("bare clocks"): the same statutory due dates computed directly with
  :func:`~safeguarding.calendar.add_working_days` and
  :func:`~safeguarding.calendar.add_months`, with no models, rules, statuses or
  checks: the floor any implementation pays for the arithmetic.

The table gives microseconds per episode and the ratio ours/anchor (how much the
explained, cited, checked answer costs over the arithmetic alone).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and its calendar.py (the calendar
# benchmark) would shadow the standard library's calendar module that dateutil imports:
# the folder is taken off the path before any other import.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import gc  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from functools import partial  # noqa: E402

from safeguarding.calendar import add_months, add_working_days  # noqa: E402
from safeguarding.cases import (  # noqa: E402
    Assessment,
    ChildProtectionPlan,
    Episode,
    LookedAfterPeriod,
    ReasonForClosure,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguarding.thresholds.journey import (  # noqa: E402
    StepStatus,
    check_journey,
    summarise_journey,
)

FIRST_REFERRAL = dt.date(2013, 4, 15)
LAST_REFERRAL = dt.date(2026, 6, 30)
LAST_ON = dt.date(2030, 6, 30)


def _days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def _reviews(rng: random.Random, start: dt.date, first: int, later: int) -> tuple[dt.date, ...]:
    dates = []
    previous = start
    for index in range(rng.randint(0, 4)):
        previous = _days(previous, rng.randint(30, first) if index == 0 else rng.randint(60, later))
        dates.append(previous)
    return tuple(dates)


def _valid(rng: random.Random) -> Episode:
    referral = _days(FIRST_REFERRAL, rng.randrange((LAST_REFERRAL - FIRST_REFERRAL).days))
    decided = add_working_days(referral, rng.randint(0, 3)) if rng.random() < 0.7 else None
    if rng.random() < 0.15:
        return Episode(
            referral_date=referral,
            referral_nfa=True,
            referral_decision_date=decided,
            closure_date=referral,
            reason_for_closure=ReasonForClosure.SERVICES_CEASED,
        )
    start = _days(referral, rng.randint(0, 10))
    authorised = add_working_days(start, rng.randint(0, 70)) if rng.random() < 0.8 else None
    assessments = (Assessment(start_date=start, authorisation_date=authorised),)
    enquiries: tuple[Section47Enquiry, ...] = ()
    plans: tuple[ChildProtectionPlan, ...] = ()
    last = authorised or start
    if rng.random() < 0.6:
        first = _days(referral, rng.randint(0, 20))
        discussions = [StrategyDiscussion(discussion_date=first, initiated_s47=True)]
        if rng.random() < 0.3:
            discussions.append(StrategyDiscussion(discussion_date=_days(first, rng.randint(1, 10))))
        s47 = _days(first, rng.randint(0, 3))
        conference = add_working_days(s47, rng.randint(0, 25)) if rng.random() < 0.8 else None
        enquiries = (
            Section47Enquiry(
                start_date=s47,
                strategy_discussions=tuple(discussions),
                initial_cpc_date=conference,
                icpc_not_required=None if conference else rng.random() < 0.5,
            ),
        )
        last = max(last, conference or s47)
        if conference is not None and rng.random() < 0.7:
            reviews = _reviews(rng, conference, 120, 200)
            end = (
                (reviews[-1] if reviews else _days(conference, 30)) if rng.random() < 0.5 else None
            )
            groups = (
                (add_working_days(conference, rng.randint(0, 15)),) if rng.random() < 0.6 else None
            )
            plans = (
                ChildProtectionPlan(
                    start_date=conference,
                    end_date=end,
                    review_dates=reviews,
                    core_group_dates=groups,
                ),
            )
            last = max(last, end or conference)
    periods: tuple[LookedAfterPeriod, ...] = ()
    if rng.random() < 0.2:
        begun = _days(referral, rng.randint(0, 60))
        periods = (LookedAfterPeriod(start_date=begun, review_dates=_reviews(rng, begun, 40, 200)),)
    closed = None
    if authorised and not plans and rng.random() < 0.3:
        closed = _days(last, rng.randint(0, 30))
    return Episode(
        referral_date=referral,
        referral_decision_date=decided,
        referral_nfa=False,
        closure_date=closed,
        reason_for_closure=ReasonForClosure.SERVICES_CEASED if closed else None,
        assessments=assessments,
        section47_enquiries=enquiries,
        child_protection_plans=plans,
        looked_after_periods=periods,
    )


def _faulty(rng: random.Random, e: Episode) -> Episode:
    r = e.referral_date
    match rng.randrange(5):
        case 0:  # conference before its enquiry (DfE rule 8615)
            s47 = _days(r, 10)
            bad = Section47Enquiry(start_date=s47, initial_cpc_date=_days(s47, -3))
            return Episode(referral_date=r, section47_enquiries=(bad,))
        case 1:  # plan on a day with no conference (2885)
            return Episode(
                referral_date=r,
                child_protection_plans=(ChildProtectionPlan(start_date=_days(r, 9)),),
            )
        case 2:  # two open plans (8935)
            plan = ChildProtectionPlan(start_date=_days(r, 5))
            return Episode(
                referral_date=r,
                initial_cpc_date=plan.start_date,
                child_protection_plans=(plan, plan),
            )
        case 3:  # assessment before the referral (1103)
            return Episode(referral_date=r, assessments=(Assessment(start_date=_days(r, -7)),))
        case _:  # activity after closure (8565)
            late = Assessment(start_date=_days(r, 5), authorisation_date=_days(r, 20))
            return Episode(referral_date=r, closure_date=r, assessments=(late,))


def generate(count: int, seed: int) -> list[tuple[Episode, dt.date]]:
    """*count* episodes, each with the day it is checked on."""
    rng = random.Random(seed)
    drawn = []
    for _ in range(count):
        episode = _valid(rng)
        if rng.random() < 0.1:
            episode = _faulty(rng, episode)
        on = min(_days(episode.referral_date, rng.randint(0, 900)), LAST_ON)
        drawn.append((episode, on))
    return drawn


def bare_clocks(episode: Episode, on: dt.date) -> list[dt.date]:
    """The statutory due dates of an episode by direct arithmetic: the anchor."""
    referral = episode.referral_date
    due = [add_working_days(referral, 1), add_working_days(referral, 45)]
    for enquiry in episode.section47_enquiries:
        discussions = enquiry.strategy_discussions
        start = discussions[0].discussion_date if discussions else enquiry.start_date
        due.append(add_working_days(start, 15))
    for plan in episode.child_protection_plans:
        due.append(add_working_days(plan.start_date, 10))
        previous, months = plan.start_date, 3
        for review in sorted(d for d in plan.review_dates if d <= on):
            due.append(add_months(previous, months))
            previous, months = review, 6
        due.append(add_months(previous, months))
    for period in episode.looked_after_periods:
        due.append(add_working_days(period.start_date, 20))
        previous, months = period.start_date, 3
        for review in sorted(d for d in period.review_dates if d <= on):
            due.append(add_months(previous, months))
            previous, months = review, 6
        due.append(add_months(previous, months))
    return due


def _ours(episodes: list[tuple[Episode, dt.date]]) -> None:
    check = check_journey
    for episode, on in episodes:
        check(episode, on=on)


def _summaries(episodes: list[tuple[Episode, dt.date]]) -> None:
    summarise = summarise_journey
    for episode, on in episodes:
        summarise(episode, on=on)


def _anchor(episodes: list[tuple[Episode, dt.date]]) -> None:
    for episode, on in episodes:
        bare_clocks(episode, on)


def _best_of(repeats: int, run: Callable[[], object]) -> float:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--episodes", type=int, default=100_000, help="episodes generated")
    parser.add_argument("--repeats", type=int, default=3, help="passes; the best is kept")
    parser.add_argument("--seed", type=int, default=20240325, help="random seed")
    args = parser.parse_args(argv)
    count: int = args.episodes

    began = time.perf_counter()
    episodes = generate(count, args.seed)
    generation = time.perf_counter() - began

    reports = [check_journey(e, on=on) for e, on in episodes]
    steps = sum(len(r.steps) for r in reports)
    statuses = dict.fromkeys(StepStatus, 0)
    for report in reports:
        for step in report.steps:
            statuses[step.status] += 1
    inconsistent = sum(1 for r in reports if r.inconsistencies)

    ours = _best_of(args.repeats, partial(_ours, episodes)) / count * 1e6
    summaries = _best_of(args.repeats, partial(_summaries, episodes)) / count * 1e6
    anchor = _best_of(args.repeats, partial(_anchor, episodes)) / count * 1e6
    print(
        f"Python {platform.python_version()}; {count:,} episodes generated in "
        f"{generation:.1f} s ({generation / count * 1e6:.0f} us each); best of {args.repeats}"
    )
    print(
        f"{steps:,} steps ({steps / count:.1f} per episode): "
        + ", ".join(f"{s.value} {n:,}" for s, n in statuses.items())
        + f"; {inconsistent:,} episodes with inconsistencies"
    )
    header = f"{'loop':<44} {'us/episode':>11} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    print(f"{'check_journey (ours)':<44} {ours:>11.1f} {ours / anchor:>7.2f}")
    label = "summarise_journey (ours, for counting)"
    print(f"{label:<44} {summaries:>11.1f} {summaries / anchor:>7.2f}")
    print(f"{'bare clocks: add_working_days/add_months':<44} {anchor:>11.1f} {1.0:>7.2f}")
    print(f"check_journey over {count:,} episodes: {ours * count / 1e6:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
