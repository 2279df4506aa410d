import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Citation, Verification
from safeguarding.decisions import (
    Deadline,
    DeadlineStatus,
    Decision,
    Finding,
    Timescale,
    Unit,
)
from safeguarding.errors import InvalidInputError
from safeguarding.strategies import calendar_dates, deadlines

D = dt.date
SRC = Citation(instrument="Guidance", provision="para 1", url=None, status=Verification.SECONDARY)
WD15 = Timescale(amount=15, unit=Unit.WORKING_DAYS, clock_starts="strategy discussion")


def deadline() -> Deadline:
    return Deadline(
        due=D(2025, 1, 14), started=D(2024, 12, 19), timescale=WD15, source=SRC, rule_key="x.y"
    )


@pytest.mark.parametrize(
    ("on", "completed", "status"),
    [
        (D(2025, 1, 13), None, DeadlineStatus.NOT_YET_DUE),
        (D(2025, 1, 14), None, DeadlineStatus.DUE),
        (D(2025, 1, 15), None, DeadlineStatus.OVERDUE),
        (D(2025, 1, 15), D(2025, 1, 14), DeadlineStatus.MET),
        (D(2025, 1, 14), D(2024, 12, 19), DeadlineStatus.MET),
        (D(2025, 1, 20), D(2025, 1, 15), DeadlineStatus.MET_LATE),
        # A completion after the day asked about is not known yet on that day.
        (D(2025, 1, 10), D(2025, 1, 12), DeadlineStatus.NOT_YET_DUE),
        (D(2025, 1, 15), D(2025, 1, 16), DeadlineStatus.OVERDUE),
    ],
)
def test_status(on, completed, status):
    assert deadline().status(on=on, completed=completed) is status


def test_status_rejects_bad_input():
    with pytest.raises(InvalidInputError, match="completed"):
        deadline().status(on=D(2025, 1, 20), completed=D(2024, 12, 18))
    with pytest.raises(InvalidInputError, match="on"):
        deadline().status(on="2025-01-20")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="completed"):
        deadline().status(on=D(2025, 1, 20), completed=dt.datetime(2025, 1, 1))


def test_deadline_explains_itself():
    text = deadline().explain()
    assert text.startswith("Due 2025-01-14: 15 working days after the strategy discussion")
    assert "day 0" in text
    assert "Guidance, para 1 [secondary]" in text
    months = Deadline(
        due=D(2025, 4, 11),
        started=D(2025, 1, 11),
        timescale=Timescale(amount=3, unit=Unit.MONTHS, clock_starts="initial conference"),
        source=SRC,
        rule_key="x.y",
    )
    assert "day 0" not in months.explain()
    assert "3 months after the initial conference" in months.explain()


def test_timescale_describe_singular():
    assert Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts="referral").describe() == (
        "1 working day after the referral"
    )
    assert Timescale(amount=1, unit=Unit.MONTHS, clock_starts="x").describe() == (
        "1 month after the x"
    )


def test_deadline_cannot_precede_its_start():
    with pytest.raises(InvalidInputError) as info:
        Deadline(due=D(2024, 1, 1), started=D(2024, 1, 2), timescale=WD15, source=SRC, rule_key="k")
    assert info.value.field == "due"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"amount": -1}, "amount"),
        ({"amount": True}, "amount"),
        ({"unit": "working days"}, "unit"),
        ({"clock_starts": ""}, "clock_starts"),
    ],
)
def test_timescale_validation(kwargs, field):
    base = {"amount": 1, "unit": Unit.WORKING_DAYS, "clock_starts": "referral"}
    with pytest.raises(InvalidInputError) as info:
        Timescale(**{**base, **kwargs})
    assert info.value.field == field


def test_findings_and_decisions_explain():
    findings = (
        Finding(criterion="age", met=True, detail="The child is 15.", source=SRC),
        Finding(criterion="relative", met=None, detail="Not known.", source=SRC),
        Finding(criterion="duration", met=False, detail="Under 28 days.", source=SRC),
    )
    decision = Decision(outcome=DeadlineStatus.MET, findings=findings, rule_version="WT2018")
    lines = decision.explain().splitlines()
    assert lines[0] == "Outcome: met (applying WT2018)"
    assert lines[1].startswith("- [met] age: The child is 15.")
    assert lines[2].startswith("- [unknown] relative")
    assert lines[3].startswith("- [not met] duration")
    assert decision.undecided == (findings[1],)
    assert Decision(outcome=False, findings=(), rule_version="v").explain() == (
        "Outcome: False (applying v)"
    )


def test_finding_and_decision_validation():
    with pytest.raises(InvalidInputError, match="met"):
        Finding(criterion="a", met="yes", detail="d", source=SRC)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="source"):
        Finding(criterion="a", met=True, detail="d", source="Act")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"findings\[0\]"):
        Decision(outcome=True, findings=("x",), rule_version="v")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="findings"):
        Decision(outcome=True, findings=[], rule_version="v")  # type: ignore[arg-type]


@given(d=deadlines(), on=calendar_dates(), done=st.one_of(st.none(), calendar_dates()))
def test_status_is_consistent(d: Deadline, on: dt.date, done: dt.date | None):
    if done is not None and done < d.started:
        with pytest.raises(InvalidInputError):
            d.status(on=on, completed=done)
        return
    status = d.status(on=on, completed=done)
    if done is not None and done <= on:
        assert status in {DeadlineStatus.MET, DeadlineStatus.MET_LATE}
        assert (status is DeadlineStatus.MET) == (done <= d.due)
    else:
        expected = {
            -1: DeadlineStatus.NOT_YET_DUE,
            0: DeadlineStatus.DUE,
            1: DeadlineStatus.OVERDUE,
        }
        assert status is expected[(on > d.due) - (on < d.due)]


@pytest.mark.parametrize(
    ("unit", "amount", "due"),
    [
        # Row W45 of tests/data/indicator_reference_values.md: Christmas, Boxing Day and New
        # Year's Day skipped.
        (Unit.WORKING_DAYS, 15, D(2025, 1, 14)),
        (Unit.CALENDAR_DAYS, 14, D(2025, 1, 2)),
        (Unit.WEEKS, 6, D(2025, 1, 30)),
        (Unit.MONTHS, 3, D(2025, 3, 19)),
        (Unit.YEARS, 10, D(2034, 12, 19)),
    ],
)
def test_timescale_due_by_unit(unit, amount, due):
    assert Timescale(amount=amount, unit=unit, clock_starts="x").due(D(2024, 12, 19)) == due


def test_deadline_from_rule():
    from safeguarding.rules import DatedRule, Version

    rule = DatedRule(
        key="example.icpc",
        title="Example",
        versions=(Version(in_force_from=D(2018, 7, 4), value=WD15, source=SRC),),
    )
    deadline = Deadline.from_rule(rule, D(2024, 12, 19))
    assert deadline.due == D(2025, 1, 14)
    assert deadline.rule_key == "example.icpc"
    other = Deadline.from_rule(
        rule, D(2024, 12, 19), on=D(2020, 1, 1), clock_starts="first discussion"
    )
    assert other.timescale.clock_starts == "first discussion"
    with pytest.raises(InvalidInputError, match="started"):
        Deadline.from_rule(rule, "2024-12-19")  # type: ignore[arg-type]
