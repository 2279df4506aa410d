import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from safeguarding.citations import Verification
from safeguarding.errors import InvalidInputError
from safeguarding.people import date_reaching_age
from safeguarding.rules import all_rules
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._core import calendar_dates, dates_of_birth
from safeguarding.strategies._thresholds import (
    STRATEGIES,
    attendance_thresholds,
    cohort_criteria,
    cohorts,
    identified_concerns,
)
from safeguarding.thresholds.cohorts import (
    GOVERNMENT_REGULAR_ATTENDEE,
    LAMBETH_YOUNG_PEOPLE_AT_RISK,
    LEWISHAM_CONCERN_HUB,
    YOUTH_FIRST_REGULAR_ATTENDEE,
    AttendanceThreshold,
    Cohort,
    CohortCriterion,
    Concern,
    IdentifiedConcern,
    RiskRating,
    assess_attendance,
    assess_cohort,
    is_in_cohort,
    is_regular_attendee,
)

D = dt.date
# Strategy round trips re-test the strategies, not the rules: at most 100 examples.
CAPPED = settings(max_examples=min(settings().max_examples, 100))
ON = D(2020, 1, 6)
C = Concern
R = RiskRating
SRC = LEWISHAM_CONCERN_HUB.source


def bad(value: object) -> Any:
    """A wrongly typed value, passed on purpose."""
    return value


def born_aged(age: int) -> dt.date:
    """A date of birth making the person *age* on ON (6 January 2020)."""
    return D(ON.year - age, 1, 1)


def concern(kind: Concern, rating: RiskRating | None = None) -> tuple[IdentifiedConcern, ...]:
    return (IdentifiedConcern(concern=kind, rating=rating),)


# Lewisham Safeguarding Children Board, Annual Report 2018/19, "Missing, Exploited and
# Trafficked (MET) Subgroup (to be re-named as 'Concern Hub')" (from p. 16 in the contents):
# up to 25 / under 25; missing, CSE, child exploitation, HSB, county lines, SYV, gangs; the SYV
# cohort of red and amber; habitual knife crime; the green cases of the Gangs Matrix.
@pytest.mark.parametrize(
    ("age", "concerns", "outcome"),
    [
        (24, concern(C.MISSING), True),
        (25, concern(C.MISSING), False),  # "under 25"
        (0, concern(C.HARMFUL_SEXUAL_BEHAVIOUR), True),
        (19, concern(C.COUNTY_LINES), True),
        (19, concern(C.TRAFFICKING), True),
        (19, concern(C.KNIFE_CRIME), True),
        (17, concern(C.SERIOUS_YOUTH_VIOLENCE, R.RED), True),
        (17, concern(C.SERIOUS_YOUTH_VIOLENCE, R.AMBER), True),
        (17, concern(C.SERIOUS_YOUTH_VIOLENCE, R.GREEN), False),
        (17, concern(C.SERIOUS_YOUTH_VIOLENCE), None),  # rating not known
        (17, concern(C.GANGS, R.GREEN), True),
        (17, concern(C.GANGS, R.RED), False),
        (17, concern(C.RADICALISATION), False),  # not a Concern Hub concern
        (17, (), False),
    ],
)
def test_concern_hub(age, concerns, outcome):
    decision = assess_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=born_aged(age), concerns=concerns, on=ON
    )
    assert decision.outcome is outcome
    assert len(decision.findings) == len(LEWISHAM_CONCERN_HUB.criteria)
    assert decision.rule_version == "Lewisham Concern Hub"


# Lambeth Safeguarding Children Board, Young People at Risk Strategy 2017-19, "Who is this
# strategy for?" (p. 10): aged 10-18 at risk of CSE, SYV, gangs, county lines, missing from
# home, care or education, or radicalisation; up to 25 for serious youth violence, gangs and
# county lines.
@pytest.mark.parametrize(
    ("age", "kind", "outcome"),
    [
        (9, C.CHILD_SEXUAL_EXPLOITATION, False),
        (10, C.CHILD_SEXUAL_EXPLOITATION, True),
        (18, C.CHILD_SEXUAL_EXPLOITATION, True),  # "10 - 18" read as including 18
        (19, C.CHILD_SEXUAL_EXPLOITATION, False),
        (18, C.MISSING_FROM_EDUCATION, True),
        (17, C.RADICALISATION, True),
        (9, C.COUNTY_LINES, False),
        (24, C.COUNTY_LINES, True),
        (24, C.GANGS, True),
        (24, C.SERIOUS_YOUTH_VIOLENCE, True),
        (25, C.SERIOUS_YOUTH_VIOLENCE, False),  # "up to the age of 25" read as under 25
        (20, C.MISSING, False),
        (15, C.HARMFUL_SEXUAL_BEHAVIOUR, False),  # not in Lambeth's list
    ],
)
def test_lambeth_young_people_at_risk(age, kind, outcome):
    assert (
        is_in_cohort(
            LAMBETH_YOUNG_PEOPLE_AT_RISK,
            date_of_birth=born_aged(age),
            concerns=concern(kind),
            on=ON,
        )
        is outcome
    )


def test_the_birthday_counts():
    # Family Law Reform Act 1969 s9: 25 from the start of the 25th birthday.
    birthday = D(1995, 1, 6)
    assert is_in_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=birthday, concerns=concern(C.MISSING), on=D(2020, 1, 5)
    )
    assert not is_in_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=birthday, concerns=concern(C.MISSING), on=ON
    )


def test_unknown_age_leaves_the_decision_open():
    decision = assess_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=None, concerns=concern(C.MISSING), on=ON
    )
    assert decision.outcome is None
    assert decision.undecided[0].detail == "missing concern identified; the age is not known"
    # No matching concern at all decides it whatever the age.
    assert is_in_cohort(LEWISHAM_CONCERN_HUB, date_of_birth=None, concerns=(), on=ON) is False


def test_findings_explain_each_criterion():
    decision = assess_cohort(
        LEWISHAM_CONCERN_HUB,
        date_of_birth=born_aged(17),
        concerns=concern(C.SERIOUS_YOUTH_VIOLENCE, R.GREEN) + concern(C.GANGS, R.GREEN),
        on=ON,
    )
    by_criterion = {f.criterion: f for f in decision.findings}
    assert by_criterion["serious youth violence, aged 0-24, rated red/amber"].detail == (
        "serious youth violence concern rated green, not a rating covered"
    )
    assert by_criterion["gangs, aged 0-24, rated green"].met is True
    assert decision.findings[0].source.status is Verification.PRIMARY
    old = assess_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=born_aged(30), concerns=concern(C.MISSING), on=ON
    )
    assert old.findings[0].detail == "aged 30, outside the ages covered"


def test_shipped_cohorts_are_registered_rules():
    rules = {rule.key: rule for rule in all_rules()}
    assert rules["thresholds.cohort.lewisham_concern_hub"].at(ON).value is LEWISHAM_CONCERN_HUB
    lambeth = rules["thresholds.cohort.lambeth_young_people_at_risk"]
    assert lambeth.in_force_from == D(2017, 10, 20)  # launched at the LSCB conference
    assert LAMBETH_YOUNG_PEOPLE_AT_RISK.describe().startswith(
        "Lambeth Young People at Risk: child sexual exploitation, aged 10-18"
    )
    assert (
        rules["thresholds.regular_attendee.government"].at(ON).value is GOVERNMENT_REGULAR_ATTENDEE
    )


# Lewisham LSCB Annual Report 2018/19, "Youth First" (from p. 41 in the contents): "eight
# times in any school term or 24 times per year as opposed to the government definition of
# five times a year".
@pytest.mark.parametrize(
    ("terms", "year", "youth_first", "government"),
    [
        ((8, 0, 0), 8, True, True),
        ((7, 7, 7), 23, False, True),
        ((7, 7, 7), 24, True, True),
        ((2, 2, 1), 5, False, True),
        ((2, 1, 1), 4, False, False),
        ((), 0, False, False),
    ],
)
def test_regular_attendance(terms, year, youth_first, government):
    assert (
        is_regular_attendee(YOUTH_FIRST_REGULAR_ATTENDEE, visits_by_term=terms, visits_in_year=year)
        is youth_first
    )
    decision = assess_attendance(
        GOVERNMENT_REGULAR_ATTENDEE, visits_by_term=terms, visits_in_year=year
    )
    assert decision.outcome is government
    assert [f.criterion for f in decision.findings] == ["5 visits in a year"]
    assert GOVERNMENT_REGULAR_ATTENDEE.source.status is Verification.SECONDARY


def test_attendance_describe():
    assert YOUTH_FIRST_REGULAR_ATTENDEE.describe() == (
        "8 visits in a school term or 24 visits in a year (Youth First (Lewisham))"
    )
    assert GOVERNMENT_REGULAR_ATTENDEE.describe() == "5 visits in a year (government definition)"
    per_term = AttendanceThreshold(name="club", visits_per_term=3, source=SRC)
    assert per_term.describe() == "3 visits in a school term (club)"
    assert is_regular_attendee(per_term, visits_by_term=(0, 3), visits_in_year=3)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: CohortCriterion(concern=C.GANGS, min_age=20, max_age=10), "max_age"),
        (lambda: CohortCriterion(concern=bad("gangs"), max_age=10), "concern"),
        (lambda: CohortCriterion(concern=C.GANGS, max_age=10, ratings=frozenset()), "ratings"),
        (lambda: CohortCriterion(concern=C.GANGS, max_age=10, ratings=bad({R.RED})), "ratings"),
        (
            lambda: CohortCriterion(concern=C.GANGS, max_age=10, ratings=bad(frozenset({"red"}))),
            "ratings",
        ),
        (lambda: IdentifiedConcern(concern=C.GANGS, rating=bad("red")), "rating"),
        (lambda: Cohort(name="x", criteria=(), source=SRC), "criteria"),
        (lambda: AttendanceThreshold(name="x", source=SRC), "visits_per_term"),
        (lambda: AttendanceThreshold(name="x", visits_per_year=0, source=SRC), "visits_per_year"),
        (lambda: assess_cohort(bad("hub"), date_of_birth=None, concerns=(), on=ON), "cohort"),
        (
            lambda: assess_cohort(
                LEWISHAM_CONCERN_HUB, date_of_birth=None, concerns=(), on=bad(None)
            ),
            "on",
        ),
        (
            lambda: assess_cohort(
                LEWISHAM_CONCERN_HUB, date_of_birth=bad("2001-01-01"), concerns=(), on=ON
            ),
            "date_of_birth",
        ),
        (
            lambda: assess_cohort(
                LEWISHAM_CONCERN_HUB, date_of_birth=None, concerns=bad([C.GANGS]), on=ON
            ),
            "concerns[0]",
        ),
        (
            lambda: assess_cohort(
                LEWISHAM_CONCERN_HUB, date_of_birth=D(2021, 1, 1), concerns=(), on=ON
            ),
            "on",
        ),
        (lambda: assess_attendance(bad(None), visits_by_term=(), visits_in_year=0), "threshold"),
        (
            lambda: assess_attendance(
                GOVERNMENT_REGULAR_ATTENDEE, visits_by_term=(1, -1), visits_in_year=0
            ),
            "visits_by_term[1]",
        ),
        (
            lambda: assess_attendance(
                GOVERNMENT_REGULAR_ATTENDEE, visits_by_term=(), visits_in_year=bad(1.0)
            ),
            "visits_in_year",
        ),
        (
            lambda: assess_attendance(
                GOVERNMENT_REGULAR_ATTENDEE, visits_by_term=(3, 3), visits_in_year=5
            ),
            "visits_in_year",
        ),
    ],
)
def test_bad_input_names_the_field(build, field):
    with pytest.raises(InvalidInputError) as caught:
        build()
    assert caught.value.field == field


def test_no_date_of_birth_in_any_output():
    born = D(2003, 7, 19)
    decision = assess_cohort(
        LEWISHAM_CONCERN_HUB, date_of_birth=born, concerns=concern(C.MISSING), on=ON
    )
    assert "2003" not in decision.explain()
    assert "2003" not in repr(decision)


# --------------------------------------------------------------------------- properties


@given(
    cohort=cohorts(),
    born=dates_of_birth(on=ON, max_age=30),
    concerns=st.lists(identified_concerns(), max_size=4),
)
def test_outcome_follows_the_findings(cohort, born, concerns):
    decision = assess_cohort(cohort, date_of_birth=born, concerns=concerns, on=ON)
    mets = [f.met for f in decision.findings]
    assert decision.outcome is (True if True in mets else None if None in mets else False)
    # With the date of birth and every concern rated, the decision is never open.
    if all(c.rating is not None for c in concerns):
        assert decision.outcome is not None


@given(criterion=cohort_criteria(), on=calendar_dates(D(2000, 1, 1), D(2030, 1, 1)))
def test_age_bounds_are_inclusive(criterion, on):
    cohort = Cohort(name="x", criteria=(criterion,), source=SRC)
    rating = next(iter(criterion.ratings)) if criterion.ratings else None
    concerns = concern(criterion.concern, rating)
    assume(not (on.month == 2 and on.day == 29))
    for age, inside in (
        (criterion.min_age, True),
        (criterion.max_age, True),
        (criterion.max_age + 1, False),
    ):
        born = on.replace(year=on.year - age)
        assert date_reaching_age(born, age) == on
        assert is_in_cohort(cohort, date_of_birth=born, concerns=concerns, on=on) is inside


@given(
    threshold=attendance_thresholds(),
    terms=st.lists(st.integers(0, 40), max_size=4),
    extra=st.integers(0, 30),
)
def test_attendance_is_monotone(threshold, terms, extra):
    year = sum(terms) + extra
    regular = is_regular_attendee(threshold, visits_by_term=terms, visits_in_year=year)
    more = is_regular_attendee(
        threshold, visits_by_term=[t + 1 for t in terms], visits_in_year=year + len(terms) + 1
    )
    assert more or not regular


@pytest.mark.parametrize(
    "model", [AttendanceThreshold, Cohort, CohortCriterion, IdentifiedConcern], ids=str
)
@CAPPED
@given(data=st.data())
def test_strategies_draw_valid_models_that_round_trip(model, data):
    obj = data.draw(STRATEGIES[model]())
    assert attrs.evolve(obj) == obj
    assert from_json(to_json(obj), model) == obj
