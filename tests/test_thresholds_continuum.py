import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Unit
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.procedures import NATIONAL, Procedures
from safeguarding.rules import all_rules, find_rule
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._thresholds import continua, continuum_levels
from safeguarding.thresholds.continuum import (
    CONTINUUM,
    LEWISHAM_2018,
    LEWISHAM_PROCEDURES,
    SECTION_47_THRESHOLD,
    Continuum,
    ContinuumLevel,
    DecisionLimit,
    Level,
    Response,
    front_door_deadline,
    front_door_response,
)

D = dt.date
ON = D(2019, 1, 7)
SOURCE = Citation(
    instrument="Anytown Threshold Document 2024",
    provision="levels",
    url=None,
    status=Verification.PRIMARY,
)


def local(continuum: Continuum) -> Procedures:
    """Procedures that set *continuum* (from 1990, before the s47 threshold commenced)."""
    return Procedures.adopt(
        f"{continuum.name} procedures", {CONTINUUM.key: continuum}, in_force_from=D(1990, 1, 1)
    )


def bad(value: object) -> Any:
    """A wrongly typed value, passed on purpose."""
    return value


def levels(*responses: Response) -> tuple[ContinuumLevel, ...]:
    return tuple(
        ContinuumLevel(level=level, name=f"Level {level.value}", response=response)
        for level, response in zip(Level, responses, strict=False)
    )


def test_lewisham_continuum_as_its_annual_report_describes_it():
    # Lewisham Safeguarding Children Board, Annual Report 2018/19, "Lewisham Early Help,
    # Multi-Agency Safeguarding Hub (MASH) & Children at risk of Missing, Exploitation &
    # Trafficking" (from p. 19 in the contents): levels 1 and 2 universal
    # services or early help, levels 3 and 4 a statutory social work assessment, decided
    # within a 24 hour period.
    assert [LEWISHAM_2018.response_for(level) for level in Level] == [
        Response.UNIVERSAL_SERVICES,
        Response.EARLY_HELP,
        Response.SECTION_17_ASSESSMENT,
        Response.SECTION_17_ASSESSMENT,
    ]
    assert LEWISHAM_2018.decision_limit is DecisionLimit.TWENTY_FOUR_HOURS
    assert LEWISHAM_2018.level(Level.ACUTE).name == "CON Level 4"
    assert LEWISHAM_2018.source.status is Verification.SECONDARY
    # Same report: 4,170 of 18,706 contacts met the statutory threshold, reported as 22.2%;
    # the quotient is 22.29%, so the report truncates rather than rounds (22.3%).
    assert round(100 * 4170 / 18706, 2) == 22.29
    assert round(18706 / 12) == 1559  # "on average 1,559 per month"


def test_lewisham_procedures_set_its_continuum_from_april_2018():
    version = CONTINUUM.at(D(2019, 1, 1), procedures=LEWISHAM_PROCEDURES)
    assert version.value is LEWISHAM_2018
    assert version.source is LEWISHAM_2018.source
    assert LEWISHAM_2018.describe() == (
        "Lewisham Continuum of Need (1: universal services, 2: early help, 3: statutory "
        "assessment under s17, 4: statutory assessment under s17; decision within 24 hours)"
    )
    with pytest.raises(RuleNotInForceError):
        CONTINUUM.at(D(2018, 3, 31), procedures=LEWISHAM_PROCEDURES)
    # National guidance sets no continuum: a partnership must.
    assert find_rule(CONTINUUM.key) is CONTINUUM
    assert CONTINUUM.key not in {rule.key for rule in all_rules()}


@pytest.mark.parametrize(
    ("level", "harm", "outcome", "met"),
    [
        (Level.UNIVERSAL, None, Response.UNIVERSAL_SERVICES, None),
        (Level.ADDITIONAL, False, Response.EARLY_HELP, False),
        (Level.COMPLEX, None, Response.SECTION_17_ASSESSMENT, None),
        # Children Act 1989 s47(1)(b): reasonable cause to suspect significant harm leads to a
        # strategy discussion and s47 enquiry whatever the level.
        (Level.ADDITIONAL, True, Response.SECTION_47_ENQUIRY, True),
        (Level.ACUTE, True, Response.SECTION_47_ENQUIRY, True),
    ],
)
def test_front_door_response_in_lewisham(level, harm, outcome, met):
    decision = front_door_response(
        level, procedures=LEWISHAM_PROCEDURES, on=ON, significant_harm=harm
    )
    assert decision.outcome is outcome
    assert [f.criterion for f in decision.findings] == [
        "level of need",
        "s47 threshold (significant harm)",
    ]
    assert decision.findings[1].met is met
    assert decision.findings[1].source == SECTION_47_THRESHOLD.at(ON).source
    assert decision.rule_version == "Lewisham Continuum of Need"


def test_a_partnership_mapping_level_4_to_s47_still_needs_the_threshold():
    custom = Continuum(
        name="Anytown",
        levels=levels(
            Response.UNIVERSAL_SERVICES,
            Response.EARLY_HELP,
            Response.SECTION_17_ASSESSMENT,
            Response.SECTION_47_ENQUIRY,
        ),
        source=SOURCE,
    )
    assert custom.decision_limit is DecisionLimit.ONE_WORKING_DAY  # national default
    unknown = front_door_response(Level.ACUTE, procedures=local(custom), on=ON)
    assert unknown.outcome is Response.SECTION_47_ENQUIRY
    assert unknown.undecided
    no_harm = front_door_response(
        Level.ACUTE, procedures=local(custom), on=ON, significant_harm=False
    )
    assert no_harm.outcome is Response.SECTION_17_ASSESSMENT
    assert "s17 assessment instead" in no_harm.findings[1].detail


def test_front_door_deadlines():
    # Lewisham: 24 hours, checked by date (a contact on Friday 4 Jan 2019 is due Saturday).
    lewisham = front_door_deadline(D(2019, 1, 4), procedures=LEWISHAM_PROCEDURES)
    assert lewisham.due == D(2019, 1, 5)
    assert lewisham.timescale.unit is Unit.CALENDAR_DAYS
    assert lewisham.source is LEWISHAM_2018.source
    assert lewisham.rule_key == "thresholds.continuum"
    # One working day: the national referral timescale (Friday -> Monday).
    national = attrs.evolve(LEWISHAM_2018, decision_limit=DecisionLimit.ONE_WORKING_DAY)
    deadline = front_door_deadline(D(2019, 1, 4), procedures=local(national))
    assert deadline.due == D(2019, 1, 7)
    assert deadline.rule_key == "thresholds.referral_decision"
    assert deadline.timescale.clock_starts == "contact"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (
            lambda: Continuum(name="x", levels=levels(*[Response.EARLY_HELP] * 3), source=SOURCE),
            "levels",
        ),
        (
            lambda: Continuum(
                name="x", levels=bad(list(levels(*[Response.EARLY_HELP] * 4))), source=SOURCE
            ),
            "levels",
        ),
        (
            lambda: Continuum(
                name="x",
                levels=bad((*levels(*[Response.EARLY_HELP] * 3), "level 4")),
                source=SOURCE,
            ),
            "levels[3]",
        ),
        (
            lambda: Continuum(
                name="x", levels=tuple(reversed(levels(*[Response.EARLY_HELP] * 4))), source=SOURCE
            ),
            "levels[0]",
        ),
        (
            lambda: Continuum(
                name="x",
                levels=levels(
                    Response.EARLY_HELP,
                    Response.UNIVERSAL_SERVICES,
                    Response.EARLY_HELP,
                    Response.EARLY_HELP,
                ),
                source=SOURCE,
            ),
            "levels[1]",
        ),
        (
            lambda: Continuum(name="", levels=levels(*[Response.EARLY_HELP] * 4), source=SOURCE),
            "name",
        ),
        (
            lambda: Continuum(
                name="x", levels=levels(*[Response.EARLY_HELP] * 4), source=bad("LSCB")
            ),
            "source",
        ),
        (
            lambda: Continuum(
                name="x",
                levels=levels(*[Response.EARLY_HELP] * 4),
                source=SOURCE,
                decision_limit=bad("24 hours"),
            ),
            "decision_limit",
        ),
        (lambda: ContinuumLevel(level=bad(1), name="x", response=Response.EARLY_HELP), "level"),
        (lambda: LEWISHAM_2018.response_for(bad(3)), "level"),
        (lambda: front_door_response(Level.ACUTE, procedures=bad("Lewisham"), on=ON), "procedures"),
        (
            lambda: front_door_response(
                Level.ACUTE, procedures=LEWISHAM_PROCEDURES, on=bad("2019")
            ),
            "on",
        ),
        (
            lambda: front_door_response(
                Level.ACUTE, procedures=LEWISHAM_PROCEDURES, on=ON, significant_harm=bad("yes")
            ),
            "significant_harm",
        ),
        (lambda: front_door_deadline(bad("2019-01-04"), procedures=LEWISHAM_PROCEDURES), "contact"),
        (lambda: front_door_deadline(ON, procedures=bad(None)), "procedures"),
        (lambda: front_door_deadline(ON, procedures=NATIONAL), "procedures"),
        (lambda: front_door_response(Level.ACUTE, procedures=NATIONAL, on=ON), "procedures"),
    ],
)
def test_bad_input_names_the_field(build, field):
    with pytest.raises(InvalidInputError) as caught:
        build()
    assert caught.value.field == field


def test_before_the_children_act_there_is_no_threshold():
    with pytest.raises(RuleNotInForceError):
        front_door_response(Level.ACUTE, procedures=local(LEWISHAM_2018), on=D(1991, 10, 13))


def test_responses_are_ordered():
    assert [r.rank for r in Response] == [0, 1, 2, 3]
    assert Level.COMPLEX > Level.ADDITIONAL


# --------------------------------------------------------------------------- properties


@given(continuum=continua())
def test_a_custom_continuum_round_trips_through_serialization(continuum):
    text = to_json(continuum)
    assert from_json(text, Continuum) == continuum
    assert attrs.evolve(continuum) == continuum


@given(continuum=continua())
def test_responses_never_decrease_with_the_level(continuum):
    ranks = [continuum.response_for(level).rank for level in Level]
    assert ranks == sorted(ranks)
    for level in Level:
        decision = front_door_response(
            level, procedures=local(continuum), on=ON, significant_harm=True
        )
        assert decision.outcome is Response.SECTION_47_ENQUIRY


@given(level=continuum_levels())
def test_levels_round_trip(level):
    assert from_json(to_json(level), ContinuumLevel) == level
