"""Serious case reviews: the LSCB regime, until local arrangements went live.

Until an area's safeguarding-partner arrangements went live (at the latest 29 September
2019), its Local Safeguarding Children Board had to review every **serious case**
(LSCB Regulations 2006, reg 5(1)(e) and (2)): abuse or neglect of a child is known or
suspected, **and** either

* the child has **died** (suspected suicide included), or
* the child has been **seriously harmed and** there is cause for concern about the way the
  authority, its Board partners or others **worked together** to safeguard the child.

The death limb needs no concern about joint working; the harm limb does, so a seriously
harmed child with no such concern does not oblige a serious case review (the LSCB may still
choose a learning review). Working Together 2013 and 2015 added that a serious case review
should **always** be carried out when a child dies in custody: in police custody, on remand
or following sentencing, in a young offender institution, a secure training centre or a
secure children's home, or while detained under mental health legislation (the guidance
says "Mental Health Act 2005", a slip for the Mental Health Act 1983). This applies whether
or not abuse or neglect is suspected.

The decision is taken by the LSCB for the area where the child normally lives, normally
within one month of the notification; a decision *not* to hold one went to the National
Panel of Independent Experts within 14 days; the review aimed to finish within 6 months.

Examples:
    >>> import datetime as dt
    >>> scr_decision_deadline(dt.date(2017, 1, 31)).due
    datetime.date(2017, 2, 28)
"""

from __future__ import annotations

import datetime as dt

from safeguarding._validate import check_date
from safeguarding.citations import Verification
from safeguarding.decisions import Deadline, Decision, Finding, Timescale, Unit
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria, timescale
from safeguarding.logic import all_of, any_of, describe, not_
from safeguarding.places import Residence, in_area, in_england
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import NATIONAL_SCR_PANEL_GUIDANCE
from safeguarding.reviews.duties import DutyStatus
from safeguarding.reviews.incidents import Incident, Setting
from safeguarding.reviews.notifications import died_as_child
from safeguarding.reviews.serious_harm import assess_serious_harm
from safeguarding.rules import DatedRule, Version, register
from safeguarding.sources import (
    LSCB_REGULATIONS_2006,
    TRANSITION_2018,
    WORKING_TOGETHER_2013,
    WORKING_TOGETHER_2015,
    edition,
)

__all__ = [
    "SCR_ALWAYS_SETTINGS",
    "SCR_COMPLETION_TIMESCALE",
    "SCR_CRITERIA",
    "SCR_DECISION_TIMESCALE",
    "SCR_NON_INITIATION_TIMESCALE",
    "assess_serious_case_review",
    "scr_completion_deadline",
    "scr_decision_deadline",
    "scr_non_initiation_deadline",
]

# Editions from the editions table (safeguarding.sources): each version below starts on the
# day its edition came into effect, and its citation note says so.
_WT2013, _WT2015 = edition("WT2013"), edition("WT2015")

_LSCBS_END = TRANSITION_2018.implement_by.day
"""LSCBs ceased to be statutory once local arrangements went live, at the latest on this day
(29 September 2019: the ``reviews.transition_window`` rule, from the editions table)."""

SCR_CRITERIA: DatedRule[tuple[str, ...]] = register(
    DatedRule(
        key="reviews.scr.criteria",
        title="Serious case: the criteria for an LSCB serious case review",
        versions=(
            Version(
                in_force_from=dt.date(2006, 4, 1),
                value=(
                    "abuse or neglect of a child is known or suspected",
                    "the child has died",
                    "the child has been seriously harmed, with concern about joint working",
                ),
                source=LSCB_REGULATIONS_2006.cite(
                    "reg 5(1)(e) and (2)",
                    Verification.SECONDARY,
                    url="https://www.legislation.gov.uk/uksi/2006/90/regulation/5",
                    note="Quoted word for word by Middlesbrough, Portsmouth (citing WT2015 ch.4) "
                    "and Slough: a serious case is one where (a) abuse or neglect of a child is "
                    "known or suspected; and (b) either (i) the child has died; or (ii) the "
                    "child has been seriously harmed and there is cause for concern as to the "
                    "way in which the authority, their Board partners or other relevant persons "
                    "have worked together to safeguard the child. The regulation was not read "
                    "on legislation.gov.uk, and whether the 2006 text as made already had this "
                    "wording was not checked. Suspected suicide is within the death limb "
                    "(WT2015).",
                ),
                edition="LSCB Regulations 2006",
            ),
        ),
        repealed_on=_LSCBS_END,
    )
)
"""The two limbs of a serious case (reg 5(2)), as criterion names."""

_CUSTODY = frozenset(
    {
        Setting.POLICE_CUSTODY,
        Setting.CUSTODY_ON_REMAND,
        Setting.CUSTODY_AFTER_SENTENCE,
        Setting.YOUNG_OFFENDER_INSTITUTION,
        Setting.SECURE_TRAINING_CENTRE,
        Setting.SECURE_CHILDRENS_HOME,
        Setting.MENTAL_HEALTH_DETENTION,
    }
)

SCR_ALWAYS_SETTINGS: DatedRule[frozenset[Setting]] = register(
    DatedRule(
        key="reviews.scr.always_settings",
        title="Settings where a child's death always calls for a serious case review",
        versions=(
            Version(
                in_force_from=_WT2013.in_effect.day,
                value=_CUSTODY,
                source=_WT2013.dated(
                    WORKING_TOGETHER_2013.cite(
                        "chapter 4 (serious case reviews)",
                        Verification.SECONDARY,
                        note="Restated by Milton Keynes, Sussex and Guernsey procedures and a "
                        "2013 news Q&A: an SCR should always be carried out when a child dies in "
                        "custody, in police custody, on remand or following sentencing, in a "
                        "young offender institution, secure training centre or secure children's "
                        "home, or where the child was detained under the Mental Health Act 2005 "
                        "(sic: the Mental Health Act 1983; the Mental Capacity Act is 2005). "
                        "Death only; no abuse or neglect condition is stated.",
                    )
                ),
                edition="WT2013",
            ),
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=_CUSTODY,
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4 (serious case reviews)",
                        Verification.SECONDARY,
                        note="Same list carried into WT2015 (same restatements); WT2015 not read.",
                    )
                ),
                edition="WT2015",
            ),
        ),
        repealed_on=_LSCBS_END,
    )
)
"""Custody, secure settings and mental health detention (death only)."""

SCR_DECISION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.scr.decision_timescale",
        title="Time allowed for the LSCB's decision whether to hold a serious case review",
        versions=(
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=Timescale(
                    amount=1, unit=Unit.MONTHS, clock_starts="notification of the incident"
                ),
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4 (serious case reviews)",
                        Verification.SECONDARY,
                        note="Normally within one month of notification (Kingston and Richmond "
                        "LSCB, West Yorkshire procedures, National Panel flowchart 1); the Chair "
                        "of the LSCB where the child normally lives has the final say. The library "
                        "counts from the notification once recorded, from awareness before that.",
                    )
                ),
                edition="WT2015",
            ),
        ),
        repealed_on=_LSCBS_END,
    )
)
"""One month from the notification."""

SCR_NON_INITIATION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.scr.non_initiation_report",
        title="Time allowed for sending a decision not to hold an SCR to the national panel",
        versions=(
            Version(
                in_force_from=_WT2013.in_effect.day,
                value=Timescale(
                    amount=14,
                    unit=Unit.CALENDAR_DAYS,
                    clock_starts="decision not to hold a serious case review",
                ),
                source=_WT2013.dated(
                    NATIONAL_SCR_PANEL_GUIDANCE.cite(
                        "flowchart 1",
                        Verification.SECONDARY,
                        note="A decision not to initiate an SCR goes to the National Panel of "
                        "Independent Experts within 14 days, with the serious incident "
                        "notification and the reasons (restatements of the flowchart). Whether "
                        "the days are calendar or working days was not confirmed: the library "
                        "counts calendar days. From 29 June 2018 such decisions went to the new "
                        "Child Safeguarding Practice Review Panel (Solihull LSCB). The National "
                        "Panel was created with Working Together 2013.",
                    )
                ),
                edition="National Panel 2013",
            ),
        ),
        repealed_on=_LSCBS_END,
    )
)
"""Fourteen days from the decision not to initiate."""

SCR_COMPLETION_TIMESCALE: DatedRule[Timescale] = register(
    DatedRule(
        key="reviews.scr.completion_timescale",
        title="Target for completing a serious case review",
        versions=(
            Version(
                in_force_from=_WT2013.in_effect.day,
                value=Timescale(
                    amount=6, unit=Unit.MONTHS, clock_starts="initiation of the review"
                ),
                source=_WT2013.dated(
                    WORKING_TOGETHER_2013.cite(
                        "chapter 4 (serious case reviews)",
                        Verification.SECONDARY,
                        note="The LSCB aims to complete within six months of initiation; where "
                        "that is impossible (criminal proceedings) interim learning is captured "
                        "(aggregator restatements of WT2013/2015). The 12-month website "
                        "publication period has one source only and is not encoded.",
                    )
                ),
                edition="WT2013",
            ),
            Version(
                in_force_from=_WT2015.in_effect.day,
                value=Timescale(
                    amount=6, unit=Unit.MONTHS, clock_starts="initiation of the review"
                ),
                source=_WT2015.dated(
                    WORKING_TOGETHER_2015.cite(
                        "chapter 4 (serious case reviews)",
                        Verification.SECONDARY,
                        note="Unchanged in WT2015 (restatements); WT2015 not read.",
                    )
                ),
                edition="WT2015",
            ),
        ),
        repealed_on=_LSCBS_END,
    )
)
"""Six months from initiation."""


def _check_incident(incident: object) -> Incident:
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    return incident


def _lscb_link(incident: Incident) -> tuple[bool | None, str]:
    residence, place = incident.residence, incident.place
    # This LSCB decides if the child normally lives here or, with no home in England (the
    # library's reading), if it happened here.
    linked = any_of(in_area(residence), all_of(not_(in_england(residence)), in_area(place)))
    if residence is None:
        detail = "Not yet known where the child normally lives: the LSCB for that area decides."
    elif residence is Residence.IN_AREA:
        detail = "The child normally lives in the area: this LSCB decides."
    elif residence is Residence.ELSEWHERE_IN_ENGLAND:
        detail = (
            "The child normally lives in another English area: that area's LSCB decides "
            "(this area contributes)."
        )
    elif place is None:
        detail = (
            "The child does not normally live in an English area, and it is not yet known "
            "where it happened: if here, this LSCB decides (the library's reading)."
        )
    elif linked:
        detail = (
            "The child does not normally live in an English area and it happened here: this "
            "LSCB decides (the library's reading; the guidance read names only the area of "
            "residence)."
        )
    else:
        detail = "Neither the child's home nor the incident is in the area."
    return linked, detail


@criteria(
    "reviews.scr.criteria",
    "reviews.scr.always_settings",
    "reviews.serious_harm",
    "child_death.age_limit",
    calls="serious_case_review_calls",
)
def assess_serious_case_review(
    incident: Incident, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Decision[DutyStatus]:
    """Decide whether the LSCB must hold a serious case review.

    A serious case review is **required** when abuse or neglect is known or suspected and
    the child died, or was seriously harmed with cause for concern about how agencies worked
    together (reg 5(2)); or when a child died in custody, in a secure setting or detained
    under mental health legislation (WT2013/2015, abuse or neglect or not). A seriously
    harmed child with abuse or neglect but no such concern is **discretionary**: no SCR is
    mandatory, though the LSCB may choose one or a learning review. The LSCB for the area
    where the child normally lives decides (for a child with no home in England, the
    library takes the LSCB where it happened). While where the child normally lives (or,
    for such a child, where it happened) is not yet known, a case that would call for a
    review is ``UNDETERMINED``, and the finding on the deciding LSCB says what is missing.

    Legal basis:
        LSCB Regulations 2006 reg 5(1)(e), (2); Working Together 2013 and 2015 ch.4
        (rules ``reviews.scr.criteria``, ``reviews.scr.always_settings``).

    Args:
        incident: The incident, with places relative to the area asking (``None``: not
            yet known).
        on: The date whose rules apply; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        ``REQUIRED``, ``DISCRETIONARY``, ``NOT_REQUIRED`` or ``UNDETERMINED``.

    Raises:
        InvalidInputError: *incident* is not an [`Incident`][], *on* is not a date or
            *procedures* is not a [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is on or after 29 September 2019, when no LSCB was left,
            or before 1 April 2006.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import AbuseOrNeglect, Incident, Place, Residence
        >>> harmed = Incident(incident_date=dt.date(2017, 3, 6), aware_on=dt.date(2017, 3, 6),
        ...     age_at_incident=1, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True,
        ...     concern_about_joint_working=False)
        >>> assess_serious_case_review(harmed).outcome.value
        'for the decision-makers to decide'
        >>> unplaced = Incident(incident_date=dt.date(2017, 3, 6), aware_on=dt.date(2017, 3, 6),
        ...     age_at_incident=1, abuse_or_neglect=AbuseOrNeglect.KNOWN,
        ...     death_date=dt.date(2017, 3, 6), age_at_death=1)
        >>> decision = assess_serious_case_review(unplaced)
        >>> decision.outcome.value, decision.findings[-1].met
        ('undetermined', None)
        >>> print(decision.findings[-1].detail)
        Not yet known where the child normally lives: the LSCB for that area decides.
    """
    incident = _check_incident(incident)
    on = rules_date(on, incident.aware_on)
    criteria = SCR_CRITERIA.at(on, procedures=check_procedures(procedures))
    source = criteria.source
    abuse = incident.abuse_or_neglect.known_or_suspected
    died = died_as_child(incident, on=on, procedures=procedures)
    harmed = assess_serious_harm(incident, on=on, procedures=procedures).outcome
    concern = incident.concern_about_joint_working
    death_limb = all_of(abuse, died)
    harm_limb = all_of(abuse, harmed, concern)
    findings = [
        Finding(
            criterion=criteria.value[0],
            met=abuse,
            detail=describe(
                abuse,
                "Abuse or neglect is known or suspected.",
                "Abuse or neglect is not suspected.",
                "Not yet known whether abuse or neglect is suspected.",
            ),
            source=source,
        ),
        Finding(
            criterion=criteria.value[1],
            met=died,
            detail="The child died (no concern about joint working is needed)."
            if died
            else "The child has not died as a child.",
            source=source,
        ),
        Finding(
            criterion=criteria.value[2],
            met=all_of(harmed, concern),
            detail=describe(
                all_of(harmed, concern),
                "Seriously harmed, with cause for concern about how agencies worked together.",
                "Not both seriously harmed and a cause for concern about joint working: the "
                "harm limb is not met.",
                "Serious harm or concern about joint working not yet established (WT2015 is "
                "reported to expect an SCR unless there is clearly no such concern; "
                "unverified).",
            ),
            source=source,
        ),
    ]
    custody: bool | None = False
    if SCR_ALWAYS_SETTINGS.is_in_force(on):
        always = SCR_ALWAYS_SETTINGS.at(on, procedures=procedures)
        custody = died and incident.setting in always.value
        findings.append(
            Finding(
                criterion="death in custody, a secure setting or mental health detention",
                met=custody,
                detail=f"The child died while held in a {incident.setting.value}: an SCR "
                "should always be held, abuse or neglect or not."
                if custody
                else "Not a child's death in custody, a secure setting or detention.",
                source=always.source,
            )
        )
    linked, link_detail = _lscb_link(incident)
    findings.append(
        Finding(criterion="the deciding LSCB", met=linked, detail=link_detail, source=source)
    )
    mandatory = any_of(death_limb, harm_limb, custody)
    if mandatory is True:
        outcome = DutyStatus.REQUIRED
    elif mandatory is None:
        outcome = DutyStatus.UNDETERMINED
    else:
        # Below the mandatory limbs an LSCB may still hold an SCR where abuse or neglect
        # harmed the child; while that is not yet known, neither "may" nor "need not" is.
        discretionary = all_of(abuse, harmed)
        if discretionary is True:
            outcome = DutyStatus.DISCRETIONARY
        elif discretionary is None:
            outcome = DutyStatus.UNDETERMINED
        else:
            outcome = DutyStatus.NOT_REQUIRED
    # The duty is this LSCB's only if it is the deciding one (a three-valued AND): another
    # area's LSCB decides, nothing here; not yet known which LSCB decides, a case that
    # would call for a review cannot be decided yet.
    if linked is False:
        outcome = DutyStatus.NOT_REQUIRED
    elif linked is None and outcome is not DutyStatus.NOT_REQUIRED:
        outcome = DutyStatus.UNDETERMINED
    return Decision(outcome=outcome, findings=tuple(findings), rule_version=criteria.edition)


@timescale("reviews.scr.decision_timescale")
def scr_decision_deadline(
    notified: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which the LSCB should decide whether to hold a serious case review.

    Normally within one calendar month of the notification (a day that does not exist in the
    next month is clamped to its last day).

    Legal basis:
        Working Together 2015 ch.4 (rule ``reviews.scr.decision_timescale``).

    Args:
        notified: The day the incident was notified (day 0).
        on: The date whose rule applies; *notified* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 26 March 2015 or on or after 29 September
            2019.

    Examples:
        >>> import datetime as dt
        >>> scr_decision_deadline(dt.date(2018, 6, 4)).due
        datetime.date(2018, 7, 4)
    """
    check_date("notified", notified)
    return Deadline.from_rule(
        SCR_DECISION_TIMESCALE, notified, on=rules_date(on, notified), procedures=procedures
    )


@timescale("reviews.scr.non_initiation_report")
def scr_non_initiation_deadline(
    decided: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The day by which a decision not to hold an SCR should reach the national panel.

    Within 14 days of the decision (counted as calendar days: unconfirmed).

    Legal basis:
        National Panel of Independent Experts on SCRs, flowchart 1 (rule
        ``reviews.scr.non_initiation_report``).

    Args:
        decided: The day of the decision not to hold an SCR (day 0).
        on: The date whose rule applies; *decided* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 15 April 2013 or on or after 29 September
            2019.

    Examples:
        >>> import datetime as dt
        >>> scr_non_initiation_deadline(dt.date(2017, 12, 20)).due
        datetime.date(2018, 1, 3)
    """
    check_date("decided", decided)
    return Deadline.from_rule(
        SCR_NON_INITIATION_TIMESCALE, decided, on=rules_date(on, decided), procedures=procedures
    )


@timescale("reviews.scr.completion_timescale")
def scr_completion_deadline(
    initiated: dt.date, *, on: dt.date | None = None, procedures: Procedures = NATIONAL
) -> Deadline:
    """The target date for completing a serious case review: six months from initiation.

    Legal basis:
        Working Together 2013 and 2015 ch.4 (rule ``reviews.scr.completion_timescale``).

    Args:
        initiated: The day the review was initiated (day 0).
        on: The date whose rule applies; *initiated* by default.
        procedures: Local procedures: their working-day calendar, and any local version of
            the timescale (then cited).

    Returns:
        The deadline, with its source.

    Raises:
        InvalidInputError: a date is not a date, or *procedures* is not a
            [`Procedures`][safeguarding.procedures.Procedures].
        RuleNotInForceError: *on* is before 15 April 2013 or on or after 29 September
            2019.

    Examples:
        >>> import datetime as dt
        >>> scr_completion_deadline(dt.date(2018, 8, 31)).due
        datetime.date(2019, 2, 28)
    """
    check_date("initiated", initiated)
    return Deadline.from_rule(
        SCR_COMPLETION_TIMESCALE, initiated, on=rules_date(on, initiated), procedures=procedures
    )
