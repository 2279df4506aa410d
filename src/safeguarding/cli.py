"""The ``safeguarding`` command.

``safeguarding report FILES ...`` prints the indicator pack from CIN census
files: the DfE measures with their
intervals, the statutory-timeline summary and the data-quality findings.
Exit status: 0 when every record was read, 1 when data problems were
reported, 2 for a usage error.

``safeguarding rules`` prints every encoded rule: its key, value, the date it
came into force, its source and how that source was verified. ``--on DATE``
shows only the versions in force on that date; ``--format`` chooses a text
table, Markdown or JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from safeguarding.rules import RuleRow, rule_table

__all__ = ["main"]


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
    """JSON: a list of rows, as :func:`safeguarding.serialization.to_json` writes them."""
    from safeguarding.serialization import make_converter  # noqa: PLC0415 - only for JSON

    return json.dumps(make_converter().unstructure(list(rows)), indent=2, ensure_ascii=False)


def _rules(args: argparse.Namespace) -> int:
    rows = rule_table(on=args.on)
    formatter = {"text": format_text, "markdown": format_markdown, "json": format_json}
    sys.stdout.write(formatter[args.format](rows) + "\n")
    if args.format == "text":
        sys.stdout.write(f"\n{len(rows)} rule version(s).\n")
    return 0


def _report(args: argparse.Namespace) -> int:
    from safeguarding.indicators.definitions import Period  # noqa: PLC0415 - only for reports
    from safeguarding.io.cin_census import read_census  # noqa: PLC0415 - idem
    from safeguarding.report import (  # noqa: PLC0415 - idem
        build_pack,
        format_csv,
        format_json,
        format_table,
    )

    sources: list[str | Path | bytes] = list(args.files)
    if not sources:
        sys.stderr.write("safeguarding report: give one or more CIN census files\n")
        return 2
    year = args.year
    if year is None:
        reading = read_census(sources[0])
        for _ in reading:
            break
        if reading.header is None or reading.header.reference_date is None:
            sys.stderr.write("safeguarding report: no ReferenceDate in the file; give --year\n")
            return 2
        year = reading.header.reference_date.year - 1
    pack = build_pack(
        sources, period=Period.financial_year(year), population=args.population, jobs=args.jobs
    )
    formatter = {"table": format_table, "json": format_json, "csv": format_csv}
    sys.stdout.write(formatter[args.format](pack) + "\n")
    return 1 if pack.errors else 0


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
    report.add_argument("files", nargs="*", type=Path, help="CIN census XML files")
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
    report.add_argument("--jobs", type=_positive, default=1, help="processes reading files")
    report.set_defaults(handler=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
