"""Synthetic CIN census files: seeded, deterministic, realistic, of any size.

[`synthetic_children`][] makes children's records for a reporting year in
valid chronological order (referral, assessment, section 47 enquiry, initial
child protection conference, plan, review conferences, child in need plan,
closure, and for some children a later re-referral), with rates close to
England's published children-in-need figures (see [`RATES`][]).
[`write_synthetic_census`][] writes them as a CIN census XML file with
[`safeguarding.io.cin_census.write_census`][], so the file is made from the
library's own models and read back by its own reader.

Each child is drawn from its own random stream, seeded by the seed and the
child's position: the same seed and size give the same bytes, and the first
*n* children of a larger file are the children of the smaller one.

Known data errors can be injected (``error_rate``): each affected child gets
one error of a kind listed in [`InjectedError`][], and the returned
[`SyntheticSummary`][] counts them by kind, so a test can check that every
injected error is reported by the reader or the journey check.

Nothing here describes a real child: identifiers are ``SYN`` and the child's
position in the file.

Examples:
    >>> import io
    >>> from safeguarding.io.cin_census import read_census
    >>> buffer = io.BytesIO()
    >>> summary = write_synthetic_census(buffer, children=50, seed=7, year=2023)
    >>> summary.children, summary.episodes >= 50
    (50, True)
    >>> reading = read_census(buffer.getvalue())
    >>> sum(1 for _ in reading), len(reading.problems)
    (50, 0)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import io
import os
import random
import re
from collections import Counter
from collections.abc import Iterator
from typing import IO, Final

import attrs

from safeguarding._validate import check_int, check_number, sorted_counts
from safeguarding.calendar import ENGLAND_AND_WALES, add_working_days
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
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Section47Enquiry,
)
from safeguarding.errors import InvalidInputError, RuleNotInForceError
from safeguarding.io.cin_census import (
    CensusChild,
    CensusHeader,
    GenderCurrent,
    Sex,
    child_xml,
    write_children_xml,
)
from safeguarding.people import Child
from safeguarding.rules import all_rules
from safeguarding.thresholds.timescales import (
    ASSESSMENT,
    FIRST_REVIEW_CONFERENCE,
    INITIAL_CONFERENCE,
    REVIEW_CONFERENCE_INTERVAL,
)

__all__ = [
    "RATES",
    "InjectedError",
    "SyntheticSummary",
    "synthetic_census",
    "synthetic_children",
    "upn",
    "write_synthetic_census",
]

RATES: Final[dict[str, float]] = {
    "referral_in_year": 0.72,
    "no_further_action": 0.07,
    "assessment_within_45_days": 0.83,
    "section47": 0.35,
    "icpc": 0.5,
    "icpc_within_15_days": 0.79,
    "plan_after_icpc": 0.88,
    "repeat_plan": 0.23,
    "plan_over_two_years": 0.04,
    "review_on_time": 0.92,
    "cin_plan": 0.45,
    "re_referral": 0.45,
    "disabled": 0.12,
    "unborn": 0.01,
}
"""Probabilities the generator draws with (England's children-in-need figures, rounded).

``referral_in_year`` is the share of children whose first episode starts in the
reporting year (the rest were referred up to three years before and are still
open or closed during it); ``section47`` is per assessed episode, ``icpc`` per
enquiry, ``re_referral`` per child.
"""

_NEED_WEIGHTS: Final = (
    (PrimaryNeed.ABUSE_OR_NEGLECT, 57),
    (PrimaryNeed.CHILD_DISABILITY, 9),
    (PrimaryNeed.PARENTAL_DISABILITY, 3),
    (PrimaryNeed.FAMILY_ACUTE_STRESS, 8),
    (PrimaryNeed.FAMILY_DYSFUNCTION, 14),
    (PrimaryNeed.SOCIALLY_UNACCEPTABLE_BEHAVIOUR, 3),
    (PrimaryNeed.LOW_INCOME, 1),
    (PrimaryNeed.ABSENT_PARENTING, 3),
    (PrimaryNeed.NOT_STATED, 2),
)
_CATEGORY_WEIGHTS: Final = (
    (CategoryOfAbuse.NEGLECT, 50),
    (CategoryOfAbuse.EMOTIONAL, 38),
    (CategoryOfAbuse.PHYSICAL, 6),
    (CategoryOfAbuse.SEXUAL, 4),
    (CategoryOfAbuse.MULTIPLE, 2),
)
_SOURCE_WEIGHTS: Final = (
    (ReferralSource.POLICE, 29),
    (ReferralSource.SCHOOLS, 20),
    (ReferralSource.HEALTH_OTHER, 8),
    (ReferralSource.HEALTH_EMERGENCY, 3),
    (ReferralSource.HEALTH_GP, 2),
    (ReferralSource.HEALTH_VISITOR, 2),
    (ReferralSource.INDIVIDUAL_FAMILY, 6),
    (ReferralSource.INDIVIDUAL_SELF, 2),
    (ReferralSource.LA_SOCIAL_CARE, 6),
    (ReferralSource.LA_OTHER_INTERNAL, 5),
    (ReferralSource.LA_EARLY_HELP, 3),
    (ReferralSource.HOUSING, 2),
    (ReferralSource.OTHER_LEGAL_AGENCY, 3),
    (ReferralSource.ANONYMOUS, 4),
    (ReferralSource.OTHER, 3),
    (ReferralSource.UNKNOWN, 2),
)
_CLOSURE_WEIGHTS: Final = (
    (ReasonForClosure.SERVICES_CEASED, 30),
    (ReasonForClosure.CLOSED_AFTER_ASSESSMENT, 40),
    (ReasonForClosure.CLOSED_AFTER_ASSESSMENT_EARLY_HELP, 18),
    (ReasonForClosure.TRANSFERRED_TO_ANOTHER_LA, 6),
    (ReasonForClosure.TRANSFERRED_TO_ADULT_SERVICES, 3),
    (ReasonForClosure.CHILD_ARRANGEMENTS_ORDER, 1),
    (ReasonForClosure.SPECIAL_GUARDIANSHIP_ORDER, 1),
    (ReasonForClosure.ADOPTED, 1),
)
_CLOSURE_AFTER_ACTION: Final = tuple(
    (reason, weight)
    for reason, weight in _CLOSURE_WEIGHTS
    if reason
    not in (
        ReasonForClosure.CLOSED_AFTER_ASSESSMENT,
        ReasonForClosure.CLOSED_AFTER_ASSESSMENT_EARLY_HELP,
    )
)
"""Reasons for closing an episode that went beyond its assessment (no "closed after assessment")."""
_UPN_LETTERS: Final = "ABCDEFGHJKLMNPQRTUVWXYZ"
_ETHNICITIES: Final = tuple(Ethnicity)
_FACTORS: Final = tuple(AssessmentFactor)
_DISABILITIES: Final = tuple(d for d in Disability if d is not Disability.NONE)


class InjectedError(enum.Enum):
    """A known data error the generator can put in a file."""

    DATE_NOT_ISO = "date not ISO 8601"
    """A referral date written ``DD/MM/YYYY``: the reader reports it and leaves the episode out."""
    UNKNOWN_CODE = "code not in the code list"
    """A primary need code ``N99``: the reader reports it and leaves the value out."""
    CONFERENCE_BEFORE_ENQUIRY = "conference before its enquiry"
    """An initial conference dated before its section 47 enquiry started (a journey finding)."""
    PLAN_WITHOUT_CONFERENCE = "plan without a conference"
    """A child protection plan starting on a day with no conference (a journey finding)."""


def _injected(value: object) -> dict[str, int]:
    return sorted_counts("injected", value)


@attrs.frozen(kw_only=True)
class SyntheticSummary:
    """What a generated file holds.

    Attributes:
        children: Children written.
        episodes: Episodes written.
        injected: Injected errors, counted by [`InjectedError`][] value.
    """

    children: int
    episodes: int
    injected: dict[str, int] = attrs.field(factory=dict, converter=_injected, hash=False)


@functools.cache
def _in_force(
    table: tuple[tuple[enum.Enum, int], ...], key: str, on: dt.date
) -> tuple[tuple[enum.Enum, int], ...]:
    """The codes of *table* in the census code list *key* on *on* (the 2021-22 list before)."""
    rule = next(rule for rule in all_rules() if rule.key == key)
    try:
        allowed = set(rule.at(on).value)
    except RuleNotInForceError:
        allowed = set(rule.versions[0].value)
    return tuple((code, weight) for code, weight in table if code in allowed)


def _weighted(rng: random.Random, table: tuple[tuple[enum.Enum, int], ...]) -> enum.Enum:
    return rng.choices([item for item, _ in table], weights=[w for _, w in table])[0]


def _days(start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=days)


def _working(start: dt.date, days: int) -> dt.date:
    return add_working_days(start, days, calendar=ENGLAND_AND_WALES)


def _months(start: dt.date, months: float) -> dt.date:
    return start + dt.timedelta(days=round(months * 30.44))


class _Episodes:
    """Draws one child's episodes for a reporting year ending on *end*."""

    def __init__(self, rng: random.Random, start: dt.date, end: dt.date) -> None:
        self.rng = rng
        self.start = start
        self.end = end
        self.sources = _in_force(_SOURCE_WEIGHTS, "cases.referral_sources", start)
        self.closures = _in_force(_CLOSURE_WEIGHTS, "cases.reasons_for_closure", start)
        self.closures_after_action = _in_force(
            _CLOSURE_AFTER_ACTION, "cases.reasons_for_closure", start
        )

    def chance(self, key: str) -> bool:
        return self.rng.random() < RATES[key]

    def within(self, limit: dt.date | None) -> dt.date | None:
        """``None`` for a date after the reference date (not yet happened)."""
        return None if limit is None or limit > self.end else limit

    def episode(self, referral: dt.date, *, previous_plans: int) -> tuple[Episode, bool]:
        """One episode from *referral*; says whether it holds a child protection plan."""
        rng = self.rng
        source = _weighted(rng, self.sources)
        need = _weighted(rng, _NEED_WEIGHTS)
        if referral >= self.start and self.chance("no_further_action"):
            closure = self.within(_days(referral, rng.randint(0, 3)))
            return Episode(
                referral_date=referral,
                referral_source=source,  # type: ignore[arg-type]
                primary_need=need,  # type: ignore[arg-type]
                referral_nfa=True,
                closure_date=closure,
                reason_for_closure=ReasonForClosure.CLOSED_AFTER_ASSESSMENT if closure else None,
            ), False
        assessment_start = _working(referral, rng.randint(0, 2))
        if assessment_start > self.end:
            return Episode(
                referral_date=referral,
                referral_source=source,  # type: ignore[arg-type]
                primary_need=need,  # type: ignore[arg-type]
                referral_nfa=False,
            ), False
        limit = ASSESSMENT.at(referral).value.amount  # 45 working days
        if self.chance("assessment_within_45_days"):
            length = rng.randint(8, limit)
        else:
            length = rng.randint(limit + 1, limit + 35)
        authorised = self.within(_working(assessment_start, length))
        factors = frozenset(rng.sample(_FACTORS, rng.randint(1, 3)))
        assessment = Assessment(
            start_date=assessment_start, authorisation_date=authorised, factors=factors
        )
        last = authorised or assessment_start
        enquiries: tuple[Section47Enquiry, ...] = ()
        plans: tuple[ChildProtectionPlan, ...] = ()
        cin_plans: tuple[CINPlan, ...] = ()
        icpc: dt.date | None = None
        s47_start = _working(referral, rng.randint(0, 5))
        if self.chance("section47") and s47_start <= self.end:
            # The DfE measure counts the conference's working days from the s47 start.
            timescale = INITIAL_CONFERENCE.at(s47_start).value
            target = timescale.due(s47_start)
            if self.chance("icpc"):
                wait = (
                    rng.randint(5, timescale.amount)
                    if self.chance("icpc_within_15_days")
                    else rng.randint(timescale.amount + 1, 2 * timescale.amount)
                )
                icpc = self.within(_working(s47_start, wait))
            enquiries = (
                Section47Enquiry(
                    start_date=s47_start,
                    icpc_target_date=target,
                    initial_cpc_date=icpc,
                    icpc_not_required=icpc is None and target <= self.end,
                ),
            )
            last = max(last, icpc or s47_start)
            if icpc is not None and self.chance("plan_after_icpc"):
                plan, last = self.plan(icpc, previous_plans=previous_plans, last=last)
                plans = (plan,)
        if not plans and authorised is not None and self.chance("cin_plan"):
            plan_end = self.within(_months(authorised, rng.uniform(3, 18)))
            cin_plans = (CINPlan(start_date=authorised, end_date=plan_end),)
            last = max(last, plan_end or authorised)
        open_work = any(p.end_date is None for p in plans) or any(
            c.end_date is None for c in cin_plans
        )
        closure = None if open_work else self.within(_days(last, rng.randint(0, 90)))
        if authorised is None:
            closure = None
        if closure is not None and closure < self.start:
            # A census holds the episodes open during its year: one referred before the
            # year is still open on its first day.
            closure = self.within(_days(self.start, rng.randint(0, 200)))
        episode = self.returned(
            Episode(
                referral_date=referral,
                referral_source=source,  # type: ignore[arg-type]
                primary_need=need,  # type: ignore[arg-type]
                referral_nfa=False,
                closure_date=closure,
                assessments=(assessment,),
                cin_plans=cin_plans,
                section47_enquiries=enquiries,
                child_protection_plans=plans,
            ),
        )
        return episode, bool(plans)

    def returned(self, episode: Episode) -> Episode:
        """The episode as the census returns it, with its reason for closure if closed.

        "Closed after assessment" is drawn only for an episode whose return holds its
        assessment and no activity after it (DfE rules 2990 and 8825Q).
        """
        e = _as_returned(episode, self.start)
        if e.closure_date is None:
            return e
        after_action = not e.assessments or bool(
            e.section47_enquiries or e.child_protection_plans or e.cin_plans
        )
        reasons = self.closures_after_action if after_action else self.closures
        return attrs.evolve(e, reason_for_closure=_weighted(self.rng, reasons))  # type: ignore[arg-type]

    def plan(
        self, start: dt.date, *, previous_plans: int, last: dt.date
    ) -> tuple[ChildProtectionPlan, dt.date]:
        rng = self.rng
        if self.chance("plan_over_two_years"):
            months = rng.uniform(24, 30)
        else:
            months = min(rng.expovariate(1 / 9) + 2, 23.5)
        end = self.within(_months(start, months))
        stop = end or self.end
        reviews: list[dt.date] = []
        due = FIRST_REVIEW_CONFERENCE.at(start).value.due(start)
        while due <= stop:
            late = 0 if self.chance("review_on_time") else rng.randint(1, 20)
            held = _days(due, -rng.randint(0, 10) + late)
            if held > stop:
                break
            reviews.append(held)
            due = REVIEW_CONFERENCE_INTERVAL.at(held).value.due(held)
        category = _weighted(rng, _CATEGORY_WEIGHTS)
        latest = category if rng.random() < 0.9 else _weighted(rng, _CATEGORY_WEIGHTS)
        plan = ChildProtectionPlan(
            start_date=start,
            end_date=end,
            initial_category=category,  # type: ignore[arg-type]
            latest_category=latest,  # type: ignore[arg-type]
            previous_plans=previous_plans,
            review_dates=tuple(reviews),
        )
        return plan, max([last, start, *reviews, *([end] if end else [])])


def _as_returned(episode: Episode, start: dt.date) -> Episode:
    """The episode as a census for the year from *start* returns it.

    A census returns the modules active during its year: for an episode referred
    before it, what had ended by then is not in the file (DfE rules 8696, 8715,
    8930 and 4013: those end dates fall within the census year). A plan that goes
    on keeps the conference it started at as the episode's ``DateOfInitialCPC``.
    """
    assessments = tuple(
        a
        for a in episode.assessments
        if a.authorisation_date is None or a.authorisation_date >= start
    )
    enquiries = tuple(
        s
        for s in episode.section47_enquiries
        if s.initial_cpc_date is None or s.initial_cpc_date >= start
    )
    plans = tuple(
        p for p in episode.child_protection_plans if p.end_date is None or p.end_date >= start
    )
    cin_plans = tuple(c for c in episode.cin_plans if c.end_date is None or c.end_date >= start)
    earlier = [
        s.initial_cpc_date
        for s in episode.section47_enquiries
        if s.initial_cpc_date is not None and s.initial_cpc_date < start
    ]
    conference = next((d for d in earlier if any(p.start_date == d for p in plans)), None)
    return attrs.evolve(
        episode,
        assessments=assessments,
        section47_enquiries=enquiries,
        child_protection_plans=plans,
        cin_plans=cin_plans,
        initial_cpc_date=conference,
    )


def upn(la_code: str, school: int, year: int, serial: int) -> str:
    """A unique pupil number with its check letter (DfE's UPN specification).

    The 13 characters are the check letter, the authority's three-digit code,
    a four-digit establishment number, the two-digit year of allocation and a
    three-digit serial. The check letter is the sum of characters 2 to 13,
    each multiplied by its position, modulo 23, as a letter of
    ``ABCDEFGHJKLMNPQRTUVWXYZ``.

    Examples:
        >>> upn("950", 1, 78, 301)   # a valid UPN in the DfE validation rule 1510's own examples
        'A950000178301'
    """
    body = f"{la_code}{school:04d}{year % 100:02d}{serial:03d}"
    total = sum(int(digit) * position for position, digit in enumerate(body, start=2))
    return _UPN_LETTERS[total % 23] + body


def _child(index: int, seed: int, start: dt.date, end: dt.date, year: int) -> CensusChild:
    rng = random.Random(f"safeguarding.synthetic:{seed}:{index}")  # noqa: S311 - not for security
    draw = _Episodes(rng, start, end)
    if rng.random() < RATES["referral_in_year"]:
        referral = _days(start, rng.randint(0, (end - start).days))
    else:
        referral = _days(start, -rng.randint(30, 3 * 365))
    unborn = rng.random() < RATES["unborn"] and referral > _days(end, -150)
    if unborn:
        child = Child(
            identifier=f"SYN{index:07d}",
            expected_date_of_birth=_days(end, rng.randint(1, 120)),
        )
    else:
        child = Child(
            identifier=f"SYN{index:07d}",
            date_of_birth=_days(referral, -rng.randint(0, 17 * 365 + 300)),
        )
    previous = 1 if rng.random() < RATES["repeat_plan"] else 0
    episodes: list[Episode] = []
    first, planned = draw.episode(referral, previous_plans=previous)
    episodes.append(first)
    if first.closure_date is not None and rng.random() < RATES["re_referral"]:
        again = _days(first.closure_date, rng.randint(14, 240))
        if again <= end:
            second, _ = draw.episode(again, previous_plans=previous + int(planned))
            episodes.append(second)
    disabled = rng.random() < RATES["disabled"]
    disabilities = (
        frozenset(rng.sample(_DISABILITIES, rng.randint(1, 2)))
        if disabled
        else frozenset({Disability.NONE})
    )
    record = ChildRecord(
        child=attrs.evolve(child, disabled=disabled),
        ethnicity=rng.choice(_ETHNICITIES),
        disabilities=disabilities,
        episodes=tuple(episodes),
    )
    pupil = None
    born = record.child.date_of_birth
    if born is not None and 5 <= (end - born).days // 365 <= 16:
        allocated = max(born.year + 5, 2000)
        pupil = upn("999", 2000 + index % 4000, allocated, index % 1000)
    # An unborn child's sex is not known (DfE rule 8750).
    if year >= 2024:
        sex = Sex.UNKNOWN if unborn else rng.choice((Sex.MALE, Sex.FEMALE))
        return CensusChild(record=record, upn=pupil, sex=sex)
    gender = (
        GenderCurrent.NOT_KNOWN
        if unborn
        else rng.choice((GenderCurrent.MALE, GenderCurrent.FEMALE))
    )
    return CensusChild(record=record, upn=pupil, gender_current=gender)


def _check(children: object, seed: object, year: object) -> tuple[int, int, int]:
    count = check_int("children", children, minimum=0)
    seed_value = check_int("seed", seed)
    year_value = check_int("year", year, minimum=2017)
    if year_value > 2029:
        raise InvalidInputError("year", "the working-day calendar covers reporting years to 2029")
    return count, seed_value, year_value


def synthetic_children(children: int, *, seed: int = 0, year: int = 2023) -> Iterator[CensusChild]:
    """Generate *children* census children for the reporting year starting 1 April *year*.

    Each child has one episode, or two for a re-referral, in valid
    chronological order; events after 31 March *year* + 1 (the census
    reference date) are left out, as a real return would. From 2024 the
    children carry ``Sex``, before it ``GenderCurrent`` (the census layouts).

    Args:
        children: How many children.
        seed: The seed: the same seed gives the same children.
        year: The reporting year (1 April *year* to 31 March *year* + 1), 2017-2029:
            the census layouts this library reads, with referrals back to 2014, when the
            statutory timescales the children's clocks follow are in force.

    Yields:
        [`CensusChild`][safeguarding.io.cin_census.CensusChild] objects, one at a time.

    Raises:
        InvalidInputError: a negative size or a year outside 2017-2029.

    Examples:
        >>> children = list(synthetic_children(2, seed=1))
        >>> children == list(synthetic_children(2, seed=1)), len(children)
        (True, 2)
    """
    count, seed_value, year_value = _check(children, seed, year)
    start, end = dt.date(year_value, 4, 1), dt.date(year_value + 1, 3, 31)
    return (_child(index, seed_value, start, end, year_value) for index in range(1, count + 1))


def _inject(rng: random.Random, child: CensusChild, xml: str) -> tuple[str, InjectedError]:
    record = child.record
    episode = record.episodes[0]
    kinds = [InjectedError.DATE_NOT_ISO, InjectedError.UNKNOWN_CODE]
    if episode.section47_enquiries:
        kinds.append(InjectedError.CONFERENCE_BEFORE_ENQUIRY)
    if episode.child_protection_plans:
        kinds.append(InjectedError.PLAN_WITHOUT_CONFERENCE)
    kind = rng.choice(kinds)
    if kind is InjectedError.DATE_NOT_ISO:
        day = episode.referral_date
        iso = f"<CINreferralDate>{day.isoformat()}</CINreferralDate>"
        xml = xml.replace(iso, f"<CINreferralDate>{day:%d/%m/%Y}</CINreferralDate>", 1)
    elif kind is InjectedError.UNKNOWN_CODE:
        need = f"<PrimaryNeedCode>{episode.primary_need.value}</PrimaryNeedCode>"  # type: ignore[union-attr]
        xml = xml.replace(need, "<PrimaryNeedCode>N99</PrimaryNeedCode>", 1)
    elif kind is InjectedError.CONFERENCE_BEFORE_ENQUIRY:
        enquiry = episode.section47_enquiries[0]
        early = _days(enquiry.start_date, -3)
        s47 = f"<S47ActualStartDate>{enquiry.start_date.isoformat()}</S47ActualStartDate>"
        conference = f"<DateOfInitialCPC>{early.isoformat()}</DateOfInitialCPC>"
        if enquiry.initial_cpc_date is None:
            xml = xml.replace(s47, s47 + conference, 1)
        else:
            recorded = enquiry.initial_cpc_date.isoformat()
            xml = xml.replace(f"<DateOfInitialCPC>{recorded}</DateOfInitialCPC>", conference)
    else:
        xml = re.sub(r"\s*<DateOfInitialCPC>[^<]*</DateOfInitialCPC>", "", xml)
    return xml, kind


def write_synthetic_census(  # noqa: PLR0913 - every option is keyword-only
    destination: str | os.PathLike[str] | IO[bytes],
    *,
    children: int,
    seed: int = 0,
    year: int = 2023,
    error_rate: float = 0.0,
    la_code: str = "999",
) -> SyntheticSummary:
    """Write a synthetic CIN census file, streaming, and say what it holds.

    Args:
        destination: A path or a binary file object.
        children: How many children.
        seed: The seed: the same arguments give the same bytes.
        year: The reporting year (1 April *year* to 31 March *year* + 1).
        error_rate: The share of children (0 to 1) given one known data error.
        la_code: The three-digit local authority code written in the header.

    Returns:
        A [`SyntheticSummary`][].

    Raises:
        InvalidInputError: bad size, year, rate or authority code.
    """
    count, seed_value, year_value = _check(children, seed, year)
    rate = check_number("error_rate", error_rate)
    if not 0 <= rate <= 1:
        raise InvalidInputError("error_rate", "must be between 0 and 1")
    if not (isinstance(la_code, str) and len(la_code) == 3 and la_code.isdigit()):
        raise InvalidInputError("la_code", "must be three digits")
    return _write_synthetic(destination, count, seed_value, year_value, rate, la_code)


def _write_synthetic(  # noqa: PLR0913, PLR0917
    destination: str | os.PathLike[str] | IO[bytes],
    count: int,
    seed: int,
    year: int,
    rate: float,
    la_code: str,
) -> SyntheticSummary:
    header = CensusHeader(
        collection="CIN",
        year=year + 1,
        reference_date=dt.date(year + 1, 3, 31),
        source_level="L",
        la_code=la_code,
        software_code="safeguarding.synthetic",
        release="1",
        serial_no=f"{seed % 1000:03d}",
        date_time=f"{year + 1}-04-30T09:00:00",
    )
    injector = random.Random(f"safeguarding.synthetic.errors:{seed}")  # noqa: S311
    injected: Counter[str] = Counter()
    episodes = 0

    def pieces() -> Iterator[str]:
        nonlocal episodes
        for child in synthetic_children(count, seed=seed, year=year):
            episodes += len(child.record.episodes)
            text = child_xml(child)
            if rate and injector.random() < rate:
                text, kind = _inject(injector, child, text)
                injected[kind.value] += 1
            yield text

    write_children_xml(destination, header, pieces())
    return SyntheticSummary(children=count, episodes=episodes, injected=dict(injected))


def synthetic_census(
    children: int, *, seed: int = 0, year: int = 2023, error_rate: float = 0.0
) -> bytes:
    """A synthetic CIN census file as bytes (see [`write_synthetic_census`][]).

    Examples:
        >>> synthetic_census(3, seed=1) == synthetic_census(3, seed=1)
        True
    """
    buffer = io.BytesIO()
    write_synthetic_census(buffer, children=children, seed=seed, year=year, error_rate=error_rate)
    return buffer.getvalue()
