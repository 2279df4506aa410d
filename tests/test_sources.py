"""The table of guidance editions (safeguarding.sources) and the rules that read it.

Sources of the expected days (restatements unless said otherwise):

- Working Together 2010: published 17 March 2010 (National Archives copy of the DCSF page);
- Working Together 2013: published 21 March 2013, in effect 15 April 2013 (Norfolk County
  Council schools bulletin, Family Law, Lexology);
- Working Together 2015: published 26 March 2015; 2018: published 4 July 2018 (GovDelivery
  bulletin, Wirral, Surrey); 2023: published 15 December 2023 (Cumberland bulletin);
- Children Act 2004 ss16A-16Q and SI 2018/789 in force 29 June 2018 (legislation.gov.uk,
  primary); local arrangements published by 29 June 2019 and live by 29 September 2019
  (Nursery World, Solihull LSCB, Healthy London);
- Keeping Children Safe in Education: in force 3 April 2014, 26 March 2015, 5 September 2016,
  3 September 2018, 2 September 2019, then 1 September each year (school-sector briefings;
  unverified from 2022); "for information" copies published 26 May 2016, 17 May 2018,
  26 June 2019, 17 June 2020, 6 July 2021, 20 May 2022, 6 June 2023, 24 May 2024 and
  7 July 2025 (Norfolk County Council schools bulletins; ESFA Update of 9 September 2020);
- Child Death Review Statutory and Operational Guidance: published 15 October 2018 (GOV.UK
  publication page).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.citations import Citation, Verification
from safeguarding.errors import InvalidInputError
from safeguarding.lado.editions import KCSIE_EDITION, commencement
from safeguarding.reviews.incidents import TRANSITION
from safeguarding.reviews.serious_case_reviews import (
    SCR_ALWAYS_SETTINGS,
    SCR_COMPLETION_TIMESCALE,
    SCR_CRITERIA,
    SCR_DECISION_TIMESCALE,
    SCR_NON_INITIATION_TIMESCALE,
)
from safeguarding.rules import DatedRule, Version, all_rules
from safeguarding.sources import (
    EDITIONS,
    TRANSITION_2018,
    Basis,
    CitedDate,
    Edition,
    Series,
    edition,
    edition_in_effect,
    editions,
)
from safeguarding.thresholds.timescales import (
    ASSESSMENT,
    FIRST_CORE_GROUP,
    FIRST_REVIEW_CONFERENCE,
    INITIAL_CONFERENCE,
    INITIAL_CONFERENCE_ANCHOR,
    REFERRAL_DECISION,
    REVIEW_CONFERENCE_INTERVAL,
)

D = dt.date
WT = Series.WORKING_TOGETHER
KCSIE = Series.KEEPING_CHILDREN_SAFE_IN_EDUCATION
CDR = Series.CHILD_DEATH_REVIEW
SRC = Path(__file__).parent.parent / "src" / "safeguarding"


def _spoken(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# ------------------------------------------------------------------ the table itself


@pytest.mark.parametrize(
    ("key", "published", "in_effect"),
    [
        ("WT2010", D(2010, 3, 17), D(2010, 3, 17)),
        ("WT2013", D(2013, 3, 21), D(2013, 4, 15)),
        ("WT2015", D(2015, 3, 26), D(2015, 3, 26)),
        ("WT2018", D(2018, 7, 4), D(2018, 7, 4)),
        ("WT2023", D(2023, 12, 15), D(2023, 12, 15)),
        ("KCSIE 2014", D(2014, 4, 3), D(2014, 4, 3)),
        ("KCSIE 2015", D(2015, 3, 26), D(2015, 3, 26)),
        ("KCSIE 2016", D(2016, 5, 26), D(2016, 9, 5)),
        ("KCSIE 2018", D(2018, 5, 17), D(2018, 9, 3)),
        ("KCSIE 2019", D(2019, 6, 26), D(2019, 9, 2)),
        ("KCSIE 2020", D(2020, 6, 17), D(2020, 9, 1)),
        ("KCSIE 2021", D(2021, 7, 6), D(2021, 9, 1)),
        ("KCSIE 2022", D(2022, 5, 20), D(2022, 9, 1)),
        ("KCSIE 2023", D(2023, 6, 6), D(2023, 9, 1)),
        ("KCSIE 2024", D(2024, 5, 24), D(2024, 9, 1)),
        ("KCSIE 2025", D(2025, 7, 7), D(2025, 9, 1)),
        ("CDR 2018", D(2018, 10, 15), D(2018, 10, 15)),
    ],
)
def test_every_edition_and_its_two_days(key: str, published: dt.date, in_effect: dt.date):
    entry = edition(key)
    assert (entry.published.day, entry.in_effect.day) == (published, in_effect)
    assert entry.day(Basis.PUBLISHED) == published
    assert entry.day(Basis.IN_EFFECT) == in_effect
    assert str(entry.year) in entry.instrument.title


def test_the_table_holds_these_editions_and_no_others():
    assert [entry.key for entry in editions(WT)] == [
        "WT2010",
        "WT2013",
        "WT2015",
        "WT2018",
        "WT2023",
    ]
    assert [entry.year for entry in editions(KCSIE)] == [2014, 2015, 2016, *range(2018, 2026)]
    assert [entry.key for entry in editions(CDR)] == ["CDR 2018"]
    assert len(EDITIONS) == len({entry.key for entry in EDITIONS}) == 17


@pytest.mark.parametrize("series", list(Series), ids=lambda series: series.name)
def test_dates_are_chronological_within_each_series(series: Series):
    found = editions(series)
    for earlier, later in itertools.pairwise(found):
        assert earlier.published.day < later.published.day, later.key
        assert earlier.in_effect.day < later.in_effect.day, later.key
    for entry in found:
        # An edition comes into effect on or after the day it is published.
        assert entry.published.day <= entry.in_effect.day, entry.key
    assert list(found) == sorted(found, key=lambda entry: entry.in_effect.day)


def _cited_dates() -> list[tuple[str, CitedDate]]:
    dates = []
    for entry in EDITIONS:
        dates += [(f"{entry.key} published", entry.published)]
        dates += [(f"{entry.key} in effect", entry.in_effect)]
    dates += [
        ("2018 framework in force", TRANSITION_2018.framework_in_force),
        ("2018 arrangements published by", TRANSITION_2018.publish_by),
        ("2018 arrangements live by", TRANSITION_2018.implement_by),
    ]
    return dates


@pytest.mark.parametrize(
    ("what", "cited"), [pytest.param(what, cited, id=what) for what, cited in _cited_dates()]
)
def test_every_date_has_its_citation(what: str, cited: CitedDate):
    assert isinstance(cited.day, dt.date), what
    assert isinstance(cited.source, Citation), what
    assert cited.source.status in set(Verification), what
    # The note says where the day was read, or that it was not confirmed.
    assert cited.source.note.strip(), what


def test_edition_dates_cite_their_own_edition():
    for entry in EDITIONS:
        assert entry.published.source.instrument == entry.instrument.title
        assert entry.in_effect.source.instrument == entry.instrument.title
        assert entry.published.source.provision == "publication"
        assert entry.in_effect.source.provision == "commencement"


def test_only_the_statutory_commencement_was_read_in_the_official_text():
    # No guidance edition's own text was read for its dates; the 2018 framework's
    # commencement was read on legislation.gov.uk.
    primary = [
        what for what, cited in _cited_dates() if cited.source.status is Verification.PRIMARY
    ]
    assert primary == ["2018 framework in force"]
    assert "legislation.gov.uk" in (TRANSITION_2018.framework_in_force.source.url or "")


def test_unconfirmed_days_are_marked_unverified():
    unverified = {
        what for what, cited in _cited_dates() if cited.source.status is Verification.UNVERIFIED
    }
    assert unverified == {
        "WT2010 in effect",
        "WT2015 in effect",
        "KCSIE 2022 in effect",
        "KCSIE 2023 in effect",
        "KCSIE 2024 in effect",
        "KCSIE 2025 in effect",
        "CDR 2018 in effect",
    }


def test_the_2018_transition():
    assert TRANSITION_2018.framework_in_force.day == D(2018, 6, 29)
    assert TRANSITION_2018.publish_by.day == D(2019, 6, 29)
    assert TRANSITION_2018.implement_by.day == D(2019, 9, 29)
    # The statute came into force before the guidance was published.
    assert TRANSITION_2018.framework_in_force.day < edition("WT2018").published.day
    assert edition("WT2018").transition is TRANSITION_2018
    assert edition("CDR 2018").transition is TRANSITION_2018
    assert edition("WT2015").transition is None


def test_a_transition_out_of_order_is_refused():
    with pytest.raises(InvalidInputError) as caught:
        type(TRANSITION_2018)(
            framework="example",
            framework_in_force=TRANSITION_2018.implement_by,
            publish_by=TRANSITION_2018.publish_by,
            implement_by=TRANSITION_2018.framework_in_force,
        )
    assert caught.value.field == "implement_by"


def test_an_edition_refuses_bad_fields():
    entry = edition("WT2015")
    with pytest.raises(InvalidInputError) as caught:
        Edition(
            key="WT2015",
            series="Working Together",  # type: ignore[arg-type]
            year=2015,
            instrument=entry.instrument,
            published=entry.published,
            in_effect=entry.in_effect,
        )
    assert caught.value.field == "series"
    with pytest.raises(InvalidInputError) as caught:
        CitedDate(day=D(2015, 3, 26), source="WT2015")  # type: ignore[arg-type]
    assert caught.value.field == "source"


# ------------------------------------------------------------------ look-ups


def test_edition_by_key_and_its_errors():
    assert edition("KCSIE 2016").in_effect.day == D(2016, 9, 5)
    for bad in ("KCSIE 2017", "WT2006", "wt2018", 2018):
        with pytest.raises(InvalidInputError) as caught:
            edition(bad)  # type: ignore[arg-type]
        assert caught.value.field == "key"
    with pytest.raises(InvalidInputError) as caught:
        editions("Working Together")  # type: ignore[arg-type]
    assert caught.value.field == "series"


@pytest.mark.parametrize(
    ("series", "on", "key"),
    [
        (WT, D(2010, 3, 17), "WT2010"),
        (WT, D(2013, 4, 14), "WT2010"),  # WT2013 published 21 March, in effect 15 April
        (WT, D(2013, 4, 15), "WT2013"),
        (WT, D(2015, 3, 25), "WT2013"),
        (WT, D(2015, 3, 26), "WT2015"),
        (WT, D(2018, 6, 29), "WT2015"),  # the statute commenced; WT2018 not yet published
        (WT, D(2018, 7, 3), "WT2015"),
        (WT, D(2018, 7, 4), "WT2018"),
        (WT, D(2023, 12, 14), "WT2018"),
        (WT, D(2023, 12, 15), "WT2023"),
        (WT, D(2030, 1, 1), "WT2023"),
        (KCSIE, D(2014, 4, 3), "KCSIE 2014"),
        (KCSIE, D(2015, 3, 25), "KCSIE 2014"),
        (KCSIE, D(2015, 3, 26), "KCSIE 2015"),
        (KCSIE, D(2016, 9, 4), "KCSIE 2015"),  # published 26 May, in force 5 September
        (KCSIE, D(2016, 9, 5), "KCSIE 2016"),
        (KCSIE, D(2018, 9, 2), "KCSIE 2016"),  # there was no 2017 edition
        (KCSIE, D(2018, 9, 3), "KCSIE 2018"),
        (KCSIE, D(2019, 9, 1), "KCSIE 2018"),
        (KCSIE, D(2019, 9, 2), "KCSIE 2019"),
        (KCSIE, D(2020, 8, 31), "KCSIE 2019"),
        (KCSIE, D(2020, 9, 1), "KCSIE 2020"),
        (KCSIE, D(2025, 8, 31), "KCSIE 2024"),
        (KCSIE, D(2025, 9, 1), "KCSIE 2025"),
        (CDR, D(2018, 10, 15), "CDR 2018"),
    ],
)
def test_the_edition_in_effect_on_a_day(series: Series, on: dt.date, key: str):
    assert edition_in_effect(series, on=on).key == key


@pytest.mark.parametrize(
    ("series", "on"),
    [(WT, D(2010, 3, 16)), (KCSIE, D(2014, 4, 2)), (CDR, D(2018, 10, 14))],
)
def test_no_edition_before_the_first(series: Series, on: dt.date):
    with pytest.raises(InvalidInputError) as caught:
        edition_in_effect(series, on=on)
    assert caught.value.field == "on"


def test_the_look_up_refuses_what_is_not_a_date_or_a_series():
    with pytest.raises(InvalidInputError) as caught:
        edition_in_effect(WT, on=dt.datetime(2020, 1, 1, 12, 0))
    assert caught.value.field == "on"
    with pytest.raises(InvalidInputError) as caught:
        edition_in_effect("KCSIE", on=D(2020, 1, 1))  # type: ignore[arg-type]
    assert caught.value.field == "series"


@given(series=st.sampled_from(list(Series)), on=st.dates(D(2010, 3, 17), D(2035, 12, 31)))
def test_the_edition_in_effect_is_the_latest_to_have_commenced(series: Series, on: dt.date):
    found = editions(series)
    if on < found[0].in_effect.day:
        with pytest.raises(InvalidInputError):
            edition_in_effect(series, on=on)
        return
    answer = edition_in_effect(series, on=on)
    assert answer.in_effect.day <= on
    later = found[found.index(answer) + 1 :]
    assert all(entry.in_effect.day > on for entry in later)


# ------------------------------------------------------------------ notes


def test_the_note_says_which_day_and_why():
    assert edition("WT2013").applies_from() == (
        "Applies from 15 April 2013, the day Working Together to Safeguard Children 2013 came "
        "into effect (its commencement; it was published on 21 March 2013): a version applies "
        "once its edition is in effect."
    )
    assert (
        edition("WT2013")
        .applies_from(Basis.PUBLISHED)
        .startswith(
            "Applies from 21 March 2013, the day Working Together to Safeguard Children 2013 was "
            "published"
        )
    )
    assert "publication and commencement fall on the same day" in edition("WT2023").applies_from()
    framework = TRANSITION_2018.applies_from(edition("WT2018"))
    assert framework.startswith("Applies from 29 June 2018, the commencement of Children Act 2004")
    assert "publication of Working Together to Safeguard Children 2018 on 4 July 2018" in framework


def test_dated_keeps_the_citation_and_ends_its_note():
    entry = edition("WT2015")
    source = entry.instrument.cite("chapter 4", Verification.SECONDARY, note="Restated.")
    dated = entry.dated(source)
    assert (dated.instrument, dated.provision, dated.status) == (
        source.instrument,
        source.provision,
        source.status,
    )
    assert dated.note == f"Restated. {entry.applies_from()}"
    assert TRANSITION_2018.dated(source, edition("WT2018")).note.startswith("Restated. Applies")


# ------------------------------------------------------------------ the rules agree with it

_WORKING_TOGETHER_TIMESCALES = [
    REFERRAL_DECISION,
    ASSESSMENT,
    INITIAL_CONFERENCE,
    FIRST_CORE_GROUP,
    FIRST_REVIEW_CONFERENCE,
    REVIEW_CONFERENCE_INTERVAL,
    INITIAL_CONFERENCE_ANCHOR,
]


@pytest.mark.parametrize("rule", _WORKING_TOGETHER_TIMESCALES, ids=lambda rule: rule.key)
def test_each_thresholds_timescale_version_starts_on_its_editions_day(rule: DatedRule[Any]):
    # The days the timescales have always used (behaviour kept) ...
    assert rule.commencement_dates() == (
        D(2013, 4, 15),
        D(2015, 3, 26),
        D(2018, 7, 4),
        D(2023, 12, 15),
    )
    # ... are the days the editions came into effect, and each note says so.
    for version in rule.versions:
        entry = edition(version.edition)
        assert version.in_force_from == entry.in_effect.day
        assert version.source.instrument == entry.instrument.title
        assert version.source.note.endswith(entry.applies_from(Basis.IN_EFFECT))


def test_the_kcsie_edition_rule_is_the_table():
    table = editions(KCSIE)
    assert [version.in_force_from for version in KCSIE_EDITION.versions] == [
        entry.in_effect.day for entry in table
    ]
    assert [version.value for version in KCSIE_EDITION.versions] == [entry.year for entry in table]
    assert [version.edition for version in KCSIE_EDITION.versions] == [entry.key for entry in table]
    for version, entry in zip(KCSIE_EDITION.versions, table, strict=True):
        assert version.source.status is entry.in_effect.source.status
        assert commencement(entry.year) == entry.in_effect.day


def test_the_transition_rules_read_the_2018_transition():
    window = TRANSITION.at(D(2019, 1, 1)).value
    assert (window.opens, window.publish_by, window.implement_by) == (
        D(2018, 6, 29),
        D(2019, 6, 29),
        D(2019, 9, 29),
    )
    assert TRANSITION.in_force_from == TRANSITION_2018.framework_in_force.day
    for rule in (
        SCR_CRITERIA,
        SCR_ALWAYS_SETTINGS,
        SCR_DECISION_TIMESCALE,
        SCR_NON_INITIATION_TIMESCALE,
        SCR_COMPLETION_TIMESCALE,
    ):
        assert rule.repealed_on == TRANSITION_2018.implement_by.day == D(2019, 9, 29)


def _edition_versions() -> list[tuple[str, Version[Any]]]:
    """Every version of every rule labelled with an edition of the table (lado writes 'WT 2015')."""
    found = []
    for rule in all_rules():
        for version in rule.versions:
            label = version.edition.replace("WT ", "WT")
            if label in {entry.key for entry in EDITIONS}:
                found.append((f"{rule.key} {version.in_force_from}", version))
    return found


# Days a version labelled with an edition may start on although the edition had not been
# published: the child death review definition of an unexpected death is labelled WT2010 (the
# wording read) but applies from the start of the LSCB duty to review every child death.
_BEFORE_THE_EDITION = {
    ("WT2010", D(2008, 4, 1)): (
        "Applies from 1 April 2008, the start of the LSCB child death review duty (LSCB "
        "Regulations 2006, SI 2006/90, reg 6), not the publication of Working Together to "
        "Safeguard Children 2010 on 17 March 2010"
    ),
}


@pytest.mark.parametrize(
    ("what", "version"),
    [pytest.param(what, version, id=what) for what, version in _edition_versions()],
)
def test_every_edition_version_starts_on_a_day_of_its_edition_and_says_which(
    what: str, version: Version[Any]
):
    entry = edition(version.edition.replace("WT ", "WT"))
    allowed = {entry.in_effect.day: entry.applies_from(Basis.IN_EFFECT)}
    if entry.transition is not None:
        allowed[entry.transition.framework_in_force.day] = entry.transition.applies_from(entry)
    for (key, day), sentence in _BEFORE_THE_EDITION.items():
        if key == entry.key:
            allowed[day] = sentence
    assert version.in_force_from in allowed, what
    assert allowed[version.in_force_from] in version.source.note, what


def test_every_applies_from_sentence_names_its_versions_day():
    checked = 0
    for rule in all_rules():
        for version in rule.versions:
            match = re.search(r"Applies from (\d{1,2} \w+ \d{4})", version.source.note)
            if match:
                assert match.group(1) == _spoken(version.in_force_from), rule.key
                checked += 1
    assert checked > 100


# Modules that used to repeat the editions' days as literals; they now read the table.
_MIGRATED = [
    "thresholds/timescales.py",
    "lado/editions.py",
    "lado/timescales.py",
    "lado/records.py",
    "reviews/incidents.py",
    "reviews/notifications.py",
    "reviews/practice_reviews.py",
    "reviews/serious_case_reviews.py",
    "reviews/serious_harm.py",
    "reviews/child_death/regime.py",
    "reviews/child_death/records.py",
    "reviews/child_death/scope.py",
    "reviews/child_death/unexpected_deaths.py",
    "reviews/child_death/categories.py",
    "reviews/child_death/modifiable_factors.py",
    "reviews/child_death/figures.py",
    "strategies/_child_death.py",
]


@pytest.mark.parametrize("module", _MIGRATED)
def test_no_edition_day_is_written_out_again(module: str):
    days = {cited.day for _, cited in _cited_dates()}
    literal = re.compile(r"dt\.date\((\d{4}), (\d{1,2}), (\d{1,2})\)")
    for line in (SRC / module).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith((">>>", "...")):
            continue  # examples in docstrings
        for match in literal.finditer(line):
            assert D(*map(int, match.groups())) not in days, f"{module}: {line.strip()}"
