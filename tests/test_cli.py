import json
import runpy
import sys

import attrs
import pytest

from safeguarding.cli import format_markdown, format_text, main
from safeguarding.rules import all_rules, rule_table


def test_rules_prints_every_rule(capsys: pytest.CaptureFixture[str]):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    for column in ("key", "value", "in force from", "source", "status"):
        assert column in header
    for rule in all_rules():
        assert rule.key in out
    assert f"{len(rule_table())} rule version(s)." in out


def test_rules_json_and_markdown(capsys: pytest.CaptureFixture[str]):
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["key"] for row in rows} == {rule.key for rule in all_rules()}
    assert all(row["source"]["status"] in {"primary", "secondary", "unverified"} for row in rows)
    assert main(["rules", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| key | value |")
    assert "](https://" in out


def test_rules_on_a_date(capsys: pytest.CaptureFixture[str]):
    assert main(["rules", "--on", "1970-06-01", "--format", "json"]) == 0
    keys = {row["key"] for row in json.loads(capsys.readouterr().out)}
    assert "people.attaining_age" in keys
    assert "calendar.working_day" not in keys  # the calendar starts in 1995


@pytest.mark.parametrize("bad", ["2020-1-1", "01/01/2020", "2020-02-30", "yesterday"])
def test_rules_rejects_a_bad_date(bad: str, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as info:
        main(["rules", "--on", bad])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_text_table_shortens_long_cells():
    text = format_text(rule_table(), width=20)
    assert "…" in text
    # Six columns of at most 20 characters, separated by two spaces.
    assert all(len(line) <= 6 * 20 + 5 * 2 for line in text.splitlines())


def test_markdown_escapes_pipes():
    row = rule_table()[0]
    piped = attrs.evolve(row, value="a | b")
    assert "a \\| b" in format_markdown([piped])


def test_python_dash_m(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(sys, "argv", ["safeguarding", "rules", "--format", "json"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("safeguarding", run_name="__main__")
    assert info.value.code == 0
    assert json.loads(capsys.readouterr().out)


def test_a_closed_pipe_ends_quietly(monkeypatch):
    import io as _io

    class Closed(_io.StringIO):
        def write(self, _text):
            raise BrokenPipeError

    monkeypatch.setattr("sys.stdout", Closed())
    assert main(["rules"]) == 1


def test_version_is_one_string_everywhere(capsys: pytest.CaptureFixture[str]):
    import importlib.metadata
    import tomllib
    from pathlib import Path

    import safeguarding

    # The installed metadata, the package attribute and the command agree.
    assert importlib.metadata.version("safeguarding") == safeguarding.__version__
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"safeguarding {safeguarding.__version__}\n"
    # ... because the build reads it from the package: pyproject.toml does not repeat it.
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
