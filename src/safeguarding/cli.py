"""The ``safeguarding`` command.

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
