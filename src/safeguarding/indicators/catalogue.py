"""The partnership's indicator catalogue: DfE measures, local measures and targets.

Three families of indicators, each a definition with its source:

* the Department for Education's children-in-need measures (referrals,
  re-referrals, assessment and conference timeliness, section 47 enquiries,
  child protection plans, children in need and looked after), computed from
  case records;
* front-door and training measures a partnership reports for itself
  (contacts per month, contacts converted to a statutory assessment,
  training attendance and take-up), compared with the previous year by
  [`year_on_year_change`][safeguarding.indicators.comparison.year_on_year_change];
* the Lewisham partnership's published performance measures, with their
  2014/15 baselines and 2017/18 targets ([`LEWISHAM_TARGETS`][]).

Other modules define indicators of their own (the LADO service, private fostering
and case review panel measures); [`all_indicators`][] gathers every indicator in the
package.

A [`Target`][] records a baseline, a target and the direction the
partnership aims for, and rates a value against it (red, amber, green) and
says how far it has come.

Examples:
    >>> indicator("dfe.re_referrals_12_months").polarity.value
    'low is good'
    >>> t = target("lewisham.cp_plans_rate")
    >>> t.rag(61.4).value, round(t.progress(50.7), 3)
    ('red', 0.5)
"""

from __future__ import annotations

import importlib
import pkgutil

import attrs

from safeguarding._validate import is_instance, is_member, is_number, is_optional_number, is_text
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.comparison import (
    Polarity,
    Rag,
    progress_towards_target,
    rag,
)
from safeguarding.indicators.definitions import Indicator, Kind

__all__ = [
    "CATALOGUE",
    "DFE_MEASURES",
    "FRONT_DOOR_MEASURES",
    "LEWISHAM_MEASURES",
    "LEWISHAM_TARGETS",
    "TRAINING_MEASURES",
    "Target",
    "all_indicators",
    "indicator",
    "target",
]

_EES = Instrument(
    title="Department for Education, Children in need (national statistics)",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need",
)
_LG_INFORM = Instrument(
    title="LG Inform metric definitions (from DfE children-in-need tables)",
    url=None,
)
_CLA = Instrument(
    title="Department for Education, Children looked after in England including adoptions",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
)
_LEWISHAM_PRIORITY = Instrument(
    title="Lewisham partnership, 'Identify and protect children and young people at risk of "
    "harm' (performance measures, baseline 2014/15, target 2017/18)",
    url=None,
)
_LEWISHAM_REPORT = Instrument(
    title="Lewisham Safeguarding Children Board Annual Report 2018/19", url=None
)

PER_10000 = 10_000
PERCENT = 100

# Section references are to the DfE children-in-need release tables and data guidance
# on explore-education-statistics.service.gov.uk (the 2020, 2021 and 2024 releases and the
# data catalogue's tables C2, C4, D1 and D7).
DFE_MEASURES: tuple[Indicator, ...] = (
    Indicator(
        key="dfe.referrals_rate",
        title="Referrals per 10,000 children",
        numerator="referrals received in the year (including those ending in no further action)",
        denominator="children aged under 18 (ONS mid-year estimate)",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_EES.cite(
            "Characteristics of children in need 2020, referrals", Verification.PRIMARY
        ),
    ),
    Indicator(
        key="dfe.re_referrals_12_months",
        title="Re-referrals within 12 months of a previous referral (%)",
        numerator="referrals in the year within 12 months of the same child's previous referral",
        denominator="referrals received in the year",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.LOW_IS_GOOD,
        decimals=1,
        source=_EES.cite(
            "methodology, 'Calculating referrals within 12 months of a previous referral'",
            Verification.SECONDARY,
            note="Definition read; whether 12 months means 365 days or the same date a year "
            "earlier is not confirmed: the library uses the calendar date a year earlier.",
        ),
    ),
    Indicator(
        key="dfe.assessments_within_45_days",
        title="Assessments completed within 45 working days (%)",
        numerator="assessments authorised in the year within 45 working days of their start",
        denominator="assessments authorised in the year",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.HIGH_IS_GOOD,
        decimals=1,
        source=_EES.cite("table C2 (assessment duration bands)", Verification.PRIMARY),
    ),
    Indicator(
        key="dfe.s47_rate",
        title="Section 47 enquiries started per 10,000 children",
        numerator="section 47 enquiries starting in the year",
        denominator="children aged under 18 (ONS mid-year estimate)",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_EES.cite("table C4 (Section47_rate)", Verification.PRIMARY),
    ),
    Indicator(
        key="dfe.icpc_within_15_days",
        title="Initial child protection conferences within 15 working days of the s47 start (%)",
        numerator="ICPCs in the year held 0 to 15 working days after the s47 enquiry started",
        denominator="ICPCs in the year",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.HIGH_IS_GOOD,
        decimals=1,
        source=_EES.cite(
            "table C4 (working-day bands); LG Inform metric 3217",
            Verification.PRIMARY,
            note="An ICPC before its s47 start is outside the bands but in the total.",
        ),
    ),
    Indicator(
        key="dfe.cp_plans_subsequent",
        title="Child protection plans starting in the year that were a second or later plan (%)",
        numerator="children starting a plan in the year who had ever had a plan before",
        denominator="children starting a plan in the year",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.LOW_IS_GOOD,
        decimals=1,
        source=_LG_INFORM.cite(
            "metric 100 (DfE table D3, formerly NI 65)",
            Verification.SECONDARY,
            note="'Ever' before, however long ago; whether plans in other authorities count "
            "is not confirmed.",
        ),
    ),
    Indicator(
        key="dfe.cp_plans_rate",
        title="Children subject to a child protection plan at 31 March per 10,000 children",
        numerator="children subject to a plan on 31 March",
        denominator="children aged under 18 (ONS mid-year estimate)",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_EES.cite("table D1 (CPP_At31)", Verification.PRIMARY),
    ),
    Indicator(
        key="dfe.cp_plans_ended_2_years",
        title="Child protection plans ended in the year that lasted 2 years or more (%)",
        numerator="plans ended in the year whose end is on or after the start plus 2 years",
        denominator="plans ended in the year",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.LOW_IS_GOOD,
        decimals=1,
        source=_EES.cite(
            "table D7 (plans ending by length)",
            Verification.PRIMARY,
            note="The boundary (exactly 2 years) is not stated; the library counts a plan "
            "ending on the same date 2 years later as 2 years or more.",
        ),
    ),
    Indicator(
        key="dfe.cin_rate",
        title="Children in need at 31 March per 10,000 children",
        numerator="children in need (an open episode) on 31 March",
        denominator="children aged under 18 (ONS mid-year estimate)",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_EES.cite(
            "Characteristics of children in need 2021, headline", Verification.PRIMARY
        ),
    ),
    Indicator(
        key="dfe.cla_rate",
        title="Children looked after at 31 March per 10,000 children",
        numerator="children looked after on 31 March (excluding short-term respite placements)",
        denominator="children aged under 18 (ONS mid-year estimate)",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=_CLA.cite(
            "national tables and methodology (SSDA903 return)",
            Verification.SECONDARY,
            note="Headline rates appear as whole numbers (medium confidence).",
        ),
    ),
)
"""The DfE children-in-need measures, computed from case records by `indicators.dfe`."""

FRONT_DOOR_MEASURES: tuple[Indicator, ...] = (
    Indicator(
        key="front_door.contacts_per_month",
        title="Contacts received per month",
        numerator="contacts received in the period",
        denominator="months in the period",
        kind=Kind.RATE,
        multiplier=1,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=_LEWISHAM_REPORT.cite(
            "MASH section: '18,706 contacts, on average 1,559 per month'", Verification.SECONDARY
        ),
    ),
    Indicator(
        key="front_door.contacts_to_assessment",
        title="Contacts that met the threshold for a statutory assessment (%)",
        numerator="contacts that led to a statutory social work assessment (or s47 enquiry)",
        denominator="contacts received",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_LEWISHAM_REPORT.cite(
            "MASH section: '22.2% (4170) met the threshold'", Verification.SECONDARY
        ),
    ),
)

TRAINING_MEASURES: tuple[Indicator, ...] = (
    Indicator(
        key="training.attendance_against_places",
        title="Training attendance against places available (%)",
        numerator="individuals who attended",
        denominator="places available",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.HIGH_IS_GOOD,
        decimals=1,
        source=_LEWISHAM_REPORT.cite(
            "Training summary, DSL Level 3: '65 individuals attended training (81.3%)' of "
            "80 spaces",
            Verification.SECONDARY,
        ),
    ),
    Indicator(
        key="training.take_up_against_bookings",
        title="Training take-up: attendance against bookings (%)",
        numerator="individuals who attended",
        denominator="individuals who booked",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.HIGH_IS_GOOD,
        decimals=1,
        source=_LEWISHAM_REPORT.cite(
            "Training summary, DSL Level 3: 119 booked, 65 attended", Verification.SECONDARY
        ),
    ),
)

LEWISHAM_MEASURES: tuple[Indicator, ...] = (
    Indicator(
        key="lewisham.cp_plans_rate",
        title="Children on a child protection plan per 10,000 Lewisham population under 18",
        numerator="children subject to a child protection plan",
        denominator="Lewisham population under 18",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=1,
        source=_LEWISHAM_PRIORITY.cite("performance measures table, row 1", Verification.PRIMARY),
    ),
    Indicator(
        key="lewisham.cp_plans_subsequent",
        title="Children subject to a child protection plan for a second or subsequent time (%)",
        numerator="children subject to a plan for a second or subsequent time",
        denominator="children subject to a plan",
        kind=Kind.PROPORTION,
        multiplier=PERCENT,
        polarity=Polarity.LOW_IS_GOOD,
        decimals=1,
        source=_LEWISHAM_PRIORITY.cite("performance measures table, row 2", Verification.PRIMARY),
    ),
    Indicator(
        key="lewisham.marac_victims",
        title="Victims identified and safeguarded through referrals to MARAC (annual)",
        numerator="victims identified and safeguarded through MARAC referrals in the year",
        denominator="",
        kind=Kind.COUNT,
        multiplier=1,
        polarity=Polarity.HIGH_IS_GOOD,
        decimals=0,
        source=_LEWISHAM_PRIORITY.cite("performance measures table, row 3", Verification.PRIMARY),
    ),
    Indicator(
        key="lewisham.cse_cases_managed",
        title="Children identified as at risk of sexual exploitation managed by the partnership",
        numerator="cases of children at risk of child sexual exploitation being managed",
        denominator="",
        kind=Kind.COUNT,
        multiplier=1,
        polarity=Polarity.NO_JUDGEMENT,
        decimals=0,
        source=_LEWISHAM_PRIORITY.cite("performance measures table, row 4", Verification.PRIMARY),
    ),
    Indicator(
        key="lewisham.injury_admissions_0_14",
        title="Hospital admissions caused by unintentional and deliberate injuries, "
        "children aged 0-14, per 10,000",
        numerator="emergency admissions for injuries of children aged 0 to 14",
        denominator="population aged 0 to 14",
        kind=Kind.RATE,
        multiplier=PER_10000,
        polarity=Polarity.LOW_IS_GOOD,
        decimals=1,
        source=_LEWISHAM_PRIORITY.cite("performance measures table, row 5", Verification.PRIMARY),
    ),
)

CATALOGUE: tuple[Indicator, ...] = (
    *DFE_MEASURES,
    *FRONT_DOOR_MEASURES,
    *TRAINING_MEASURES,
    *LEWISHAM_MEASURES,
)
"""Every indicator the library defines, in catalogue order."""

_BY_KEY = {item.key: item for item in CATALOGUE}
if len(_BY_KEY) != len(CATALOGUE):  # pragma: no cover - a programming error
    raise AssertionError("duplicate indicator keys in the catalogue")

# Modules all_indicators does not import: those needing an optional extra and the
# command-line entry point (importing it runs the command). None defines an indicator.
_SKIPPED_MODULES = ("safeguarding.strategies", "safeguarding._hypothesis", "safeguarding.__main__")


def _indicators_in(namespace: dict[str, object], *, tuples: bool) -> list[Indicator]:
    found: list[Indicator] = []
    for value in namespace.values():
        if tuples and isinstance(value, tuple) and value:
            if all(isinstance(item, Indicator) for item in value):
                found.extend(value)
        elif not tuples and isinstance(value, Indicator):
            found.append(value)
    return found


def all_indicators() -> tuple[Indicator, ...]:
    """Every indicator defined anywhere in the package, each once.

    Imports every module of the package (except those needing optional extras)
    and gathers the module-level [`Indicator`][safeguarding.indicators.definitions.Indicator]
    objects and tuples of them: first [`CATALOGUE`][] in its order, then the
    tuples of other modules (in their reporting order), then any indicator
    defined on its own.

    Returns:
        The indicators, with unique keys.

    Examples:
        >>> keys = [item.key for item in all_indicators()]
        >>> keys[0], "private_fostering.first_visits_on_time" in keys
        ('dfe.referrals_rate', True)
        >>> "lado.contacts_received" in keys, "case_reviews.rapid_reviews_in_time" in keys
        (True, True)
        >>> len(keys) == len(set(keys)) and len(keys) > len(CATALOGUE)
        True
    """
    package = importlib.import_module("safeguarding")
    namespaces: list[dict[str, object]] = [
        vars(importlib.import_module(info.name))
        for info in pkgutil.walk_packages(package.__path__, prefix="safeguarding.")
        if not info.name.startswith(_SKIPPED_MODULES)
    ]
    found: dict[str, Indicator] = {item.key: item for item in CATALOGUE}
    for tuples in (True, False):
        for namespace in namespaces:
            for item in _indicators_in(namespace, tuples=tuples):
                existing = found.setdefault(item.key, item)
                if existing != item:
                    raise AssertionError(f"two different indicators have the key {item.key!r}")
    return tuple(found.values())


def indicator(key: str) -> Indicator:
    """The indicator with *key*.

    Raises:
        InvalidInputError: no indicator has that key.
    """
    try:
        return _BY_KEY[key]
    except (KeyError, TypeError):
        raise InvalidInputError("key", "is not an indicator in the catalogue") from None


@attrs.frozen(kw_only=True)
class Target:
    """A partnership's baseline and target for an indicator, and the direction aimed for.

    Attributes:
        key: The indicator's key.
        baseline: The baseline value (on the indicator's scale).
        baseline_period: Its period label (``"2014/15"``).
        target: The target value, or ``None`` when none was set.
        target_period: The period the target is for.
        aim: ``HIGH_IS_GOOD`` (increase) or ``LOW_IS_GOOD`` (reduce); for an
            indicator with no national judgement this is the local aim.
        monitored_by: The body that monitors it.
        source: Where the baseline and target were published.
    """

    key: str = attrs.field(validator=is_text)
    baseline: float = attrs.field(validator=is_number)
    baseline_period: str = attrs.field(validator=is_text)
    target: float | None = attrs.field(validator=is_optional_number)
    target_period: str = attrs.field(validator=is_text)
    aim: Polarity = attrs.field(validator=is_member(Polarity))
    monitored_by: str = attrs.field(validator=is_text)
    source: Citation = attrs.field(validator=is_instance(Citation))

    def rag(self, value: float, *, amber_from: float | None = None) -> Rag:
        """Red, amber or green of *value* against the target.

        Raises:
            InvalidInputError: no target was set.
        """
        if self.target is None:
            raise InvalidInputError("target", "no target was set for this measure")
        return rag(value, target=self.target, polarity=self.aim, amber_from=amber_from)

    def progress(self, value: float) -> float:
        """The share of the way from baseline to target that *value* has come."""
        if self.target is None:
            raise InvalidInputError("target", "no target was set for this measure")
        return progress_towards_target(self.baseline, value, self.target)


_SCB = "Safeguarding Children Board"
_LOW = Polarity.LOW_IS_GOOD


def _lewisham(row: int, key: str, values: tuple[float, float | None], aim: Polarity) -> Target:
    baseline, goal = values
    return Target(
        key=key,
        baseline=baseline,
        baseline_period="2014/15",
        target=goal,
        target_period="2017/18",
        aim=aim,
        monitored_by="Safer Lewisham Partnership" if key == "lewisham.marac_victims" else _SCB,
        source=_LEWISHAM_PRIORITY.cite(
            f"performance measures table, row {row}", Verification.PRIMARY
        ),
    )


LEWISHAM_TARGETS: tuple[Target, ...] = (
    _lewisham(1, "lewisham.cp_plans_rate", (61.4, 40.0), _LOW),
    _lewisham(2, "lewisham.cp_plans_subsequent", (13.5, 9.0), _LOW),
    _lewisham(3, "lewisham.marac_victims", (26, 40), Polarity.HIGH_IS_GOOD),
    _lewisham(4, "lewisham.cse_cases_managed", (28, None), Polarity.NO_JUDGEMENT),
    _lewisham(5, "lewisham.injury_admissions_0_14", (101.6, 84.6), _LOW),
)
"""The Lewisham partnership's measures: 2014/15 baselines and 2017/18 targets."""

_TARGETS = {item.key: item for item in LEWISHAM_TARGETS}


def target(key: str) -> Target:
    """The published target for the indicator *key*.

    Raises:
        InvalidInputError: no target is recorded for that key.
    """
    try:
        return _TARGETS[key]
    except (KeyError, TypeError):
        raise InvalidInputError("key", "has no recorded target") from None
