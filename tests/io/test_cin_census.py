"""Tests of safeguarding.io.cin_census: the peer sample files, safety, strictness, round trips."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.cases import Assessment, ChildRecord, Episode
from safeguarding.io import (
    CensusChild,
    CensusHeader,
    CensusReading,
    LayoutFeature,
    MalformedCensusError,
    PreProceedings,
    Problem,
    Severity,
    Sex,
    UnsafeXMLError,
    census_items,
    read_census,
    write_census,
)
from safeguarding.people import Child
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._cases import child_records, episodes
from safeguarding.strategies._io import STRATEGIES, census_children, census_headers

PEER = Path(__file__).resolve().parents[1] / "data" / "peer"
VALIDATOR = PEER / "cin-validator"
# 'PersonBirthDate' in the file: described by its length, never quoted.
STRAY = "stray text (15 characters) between elements is ignored"
BOTH_DOB = (
    "both PersonBirthDate and ExpectedPersonBirthDate are given; ExpectedPersonBirthDate left out"
)


def _read(path: object) -> tuple[CensusReading, list[CensusChild]]:
    reading = read_census(path)  # type: ignore[arg-type]
    children = list(reading.children())
    return reading, children


def _problems(reading: CensusReading) -> list[tuple[Severity, str, int, str]]:
    return [(p.severity, p.path, p.line, p.reason) for p in reading.problems]


# --------------------------------------------------------------------------- peer sample files


def test_fake_census_332_children_reads_without_reading_problems():
    # The 332-child fake census breaks DfE *validation* rules (about 2,000 failures) but every
    # value in it is well-formed: ISO dates, codes from the lists. Nothing to report at reading.
    reading, children = _read(VALIDATOR / "fake_CIN_data.xml")
    assert len(children) == 332
    assert reading.problems == []
    assert reading.header is not None
    assert reading.header.la_code == "975"
    assert reading.features == {LayoutFeature.GENDER_CURRENT}
    assert sum(len(c.record.episodes) for c in children) > 332


@pytest.mark.parametrize(
    "name",
    ["CIN2rows.xml", "CIN_Census_2021_copy.xml", "CIN_Census_2021_no_assessment_factors.xml"],
)
def test_2021_shapes_report_only_the_stray_text(name):
    # Line 23 of these files is `<UPNunknown>UN3</UPNunknown>PersonBirthDate`: junk text.
    reading, children = _read(VALIDATOR / name)
    assert len(children) == 1
    assert _problems(reading) == [
        (Severity.WARNING, "Message/Children/Child[1]/ChildIdentifiers", 23, STRAY)
    ]
    assert reading.features == {LayoutFeature.GENDER_CURRENT, LayoutFeature.CIN_PLANS}


@pytest.mark.parametrize(
    "name", ["CIN_Census_2021.xml", "CIN_header_issues_100.xml", "CIN_la_issues_2887Q.xml"]
)
def test_2021_with_both_birth_dates(name):
    # These files give PersonBirthDate 1965-03-27 *and* ExpectedPersonBirthDate 1066-04-13
    # (lines 24-25): a child is either born or unborn (DfE rule 8500-range), so one is wrong.
    reading, children = _read(VALIDATOR / name)
    assert _problems(reading) == [
        (Severity.WARNING, "Message/Children/Child[1]/ChildIdentifiers", 23, STRAY),
        (
            Severity.ERROR,
            "Message/Children/Child[1]/ChildIdentifiers/ExpectedPersonBirthDate",
            25,
            BOTH_DOB,
        ),
    ]
    (child,) = children
    assert child.record.child.date_of_birth == dt.date(1965, 3, 27)
    assert child.record.child.expected_date_of_birth is None


def test_header_issues_file_keeps_its_odd_reference_date():
    # CIN_header_issues_100.xml has ReferenceDate 2023-03-28, not 31 March: a *validation*
    # finding (DfE rule 100), not a reading problem; the reader gives the date as written.
    reading, _children = _read(VALIDATOR / "CIN_header_issues_100.xml")
    assert reading.header is not None
    assert reading.header.reference_date == dt.date(2023, 3, 28)


@pytest.mark.parametrize("name", ["CIN_Census_2024.xml", "CIN_Census_2026.xml"])
def test_2024_and_2026_layouts(name):
    reading, children = _read(VALIDATOR / name)
    assert len(children) == 2
    base = "Message/Children/Child[1]"
    assert _problems(reading) == [
        (Severity.WARNING, f"{base}/ChildIdentifiers", 23, STRAY),
        # `<AssessmentFactors>RB</AssessmentFactors>`: RB is not in the N00181 code list.
        (
            Severity.ERROR,
            f"{base}/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors[2]",
            46,
            "AssessmentFactors is not a AssessmentFactor code of the census; left out",
        ),
        # Started 2028-04-28 but authorised 2020-09-19: authorised before it started.
        (
            Severity.ERROR,
            f"{base}/CINdetails[1]/Assessments[1]",
            41,
            "authorisation_date: must not be before start_date; assessment left out",
        ),
        # `<Sex>1</Sex>`: the 2024-25 Sex item takes M, F or U; 1 is the old GenderCurrent code.
        (
            Severity.ERROR,
            f"{base}/ChildIdentifiers/Sex",
            25,
            "Sex is not a Sex code of the census; left out",
        ),
    ]
    first, second = children
    assert first.sex is None
    assert first.record.episodes[0].assessments == ()
    assert second.sex is Sex.MALE
    assert second.record.episodes[0].assessments[0].factors == frozenset()
    assert LayoutFeature.SEX in reading.features
    if name.endswith("2026.xml"):
        assert LayoutFeature.PRE_PROCEEDINGS in reading.features
        (block,) = first.pre_proceedings[0]
        assert block == PreProceedings(
            start_date=dt.date(2026, 9, 9),
            letter_before_proceedings_date=dt.date(2026, 9, 20),
            fgdm_offered=True,
            fgdm_facilitated=True,
            initial_meeting_date=dt.date(2026, 9, 28),
            review_meetings=3,
            step_decision_date=dt.date(2026, 12, 1),
            outcome="A",
            court_application_date=dt.date(2026, 12, 18),
            letter_initial_cp_date=dt.date(2027, 2, 5),
        )


def test_liiatools_2022_sample():
    # cin-2022.xml gives both PersonBirthDate 1966-03-24 and ExpectedPersonBirthDate 1966-03-22.
    reading, children = _read(PEER / "liiatools" / "cin-2022.xml")
    assert _problems(reading) == [
        (
            Severity.ERROR,
            "Message/Children/Child[1]/ChildIdentifiers/ExpectedPersonBirthDate",
            25,
            BOTH_DOB,
        )
    ]
    (child,) = children
    episode = child.record.episodes[0]
    assert episode.child_protection_plans[0].review_dates == (dt.date(1971, 2, 15),)
    assert episode.assessments[0].internal_review_date == dt.date(1970, 6, 22)


def test_identifiers_stay_out_of_messages():
    reading, _ = _read(VALIDATOR / "CIN_Census_2024.xml")
    for problem in reading.problems:
        assert "DfEX0000001" not in str(problem)
        assert "DfEX0000001" not in repr(problem)
        assert problem.personal_data() == {"child_identifier": "DfEX0000001"}


def test_iterating_gives_child_records_and_can_repeat():
    reading = read_census(VALIDATOR / "CIN_Census_2024.xml")
    first = list(reading)
    assert all(isinstance(r, ChildRecord) for r in first)
    assert list(reading) == first
    assert reading.children_read == 2
    assert len(reading.errors) == 3


# --------------------------------------------------------------------------- safety

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&xxe;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Message SYSTEM "file:///etc/passwd">
<Message><Children/></Message>
"""


@pytest.mark.parametrize(
    ("document", "reason"),
    [(BOMB, "entity declaration"), (EXTERNAL, "entity declaration")],
)
def test_entity_declarations_are_refused_with_bounded_memory(document, reason):
    tracemalloc.start()
    with pytest.raises(UnsafeXMLError, match=reason) as info:
        list(read_census(document))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert info.value.line in {2, 3}  # the DOCTYPE line (expat reports it for the subset)
    assert peak < 5_000_000  # the bomb would need gigabytes; nothing was expanded


def test_external_dtd_is_not_fetched():
    # Parameter entity parsing is off: the external DTD is neither read nor resolved.
    reading = read_census(EXTERNAL_DTD)
    assert list(reading) == []


def test_external_entity_reference_handler_refuses():
    # A reference to an undeclared entity is a well-formedness error, not a fetch.
    with pytest.raises(MalformedCensusError, match="undefined entity"):
        list(read_census(b"<Message>&nope;</Message>"))


def test_unparsed_entity_refused():
    doc = b'<!DOCTYPE M [<!NOTATION n SYSTEM "x"><!ENTITY u SYSTEM "y" NDATA n>]><M/>'
    with pytest.raises(UnsafeXMLError):
        list(read_census(doc))


def test_errors_pickle():
    import pickle

    for error in (UnsafeXMLError(3, "x"), MalformedCensusError(4, "y")):
        again = pickle.loads(pickle.dumps(error))  # noqa: S301
        assert (again.line, again.reason, str(again)) == (error.line, error.reason, str(error))


def test_malformed_xml_stops_with_line():
    with pytest.raises(MalformedCensusError) as info:
        list(read_census(b"<Message>\n<Children>\n</Message>"))
    assert info.value.line in {2, 3}  # the DOCTYPE line (expat reports it for the subset)


# --------------------------------------------------------------------------- strictness


def _one(child_xml: str, header: str = "") -> tuple[CensusReading, list[CensusChild]]:
    doc = f"<Message>{header}<Children><Child>{child_xml}</Child></Children></Message>".encode()
    reading = read_census(doc)
    return reading, list(reading.children())


IDS = "<ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate></ChildIdentifiers>"


@pytest.mark.parametrize(
    "text",
    [
        "2024/01/02",
        "20240102",
        "2024-1-2",
        "2024-02-30",
        "02-01-2024",
        "\uff12\uff10\uff12\uff14-01-02",
    ],
)
def test_dates_are_strict_iso(text):
    reading, children = _one(
        IDS + f"<CINdetails><CINreferralDate>{text}</CINreferralDate></CINdetails>"
    )
    assert children[0].record.episodes == ()
    reasons = [p.reason for p in reading.problems]
    assert reasons == [
        "CINreferralDate is not an ISO 8601 date (YYYY-MM-DD); left out",
        "CINreferralDate is missing or unreadable; episode left out",
    ]


def test_bad_values_are_reported_and_left_out():
    reading, children = _one(
        IDS + "<ChildCharacteristics><Ethnicity>XXXX</Ethnicity><Colour>red</Colour>"
        "<Disabilities><Disability>HAND</Disability><Other/></Disabilities></ChildCharacteristics>"
        "<CINdetails><CINreferralDate>2024-01-02</CINreferralDate><ReferralNFA>maybe</ReferralNFA>"
        "<ReferralNFA>true</ReferralNFA>"
        "<ChildProtectionPlans><CPPstartDate>2024-01-03</CPPstartDate>"
        "<NumberOfPreviousCPP>-1</NumberOfPreviousCPP><Reviews><CPPreviewDate>x</CPPreviewDate>"
        "<Junk/></Reviews><Extra/></ChildProtectionPlans>"
        "<ChildProtectionPlans><CPPendDate>2024-01-03</CPPendDate></ChildProtectionPlans>"
        "<ChildProtectionPlans><CPPstartDate>2024-01-03</CPPstartDate><CPPendDate>2024-01-01</CPPendDate></ChildProtectionPlans>"
        "<Section47><S47ActualStartDate>bad</S47ActualStartDate><More/></Section47>"
        "<Section47><S47ActualStartDate>2024-01-05</S47ActualStartDate></Section47>"
        "<CINPlanDates><CINPlanStartDate>2024-01-05</CINPlanStartDate><CINPlanEndDate>2024-01-01</CINPlanEndDate><X/></CINPlanDates>"
        "<CINPlanDates><CINPlanEndDate>2024-01-01</CINPlanEndDate></CINPlanDates>"
        "<Assessments><AssessmentAuthorisationDate>2024-01-01</AssessmentAuthorisationDate><Y/>"
        "<FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors><Z/></FactorsIdentifiedAtAssessment></Assessments>"
        "<PreProceedingsandFGDM><ReviewMeetingsCount>x</ReviewMeetingsCount><Q/></PreProceedingsandFGDM>"
        "<Unknown/></CINdetails><CINdetails><CINreferralDate>2024-01-02</CINreferralDate>"
        "<CINclosureDate>2024-01-01</CINclosureDate></CINdetails><Strange/>"
    )
    (child,) = children
    assert child.record.ethnicity is None
    (episode,) = child.record.episodes
    assert episode.referral_nfa is None
    assert len(episode.section47_enquiries) == 1
    assert len(episode.child_protection_plans) == 1
    assert episode.child_protection_plans[0].previous_plans is None
    assert episode.cin_plans == ()
    assert child.pre_proceedings == ((PreProceedings(),),)
    reasons = [str(p) for p in reading.problems]
    assert len(reasons) == 25, reasons
    assert all(p.severity in Severity for p in reading.problems)


def test_missing_identifier_rejects_the_child():
    reading, children = _one(
        "<ChildIdentifiers><PersonBirthDate>2015-01-01</PersonBirthDate></ChildIdentifiers>"
    )
    assert children == []
    assert [p.reason for p in reading.problems] == ["LAchildID is missing; child left out"]
    assert reading.problems[0].personal_data() == {"child_identifier": None}


def test_leaf_with_children_and_stray_text_and_unknown_top_level():
    reading, children = _one(
        "<ChildIdentifiers><LAchildID>C1<b/></LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>"
        "</ChildIdentifiers>",
        header="<Header><Odd/>junk<CollectionDetails><Year>x</Year></CollectionDetails></Header><Extra/>",
    )
    assert len(children) == 1
    assert reading.header == CensusHeader(collection=None)
    reasons = [p.reason for p in reading.problems]
    assert "holds child elements where a value was expected; they are ignored" in reasons
    assert "unknown element Extra is ignored" in reasons
    assert "unknown element Odd is ignored" in reasons
    assert "Year is not a whole number; left out" in reasons
    assert "stray text (4 characters) between elements is ignored" in reasons
    assert not any("junk" in r for r in reasons)
    reading2 = read_census(b"<Message>text<Children/></Message>")
    assert list(reading2) == []
    assert [p.reason for p in reading2.problems] == ["stray text between elements is ignored"]


def test_unborn_and_upn_items():
    _reading, children = _one(
        "<ChildIdentifiers><LAchildID>C1</LAchildID><UPN>A123</UPN><FormerUPN></FormerUPN>"
        "<ExpectedPersonBirthDate>2025-01-01</ExpectedPersonBirthDate><GenderCurrent>0</GenderCurrent>"
        "<ChildIdentifiers/></ChildIdentifiers>"
    )
    (child,) = children
    assert child.upn == "A123"
    assert child.former_upn is None
    assert "A123" not in repr(child)
    assert child.personal_data()["upn"] == "A123"
    assert child.record.child.expected_date_of_birth == dt.date(2025, 1, 1)


# --------------------------------------------------------------------------- writer, round trips


@given(st.lists(child_records(), max_size=3), census_headers())
def test_write_then_read_gives_the_census_items(records, header):
    buffer = io.BytesIO()
    write_census(records, buffer, header=header)
    reading = read_census(buffer.getvalue())
    assert list(reading) == [census_items(r) for r in records]
    assert reading.header == header
    assert reading.problems == []


@given(episodes())
def test_episodes_round_trip_exactly(episode):
    record = census_items(
        ChildRecord(
            child=Child(identifier="C1", date_of_birth=dt.date(2010, 1, 1)), episodes=(episode,)
        )
    )
    buffer = io.BytesIO()
    write_census([record], buffer, header=CensusHeader())
    assert list(read_census(buffer.getvalue())) == [record]


@given(st.lists(census_children(), max_size=3))
def test_census_children_round_trip_exactly(children):
    buffer = io.BytesIO()
    write_census(children, buffer, header=CensusHeader())
    assert list(read_census(buffer.getvalue()).children()) == children


def test_write_and_read_paths(tmp_path):
    reading, children = _read(VALIDATOR / "CIN_Census_2026.xml")
    target = tmp_path / "out.xml"
    assert reading.header is not None
    write_census(children, target, header=reading.header)
    with target.open("rb") as stream:
        again = read_census(stream)
        assert list(again.children()) == children
    assert again.header == reading.header


def test_large_file_is_streamed_in_chunks():
    record = ChildRecord(
        child=Child(identifier="C1", date_of_birth=dt.date(2015, 1, 1)),
        episodes=(
            Episode(
                referral_date=dt.date(2024, 1, 2),
                assessments=(Assessment(start_date=dt.date(2024, 1, 3)),),
            ),
        ),
    )
    buffer = io.BytesIO()
    write_census([record] * 2000, buffer, header=CensusHeader())
    buffer.seek(0)
    assert sum(1 for _ in read_census(buffer)) == 2000


# --------------------------------------------------------------------------- models and strategies


@pytest.mark.parametrize("cls", sorted(STRATEGIES, key=str))
@given(data=st.data())
def test_strategies_give_valid_round_tripping_objects(cls, data):
    obj = data.draw(STRATEGIES[cls]())
    assert attrs.evolve(obj) == obj
    assert from_json(to_json(obj), cls) == obj


def test_model_validation():
    from safeguarding.errors import InvalidInputError

    record = ChildRecord(child=Child(identifier="C1", date_of_birth=dt.date(2015, 1, 1)))
    with pytest.raises(InvalidInputError) as info:
        CensusChild(record=record, pre_proceedings=((),))
    assert info.value.field == "pre_proceedings"
    with pytest.raises(InvalidInputError) as info:
        CensusChild(record=record, pre_proceedings=[])  # type: ignore[arg-type]
    assert info.value.field == "pre_proceedings"
    with pytest.raises(InvalidInputError) as info:
        CensusChild(record=record, pre_proceedings=((1,),))  # type: ignore[arg-type]
    assert info.value.field == "pre_proceedings[0]"
    with pytest.raises(InvalidInputError) as info:
        Problem(severity=Severity.ERROR, path="x", line=-1, reason="r")
    assert info.value.field == "line"
    with pytest.raises(InvalidInputError) as info:
        CensusHeader(year="2024")  # type: ignore[arg-type]
    assert info.value.field == "year"


def test_date_cache_is_bounded(monkeypatch):
    from safeguarding.io import cin_census

    monkeypatch.setattr(cin_census, "_DATE_CACHE_LIMIT", 0)
    assert cin_census._parse_date("1999-12-31x") is None
    assert "1999-12-31x" not in cin_census._DATES


def test_a_failed_write_leaves_an_existing_file_untouched(tmp_path):
    from safeguarding.errors import InvalidInputError

    # A header value that cannot be written as UTF-8 (a lone surrogate) fails the write: the
    # file already there keeps its bytes, and no temporary file is left beside it.
    target = tmp_path / "census.xml"
    target.write_bytes(b"the return already submitted")
    with pytest.raises(InvalidInputError) as caught:
        write_census([], target, header=CensusHeader(la_code="\udc80"))
    assert caught.value.field == "header"
    assert target.read_bytes() == b"the return already submitted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["census.xml"]


def test_a_written_file_replaces_the_old_one_whole_with_the_usual_mode(tmp_path):
    import os
    import stat

    target = tmp_path / "census.xml"
    target.write_bytes(b"old")
    write_census([], target, header=CensusHeader(year=2024))
    assert target.read_bytes().startswith(b"<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["census.xml"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
