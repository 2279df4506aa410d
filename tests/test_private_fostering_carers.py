"""Disqualification, the barred-list bar and the usual fostering limit.

Sources: Children Act 1989 s68(1), (3), (3A), text read on legislation.gov.uk,
https://www.legislation.gov.uk/ukpga/1989/41/section/68 (the household limb of s68(3A) was cut
off in the text read, so it stays unverified); and Children Act 1989 Sch 7, the usual fostering
limit, https://www.legislation.gov.uk/ukpga/1989/41/schedule/7 (enacted form, Sch 6A in Hansard,
8 November 1989; the current text as summarised by Fosterline and CoramBAAF: secondary).
"""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.private_fostering import (
    USUAL_FOSTERING_LIMIT,
    CarerCircumstances,
    LimitOutcome,
    Permission,
    assess_carer,
    assess_fostering_limit,
)
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.strategies._private_fostering import carer_circumstances

D = dt.date


def wrong(value: object) -> Any:
    """A deliberately ill-typed argument."""
    return value


ON = D(2025, 1, 6)
CLEAR = {
    "barred": False,
    "household_member_barred": False,
    "disqualified": False,
    "household_member_disqualified": False,
}


def permission(on: dt.date = ON, **facts) -> Permission:
    return assess_carer(CarerCircumstances(**{**CLEAR, **facts}), on=on).outcome


def test_barred_person_may_never_foster_even_with_consent():
    # s68(3A): a person barred from regulated activity relating to children may not foster
    # privately; unlike s68(1) there is no consent route.
    assert permission(barred=True, written_consent=True) is Permission.MAY_NOT_FOSTER
    assert (
        permission(household_member_barred=True, written_consent=True) is Permission.MAY_NOT_FOSTER
    )


def test_disqualified_person_needs_written_consent():
    # s68(1): other disqualifications can be lifted by the authority's written consent after
    # disclosure.
    assert permission(disqualified=True, written_consent=True) is Permission.MAY_FOSTER
    assert permission(disqualified=True, written_consent=False) is Permission.MAY_NOT_FOSTER
    assert permission(disqualified=True) is Permission.CANNOT_DECIDE
    # s68(3): a disqualified person in the household.
    assert (
        permission(household_member_disqualified=True, written_consent=True)
        is Permission.MAY_FOSTER
    )
    assert (
        permission(household_member_disqualified=True, written_consent=False)
        is Permission.MAY_NOT_FOSTER
    )


def test_clear_carer_may_foster_and_unknowns_are_undecided():
    assert permission() is Permission.MAY_FOSTER
    assert assess_carer(CarerCircumstances(), on=ON).outcome is Permission.CANNOT_DECIDE
    unknown = assess_carer(CarerCircumstances(disqualified=None, written_consent=True), on=ON)
    assert unknown.findings[2].met is True  # consent given covers an unknown disqualification


def test_barred_list_bar_is_not_applied_before_the_barred_lists_existed():
    decision = assess_carer(CarerCircumstances(**{**CLEAR, "barred": True}), on=D(2009, 10, 11))
    assert decision.outcome is Permission.MAY_FOSTER
    assert len(decision.findings) == 2
    assert permission(D(2009, 10, 12), barred=True) is Permission.MAY_NOT_FOSTER


def test_findings_cite_their_sections():
    decision = assess_carer(CarerCircumstances(**CLEAR), on=ON)
    criteria = " ".join(f.criterion for f in decision.findings)
    assert "s68(3A)" in criteria
    assert "s68(1)" in criteria
    assert "s68(3)" in criteria
    assert decision.findings[1].source.status.value == "unverified"  # household limb cut off


@pytest.mark.parametrize(
    ("children", "siblings", "exempted", "expected"),
    [
        # Sch 7: more than three children, not all siblings, no exemption -> treated as
        # running a children's home.
        (3, False, False, LimitOutcome.WITHIN_LIMIT),
        (4, False, False, LimitOutcome.EXCEEDS_LIMIT),
        (4, True, False, LimitOutcome.WITHIN_LIMIT),
        (4, False, True, LimitOutcome.WITHIN_LIMIT),
        (4, None, False, LimitOutcome.CANNOT_DECIDE),
        (0, None, None, LimitOutcome.WITHIN_LIMIT),
    ],
)
def test_usual_fostering_limit(children, siblings, exempted, expected):
    decision = assess_fostering_limit(
        children=children, all_siblings=siblings, exempted=exempted, on=ON
    )
    assert decision.outcome is expected
    assert decision.findings[0].criterion == "fostering no more than 3 children"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: assess_carer(wrong("facts"), on=ON), "circumstances"),
        (lambda: assess_carer(CarerCircumstances(), on=dt.datetime(2025, 1, 6)), "on"),
        (lambda: CarerCircumstances(barred=wrong("no")), "barred"),
        (
            lambda: assess_fostering_limit(children=-1, all_siblings=None, exempted=None, on=ON),
            "children",
        ),
        (
            lambda: assess_fostering_limit(children=True, all_siblings=None, exempted=None, on=ON),
            "children",
        ),
        (
            lambda: assess_fostering_limit(
                children=4, all_siblings=wrong("yes"), exempted=None, on=ON
            ),
            "all_siblings",
        ),
        (
            lambda: assess_fostering_limit(children=4, all_siblings=None, exempted=wrong(1), on=ON),
            "exempted",
        ),
        (
            lambda: assess_fostering_limit(
                children=4, all_siblings=None, exempted=None, on=wrong("2025")
            ),
            "on",
        ),
    ],
)
def test_bad_input_names_the_field(call, field):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert info.value.field == field


@given(carer_circumstances(), st.dates(min_value=D(2009, 10, 12), max_value=D(2030, 1, 1)))
def test_a_barred_carer_is_never_permitted(facts, on):
    outcome = assess_carer(facts, on=on).outcome
    if facts.barred or facts.household_member_barred:
        assert outcome is Permission.MAY_NOT_FOSTER
    if outcome is Permission.MAY_FOSTER:
        assert facts.barred is False
        assert facts.household_member_barred is False
        assert facts.disqualified is False or facts.written_consent is True


@given(
    st.integers(0, 20), st.sampled_from([None, True, False]), st.sampled_from([None, True, False])
)
def test_up_to_three_children_is_always_within_the_limit(children, siblings, exempted):
    outcome = assess_fostering_limit(
        children=children, all_siblings=siblings, exempted=exempted, on=ON
    ).outcome
    if children <= 3:
        assert outcome is LimitOutcome.WITHIN_LIMIT
    if outcome is LimitOutcome.EXCEEDS_LIMIT:
        assert children > 3
        assert siblings is False
        assert exempted is False


def test_a_local_version_of_the_limit_is_cited_in_every_finding():
    # The mechanism only: a version the procedures set is applied and cited.
    local_source = Citation(
        instrument="Local fostering procedures",
        provision="usual fostering limit",
        url=None,
        status=Verification.UNVERIFIED,
    )
    local = Procedures.adopt(
        "Local fostering procedures",
        {USUAL_FOSTERING_LIMIT.key: 2},
        in_force_from=D(2020, 1, 1),
        source=local_source,
    )
    decision = assess_fostering_limit(
        children=3, all_siblings=False, exempted=False, on=ON, procedures=local
    )
    assert decision.outcome is LimitOutcome.EXCEEDS_LIMIT
    assert {f.source for f in decision.findings} == {local_source}
    national = assess_fostering_limit(children=3, all_siblings=False, exempted=False, on=ON)
    assert national.outcome is LimitOutcome.WITHIN_LIMIT
    assert national == assess_fostering_limit(
        children=3, all_siblings=False, exempted=False, on=ON, procedures=NATIONAL
    )
    assert {f.source for f in national.findings} == {USUAL_FOSTERING_LIMIT.at(ON).source}


def test_assess_carer_takes_procedures():
    facts = CarerCircumstances(**CLEAR)
    assert assess_carer(facts, on=ON, procedures=NATIONAL) == assess_carer(facts, on=ON)
    with pytest.raises(InvalidInputError) as info:
        assess_carer(facts, on=ON, procedures=wrong("national"))
    assert info.value.field == "procedures"
    with pytest.raises(InvalidInputError) as info:
        assess_fostering_limit(
            children=1, all_siblings=None, exempted=None, on=ON, procedures=wrong(None)
        )
    assert info.value.field == "procedures"
