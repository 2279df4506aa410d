"""MkDocs hook: fills generated pages from the package (rules table, indicator catalogue)."""

from __future__ import annotations

from typing import Any

from safeguarding.cli import format_markdown
from safeguarding.families import families
from safeguarding.indicators.catalogue import LEWISHAM_TARGETS, all_indicators
from safeguarding.rules import rule_table

RULES = "<!-- rules-table -->"
CATALOGUE_TABLE = "<!-- indicator-catalogue -->"
TARGETS_TABLE = "<!-- lewisham-targets -->"
FAMILIES_TABLE = "<!-- rule-families -->"


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown() -> str:
    """Every indicator of the package (the catalogue first) as a Markdown table."""
    lines = [
        "| key | indicator | formula | kind | polarity | decimals | source | status |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for item in all_indicators():
        source = f"{item.source.instrument}, {item.source.provision}"
        if item.source.url:
            source = f"[{_escape(source)}]({item.source.url})"
        cells = [
            f"`{item.key}`",
            _escape(item.title),
            _escape(item.formula),
            item.kind.value,
            item.polarity.value,
            str(item.decimals),
            source if item.source.url else _escape(source),
            item.source.status.value,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets_markdown() -> str:
    """The Lewisham baselines and targets as a Markdown table."""
    lines = [
        "| key | baseline | target | aim | monitored by |",
        "|---|---|---|---|---|",
    ]
    for item in LEWISHAM_TARGETS:
        goal = "n/a" if item.target is None else f"{item.target:g} ({item.target_period})"
        lines.append(
            f"| `{item.key}` | {item.baseline:g} ({item.baseline_period}) | {goal} | "
            f"{item.aim.value} | {item.monitored_by} |"
        )
    return "\n".join(lines)


def families_markdown() -> str:
    """Every registered rule function, by kind, as a Markdown table."""
    lines = ["| function | kind | rules |", "|---|---|---|"]
    for family in sorted(families(), key=lambda f: (f.kind.value, f.name)):
        path = family.name
        rules = ", ".join(f"`{key}`" for key in family.rules)
        lines.append(f"| [`{path.rsplit('.', 1)[1]}`][{path}] | {family.kind.value} | {rules} |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace the placeholders with the generated tables."""
    if RULES in markdown:
        markdown = markdown.replace(RULES, format_markdown(rule_table()))
    if CATALOGUE_TABLE in markdown:
        markdown = markdown.replace(CATALOGUE_TABLE, catalogue_markdown())
    if FAMILIES_TABLE in markdown:
        markdown = markdown.replace(FAMILIES_TABLE, families_markdown())
    if TARGETS_TABLE in markdown:
        markdown = markdown.replace(TARGETS_TABLE, targets_markdown())
    return markdown
