"""One engine for a case review panel: every duty an incident triggers, by when, and why.

[`assess_incident`][] takes an [`Incident`][safeguarding.reviews.incidents.Incident], the
area's [`LocalPartnership`][safeguarding.reviews.incidents.LocalPartnership] (facts: its go-live
date), optionally the [`ReviewActions`][safeguarding.reviews.incidents.ReviewActions] taken and
the partnership's [`Procedures`][safeguarding.procedures.Procedures] (its working-day calendar
and local versions of rules, each citing its local document), and returns a
[`ReviewDecision`][] listing every duty considered (a [`Duty`][safeguarding.reviews.duties.Duty]
each, with its findings, sources and deadlines). Two dates select the rules, independently:

* the day the local authority **became aware** selects the notification scheme (Ofsted and
  the LSCB until 28 June 2018, the Child Safeguarding Practice Review Panel from 29 June
  2018) and the edition of the guidance;
* the day the area's **safeguarding-partner arrangements went live** (at the latest
  29 September 2019) selects the review regime: LSCB serious case reviews before it, rapid
  reviews and local child safeguarding practice reviews from it. In between, notifications
  go to the Panel and rapid reviews are run while the LSCB still decides on serious case
  reviews.

Neighbouring reviews (domestic homicide, safeguarding adults, offensive weapons homicide)
and the child death review are listed alongside, never instead: a 17-year-old killed by a
partner gets a Panel notification, a rapid review, a local review decision, a domestic
homicide review and a child death review.

The panel's figures are indicators ([`CASE_REVIEW_MEASURES`][]): incidents considered,
notifications and rapid reviews made and made in time, reviews commissioned by type.
[`tally_review_cases`][] counts them from the case log in one pass into a mergeable
[`Tally`][safeguarding.indicators.definitions.Tally] (panels' or years' tallies add up with
``+``), [`case_review_values`][] gives their values with confidence intervals, and
[`panel_performance`][] gives the same counts as named fields ([`PanelPerformance`][]).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.reviews.incidents import (
    ...     AbuseOrNeglect, Incident, LocalPartnership, Place, Relationship, Residence)
    >>> lewisham = LocalPartnership(area="Lewisham", arrangements_live_from=dt.date(2019, 9, 29))
    >>> killed = Incident(incident_date=dt.date(2024, 6, 3), aware_on=dt.date(2024, 6, 3),
    ...     age_at_incident=17, place=Place.IN_AREA, residence=Residence.IN_AREA,
    ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, perpetrator=Relationship.INTIMATE_PARTNER,
    ...     death_date=dt.date(2024, 6, 3), age_at_death=17)
    >>> for duty in assess_incident(killed, partnership=lewisham).applicable:
    ...     print(duty.kind.value, "-", duty.status.value)
    notify the Child Safeguarding Practice Review Panel - required
    inform the safeguarding partners - required
    rapid review - required
    local child safeguarding practice review - for the decision-makers to decide
    domestic homicide review - required
    child death review - required
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, cast

import attrs

from safeguarding._validate import check_date, is_int, is_member, is_text, is_tuple_of
from safeguarding.citations import Citation, Verification
from safeguarding.decisions import Deadline, Decision, Finding
from safeguarding.errors import InvalidInputError
from safeguarding.families import criteria, measure
from safeguarding.indicators.comparison import Polarity
from safeguarding.indicators.definitions import (
    Count,
    Indicator,
    IndicatorValue,
    Kind,
    Period,
    Tally,
)
from safeguarding.procedures import NATIONAL, Procedures, check_procedures
from safeguarding.reviews._checks import rules_date
from safeguarding.reviews._instruments import (
    DFE_SERIOUS_INCIDENT_STATISTICS,
    LEWISHAM_LSCB_ANNUAL_REPORT_2018_19,
    PANEL_FAQ,
)
from safeguarding.reviews.duties import Body, Duty, DutyKind, DutyStatus
from safeguarding.reviews.incidents import (
    TRANSITION,
    Incident,
    LocalPartnership,
    ReviewActions,
    ReviewCase,
    ReviewType,
)
from safeguarding.reviews.neighbouring import (
    assess_child_death_review,
    assess_domestic_homicide_review,
    assess_offensive_weapons_homicide_review,
    assess_safeguarding_adults_review,
    other_review_applies,
)
from safeguarding.reviews.notifications import (
    NOTIFICATION_SCHEME,
    NOTIFICATION_TIMESCALE,
    NotificationRegime,
    assess_looked_after_death,
    assess_notification,
    notification_deadline,
    partner_notification_deadline,
)
from safeguarding.reviews.practice_reviews import (
    RAPID_REVIEW_ANCHOR,
    RAPID_REVIEW_TIMESCALE,
    assess_advance_copy,
    assess_local_review,
    assess_rapid_review,
    publication_deadline,
    rapid_review_deadline,
)
from safeguarding.reviews.serious_case_reviews import (
    SCR_DECISION_TIMESCALE,
    assess_serious_case_review,
    scr_completion_deadline,
    scr_non_initiation_deadline,
)

__all__ = [
    "CASE_REVIEW_MEASURES",
    "INCIDENTS_CONSIDERED",
    "NOTIFICATIONS_IN_TIME",
    "NOTIFICATIONS_MADE",
    "RAPID_REVIEWS_COMPLETED",
    "RAPID_REVIEWS_IN_TIME",
    "REVIEWS_COMMISSIONED",
    "PanelPerformance",
    "ReviewDecision",
    "ReviewRegime",
    "assess_incident",
    "case_review_values",
    "panel_performance",
    "review_regime",
    "tally_review_cases",
]


class ReviewRegime(enum.Enum):
    """Which review regime the area was under."""

    SERIOUS_CASE_REVIEW = "LSCB serious case reviews"
    """Before the area's safeguarding-partner arrangements went live."""
    PRACTICE_REVIEW = "child safeguarding practice reviews"
    """From the day the arrangements went live."""


def _check_partnership(partnership: object) -> LocalPartnership:
    if not isinstance(partnership, LocalPartnership):
        raise InvalidInputError("partnership", "must be a LocalPartnership")
    return partnership


def _check_incident(incident: object) -> Incident:
    if not isinstance(incident, Incident):
        raise InvalidInputError("incident", "must be an Incident")
    return incident


@criteria("reviews.transition_window", calls="review_regime_calls")
def review_regime(
    incident: Incident,
    *,
    partnership: LocalPartnership,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> Decision[ReviewRegime]:
    """Decide which review regime applies: LSCB serious case reviews or practice reviews.

    The area's LSCB ran serious case reviews until its safeguarding-partner arrangements
    went live (between 29 June 2018 and 29 September 2019); from that day the partners run
    rapid reviews and local child safeguarding practice reviews. The library compares the
    date asked about (the day the authority became aware of the incident) with the go-live
    date.

    Legal basis:
        Children and Social Work Act 2017; Working Together 2018 transitional guidance (rule
        ``reviews.transition_window``).

    Args:
        incident: The incident.
        partnership: The area's partnership, with its go-live date.
        on: The date whose regime applies; by default the day the authority became aware
            (``incident.aware_on``).
        procedures: Local procedures.

    Returns:
        A decision whose outcome is a [`ReviewRegime`][].

    Raises:
        InvalidInputError: an argument has the wrong type, or *on* is not a date.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, Incident, LocalPartnership, Place, Residence)
        >>> area = LocalPartnership(area="Anytown", arrangements_live_from=dt.date(2019, 6, 1))
        >>> incident = Incident(incident_date=dt.date(2019, 5, 30), aware_on=dt.date(2019, 5, 31),
        ...     age_at_incident=5, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED)
        >>> review_regime(incident, partnership=area).outcome.value
        'LSCB serious case reviews'
    """
    incident = _check_incident(incident)
    partnership = _check_partnership(partnership)
    on = rules_date(on, incident.aware_on)
    live = partnership.arrangements_live_from
    # The statutory window is one fixed version: read at its commencement, whatever the date.
    version = TRANSITION.at(TRANSITION.in_force_from, procedures=check_procedures(procedures))
    partners = on >= live
    day = "the day the authority became aware" if on == incident.aware_on else on.isoformat()
    finding = Finding(
        criterion="safeguarding-partner arrangements live",
        met=partners,
        detail=(
            f"{partnership.area}'s arrangements went live on {live.isoformat()}, "
            + (
                f"on or before {day}: the safeguarding partners decide on reviews."
                if partners
                else f"after {day}: the LSCB decides on a serious case review."
            )
        ),
        source=version.source,
    )
    regime = ReviewRegime.PRACTICE_REVIEW if partners else ReviewRegime.SERIOUS_CASE_REVIEW
    edition = "safeguarding partners" if partners else "LSCB"
    return Decision(outcome=regime, findings=(finding,), rule_version=edition)


def _unique_kinds(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    is_tuple_of(Duty, min_length=1)(_instance, attribute, value)
    kinds = [duty.kind for duty in cast("tuple[Duty, ...]", value)]
    if len(set(kinds)) != len(kinds):
        raise InvalidInputError(attribute.name, "must not list a kind of duty twice")


@attrs.frozen(kw_only=True)
class ReviewDecision:
    """Every duty an incident triggers for the area asking, with the regimes applied.

    Attributes:
        notification_regime: The notification scheme in force when the authority became
            aware.
        review_regime: The review regime of the area at that day.
        findings: Why those regimes apply.
        duties: Every duty considered, in [`DutyKind`][safeguarding.reviews.duties.DutyKind]
            order, whether it applies or not.
        rule_version: The editions applied.
    """

    notification_regime: NotificationRegime = attrs.field(validator=is_member(NotificationRegime))
    review_regime: ReviewRegime = attrs.field(validator=is_member(ReviewRegime))
    findings: tuple[Finding, ...] = attrs.field(validator=is_tuple_of(Finding, min_length=1))
    duties: tuple[Duty, ...] = attrs.field(validator=_unique_kinds)
    rule_version: str = attrs.field(validator=is_text)

    @property
    def applicable(self) -> tuple[Duty, ...]:
        """The duties that are required or call for a decision."""
        return tuple(duty for duty in self.duties if duty.applies)

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline of every duty, in duty order."""
        return tuple(deadline for duty in self.duties for deadline in duty.deadlines)

    def duty(self, kind: DutyKind) -> Duty:
        """The duty of the given kind.

        Raises:
            InvalidInputError: no duty of that kind was considered.
        """
        for duty in self.duties:
            if duty.kind is kind:
                return duty
        raise InvalidInputError("kind", "no duty of that kind in this decision")

    def status(self, kind: DutyKind) -> DutyStatus:
        """The status of the duty of the given kind."""
        return self.duty(kind).status

    def explain(self) -> str:
        """The regimes, then every duty with its findings and deadlines."""
        head = (
            f"Notification: {self.notification_regime.value}; reviews: "
            f"{self.review_regime.value} (applying {self.rule_version})"
        )
        lines = [head]
        lines.extend(f"- {finding.explain()}" for finding in self.findings)
        lines.extend(duty.explain() for duty in self.duties)
        return "\n".join(lines)


def _from(
    kind: DutyKind,
    decision: Decision[DutyStatus],
    responsible: Body,
    deadlines: Iterable[Deadline] = (),
    extra: Iterable[Finding] = (),
) -> Duty:
    status = decision.outcome
    return Duty(
        kind=kind,
        status=status,
        responsible=responsible,
        findings=(*decision.findings, *extra),
        deadlines=() if status is DutyStatus.NOT_REQUIRED else tuple(deadlines),
        rule_version=decision.rule_version,
    )


def _not_required(kind: DutyKind, responsible: Body, finding: Finding, version: str) -> Duty:
    return Duty(
        kind=kind,
        status=DutyStatus.NOT_REQUIRED,
        responsible=responsible,
        findings=(finding,),
        rule_version=version,
    )


def _timeliness(
    what: str, deadline: Deadline, done: dt.date | None, *, recorded: bool
) -> tuple[Finding, ...]:
    if not recorded:
        return ()
    met = None if done is None else done <= deadline.due
    if done is None:
        detail = f"Not recorded as done; due {deadline.due.isoformat()}."
    elif met:
        detail = f"Done on {done.isoformat()}, by the due date {deadline.due.isoformat()}."
    else:
        detail = f"Done on {done.isoformat()}, after the due date {deadline.due.isoformat()}."
    return (Finding(criterion=f"{what} in time", met=met, detail=detail, source=deadline.source),)


_REVIEW_TYPE = {
    DutyKind.SERIOUS_CASE_REVIEW: ReviewType.SERIOUS_CASE_REVIEW,
    DutyKind.LOCAL_PRACTICE_REVIEW: ReviewType.LOCAL_PRACTICE_REVIEW,
    DutyKind.DOMESTIC_HOMICIDE_REVIEW: ReviewType.DOMESTIC_HOMICIDE_REVIEW,
    DutyKind.SAFEGUARDING_ADULTS_REVIEW: ReviewType.SAFEGUARDING_ADULTS_REVIEW,
    DutyKind.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW: ReviewType.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW,
}


def _decision_taken(
    kind: DutyKind, decision: Decision[DutyStatus], actions: ReviewActions | None
) -> tuple[Finding, ...]:
    if actions is None or (actions.review_decided_on is None and not actions.reviews_commissioned):
        return ()
    wanted = _REVIEW_TYPE[kind]
    taken = wanted in actions.reviews_commissioned
    chosen = "; ".join(sorted(t.value for t in actions.reviews_commissioned)) or "none recorded"
    when = f" on {actions.review_decided_on.isoformat()}" if actions.review_decided_on else ""
    return (
        Finding(
            criterion=f"{wanted.value} commissioned",
            met=taken,
            detail=f"Decision taken{when}: {chosen}.",
            source=decision.findings[0].source,
        ),
    )


def _notification_duties(
    incident: Incident,
    partnership: LocalPartnership,
    actions: ReviewActions | None,
    on: dt.date,
    procedures: Procedures,
) -> list[Duty]:
    aware = incident.aware_on
    scheme = NOTIFICATION_SCHEME.at(on, procedures=procedures)
    notification = assess_notification(incident, on=on, procedures=procedures)
    deadline = notification_deadline(aware, on=on, procedures=procedures)
    done = None if actions is None else actions.notified_on
    timely = _timeliness("notification", deadline, done, recorded=actions is not None)
    notified = _from(
        DutyKind.NOTIFY_PANEL
        if scheme.value.regime is NotificationRegime.PANEL
        else DutyKind.NOTIFY_OFSTED_AND_LSCB,
        notification,
        Body.LOCAL_AUTHORITY,
        (deadline,),
        timely if notification.outcome is not DutyStatus.NOT_REQUIRED else (),
    )
    lac = _from(
        DutyKind.NOTIFY_SECRETARY_OF_STATE_AND_OFSTED,
        assess_looked_after_death(incident, on=on, procedures=procedures),
        Body.LOCAL_AUTHORITY,
    )
    if scheme.value.regime is NotificationRegime.OFSTED_AND_LSCB:
        panel_from = NOTIFICATION_SCHEME.versions[1]
        return [
            notified,
            _not_required(
                DutyKind.NOTIFY_PANEL,
                Body.LOCAL_AUTHORITY,
                Finding(
                    criterion="the Panel notification scheme",
                    met=False,
                    detail="The authority became aware before 29 June 2018, when notifications "
                    "to the Panel began.",
                    source=panel_from.source,
                ),
                scheme.edition,
            ),
            lac,
            _not_required(
                DutyKind.INFORM_SAFEGUARDING_PARTNERS,
                Body.LOCAL_AUTHORITY,
                Finding(
                    criterion="a separate report to the partners",
                    met=False,
                    detail="Under Working Together 2015 the LSCB received the notification itself.",
                    source=scheme.source,
                ),
                scheme.edition,
            ),
        ]
    partners_deadline = partner_notification_deadline(aware, on=on, procedures=procedures)
    informed = None if actions is None else actions.partners_informed_on
    told = "the LSCB" if aware < partnership.arrangements_live_from else "the safeguarding partners"
    partners = _from(
        DutyKind.INFORM_SAFEGUARDING_PARTNERS,
        Decision(
            outcome=notification.outcome,
            findings=(
                Finding(
                    criterion="a notification to the Panel",
                    met={DutyStatus.REQUIRED: True, DutyStatus.UNDETERMINED: None}.get(
                        notification.outcome, False
                    ),
                    detail=(
                        "Not yet known whether this area notifies the Panel (see the "
                        "notification). "
                        if notification.outcome is DutyStatus.UNDETERMINED
                        else ""
                    )
                    + f"A notified event is reported to {told} (and to other areas' "
                    "partners where relevant).",
                    source=partners_deadline.source,
                ),
            ),
            rule_version=notification.rule_version,
        ),
        Body.LOCAL_AUTHORITY,
        (partners_deadline,),
        _timeliness(
            "report to the partners", partners_deadline, informed, recorded=actions is not None
        )
        if notification.outcome is not DutyStatus.NOT_REQUIRED
        else (),
    )
    not_wt2015 = _not_required(
        DutyKind.NOTIFY_OFSTED_AND_LSCB,
        Body.LOCAL_AUTHORITY,
        Finding(
            criterion="the Working Together 2015 scheme",
            met=False,
            detail="From 29 June 2018 serious incidents are notified to the Panel, which "
            "shares them with Ofsted and the DfE.",
            source=scheme.source,
        ),
        scheme.edition,
    )
    return [not_wt2015, notified, lac, partners]


def _rapid_review_duty(
    incident: Incident,
    actions: ReviewActions | None,
    regime: ReviewRegime,
    on: dt.date,
    procedures: Procedures,
) -> Duty:
    decision = assess_rapid_review(incident, on=on, procedures=procedures)
    body = Body.LSCB if regime is ReviewRegime.SERIOUS_CASE_REVIEW else Body.SAFEGUARDING_PARTNERS
    if decision.outcome is DutyStatus.NOT_REQUIRED:
        return _from(DutyKind.RAPID_REVIEW, decision, body)
    deadline = rapid_review_deadline(
        incident.aware_on,
        notified_on=None if actions is None else actions.notified_on,
        on=on,
        procedures=procedures,
    )
    done = None if actions is None else actions.rapid_review_completed_on
    return _from(
        DutyKind.RAPID_REVIEW,
        decision,
        body,
        (deadline,),
        _timeliness("rapid review", deadline, done, recorded=actions is not None),
    )


def _scr_duties(
    incident: Incident,
    partnership: LocalPartnership,
    actions: ReviewActions | None,
    on: dt.date,
    procedures: Procedures,
) -> list[Duty]:
    aware = incident.aware_on
    decision = assess_serious_case_review(incident, on=on, procedures=procedures)
    notified = None if actions is None else actions.notified_on
    deadlines = [
        Deadline.from_rule(
            SCR_DECISION_TIMESCALE,
            aware if notified is None else notified,
            on=on,
            procedures=procedures,
            clock_starts="notification of the incident"
            if notified is not None
            else "notification of the incident (not yet recorded: counted from awareness)",
        )
    ]
    decided = None if actions is None else actions.review_decided_on
    if decided is not None and actions is not None:
        if ReviewType.SERIOUS_CASE_REVIEW in actions.reviews_commissioned:
            deadlines.append(scr_completion_deadline(decided, on=on, procedures=procedures))
        else:
            deadlines.append(scr_non_initiation_deadline(decided, on=on, procedures=procedures))
    scr = _from(
        DutyKind.SERIOUS_CASE_REVIEW,
        decision,
        Body.LSCB,
        deadlines,
        _decision_taken(DutyKind.SERIOUS_CASE_REVIEW, decision, actions),
    )
    local = _not_required(
        DutyKind.LOCAL_PRACTICE_REVIEW,
        Body.SAFEGUARDING_PARTNERS,
        Finding(
            criterion="safeguarding-partner arrangements live",
            met=False,
            detail=f"{partnership.area}'s arrangements went live on "
            f"{partnership.arrangements_live_from.isoformat()}: until then the LSCB decides on "
            "a serious case review.",
            source=TRANSITION.versions[0].source,
        ),
        "LSCB",
    )
    return [scr, local]


def _practice_review_duties(
    incident: Incident,
    partnership: LocalPartnership,
    actions: ReviewActions | None,
    on: dt.date,
    procedures: Procedures,
) -> list[Duty]:
    scr = _not_required(
        DutyKind.SERIOUS_CASE_REVIEW,
        Body.LSCB,
        Finding(
            criterion="an LSCB in place",
            met=False,
            detail=f"{partnership.area}'s safeguarding-partner arrangements went live on "
            f"{partnership.arrangements_live_from.isoformat()}: serious case reviews were "
            "replaced by rapid reviews and local child safeguarding practice reviews.",
            source=TRANSITION.versions[0].source,
        ),
        "safeguarding partners",
    )
    decision = assess_local_review(incident, actions=actions, on=on, procedures=procedures)
    deadlines: list[Deadline] = []
    extra = list(_decision_taken(DutyKind.LOCAL_PRACTICE_REVIEW, decision, actions))
    if actions is not None and ReviewType.LOCAL_PRACTICE_REVIEW in actions.reviews_commissioned:
        decided = actions.review_decided_on
        if decided is not None:
            deadlines.append(publication_deadline(decided, on=on, procedures=procedures))
        if actions.published_on is not None:
            extra.extend(
                assess_advance_copy(
                    actions.published_on,
                    sent_on=actions.report_sent_to_panel_on,
                    on=on,
                    procedures=procedures,
                ).findings
            )
    local = _from(
        DutyKind.LOCAL_PRACTICE_REVIEW, decision, Body.SAFEGUARDING_PARTNERS, deadlines, extra
    )
    return [scr, local]


def _neighbouring_duties(
    incident: Incident,
    partnership: LocalPartnership,
    actions: ReviewActions | None,
    on: dt.date | None,
    procedures: Procedures,
) -> list[Duty]:
    # With no date asked about, each review applies the rules of its own day (the death).
    dhr = assess_domestic_homicide_review(incident, on=on, procedures=procedures)
    sar = assess_safeguarding_adults_review(incident, on=on, procedures=procedures)
    cdr = assess_child_death_review(incident, on=on, procedures=procedures)
    owhr = assess_offensive_weapons_homicide_review(
        incident,
        pilot_area=partnership.owhr_pilot_area,
        excluded_by_other_review=other_review_applies(dhr.outcome, sar.outcome, cdr.outcome),
        on=on,
        procedures=procedures,
    )
    return [
        _from(
            DutyKind.DOMESTIC_HOMICIDE_REVIEW,
            dhr,
            Body.COMMUNITY_SAFETY_PARTNERSHIP,
            extra=_decision_taken(DutyKind.DOMESTIC_HOMICIDE_REVIEW, dhr, actions),
        ),
        _from(
            DutyKind.SAFEGUARDING_ADULTS_REVIEW,
            sar,
            Body.SAFEGUARDING_ADULTS_BOARD,
            extra=_decision_taken(DutyKind.SAFEGUARDING_ADULTS_REVIEW, sar, actions),
        ),
        _from(
            DutyKind.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW,
            owhr,
            Body.OWHR_REVIEW_PARTNERS,
            extra=_decision_taken(DutyKind.OFFENSIVE_WEAPONS_HOMICIDE_REVIEW, owhr, actions),
        ),
        _from(DutyKind.CHILD_DEATH_REVIEW, cdr, Body.CHILD_DEATH_REVIEW_PARTNERS),
    ]


def assess_incident(
    incident: Incident,
    *,
    partnership: LocalPartnership,
    actions: ReviewActions | None = None,
    on: dt.date | None = None,
    procedures: Procedures = NATIONAL,
) -> ReviewDecision:
    """Every duty the incident triggers for the area, each explained, sourced and timed.

    The notification scheme and the editions of the guidance are those in force on the day
    the authority became aware (or on *on*, if given); the review regime depends on whether
    the area's safeguarding-partner arrangements had gone live by then. The neighbouring
    reviews apply the rules of the date of death, unless *on* is given. The duties, in order:
    notification (Ofsted and the LSCB, or the Panel; 5 working days), the looked-after
    child's death to the Secretary of State and Ofsted, telling the partners (5 working
    days), the rapid review (15 working days), the serious case review (SCR regime: the
    decision within a month) or the local practice review decision (partners' regime:
    discretionary, publication within 6 months of a decision to review), then the domestic
    homicide, safeguarding adults, offensive weapons homicide and child death reviews.
    Every duty is listed whether or not it applies; overlapping reviews are all listed.
    A duty that depends on a fact not yet known (``None``: where it happened or where the
    child normally lives, among others) is ``UNDETERMINED``, never "not required", and its
    findings say what is not yet known.

    With *actions*, each duty also says whether what was done was in time, and which
    reviews were commissioned. With *procedures*, every deadline is counted on their
    working-day calendar and every rule they set locally is applied, citing their document.

    Legal basis:
        Children Act 2004 ss16C, 16F, 16M; LSCB Regulations 2006 reg 5; SI 2018/789 reg 11;
        Working Together 2015, 2018 and 2023; Domestic Violence, Crime and Victims Act 2004
        s9; Care Act 2014 s44; Police, Crime, Sentencing and Courts Act 2022 s24 (every
        ``reviews.*`` rule).

    Args:
        incident: The incident, with places relative to the partnership's area (``None``:
            not yet known).
        partnership: The area's partnership (its go-live date and pilot status).
        actions: What was done, if recorded.
        on: The date whose rules apply; by default the day the authority became aware
            (``incident.aware_on``), and the date of death for the neighbouring reviews.
        procedures: The partnership's procedures.

    Returns:
        The decision, with every duty considered.

    Raises:
        InvalidInputError: an argument has the wrong type, *on* is not a date, or an action
            is dated before the authority became aware (field ``actions.<name>``).
        RuleNotInForceError: *on* is before 26 March 2015.
        CalendarCoverageError: a deadline falls outside the working-day calendar.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, Incident, LocalPartnership, Place, Residence)
        >>> area = LocalPartnership(area="Anytown", arrangements_live_from=dt.date(2019, 9, 29))
        >>> death = Incident(incident_date=dt.date(2018, 6, 28), aware_on=dt.date(2018, 7, 2),
        ...     age_at_incident=2, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
        ...     death_date=dt.date(2018, 6, 28), age_at_death=2)
        >>> decision = assess_incident(death, partnership=area)
        >>> decision.notification_regime.name, decision.review_regime.name
        ('PANEL', 'SERIOUS_CASE_REVIEW')
        >>> decision.duty(DutyKind.NOTIFY_PANEL).deadlines[0].due
        datetime.date(2018, 7, 9)
    """
    incident = _check_incident(incident)
    partnership = _check_partnership(partnership)
    if actions is not None:
        if not isinstance(actions, ReviewActions):
            raise InvalidInputError("actions", "must be a ReviewActions or None")
        ReviewCase(incident=incident, actions=actions)
    procedures = check_procedures(procedures)
    day = rules_date(on, incident.aware_on)
    regime = review_regime(incident, partnership=partnership, on=day, procedures=procedures)
    scheme = NOTIFICATION_SCHEME.at(day, procedures=procedures)
    duties = _notification_duties(incident, partnership, actions, day, procedures)
    duties.append(_rapid_review_duty(incident, actions, regime.outcome, day, procedures))
    if regime.outcome is ReviewRegime.SERIOUS_CASE_REVIEW:
        duties.extend(_scr_duties(incident, partnership, actions, day, procedures))
    else:
        duties.extend(_practice_review_duties(incident, partnership, actions, day, procedures))
    duties.extend(_neighbouring_duties(incident, partnership, actions, on, procedures))
    order = list(DutyKind)
    duties.sort(key=lambda duty: order.index(duty.kind))
    scheme_finding = Finding(
        criterion="notification scheme on the day of awareness",
        met=True,
        detail=f"The authority became aware on {incident.aware_on.isoformat()}: "
        f"{scheme.value.regime.value}.",
        source=scheme.source,
    )
    return ReviewDecision(
        notification_regime=scheme.value.regime,
        review_regime=regime.outcome,
        findings=(scheme_finding, *regime.findings),
        duties=tuple(duties),
        rule_version=f"{scheme.edition}; {regime.rule_version}",
    )


_PANEL_REPORT = LEWISHAM_LSCB_ANNUAL_REPORT_2018_19.cite(
    "'Case Review Panel (CRP)', 'What was the impact?' (from p. 13)",
    Verification.SECONDARY,
    note="Ten serious incidents considered; four rapid reviews undertaken after notifications "
    "from 29 June 2018; one serious case review, four learning reviews, one domestic homicide "
    "review, and a health serious incident review with an internal management review. The "
    "report gives counts only: what each measure counts is the library's definition.",
)
_NOTIFICATIONS = DFE_SERIOUS_INCIDENT_STATISTICS.cite(
    "methodology: notification within five working days of becoming aware of the incident",
    Verification.SECONDARY,
    note="The statistics count notifications. The five working days are the timescale of rule "
    "reviews.notification_timescale (Working Together 2015, 2018 and 2023, as restated by the "
    "DfE methodology and local procedures); the shares notified, and notified in time, are the "
    "library's measures.",
)
_RAPID = PANEL_FAQ.cite(
    "rapid reviews",
    Verification.SECONDARY,
    note="The FAQ says a rapid review follows every notification and is led by the area where "
    "the incident happened. The 15 working days are the timescale of rule "
    "reviews.rapid_review_timescale, a non-statutory expectation restated by local procedures "
    "(Trafford, Wirral, Kent and others); the shares completed, and completed in time, are the "
    "library's measures.",
)


def _panel_indicator(
    key: str, title: str, numerator: str, denominator: str, source: Citation
) -> Indicator:
    """A panel measure: a share (a percentage) if it has a denominator, else a count."""
    return Indicator(
        key=f"case_reviews.{key}",
        title=title,
        numerator=numerator,
        denominator=denominator,
        kind=Kind.PROPORTION if denominator else Kind.COUNT,
        multiplier=100 if denominator else 1,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=source,
    )


def _commissioned(review_type: ReviewType) -> Indicator:
    if review_type is ReviewType.NO_FURTHER_REVIEW:
        title = "Cases decided with no further review"
        counted = "cases whose review decision was that no further review is needed"
    else:
        article = "an" if review_type.value[0] in "aeiou" else "a"
        title = f"Cases with {article} {review_type.value} commissioned"
        counted = f"cases whose review decision commissioned {article} {review_type.value}"
    return _panel_indicator(
        f"commissioned.{review_type.name.lower()}",
        title,
        f"{counted} (decided by the reporting date, or undated)",
        "",
        _PANEL_REPORT,
    )


INCIDENTS_CONSIDERED = _panel_indicator(
    "incidents_considered",
    "Serious incidents considered by the case review panel",
    "cases in the panel's log",
    "",
    _PANEL_REPORT,
)
NOTIFICATIONS_MADE = _panel_indicator(
    "notifications_made",
    "Notifiable incidents notified (%)",
    "notifications made by the reporting date",
    "incidents the area had to notify (to Ofsted and the LSCB, or to the Panel)",
    _NOTIFICATIONS,
)
NOTIFICATIONS_IN_TIME = attrs.evolve(
    _panel_indicator(
        "notifications_in_time",
        "Notifications made within 5 working days of becoming aware (%)",
        "notifications made within 5 working days of the local authority becoming aware",
        "notifications made by the reporting date",
        _NOTIFICATIONS,
    ),
    polarity=Polarity.HIGH_IS_GOOD,
)
RAPID_REVIEWS_COMPLETED = _panel_indicator(
    "rapid_reviews_completed",
    "Rapid reviews completed (%)",
    "rapid reviews completed by the reporting date",
    "incidents calling for a rapid review led by the area",
    _RAPID,
)
RAPID_REVIEWS_IN_TIME = attrs.evolve(
    _panel_indicator(
        "rapid_reviews_in_time",
        "Rapid reviews completed within 15 working days (%)",
        "rapid reviews completed by their due day (15 working days)",
        "rapid reviews completed by the reporting date",
        _RAPID,
    ),
    polarity=Polarity.HIGH_IS_GOOD,
)
CASE_REVIEW_MEASURES: tuple[Indicator, ...] = (
    INCIDENTS_CONSIDERED,
    NOTIFICATIONS_MADE,
    NOTIFICATIONS_IN_TIME,
    RAPID_REVIEWS_COMPLETED,
    RAPID_REVIEWS_IN_TIME,
    *(_commissioned(review_type) for review_type in ReviewType),
)
"""A case review panel's measures, in reporting order: the reviews commissioned come last."""
REVIEWS_COMMISSIONED: tuple[Indicator, ...] = CASE_REVIEW_MEASURES[5:]
"""Cases with each type of review commissioned, one count per [`ReviewType`][], in its order."""

_COMMISSIONED = dict(zip(ReviewType, REVIEWS_COMMISSIONED, strict=True))
# (indicator, numerator, denominator): the PanelPerformance field behind each share.
_SHARES: tuple[tuple[Indicator, str, str], ...] = (
    (NOTIFICATIONS_MADE, "notifications_made", "notifications_required"),
    (NOTIFICATIONS_IN_TIME, "notifications_in_time", "notifications_made"),
    (RAPID_REVIEWS_COMPLETED, "rapid_reviews_completed", "rapid_reviews_required"),
    (RAPID_REVIEWS_IN_TIME, "rapid_reviews_in_time", "rapid_reviews_completed"),
)


def _tally_of(counts: Mapping[str, int], commissioned: Mapping[ReviewType, int]) -> Tally:
    """The tally holding the named counts (the fields of [`PanelPerformance`][])."""
    tallied = {INCIDENTS_CONSIDERED.key: Count(numerator=counts["incidents_considered"])}
    for indicator, numerator, denominator in _SHARES:
        tallied[indicator.key] = Count(numerator=counts[numerator], denominator=counts[denominator])
    for review_type, indicator in _COMMISSIONED.items():
        tallied[indicator.key] = Count(numerator=commissioned.get(review_type, 0))
    return Tally(counts=tallied)


def _check_counts(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidInputError(attribute.name, "must be a tuple of (ReviewType, count) pairs")
    order = list(ReviewType)
    previous = -1
    for index, pair in enumerate(value):
        where = f"{attribute.name}[{index}]"
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise InvalidInputError(where, "must be a (ReviewType, count) pair")
        kind, count = pair
        if not isinstance(kind, ReviewType):
            raise InvalidInputError(where, "must start with a ReviewType")
        if type(count) is not int or count < 1:
            raise InvalidInputError(where, "must have a count of at least 1")
        if order.index(kind) <= previous:
            raise InvalidInputError(where, "must be in ReviewType order, each type once")
        previous = order.index(kind)


@attrs.frozen(kw_only=True)
class PanelPerformance:
    """A case review panel's measures over a set of cases; mergeable with ``+``.

    The same counts as a tally of [`CASE_REVIEW_MEASURES`][]
    ([`to_tally`][PanelPerformance.to_tally], [`from_tally`][PanelPerformance.from_tally]),
    named.

    Attributes:
        incidents_considered: Cases considered.
        notifications_required: Cases the area had to notify.
        notifications_made: Of those, notified (by the date asked about).
        notifications_in_time: Of those, notified within 5 working days of awareness.
        rapid_reviews_required: Cases calling for a rapid review by this area.
        rapid_reviews_completed: Of those, completed (by the date asked about).
        rapid_reviews_in_time: Of those, completed within the 15 working days.
        reviews_commissioned: Cases with each type of review commissioned, as
            ``(ReviewType, count)`` pairs in [`ReviewType`][] order, counts of 1 or more.

    Raises:
        InvalidInputError: a count is negative, or a part exceeds its whole.
    """

    incidents_considered: int = attrs.field(validator=is_int(minimum=0))
    notifications_required: int = attrs.field(validator=is_int(minimum=0))
    notifications_made: int = attrs.field(validator=is_int(minimum=0))
    notifications_in_time: int = attrs.field(validator=is_int(minimum=0))
    rapid_reviews_required: int = attrs.field(validator=is_int(minimum=0))
    rapid_reviews_completed: int = attrs.field(validator=is_int(minimum=0))
    rapid_reviews_in_time: int = attrs.field(validator=is_int(minimum=0))
    reviews_commissioned: tuple[tuple[ReviewType, int], ...] = attrs.field(
        default=(), validator=_check_counts
    )

    def __attrs_post_init__(self) -> None:
        """Each part is at most its whole."""
        chain = (
            ("notifications_required", "incidents_considered"),
            ("notifications_made", "notifications_required"),
            ("notifications_in_time", "notifications_made"),
            ("rapid_reviews_required", "incidents_considered"),
            ("rapid_reviews_completed", "rapid_reviews_required"),
            ("rapid_reviews_in_time", "rapid_reviews_completed"),
        )
        for part, whole in chain:
            if getattr(self, part) > getattr(self, whole):
                raise InvalidInputError(part, f"must not exceed {whole}")
        for index, (_, count) in enumerate(self.reviews_commissioned):
            if count > self.incidents_considered:
                raise InvalidInputError(
                    f"reviews_commissioned[{index}]", "must not exceed incidents_considered"
                )

    @classmethod
    def from_tally(cls, tally: Tally) -> PanelPerformance:
        """The measures of a tally of [`CASE_REVIEW_MEASURES`][] (from [`tally_review_cases`][]).

        Raises:
            InvalidInputError: naming ``tally``: it is not a Tally, two indicators count
                the same cases differently (the notifications made are the numerator of
                one share and the denominator of the next), or a part exceeds its whole.

        Examples:
            >>> PanelPerformance.from_tally(Tally()).incidents_considered
            0
        """
        if not isinstance(tally, Tally):
            raise InvalidInputError("tally", "must be a Tally")
        counts = {"incidents_considered": tally.count(INCIDENTS_CONSIDERED.key).numerator}
        for indicator, numerator, denominator in _SHARES:
            count = tally.count(indicator.key)
            counts[numerator] = count.numerator
            if counts.setdefault(denominator, count.denominator) != count.denominator:
                raise InvalidInputError(
                    "tally", f"{indicator.key} does not count the same {denominator}"
                )
        commissioned = Counter(
            {
                kind: tally.count(indicator.key).numerator
                for kind, indicator in _COMMISSIONED.items()
            }
        )
        try:
            return cls(**counts, reviews_commissioned=_ordered(commissioned))
        except InvalidInputError as error:
            raise InvalidInputError("tally", f"{error.field}: {error.reason}") from None

    def to_tally(self) -> Tally:
        """The measures as a tally of [`CASE_REVIEW_MEASURES`][].

        Examples:
            >>> empty = PanelPerformance.from_tally(Tally())
            >>> PanelPerformance.from_tally(empty.to_tally()) == empty
            True
        """
        counts = attrs.asdict(self, filter=lambda field, _: field.name != "reviews_commissioned")
        return _tally_of(counts, dict(self.reviews_commissioned))

    def commissioned(self, review_type: ReviewType) -> int:
        """How many cases had a review of *review_type* commissioned."""
        return dict(self.reviews_commissioned).get(review_type, 0)

    def __add__(self, other: object) -> PanelPerformance:
        """Merge two panels' (or periods') measures (their tallies, added)."""
        if not isinstance(other, PanelPerformance):
            return NotImplemented
        return PanelPerformance.from_tally(self.to_tally() + other.to_tally())


def _ordered(counts: Counter[ReviewType]) -> tuple[tuple[ReviewType, int], ...]:
    return tuple((kind, counts[kind]) for kind in ReviewType if counts[kind] > 0)


@measure(
    NOTIFICATION_SCHEME.key,
    NOTIFICATION_TIMESCALE.key,
    RAPID_REVIEW_TIMESCALE.key,
    RAPID_REVIEW_ANCHOR.key,
    TRANSITION.key,
    calls="review_tally_calls",
)
def tally_review_cases(
    cases: Iterable[ReviewCase],
    *,
    partnership: LocalPartnership,
    on: dt.date,
    procedures: Procedures = NATIONAL,
) -> Tally:
    """Count a case review panel's measures from its case log, in one pass.

    Each case is read once and assessed with [`assess_incident`][], under the rules of its
    own day of awareness and the partnership's *procedures*. A notification counts as
    required when the area had to notify (Ofsted and the LSCB, or the Panel) and as in time
    when made within 5 working days of awareness; a rapid review counts when this area had
    to lead one, and as in time when completed within its 15 working days. Steps dated
    after *on* are not counted as done. Reviews are counted per case and type (a case with
    a health serious incident review and an internal management review counts once as a
    single-agency review). Tallies of separate case logs add up with ``+`` to the tally of
    all the cases.

    Legal basis:
        As [`assess_incident`][]; the timescales are the rules
        ``reviews.notification_timescale`` and ``reviews.rapid_review_timescale`` (from
        ``reviews.rapid_review_anchor``), under the scheme of
        ``reviews.notification_scheme`` and the regime of ``reviews.transition_window``.

    Args:
        cases: The panel's cases.
        partnership: The area's partnership.
        on: The day the measures are taken: steps dated after it are not counted.
        procedures: The partnership's procedures.

    Returns:
        A tally with a count for every indicator of [`CASE_REVIEW_MEASURES`][] (zeros
        included).

    Raises:
        InvalidInputError: a case is not a [`ReviewCase`][], or an argument is invalid.
        RuleNotInForceError: a case's authority became aware before 26 March 2015.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, Incident, LocalPartnership, Place, Residence, ReviewActions)
        >>> area = LocalPartnership(area="Anytown", arrangements_live_from=dt.date(2019, 9, 29))
        >>> harm = Incident(incident_date=dt.date(2020, 2, 3), aware_on=dt.date(2020, 2, 3),
        ...     age_at_incident=7, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True)
        >>> case = ReviewCase(incident=harm, actions=ReviewActions(notified_on=dt.date(2020, 2, 7)))
        >>> counts = tally_review_cases([case], partnership=area, on=dt.date(2020, 3, 31))
        >>> counts.count(NOTIFICATIONS_IN_TIME.key), counts.count(RAPID_REVIEWS_COMPLETED.key)
        (Count(numerator=1, denominator=1), Count(numerator=0, denominator=1))
    """
    partnership = _check_partnership(partnership)
    check_date("on", on)
    procedures = check_procedures(procedures)
    names = [field.name for field in attrs.fields(PanelPerformance)]
    counts = dict.fromkeys((name for name in names if name != "reviews_commissioned"), 0)
    commissioned: Counter[ReviewType] = Counter()
    for index, case in enumerate(cases):
        if not isinstance(case, ReviewCase):
            raise InvalidInputError(f"cases[{index}]", "must be a ReviewCase")
        decision = assess_incident(
            case.incident, partnership=partnership, actions=case.actions, procedures=procedures
        )
        actions = case.actions
        counts["incidents_considered"] += 1
        kind = (
            DutyKind.NOTIFY_PANEL
            if decision.notification_regime is NotificationRegime.PANEL
            else DutyKind.NOTIFY_OFSTED_AND_LSCB
        )
        notify = decision.duty(kind)
        if notify.status is DutyStatus.REQUIRED:
            counts["notifications_required"] += 1
            done = actions.notified_on
            if done is not None and done <= on:
                counts["notifications_made"] += 1
                counts["notifications_in_time"] += done <= notify.deadlines[0].due
        rapid = decision.duty(DutyKind.RAPID_REVIEW)
        if rapid.status is DutyStatus.REQUIRED:
            counts["rapid_reviews_required"] += 1
            done = actions.rapid_review_completed_on
            if done is not None and done <= on:
                counts["rapid_reviews_completed"] += 1
                counts["rapid_reviews_in_time"] += done <= rapid.deadlines[0].due
        decided = actions.review_decided_on
        if decided is None or decided <= on:
            commissioned.update(actions.reviews_commissioned)
    return _tally_of(counts, commissioned)


def case_review_values(
    tally: Tally, *, period: Period, confidence: float = 0.95
) -> tuple[IndicatorValue, ...]:
    """A case review panel's measures from a tally, in [`CASE_REVIEW_MEASURES`][] order.

    Shares get Wilson intervals and counts exact Poisson or Byar limits (see
    [`compute`][safeguarding.indicators.definitions.Indicator.compute]); a share with
    nothing to count (no notification required) has no value.

    Legal basis:
        As [`tally_review_cases`][]; OHID public health technical guidance for the
        intervals.

    Args:
        tally: Counts, usually from [`tally_review_cases`][] (merged with ``+``).
        period: The period the counts are for.
        confidence: The confidence level of the intervals.

    Returns:
        One value per indicator of [`CASE_REVIEW_MEASURES`][].

    Raises:
        InvalidInputError: *tally* is not a Tally, a bad period or confidence, or a
            share whose numerator exceeds its denominator.

    Examples:
        >>> values = case_review_values(Tally(), period=Period.financial_year(2018))
        >>> [value.formatted() for value in values[:3]]
        ['0', 'z', 'z']
    """
    if not isinstance(tally, Tally):
        raise InvalidInputError("tally", "must be a Tally")
    return tally.values(CASE_REVIEW_MEASURES, period=period, confidence=confidence)


def panel_performance(
    cases: Iterable[ReviewCase],
    *,
    partnership: LocalPartnership,
    on: dt.date,
    procedures: Procedures = NATIONAL,
) -> PanelPerformance:
    """Measure a case review panel: incidents, timeliness, reviews commissioned by type.

    The counts of [`tally_review_cases`][] as [`PanelPerformance`][]; how each is counted
    is said there.

    Legal basis:
        As [`assess_incident`][].

    Args:
        cases: The panel's cases.
        partnership: The area's partnership.
        on: The day the measures are taken: steps dated after it are not counted.
        procedures: The partnership's procedures.

    Returns:
        The measures.

    Raises:
        InvalidInputError: a case is not a [`ReviewCase`][], or an argument is invalid.
        RuleNotInForceError: a case's authority became aware before 26 March 2015.

    Examples:
        >>> import datetime as dt
        >>> from safeguarding.reviews.incidents import (
        ...     AbuseOrNeglect, Incident, LocalPartnership, Place, Residence, ReviewActions)
        >>> area = LocalPartnership(area="Anytown", arrangements_live_from=dt.date(2019, 9, 29))
        >>> harm = Incident(incident_date=dt.date(2020, 2, 3), aware_on=dt.date(2020, 2, 3),
        ...     age_at_incident=7, place=Place.IN_AREA, residence=Residence.IN_AREA,
        ...     abuse_or_neglect=AbuseOrNeglect.KNOWN, seriously_harmed=True)
        >>> actions = ReviewActions(notified_on=dt.date(2020, 2, 11))
        >>> case = ReviewCase(incident=harm, actions=actions)
        >>> performance = panel_performance([case], partnership=area, on=dt.date(2020, 3, 31))
        >>> performance.notifications_in_time
        0
    """
    return PanelPerformance.from_tally(
        tally_review_cases(cases, partnership=partnership, on=on, procedures=procedures)
    )
