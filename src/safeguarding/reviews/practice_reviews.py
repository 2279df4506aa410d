"""Rapid reviews and local child safeguarding practice reviews (from 29 June 2018).

From 29 June 2018 every serious incident notified to the Child Safeguarding Practice Review
Panel is followed by a **rapid review**: the safeguarding partners for the area where the
incident happened (or, for a death or harm outside England, the area where the child lived)
gather the facts, decide on immediate action, consider what could be learned and decide the
next steps, and send the review to the Panel. It is expected within **15 working days**.
The event the clock counts from changed with the guidance: Working Together 2018 was
restated as counting from the partners **becoming aware** of the incident, the Working
Together 2023 era (with the Panel's guidance) from the **notification to the Panel**. In
the transition year the LSCBs ran these rapid reviews too (Lewisham's case review panel did
from 29 June 2018).

Once its arrangements went live, the partners decide whether a serious child safeguarding
case calls for a **local child safeguarding practice review**. Regulation 11 of SI 2018/789
lists what they must take into account: whether the case highlights or may highlight
(a) improvements needed, including ones identified before; (b) recurrent themes;
(c) concerns about two or more organisations working together; (d) whether the Panel
considered it and concluded a local review may be more appropriate. **Meeting these does
not oblige a review**: the decision is the partners'. A review is expected to be completed
and published within 6 months of the decision (secondary), with the final report sent to
the Panel and the Secretary of State before publication (at least 7 working days before:
unverified).

Examples:
    >>> import datetime as dt
    >>> rapid_review_deadline(dt.date(2024, 12, 16), notified_on=dt.date(2024, 12, 18)).due
    datetime.date(2025, 1, 13)
"""

from __future__ import annotations

import datetime as dt
import enum

from safeguarding._validate import check_date
from safeguarding.calendar import WorkingCalendar, add_working_days, working_days_between
from safeguarding.citations import Verification
from safeguarding.decisions import Deadline, Decision, Finding, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria, timescale
from safeguarding.logic import all_of, any_of, describe
from safeguarding.places import Place, Residence
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import LEWISHAM_LSCB_ANNUAL_REPORT_2018_19, PANEL_FAQ
from safeguarding.reviews._links import linked_to_area, unknown_whereabouts
from safeguarding.reviews.duties import DutyStatus
from safeguarding.reviews.incidents import ClockAnchor, Incident, ReviewActions
from safeguarding.reviews.notifications import (
    NOTIFICATION_SCHEME,
    NotificationRegime,
    assess_notification,
    died_as_child,
)
from safeguarding.reviews.serious_harm import assess_serious_harm
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    CSPR_REGULATIONS_2018,
    TRANSITION_2018,
    WORKING_TOGETHER_2018,
    WORKING_TOGETHER_2023,
    edition,
)

__all__ = [
    "ADVANCE_COPY_TIMESCALE",
    "LOCAL_REVIEW_CRITERIA",
    "PUBLICATION_TIMESCALE",
    "RAPID_REVIEW_ANCHOR",
    "RAPID_REVIEW_TIMESCALE",
    "LocalReviewCriterion",
    "assess_advance_copy",
    "assess_local_review",
    "assess_rapid_review",
    "publication_deadline",
    "rapid_review_deadline",
]

# Editions from the editions table (safeguarding.sources): each version below starts on the
# day its edition came into effect or, for the new system, on the commencement of the 2018
# statutory framework (before Working Together 2018 was published); its citation note says
# which.
_WT2018, _WT2023 = edition("WT2018"), edition("WT2023")


class LocalReviewCriterion(enum.Enum):
    """What the safeguarding partners take into account (SI 2018/789 reg 11)."""

    IMPROVEMENTS_NEEDED = "highlights or may highlight improvements needed"
    """(a) Improvements needed to safeguard and promote welfare, including ones identified
    before."""
    RECURRENT_THEMES = "highlights or may highlight recurrent themes"
    """(b) Recurrent themes in safeguarding and promoting welfare."""
    AGENCIES_WORKING_TOGETHER = "concerns about two or more agencies working together"
    """(c) Concerns about two or more organisations or agencies working together effectively."""
    PANEL_SUGGESTS_LOCAL_REVIEW = "the Panel concluded a local review may be more appropriate"
    """(d) The Panel considered the case and concluded a local review may be more
    appropriate."""


_RAPID = "rapid review of a serious incident"

RAPID_REVIEW_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.rapid_review_timescale",
        title="Time expected for a rapid review",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=Timescale(
                    amount=15,
                    unit=Unit.WORKING_DAYS,
                    clock_starts="safeguarding partners becoming aware of the incident",
                ),
                source=TRANSITION_2018.dated(
                    PANEL_FAQ.cite(
                        "rapid reviews; Working Together 2018 ch.4",
                        Verification.SECONDARY,
                        note="15 working days: Trafford, Wirral, Kent and others (a non-statutory "
                        "expectation, relaxed during COVID-19); the Panel's FAQ confirms that a "
                        "rapid review follows every notification and is led by the area where the "
                        "incident happened. From 29 June 2018 the LSCBs ran rapid reviews within "
                        "the Panel's timescales during the transition "
                        f"({LEWISHAM_LSCB_ANNUAL_REPORT_2018_19.title}, case review panel). "
                        f"{WORKING_TOGETHER_2018.title} not read.",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=Timescale(
                    amount=15, unit=Unit.WORKING_DAYS, clock_starts="notification to the Panel"
                ),
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5 (rapid reviews), with the Panel's guidance for safeguarding "
                        "partners",
                        Verification.SECONDARY,
                        note="15 working days counted from the notification to the Panel "
                        "(Cambridgeshire and Peterborough 2025; Devon and Dorset flowcharts, "
                        "notification = day 0); possibly from the Panel's guidance rather than "
                        "WT2023 itself. WT2023 not read.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""Fifteen working days."""

RAPID_REVIEW_ANCHOR: DatedRule[ClockAnchor] = register(
    DatedRule(
        key="reviews.rapid_review_anchor",
        title="The event the rapid-review clock counts from",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=ClockAnchor.AWARENESS,
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4 (rapid reviews)",
                        Verification.SECONDARY,
                        note="One restatement only: 'within 15 working days of safeguarding "
                        "partners becoming aware of the incident' (Trafford's safeguarding "
                        "partnership, page on child safeguarding practice reviews). No other "
                        "restatement of this anchor for WT2018 was found, and the WT2018 text was "
                        "not checked. Partnerships may fix the anchor locally (their Procedures "
                        "set this rule).",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=ClockAnchor.NOTIFICATION,
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5 (rapid reviews)",
                        Verification.SECONDARY,
                        note="Counted from the notification to the Panel in three areas' "
                        "restatements (Cambridgeshire and Peterborough, North Yorkshire, Devon and "
                        "Dorset flowcharts).",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""Awareness (WT2018), then the notification to the Panel (WT2023)."""

_C = LocalReviewCriterion

LOCAL_REVIEW_CRITERIA: DatedRule[tuple[LocalReviewCriterion, ...]] = register(
    DatedRule(
        key="reviews.lcspr.criteria",
        title="What the safeguarding partners take into account for a local practice review",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=(
                    _C.IMPROVEMENTS_NEEDED,
                    _C.RECURRENT_THEMES,
                    _C.AGENCIES_WORKING_TOGETHER,
                    _C.PANEL_SUGGESTS_LOCAL_REVIEW,
                ),
                source=TRANSITION_2018.dated(
                    CSPR_REGULATIONS_2018.cite(
                        "reg 11",
                        Verification.PRIMARY,
                        url="https://www.legislation.gov.uk/uksi/2018/789/regulation/11/made",
                        note="Read in the regulation on legislation.gov.uk. The list 'includes' "
                        "these criteria (not exhaustive). Meeting them does not oblige a review: "
                        "the decision is the partners' and should be transparent (Working "
                        "Together 2018 ch. 4 as restated by Trafford's safeguarding partnership; "
                        "the guidance text was not checked). SI 2018/789 was made on 28 June 2018 "
                        "and came into force the day after (reg 1, read).",
                    ),
                    _WT2018,
                ),
                edition="SI 2018/789",
            ),
        ),
    )
)
"""The four reg 11 considerations."""

PUBLICATION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.lcspr.publication_timescale",
        title="Time expected to complete and publish a local practice review",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=Timescale(
                    amount=6, unit=Unit.MONTHS, clock_starts="decision to initiate the review"
                ),
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4 (local child safeguarding practice reviews)",
                        Verification.SECONDARY,
                        note="Trafford's 2020 note on the COVID-19 relaxations shows an "
                        "expectation to publish within six months of initiation existed; a "
                        "2023-era summary says six months to complete (weak). Whether the target "
                        "is completion, publication or both was not confirmed.",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
            Version(
                in_force_from=_WT2023.in_effect.day,
                value=Timescale(
                    amount=6, unit=Unit.MONTHS, clock_starts="decision to initiate the review"
                ),
                source=_WT2023.dated(
                    WORKING_TOGETHER_2023.cite(
                        "chapter 5 (local child safeguarding practice reviews)",
                        Verification.SECONDARY,
                        note="Carried over in WT2023-era summaries (weak); WT2023 not read.",
                    )
                ),
                edition="WT2023",
            ),
        ),
    )
)
"""Six months from the decision to review."""

ADVANCE_COPY_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.lcspr.advance_copy",
        title="Working days before publication by which the Panel and the Secretary of State "
        "should have the final report",
        versions=(
            Version(
                in_force_from=TRANSITION_2018.framework_in_force.day,
                value=Timescale(
                    amount=7,
                    unit=Unit.WORKING_DAYS,
                    clock_starts="final report sent to the Panel and the Secretary of State",
                ),
                source=TRANSITION_2018.dated(
                    WORKING_TOGETHER_2018.cite(
                        "chapter 4 (local child safeguarding practice reviews)",
                        Verification.UNVERIFIED,
                        note="That the report goes to the Panel and the Secretary of State before "
                        "publication is restated (Trafford 2020: advance notice relaxed during "
                        "COVID-19); the figure of 7 working days and the exact recipients were not "
                        "found in any source read.",
                    ),
                    _WT2018,
                ),
                edition="WT2018",
            ),
        ),
    )
)
"""At least 7 working days before publication (unverified)."""


_LEAD = PANEL_FAQ.cite(
    "who leads a rapid review",
    Verification.PRIMARY,
    note="Read in the Panel's FAQ: the partners for the area where the incident "
    "happened lead, working with the area where the child lives.",
)


def _check_incident(incident: object) -> Incident:
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    return incident


_ANCHOR_EVENTS = {
    ClockAnchor.AWARENESS: "day the partners became aware of the incident",
    ClockAnchor.NOTIFICATION: "notification to the Panel",
}


def _rapid_review_clock(
    aware_on: dt.date, notified_on: dt.date | None, on: dt.date, procedures: Procedures
) -> tuple[dt.date, str, Version[ClockAnchor], bool]:
    """Where the rapid-review clock starts.

    Returns the start day, the starting event in words, the anchor's version, and whether
    that version is the partnership's own.
    """
    anchor = RAPID_REVIEW_ANCHOR.at(on, procedures=procedures)
    local = anchor is procedures.override(RAPID_REVIEW_ANCHOR.key)
    if anchor.value is ClockAnchor.AWARENESS:
        started, event = aware_on, "safeguarding partners becoming aware of the incident"
    elif notified_on is None:
        started = aware_on
        event = "notification to the Panel (not yet recorded: counted from awareness)"
    else:
        started, event = notified_on, "notification to the Panel"
    if local:
        event += f", as set by {anchor.source.instrument}"
    return started, event, anchor, local


@criteria(
    "reviews.rapid_review_timescale",
    "reviews.rapid_review_anchor",
    "reviews.notification_scheme",
    calls="rapid_review_calls",
)
def assess_rapid_review(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether this area's partners must run a rapid review.

    From 29 June 2018 a rapid review follows every notification to the Panel, led by the
    area that notifies: where the incident happened, or (for a death or harm outside England)
    where the child normally lives. An area whose child was harmed elsewhere in England works
    with the leading area but does not lead. While where it happened or where the child
    normally lives is not yet known (``None``), a rapid review that depends on it is
    ``UNDETERMINED``, and a finding on the leading area says which is missing. Before
    29 June 2018 there were no rapid reviews.
    Where the partnership's procedures set the event the clock counts from, a finding says
    so, citing them.

    Legal basis:
        Working Together 2018 ch.4 and 2023 ch.5; the Panel's FAQ (rule
        ``reviews.rapid_review_timescale``, with ``reviews.notification_scheme``).

    Args:
        incident: The incident, with places relative to the area asking (``None``: not
            yet known).
        on: The date whose rules apply; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED``, ``NOT_REQUIRED`` or ``UNDETERMINED`` (as the notification).

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 26 March 2015.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> abroad = Incident(incident_date=dt.date(2023, 8, 10), aware_on=dt.date(2023, 8, 14),
        ...     age_at_incident=11, place=Place.OUTSIDE_UK, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
        ...     death_date=dt.date(2023, 8, 10), age_at_death=11)
        >>> assess_rapid_review(abroad).outcome.value
        'required'
    """
    incident = _check_incident(incident)
    on = rules_date(on, incident.aware_on)
    procedures = check_procedures(procedures)
    scheme = NOTIFICATION_SCHEME.at(on, procedures=procedures)
    if scheme.value.regime is not NotificationRegime.PANEL:
        finding = Finding(
            criterion="a notification to the Panel",
            met=False,
            detail="Rapid reviews began with notifications to the Panel on 29 June 2018.",
            source=scheme.source,
        )
        return Decision(
            outcome=DutyStatus.NOT_REQUIRED, findings=(finding,), rule_version=scheme.edition
        )
    version = RAPID_REVIEW_TIMESCALE.at(on, procedures=procedures)
    notification = assess_notification(incident, on=on, procedures=procedures)
    notify = notification.outcome
    detail = {
        DutyStatus.REQUIRED: "This area notifies the Panel, so its partners lead a rapid review.",
        DutyStatus.UNDETERMINED: "Whether this area must notify the Panel is not yet known.",
        DutyStatus.NOT_REQUIRED: "This area does not notify the Panel.",
    }[notify]
    findings = [
        Finding(
            criterion="a notification to the Panel by this area",
            met={DutyStatus.REQUIRED: True, DutyStatus.UNDETERMINED: None}.get(notify, False),
            detail=detail,
            source=version.source,
        )
    ]
    unknown = unknown_whereabouts(incident)
    if notify is DutyStatus.UNDETERMINED and unknown:
        findings.append(
            Finding(
                criterion="the leading area",
                met=None,
                detail=f"Not yet known {' or '.join(unknown)}: the partners of the area that "
                "notifies lead the rapid review (where it happened, or for a death or harm "
                "outside England, where the child normally lives).",
                source=_LEAD,
            )
        )
    if (
        notify is DutyStatus.NOT_REQUIRED
        and incident.residence is Residence.IN_AREA
        and incident.place is Place.ELSEWHERE_IN_ENGLAND
    ):
        findings.append(
            Finding(
                criterion="the leading area",
                met=False,
                detail="It happened in another English area: that area's partners lead the "
                "rapid review, working with this area (where the child lives).",
                source=_LEAD,
            )
        )
    _, _, anchor, local = _rapid_review_clock(incident.aware_on, None, on, procedures)
    if local and notify is not DutyStatus.NOT_REQUIRED:
        findings.append(
            Finding(
                criterion="the event the rapid-review clock counts from",
                met=True,
                detail="The partnership's procedures count the clock from the "
                + _ANCHOR_EVENTS[anchor.value]
                + ".",
                source=anchor.source,
            )
        )
    return Decision(outcome=notify, findings=tuple(findings), rule_version=version.edition)


@timescale("reviews.rapid_review_timescale", "reviews.rapid_review_anchor")
def rapid_review_deadline(
    aware_on: dt.date,
    *,
    notified_on: dt.date | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Deadline:
    """The day by which the rapid review is expected to be complete.

    Fifteen working days, counted (day 0 not counted) from the event the edition in force
    names ([`RAPID_REVIEW_ANCHOR`][]): the partners becoming aware (WT2018) or the
    notification to the Panel (WT2023). A partnership's procedures may set the anchor
    themselves (the rule ``reviews.rapid_review_anchor``); the deadline's starting event
    then names their document. While the notification is not recorded, a
    notification-anchored clock is counted from awareness, the earliest the notification
    could have been made.

    Legal basis:
        Working Together 2018 ch.4; Working Together 2023 ch.5 with the Panel's guidance
        (rules ``reviews.rapid_review_timescale``, ``reviews.rapid_review_anchor``).

    Args:
        aware_on: The day the authority (and partners) became aware.
        notified_on: The day the incident was notified to the Panel, if it has been.
        on: The date whose rules apply; *aware_on* by default.
        procedures: Local procedures: the working-day calendar, and any local version of
            the anchor or the timescale.

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, *notified_on* is before *aware_on*, or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 29 June 2018.
        CalendarCoverageError: the dates are outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> rapid_review_deadline(dt.date(2019, 4, 15)).due   # WT2018: from awareness; Easter
        datetime.date(2019, 5, 9)
    """
    check_date("aware_on", aware_on)
    if notified_on is not None:
        check_date("notified_on", notified_on)
        if notified_on < aware_on:
            raise InvalidInputError("notified_on", "must not be before aware_on")
    on = rules_date(on, aware_on)
    procedures = check_procedures(procedures)
    started, event, _, _ = _rapid_review_clock(aware_on, notified_on, on, procedures)
    return Deadline.from_rule(
        RAPID_REVIEW_TIMESCALE, started, on=on, procedures=procedures, clock_starts=event
    )


def _check_actions(actions: object) -> ReviewActions:
    if actions is None:
        return ReviewActions()
    if not isinstance(actions, ReviewActions):
        raise InvalidInputError("actions", "must be a ReviewActions or None")
    return actions


@criteria(
    "reviews.lcspr.criteria",
    "reviews.serious_harm",
    "child_death.age_limit",
    calls="local_review_calls",
)
def assess_local_review(
    incident: Incident,
    *,
    actions: ReviewActions | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Decision[DutyStatus]:
    """Set out the safeguarding partners' decision on a local child safeguarding practice review.

    A serious child safeguarding case (abuse or neglect known or suspected; the child died
    or was seriously harmed) linked to the area calls for a **discretionary** decision. The
    regulation 11 considerations become findings: (a) improvements, (b) recurrent themes
    and (d) the Panel's view come from *actions* (the partners' judgements after the rapid
    review); (c) concerns about agencies working together from the incident. Whatever they
    show, the outcome stays ``DISCRETIONARY``: meeting them does not oblige a review, and
    the last finding says so.

    Legal basis:
        Children Act 2004 s16F; SI 2018/789 reg 11 (rule ``reviews.lcspr.criteria``).

    Args:
        incident: The incident, with places relative to the area asking (``None``: not
            yet known).
        actions: The partners' judgements, if recorded.
        on: The date whose rules apply; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``DISCRETIONARY`` for a serious child safeguarding case linked to the area,
        ``UNDETERMINED`` if that is not yet known, else ``NOT_REQUIRED``.

    Raises:
        InvalidInputError: *incident*, *actions* or *procedures* has the wrong type, or *on*
            is not a date.
        RuleNotInForceError: *on* is before 29 June 2018.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> case = Incident(incident_date=dt.date(2024, 5, 1), aware_on=dt.date(2024, 5, 1),
        ...     age_at_incident=6, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True,
        ...     concern_about_joint_working=True)
        >>> decision = assess_local_review(case)
        >>> decision.outcome.value, decision.findings[-1].met
        ('for the decision-makers to decide', None)
    """
    incident = _check_incident(incident)
    actions = _check_actions(actions)
    on = rules_date(on, incident.aware_on)
    version = LOCAL_REVIEW_CRITERIA.at(on, procedures=check_procedures(procedures))
    source = version.source
    abuse = incident.abuse_or_neglect.known_or_suspected
    harmed = assess_serious_harm(incident, on=on, procedures=procedures).outcome
    died = died_as_child(incident, on=on, procedures=procedures)
    serious_case = all_of(abuse, any_of(died, harmed))
    linked = linked_to_area(incident)
    findings = [
        Finding(
            criterion="a serious child safeguarding case",
            met=serious_case,
            detail=describe(
                serious_case,
                "Abuse or neglect is known or suspected and the child died or was seriously "
                "harmed.",
                "Not a serious child safeguarding case.",
                "Not yet known whether this is a serious child safeguarding case.",
            ),
            source=source,
        ),
        Finding(
            criterion="linked to the area",
            met=linked,
            detail=describe(
                linked,
                "It happened in the area or the child normally lives here.",
                "Neither the incident nor the child's home is in the area.",
                f"Not yet known {' or '.join(unknown_whereabouts(incident))}.",
            ),
            source=source,
        ),
    ]
    judgements = {
        _C.IMPROVEMENTS_NEEDED: actions.highlights_improvements,
        _C.RECURRENT_THEMES: actions.highlights_recurrent_themes,
        _C.AGENCIES_WORKING_TOGETHER: incident.concern_about_joint_working,
        _C.PANEL_SUGGESTS_LOCAL_REVIEW: actions.panel_suggests_local_review,
    }
    findings.extend(
        Finding(
            criterion=criterion.value,
            met=judgements[criterion],
            detail=describe(
                judgements[criterion],
                f"The case {criterion.value}.",
                f"The case does not: {criterion.value}.",
                f"Not yet judged: {criterion.value}.",
            ),
            source=source,
        )
        for criterion in version.value
    )
    findings.append(
        Finding(
            criterion="meeting the criteria does not oblige a review",
            met=None,
            detail="The criteria are considerations: whether to hold a local review is the "
            "safeguarding partners' decision, taken transparently.",
            source=source,
        )
    )
    applicable = all_of(serious_case, linked)
    outcome = {
        True: DutyStatus.DISCRETIONARY,
        False: DutyStatus.NOT_REQUIRED,
        None: DutyStatus.UNDETERMINED,
    }[applicable]
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=version.edition)


@timescale("reviews.lcspr.publication_timescale")
def publication_deadline(
    decided: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which a local practice review is expected to be completed and published.

    Six calendar months from the decision to initiate it (clamped to the end of a short
    month).

    Legal basis:
        Working Together 2018 ch.4; 2023 ch.5 (rule ``reviews.lcspr.publication_timescale``,
        secondary).

    Args:
        decided: The day the review was decided on (day 0).
        on: The date whose rule applies; *decided* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 29 June 2018.

    Examples:
        >>> import datetime as dt
        >>> publication_deadline(dt.date(2024, 8, 31)).due
        datetime.date(2025, 2, 28)
    """
    check_date("decided", decided)
    return Deadline.from_rule(
        PUBLICATION_TIMESCALE, decided, on=rules_date(on, decided), procedures=procedures
    )


def _latest_sending_day(
    published: dt.date, timescale: Timescale, calendar: WorkingCalendar
) -> dt.date:
    if timescale.unit is Unit.WORKING_DAYS:
        # The latest day d with `days` working days in (d, published]: start from a day well
        # before, count the working days to publication, and step forward by the surplus.
        days = timescale.amount
        start = published - dt.timedelta(days=7 * days + 14)
        counted = working_days_between(start, published, calendar=calendar)
        return add_working_days(start, counted - days, calendar=calendar)
    # Another unit (a local choice): the latest day whose timescale ends by publication.
    day = published
    while timescale.due(day, calendar=calendar) > published:
        day -= dt.timedelta(days=1)
    return day


@criteria("reviews.lcspr.advance_copy", calls="advance_copy_calls")
def assess_advance_copy(
    published_on: dt.date,
    *,
    sent_on: dt.date | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Decision[dt.date]:
    """The latest working day the final report should reach the Panel and the Secretary of State.

    At least 7 working days before publication: the report must be sent on a day with at
    least 7 working days after it up to and including the publication day; the answer is the
    latest such working day. The figure is
    **unverified** (the requirement to send in advance is restated, the number is not).

    Legal basis:
        Working Together 2018 ch.4; 2023 ch.5 (rule ``reviews.lcspr.advance_copy``).

    Args:
        published_on: The (planned) publication day.
        sent_on: The day the report was sent, if it has been.
        on: The date whose rule applies; *published_on* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        A decision whose outcome is the latest sending day, with a finding on whether the
        report was sent in time (``None`` if not sent yet).

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 29 June 2018.
        CalendarCoverageError: the dates are outside the calendar.

    Examples:
        >>> import datetime as dt
        >>> assess_advance_copy(dt.date(2025, 1, 3)).outcome   # 7 working days back, over Christmas
        datetime.date(2024, 12, 20)
    """
    check_date("published_on", published_on)
    if sent_on is not None:
        check_date("sent_on", sent_on)
    procedures = check_procedures(procedures)
    version = ADVANCE_COPY_TIMESCALE.at(rules_date(on, published_on), procedures=procedures)
    timescale = version.value
    ahead = f"{timescale.amount} {timescale.unit.value}"
    latest = _latest_sending_day(published_on, timescale, procedures.calendar)
    in_time = None if sent_on is None else sent_on <= latest
    finding = Finding(
        criterion=f"report sent at least {ahead} before publication",
        met=in_time,
        detail=describe(
            in_time,
            f"Sent by {latest.isoformat()}, at least {ahead} before publication.",
            f"Sent after {latest.isoformat()}: fewer than {ahead} before publication.",
            f"Not sent yet: due by {latest.isoformat()}.",
        ),
        source=version.source,
    )
    return Decision(outcome=latest, findings=(finding,), rule_version=version.edition)
