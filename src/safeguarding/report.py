"""The indicator pack: DfE measures, statutory timelines and data quality from census files.

:func:`build_pack` reads one or more CIN census files (streaming, one child
at a time), counts the DfE children-in-need measures
(:func:`safeguarding.indicators.dfe.tally_records`), checks every episode's
statutory clocks (:func:`safeguarding.thresholds.journey.check_journey`) as at
the last day of the reporting year, and counts what could not be read. Each
file gives a :class:`PackPart`; parts merge with ``+`` (per file, in parallel
processes if asked), so the pack of several files equals the pack of one file
holding the same children. The population (children under 18) is added once,
after the merge, as the denominator of the rates.

The timeline summary counts the statutory steps whose due date falls in the
reporting year, by step and status (on time, late, overdue, not yet due,
unknown) as at the year's last day.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO

import attrs

from safeguarding._validate import check_int, is_instance, is_int, is_tuple_of
from safeguarding.cases import ChildRecord
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.catalogue import DFE_MEASURES
from safeguarding.indicators.definitions import (
    Count,
    IndicatorValue,
    Kind,
    Period,
    Tally,
    to_records,
)
from safeguarding.indicators.dfe import dfe_values, tally_records
from safeguarding.io.cin_census import Severity, read_census
from safeguarding.thresholds.journey import StepKind, StepStatus, check_journey

__all__ = [
    "Pack",
    "PackPart",
    "build_pack",
    "format_csv",
    "format_json",
    "format_table",
    "read_part",
]

Source = str | Path | bytes | BinaryIO


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise InvalidInputError("counts", "must be a dict of counts")
    return dict(sorted(value.items()))


@attrs.frozen(kw_only=True)
class PackPart:
    """What one file (or a group of files) contributes to a pack; adds up with ``+``.

    Attributes:
        tally: The DfE measures' counts (rates without their population).
        steps: Count of statutory steps due in the year, keyed ``"<step>|<status>"``.
        problems: Count of reading problems, keyed by severity.
        inconsistencies: Episodes' recorded dates that contradict each other.
        children: Children read.
        episodes: Episodes checked.
    """

    tally: Tally = attrs.field(factory=Tally, validator=is_instance(Tally))
    steps: dict[str, int] = attrs.field(factory=dict, converter=_counts, hash=False)
    problems: dict[str, int] = attrs.field(factory=dict, converter=_counts, hash=False)
    inconsistencies: int = attrs.field(default=0, validator=is_int(minimum=0))
    children: int = attrs.field(default=0, validator=is_int(minimum=0))
    episodes: int = attrs.field(default=0, validator=is_int(minimum=0))

    def __add__(self, other: PackPart) -> PackPart:
        """Sum every count."""
        if not isinstance(other, PackPart):
            return NotImplemented
        return PackPart(
            tally=self.tally + other.tally,
            steps=dict(Counter(self.steps) + Counter(other.steps)),
            problems=dict(Counter(self.problems) + Counter(other.problems)),
            inconsistencies=self.inconsistencies + other.inconsistencies,
            children=self.children + other.children,
            episodes=self.episodes + other.episodes,
        )


def read_part(source: Source, *, period: Period) -> PackPart:
    """Read one census file and count what it contributes to the pack for *period*.

    Args:
        source: A path, the file's bytes, or a binary file object.
        period: The reporting year.

    Returns:
        The file's :class:`PackPart` (rates without population).
    """
    reading = read_census(source)
    steps: Counter[str] = Counter()
    totals = {"inconsistencies": 0, "episodes": 0}

    def records() -> Iterator[ChildRecord]:
        for record in reading:
            for episode in record.episodes:
                totals["episodes"] += 1
                report = check_journey(episode, on=period.end)
                totals["inconsistencies"] += len(report.inconsistencies)
                for step in report.steps:
                    due = step.due
                    if due is not None and period.contains(due):
                        steps[f"{step.kind.value}|{step.status.value}"] += 1
            yield record

    tally = tally_records(records(), period=period)
    problems = Counter(problem.severity.value for problem in reading.problems)
    return PackPart(
        tally=tally,
        steps=dict(steps),
        problems=dict(problems),
        inconsistencies=totals["inconsistencies"],
        children=reading.children_read,
        episodes=totals["episodes"],
    )


@attrs.frozen(kw_only=True)
class Pack:
    """The indicator pack for an area and a year.

    Attributes:
        period: The reporting year.
        population: Children under 18 in the area, or ``None`` (rates then have no value).
        part: The merged counts.
        values: The DfE measures' values with their 95% intervals.
    """

    period: Period = attrs.field(validator=is_instance(Period))
    population: int | None = attrs.field(validator=attrs.validators.optional(is_int(minimum=0)))
    part: PackPart = attrs.field(validator=is_instance(PackPart))
    values: tuple[IndicatorValue, ...] = attrs.field(validator=is_tuple_of(IndicatorValue))

    @classmethod
    def from_part(cls, part: PackPart, *, period: Period, population: int | None = None) -> Pack:
        """The pack of merged counts: adds the population and computes the measures.

        Args:
            part: The merged counts of every file.
            period: The reporting year.
            population: Children under 18 in the whole area, or ``None``.

        Returns:
            The :class:`Pack`.

        Raises:
            InvalidInputError: bad part or population.
        """
        if not isinstance(part, PackPart):
            raise InvalidInputError("part", "must be a PackPart")
        if population is not None:
            check_int("population", population, minimum=0)
        values = dfe_values(_with_population(part.tally, population), period=period)
        return cls(period=period, population=population, part=part, values=values)

    @property
    def errors(self) -> int:
        """Reading problems that lost data (records or values left out)."""
        return self.part.problems.get(Severity.ERROR.value, 0)


def _with_population(tally: Tally, population: int | None) -> Tally:
    if population is None:
        return tally
    rates = {
        item.key: Count(denominator=population) for item in DFE_MEASURES if item.kind is Kind.RATE
    }
    return tally + Tally(counts=rates)


def _read(args: tuple[Source, Period]) -> PackPart:
    return read_part(args[0], period=args[1])


def build_pack(
    sources: Sequence[Source],
    *,
    period: Period,
    population: int | None = None,
    jobs: int = 1,
) -> Pack:
    """Build the pack from census files, merging one part per file.

    Args:
        sources: The census files (paths, bytes or binary file objects).
        period: The reporting year.
        population: Children under 18 in the whole area, or ``None``.
        jobs: Processes to read files in parallel (paths only when above 1).

    Returns:
        The :class:`Pack`.

    Raises:
        InvalidInputError: no sources, bad population or jobs.
    """
    if not sources:
        raise InvalidInputError("sources", "give at least one census file")
    if population is not None:
        check_int("population", population, minimum=0)
    check_int("jobs", jobs, minimum=1)
    tasks = [(source, period) for source in sources]
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts: Iterable[PackPart] = list(pool.map(_read, tasks))
    else:
        parts = [_read(task) for task in tasks]
    merged = sum(parts, PackPart())
    return Pack.from_part(merged, period=period, population=population)


def _interval(value: IndicatorValue) -> str:
    if value.interval is None:
        return ""
    places = value.decimals
    return f"{value.interval.lower:.{places}f} to {value.interval.upper:.{places}f}"


def format_table(pack: Pack) -> str:
    """A plain-text report a partnership manager can read."""
    population = (
        "not given (rates need --population)" if pack.population is None else f"{pack.population:,}"
    )
    period = pack.period
    title = f"Children in need indicator pack, {period.label}"
    span = f"({period.start.isoformat()} to {period.end.isoformat()})"
    read = f"Children read: {pack.part.children:,}; episodes: {pack.part.episodes:,}"
    lines = [
        f"{title} {span}",
        f"{read}; population under 18: {population}",
        "",
        f"{'measure':<74} {'value':>8} {'numerator':>10} {'denominator':>12}  95% interval",
    ]
    lines.extend(
        f"{value.title[:74]:<74} {value.formatted():>8} {value.numerator:>10,} "
        f"{value.denominator:>12,}  {_interval(value)}"
        for value in pack.values
    )
    lines += ["", "Statutory timeline: steps due in the year, as at " + pack.period.end.isoformat()]
    statuses = [status.value for status in StepStatus]
    lines.append(f"{'step':<40}" + "".join(f"{s:>13}" for s in statuses))
    for kind in StepKind:
        row = [pack.part.steps.get(f"{kind.value}|{status}", 0) for status in statuses]
        if any(row):
            lines.append(f"{kind.value:<40}" + "".join(f"{n:>13,}" for n in row))
    lines += [
        "",
        "Data quality",
        f"  records or values that could not be read (errors): {pack.errors:,}",
        f"  warnings (skipped text or unknown elements): {pack.part.problems.get('warning', 0):,}",
        f"  contradictory dates found in episodes: {pack.part.inconsistencies:,}",
    ]
    return "\n".join(lines)


def format_json(pack: Pack) -> str:
    """The pack as JSON: the measures as records, the timeline and data-quality counts."""
    return json.dumps(
        {
            "period": pack.period.label,
            "population": pack.population,
            "children": pack.part.children,
            "episodes": pack.part.episodes,
            "measures": to_records(pack.values),
            "timeline": pack.part.steps,
            "problems": pack.part.problems,
            "inconsistencies": pack.part.inconsistencies,
        },
        indent=2,
    )


def format_csv(pack: Pack) -> str:
    """The measures as CSV, one row each."""
    records = to_records(pack.values)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()
