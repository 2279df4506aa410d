"""The instruments the library's rules cite, each defined once, and the table of guidance editions.

Acts and statutory instruments link to legislation.gov.uk; statutory guidance
to its publication page. A module cites a provision with
[`cite`][safeguarding.citations.Instrument.cite], giving the provision, the
verification status and, where it has one, the provision's own link:

Examples:
    >>> from safeguarding.citations import Verification
    >>> str(CHILDREN_ACT_1989.cite("s66(1)", Verification.PRIMARY))
    'Children Act 1989, s66(1) [primary]'

Guidance editions are separate instruments (``WORKING_TOGETHER_2018`` and
``WORKING_TOGETHER_2023`` are different documents), so a rule's versions cite
the edition that applied.

**The editions table.** [`EDITIONS`][safeguarding.sources.EDITIONS] holds every
edition of *Working Together to Safeguard Children*, *Keeping Children Safe in
Education* and the *Child Death Review Statutory and Operational Guidance* that a
rule is versioned by: its instrument, the day it was published and the day it came
into effect, each day with the one [`Citation`][safeguarding.citations.Citation]
it rests on. A rule that changes with an edition reads its start date from here
([`edition`][safeguarding.sources.edition]) and says in its citation note which of
the two days it uses ([`Edition.applies_from`][safeguarding.sources.Edition.applies_from]).
[`edition_in_effect`][safeguarding.sources.edition_in_effect] answers which edition
of a series was in effect on a day.

The 2018 reforms are the one place where a statute and its guidance started on
different days: the Children Act 2004 ss16A-16Q and SI 2018/789 came into force on
29 June 2018, Working Together 2018 was published on 4 July 2018, and areas had
until 29 September 2019 to move from LSCBs to safeguarding-partner arrangements
([`TRANSITION_2018`][safeguarding.sources.TRANSITION_2018]). Rules resting on the new
statutory duties start on 29 June 2018; rules resting on the guidance text start on
4 July 2018.

Examples:
    >>> import datetime as dt
    >>> edition("WT2013").published.day, edition("WT2013").in_effect.day
    (datetime.date(2013, 3, 21), datetime.date(2013, 4, 15))
    >>> edition_in_effect(Series.WORKING_TOGETHER, on=dt.date(2018, 7, 3)).key
    'WT2015'
    >>> TRANSITION_2018.framework_in_force.day
    datetime.date(2018, 6, 29)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from safeguarding._validate import check_date, is_date, is_instance, is_int, is_member, is_text
from safeguarding.citations import Citation, Instrument, Verification
from safeguarding.errors import InvalidInputError

__all__ = [
    "CARE_ACT_2014",
    "CARE_PLANNING_REGULATIONS_2010",
    "CHILDREN_ACT_1989",
    "CHILDREN_ACT_2004",
    "CHILDREN_AND_SOCIAL_WORK_ACT_2017",
    "CHILD_DEATH_REVIEW_GUIDANCE_2018",
    "CSPR_REGULATIONS_2018",
    "DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004",
    "EDITIONS",
    "LSCB_REGULATIONS_2006",
    "POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022",
    "PRIVATE_FOSTERING_REGULATIONS_2005",
    "TRANSITION_2018",
    "WORKING_TOGETHER_2010",
    "WORKING_TOGETHER_2013",
    "WORKING_TOGETHER_2015",
    "WORKING_TOGETHER_2018",
    "WORKING_TOGETHER_2023",
    "Basis",
    "CitedDate",
    "Edition",
    "Series",
    "Transition",
    "edition",
    "edition_in_effect",
    "editions",
    "keeping_children_safe_in_education",
]

CHILDREN_ACT_1989 = Instrument(
    title="Children Act 1989", url="https://www.legislation.gov.uk/ukpga/1989/41"
)
CHILDREN_ACT_2004 = Instrument(
    title="Children Act 2004", url="https://www.legislation.gov.uk/ukpga/2004/31"
)
CHILDREN_AND_SOCIAL_WORK_ACT_2017 = Instrument(
    title="Children and Social Work Act 2017", url="https://www.legislation.gov.uk/ukpga/2017/16"
)
CARE_ACT_2014 = Instrument(
    title="Care Act 2014", url="https://www.legislation.gov.uk/ukpga/2014/23"
)
DOMESTIC_VIOLENCE_CRIME_AND_VICTIMS_ACT_2004 = Instrument(
    title="Domestic Violence, Crime and Victims Act 2004",
    url="https://www.legislation.gov.uk/ukpga/2004/28",
)
POLICE_CRIME_SENTENCING_AND_COURTS_ACT_2022 = Instrument(
    title="Police, Crime, Sentencing and Courts Act 2022",
    url="https://www.legislation.gov.uk/ukpga/2022/32",
)
PRIVATE_FOSTERING_REGULATIONS_2005 = Instrument(
    title="Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)",
    url="https://www.legislation.gov.uk/uksi/2005/1533",
)
LSCB_REGULATIONS_2006 = Instrument(
    title="Local Safeguarding Children Boards Regulations 2006 (SI 2006/90)",
    url="https://www.legislation.gov.uk/uksi/2006/90",
)
CSPR_REGULATIONS_2018 = Instrument(
    title="Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 "
    "(SI 2018/789)",
    url="https://www.legislation.gov.uk/uksi/2018/789",
)
CARE_PLANNING_REGULATIONS_2010 = Instrument(
    title="Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
    url="https://www.legislation.gov.uk/uksi/2010/959",
)
_WORKING_TOGETHER_URL = (
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
)
WORKING_TOGETHER_2010 = Instrument(
    title="Working Together to Safeguard Children 2010",
    url="https://webarchive.nationalarchives.gov.uk/20101217164537/http:/www.dcsf.gov.uk/"
    "everychildmatters/safeguardingandsocialcare/safeguardingchildren/workingtogether/"
    "workingtogethertosafeguardchildren/",
)
"""The 2010 edition, linked to the National Archives copy of the DCSF page."""
WORKING_TOGETHER_2013 = Instrument(
    title="Working Together to Safeguard Children 2013", url=_WORKING_TOGETHER_URL
)
"""The 2013 edition: it introduced the single 45-working-day assessment that replaced the
10-day initial and 35-day core assessments."""
WORKING_TOGETHER_2015 = Instrument(
    title="Working Together to Safeguard Children 2015", url=_WORKING_TOGETHER_URL
)
WORKING_TOGETHER_2018 = Instrument(
    title="Working Together to Safeguard Children 2018", url=_WORKING_TOGETHER_URL
)
WORKING_TOGETHER_2023 = Instrument(
    title="Working Together to Safeguard Children 2023", url=_WORKING_TOGETHER_URL
)
CHILD_DEATH_REVIEW_GUIDANCE_2018 = Instrument(
    title="Child Death Review: Statutory and Operational Guidance (England) 2018",
    url="https://www.gov.uk/government/publications/child-death-review-statutory-and-operational-guidance-england",
)

_KCSIE_URL = "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2"


def keeping_children_safe_in_education(year: int) -> Instrument:
    """The September *year* edition of *Keeping Children Safe in Education*.

    Examples:
        >>> keeping_children_safe_in_education(2021).title
        'Keeping Children Safe in Education 2021'
    """
    return Instrument(title=f"Keeping Children Safe in Education {year}", url=_KCSIE_URL)


# ------------------------------------------------------------------ the editions table


class Series(enum.Enum):
    """A series of statutory guidance whose editions the rules follow."""

    WORKING_TOGETHER = "Working Together to Safeguard Children"
    """Multi-agency guidance (2010, 2013, 2015, 2018, 2023)."""
    KEEPING_CHILDREN_SAFE_IN_EDUCATION = "Keeping Children Safe in Education"
    """Guidance for schools and colleges (2014, 2015, then every September from 2016)."""
    CHILD_DEATH_REVIEW = "Child Death Review: Statutory and Operational Guidance (England)"
    """Guidance for child death review partners (2018)."""


class Basis(enum.Enum):
    """Which of an edition's two days a rule's version starts on."""

    PUBLISHED = "publication"
    """The day the edition was published."""
    IN_EFFECT = "commencement"
    """The day the edition came into effect (its commencement)."""


def _spoken(day: dt.date) -> str:
    """``15 April 2013``."""
    return f"{day.day} {day:%B %Y}"


def _is_citation(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise InvalidInputError(attribute.name, "must be a Citation")


def _with_sentence(source: Citation, sentence: str) -> Citation:
    """*source* with *sentence* ending its note."""
    return attrs.evolve(source, note=f"{source.note} {sentence}".strip())


@attrs.frozen(kw_only=True)
class CitedDate:
    """A day, and the one citation it rests on.

    Attributes:
        day: The day.
        source: Where the day is stated, with how sure we are of it.
    """

    day: dt.date = attrs.field(validator=is_date)
    source: Citation = attrs.field(validator=_is_citation)


@attrs.frozen(kw_only=True)
class Transition:
    """The move from one statutory framework to the next, with its deadlines.

    Attributes:
        framework_in_force: The day the new statutory framework came into force.
        publish_by: The last day for publishing the new local arrangements.
        implement_by: The last day for the new arrangements to go live (the old ones
            applied in an area until its new ones did).
        framework: The provisions that came into force, in a few words.
    """

    framework_in_force: CitedDate = attrs.field(validator=is_instance(CitedDate))
    publish_by: CitedDate = attrs.field(validator=is_instance(CitedDate))
    implement_by: CitedDate = attrs.field(validator=is_instance(CitedDate))
    framework: str = attrs.field(validator=is_text)

    def __attrs_post_init__(self) -> None:
        """The days must be in order."""
        if not (self.framework_in_force.day <= self.publish_by.day <= self.implement_by.day):
            raise InvalidInputError("implement_by", "the transition's days must be in order")

    def applies_from(self, guidance: Edition) -> str:
        """The sentence a rule's citation note gives when it starts with the framework.

        Args:
            guidance: The edition of guidance published for the framework.

        Returns:
            Which day the rule starts on, and why it is not the guidance's publication.
        """
        return (
            f"Applies from {_spoken(self.framework_in_force.day)}, the commencement of "
            f"{self.framework}: the duties and the new review system ran from commencement, "
            f"so this date is used rather than the publication of {guidance.instrument.title} "
            f"on {_spoken(guidance.published.day)}."
        )

    def dated(self, source: Citation, guidance: Edition) -> Citation:
        """*source*, its note ending with [`applies_from`][].

        Args:
            source: The citation of a rule version that starts with the framework.
            guidance: The edition of guidance published for the framework.
        """
        return _with_sentence(source, self.applies_from(guidance))


@attrs.frozen(kw_only=True)
class Edition:
    """One edition of statutory guidance, with its two days and their sources.

    Attributes:
        key: The edition's label, used as the ``edition`` of rule versions
            (``"WT2018"``, ``"KCSIE 2021"``, ``"CDR 2018"``).
        series: The series it belongs to.
        year: The year in its title.
        instrument: The document, as rules cite it.
        published: The day it was published (for KCSIE, the "for information" copy).
        in_effect: The day it came into effect (its commencement).
        transition: The statutory transition it was published for, if any.
    """

    key: str = attrs.field(validator=is_text)
    series: Series = attrs.field(validator=is_member(Series))
    year: int = attrs.field(validator=is_int(minimum=1989))
    instrument: Instrument = attrs.field(validator=is_instance(Instrument))
    published: CitedDate = attrs.field(validator=is_instance(CitedDate))
    in_effect: CitedDate = attrs.field(validator=is_instance(CitedDate))
    transition: Transition | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Transition))
    )

    def day(self, basis: Basis) -> dt.date:
        """The edition's day of publication or of commencement."""
        return self.published.day if basis is Basis.PUBLISHED else self.in_effect.day

    def applies_from(self, basis: Basis = Basis.IN_EFFECT) -> str:
        """The sentence a rule's citation note gives: which day it starts on, and why.

        Args:
            basis: The day the rule's version starts on.

        Returns:
            One sentence naming the day, whether it is the publication or the
            commencement, and the other day when they differ.

        Examples:
            >>> print(edition("WT2013").applies_from())
            Applies from 15 April 2013, the day Working Together to Safeguard Children 2013 came
            into effect (its commencement; it was published on 21 March 2013): a version applies
            once its edition is in effect.
        """
        title = self.instrument.title
        published, in_effect = _spoken(self.published.day), _spoken(self.in_effect.day)
        if self.published.day == self.in_effect.day:
            return (
                f"Applies from {in_effect}, the day {title} was published and came into "
                "effect (publication and commencement fall on the same day)."
            )
        if basis is Basis.IN_EFFECT:
            return (
                f"Applies from {in_effect}, the day {title} came into effect (its "
                f"commencement; it was published on {published}): a version applies once "
                "its edition is in effect."
            )
        return (
            f"Applies from {published}, the day {title} was published, although it came "
            f"into effect on {in_effect}."
        )

    def dated(self, source: Citation, basis: Basis = Basis.IN_EFFECT) -> Citation:
        """*source*, its note ending with [`applies_from`][].

        Args:
            source: The citation of a rule version that starts with this edition.
            basis: The day the version starts on.

        Examples:
            >>> from safeguarding.citations import Verification
            >>> wt2023 = edition("WT2023")
            >>> cited = wt2023.dated(wt2023.instrument.cite("chapter 5", Verification.SECONDARY))
            >>> cited.note.startswith("Applies from 15 December 2023")
            True
        """
        return _with_sentence(source, self.applies_from(basis))


_S = Verification.SECONDARY
_U = Verification.UNVERIFIED
_P = Verification.PRIMARY
_NORFOLK_MI = "https://csapps.norfolk.gov.uk/csshared/ecourier2/misheet.asp?misheetid="

TRANSITION_2018 = Transition(
    framework="Children Act 2004 ss16A-16Q and SI 2018/789",
    framework_in_force=CitedDate(
        day=dt.date(2018, 6, 29),
        source=CHILDREN_ACT_2004.cite(
            "ss16A-16Q (inserted by the Children and Social Work Act 2017), commencement",
            _P,
            url="https://www.legislation.gov.uk/ukpga/2004/31/part/2/crossheading/"
            "child-safeguarding-practice-review-panel",
            note="Read on legislation.gov.uk: the annotations show s16A (the Panel) and s16M "
            "(child death reviews) in force on 29 June 2018 under SI 2018/497 reg 3(a) and "
            "3(m); the DfE's serious incident notification statistics say the duty to notify "
            "the Panel came into effect that day. SI 2018/789 was made on 28 June 2018 and "
            "came into force the day after it was made (reg 1), also read on "
            "legislation.gov.uk.",
        ),
    ),
    publish_by=CitedDate(
        day=dt.date(2019, 6, 29),
        source=WORKING_TOGETHER_2018.cite(
            "transitional guidance (publication of local arrangements)",
            _S,
            note="Safeguarding partners and child death review partners publish their "
            "arrangements by 29 June 2019 (within 12 months of 29 June 2018): restated by "
            "Nursery World, Solihull LSCB and Healthy London, and by NHS England's statement "
            "on transition arrangements for child death review. The transitional guidance "
            "itself was not read.",
        ),
    ),
    implement_by=CitedDate(
        day=dt.date(2019, 9, 29),
        source=WORKING_TOGETHER_2018.cite(
            "transitional guidance (implementation of local arrangements)",
            _S,
            note="Arrangements go live within 3 months of publication and by 29 September "
            "2019 at the latest, when LSCBs ceased to be statutory: the same restatements; "
            "the Lewisham LSCB annual report 2018/19 agrees. Until then chapters 3 to 5 of "
            "Working Together 2015 still applied in an area (Leicestershire and "
            "Rutland safeguarding boards). The transitional guidance itself was not read.",
        ),
    ),
)
"""The 2018 transition: the statutory framework in force on 29 June 2018, local
arrangements published by 29 June 2019 and live by 29 September 2019."""


def _working_together(
    year: int,
    instrument: Instrument,
    *,
    published: tuple[dt.date, Verification, str],
    in_effect: tuple[dt.date, Verification, str],
    transition: Transition | None = None,
) -> Edition:
    return Edition(
        key=f"WT{year}",
        series=Series.WORKING_TOGETHER,
        year=year,
        instrument=instrument,
        published=CitedDate(
            day=published[0],
            source=instrument.cite("publication", published[1], note=published[2]),
        ),
        in_effect=CitedDate(
            day=in_effect[0],
            source=instrument.cite("commencement", in_effect[1], note=in_effect[2]),
        ),
        transition=transition,
    )


def _kcsie(
    year: int,
    *,
    published: tuple[dt.date, Verification, str],
    in_effect: tuple[dt.date, Verification, str],
) -> Edition:
    instrument = keeping_children_safe_in_education(year)
    return Edition(
        key=f"KCSIE {year}",
        series=Series.KEEPING_CHILDREN_SAFE_IN_EDUCATION,
        year=year,
        instrument=instrument,
        published=CitedDate(
            day=published[0],
            source=instrument.cite("publication", published[1], note=published[2]),
        ),
        in_effect=CitedDate(
            day=in_effect[0],
            source=instrument.cite("commencement", in_effect[1], note=in_effect[2]),
        ),
    )


def _on(day: dt.date, status: Verification, note: str) -> tuple[dt.date, Verification, str]:
    return day, status, note


_ON_PUBLICATION = (
    "Taken to apply from publication: the restatements read say it replaced the previous "
    "edition when published, and no later commencement day is stated in any source read."
)
_KCSIE_DAY_ASSUMED = "The usual 1 September start; not confirmed in any source read."

EDITIONS: tuple[Edition, ...] = (
    _working_together(
        2010,
        WORKING_TOGETHER_2010,
        published=_on(
            dt.date(2010, 3, 17),
            _S,
            "Publication on 17 March 2010 read in the National Archives copy of the DCSF page.",
        ),
        in_effect=_on(
            dt.date(2010, 3, 17),
            _U,
            "Taken to apply from publication; no commencement day was read.",
        ),
    ),
    _working_together(
        2013,
        WORKING_TOGETHER_2013,
        published=_on(
            dt.date(2013, 3, 21),
            _S,
            "Published on 21 March 2013: Norfolk County Council schools bulletin "
            f"({_NORFOLK_MI}19325), Tees safeguarding procedures and Family Law.",
        ),
        in_effect=_on(
            dt.date(2013, 4, 15),
            _S,
            "In effect from 15 April 2013, replacing Working Together 2010: Lexology, the "
            "Norfolk County Council schools bulletin and Family Law.",
        ),
    ),
    _working_together(
        2015,
        WORKING_TOGETHER_2015,
        published=_on(
            dt.date(2015, 3, 26),
            _S,
            "Published on 26 March 2015: restated by docsbay (notifiable incidents "
            "procedures) and Skylakes, and by Safeguarding in Schools.",
        ),
        in_effect=_on(dt.date(2015, 3, 26), _U, _ON_PUBLICATION),
    ),
    _working_together(
        2018,
        WORKING_TOGETHER_2018,
        published=_on(
            dt.date(2018, 7, 4),
            _S,
            "Published on 4 July 2018 with the transitional guidance and the statutory "
            "framework: the GovDelivery bulletin of the day, Wirral, Surrey and Manchester "
            "safeguarding partnerships.",
        ),
        in_effect=_on(
            dt.date(2018, 7, 4),
            _S,
            "In effect on publication, replacing Working Together 2015 (Surrey safeguarding "
            "partnership); chapters 3 to 5 of the 2015 edition still applied in an area until "
            "its safeguarding-partner arrangements went live (see the 2018 transition). The "
            "statutory framework had come into force on 29 June 2018.",
        ),
        transition=TRANSITION_2018,
    ),
    _working_together(
        2023,
        WORKING_TOGETHER_2023,
        published=_on(
            dt.date(2023, 12, 15),
            _S,
            "Published on 15 December 2023: Allerdale, Cornwall and Isles of Scilly and "
            "Norfolk partnerships; Cumberland's bulletin says the DfE launched it that day.",
        ),
        in_effect=_on(
            dt.date(2023, 12, 15),
            _S,
            "In effect on publication, replacing the 2018 edition (Cumberland bulletin); "
            "local arrangements were to be updated by December 2024.",
        ),
    ),
    _kcsie(
        2014,
        published=_on(
            dt.date(2014, 4, 3),
            _S,
            "Taken as 3 April 2014, the day GOV.UK archived the guidance it replaced; "
            "Safeguarding in Schools says the April 2014 KCSIE came into force on publication.",
        ),
        in_effect=_on(
            dt.date(2014, 4, 3),
            _S,
            "GOV.UK records that the guidance it replaced (Safeguarding children and safer "
            "recruitment in education) was archived on 3 April 2014; Safeguarding in Schools "
            "says the April 2014 KCSIE came into force immediately on publication.",
        ),
    ),
    _kcsie(
        2015,
        published=_on(
            dt.date(2015, 3, 26),
            _S,
            "GOV.UK publication page first published 26 March 2015; Safeguarding in Schools.",
        ),
        in_effect=_on(
            dt.date(2015, 3, 26),
            _S,
            "Updated edition published 26 March 2015 (Safeguarding in Schools; GOV.UK "
            "publication page first published 26 March 2015). A further revision of July "
            "2015 is not treated as a separate edition.",
        ),
    ),
    _kcsie(
        2016,
        published=_on(
            dt.date(2016, 5, 26),
            _S,
            "Published 'for information' on 26 May 2016: Norfolk County Council schools "
            f"bulletin ({_NORFOLK_MI}22201).",
        ),
        in_effect=_on(
            dt.date(2016, 9, 5),
            _S,
            "In force from 5 September 2016 (The Key for School Governors summary).",
        ),
    ),
    _kcsie(
        2018,
        published=_on(
            dt.date(2018, 5, 17),
            _S,
            "Published 'for information' on 17 May 2018: Norfolk County Council schools "
            f"bulletin, MI sheet 81/18 ({_NORFOLK_MI}33315).",
        ),
        in_effect=_on(
            dt.date(2018, 9, 3),
            _S,
            "In force from 3 September 2018 (Devon County Council; The Key; HCR Law).",
        ),
    ),
    _kcsie(
        2019,
        published=_on(
            dt.date(2019, 6, 26),
            _S,
            "Published 'for information' on 26 June 2019: Norfolk County Council schools "
            f"bulletin, MI sheet 98/19 ({_NORFOLK_MI}40344); Safeguarding Network.",
        ),
        in_effect=_on(
            dt.date(2019, 9, 2),
            _S,
            "In force from 2 September 2019 (Safeguarding Network briefing).",
        ),
    ),
    _kcsie(
        2020,
        published=_on(
            dt.date(2020, 6, 17),
            _S,
            "The 'for information' version was published on 17 June 2020: the DfE's ESFA "
            "Update of 9 September 2020 on GOV.UK (https://www.gov.uk/government/publications/"
            "esfa-update-9-september-2020).",
        ),
        in_effect=_on(
            dt.date(2020, 9, 1),
            _S,
            "In force from 1 September 2020 (Trafford Safeguarding Partnership; Farrer & Co; "
            "Browne Jacobson).",
        ),
    ),
    _kcsie(
        2021,
        published=_on(
            dt.date(2021, 7, 6),
            _S,
            "Added 'for information' on 6 July 2021: a copy of the GOV.UK publication page "
            "(FE News); Ealing Grid for Learning and Halton say July 2021.",
        ),
        in_effect=_on(
            dt.date(2021, 9, 1),
            _S,
            "In force from 1 September 2021 (Withers; Halton partnership). The IICSA "
            "residential schools report (official) confirms it came into force in September "
            "2021.",
        ),
    ),
    _kcsie(
        2022,
        published=_on(
            dt.date(2022, 5, 20),
            _S,
            "Published 'for information' on 20 May 2022: Norfolk County Council schools "
            f"bulletin, MI sheet 110/22 ({_NORFOLK_MI}59162); HCR Law says May 2022.",
        ),
        in_effect=_on(
            dt.date(2022, 9, 1),
            _U,
            "Published May 2022 for September 2022 (HCR Law); the day, 1 September, is assumed.",
        ),
    ),
    _kcsie(
        2023,
        published=_on(
            dt.date(2023, 6, 6),
            _S,
            "Published 'for information' on 6 June 2023: Norfolk County Council schools "
            f"bulletin, MI sheet 106/23 ({_NORFOLK_MI}64840).",
        ),
        in_effect=_on(dt.date(2023, 9, 1), _U, _KCSIE_DAY_ASSUMED),
    ),
    _kcsie(
        2024,
        published=_on(
            dt.date(2024, 5, 24),
            _S,
            "Published 'for information' on 24 May 2024: Norfolk County Council schools "
            "news (https://schools.norfolk.gov.uk/article/59483).",
        ),
        in_effect=_on(dt.date(2024, 9, 1), _U, _KCSIE_DAY_ASSUMED),
    ),
    _kcsie(
        2025,
        published=_on(
            dt.date(2025, 7, 7),
            _S,
            "Published 'for information' on 7 July 2025, the final version on 1 September "
            "2025: Norfolk County Council schools news "
            "(https://www.schools.norfolk.gov.uk/article/70729).",
        ),
        in_effect=_on(dt.date(2025, 9, 1), _U, _KCSIE_DAY_ASSUMED),
    ),
    Edition(
        key="CDR 2018",
        series=Series.CHILD_DEATH_REVIEW,
        year=2018,
        instrument=CHILD_DEATH_REVIEW_GUIDANCE_2018,
        published=CitedDate(
            day=dt.date(2018, 10, 15),
            source=CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                "publication",
                _S,
                note="Published in October 2018 (Sussex and Barnsley procedures, Leeds, NHS "
                "England's statement on transition arrangements); the GOV.UK publication page "
                "gives 15 October 2018.",
            ),
        ),
        in_effect=CitedDate(
            day=dt.date(2018, 10, 15),
            source=CHILD_DEATH_REVIEW_GUIDANCE_2018.cite(
                "commencement",
                _U,
                note="Taken to apply from publication where the child death review partners' "
                "arrangements were live; elsewhere the existing procedures applied until the "
                "new arrangements went live, by 29 September 2019 at the latest (City and "
                "Hackney). The partners' duty (Children Act 2004 s16M) was in force from "
                "29 June 2018.",
            ),
        ),
        transition=TRANSITION_2018,
    ),
)
"""Every guidance edition a rule is versioned by, series after series, oldest first."""

_BY_KEY = {entry.key: entry for entry in EDITIONS}


def edition(key: str) -> Edition:
    """The edition with the label *key*.

    Args:
        key: An edition label: ``"WT2010"`` to ``"WT2023"``, ``"KCSIE 2014"`` to
            ``"KCSIE 2025"`` (no 2017), ``"CDR 2018"``.

    Returns:
        The edition.

    Raises:
        InvalidInputError: no edition has that label (field ``key``).

    Examples:
        >>> edition("KCSIE 2021").in_effect.day
        datetime.date(2021, 9, 1)
    """
    if not isinstance(key, str) or key not in _BY_KEY:
        raise InvalidInputError("key", "is not an edition the library knows")
    return _BY_KEY[key]


def editions(series: Series) -> tuple[Edition, ...]:
    """Every edition of *series*, oldest first.

    Raises:
        InvalidInputError: *series* is not a [`Series`][safeguarding.sources.Series].
    """
    if not isinstance(series, Series):
        raise InvalidInputError("series", "must be a Series")
    return tuple(entry for entry in EDITIONS if entry.series is series)


def edition_in_effect(series: Series, *, on: dt.date) -> Edition:
    """The edition of *series* in effect on *on*: the latest to have come into effect.

    Args:
        series: The series.
        on: The day asked about.

    Returns:
        The edition whose commencement is the latest on or before *on*.

    Raises:
        InvalidInputError: *series* is not a [`Series`][safeguarding.sources.Series], *on*
            is not a plain ``date``, or *on* is before the series' first edition in the
            table (field ``on``).

    Examples:
        >>> import datetime as dt
        >>> kcsie = Series.KEEPING_CHILDREN_SAFE_IN_EDUCATION
        >>> edition_in_effect(kcsie, on=dt.date(2018, 9, 2)).key   # there was no 2017
        'KCSIE 2016'
    """
    found = editions(series)
    check_date("on", on)
    in_effect = [entry for entry in found if entry.in_effect.day <= on]
    if not in_effect:
        raise InvalidInputError(
            "on", f"is before the first edition of {series.value} the library knows"
        )
    return in_effect[-1]
