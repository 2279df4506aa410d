"""One contract for every rule function, run over the registries.

Every function declared with `safeguarding.families` goes through the same checks, so a
new function joins them by registering:

- its signature: keyword-only `on` and `procedures` (NATIONAL by default, or required);
- a timescale: the deadline starts at the clock's start, is never due before it, names
  its rule, cites the national source under national procedures and the local document
  under procedures that set the rule locally, and refuses what is not procedures;
- a set of criteria: an explained decision whose findings each cite their source;
- a measure: a tally of catalogued indicators, one pass over any iterable of records, whose
  tallies of parts add up with `+` to the tally of the whole, whatever the records' order;
- every `is_*` shortcut over facts that may be unknown answers `bool | None`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import safeguarding
from safeguarding import strategies
from safeguarding.calendar import LAST_COVERED
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Decision
from safeguarding.errors import InvalidInputError
from safeguarding.families import Family, Kind, families
from safeguarding.indicators.catalogue import all_indicators
from safeguarding.indicators.definitions import Count, Period, Tally
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import DatedRule, Version, find_rule

LOCAL = Citation(
    instrument="Anytown Safeguarding Partnership procedures",
    provision="timescales",
    url=None,
    status=Verification.PRIMARY,
)
TIMESCALES = families(Kind.TIMESCALE)
CRITERIA = families(Kind.CRITERIA)
MEASURES = families(Kind.MEASURE)
INDICATORS = {item.key: item for item in all_indicators()}
# Starts late enough in the calendar leave room for the longest timescale (a year).
LAST_START = LAST_COVERED - dt.timedelta(days=400)


def test_the_registries_are_not_empty():
    assert TIMESCALES
    assert CRITERIA
    assert MEASURES
    assert all(family.rules for family in families())


@pytest.mark.parametrize("family", families(), ids=lambda family: family.name)
def test_on_and_procedures_are_keyword_only_everywhere(family: Family):
    parameters = inspect.signature(family.function).parameters
    for name in ("on", "procedures"):
        assert name in parameters, name
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, name
    # NATIONAL by default; required where national guidance sets nothing to apply (a
    # continuum of need is always local).
    assert parameters["procedures"].default in {NATIONAL, inspect.Parameter.empty}


def _starts(rule: DatedRule[Any]) -> st.SearchStrategy[dt.date]:
    last = LAST_START if rule.repealed_on is None else min(LAST_START, rule.repealed_on)
    return st.dates(min_value=rule.in_force_from, max_value=last - dt.timedelta(days=1))


@st.composite
def _timescale_calls(draw: st.DrawFn, family: Family) -> tuple[DatedRule[Any], dt.date]:
    rule = find_rule(draw(st.sampled_from(family.rules)))
    assert isinstance(rule, DatedRule)
    return rule, draw(_starts(rule))


@pytest.mark.parametrize("family", TIMESCALES, ids=lambda family: family.name)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_timescale_keeps_the_contract(family: Family, data: st.DataObject):
    _, start = data.draw(_timescale_calls(family))
    national = family.function(start)
    assert isinstance(national, Deadline)
    assert national.started == start
    assert national.due >= start
    assert national.rule_key in family.rules
    own = find_rule(national.rule_key)
    assert isinstance(own, DatedRule)
    assert national.source == own.at(start).source
    # Procedures that set the rule locally (to a value it has had, from before the start):
    # the deadline cites the local document and is counted from the local value.
    value = data.draw(st.sampled_from([version.value for version in own.versions]))
    local = Procedures(
        name="Anytown procedures",
        overrides={
            own.key: Version(in_force_from=start - dt.timedelta(days=1), value=value, source=LOCAL)
        },
    )
    answer = family.function(start, procedures=local)
    assert answer.source == LOCAL
    assert answer == Deadline.from_rule(
        own, start, procedures=local, clock_starts=answer.timescale.clock_starts
    )
    with pytest.raises(InvalidInputError) as caught:
        family.function(start, procedures="national")
    assert caught.value.field == "procedures"


@pytest.mark.parametrize("family", CRITERIA, ids=lambda family: family.name)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_set_of_criteria_explains_itself(family: Family, data: st.DataObject):
    assert family.calls is not None
    args, kwargs = data.draw(getattr(strategies, family.calls)())
    decision = family.function(*args, **kwargs)
    assert isinstance(decision, Decision)
    assert decision.findings
    assert all(isinstance(finding.source, Citation) for finding in decision.findings)
    assert all(finding.met in {True, False, None} for finding in decision.findings)
    assert isinstance(decision.explain(), str)


@pytest.mark.parametrize("family", MEASURES, ids=lambda family: family.name)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_measure_adds_up_over_its_records_in_any_order(family: Family, data: st.DataObject):
    assert family.calls is not None
    (records, *rest), kwargs = data.draw(getattr(strategies, family.calls)())
    records = list(records)

    def tally(items: Any) -> Tally:
        answer = family.function(items, *rest, **kwargs)
        assert isinstance(answer, Tally)
        return answer

    whole = tally(records)
    # Only catalogued indicators, each with a count that gives a value (no part over its whole).
    assert whole.counts
    assert set(whole.counts) <= set(INDICATORS)
    whole.values([INDICATORS[key] for key in whole.counts], period=Period.financial_year(2020))
    # The tallies of the parts add up to the tally of the whole.
    cut = data.draw(st.integers(min_value=0, max_value=len(records)))
    assert tally(records[:cut]) + tally(records[cut:]) == whole
    # The order of the records does not matter, and one pass over a generator is enough.
    assert tally(data.draw(st.permutations(records))) == whole
    assert tally(record for record in records) == whole
    # No records: every indicator counted, as zero.
    assert set(tally([]).counts.values()) == {Count()}


# Shortcuts over facts that cannot be unknown: a date is a working day or not; visits are
# counted (an int each), so a regular attendee is decided from them.
_TWO_VALUED = {"is_working_day", "is_regular_attendee"}


def _shortcuts() -> list[tuple[str, Any]]:
    found = {}
    for name in ("lado", "private_fostering", "reviews", "thresholds"):
        package = importlib.import_module(f"safeguarding.{name}")
        for item in package.__all__:
            function = getattr(package, item)
            if item.startswith("is_") and inspect.isfunction(function):
                found[f"{name}.{item}"] = function
    found.update(
        {
            f"safeguarding.{n}": getattr(safeguarding, n)
            for n in safeguarding.__all__
            if n.startswith("is_")
        }
    )
    return sorted(found.items())


@pytest.mark.parametrize(
    ("name", "function"), [pytest.param(name, function, id=name) for name, function in _shortcuts()]
)
def test_every_shortcut_may_answer_cannot_decide(name: str, function: Any):
    answer = typing.get_type_hints(function)["return"]
    if function.__name__ in _TWO_VALUED:
        assert answer is bool
    else:
        assert answer == bool | None, name
