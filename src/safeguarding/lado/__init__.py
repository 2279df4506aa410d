"""Allegations against people who work with children: the LADO's rules (England).

Every local authority has a Local Authority Designated Officer (LADO) who
manages and oversees allegations against staff, volunteers, contractors, foster
carers and others who work with children. This package answers the questions
employers, schools and the LADO service share, as the guidance stood on the
date that matters:

* [`threshold`][safeguarding.lado.threshold]: does the allegation meet the harm
  threshold (a LADO referral), is it a low-level concern, or neither? One
  finding per limb; the fourth limb (transferable risk) from 1 September 2020,
  low-level concerns from 1 September 2021.
* [`outcomes`][safeguarding.lado.outcomes]: the outcome categories and their
  definitions by edition (unfounded and the wider "malicious" from KCSIE 2021).
* [`timescales`][safeguarding.lado.timescales]: what is due by when, as
  [`Deadline`][safeguarding.decisions.Deadline] objects; local
  [`Procedures`][safeguarding.procedures.Procedures] can replace the national
  defaults, and a deadline from a local timescale cites the local document.
* [`records`][safeguarding.lado.records]: record removal and retention, references,
  and the DBS and TRA referral duties.
* [`measures`][safeguarding.lado.measures]: the figures a LADO annual report gives, as
  indicators counted from the contacts into a mergeable tally.
* [`models`][safeguarding.lado.models]: the facts of a case;
  [`editions`][safeguarding.lado.editions]: which edition of Keeping Children Safe
  in Education was in force.

England only: Wales has its own procedures, and there "unfounded" means
something else.

Examples:
    >>> import datetime as dt
    >>> from safeguarding.lado import Outcome, outcomes_in_force
    >>> Outcome.UNFOUNDED in outcomes_in_force(on=dt.date(2019, 1, 1))
    False
"""

from __future__ import annotations

from safeguarding.lado.editions import (
    KCSIE_EDITION,
    LOCAL_ALLEGATIONS_PROCEDURES,
    SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006,
    commencement,
    edition_label,
    kcsie_edition,
)
from safeguarding.lado.measures import (
    CONTACTS_INVESTIGATED,
    CONTACTS_RECEIVED,
    INVESTIGATIONS_SUBSTANTIATED,
    MEASURES,
    RESOLVED_WITHIN_1_MONTH,
    RESOLVED_WITHIN_3_MONTHS,
    RESOLVED_WITHIN_7_DAYS,
    RESOLVED_WITHIN_12_MONTHS,
    RESOLVED_WITHIN_31_DAYS,
    ServiceMeasures,
    lado_values,
    measure,
    meets_resolution_targets,
    tally_contacts,
)
from safeguarding.lado.models import (
    Allegation,
    Behaviour,
    Case,
    ConcernCategory,
    Contact,
    Engagement,
    Person,
    Role,
    Sector,
    Setting,
    Timeline,
)
from safeguarding.lado.outcomes import (
    OUTCOMES,
    Outcome,
    OutcomeDefinition,
    check_outcome_in_force,
    outcome_definition,
    outcomes_in_force,
)
from safeguarding.lado.records import (
    DBS_REFERRAL,
    IICSA_PRESERVATION,
    RECORD_REMOVAL,
    RECORD_RETENTION,
    REFERENCES,
    TRA_REFERRAL,
    RecordRemoval,
    RecordTreatment,
    dbs_referral,
    may_mention_in_reference,
    record_treatment,
    retention,
    tra_referral,
)
from safeguarding.lado.threshold import (
    HARM_THRESHOLD,
    LOW_LEVEL_CONCERN,
    Limb,
    ThresholdOutcome,
    assess_threshold,
    is_lado_referral,
    limbs_in_force,
)
from safeguarding.lado.timescales import (
    CLEARLY_UNSUBSTANTIATED_RESOLUTION,
    EMPLOYER_REFERRAL,
    HEARING,
    HEARING_DECISION,
    INVESTIGATION_REPORT,
    NO_FORMAL_ACTION,
    RESOLUTION_TARGETS,
    Pathway,
    ResolutionBand,
    deadlines,
    resolution_target_deadlines,
)

__all__ = [
    "CLEARLY_UNSUBSTANTIATED_RESOLUTION",
    "CONTACTS_INVESTIGATED",
    "CONTACTS_RECEIVED",
    "DBS_REFERRAL",
    "EMPLOYER_REFERRAL",
    "HARM_THRESHOLD",
    "HEARING",
    "HEARING_DECISION",
    "IICSA_PRESERVATION",
    "INVESTIGATIONS_SUBSTANTIATED",
    "INVESTIGATION_REPORT",
    "KCSIE_EDITION",
    "LOCAL_ALLEGATIONS_PROCEDURES",
    "LOW_LEVEL_CONCERN",
    "MEASURES",
    "NO_FORMAL_ACTION",
    "OUTCOMES",
    "RECORD_REMOVAL",
    "RECORD_RETENTION",
    "REFERENCES",
    "RESOLUTION_TARGETS",
    "RESOLVED_WITHIN_1_MONTH",
    "RESOLVED_WITHIN_3_MONTHS",
    "RESOLVED_WITHIN_7_DAYS",
    "RESOLVED_WITHIN_12_MONTHS",
    "RESOLVED_WITHIN_31_DAYS",
    "SAFEGUARDING_VULNERABLE_GROUPS_ACT_2006",
    "TRA_REFERRAL",
    "Allegation",
    "Behaviour",
    "Case",
    "ConcernCategory",
    "Contact",
    "Engagement",
    "Limb",
    "Outcome",
    "OutcomeDefinition",
    "Pathway",
    "Person",
    "RecordRemoval",
    "RecordTreatment",
    "ResolutionBand",
    "Role",
    "Sector",
    "ServiceMeasures",
    "Setting",
    "ThresholdOutcome",
    "Timeline",
    "assess_threshold",
    "check_outcome_in_force",
    "commencement",
    "dbs_referral",
    "deadlines",
    "edition_label",
    "is_lado_referral",
    "kcsie_edition",
    "lado_values",
    "limbs_in_force",
    "may_mention_in_reference",
    "measure",
    "meets_resolution_targets",
    "outcome_definition",
    "outcomes_in_force",
    "record_treatment",
    "resolution_target_deadlines",
    "retention",
    "tally_contacts",
    "tra_referral",
]
