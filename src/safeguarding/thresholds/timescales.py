"""The statutory clocks of the child protection process and of looked-after reviews.

Once a referral reaches children's social care, national guidance sets the
time each step may take:

* **referral decision**: within 1 working day of the referral, a social
  worker acknowledges it and decides the next step;
* **assessment**: concluded within 45 working days of the point of referral;
* **initial child protection conference (ICPC)**: within 15 working days of
  the strategy discussion (where several were held, of the one at which the
  section 47 enquiry was initiated: which discussion counts is itself a dated,
  locally overridable rule);
* **first core group**: within 10 working days of the ICPC;
* **review conferences**: the first within 3 months of the ICPC, then at
  intervals of no more than 6 months while the plan lasts;
* **looked-after reviews**: the first within 20 working days of the child
  becoming looked after, the second within 3 months of the first, then at
  intervals of no more than 6 months.

Working days follow the library's day 0 convention: the day the clock starts
is day 0, and "within N working days" means no later than the N-th working
day after it ([`add_working_days`][safeguarding.calendar.add_working_days]). Months are
calendar months, clamped to the end of a short month
([`add_months`][safeguarding.calendar.add_months]): 3 months after 30 November is
28 (or 29) February. The guidance does not say how to count a month from a
month end; the clamping is the library's reading.

Each timescale is a [`DatedRule`][safeguarding.rules.DatedRule] whose versions
follow the editions of *Working Together to Safeguard Children* (2013, 2015,
2018, 2023) or the Care Planning, Placement and Case Review (England)
Regulations 2010. A Working Together version starts on the day its edition came
into effect, read from the editions table
([`EDITIONS`][safeguarding.sources.EDITIONS]). A deadline is computed with the
version in force on the day its clock starts. Local choices (which strategy
discussion starts the ICPC clock, local closure days) live in the caller's
[`Procedures`][safeguarding.procedures.Procedures].

Examples:
    >>> import datetime as dt
    >>> d = assessment_deadline(dt.date(2024, 3, 25))   # Easter 2024 skipped
    >>> d.due
    datetime.date(2024, 5, 31)
    >>> print(d.explain())  # doctest: +ELLIPSIS
    Due 2024-05-31: 45 working days after the referral on 2024-03-25 (day 0 is the day the clock \
    starts). Source: Working Together to Safeguard Children 2023, ... [secondary].
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from safeguarding._validate import check_date
from safeguarding.cases import Section47Enquiry, StrategyDiscussion
from safeguarding.citations import Verification
from safeguarding.decisions import Deadline, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.families import timescale
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CARE_PLANNING_REGULATIONS_2010,
    WORKING_TOGETHER_2013,
    Basis,
    Edition,
    edition,
)

__all__ = [
    "ASSESSMENT",
    "FIRST_CORE_GROUP",
    "FIRST_REVIEW_CONFERENCE",
    "INITIAL_CONFERENCE",
    "INITIAL_CONFERENCE_ANCHOR",
    "LOOKED_AFTER_FIRST_REVIEW",
    "LOOKED_AFTER_REVIEW_INTERVAL",
    "LOOKED_AFTER_SECOND_REVIEW",
    "REFERRAL_DECISION",
    "REVIEW_CONFERENCE_INTERVAL",
    "WORKING_TOGETHER_2013",
    "IcpcAnchor",
    "assessment_deadline",
    "first_core_group_deadline",
    "first_looked_after_review_deadline",
    "first_review_conference_deadline",
    "initial_conference_anchor",
    "initial_conference_deadline",
    "next_looked_after_review_deadline",
    "next_review_conference_deadline",
    "referral_decision_deadline",
    "second_looked_after_review_deadline",
]

CARE_PLANNING_FROM = dt.date(2011, 4, 1)

# The editions the child protection timescales follow, from the editions table: each
# version starts on the day its edition came into effect.
_EDITIONS: tuple[Edition, ...] = tuple(map(edition, ("WT2013", "WT2015", "WT2018", "WT2023")))


def _working_together_rule(
    key: str,
    title: str,
    value: Timescale,
    provision: str,
    notes: dict[str, tuple[Verification, str]],
) -> DatedRule[Timescale]:
    """A rule restated in every edition of Working Together since 2013, one version each."""
    versions = tuple(
        Version(
            in_force_from=entry.in_effect.day,
            value=value,
            source=entry.instrument.cite(
                provision,
                notes[entry.key][0],
                note=f"{notes[entry.key][1]} {entry.applies_from(Basis.IN_EFFECT)}",
            ),
            edition=entry.key,
        )
        for entry in _EDITIONS
    )
    return register(DatedRule(key=key, title=title, versions=versions))


def _same_in_every_edition(status: Verification, note: str) -> dict[str, tuple[Verification, str]]:
    return dict.fromkeys(("WT2013", "WT2015", "WT2018", "WT2023"), (status, note))


_S = Verification.SECONDARY
_U = Verification.UNVERIFIED

_REFERRAL_NOTE = (
    "Within one working day of a referral a social worker acknowledges it and decides the "
    "next steps. Restated by a WT2013 training deck (citing WT2013 p.26), the Tees summary "
    "of WT2013, a 2023-era social work guide and Keeping Children Safe in Education; the "
    "guidance text itself was not read and no edition change was found."
)
REFERRAL_DECISION: DatedRule[Timescale] = _working_together_rule(
    "thresholds.referral_decision",
    "Decision on a referral to children's social care",
    Timescale(amount=1, unit=Unit.WORKING_DAYS, clock_starts="referral"),
    "chapter 1, 'Timeliness' and the referral flow chart (paragraph not read)",
    _same_in_every_edition(_S, _REFERRAL_NOTE),
)

_ASSESSMENT_NOTE = (
    "No longer than 45 working days from the point of referral (a maximum, not a target; "
    "reasons recorded if exceeded). Restated almost word for word by the tri.x glossary "
    "(WT2018), Northumberland LSCB (WT2015), Family Rights Group (WT2018 para 82) and a "
    "2023-era guide (clock runs from the referral, not its acceptance). Introduced by "
    "WT2013 (Community Care 2012). DfE's published durations run from the assessment "
    "start instead."
)
ASSESSMENT: DatedRule[Timescale] = _working_together_rule(
    "thresholds.assessment",
    "Assessment concluded after a referral",
    Timescale(amount=45, unit=Unit.WORKING_DAYS, clock_starts="referral"),
    "chapter 1, 'Timeliness' (WT2018 paragraph 82 per one restatement)",
    _same_in_every_edition(_S, _ASSESSMENT_NOTE),
)

_ICPC_NOTE = (
    "Within 15 working days of the strategy discussion (of the one at which the s47 enquiry was "
    "initiated, where several were held). Restated by Pan-Sussex 5.2, Solihull 3.5, Liverpool "
    "3.5, Norfolk 3.6, West Mercia 3.5, Devon, Tees and Family Rights Group; search confirmed "
    "the Sussex, Liverpool and FRG wording."
)
_ICPC_2018_NOTE = _ICPC_NOTE + " WT2018 chapter 1 was largely unchanged from WT2015 (Wirral)."
_ICPC_2023_NOTE = (
    "No WT2023-era restatement of the 15 working days was read; commentators report no "
    "change to the timescales in 2023."
)
INITIAL_CONFERENCE: DatedRule[Timescale] = _working_together_rule(
    "thresholds.initial_conference",
    "Initial child protection conference after the strategy discussion",
    Timescale(amount=15, unit=Unit.WORKING_DAYS, clock_starts="strategy discussion"),
    "chapter 1, 'Initial child protection conferences' (paragraph not read)",
    {
        "WT2013": (_S, _ICPC_NOTE),
        "WT2015": (_S, _ICPC_NOTE),
        "WT2018": (_S, _ICPC_2018_NOTE),
        "WT2023": (_U, _ICPC_2023_NOTE),
    },
)

_CORE_GROUP_NOTE = (
    "First core group within 10 working days of the initial conference: Norfolk LSCB 3.6 "
    "(English) and the All Wales Procedures (corroborative only); edition-specific text "
    "not read."
)
FIRST_CORE_GROUP: DatedRule[Timescale] = _working_together_rule(
    "thresholds.first_core_group",
    "First core group meeting after the initial conference",
    Timescale(
        amount=10, unit=Unit.WORKING_DAYS, clock_starts="initial child protection conference"
    ),
    "chapter 1, 'The child protection plan' (paragraph not read)",
    _same_in_every_edition(_S, _CORE_GROUP_NOTE),
)

_REVIEW_NOTE = (
    "First review within 3 months of the initial conference, then at intervals of no more than "
    "6 months while the plan lasts: Pan-Sussex 5.5, the tri.x national keyword and Tees agree. "
    "Month-end clamping is the library's reading (not stated by any source)."
)
FIRST_REVIEW_CONFERENCE: DatedRule[Timescale] = _working_together_rule(
    "thresholds.first_review_conference",
    "First child protection review conference",
    Timescale(amount=3, unit=Unit.MONTHS, clock_starts="initial child protection conference"),
    "chapter 1, 'Child protection review conference' (paragraph not read)",
    _same_in_every_edition(_S, _REVIEW_NOTE),
)
REVIEW_CONFERENCE_INTERVAL: DatedRule[Timescale] = _working_together_rule(
    "thresholds.review_conference_interval",
    "Later child protection review conferences",
    Timescale(amount=6, unit=Unit.MONTHS, clock_starts="previous review conference"),
    "chapter 1, 'Child protection review conference' (paragraph not read)",
    _same_in_every_edition(_S, _REVIEW_NOTE),
)


def _care_planning_rule(key: str, title: str, value: Timescale, note: str) -> DatedRule[Timescale]:
    return register(
        DatedRule(
            key=key,
            title=title,
            versions=(
                Version(
                    in_force_from=CARE_PLANNING_FROM,
                    value=value,
                    source=CARE_PLANNING_REGULATIONS_2010.cite(
                        "reg 33 (Part 6, reviews of the child's case)",
                        Verification.SECONDARY,
                        url="https://www.legislation.gov.uk/uksi/2010/959/part/6",
                        note=note
                        + " Commencement on 1 April 2011 read in reg 1(1) on legislation.gov.uk; "
                        "the text of reg 33 itself was not read.",
                    ),
                    edition="SI 2010/959",
                ),
            ),
        )
    )


_LAC_NOTE = (
    "First review within 20 working days of the child becoming looked after, the second within "
    "3 months of the first, later ones at most 6 months apart: restated by Childhood First, "
    "Cambridgeshire and Newham procedures (pre-2011 rules used 'within four weeks')."
)
LOOKED_AFTER_FIRST_REVIEW: DatedRule[Timescale] = _care_planning_rule(
    "thresholds.looked_after_first_review",
    "First review of a looked-after child's case",
    Timescale(amount=20, unit=Unit.WORKING_DAYS, clock_starts="day the child became looked after"),
    _LAC_NOTE,
)
LOOKED_AFTER_SECOND_REVIEW: DatedRule[Timescale] = _care_planning_rule(
    "thresholds.looked_after_second_review",
    "Second review of a looked-after child's case",
    Timescale(amount=3, unit=Unit.MONTHS, clock_starts="first review"),
    _LAC_NOTE,
)
LOOKED_AFTER_REVIEW_INTERVAL: DatedRule[Timescale] = _care_planning_rule(
    "thresholds.looked_after_review_interval",
    "Later reviews of a looked-after child's case",
    Timescale(amount=6, unit=Unit.MONTHS, clock_starts="previous review"),
    _LAC_NOTE,
)


class IcpcAnchor(enum.Enum):
    """Which strategy discussion starts the initial conference's 15-working-day clock."""

    INITIATING = "the strategy discussion at which the s47 enquiry was initiated"
    """The English guidance as restated for WT2013 to WT2018 (the national default)."""
    FIRST = "the first strategy discussion"
    """The first discussion held (Somerset's glossary: the 'initial' strategy discussion)."""
    LAST = "the last strategy discussion before the conference"
    """The last discussion (Isle of Man procedure; an opt-in alternative)."""


_ANCHOR_NOTE_S = (
    "Where more than one strategy discussion was held, the clock runs from the one at which the "
    "s47 enquiry was initiated: seven or more English restatements agree (Pan-Sussex procedures "
    "5.2, Solihull 3.5, Liverpool 3.5, Norfolk 3.6, West Mercia 3.5, Devon one-minute guide "
    "no. 23, Tees procedure 10, Family Rights Group); the Working Together text was not checked. "
    "The 'last strategy discussion' wording is the Isle of Man's (a Manx 'section 46' enquiry), "
    "not England's."
)
INITIAL_CONFERENCE_ANCHOR: DatedRule[IcpcAnchor] = register(
    DatedRule(
        key="thresholds.initial_conference_anchor",
        title="Strategy discussion that starts the initial conference clock",
        versions=tuple(
            Version(
                in_force_from=entry.in_effect.day,
                value=IcpcAnchor.INITIATING,
                source=entry.instrument.cite(
                    "chapter 1, 'Initial child protection conferences' (paragraph not read)",
                    _U if entry.key == "WT2023" else _S,
                    note=(
                        "No English source tied to WT2023 states the anchor; the WT2015-2018 "
                        "reading is kept. A partnership may set another in its Procedures."
                        if entry.key == "WT2023"
                        else _ANCHOR_NOTE_S
                    )
                    + " "
                    + entry.applies_from(Basis.IN_EFFECT),
                ),
                edition=entry.key,
            )
            for entry in _EDITIONS
        ),
    )
)


_DEADLINES: dict[
    tuple[int, dt.date, dt.date, int, str | None], tuple[object, object, Deadline]
] = {}
_DEADLINES_LIMIT = 50_000


def _deadline(  # noqa: PLR0913 - the rule, the named start, and the keyword choices
    rule: DatedRule[Timescale],
    name: str,
    start: object,
    *,
    on: object,
    procedures: object,
    clock_starts: str | None = None,
) -> Deadline:
    """The deadline of *rule* for a clock starting on *start*, with the version of *on*.

    Deadlines are immutable, and a case file or a census asks for the same
    rule, start day and procedures many times: they are kept in a bounded
    cache keyed by the rule and procedures objects themselves (held in the
    entry, so an identity never refers to another object).
    """
    day = check_date(name, start)
    when = day if on is None else check_date("on", on)
    local = check_procedures(procedures)
    key = (id(rule), day, when, id(local), clock_starts)
    hit = _DEADLINES.get(key)
    if hit is not None and hit[0] is rule and hit[1] is local:
        return hit[2]
    deadline = Deadline.from_rule(rule, day, on=when, procedures=local, clock_starts=clock_starts)
    if len(_DEADLINES) >= _DEADLINES_LIMIT:
        _DEADLINES.clear()
    _DEADLINES[key] = (rule, local, deadline)
    return deadline


@timescale("thresholds.referral_decision")
def referral_decision_deadline(
    referral: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which children's social care must decide what to do with a referral.

    Within one working day of receiving a referral, a social worker
    acknowledges it and decides the next step (no further action, early help,
    an assessment, a strategy discussion, immediate protection). The referral
    day is day 0.

    Legal basis:
        Working Together to Safeguard Children (2013, 2015, 2018, 2023),
        chapter 1, 'Timeliness' (rule ``thresholds.referral_decision``,
        secondary).

    Args:
        referral: The day the referral was received (day 0).
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *referral*.

    Raises:
        InvalidInputError: *referral* is not a plain ``date``.
        RuleNotInForceError: *referral* is before 15 April 2013.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> referral_decision_deadline(dt.date(2024, 12, 24)).due   # Christmas and Boxing Day
        datetime.date(2024, 12, 27)
    """
    return _deadline(REFERRAL_DECISION, "referral", referral, on=on, procedures=procedures)


@timescale("thresholds.assessment")
def assessment_deadline(
    referral: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the assessment that follows a referral must be concluded.

    An assessment is concluded, so that the next steps can be decided, no
    later than 45 working days from the point of referral. The referral day
    is day 0. (DfE's published durations run from the assessment start instead.)

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1,
        'Timeliness' (rule ``thresholds.assessment``, secondary).

    Args:
        referral: The day the referral was received (day 0).
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *referral*.

    Raises:
        InvalidInputError: *referral* is not a plain ``date``.
        RuleNotInForceError: *referral* is before 15 April 2013.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> assessment_deadline(dt.date(2024, 11, 1)).due   # Christmas and New Year skipped
        datetime.date(2025, 1, 8)
    """
    return _deadline(ASSESSMENT, "referral", referral, on=on, procedures=procedures)


@timescale("thresholds.initial_conference")
def initial_conference_deadline(
    strategy_discussion: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the initial child protection conference must be held.

    Within 15 working days of the strategy discussion (day 0). Which
    discussion counts when several were held is [`initial_conference_anchor`][]'s
    question.

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1,
        'Initial child protection conferences' (rule
        ``thresholds.initial_conference``: secondary to WT2018, unverified
        for WT2023).

    Args:
        strategy_discussion: The day of the strategy discussion that starts
            the clock (day 0).
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *strategy_discussion*.

    Raises:
        InvalidInputError: *strategy_discussion* is not a plain ``date``.
        RuleNotInForceError: *strategy_discussion* is before 15 April 2013.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> initial_conference_deadline(dt.date(2024, 12, 20)).due
        datetime.date(2025, 1, 15)
    """
    return _deadline(
        INITIAL_CONFERENCE, "strategy_discussion", strategy_discussion, on=on, procedures=procedures
    )


@timescale("thresholds.first_core_group")
def first_core_group_deadline(
    initial_conference: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the core group must first meet after a child protection plan is made.

    Within 10 working days of the initial child protection conference (day 0).

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1,
        'The child protection plan' (rule ``thresholds.first_core_group``,
        secondary).

    Args:
        initial_conference: The day of the conference that made the plan.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *initial_conference*.

    Raises:
        InvalidInputError: *initial_conference* is not a plain ``date``.
        RuleNotInForceError: *initial_conference* is before 15 April 2013.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> first_core_group_deadline(dt.date(2025, 4, 11)).due   # Good Friday, Easter Monday
        datetime.date(2025, 4, 29)
    """
    return _deadline(
        FIRST_CORE_GROUP, "initial_conference", initial_conference, on=on, procedures=procedures
    )


@timescale("thresholds.first_review_conference")
def first_review_conference_deadline(
    initial_conference: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the first child protection review conference must be held.

    No later than 3 calendar months after the initial conference, clamped to
    the end of a shorter month (31 August gives 30 November).

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1,
        'Child protection review conference' (rule
        ``thresholds.first_review_conference``, secondary).

    Args:
        initial_conference: The day of the initial conference.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *initial_conference*.

    Raises:
        InvalidInputError: *initial_conference* is not a plain ``date``.
        RuleNotInForceError: *initial_conference* is before 15 April 2013.

    Examples:
        >>> import datetime as dt
        >>> first_review_conference_deadline(dt.date(2024, 11, 30)).due
        datetime.date(2025, 2, 28)
    """
    return _deadline(
        FIRST_REVIEW_CONFERENCE,
        "initial_conference",
        initial_conference,
        on=on,
        procedures=procedures,
    )


@timescale("thresholds.review_conference_interval")
def next_review_conference_deadline(
    previous_review: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the next child protection review conference must be held.

    Later reviews are held at intervals of no more than 6 calendar months
    while the plan lasts, counted from the review actually held (clamped to
    the end of a shorter month).

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1,
        'Child protection review conference' (rule
        ``thresholds.review_conference_interval``, secondary).

    Args:
        previous_review: The day of the previous review conference.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline, with the edition in force on *previous_review*.

    Raises:
        InvalidInputError: *previous_review* is not a plain ``date``.
        RuleNotInForceError: *previous_review* is before 15 April 2013.

    Examples:
        >>> import datetime as dt
        >>> next_review_conference_deadline(dt.date(2024, 8, 31)).due
        datetime.date(2025, 2, 28)
    """
    return _deadline(
        REVIEW_CONFERENCE_INTERVAL, "previous_review", previous_review, on=on, procedures=procedures
    )


@timescale("thresholds.looked_after_first_review")
def first_looked_after_review_deadline(
    looked_after_from: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which a looked-after child's case must first be reviewed.

    Within 20 working days of the day the child became looked after (day 0).

    Legal basis:
        Care Planning, Placement and Case Review (England) Regulations 2010,
        reg 33 (rule ``thresholds.looked_after_first_review``, secondary).

    Args:
        looked_after_from: The day the child became looked after.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline.

    Raises:
        InvalidInputError: *looked_after_from* is not a plain ``date``.
        RuleNotInForceError: *looked_after_from* is before 1 April 2011.
        CalendarCoverageError: a date outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> first_looked_after_review_deadline(dt.date(2024, 12, 16)).due
        datetime.date(2025, 1, 16)
    """
    return _deadline(
        LOOKED_AFTER_FIRST_REVIEW,
        "looked_after_from",
        looked_after_from,
        on=on,
        procedures=procedures,
    )


@timescale("thresholds.looked_after_second_review")
def second_looked_after_review_deadline(
    first_review: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the second review of a looked-after child's case must be held.

    No more than 3 calendar months after the first review.

    Legal basis:
        Care Planning, Placement and Case Review (England) Regulations 2010,
        reg 33 (rule ``thresholds.looked_after_second_review``, secondary).

    Args:
        first_review: The day of the first review.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline.

    Raises:
        InvalidInputError: *first_review* is not a plain ``date``.
        RuleNotInForceError: *first_review* is before 1 April 2011.

    Examples:
        >>> import datetime as dt
        >>> second_looked_after_review_deadline(dt.date(2025, 1, 16)).due
        datetime.date(2025, 4, 16)
    """
    return _deadline(
        LOOKED_AFTER_SECOND_REVIEW, "first_review", first_review, on=on, procedures=procedures
    )


@timescale("thresholds.looked_after_review_interval")
def next_looked_after_review_deadline(
    previous_review: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the next review of a looked-after child's case must be held.

    After the second review, reviews are held at intervals of no more than 6
    calendar months.

    Legal basis:
        Care Planning, Placement and Case Review (England) Regulations 2010,
        reg 33 (rule ``thresholds.looked_after_review_interval``, secondary).

    Args:
        previous_review: The day of the previous review.
        on: The date whose version of the rule applies; the clock's start if omitted.
        procedures: Local procedures (calendar and local versions of rules).

    Returns:
        The deadline.

    Raises:
        InvalidInputError: *previous_review* is not a plain ``date``.
        RuleNotInForceError: *previous_review* is before 1 April 2011.

    Examples:
        >>> import datetime as dt
        >>> next_looked_after_review_deadline(dt.date(2025, 4, 16)).due
        datetime.date(2025, 10, 16)
    """
    return _deadline(
        LOOKED_AFTER_REVIEW_INTERVAL,
        "previous_review",
        previous_review,
        on=on,
        procedures=procedures,
    )


def _anchor_choice(
    discussions: Sequence[StrategyDiscussion], anchor: IcpcAnchor, s47_start: dt.date
) -> tuple[StrategyDiscussion, str]:
    """Pick the discussion for *anchor* among non-empty *discussions*; say how."""
    if anchor is IcpcAnchor.FIRST:
        return min(discussions, key=_held), IcpcAnchor.FIRST.value
    if anchor is IcpcAnchor.LAST:
        return max(discussions, key=_held), IcpcAnchor.LAST.value
    flagged = [d for d in discussions if d.initiated_s47]
    if flagged:
        return min(flagged, key=_held), IcpcAnchor.INITIATING.value
    before = [d for d in discussions if d.discussion_date <= s47_start]
    if before:
        chosen = max(before, key=_held)
        return chosen, (
            "the last strategy discussion on or before the s47 start "
            "(taken as the one that initiated it)"
        )
    return min(discussions, key=_held), (
        "the first strategy discussion (none is recorded as initiating the s47 enquiry)"
    )


def _held(discussion: StrategyDiscussion) -> dt.date:
    return discussion.discussion_date


def initial_conference_anchor(
    enquiry: Section47Enquiry,
    *,
    on: dt.date,
    procedures: Procedures = NATIONAL,
) -> tuple[dt.date, str]:
    """The day the initial conference clock starts for a section 47 enquiry, and why.

    The clock starts at a strategy discussion. Where several were held, the
    national rule (`INITIAL_CONFERENCE_ANCHOR`) takes the one at which
    the enquiry was initiated: the earliest flagged ``initiated_s47``; if none
    is flagged, the last held on or before the enquiry's start. A partnership
    may choose the first or the last discussion instead
    (in its [`Procedures`][safeguarding.procedures.Procedures]). Only discussions known on
    *on*, and none after
    the conference once it has been held, are considered. With no strategy
    discussion recorded (the CIN census has none), the clock runs from the
    start of the s47 enquiry, as DfE measures it.

    Legal basis:
        Working Together to Safeguard Children (2013 onwards), chapter 1
        (rule ``thresholds.initial_conference_anchor``: secondary to WT2018,
        unverified for WT2023).

    Args:
        enquiry: The section 47 enquiry.
        on: The day the question is asked (later discussions are unknown).
        procedures: Local choices; national defaults by default.

    Returns:
        The clock-start day and a phrase saying which event it is.

    Raises:
        InvalidInputError: *on* is not a plain ``date`` or *enquiry* not a
            [`Section47Enquiry`][safeguarding.cases.Section47Enquiry].
        RuleNotInForceError: the national anchor is asked for a day before
            15 April 2013.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.cases import Section47Enquiry, StrategyDiscussion
        >>> enquiry = Section47Enquiry(
        ...     start_date=dt.date(2024, 3, 4),
        ...     strategy_discussions=(
        ...         StrategyDiscussion(discussion_date=dt.date(2024, 3, 1), initiated_s47=True),
        ...         StrategyDiscussion(discussion_date=dt.date(2024, 3, 8)),
        ...     ),
        ... )
        >>> initial_conference_anchor(enquiry, on=dt.date(2024, 4, 1))[0]
        datetime.date(2024, 3, 1)
        >>> from safeguarding.procedures import Procedures
        >>> last = Procedures.adopt(
        ...     "Example procedures",
        ...     {"thresholds.initial_conference_anchor": IcpcAnchor.LAST},
        ...     in_force_from=dt.date(2020, 1, 1),
        ... )
        >>> initial_conference_anchor(enquiry, on=dt.date(2024, 4, 1), procedures=last)[0]
        datetime.date(2024, 3, 8)
    """
    check_date("on", on)
    if not isinstance(enquiry, Section47Enquiry):
        raise InvalidInputError("enquiry", "must be a Section47Enquiry")
    check_procedures(procedures)
    limit = on
    conference = enquiry.initial_cpc_date
    if conference is not None and conference < limit:
        limit = conference
    discussions = [d for d in enquiry.strategy_discussions if d.discussion_date <= limit]
    if not discussions:
        return enquiry.start_date, "start of the s47 enquiry (no strategy discussion recorded)"
    earliest = min(d.discussion_date for d in discussions)
    anchor = INITIAL_CONFERENCE_ANCHOR.at(earliest, procedures=procedures).value
    chosen, why = _anchor_choice(discussions, anchor, enquiry.start_date)
    return chosen.discussion_date, why
