import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from safeguarding.cases import (
    Assessment,
    AssessmentFactor,
    CategoryOfAbuse,
    ChildProtectionPlan,
    ChildRecord,
    CINPlan,
    Disability,
    Episode,
    Ethnicity,
    LookedAfterPeriod,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError
from safeguarding.people import Child
from safeguarding.rules import all_rules
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._cases import (
    EARLIEST_REFERRAL,
    LATEST_REFERRAL,
    STRATEGIES,
    episodes,
    inconsistent_episodes,
)

D = dt.date
# Strategy round trips re-test the strategies, not the rules: at most 100 examples.
CAPPED = settings(max_examples=min(settings().max_examples, 100))
DAY = D(2024, 3, 25)


def bad(value: object) -> Any:
    """A wrongly typed value, passed on purpose."""
    return value


# --------------------------------------------------------------------------- code lists


def rule(key: str):
    return {r.key: r for r in all_rules()}[key]


@pytest.mark.parametrize(
    ("key", "enum", "size"),
    [
        # Sizes counted in the DfE XSD of the 2021-22 census (cin-2022.xsd, liia-tools) and in
        # liia-tools' CIN_schema_2024.xsd (tests/data/peer/liiatools/; Ethnicity: 20 codes;
        # categories NEG PHY EMO SAB MUL, the list DfE validation rule 8905 accepts).
        ("cases.categories_of_abuse", CategoryOfAbuse, 5),
        ("cases.primary_needs", PrimaryNeed, 10),
        ("cases.ethnicities", Ethnicity, 20),
        ("cases.disabilities", Disability, 13),
        ("cases.assessment_factors", AssessmentFactor, 42),  # also the list of DfE rule 8897
    ],
)
def test_code_lists_are_rules_with_every_member(key, enum, size):
    latest = rule(key).versions[-1]
    assert latest.value == tuple(enum)
    assert len(latest.value) == size
    assert latest.source.status is Verification.PRIMARY


def test_codes_added_in_2023_24_are_a_later_secondary_version():
    # CIN census schemas as transcribed by liia-tools (tests/data/peer/liiatools/): 5A-5D and
    # RC1-RC9 in CIN_schema_2024.xsd; CIN_schema_2022.xsd has neither 5D nor RC9.
    sources = rule("cases.referral_sources")
    assert ReferralSource.LA_EARLY_HELP not in sources.at(D(2023, 3, 31)).value
    assert sources.at(D(2023, 4, 1)).value == tuple(ReferralSource)
    assert sources.at(D(2023, 4, 1)).source.status is Verification.SECONDARY
    reasons = rule("cases.reasons_for_closure")
    assert len(reasons.at(D(2022, 1, 1)).value) == 8
    assert (
        reasons.at(D(2024, 1, 1)).value[-1] is ReasonForClosure.CLOSED_AFTER_ASSESSMENT_EARLY_HELP
    )


def test_enum_values_are_census_codes():
    assert CategoryOfAbuse("SAB") is CategoryOfAbuse.SEXUAL
    assert ReferralSource("10") is ReferralSource.UNKNOWN
    assert AssessmentFactor("24A") is AssessmentFactor.CHILD_CRIMINAL_EXPLOITATION
    assert Disability("DDA") is Disability.OTHER


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (
            lambda: Assessment(start_date=DAY, authorisation_date=DAY - dt.timedelta(1)),
            "authorisation_date",
        ),
        (lambda: Assessment(start_date=bad(dt.datetime(2024, 3, 25))), "start_date"),
        (lambda: Assessment(start_date=DAY, factors=bad({AssessmentFactor.MISSING})), "factors"),
        (lambda: Assessment(start_date=DAY, factors=bad(frozenset({"10A"}))), "factors"),
        (lambda: CINPlan(start_date=DAY, end_date=D(2024, 1, 1)), "end_date"),
        (lambda: ChildProtectionPlan(start_date=DAY, end_date=D(2024, 1, 1)), "end_date"),
        (lambda: ChildProtectionPlan(start_date=DAY, previous_plans=-1), "previous_plans"),
        (lambda: ChildProtectionPlan(start_date=DAY, previous_plans=bad(True)), "previous_plans"),
        (
            lambda: ChildProtectionPlan(start_date=DAY, initial_category=bad("NEG")),
            "initial_category",
        ),
        (lambda: ChildProtectionPlan(start_date=DAY, review_dates=bad([DAY])), "review_dates"),
        (
            lambda: ChildProtectionPlan(start_date=DAY, review_dates=(dt.datetime(2024, 4, 1),)),
            "review_dates[0]",
        ),
        (
            lambda: ChildProtectionPlan(start_date=DAY, core_group_dates=bad(("2024-04-01",))),
            "core_group_dates[0]",
        ),
        (
            lambda: ChildProtectionPlan(
                start_date=DAY, core_group_dates=(dt.datetime(2024, 4, 1),)
            ),
            "core_group_dates[0]",
        ),
        (lambda: LookedAfterPeriod(start_date=DAY, end_date=D(2024, 1, 1)), "end_date"),
        (
            lambda: StrategyDiscussion(discussion_date=DAY, initiated_s47=bad("yes")),
            "initiated_s47",
        ),
        (
            lambda: Section47Enquiry(start_date=DAY, strategy_discussions=bad((DAY,))),
            "strategy_discussions[0]",
        ),
        (lambda: Episode(referral_date=DAY, closure_date=D(2024, 3, 24)), "closure_date"),
        (
            lambda: Episode(referral_date=DAY, referral_decision_date=D(2024, 3, 24)),
            "referral_decision_date",
        ),
        (lambda: Episode(referral_date=DAY, referral_source=bad("1A")), "referral_source"),
        (lambda: Episode(referral_date=DAY, assessments=bad([])), "assessments"),
        (lambda: ChildRecord(child=bad("A1")), "child"),
        (
            lambda: ChildRecord(
                child=Child(identifier="A1", date_of_birth=D(2010, 1, 1)),
                disabilities=bad(frozenset({"NONE"})),
            ),
            "disabilities",
        ),
    ],
)
def test_bad_input_names_the_field(build, field):
    with pytest.raises(InvalidInputError) as caught:
        build()
    assert caught.value.field == field


def test_an_end_on_its_start_day_is_accepted_here_and_reported_by_the_checks():
    # DfE rule 8840 (a plan starting and ending the same day) is a consistency finding, not
    # a refusal: the census contains such records.
    plan = ChildProtectionPlan(start_date=DAY, end_date=DAY)
    assert plan.end_date == plan.start_date


def test_inconsistent_items_are_accepted_by_the_models():
    episode = Episode(
        referral_date=DAY,
        section47_enquiries=(
            Section47Enquiry(start_date=D(2024, 4, 10), initial_cpc_date=D(2024, 4, 1)),
        ),
        child_protection_plans=(ChildProtectionPlan(start_date=D(2024, 4, 2)),) * 2,
    )
    assert len(episode.child_protection_plans) == 2


def test_record_repr_hides_the_childs_identifiers():
    record = ChildRecord(
        child=Child(identifier="LA99887766", date_of_birth=D(2011, 2, 28)),
        ethnicity=Ethnicity.WHITE_BRITISH,
        episodes=(Episode(referral_date=DAY),),
    )
    text = repr(record)
    assert "LA99887766" not in text
    assert "2011" not in text
    assert "<hidden>" in text


def test_episode_round_trips_through_json_with_census_codes():
    episode = Episode(
        referral_date=DAY,
        referral_source=ReferralSource.SCHOOLS,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT,
        referral_nfa=False,
        assessments=(
            Assessment(
                start_date=DAY,
                authorisation_date=D(2024, 5, 1),
                factors=frozenset({AssessmentFactor.NEGLECT, AssessmentFactor.DRUGS_PARENT}),
            ),
        ),
        child_protection_plans=(
            ChildProtectionPlan(
                start_date=D(2024, 4, 15),
                initial_category=CategoryOfAbuse.NEGLECT,
                previous_plans=0,
                review_dates=(D(2024, 7, 1),),
            ),
        ),
    )
    text = to_json(episode)
    assert '"referral_source": "2A"' in text
    assert '"factors": ["16A", "2B"]' in text
    assert from_json(text, Episode) == episode


# --------------------------------------------------------------------------- strategies


@pytest.mark.parametrize("model", sorted(STRATEGIES, key=repr), ids=str)
@CAPPED
@given(data=st.data())
def test_strategies_draw_valid_models_that_round_trip(model: type[Any], data):
    obj = data.draw(STRATEGIES[model]())
    assert isinstance(obj, model)
    assert attrs.evolve(obj) == obj
    assert from_json(to_json(obj), model) == obj


@given(episodes(min_referral=D(2020, 2, 28), max_referral=D(2020, 3, 1)))
def test_episodes_respect_the_referral_bounds(episode):
    assert D(2020, 2, 28) <= episode.referral_date <= D(2020, 3, 1)


@given(episodes())
def test_valid_episodes_are_in_chronological_order(episode):
    # Invariants of the strategy (the full check is test_thresholds_journey's property).
    for assessment in episode.assessments:
        assert assessment.start_date >= episode.referral_date
    for plan in episode.child_protection_plans:
        assert plan.start_date in {s.initial_cpc_date for s in episode.section47_enquiries}
        assert all(review > plan.start_date for review in plan.review_dates)
    assert sum(plan.end_date is None for plan in episode.child_protection_plans) <= 1
    if episode.closure_date is not None:
        assert all(a.authorisation_date is not None for a in episode.assessments)


def test_episodes_option_draws_inconsistent_ones():
    # The option returns the inconsistent strategy (drawn in test_thresholds_journey.py).
    assert repr(episodes(consistent=False)) != repr(episodes())


@pytest.mark.parametrize(
    "kwargs",
    [
        {"min_referral": D(2012, 1, 1)},
        {"max_referral": D(2027, 1, 1)},
        {"min_referral": D(2020, 1, 2), "max_referral": D(2020, 1, 1)},
        {"min_referral": "2020-01-01"},
        {"max_referral": dt.datetime(2020, 1, 1)},
    ],
)
def test_bad_strategy_bounds_raise_invalid_argument(kwargs):
    with pytest.raises(InvalidArgument):
        episodes(**kwargs)
    with pytest.raises(InvalidArgument):
        inconsistent_episodes(**kwargs)


def test_strategy_bounds_are_the_rules_first_day_and_a_calendar_margin():
    assert D(2013, 4, 15) == EARLIEST_REFERRAL  # Working Together 2013 in effect
    assert D(2030, 12, 31) > LATEST_REFERRAL
