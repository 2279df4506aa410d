"""The ``safeguarding`` command.

``safeguarding report FILES ...`` prints the indicator pack from CIN census
files: the DfE measures with their intervals (compared with ``--benchmark``
and ``--target`` values when given), the statutory-timeline summary and the
data-quality findings, as a table, JSON or CSV; ``--chart PATH.png`` draws the
funnel and trend charts; ``--jobs N`` reads files in parallel processes. With
no file it reports on the embedded synthetic sample (2,400 children, 2023-24)
against Lewisham's published targets. Exit status: 0 when every record was
read, 1 when data problems were reported (records or values left out, or a
file that is not well-formed or safe XML), 2 for a usage error.

``safeguarding rules`` prints every encoded rule: its key, value, the date it
came into force, its source and how that source was verified. ``--on DATE``
shows only the versions in force on that date; ``--format`` chooses a text
table, Markdown or JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

import safeguarding
from safeguarding.rules import RuleRow, rule_table

__all__ = ["ProgressBar", "main"]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(text: str) -> dt.date:
    message = "expected a date as YYYY-MM-DD"
    if _ISO_DATE.fullmatch(text) is None:
        raise argparse.ArgumentTypeError(message)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message) from None


def _cells(row: RuleRow) -> list[str]:
    source = row.source
    where = f"{source.instrument}, {source.provision}"
    return [
        row.key,
        row.value,
        row.in_force_from.isoformat(),
        row.until.isoformat() if row.until else "",
        where,
        source.status.value,
    ]


_HEADERS = ["key", "value", "in force from", "until", "source", "status"]


def format_text(rows: Sequence[RuleRow], *, width: int = 60) -> str:
    """A plain-text table; long cells are shortened to *width* characters."""

    def cut(cell: str) -> str:
        return cell if len(cell) <= width else cell[: width - 1] + "…"

    table = [_HEADERS, *([cut(c) for c in _cells(row)] for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(_HEADERS))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def format_markdown(rows: Sequence[RuleRow]) -> str:
    """A Markdown table with the full text of each cell and a link to each source."""

    def escape(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    for row in rows:
        cells = [escape(c) for c in _cells(row)]
        if row.source.url:
            cells[4] = f"[{cells[4]}]({row.source.url})"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_json(rows: Sequence[RuleRow]) -> str:
    """JSON: a list of rows, as [`safeguarding.serialization.to_json`][] writes them."""
    from safeguarding.serialization import make_converter  # noqa: PLC0415 - only for JSON

    return json.dumps(make_converter().unstructure(list(rows)), indent=2, ensure_ascii=False)


def _rules(args: argparse.Namespace) -> int:
    rows = rule_table(on=args.on)
    formatter = {"text": format_text, "markdown": format_markdown, "json": format_json}
    sys.stdout.write(formatter[args.format](rows) + "\n")
    if args.format == "text":
        sys.stdout.write(f"\n{len(rows)} rule version(s).\n")
    return 0


class ProgressBar:
    """A one-line progress bar, drawn only once reading has taken more than *delay* seconds.

    Call it with (bytes read, bytes in all files); [`close`][] ends the line
    if anything was drawn.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        delay: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        width: int = 30,
    ) -> None:
        """Draw on *stream* (standard error) after *delay* seconds."""
        self._stream = stream
        self._delay = delay
        self._clock = clock
        self._width = width
        self._start = clock()
        self._last = -1.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar (at most ten times a second, and always at the end)."""
        now = self._clock()
        if now - self._start < self._delay or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        share = min(done / total, 1.0) if total else 1.0
        bar = "#" * int(self._width * share)
        self._stream.write(
            f"\rreading {share:6.1%} [{bar:<{self._width}}] "
            f"{done / 1e6:,.1f} of {total / 1e6:,.1f} MB"
        )
        self._stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the bar's line."""
        if self.drawn:
            self._stream.write("\n")
            self._stream.flush()


def _levels(pairs: Sequence[str], option: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for pair in pairs:
        key, sep, number = pair.partition("=")
        key = key.strip()
        if not key.startswith("dfe."):
            key = f"dfe.{key}"
        try:
            out[key] = float(number) if sep else math.nan
        except ValueError:
            out[key] = math.nan
        if not math.isfinite(out[key]):
            message = f"{option} {pair!r}: expected KEY=NUMBER"
            raise argparse.ArgumentTypeError(message)
    return out


def _show_progress(asked: bool | None) -> bool:
    return sys.stderr.isatty() if asked is None else asked


def _report(args: argparse.Namespace) -> int:  # noqa: C901, PLR0911, PLR0912, PLR0915 - one flow
    from safeguarding.errors import (  # noqa: PLC0415 - only for reports
        InvalidInputError,
        SafeguardingError,
    )
    from safeguarding.indicators.definitions import Period  # noqa: PLC0415 - idem
    from safeguarding.io.cin_census import (  # noqa: PLC0415 - idem
        MalformedCensusError,
        UnsafeXMLError,
        read_census,
    )
    from safeguarding.report import (  # noqa: PLC0415 - idem
        SAMPLE_POPULATION,
        SAMPLE_TARGETS,
        SAMPLE_YEAR,
        Goal,
        build_pack,
        default_jobs,
        draw_charts,
        format_csv,
        format_json,
        format_table,
        sample_census,
    )

    try:
        benchmarks = _levels(args.benchmark, "--benchmark")
        targets: dict[str, Goal] = dict(_levels(args.target, "--target"))
    except argparse.ArgumentTypeError as exc:
        sys.stderr.write(f"safeguarding report: {exc}\n")
        return 2
    sources: list[Path | bytes]
    if args.files:
        missing = [path for path in args.files if not path.is_file()]
        if missing:
            sys.stderr.write(f"safeguarding report: no such file: {missing[0]}\n")
            return 2
        sources = list(args.files)
        population = args.population
        year = args.year
    else:
        sources = [sample_census()]
        population = SAMPLE_POPULATION if args.population is None else args.population
        year = SAMPLE_YEAR if args.year is None else args.year
        targets = {**SAMPLE_TARGETS, **targets}
        if args.format == "table":
            sys.stdout.write(
                "Embedded sample: a synthetic census of 2,400 children (no real child), "
                f"population {population:,}, Lewisham's targets.\n"
                "Give CIN census files to report on your own: "
                "safeguarding report census.xml --population N\n\n"
            )
    bar = ProgressBar(sys.stderr) if _show_progress(args.progress) else None
    try:
        if year is None:
            reading = read_census(sources[0])
            for _ in reading:
                break
            if reading.header is None or reading.header.reference_date is None:
                sys.stderr.write("safeguarding report: no ReferenceDate in the file; give --year\n")
                return 2
            year = reading.header.reference_date.year - 1
        period = Period.financial_year(year)
        jobs = default_jobs(sources) if args.jobs is None else args.jobs
        pack = build_pack(sources, period=period, population=population, jobs=jobs, progress=bar)
    except (MalformedCensusError, UnsafeXMLError) as exc:
        sys.stderr.write(f"safeguarding report: {exc}\n")
        return 1
    except SafeguardingError as exc:
        sys.stderr.write(f"safeguarding report: {exc}\n")
        return 2
    finally:
        if bar is not None:
            bar.close()
    try:
        formatter = {"table": format_table, "json": format_json, "csv": format_csv}
        sys.stdout.write(
            formatter[args.format](pack, benchmarks=benchmarks, targets=targets) + "\n"
        )
    except InvalidInputError as exc:
        sys.stderr.write(f"safeguarding report: {exc}\n")
        return 2
    invalid = 0
    if args.schema is not None:
        from safeguarding.io.schema import CensusSchema, validate_census  # noqa: PLC0415

        try:
            schema = CensusSchema.load(args.schema)
            invalid = sum(len(validate_census(source, schema)) for source in sources)
        except (OSError, SafeguardingError) as exc:
            sys.stderr.write(f"safeguarding report: --schema: {exc}\n")
            return 2
        sys.stderr.write(f"schema {args.schema.name}: {invalid:,} violation(s)\n")
    if args.chart is not None:
        try:
            funnel, trend = draw_charts(sources, args.chart, period=period)
        except ImportError as exc:
            sys.stderr.write(f"safeguarding report: {exc}\n")
            return 2
        sys.stderr.write(f"charts written: {funnel} and {trend}\n")
    return 1 if pack.errors or invalid else 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected a number of at least 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the ``safeguarding`` command."""
    parser = argparse.ArgumentParser(
        prog="safeguarding",
        description="English child-safeguarding rules, with their sources.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {safeguarding.__version__}"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rules = commands.add_parser("rules", help="print every encoded rule with its source")
    rules.add_argument(
        "--on", type=_iso_date, default=None, help="only the versions in force on this date"
    )
    rules.add_argument(
        "--format", choices=("text", "markdown", "json"), default="text", help="output format"
    )
    rules.set_defaults(handler=_rules)
    report = commands.add_parser(
        "report",
        help="the indicator pack from CIN census files",
    )
    report.add_argument(
        "files",
        nargs="*",
        type=Path,
        help="CIN census XML files (none: the embedded synthetic sample)",
    )
    report.add_argument(
        "--population", type=_positive, default=None, help="children under 18 in the area"
    )
    report.add_argument(
        "--year",
        type=_positive,
        default=None,
        help="reporting year starting 1 April YEAR (default: from the first file's header)",
    )
    report.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format"
    )
    report.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        help="processes reading files (default: every CPU for 8 MB of files or more, else 1)",
    )
    report.add_argument(
        "--benchmark",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a benchmark for a measure (e.g. assessments_within_45_days=85.7); repeatable",
    )
    report.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a target for a measure (e.g. cp_plans_rate=40); repeatable",
    )
    report.add_argument(
        "--chart",
        type=Path,
        default=None,
        metavar="PATH.png",
        help="draw the funnel plot to PATH and the trend chart beside it (needs matplotlib)",
    )
    report.add_argument(
        "--schema",
        type=Path,
        default=None,
        metavar="SCHEMA.xsd",
        help="also check every file against this CIN census schema (violations on stderr count)",
    )
    report.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on standard error (default: when it is a terminal)",
    )
    report.set_defaults(handler=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        status: int = args.handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`safeguarding rules | head`): stop quietly, and keep
        # Python from reporting the same broken pipe again when it flushes at exit.
        with contextlib.suppress(OSError, ValueError):  # stdout may not be a file descriptor
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
