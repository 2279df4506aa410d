"""Cohorts a partnership defines for itself, encoded as data: who is in, and why.

Partnerships work with cohorts of children and young people at risk outside
the home (contextual safeguarding): exploitation, serious youth violence,
gangs, county lines, going missing. Each partnership draws its cohort
differently, so a cohort is a [`Cohort`][]: a list of criteria, each a
concern with the ages it covers and, where the partnership rates risk, the
red/amber/green ratings it takes. Two published cohorts are shipped as
examples:

* [`LEWISHAM_CONCERN_HUB`][]: children and young people under 25 who are
  missing, sexually or otherwise exploited or trafficked, show harmful sexual
  behaviour, are involved in county lines, the serious youth violence cohort
  rated red or amber, habitual knife crime subjects, and the green cases of the
  Metropolitan Police Gangs Matrix (Lewisham SCB annual report 2018/19);
* [`LAMBETH_YOUNG_PEOPLE_AT_RISK`][]: ages 10 to 18 at risk of child sexual
  exploitation, serious youth violence, gangs, county lines, going missing
  from home, care or education, or radicalisation; up to 25 for serious youth
  violence, gangs and county lines (Lambeth SCB strategy 2017-19).

The age words of the sources are read as follows, and both readings are
choices the sources leave open: "up to the age of 25" and "under 25" mean up
to the 25th birthday (24 at most); "aged 10 - 18" includes 18-year-olds.

Attendance thresholds work the same way: Youth First counts a young person as
a *regular* attendee after 8 visits in any school term or 24 in a year,
against the government definition of 5 visits a year
([`YOUTH_FIRST_REGULAR_ATTENDEE`][], [`GOVERNMENT_REGULAR_ATTENDEE`][]).

Examples:
    >>> import datetime as dt
    >>> decision = assess_cohort(
    ...     LEWISHAM_CONCERN_HUB,
    ...     date_of_birth=dt.date(2001, 6, 1),
    ...     concerns=(IdentifiedConcern(concern=Concern.SERIOUS_YOUTH_VIOLENCE,
    ...                                 rating=RiskRating.AMBER),),
    ...     on=dt.date(2020, 1, 6),
    ... )
    >>> decision.outcome
    True
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from safeguarding._validate import (
    check_date,
    check_int,
    is_instance,
    is_int,
    is_member,
    is_text,
    is_tuple_of,
)
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.people import age_on
from safeguarding.rules import DatedRule, Version, register

__all__ = [
    "GOVERNMENT_REGULAR_ATTENDEE",
    "LAMBETH_YOUNG_PEOPLE_AT_RISK",
    "LEWISHAM_CONCERN_HUB",
    "YOUTH_FIRST_REGULAR_ATTENDEE",
    "AttendanceThreshold",
    "Cohort",
    "CohortCriterion",
    "Concern",
    "IdentifiedConcern",
    "RiskRating",
    "assess_attendance",
    "assess_cohort",
    "is_in_cohort",
    "is_regular_attendee",
]


class Concern(enum.Enum):
    """A risk to a child or young person outside the home."""

    MISSING = "missing"
    """Going missing from home or care."""
    MISSING_FROM_EDUCATION = "missing from education"
    """Missing from education."""
    CHILD_SEXUAL_EXPLOITATION = "child sexual exploitation"
    """Child sexual exploitation (CSE)."""
    CHILD_EXPLOITATION = "child exploitation"
    """Child exploitation other than sexual (criminal exploitation)."""
    TRAFFICKING = "trafficking"
    """Trafficking."""
    HARMFUL_SEXUAL_BEHAVIOUR = "harmful sexual behaviour"
    """Harmful sexual behaviour."""
    COUNTY_LINES = "county lines"
    """Involvement in county lines (moving and supplying drugs or money)."""
    SERIOUS_YOUTH_VIOLENCE = "serious youth violence"
    """Serious youth violence."""
    GANGS = "gangs"
    """Involvement in or with gangs."""
    KNIFE_CRIME = "habitual knife crime"
    """Habitual knife crime."""
    RADICALISATION = "radicalisation"
    """Radicalisation."""


class RiskRating(enum.Enum):
    """A red/amber/green risk rating."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


def _optional_rating(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        is_member(RiskRating)(_instance, attribute, value)


@attrs.frozen(kw_only=True)
class IdentifiedConcern:
    """A concern identified for a young person, with its risk rating if rated.

    Attributes:
        concern: The concern.
        rating: Its red/amber/green rating, or ``None`` if not rated.
    """

    concern: Concern = attrs.field(validator=is_member(Concern))
    rating: RiskRating | None = attrs.field(default=None, validator=_optional_rating)


def _optional_ratings(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset) or not value:
        raise InvalidInputError(attribute.name, "must be None or a non-empty frozenset")
    if not all(isinstance(item, RiskRating) for item in value):
        raise InvalidInputError(attribute.name, "must hold only RiskRating members")


@attrs.frozen(kw_only=True)
class CohortCriterion:
    """One way into a cohort: a concern, the ages it covers and the ratings it takes.

    Attributes:
        concern: The concern.
        min_age: Youngest age covered, in completed years.
        max_age: Oldest age covered, in completed years (24 for "under 25").
        ratings: The ratings that qualify, or ``None`` when any rating (or
            none) does.

    Raises:
        InvalidInputError: a field has the wrong type, or *max_age* is below
            *min_age*.
    """

    concern: Concern = attrs.field(validator=is_member(Concern))
    min_age: int = attrs.field(default=0, validator=is_int(minimum=0))
    max_age: int = attrs.field(validator=is_int(minimum=0))
    ratings: frozenset[RiskRating] | None = attrs.field(default=None, validator=_optional_ratings)

    def __attrs_post_init__(self) -> None:
        """The age range cannot be empty."""
        if self.max_age < self.min_age:
            raise InvalidInputError("max_age", "must not be below min_age")

    def describe(self) -> str:
        """``"gangs, aged 10-24, rated green"``."""
        text = f"{self.concern.value}, aged {self.min_age}-{self.max_age}"
        if self.ratings is not None:
            names = "/".join(r.value for r in RiskRating if r in self.ratings)
            text += f", rated {names}"
        return text


@attrs.frozen(kw_only=True)
class Cohort:
    """A partnership's cohort: anyone meeting at least one criterion is in it.

    Attributes:
        name: The cohort's name.
        criteria: The criteria, at least one.
        source: Where the partnership defines it.
    """

    name: str = attrs.field(validator=is_text)
    criteria: tuple[CohortCriterion, ...] = attrs.field(
        validator=is_tuple_of(CohortCriterion, min_length=1)
    )
    source: Citation = attrs.field(validator=is_instance(Citation))

    def describe(self) -> str:
        """One line: the name and every criterion."""
        return f"{self.name}: " + "; ".join(c.describe() for c in self.criteria)


def _criterion_finding(
    criterion: CohortCriterion,
    age: int | None,
    concerns: Sequence[IdentifiedConcern],
    source: Citation,
) -> Finding:
    """Apply one criterion: ``met`` is None when the age or the rating is not known."""
    matching = [c for c in concerns if c.concern is criterion.concern]
    label = criterion.describe()
    if not matching:
        return Finding(
            criterion=label,
            met=False,
            detail=f"no {criterion.concern.value} concern identified",
            source=source,
        )
    if age is not None and not criterion.min_age <= age <= criterion.max_age:
        return Finding(
            criterion=label,
            met=False,
            detail=f"aged {age}, outside the ages covered",
            source=source,
        )
    if criterion.ratings is None:
        rated: bool | None = True
    elif any(c.rating in criterion.ratings for c in matching):
        rated = True
    elif any(c.rating is None for c in matching):
        rated = None
    else:
        rated = False
    if rated is False:
        ratings = "/".join(sorted(c.rating.value for c in matching if c.rating is not None))
        return Finding(
            criterion=label,
            met=False,
            detail=f"{criterion.concern.value} concern rated {ratings}, not a rating covered",
            source=source,
        )
    if age is None or rated is None:
        missing = "the age" if age is None else "the risk rating"
        return Finding(
            criterion=label,
            met=None,
            detail=f"{criterion.concern.value} concern identified; {missing} is not known",
            source=source,
        )
    return Finding(
        criterion=label,
        met=True,
        detail=f"{criterion.concern.value} concern identified, aged {age}",
        source=source,
    )


def assess_cohort(
    cohort: Cohort,
    *,
    date_of_birth: dt.date | None,
    concerns: Iterable[IdentifiedConcern],
    on: dt.date,
) -> Decision[bool | None]:
    """Whether a young person is in a partnership's cohort on a day, criterion by criterion.

    The young person is in the cohort when some criterion is met: a concern of
    that kind was identified, with a rating the criterion takes (if it
    restricts ratings), at an age (on *on*) within its range. The outcome is
    ``None`` when no criterion is met but one could be with the missing facts
    (no date of birth, an unrated concern).

    Legal basis:
        The partnership's own definition (the cohort's source): local rules,
        not national law.

    Args:
        cohort: The cohort definition.
        date_of_birth: The young person's date of birth, or ``None`` if not
            known. It appears in no output.
        concerns: The concerns identified.
        on: The day the question is asked (the age is taken on this day).

    Returns:
        A decision with one finding per criterion; outcome ``True``, ``False``
        or ``None`` (undecided).

    Raises:
        InvalidInputError: an argument has the wrong type, or *on* is before
            the date of birth.

    Examples:
        >>> import datetime as dt
        >>> d = assess_cohort(LAMBETH_YOUNG_PEOPLE_AT_RISK, date_of_birth=dt.date(1998, 1, 1),
        ...                   concerns=(IdentifiedConcern(concern=Concern.COUNTY_LINES),),
        ...                   on=dt.date(2018, 1, 1))
        >>> d.outcome
        True
    """
    if not isinstance(cohort, Cohort):
        raise InvalidInputError("cohort", "must be a Cohort")
    check_date("on", on)
    age = None
    if date_of_birth is not None:
        check_date("date_of_birth", date_of_birth)
        age = age_on(date_of_birth, on)
    given = tuple(concerns)
    for index, item in enumerate(given):
        if not isinstance(item, IdentifiedConcern):
            raise InvalidInputError(f"concerns[{index}]", "must be an IdentifiedConcern")
    findings = tuple(_criterion_finding(c, age, given, cohort.source) for c in cohort.criteria)
    if any(f.met for f in findings):
        outcome: bool | None = True
    elif any(f.met is None for f in findings):
        outcome = None
    else:
        outcome = False
    return Decision(outcome=outcome, findings=findings, rule_version=cohort.name)


def is_in_cohort(
    cohort: Cohort,
    *,
    date_of_birth: dt.date | None,
    concerns: Iterable[IdentifiedConcern],
    on: dt.date,
) -> bool | None:
    """The outcome of [`assess_cohort`][]: ``True``, ``False`` or ``None`` (undecided).

    Legal basis:
        As [`assess_cohort`][].

    Args:
        cohort: The cohort definition.
        date_of_birth: The young person's date of birth, if known.
        concerns: The concerns identified.
        on: The day the question is asked.

    Returns:
        Whether the young person is in the cohort, or ``None``.

    Raises:
        InvalidInputError: as [`assess_cohort`][].

    Examples:
        >>> import datetime as dt
        >>> is_in_cohort(LEWISHAM_CONCERN_HUB, date_of_birth=dt.date(1994, 5, 1),
        ...              concerns=(IdentifiedConcern(concern=Concern.MISSING),),
        ...              on=dt.date(2020, 1, 6))   # aged 25: too old
        False
    """
    return assess_cohort(cohort, date_of_birth=date_of_birth, concerns=concerns, on=on).outcome


@attrs.frozen(kw_only=True)
class AttendanceThreshold:
    """When a young person counts as a regular attendee of a youth service.

    Regular means at least *visits_per_term* visits in some school term, or at
    least *visits_per_year* visits in the year (either suffices; one may be
    ``None``).

    Attributes:
        name: Whose definition it is.
        visits_per_term: Visits in any one school term, or ``None``.
        visits_per_year: Visits in the year, or ``None``.
        source: Where the definition comes from.

    Raises:
        InvalidInputError: a field has the wrong type, or both counts are
            ``None``.
    """

    name: str = attrs.field(validator=is_text)
    visits_per_term: int | None = attrs.field(default=None)
    visits_per_year: int | None = attrs.field(default=None)
    source: Citation = attrs.field(validator=is_instance(Citation))

    @visits_per_term.validator
    @visits_per_year.validator
    def _check_count(self, attribute: attrs.Attribute[int | None], value: object) -> None:
        if value is not None:
            is_int(minimum=1)(self, attribute, value)

    def __attrs_post_init__(self) -> None:
        """At least one of the two counts must be set."""
        if self.visits_per_term is None and self.visits_per_year is None:
            raise InvalidInputError("visits_per_term", "give visits_per_term or visits_per_year")

    def describe(self) -> str:
        """``"8 visits in a school term or 24 in a year (Youth First)"``."""
        parts = []
        if self.visits_per_term is not None:
            parts.append(f"{self.visits_per_term} visits in a school term")
        if self.visits_per_year is not None:
            parts.append(f"{self.visits_per_year} visits in a year")
        return " or ".join(parts) + f" ({self.name})"


def assess_attendance(
    threshold: AttendanceThreshold,
    *,
    visits_by_term: Sequence[int],
    visits_in_year: int,
) -> Decision[bool]:
    """Whether a young person is a regular attendee under a definition.

    Legal basis:
        The definition's own source (local, or a government statistical
        definition restated locally); no statute.

    Args:
        threshold: The definition applied.
        visits_by_term: Visits in each school term of the year.
        visits_in_year: Visits in the whole year (term time and holidays).

    Returns:
        A decision with a finding for each count the definition uses.

    Raises:
        InvalidInputError: a count is not an integer of at least 0, or the
            terms' visits add up to more than the year's.

    Examples:
        >>> d = assess_attendance(GOVERNMENT_REGULAR_ATTENDEE, visits_by_term=(2, 2, 1),
        ...                       visits_in_year=5)
        >>> d.outcome, assess_attendance(YOUTH_FIRST_REGULAR_ATTENDEE, visits_by_term=(2, 2, 1),
        ...                              visits_in_year=5).outcome
        (True, False)
    """
    if not isinstance(threshold, AttendanceThreshold):
        raise InvalidInputError("threshold", "must be an AttendanceThreshold")
    terms = tuple(visits_by_term)
    for index, count in enumerate(terms):
        check_int(f"visits_by_term[{index}]", count, minimum=0)
    check_int("visits_in_year", visits_in_year, minimum=0)
    if sum(terms) > visits_in_year:
        raise InvalidInputError("visits_in_year", "must be at least the sum of the terms' visits")
    findings = []
    if threshold.visits_per_term is not None:
        best = max(terms, default=0)
        findings.append(
            Finding(
                criterion=f"{threshold.visits_per_term} visits in a school term",
                met=best >= threshold.visits_per_term,
                detail=f"at most {best} visits in one term",
                source=threshold.source,
            )
        )
    if threshold.visits_per_year is not None:
        findings.append(
            Finding(
                criterion=f"{threshold.visits_per_year} visits in a year",
                met=visits_in_year >= threshold.visits_per_year,
                detail=f"{visits_in_year} visits in the year",
                source=threshold.source,
            )
        )
    return Decision(
        outcome=any(f.met for f in findings), findings=tuple(findings), rule_version=threshold.name
    )


def is_regular_attendee(
    threshold: AttendanceThreshold, *, visits_by_term: Sequence[int], visits_in_year: int
) -> bool:
    """The outcome of [`assess_attendance`][].

    Legal basis:
        As [`assess_attendance`][].

    Args:
        threshold: The definition applied.
        visits_by_term: Visits in each school term of the year.
        visits_in_year: Visits in the whole year.

    Returns:
        Whether the young person is a regular attendee.

    Raises:
        InvalidInputError: as [`assess_attendance`][].

    Examples:
        >>> is_regular_attendee(YOUTH_FIRST_REGULAR_ATTENDEE, visits_by_term=(8, 0, 0),
        ...                     visits_in_year=8)
        True
    """
    return assess_attendance(
        threshold, visits_by_term=visits_by_term, visits_in_year=visits_in_year
    ).outcome


# --------------------------------------------------------------------------- shipped examples

_LEWISHAM_REPORT = "Lewisham Safeguarding Children Board Annual Report 2018/19"

LEWISHAM_CONCERN_HUB = Cohort(
    name="Lewisham Concern Hub",
    criteria=(
        CohortCriterion(concern=Concern.MISSING, max_age=24),
        CohortCriterion(concern=Concern.CHILD_SEXUAL_EXPLOITATION, max_age=24),
        CohortCriterion(concern=Concern.CHILD_EXPLOITATION, max_age=24),
        CohortCriterion(concern=Concern.TRAFFICKING, max_age=24),
        CohortCriterion(concern=Concern.HARMFUL_SEXUAL_BEHAVIOUR, max_age=24),
        CohortCriterion(concern=Concern.COUNTY_LINES, max_age=24),
        CohortCriterion(
            concern=Concern.SERIOUS_YOUTH_VIOLENCE,
            max_age=24,
            ratings=frozenset({RiskRating.RED, RiskRating.AMBER}),
        ),
        CohortCriterion(concern=Concern.KNIFE_CRIME, max_age=24),
        CohortCriterion(concern=Concern.GANGS, max_age=24, ratings=frozenset({RiskRating.GREEN})),
    ),
    source=Citation(
        instrument=_LEWISHAM_REPORT,
        provision="'Missing, Exploited and Trafficked (MET) Subgroup (to be re-named as "
        "Concern Hub)' and priority 'Missing, exploited and trafficked'",
        url=None,
        status=Verification.PRIMARY,
        note="Read in the report: children and young people up to 25 ('under 25'), including "
        "missing, CSE, child exploitation, harmful sexual behaviour, county lines, serious youth "
        "violence and gangs; 'Missing, Exploited and Trafficked cases', the serious youth "
        "violence cohort of red and amber, habitual knife crime subjects, and the green cases "
        "of the Met Police Gangs Matrix. Reading gangs as green-rated only follows that list "
        "literally; the report does not say who handles red and amber gang cases.",
    ),
)
"""Lewisham's Concern Hub cohort (2019-20 onwards), as its 2018/19 annual report sets it out."""

_LAMBETH_UP_TO_18 = (
    Concern.CHILD_SEXUAL_EXPLOITATION,
    Concern.MISSING,
    Concern.MISSING_FROM_EDUCATION,
    Concern.RADICALISATION,
)
_LAMBETH_UP_TO_25 = (Concern.SERIOUS_YOUTH_VIOLENCE, Concern.GANGS, Concern.COUNTY_LINES)

LAMBETH_YOUNG_PEOPLE_AT_RISK = Cohort(
    name="Lambeth Young People at Risk",
    criteria=(
        *(CohortCriterion(concern=c, min_age=10, max_age=18) for c in _LAMBETH_UP_TO_18),
        *(CohortCriterion(concern=c, min_age=10, max_age=24) for c in _LAMBETH_UP_TO_25),
    ),
    source=Citation(
        instrument="Lambeth Safeguarding Children Board, Young People at Risk Strategy 2017-19",
        provision="'Who is this strategy for?'",
        url=None,
        status=Verification.PRIMARY,
        note="Read in the strategy: children and young people aged 10 - 18 at risk of CSE, "
        "serious youth violence, gangs, county lines, missing from home, care or education, or "
        "radicalisation; up to the age of 25 where serious youth violence, gangs or county lines "
        "are involved. '10 - 18' is read as including 18-year-olds and 'up to 25' as before the "
        "25th birthday; the strategy does not say.",
    ),
)
"""Lambeth's young people at risk cohort (strategy launched 20 October 2017)."""

YOUTH_FIRST_REGULAR_ATTENDEE = AttendanceThreshold(
    name="Youth First (Lewisham)",
    visits_per_term=8,
    visits_per_year=24,
    source=Citation(
        instrument=_LEWISHAM_REPORT,
        provision="partner report 'Youth First'",
        url=None,
        status=Verification.PRIMARY,
        note="Read in the report: about 1,500 of c.5,000 young people attended regularly in "
        "2018/19, 'defined as eight times in any school term or 24 times per year'.",
    ),
)
"""Youth First's definition of a regular attendee: 8 visits in a term or 24 in a year."""

GOVERNMENT_REGULAR_ATTENDEE = AttendanceThreshold(
    name="government definition",
    visits_per_year=5,
    source=Citation(
        instrument=_LEWISHAM_REPORT,
        provision="partner report 'Youth First' (restating the government definition)",
        url=None,
        status=Verification.SECONDARY,
        note="Youth First contrasts its own definition with 'the government definition of five "
        "times a year'; which government publication defines it was not identified.",
    ),
)
"""The government definition of a regular attendee Youth First cites: 5 visits a year."""


def _example(key: str, title: str, version: Version[object]) -> None:
    register(DatedRule(key=key, title=title, versions=(version,)))


_example(
    "thresholds.cohort.lewisham_concern_hub",
    "Lewisham Concern Hub cohort (local example)",
    Version(
        in_force_from=dt.date(2019, 4, 1),
        value=LEWISHAM_CONCERN_HUB,
        source=LEWISHAM_CONCERN_HUB.source,
        edition="LSCB 2018/19",
    ),
)
_example(
    "thresholds.cohort.lambeth_young_people_at_risk",
    "Lambeth young people at risk cohort (local example)",
    Version(
        in_force_from=dt.date(2017, 10, 20),
        value=LAMBETH_YOUNG_PEOPLE_AT_RISK,
        source=LAMBETH_YOUNG_PEOPLE_AT_RISK.source,
        edition="YPAR 2017-19",
    ),
)
_example(
    "thresholds.regular_attendee.youth_first",
    "Regular attendee of Youth First youth provision (local example)",
    Version(
        in_force_from=dt.date(2018, 4, 1),
        value=YOUTH_FIRST_REGULAR_ATTENDEE,
        source=YOUTH_FIRST_REGULAR_ATTENDEE.source,
        edition="2018/19",
    ),
)
_example(
    "thresholds.regular_attendee.government",
    "Regular attendee of youth provision (government definition)",
    Version(
        in_force_from=dt.date(2018, 4, 1),
        value=GOVERNMENT_REGULAR_ATTENDEE,
        source=GOVERNMENT_REGULAR_ATTENDEE.source,
        edition="as cited 2018/19",
    ),
)
