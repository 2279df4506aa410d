"""Private fostering in England: the definition, notification duties and visits.

A child under 16 (under 18 if disabled) who is cared for and accommodated in
their own home by someone who is not a parent, a person with parental
responsibility or a close relative, for 28 days or more (or with that
intention), is *privately fostered* (Children Act 1989 s66), unless Schedule 8
exempts them. Everyone involved must tell the local authority (Children
(Private Arrangements for Fostering) Regulations 2005), which must visit
within seven working days of being notified and then at least every 6 weeks
in the first year and every 12 weeks after.

The package has one module per concept:

* [`definition`][safeguarding.private_fostering.definition]: [`assess`][] whether a
  child is privately fostered on a date (age, relatives, 28-day rule with its
  intention limb, Schedule 8 exemptions and the boarding-school holiday rule);
* [`notifications`][safeguarding.private_fostering.notifications]: who must notify, and by
  when ([`notice`][]);
* [`visits`][safeguarding.private_fostering.visits]: the visiting regime as
  deadlines ([`visit_schedule`][], [`check_visits`][]);
* [`carers`][safeguarding.private_fostering.carers]: disqualification, the
  barred-list bar and the usual fostering limit;
* [`measures`][safeguarding.private_fostering.measures]: partnership measures as
  indicators, counted into a mergeable tally.

Every rule is a registered [`DatedRule`][safeguarding.rules.DatedRule] under the
key prefix ``private_fostering.``, with its source and verification status. Every
function that applies one takes keyword-only `on` (the date whose rules apply) and
`procedures` (a partnership's [`Procedures`][safeguarding.procedures.Procedures]:
its working-day calendar and its own versions of rules, each citing its local
document; national guidance by default).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.people import Child
    >>> host = Arrangement(
    ...     child=Child(identifier="S1", date_of_birth=dt.date(2009, 9, 1), disabled=False),
    ...     relationship=Relationship.HOST_FAMILY, carer_has_parental_responsibility=False,
    ...     setting=Setting.CARERS_HOME, also_living_there=frozenset(),
    ...     looked_after=False, placed_for_adoption=False,
    ...     mental_health_detention=False, court_ordered=False,
    ...     start=dt.date(2025, 1, 6), intention=IntendedDuration.FIXED_END,
    ...     intended_end=dt.date(2025, 3, 28))
    >>> assess(host, on=dt.date(2025, 1, 6)).outcome.value     # 12 weeks planned: day 1
    'privately fostered'
    >>> assess(host, on=dt.date(2025, 9, 1)).outcome.value     # the stay had ended
    'not privately fostered'
"""

from __future__ import annotations

from safeguarding.private_fostering.carers import (
    BARRED,
    BARRED_HOUSEHOLD,
    DISQUALIFIED,
    USUAL_FOSTERING_LIMIT,
    CarerCircumstances,
    LimitOutcome,
    Permission,
    assess_carer,
    assess_fostering_limit,
)
from safeguarding.private_fostering.definition import (
    ADOPTION_EXEMPTION,
    AGE_LIMIT,
    BOARDING_HOLIDAY_AGE_LIMIT,
    BOARDING_HOLIDAY_DAYS,
    CHILDRENS_HOMES,
    COURT_ORDER_EXEMPTION,
    DAY_COUNT,
    DEFINITION,
    DISABLED_AGE_LIMIT,
    DISABLED_MEANING,
    EXEMPT_SETTINGS,
    HOUSEHOLD_EXEMPTION,
    LOOKED_AFTER_EXEMPTION,
    MENTAL_HEALTH_EXEMPTION,
    OWN_HOME,
    PERSONAL_CAPACITY,
    RELATIVES,
    STEP_PARENT,
    TWENTY_EIGHT_DAY_RULE,
    Arrangement,
    CarerCapacity,
    HolidayStay,
    IntendedDuration,
    Link,
    Outcome,
    Relationship,
    RelativesDefinition,
    Resident,
    Setting,
    assess,
    days_cared_for,
    is_private_fostering,
    missing_facts,
)
from safeguarding.private_fostering.measures import (
    ARRANGEMENTS_OPEN_AT_END,
    EXISTING_ARRANGEMENTS_OPEN_AT_END,
    FIRST_VISITS_ON_TIME,
    MEASURES,
    NEW_ARRANGEMENTS_OPEN_AT_END,
    NOTIFICATIONS_ASSESSED_AS_NEW,
    NOTIFICATIONS_RECEIVED,
    SUBSEQUENT_VISITS_ON_TIME,
    ArrangementRecord,
    NotificationOutcome,
    NotificationRecord,
    tally,
)
from safeguarding.private_fostering.notifications import (
    NOTICE_RULES,
    RETURN_EXCEPTION,
    Notice,
    NoticeDuty,
    NoticeRule,
    Notifier,
    Recipient,
    Timing,
    notice,
)
from safeguarding.private_fostering.visits import (
    FIRST_VISIT_AFTER_NOTICE,
    FIRST_VISIT_AFTER_PROPOSAL,
    FIRST_VISIT_RELAXATION,
    FIRST_YEAR,
    INTERVAL_FIRST_YEAR,
    INTERVAL_LATER_YEARS,
    VISITS_ON_REQUEST,
    FirstVisitTrigger,
    RequiredVisit,
    Visit,
    VisitClock,
    VisitKind,
    VisitRequirement,
    VisitStatus,
    check_visits,
    first_visit_deadline,
    first_year_ends,
    visit_schedule,
)

__all__ = [
    "ADOPTION_EXEMPTION",
    "AGE_LIMIT",
    "ARRANGEMENTS_OPEN_AT_END",
    "BARRED",
    "BARRED_HOUSEHOLD",
    "BOARDING_HOLIDAY_AGE_LIMIT",
    "BOARDING_HOLIDAY_DAYS",
    "CHILDRENS_HOMES",
    "COURT_ORDER_EXEMPTION",
    "DAY_COUNT",
    "DEFINITION",
    "DISABLED_AGE_LIMIT",
    "DISABLED_MEANING",
    "DISQUALIFIED",
    "EXEMPT_SETTINGS",
    "EXISTING_ARRANGEMENTS_OPEN_AT_END",
    "FIRST_VISITS_ON_TIME",
    "FIRST_VISIT_AFTER_NOTICE",
    "FIRST_VISIT_AFTER_PROPOSAL",
    "FIRST_VISIT_RELAXATION",
    "FIRST_YEAR",
    "HOUSEHOLD_EXEMPTION",
    "INTERVAL_FIRST_YEAR",
    "INTERVAL_LATER_YEARS",
    "LOOKED_AFTER_EXEMPTION",
    "MEASURES",
    "MENTAL_HEALTH_EXEMPTION",
    "NEW_ARRANGEMENTS_OPEN_AT_END",
    "NOTICE_RULES",
    "NOTIFICATIONS_ASSESSED_AS_NEW",
    "NOTIFICATIONS_RECEIVED",
    "OWN_HOME",
    "PERSONAL_CAPACITY",
    "RELATIVES",
    "RETURN_EXCEPTION",
    "STEP_PARENT",
    "SUBSEQUENT_VISITS_ON_TIME",
    "TWENTY_EIGHT_DAY_RULE",
    "USUAL_FOSTERING_LIMIT",
    "VISITS_ON_REQUEST",
    "Arrangement",
    "ArrangementRecord",
    "CarerCapacity",
    "CarerCircumstances",
    "FirstVisitTrigger",
    "HolidayStay",
    "IntendedDuration",
    "LimitOutcome",
    "Link",
    "Notice",
    "NoticeDuty",
    "NoticeRule",
    "NotificationOutcome",
    "NotificationRecord",
    "Notifier",
    "Outcome",
    "Permission",
    "Recipient",
    "Relationship",
    "RelativesDefinition",
    "RequiredVisit",
    "Resident",
    "Setting",
    "Timing",
    "Visit",
    "VisitClock",
    "VisitKind",
    "VisitRequirement",
    "VisitStatus",
    "assess",
    "assess_carer",
    "assess_fostering_limit",
    "check_visits",
    "days_cared_for",
    "first_visit_deadline",
    "first_year_ends",
    "is_private_fostering",
    "missing_facts",
    "notice",
    "tally",
    "visit_schedule",
]
