"""The LADO models: validation, personal data, serialization (safeguarding.lado.models)."""

import datetime as dt

import attrs
import pytest

from safeguarding.errors import InvalidInputError
from safeguarding.lado.models import (
    Allegation,
    Behaviour,
    Case,
    ConcernCategory,
    Contact,
    Engagement,
    Person,
    Role,
    Sector,
    Setting,
    Timeline,
)
from safeguarding.lado.outcomes import Outcome
from safeguarding.serialization import from_json, to_json

D = dt.date


def teacher(**changes) -> Person:
    person = Person(
        role=Role.TEACHER,
        sector=Sector.EDUCATION,
        engagement=Engagement.PAID,
        date_of_birth=D(1988, 7, 23),
        normal_pension_age=67,
    )
    return attrs.evolve(person, **changes)


def shove() -> Behaviour:
    return Behaviour(category=ConcernCategory.PHYSICAL, setting=Setting.IN_WORK, harmed_child=True)


def case(**changes) -> Case:
    base = Case(
        person=teacher(),
        allegation=Allegation(made_on=D(2020, 6, 1), behaviours=(shove(),)),
        timeline=Timeline(
            employer_aware=D(2020, 6, 1),
            referred_to_lado=D(2020, 6, 2),
            concluded=D(2020, 7, 1),
        ),
        outcome=Outcome.UNSUBSTANTIATED,
    )
    return attrs.evolve(base, **changes)


def test_person_repr_hides_the_date_of_birth():
    person = teacher()
    for text in (repr(person), str(person)):
        assert "1988" not in text
        assert "<hidden>" in text
    assert "date_of_birth=None" in repr(teacher(date_of_birth=None))


# A conclusion before the referral raises InvalidInputError naming the field.
def test_conclusion_before_referral_names_the_field():
    with pytest.raises(InvalidInputError) as info:
        Timeline(
            employer_aware=D(2024, 1, 10), referred_to_lado=D(2024, 1, 11), concluded=D(2024, 1, 9)
        )
    assert info.value.field == "concluded"
    assert "referred_to_lado" in info.value.reason


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"referred_to_lado": D(2024, 1, 9)}, "referred_to_lado"),
        (
            {"strategy_discussion": D(2024, 1, 12), "investigation_report": D(2024, 1, 11)},
            ("investigation_report"),
        ),
        ({"decision": D(2024, 1, 20), "hearing": D(2024, 1, 19)}, "hearing"),
        ({"hearing": "2024-02-01"}, "hearing"),
    ],
)
def test_timeline_order(changes, field):
    with pytest.raises(InvalidInputError) as info:
        Timeline(employer_aware=D(2024, 1, 10), **changes)
    assert info.value.field == field


def test_steps_may_be_skipped_and_fall_on_the_same_day():
    timeline = Timeline(
        employer_aware=D(2024, 1, 10),
        strategy_discussion=D(2024, 1, 10),
        hearing=D(2024, 1, 30),
        concluded=D(2024, 1, 30),
    )
    assert timeline.referred_to_lado is None


# An outcome not in force on the allegation date raises InvalidInputError.
# 'Unfounded' is a category from KCSIE 2021 (para 381); the allegation was made in 2020.
def test_outcome_not_in_force_on_the_allegation_date():
    with pytest.raises(InvalidInputError) as info:
        case(outcome=Outcome.UNFOUNDED)
    assert info.value.field == "outcome"
    later = Allegation(made_on=D(2021, 9, 1), behaviours=(shove(),))
    timeline = Timeline(employer_aware=D(2021, 9, 1), concluded=D(2021, 10, 1))
    assert case(allegation=later, timeline=timeline, outcome=Outcome.UNFOUNDED).outcome is (
        Outcome.UNFOUNDED
    )


def test_outcomes_before_kcsie_2016_are_refused():
    early = Allegation(made_on=D(2015, 6, 1), behaviours=(shove(),))
    timeline = Timeline(employer_aware=D(2015, 6, 1), concluded=D(2015, 8, 1))
    with pytest.raises(InvalidInputError) as info:
        case(allegation=early, timeline=timeline)
    assert info.value.field == "outcome"
    assert case(allegation=early, timeline=timeline, outcome=None).outcome is None


# An unknown sector raises InvalidInputError naming the field.
def test_unknown_sector():
    with pytest.raises(InvalidInputError) as info:
        teacher(sector="schools")
    assert info.value.field == "sector"
    with pytest.raises(InvalidInputError) as info:
        Sector.parse("plumbing")
    assert info.value.field == "sector"
    with pytest.raises(InvalidInputError):
        Sector.parse(None)
    assert Sector.parse("EARLY_YEARS") is Sector.EARLY_YEARS
    assert Sector.parse(" health ") is Sector.HEALTH


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: teacher(role="teacher"), "role"),
        (lambda: teacher(engagement=None), "engagement"),
        (lambda: teacher(date_of_birth="1988-07-23"), "date_of_birth"),
        (lambda: teacher(normal_pension_age=49), "normal_pension_age"),
        (lambda: teacher(normal_pension_age=67.0), "normal_pension_age"),
        (lambda: teacher(engagement=Engagement.FOSTER_CARER), "engagement"),
        (lambda: teacher(role=Role.FOSTER_CARER), "engagement"),
        (
            lambda: teacher(role=Role.FOSTER_CARER, engagement=Engagement.FOSTER_CARER),
            "sector",
        ),
        (lambda: Behaviour(category="physical", setting=Setting.IN_WORK), "category"),  # type: ignore[arg-type]
        (lambda: Behaviour(category=ConcernCategory.SEXUAL, setting=None), "setting"),  # type: ignore[arg-type]
        (
            lambda: Behaviour(
                category=ConcernCategory.SEXUAL,
                setting=Setting.IN_WORK,
                harmed_child="yes",  # type: ignore[arg-type]
            ),
            "harmed_child",
        ),
        (lambda: Allegation(made_on=D(2022, 1, 1), behaviours=()), "behaviours"),
        (lambda: Allegation(made_on=D(2022, 1, 1), behaviours=[shove()]), "behaviours"),  # type: ignore[arg-type]
        (lambda: Allegation(made_on=D(2022, 1, 1), behaviours=("shove",)), "behaviours[0]"),  # type: ignore[arg-type]
        (lambda: case(person="a teacher"), "person"),
        (lambda: case(outcome="false"), "outcome"),
        (lambda: case(person_left="yes"), "person_left"),
        (
            lambda: case(timeline=Timeline(employer_aware=D(2020, 5, 31))),
            "timeline.employer_aware",
        ),
        (lambda: case(timeline=Timeline(employer_aware=D(2020, 6, 1))), "outcome"),
        (lambda: Contact(received=D(2020, 1, 2), investigated=1), "investigated"),  # type: ignore[arg-type]
        (
            lambda: Contact(received=D(2020, 1, 2), investigated=False, resolved=D(2020, 1, 1)),
            "resolved",
        ),
        (
            lambda: Contact(
                received=D(2020, 1, 2),
                investigated=False,
                resolved=D(2020, 1, 3),
                outcome=Outcome.FALSE,
            ),
            "outcome",
        ),
        (
            lambda: Contact(received=D(2020, 1, 2), investigated=True, outcome=Outcome.FALSE),
            "outcome",
        ),
        (
            lambda: Contact(
                received=D(2020, 1, 2),
                investigated=True,
                resolved=D(2020, 2, 1),
                outcome=Outcome.UNFOUNDED,
            ),
            "outcome",
        ),
        (lambda: Contact(received=D(2020, 1, 2), investigated=True, outcome="x"), "outcome"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_names_the_field(build, field):
    with pytest.raises(InvalidInputError) as info:
        build()
    assert info.value.field == field
    assert "1988" not in str(info.value)


def test_foster_carer_and_categories():
    carer = Person(
        role=Role.FOSTER_CARER, sector=Sector.FOSTERING, engagement=Engagement.FOSTER_CARER
    )
    assert carer.date_of_birth is None
    allegation = Allegation(
        made_on=D(2022, 1, 1),
        behaviours=(
            shove(),
            shove(),
            Behaviour(category=ConcernCategory.NEGLECT, setting=Setting.NOT_KNOWN),
        ),
    )
    assert allegation.categories == {ConcernCategory.PHYSICAL, ConcernCategory.NEGLECT}


def test_json_round_trip():
    original = case(person_left=True)
    text = to_json(original)
    assert '"sector": "education"' in text or '"sector":"education"' in text
    assert from_json(text, Case) == original
    contact = Contact(
        received=D(2019, 2, 1), investigated=True, resolved=D(2019, 3, 1), outcome=Outcome.FALSE
    )
    assert from_json(to_json(contact), Contact) == contact
