"""The continuum of need: levels 1 to 4 and the response each one gets at the front door.

Each safeguarding partnership publishes a threshold document, often called its
*continuum of need*, placing a child's needs on four levels:

1. **universal**: needs met by universal services (schools, GPs, health visitors);
2. **additional**: needs met by early help;
3. **complex**: targeted or statutory help, an assessment by children's social
   care under section 17 of the Children Act 1989 (children in need);
4. **acute**: specialist or statutory help, and where there is reasonable
   cause to suspect significant harm, a strategy discussion and enquiries
   under section 47.

The front door (the multi-agency safeguarding hub, MASH) sorts every contact
against the continuum within a limit the partnership sets: 24 hours, or one
working day (the national limit for children's social care to decide on a
referral). The mapping from levels to responses is local, so it is data, a
[`Continuum`][], not code: Lewisham's (levels 1 and 2 universal services
or early help, levels 3 and 4 statutory assessment, decision within 24
hours) is shipped as [`LEWISHAM_2018`][], set in
[`LEWISHAM_PROCEDURES`][]. National guidance sets no continuum
([`CONTINUUM`][] is a local-only rule), so each partnership sets its own in its
[`Procedures`][safeguarding.procedures.Procedures].

Whatever the continuum says, section 47 of the Children Act 1989 sets the
national threshold for child protection enquiries (reasonable cause to suspect
that a child is suffering, or is likely to suffer, significant harm): when it
is met the response is a strategy discussion and s47 enquiry, and when it is
not met no continuum can require one.

Examples:
    >>> import datetime as dt
    >>> lewisham = LEWISHAM_PROCEDURES
    >>> decision = front_door_response(Level.ACUTE, on=dt.date(2019, 1, 7), procedures=lewisham)
    >>> decision.outcome.value
    'statutory assessment under s17'
    >>> front_door_deadline(dt.date(2019, 1, 4), procedures=lewisham).due   # a Friday
    datetime.date(2019, 1, 5)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import (
    check_date,
    is_instance,
    is_member,
    is_str,
    is_text,
)
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Decision, Finding, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria
from safeguarding.procedures import Procedures, check_procedures
from safeguarding.rules import DatedRule, LocalRule, Version, register, register_local
from safeguarding.sources import CHILDREN_ACT_1989
from safeguarding.thresholds.timescales import REFERRAL_DECISION, _deadline

__all__ = [
    "CONTINUUM",
    "LEWISHAM_2018",
    "LEWISHAM_PROCEDURES",
    "SECTION_47_THRESHOLD",
    "Continuum",
    "ContinuumLevel",
    "DecisionLimit",
    "Level",
    "Response",
    "front_door_deadline",
    "front_door_response",
]


class Level(enum.IntEnum):
    """A level of need on a four-level continuum."""

    UNIVERSAL = 1
    """Level 1: needs met by universal services."""
    ADDITIONAL = 2
    """Level 2: additional needs, met by early help."""
    COMPLEX = 3
    """Level 3: complex needs, targeted or statutory help."""
    ACUTE = 4
    """Level 4: acute needs, specialist or statutory help."""


class Response(enum.Enum):
    """What the front door does with a contact, from the least to the most intrusive."""

    UNIVERSAL_SERVICES = "universal services"
    """Signposting to, or support from, universal services."""
    EARLY_HELP = "early help"
    """The partnership's early help offer."""
    SECTION_17_ASSESSMENT = "statutory assessment under s17"
    """An assessment by children's social care of a child who may be in need."""
    SECTION_47_ENQUIRY = "strategy discussion and s47 enquiry"
    """A strategy discussion deciding on child protection enquiries."""

    @property
    def rank(self) -> int:
        """Position from 0 (least intrusive) to 3."""
        return _RANK[self]


_RANK = {response: rank for rank, response in enumerate(Response)}


class DecisionLimit(enum.Enum):
    """How long the front door has to decide on a contact."""

    TWENTY_FOUR_HOURS = "24 hours"
    """24 hours: checked by date, as "by the next calendar day"."""
    ONE_WORKING_DAY = "one working day"
    """One working day, as for a referral to children's social care."""


@attrs.frozen(kw_only=True)
class ContinuumLevel:
    """One level of a partnership's continuum of need.

    Attributes:
        level: The level, 1 to 4.
        name: The partnership's own name for it ("Level 3: complex").
        response: What the front door does at this level.
        description: The partnership's description of the needs at this level.
    """

    level: Level = attrs.field(validator=is_member(Level))
    name: str = attrs.field(validator=is_text)
    response: Response = attrs.field(validator=is_member(Response))
    description: str = attrs.field(default="", validator=is_str)


def _check_levels(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or len(value) != len(Level):
        raise InvalidInputError(attribute.name, "must be a tuple of exactly four ContinuumLevel")
    previous: Response | None = None
    for index, (item, level) in enumerate(zip(value, Level, strict=True)):
        name = f"{attribute.name}[{index}]"
        if not isinstance(item, ContinuumLevel):
            raise InvalidInputError(name, "must be a ContinuumLevel")
        if item.level is not level:
            raise InvalidInputError(name, f"must be level {level.value} (levels 1 to 4, in order)")
        if previous is not None and item.response.rank < previous.rank:
            raise InvalidInputError(name, "must not get a lesser response than the level below")
        previous = item.response


@attrs.frozen(kw_only=True)
class Continuum:
    """A partnership's continuum of need: its four levels, their responses and the decision limit.

    Attributes:
        name: The continuum's name ("Lewisham Continuum of Need").
        levels: Exactly four levels, 1 to 4 in order; a higher level never
            gets a less intrusive response than the one below it.
        decision_limit: How long the front door has to decide; one working
            day (the national referral timescale) by default.
        source: Where the partnership publishes it.

    Raises:
        InvalidInputError: a field has the wrong type, the levels are not 1
            to 4 in order, or a higher level gets a lesser response.
    """

    name: str = attrs.field(validator=is_text)
    levels: tuple[ContinuumLevel, ...] = attrs.field(validator=_check_levels)
    source: Citation = attrs.field(validator=is_instance(Citation))
    decision_limit: DecisionLimit = attrs.field(
        default=DecisionLimit.ONE_WORKING_DAY, validator=is_member(DecisionLimit)
    )

    def level(self, level: Level) -> ContinuumLevel:
        """The partnership's definition of *level*.

        Raises:
            InvalidInputError: *level* is not a [`Level`][].
        """
        if not isinstance(level, Level):
            raise InvalidInputError("level", "must be a Level member")
        return self.levels[level.value - 1]

    def response_for(self, level: Level) -> Response:
        """The response the partnership gives at *level*.

        Raises:
            InvalidInputError: *level* is not a [`Level`][].
        """
        return self.level(level).response

    def describe(self) -> str:
        """One line: the name, each level's response and the decision limit."""
        levels = ", ".join(f"{item.level.value}: {item.response.value}" for item in self.levels)
        return f"{self.name} ({levels}; decision within {self.decision_limit.value})"


SECTION_47_THRESHOLD: DatedRule[str] = register(
    DatedRule(
        key="thresholds.section47_threshold",
        title="Threshold for child protection enquiries",
        versions=(
            Version(
                in_force_from=dt.date(1991, 10, 14),
                value="reasonable cause to suspect that a child who lives, or is found, in the "
                "area is suffering, or is likely to suffer, significant harm",
                source=CHILDREN_ACT_1989.cite(
                    "s47(1)(b)",
                    Verification.SECONDARY,
                    url="https://www.legislation.gov.uk/ukpga/1989/41/section/47",
                    note="Wording restated by HMICFRS's glossary, Routledge and Taylor & Francis "
                    "texts and local procedures; legislation.gov.uk not read. The Act came into "
                    "force on 14 October 1991.",
                ),
                edition="Children Act 1989",
            ),
        ),
    )
)
"""The national threshold for s47 enquiries, whatever a continuum says."""


LEWISHAM_2018 = Continuum(
    name="Lewisham Continuum of Need",
    levels=(
        ContinuumLevel(
            level=Level.UNIVERSAL,
            name="CON Level 1",
            response=Response.UNIVERSAL_SERVICES,
            description="supported by universal services in the community",
        ),
        ContinuumLevel(
            level=Level.ADDITIONAL,
            name="CON Level 2",
            response=Response.EARLY_HELP,
            description="supported via the local Early Help offer",
        ),
        ContinuumLevel(
            level=Level.COMPLEX,
            name="CON Level 3",
            response=Response.SECTION_17_ASSESSMENT,
            description="requires a statutory social work assessment",
        ),
        ContinuumLevel(
            level=Level.ACUTE,
            name="CON Level 4",
            response=Response.SECTION_17_ASSESSMENT,
            description="requires a statutory social work assessment and in some cases a s47 "
            "child protection enquiry",
        ),
    ),
    decision_limit=DecisionLimit.TWENTY_FOUR_HOURS,
    source=Citation(
        instrument="Lewisham Safeguarding Children Board Annual Report 2018/19",
        provision="'Lewisham Early Help, MASH & Children at risk of Missing, Exploitation & "
        "Trafficking'",
        url=None,
        status=Verification.SECONDARY,
        note="The report describes the MASH's triage against the LSCB Continuum of Need: levels "
        "1 and 2 universal services or early help, levels 3 and 4 a statutory social work "
        "assessment (some a s47 enquiry), within a 24-hour period; 18,706 contacts in 2018-19, "
        "22.2% (4,170) meeting the statutory threshold. The continuum document itself was not "
        "read.",
    ),
)
"""Lewisham's continuum as its 2018/19 annual report describes it (shipped example)."""

CONTINUUM: LocalRule[Continuum] = register_local(
    LocalRule(key="thresholds.continuum", title="continuum of need", kind=Continuum)
)
"""The partnership's continuum of need: national guidance sets none, so the
[`Procedures`][safeguarding.procedures.Procedures] asked must set one."""

LEWISHAM_PROCEDURES = Procedures(
    name="Lewisham Safeguarding Children Board procedures",
    overrides={
        CONTINUUM.key: Version(
            in_force_from=dt.date(2018, 4, 1),
            value=LEWISHAM_2018,
            source=LEWISHAM_2018.source,
            edition="LSCB 2018/19",
        )
    },
)
"""Procedures with Lewisham's continuum from 1 April 2018 (shipped example)."""


@criteria(SECTION_47_THRESHOLD.key, CONTINUUM.key, calls="front_door_calls")
def front_door_response(
    level: Level,
    *,
    on: dt.date,
    procedures: Procedures,
    significant_harm: bool | None = None,
) -> Decision[Response]:
    """The response a contact gets at the front door, with the reasons.

    The partnership's continuum maps the level of need to a response. The
    national s47 threshold then overrides it both ways: reasonable cause to
    suspect significant harm always leads to a strategy discussion and s47
    enquiry, and a continuum that maps a level to an s47 enquiry gets a s17
    assessment instead when the threshold is known not to be met. When the
    caller does not say (``significant_harm=None``), the continuum's answer
    stands and the threshold finding is undecided.

    Legal basis:
        The partnership's published continuum (its source); Children Act
        1989, s47(1)(b) (rule ``thresholds.section47_threshold``).

    Args:
        level: The level of need assessed.
        on: The day of the decision (the continuum and the s47 threshold are applied as
            then).
        procedures: The partnership's procedures, which set its continuum of need.
        significant_harm: Whether there is reasonable cause to suspect
            significant harm, if known.

    Returns:
        A decision whose outcome is the [`Response`][], with a finding for
        the level and one for the s47 threshold.

    Raises:
        InvalidInputError: an argument has the wrong type.
        RuleNotInForceError: *on* is before 14 October 1991.

    Examples:
        >>> import datetime as dt
        >>> d = front_door_response(Level.COMPLEX, on=dt.date(2019, 1, 7),
        ...                         procedures=LEWISHAM_PROCEDURES,
        ...                         significant_harm=True)
        >>> d.outcome.value
        'strategy discussion and s47 enquiry'
    """
    check_date("on", on)
    version = CONTINUUM.at(on, procedures=check_procedures(procedures))
    continuum = version.value
    defined = continuum.level(level)
    if significant_harm is not None and not isinstance(significant_harm, bool):
        raise InvalidInputError("significant_harm", "must be True, False or None")
    threshold = SECTION_47_THRESHOLD.at(on)
    findings = [
        Finding(
            criterion="level of need",
            met=True,
            detail=f"{defined.name} (level {level.value}) is met by "
            f"{defined.response.value} in the {continuum.name}",
            source=version.source,
        )
    ]
    outcome = defined.response
    if significant_harm is None:
        detail = "not stated whether there is reasonable cause to suspect significant harm"
    elif significant_harm:
        detail = (
            "there is reasonable cause to suspect significant harm: a strategy discussion "
            "decides on s47 enquiries"
        )
        outcome = Response.SECTION_47_ENQUIRY
    else:
        detail = "there is no reasonable cause to suspect significant harm"
        if outcome is Response.SECTION_47_ENQUIRY:
            outcome = Response.SECTION_17_ASSESSMENT
            detail += ", so no s47 enquiry: a s17 assessment instead"
    findings.append(
        Finding(
            criterion="s47 threshold (significant harm)",
            met=significant_harm,
            detail=detail,
            source=threshold.source,
        )
    )
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=continuum.name)


def front_door_deadline(
    contact: dt.date, *, on: dt.date | None = None, procedures: Procedures
) -> Deadline:
    """The day by which the front door must decide on a contact.

    With a 24-hour limit the library, which works in dates, takes the next
    calendar day (a contact at 16:00 on Friday is due by Saturday). With one
    working day it applies the national referral timescale: the next working
    day, the contact's day being day 0.

    Legal basis:
        The partnership's continuum (24 hours, local); Working Together to
        Safeguard Children, chapter 1 (one working day, rule
        ``thresholds.referral_decision``, secondary).

    Args:
        contact: The day the contact was received (day 0).
        on: The date whose continuum and rule apply; *contact* if omitted.
        procedures: The partnership's procedures: their continuum sets the limit, their
            calendar counts the working day.

    Returns:
        The deadline.

    Raises:
        InvalidInputError: an argument has the wrong type.
        RuleNotInForceError: one working day is asked for before 15 April 2013.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.procedures import Procedures
        >>> from attrs import evolve
        >>> working_day = Procedures.adopt(
        ...     "Example procedures",
        ...     {"thresholds.continuum": evolve(
        ...         LEWISHAM_2018, decision_limit=DecisionLimit.ONE_WORKING_DAY)},
        ...     in_force_from=dt.date(2018, 4, 1),
        ... )
        >>> front_door_deadline(dt.date(2019, 1, 4), procedures=working_day).due
        datetime.date(2019, 1, 7)
    """
    check_date("contact", contact)
    when = contact if on is None else check_date("on", on)
    version = CONTINUUM.at(when, procedures=check_procedures(procedures))
    if version.value.decision_limit is DecisionLimit.ONE_WORKING_DAY:
        return _deadline(
            REFERRAL_DECISION,
            "contact",
            contact,
            on=when,
            procedures=procedures,
            clock_starts="contact",
        )
    day = Version(
        in_force_from=version.in_force_from,
        value=Timescale(amount=1, unit=Unit.CALENDAR_DAYS, clock_starts="contact (24 hours)"),
        source=version.source,
        edition=version.edition,
    )
    return Deadline.from_version(day, contact, rule_key=CONTINUUM.key, calendar=procedures.calendar)
