"""Thresholds and the child protection timeline.

* [`continuum`][safeguarding.thresholds.continuum]: the continuum of need (levels 1
  to 4), a partnership's mapping from level to response and the front-door
  decision limit;
* [`timescales`][safeguarding.thresholds.timescales]: the statutory clocks of the
  child protection process and of looked-after reviews, as dated rules;
* [`journey`][safeguarding.thresholds.journey]: [`check_journey`][], every
  statutory step of an episode with its due date, status and reason, and the
  record's inconsistencies;
* [`cohorts`][safeguarding.thresholds.cohorts]: cohorts and attendance thresholds
  a partnership defines for itself (Lewisham's Concern Hub, Lambeth's young
  people at risk, Youth First's regular attendees).

Examples:
    >>> import datetime as dt
    >>> from safeguarding.thresholds import assessment_deadline
    >>> assessment_deadline(dt.date(2024, 3, 25)).due
    datetime.date(2024, 5, 31)
"""

from __future__ import annotations

from safeguarding.thresholds.cohorts import (
    GOVERNMENT_REGULAR_ATTENDEE,
    LAMBETH_YOUNG_PEOPLE_AT_RISK,
    LEWISHAM_CONCERN_HUB,
    YOUTH_FIRST_REGULAR_ATTENDEE,
    AttendanceThreshold,
    Cohort,
    CohortCriterion,
    Concern,
    IdentifiedConcern,
    RiskRating,
    assess_attendance,
    assess_cohort,
    is_in_cohort,
    is_regular_attendee,
)
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
from safeguarding.thresholds.journey import (
    CIN_VALIDATION_RULES,
    JourneyReport,
    JourneyStep,
    StepKind,
    StepStatus,
    check_journey,
    summarise_journey,
)
from safeguarding.thresholds.timescales import (
    ASSESSMENT,
    FIRST_CORE_GROUP,
    FIRST_REVIEW_CONFERENCE,
    INITIAL_CONFERENCE,
    INITIAL_CONFERENCE_ANCHOR,
    LOOKED_AFTER_FIRST_REVIEW,
    LOOKED_AFTER_REVIEW_INTERVAL,
    LOOKED_AFTER_SECOND_REVIEW,
    REFERRAL_DECISION,
    REVIEW_CONFERENCE_INTERVAL,
    WORKING_TOGETHER_2013,
    IcpcAnchor,
    assessment_deadline,
    first_core_group_deadline,
    first_looked_after_review_deadline,
    first_review_conference_deadline,
    initial_conference_anchor,
    initial_conference_deadline,
    next_looked_after_review_deadline,
    next_review_conference_deadline,
    referral_decision_deadline,
    second_looked_after_review_deadline,
)

__all__ = [
    "ASSESSMENT",
    "CIN_VALIDATION_RULES",
    "CONTINUUM",
    "FIRST_CORE_GROUP",
    "FIRST_REVIEW_CONFERENCE",
    "GOVERNMENT_REGULAR_ATTENDEE",
    "INITIAL_CONFERENCE",
    "INITIAL_CONFERENCE_ANCHOR",
    "LAMBETH_YOUNG_PEOPLE_AT_RISK",
    "LEWISHAM_2018",
    "LEWISHAM_CONCERN_HUB",
    "LEWISHAM_PROCEDURES",
    "LOOKED_AFTER_FIRST_REVIEW",
    "LOOKED_AFTER_REVIEW_INTERVAL",
    "LOOKED_AFTER_SECOND_REVIEW",
    "REFERRAL_DECISION",
    "REVIEW_CONFERENCE_INTERVAL",
    "SECTION_47_THRESHOLD",
    "WORKING_TOGETHER_2013",
    "YOUTH_FIRST_REGULAR_ATTENDEE",
    "AttendanceThreshold",
    "Cohort",
    "CohortCriterion",
    "Concern",
    "Continuum",
    "ContinuumLevel",
    "DecisionLimit",
    "IcpcAnchor",
    "IdentifiedConcern",
    "JourneyReport",
    "JourneyStep",
    "Level",
    "Response",
    "RiskRating",
    "StepKind",
    "StepStatus",
    "assess_attendance",
    "assess_cohort",
    "assessment_deadline",
    "check_journey",
    "first_core_group_deadline",
    "first_looked_after_review_deadline",
    "first_review_conference_deadline",
    "front_door_deadline",
    "front_door_response",
    "initial_conference_anchor",
    "initial_conference_deadline",
    "is_in_cohort",
    "is_regular_attendee",
    "next_looked_after_review_deadline",
    "next_review_conference_deadline",
    "referral_decision_deadline",
    "second_looked_after_review_deadline",
    "summarise_journey",
]
