"""Invariants of the case-review engine, and checks of its Hypothesis strategies."""

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.calendar import ENGLAND_AND_WALES
from safeguarding.decisions import Deadline
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.reviews.case_reviews import (
    PanelPerformance,
    ReviewDecision,
    assess_incident,
    panel_performance,
)
from safeguarding.reviews.duties import DutyKind, DutyStatus
from safeguarding.reviews.incidents import Incident, Residence, ReviewCase
from safeguarding.reviews.notifications import NotificationRegime
from safeguarding.rules import all_rules
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._reviews import (
    STRATEGIES,
    incidents,
    local_partnerships,
    panel_performances,
    review_actions,
    review_cases,
    review_dates,
    review_procedures,
    review_tally_calls,
)

K = DutyKind
S = DutyStatus
RULE_KEYS = {rule.key for rule in all_rules()}


@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=lambda m: m.__name__)
@given(data=st.data())
def test_strategies_draw_valid_models_that_round_trip(model: type[Any], data: st.DataObject):
    obj = data.draw(STRATEGIES[model]())
    assert isinstance(obj, model)
    assert attrs.evolve(obj) == obj  # every validator and cross-field check runs again
    text = to_json(obj)
    json.loads(text)
    assert from_json(text, model) == obj


@given(case=review_cases(), partnership=local_partnerships(), procedures=review_procedures())
def test_deadlines_never_precede_awareness(case: ReviewCase, partnership, procedures):
    decision = assess_incident(
        case.incident, partnership=partnership, actions=case.actions, procedures=procedures
    )
    aware_on = case.incident.aware_on
    for deadline in decision.deadlines:
        assert deadline.started >= aware_on
        assert deadline.due >= aware_on


@given(incident=incidents(), partnership=local_partnerships())
def test_no_death_and_no_serious_harm_never_triggers_a_notification(incident, partnership):
    unharmed = attrs.evolve(
        incident,
        death_date=None,
        age_at_death=None,
        seriously_harmed=False,
        harm_indicators=frozenset(),
    )
    decision = assess_incident(unharmed, partnership=partnership)
    for kind in (
        K.NOTIFY_OFSTED_AND_LSCB,
        K.NOTIFY_PANEL,
        K.NOTIFY_SECRETARY_OF_STATE_AND_OFSTED,
        K.INFORM_SAFEGUARDING_PARTNERS,
        K.RAPID_REVIEW,
    ):
        assert decision.status(kind) is S.NOT_REQUIRED
    assert decision.status(K.LOCAL_PRACTICE_REVIEW) is S.NOT_REQUIRED
    assert decision.status(K.SERIOUS_CASE_REVIEW) is S.NOT_REQUIRED
    assert not decision.duty(K.NOTIFY_PANEL).deadlines


@given(case=review_cases(), partnership=local_partnerships(), procedures=review_procedures())
def test_every_duty_carries_a_source(case: ReviewCase, partnership, procedures: Procedures):
    decision = assess_incident(
        case.incident, partnership=partnership, actions=case.actions, procedures=procedures
    )
    assert [duty.kind for duty in decision.duties] == list(DutyKind)
    assert decision.findings
    for duty in decision.duties:
        assert duty.findings, duty.kind
        for finding in duty.findings:
            assert finding.source.instrument.strip()
            assert finding.source.provision.strip()
        for deadline in duty.deadlines:
            assert isinstance(deadline, Deadline)
            assert deadline.rule_key in RULE_KEYS
        assert duty.explain().startswith(duty.kind.value)
    assert decision.explain().count("\n") > len(decision.duties)
    # A local rapid-review anchor in force is cited, by its own document, in the duty.
    anchor = procedures.override("reviews.rapid_review_anchor")
    rapid = decision.duty(K.RAPID_REVIEW)
    clock = [f for f in rapid.findings if f.criterion.startswith("the event the rapid-review")]
    needed = rapid.status is not S.NOT_REQUIRED
    if anchor is not None and needed and anchor.in_force_from <= case.incident.aware_on:
        assert [f.source for f in clock] == [anchor.source]
    else:
        assert not clock


@given(case=review_cases(), partnership=local_partnerships())
def test_procedures_that_set_nothing_change_nothing(case: ReviewCase, partnership):
    plain = Procedures(name="Anytown procedures", calendar=ENGLAND_AND_WALES)
    national = assess_incident(case.incident, partnership=partnership, actions=case.actions)
    assert national == assess_incident(
        case.incident, partnership=partnership, actions=case.actions, procedures=NATIONAL
    )
    assert national == assess_incident(
        case.incident, partnership=partnership, actions=case.actions, procedures=plain
    )


@given(
    incident=incidents(),
    partnership=local_partnerships(),
    order=st.randoms(use_true_random=False),
)
def test_the_result_does_not_depend_on_the_order_of_the_facts(incident, partnership, order):
    facts = attrs.asdict(incident, recurse=False)
    names = list(facts)
    order.shuffle(names)
    indicators = list(incident.harm_indicators)
    order.shuffle(indicators)
    shuffled = {name: facts[name] for name in names}
    shuffled["harm_indicators"] = indicators  # a list in another order
    again = Incident(**shuffled)
    assert again == incident
    assert assess_incident(again, partnership=partnership) == assess_incident(
        incident, partnership=partnership
    )


@given(
    cases=st.lists(review_cases(), max_size=3),
    partnership=local_partnerships(),
    on=review_dates(),
    order=st.randoms(use_true_random=False),
)
def test_panel_measures_do_not_depend_on_case_order_and_add_up(cases, partnership, on, order):
    whole = panel_performance(cases, partnership=partnership, on=on)
    shuffled = list(cases)
    order.shuffle(shuffled)
    assert panel_performance(shuffled, partnership=partnership, on=on) == whole
    half = len(cases) // 2
    first = panel_performance(cases[:half], partnership=partnership, on=on, procedures=NATIONAL)
    second = panel_performance(cases[half:], partnership=partnership, on=on)
    assert first + second == whole
    assert whole.incidents_considered == len(cases)


@given(a=panel_performances(), b=panel_performances(), c=panel_performances())
def test_panel_measures_merge_associatively(a, b, c):
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a
    assert PanelPerformance.from_tally(a.to_tally()) == a
    assert (a + b).to_tally() == a.to_tally() + b.to_tally()
    empty = PanelPerformance(
        incidents_considered=0,
        notifications_required=0,
        notifications_made=0,
        notifications_in_time=0,
        rapid_reviews_required=0,
        rapid_reviews_completed=0,
        rapid_reviews_in_time=0,
    )
    assert a + empty == a


@given(case=review_cases(), partnership=local_partnerships(), procedures=review_procedures())
def test_a_panel_notification_always_brings_a_rapid_review(case, partnership, procedures):
    decision = assess_incident(
        case.incident, partnership=partnership, actions=case.actions, procedures=procedures
    )
    if decision.notification_regime is NotificationRegime.PANEL:
        assert decision.status(K.RAPID_REVIEW) is decision.status(K.NOTIFY_PANEL)
        assert decision.status(K.NOTIFY_OFSTED_AND_LSCB) is S.NOT_REQUIRED
    else:
        assert decision.status(K.RAPID_REVIEW) is S.NOT_REQUIRED
        assert decision.status(K.NOTIFY_PANEL) is S.NOT_REQUIRED
    # The local review decision is never an obligation (reg 11).
    assert decision.status(K.LOCAL_PRACTICE_REVIEW) is not S.REQUIRED
    # A regime has exactly one live review duty kind.
    assert S.NOT_REQUIRED in (
        decision.status(K.SERIOUS_CASE_REVIEW),
        decision.status(K.LOCAL_PRACTICE_REVIEW),
    )


@given(case=review_cases(), partnership=local_partnerships())
def test_child_death_review_exactly_for_deaths_under_18_linked_to_the_area(case, partnership):
    decision = assess_incident(case.incident, partnership=partnership)
    incident = case.incident
    child_death = incident.age_at_death is not None and incident.age_at_death < 18
    if not child_death:
        assert decision.status(K.CHILD_DEATH_REVIEW) is S.NOT_REQUIRED
    elif incident.residence is Residence.IN_AREA:
        assert decision.status(K.CHILD_DEATH_REVIEW) is S.REQUIRED
    elif incident.residence is None:
        # Where the child lived is not yet known: cannot decide yet.
        assert decision.status(K.CHILD_DEATH_REVIEW) is S.UNDETERMINED
    elif incident.place is None:
        # Lived elsewhere, died not yet known where: the area where the child died may
        # review (from 29 June 2018), so this area's part cannot be decided yet, or is none.
        assert decision.status(K.CHILD_DEATH_REVIEW) in (S.UNDETERMINED, S.NOT_REQUIRED)
    else:
        assert decision.status(K.CHILD_DEATH_REVIEW) is not S.UNDETERMINED
    if incident.age_at_death is None or incident.age_at_death < 16:
        assert decision.status(K.DOMESTIC_HOMICIDE_REVIEW) is S.NOT_REQUIRED
    if incident.age_at_death is None or incident.age_at_death < 18:
        assert decision.status(K.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW) is S.NOT_REQUIRED
        assert decision.status(K.SAFEGUARDING_ADULTS_REVIEW) is S.NOT_REQUIRED


@given(decision=STRATEGIES[ReviewDecision]())
def test_decisions_list_each_kind_once(decision: ReviewDecision):
    assert len({duty.kind for duty in decision.duties}) == len(decision.duties)
    assert set(decision.applicable) <= set(decision.duties)


@given(day=review_dates(dt.date(2018, 6, 1), dt.date(2018, 7, 31)))
def test_review_dates_respect_bounds(day):
    assert dt.date(2018, 6, 1) <= day <= dt.date(2018, 7, 31)


@given(day=review_dates(dt.date(2021, 3, 2), dt.date(2021, 3, 3)))
def test_review_dates_without_a_change_nearby(day):
    assert day in (dt.date(2021, 3, 2), dt.date(2021, 3, 3))


@given(actions=review_actions(aware_on=dt.date(2020, 1, 1)))
def test_review_actions_follow_awareness(actions):
    for name in ("notified_on", "rapid_review_completed_on", "published_on"):
        value = getattr(actions, name)
        assert value is None or value >= dt.date(2020, 1, 1)


def test_strategy_arguments_are_checked():
    with pytest.raises(InvalidArgument):
        review_tally_calls(max_cases=-1)
    with pytest.raises(InvalidArgument):
        review_dates(dt.date(2020, 1, 2), dt.date(2020, 1, 1))
    with pytest.raises(InvalidArgument):
        review_dates(dt.datetime(2020, 1, 1), dt.date(2020, 1, 2))
    with pytest.raises(InvalidArgument):
        incidents(min_aware=dt.date(2020, 1, 2), max_aware=dt.date(2020, 1, 1))
    with pytest.raises(InvalidArgument):
        review_actions(aware_on="2020-01-01")  # type: ignore[arg-type]
