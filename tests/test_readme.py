"""The README's two set-up commands, and CI running exactly the second."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.*?)\n```", text, flags=re.DOTALL)[:2]


def test_the_first_command_runs_the_report_on_the_embedded_sample():
    first, _ = commands()
    assert first.startswith("python3 -m venv .venv")
    assert first.endswith(".venv/bin/safeguarding report")


def test_ci_runs_exactly_the_readme_test_command():
    _, second = commands()
    assert second == "bash scripts/test.sh"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec bash scripts/test.sh" in ci
