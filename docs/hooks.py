"""MkDocs hook: fills the rules table page from the package's rule registry."""

from __future__ import annotations

from typing import Any

from safeguarding.cli import format_markdown
from safeguarding.rules import rule_table

PLACEHOLDER = "<!-- rules-table -->"


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace the placeholder with the generated table."""
    if PLACEHOLDER in markdown:
        return markdown.replace(PLACEHOLDER, format_markdown(rule_table()))
    return markdown
