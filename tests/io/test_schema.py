"""Tests of safeguarding.io.schema: XSD loading, the peer samples, each violation kind, safety.

The expected problems for the peer samples were checked one by one against the schema text
(the line of the XSD is cited beside each) and against libxml2's validator (``xmllint
--schema``), which reports the same violations; libxml2 stops checking an element's content
at its first error, so it does not list the required ``GenderCurrent`` that a ``Sex`` element
displaces, which is reported here as well.
"""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.cases import (
    CategoryOfAbuse,
    ChildProtectionPlan,
    ChildRecord,
    Episode,
    Ethnicity,
    ReferralSource,
)
from safeguarding.errors import InvalidInputError
from safeguarding.io import (
    BuiltinType,
    CensusChild,
    CensusHeader,
    CensusSchema,
    ComplexType,
    ElementDeclaration,
    GenderCurrent,
    MalformedCensusError,
    Problem,
    Severity,
    SimpleType,
    UnsafeXMLError,
    census_items,
    validate_census,
    write_census,
)
from safeguarding.io import schema as schema_module
from safeguarding.people import Child
from safeguarding.serialization import from_json, to_json
from safeguarding.strategies._cases import child_records

PEER = Path(__file__).resolve().parents[1] / "data" / "peer"
VALIDATOR = PEER / "cin-validator"
SCHEMAS = PEER / "liiatools"
YEARS = range(2017, 2025)
XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"'


def _schema(year: int) -> CensusSchema:
    return CensusSchema.load(SCHEMAS / f"CIN_schema_{year}.xsd")


_LOADED = {year: _schema(year) for year in YEARS}


def _problems(source: object, year: int) -> list[tuple[str, int, str]]:
    found = validate_census(source, _LOADED[year])  # type: ignore[arg-type]
    assert all(p.severity is Severity.ERROR for p in found)
    return [(p.path, p.line, p.reason) for p in found]


C1 = "Message/Children/Child[1]"
C2 = "Message/Children/Child[2]"
# Line 23 of the cin-validator samples is `<UPNunknown>UN3</UPNunknown>PersonBirthDate`:
# ChildIdentifiers is a complexType with an xs:sequence (CIN_schema_2023.xsd line 77), so it
# is element-only and may not hold text.
STRAY = (f"{C1}/ChildIdentifiers", 23, "ChildIdentifiers holds text, but may hold only elements")


# --------------------------------------------------------------------------- the schemas


@pytest.mark.parametrize("year", YEARS)
def test_every_transcribed_schema_loads(year):
    # Loading succeeds only if the file stays inside the supported subset: anything else
    # raises. So the CIN schemas 2017-2024 use no xs:choice, no nested group, no attribute.
    message = _LOADED[year].element("Message")
    assert message.type == _LOADED[year].element("Message").type
    assert isinstance(message.type, ComplexType)
    assert [p.name for p in message.type.sequence] == ["Header", "Children"]


def _find(kind: ComplexType, *names: str) -> ElementDeclaration:
    found = next(p for p in kind.sequence if p.name == names[0])
    if len(names) == 1:
        return found
    assert isinstance(found.type, ComplexType)
    return _find(found.type, *names[1:])


def _identifiers(year: int) -> list[str]:
    message = _LOADED[year].element("Message").type
    assert isinstance(message, ComplexType)
    ids = _find(message, "Children", "Child", "ChildIdentifiers").type
    assert isinstance(ids, ComplexType)
    return [p.name for p in ids.sequence]


def test_the_model_of_the_2023_schema():
    message = _LOADED[2023].element("Message").type
    assert isinstance(message, ComplexType)
    # Line 73: <xs:element name="CINdetails" type="cindetailstype" minOccurs="1" maxOccurs="unbounded"/>
    details = _find(message, "Children", "Child", "CINdetails")
    assert (details.min_occurs, details.max_occurs) == (1, None)
    assert isinstance(details.type, ComplexType)
    assert details.type.name == "cindetailstype"
    # yesnotype restricts nonEmptyString (minLength 1): the facets are flattened.
    nfa = _find(details.type, "ReferralNFA").type
    assert isinstance(nfa, SimpleType)
    assert (nfa.name, nfa.base, nfa.min_length) == ("yesnotype", BuiltinType.STRING, 1)
    assert nfa.enumeration == frozenset({"true", "false", "TRUE", "FALSE", "0", "1"})
    # upntype: two alternative patterns in one derivation step.
    upn = _find(message, "Children", "Child", "ChildIdentifiers", "UPN").type
    assert isinstance(upn, SimpleType)
    assert upn.patterns == ((r"[A-Za-z]\d{12}", r"[A-Za-z]\d{11}[A-Za-z]"),)
    previous = _find(details.type, "ChildProtectionPlans", "NumberOfPreviousCPP").type
    assert isinstance(previous, SimpleType)
    assert previous.base is BuiltinType.POSITIVE_INTEGER


def test_the_transcribed_2024_schema_equals_2023_and_lacks_sex():
    # The DfE 2024-25 census replaced GenderCurrent with Sex; the transcription did not.
    assert _LOADED[2024] == _LOADED[2023]
    assert "Sex" not in _identifiers(2024)
    assert "GenderCurrent" in _identifiers(2024)


def _episode_items(year: int) -> list[str]:
    message = _LOADED[year].element("Message").type
    assert isinstance(message, ComplexType)
    details = _find(message, "Children", "Child", "CINdetails").type
    assert isinstance(details, ComplexType)
    return [p.name for p in details.sequence]


def test_schema_years_differ_where_the_files_differ():
    names_2021 = _episode_items(2021)
    names_2022 = _episode_items(2022)
    assert "CINPlanDates" not in names_2021
    assert names_2022.index("CINPlanDates") == names_2022.index("Assessments") + 1
    assert _LOADED[2017] == _LOADED[2020]
    assert _LOADED[2020] != _LOADED[2021]


def test_schema_sources_and_json_round_trip():
    path = SCHEMAS / "CIN_schema_2023.xsd"
    from_bytes = CensusSchema.load(path.read_bytes())
    with path.open("rb") as stream:
        from_stream = CensusSchema.load(stream)
    assert from_bytes == from_stream == CensusSchema.load(str(path)) == _LOADED[2023]
    assert from_json(to_json(_LOADED[2023]), CensusSchema) == _LOADED[2023]


# --------------------------------------------------------------------------- peer samples


def test_liiatools_2022_sample_is_valid_for_its_year():
    assert _problems(SCHEMAS / "cin-2022.xml", 2022) == []


def test_liiatools_2022_sample_against_2021_lacks_cin_plans():
    # CINPlanDates entered cindetailstype in 2022 (CIN_schema_2022.xsd line 112).
    assert _problems(SCHEMAS / "cin-2022.xml", 2021) == [
        (f"{C1}/CINdetails[1]/CINPlanDates", 52, "CINPlanDates is not allowed in CINdetails")
    ]


@pytest.mark.parametrize("year", YEARS)
def test_fake_census_332_children_is_valid_for_every_year(year):
    # Header Year 2022, GenderCurrent, no CINPlanDates and no code that changed between
    # years: the layout of 2022, and valid against every transcribed schema (xmllint agrees).
    # Its ~2,000 failures are of DfE validation rules, not of the schema.
    assert _problems(VALIDATOR / "fake_CIN_data.xml", year) == []


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("CIN_Census_2021.xml", 52),
        ("CIN_Census_2021_copy.xml", 44),
        ("CIN_Census_2021_no_assessment_factors.xml", 44),
    ],
)
def test_2021_samples_against_the_2021_schema(name, line):
    # These files carry CINPlanDates, which the 2021 schema does not have (it came in 2022).
    assert _problems(VALIDATOR / name, 2021) == [
        STRAY,
        (f"{C1}/CINdetails[1]/CINPlanDates", line, "CINPlanDates is not allowed in CINdetails"),
    ]


@pytest.mark.parametrize(
    "name", ["CIN2rows.xml", "CIN_header_issues_100.xml", "CIN_la_issues_2887Q.xml"]
)
def test_2023_samples_have_only_the_stray_text(name):
    # Header Year 2023; the header and LA issues these files were written for are DfE
    # rules (a reference date that is not 31 March is still an xs:date).
    assert _problems(VALIDATOR / name, 2023) == [STRAY]


SEX_NOT_ALLOWED = "Sex is not allowed in ChildIdentifiers"
NO_GENDER = "required element GenderCurrent is missing"
# Lines cited below are of CIN_schema_2024.xsd (the same file as 2023).
CIN_2024_PROBLEMS = [
    STRAY,
    # childidentifierstype (line 77) has no Sex: the transcription predates 2024-25.
    (f"{C1}/ChildIdentifiers/Sex", 25, SEX_NOT_ALLOWED),
    # ... and keeps GenderCurrent minOccurs="1" (line 85): reported at ChildIdentifiers.
    (f"{C1}/ChildIdentifiers/GenderCurrent", 19, NO_GENDER),
    # assessmentfactorstype (line 331) has no code RB.
    (
        f"{C1}/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors[2]",
        46,
        "AssessmentFactors is not one of the 42 values of assessmentfactorstype",
    ),
    (f"{C2}/ChildIdentifiers/Sex", 78, SEX_NOT_ALLOWED),
    (f"{C2}/ChildIdentifiers/GenderCurrent", 74, NO_GENDER),
    # <FactorsIdentifiedAtAssessment/> is empty; AssessmentFactors has minOccurs="1" (line 127).
    (
        f"{C2}/CINdetails[1]/Assessments[1]/FactorsIdentifiedAtAssessment/AssessmentFactors",
        95,
        "required element AssessmentFactors is missing",
    ),
]


def test_2024_sample_against_the_2024_schema():
    # RC9 (line 91 of the sample) is in reasonforclosuretype from 2023, so it passes here.
    problems = validate_census(VALIDATOR / "CIN_Census_2024.xml", _LOADED[2024])
    assert [(p.path, p.line, p.reason) for p in problems] == CIN_2024_PROBLEMS
    assert [p.child_identifier for p in problems] == ["DfEX0000001"] * 4 + [
        "child_fails_assessments"
    ] * 3


def test_2026_sample_against_the_newest_schema():
    # No 2025 or 2026 schema is transcribed: against 2024, PreProceedingsandFGDM (from
    # 2025-26) is not allowed either, and the lines after it move down by 12.
    expected = [
        *CIN_2024_PROBLEMS[:4],
        (
            f"{C1}/CINdetails[1]/PreProceedingsandFGDM",
            71,
            "PreProceedingsandFGDM is not allowed in CINdetails",
        ),
        *((path, line + 12, reason) for path, line, reason in CIN_2024_PROBLEMS[4:]),
    ]
    assert _problems(VALIDATOR / "CIN_Census_2026.xml", 2024) == expected


def test_2024_sample_against_2022_also_refuses_rc9():
    # RC9 entered reasonforclosuretype in 2023 (CIN_schema_2023.xsd line 327).
    problems = _problems(VALIDATOR / "CIN_Census_2024.xml", 2022)
    assert (
        f"{C2}/CINdetails[1]/ReasonForClosure",
        91,
        "ReasonForClosure is not one of the values RC1, RC2, RC3, RC4, RC5, RC6, RC7, RC8",
    ) in problems
    assert len(problems) == len(CIN_2024_PROBLEMS) + 1


# --------------------------------------------------------------------------- written files

HEADER = CensusHeader(
    collection="CIN",
    year=2024,
    reference_date=dt.date(2024, 3, 31),
    source_level="L",
    la_code="201",
    software_code="safeguarding",
    release="1",
    serial_no="001",
    date_time="2024-04-30T09:00:00",
)


def _complete_plan(plan: ChildProtectionPlan, data: st.DataObject) -> ChildProtectionPlan:
    return attrs.evolve(
        plan,
        initial_category=plan.initial_category or data.draw(st.sampled_from(CategoryOfAbuse)),
        latest_category=plan.latest_category or data.draw(st.sampled_from(CategoryOfAbuse)),
        previous_plans=(
            data.draw(st.integers(0, 5)) if plan.previous_plans is None else plan.previous_plans
        ),
    )


def _complete(record: ChildRecord, data: st.DataObject) -> CensusChild:
    """Fill the items the models leave optional but the 2023 schema requires (minOccurs 1)."""
    episodes = tuple(
        attrs.evolve(
            e,
            referral_source=e.referral_source or data.draw(st.sampled_from(ReferralSource)),
            referral_nfa=data.draw(st.booleans()) if e.referral_nfa is None else e.referral_nfa,
            section47_enquiries=tuple(
                attrs.evolve(
                    s,
                    icpc_not_required=(
                        data.draw(st.booleans())
                        if s.icpc_not_required is None
                        else s.icpc_not_required
                    ),
                )
                for s in e.section47_enquiries
            ),
            child_protection_plans=tuple(_complete_plan(p, data) for p in e.child_protection_plans),
        )
        for e in record.episodes
    )
    filled = attrs.evolve(
        record,
        ethnicity=record.ethnicity or data.draw(st.sampled_from(Ethnicity)),
        episodes=episodes,
    )
    return CensusChild(record=filled, gender_current=data.draw(st.sampled_from(GenderCurrent)))


@settings(max_examples=60)
@given(st.lists(child_records().map(census_items), min_size=1, max_size=4), st.data())
def test_written_census_is_valid_but_for_no_previous_plans(records, data):
    # write_census writes the census items in schema order with codes from the census lists.
    # The models leave ethnicity, referral source, NFA, ICPC-not-required, categories and
    # NumberOfPreviousCPP optional where the schema requires them, and GenderCurrent is not
    # in ChildRecord: those are filled in. Every child needs one CINdetails (minOccurs 1).
    children = [_complete(r, data) for r in records if r.episodes]
    if not children:
        children = [
            _complete(
                attrs.evolve(records[0], episodes=(Episode(referral_date=dt.date(2023, 5, 2)),)),
                data,
            )
        ]
    buffer = io.BytesIO()
    write_census(children, buffer, header=HEADER)
    # The one quirk: NumberOfPreviousCPP is xs:positiveInteger in the transcribed schema
    # (line 156), so a first plan (0 previous plans, which the DfE guidance allows) is refused.
    expected = [
        (
            (
                f"Message/Children/Child[{c}]/CINdetails[{e}]/ChildProtectionPlans[{p}]"
                "/NumberOfPreviousCPP"
            ),
            "NumberOfPreviousCPP is not a valid xs:positiveInteger",
            child.record.child.identifier,
        )
        for c, child in enumerate(children, 1)
        for e, episode in enumerate(child.record.episodes, 1)
        for p, plan in enumerate(episode.child_protection_plans, 1)
        if plan.previous_plans == 0
    ]
    problems = validate_census(buffer.getvalue(), _LOADED[2023])
    assert [(p.path, p.reason, p.child_identifier) for p in problems] == expected


def test_a_schema_that_allows_no_previous_plans_accepts_zero():
    text = (SCHEMAS / "CIN_schema_2023.xsd").read_text(encoding="utf-8")
    fixed = text.replace(
        '"NumberOfPreviousCPP" type="xs:positiveInteger"',
        '"NumberOfPreviousCPP" type="xs:nonNegativeInteger"',
    )
    record = ChildRecord(
        child=Child(identifier="C1", date_of_birth=dt.date(2015, 3, 27)),
        ethnicity=Ethnicity.WHITE_BRITISH,
        episodes=(
            Episode(
                referral_date=dt.date(2023, 5, 2),
                referral_source=ReferralSource.POLICE,
                referral_nfa=False,
                child_protection_plans=(
                    ChildProtectionPlan(
                        start_date=dt.date(2023, 6, 1),
                        initial_category=CategoryOfAbuse.NEGLECT,
                        latest_category=CategoryOfAbuse.NEGLECT,
                        previous_plans=0,
                    ),
                ),
            ),
        ),
    )
    buffer = io.BytesIO()
    write_census(
        [CensusChild(record=record, gender_current=GenderCurrent.FEMALE)], buffer, header=HEADER
    )
    assert len(validate_census(buffer.getvalue(), _LOADED[2023])) == 1
    assert validate_census(buffer.getvalue(), CensusSchema.load(fixed.encode())) == []


# --------------------------------------------------------------------------- each violation

IDS = (
    "<ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>"
    "<GenderCurrent>1</GenderCurrent></ChildIdentifiers>"
)
CHARS = "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>"
REFERRAL = "<CINreferralDate>2023-10-06</CINreferralDate><ReferralSource>1A</ReferralSource>"
EPISODE = f"<CINdetails>{REFERRAL}<ReferralNFA>false</ReferralNFA></CINdetails>"
CHILD = IDS + CHARS + EPISODE
SOURCE = "<Source><LEA>201</LEA></Source>"


def _doc(child: str = CHILD, header: str = "", children: str = "") -> bytes:
    return (
        f"<Message>{header}<Children><Child>{child}</Child>{children}</Children></Message>"
    ).encode()


def _check(document: bytes, year: int = 2023) -> list[tuple[str, str]]:
    return [(p.path, p.reason) for p in validate_census(document, _LOADED[year])]


def test_the_minimal_document_is_valid():
    assert _check(_doc()) == []
    assert _check(_doc(header=f"<Header>{SOURCE}{SOURCE}</Header>")) == []


IDS_PATH = f"{C1}/ChildIdentifiers"
EP = f"{C1}/CINdetails[1]"


@pytest.mark.parametrize(
    ("child", "expected"),
    [
        # An element the content model does not have.
        (
            IDS.replace("</LAchildID>", "</LAchildID><Nickname>x</Nickname>") + CHARS + EPISODE,
            [(f"{IDS_PATH}/Nickname", "Nickname is not allowed in ChildIdentifiers")],
        ),
        # Out of sequence order: ReferralSource must come after CINreferralDate.
        (
            IDS
            + CHARS
            + "<CINdetails><ReferralSource>1A</ReferralSource><CINreferralDate>2023-10-06"
            "</CINreferralDate><ReferralNFA>false</ReferralNFA></CINdetails>",
            [
                (
                    f"{EP}/CINreferralDate",
                    "CINreferralDate is out of sequence order: it must come before ReferralSource",
                )
            ],
        ),
        # minOccurs: LAchildID (line 78) missing, detected when UPN-less PersonBirthDate comes.
        (
            IDS.replace("<LAchildID>C1</LAchildID>", "") + CHARS + EPISODE,
            [(f"{IDS_PATH}/LAchildID", "required element LAchildID is missing")],
        ),
        # minOccurs at the end: ReferralNFA missing, and the child has no CINdetails at all.
        (
            IDS + CHARS + f"<CINdetails>{REFERRAL}</CINdetails>",
            [(f"{EP}/ReferralNFA", "required element ReferralNFA is missing")],
        ),
        (
            IDS + CHARS,
            [(f"{C1}/CINdetails", "required element CINdetails is missing")],
        ),
        # maxOccurs: a second GenderCurrent, a second ChildCharacteristics.
        (
            IDS.replace("</GenderCurrent>", "</GenderCurrent><GenderCurrent>2</GenderCurrent>")
            + CHARS
            + EPISODE,
            [
                (
                    f"{IDS_PATH}/GenderCurrent[2]",
                    "GenderCurrent occurs more than 1 time(s) in ChildIdentifiers",
                )
            ],
        ),
        (
            IDS + CHARS + CHARS + EPISODE,
            [
                (
                    f"{C1}/ChildCharacteristics[2]",
                    "ChildCharacteristics occurs more than 1 time(s) in Child",
                )
            ],
        ),
        # Enumeration, pattern, minLength, built-in types.
        (
            IDS.replace("<GenderCurrent>1", "<GenderCurrent>M") + CHARS + EPISODE,
            [(f"{IDS_PATH}/GenderCurrent", "GenderCurrent is not one of the values 0, 1, 2, 9")],
        ),
        (
            IDS.replace("</LAchildID>", "</LAchildID><UPN>A12345678912</UPN>") + CHARS + EPISODE,
            [
                (
                    f"{IDS_PATH}/UPN",
                    r"UPN does not match the pattern [A-Za-z]\d{12} or [A-Za-z]\d{11}[A-Za-z]",
                )
            ],
        ),
        (
            IDS.replace("<LAchildID>C1</LAchildID>", "<LAchildID></LAchildID>") + CHARS + EPISODE,
            [(f"{IDS_PATH}/LAchildID", "LAchildID is shorter than 1 character(s)")],
        ),
        (
            IDS.replace("2015-01-01", "01/01/2015") + CHARS + EPISODE,
            [(f"{IDS_PATH}/PersonBirthDate", "PersonBirthDate is not a valid xs:date")],
        ),
        (
            IDS.replace("2015-01-01", "2015-02-29") + CHARS + EPISODE,
            [(f"{IDS_PATH}/PersonBirthDate", "PersonBirthDate is not a valid xs:date")],
        ),
        # Whitespace around a date is collapsed (xs:date), not around a code (xs:string).
        (IDS.replace("2015-01-01", "\n 2015-01-01 \n") + CHARS + EPISODE, []),
        (
            IDS.replace("<GenderCurrent>1", "<GenderCurrent> 1") + CHARS + EPISODE,
            [(f"{IDS_PATH}/GenderCurrent", "GenderCurrent is not one of the values 0, 1, 2, 9")],
        ),
        # Text where only elements are allowed, and an element inside a value.
        (
            IDS + CHARS + EPISODE.replace("<CINdetails>", "<CINdetails>oops"),
            [(EP, "CINdetails holds text, but may hold only elements")],
        ),
        (
            IDS.replace("C1</LAchildID>", "C1<b>x</b><i/></LAchildID>") + CHARS + EPISODE,
            [(f"{IDS_PATH}/LAchildID/b", "b is not allowed in LAchildID, which holds a value")],
        ),
        # Attributes: none is declared; the xsi schema locations are allowed.
        (
            IDS.replace("<LAchildID>", '<LAchildID kind="local">') + CHARS + EPISODE,
            [(f"{IDS_PATH}/LAchildID", "attribute kind is not allowed on LAchildID")],
        ),
        # An element in a namespace is not the schema's (it has no targetNamespace).
        (
            IDS
            + CHARS
            + EPISODE.replace("<ReferralNFA>", '<n:Extra xmlns:n="urn:x"/><ReferralNFA>'),
            [(f"{EP}/{{urn:x}}Extra", "{urn:x}Extra is not allowed in CINdetails")],
        ),
    ],
)
def test_each_violation(child, expected):
    assert _check(_doc(child)) == expected


def test_root_and_header_violations():
    assert _check(b"<Census/>") == [("Census", "root element Census is not declared by the schema")]
    assert _check(_doc(header="<Header><Source><LEA>20</LEA></Source></Header>")) == [
        (r"Message/Header/Source[1]/LEA", r"LEA does not match the pattern \d{3}")
    ]
    header = (
        "<Header><CollectionDetails><Collection>CIN</Collection><Year>24</Year>"
        "<ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>"
        "<Source><LEA>201</LEA><DateTime>2024-04-30 09:00</DateTime></Source></Header>"
    )
    assert _check(_doc(header=header)) == [
        ("Message/Header/CollectionDetails/Year", "Year is not a valid xs:gYear"),
        ("Message/Header/Source[1]/DateTime", "DateTime is not a valid xs:dateTime"),
    ]
    # Header is optional, Children is not (messagetype, line 7).
    assert _check(b"<Message/>") == [("Message/Children", "required element Children is missing")]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("10", None),
        ("+3", None),
        ("0", "NumberOfPreviousCPP is not a valid xs:positiveInteger"),
        ("-1", "NumberOfPreviousCPP is not a valid xs:positiveInteger"),
        ("two", "NumberOfPreviousCPP is not a valid xs:positiveInteger"),
        ("", "NumberOfPreviousCPP is not a valid xs:positiveInteger"),
    ],
)
def test_positive_integer(value, reason):
    plan = (
        "<ChildProtectionPlans><CPPstartDate>2023-10-07</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
        "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
        f"<NumberOfPreviousCPP>{value}</NumberOfPreviousCPP></ChildProtectionPlans>"
    )
    child = IDS + CHARS + EPISODE.replace("</CINdetails>", plan + "</CINdetails>")
    path = f"{EP}/ChildProtectionPlans[1]/NumberOfPreviousCPP"
    assert _check(_doc(child)) == ([] if reason is None else [(path, reason)])


def test_paths_lines_and_identifiers():
    document = b"""<Message>
<Children>
<Child>
  <ChildIdentifiers>
    <LAchildID>C1</LAchildID>
    <GenderCurrent>1</GenderCurrent>
  </ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
  <CINdetails><CINreferralDate>2023-10-06</CINreferralDate><ReferralSource>1A</ReferralSource>
    <Assessments><AssessmentActualStartDate>2023-10-07</AssessmentActualStartDate></Assessments>
    <Assessments><AssessmentActualStartDate>2023-13-07</AssessmentActualStartDate></Assessments>
    <ReferralNFA>false</ReferralNFA>
  </CINdetails>
</Child>
<Child>
  stray
  <ChildIdentifiers><GenderCurrent>1</GenderCurrent><LAchildID>C2</LAchildID></ChildIdentifiers>
  <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Bad/><Bad/></ChildCharacteristics>
  <CINdetails><ReferralNFA>maybe</ReferralNFA></CINdetails>
</Child>
<Child><ChildIdentifiers/></Child>
</Children>
</Message>
"""
    problems = validate_census(document, _LOADED[2023])
    assert [(p.path, p.line, p.reason, p.child_identifier) for p in problems] == [
        (
            f"{C1}/CINdetails[1]/Assessments[2]/AssessmentActualStartDate",
            11,
            "AssessmentActualStartDate is not a valid xs:date",
            "C1",
        ),
        # Child 2: the stray text comes before its LAchildID, which is filled in afterwards.
        (C2, 16, "Child holds text, but may hold only elements", "C2"),
        (
            f"{C2}/ChildIdentifiers/LAchildID",
            17,
            "LAchildID is out of sequence order: it must come before GenderCurrent",
            "C2",
        ),
        (f"{C2}/ChildCharacteristics/Bad", 18, "Bad is not allowed in ChildCharacteristics", "C2"),
        (
            f"{C2}/ChildCharacteristics/Bad[2]",
            18,
            "Bad is not allowed in ChildCharacteristics",
            "C2",
        ),
        (
            f"{C2}/CINdetails[1]/ReferralNFA",
            19,
            "ReferralNFA is not one of the values 0, 1, FALSE, TRUE, false, true",
            "C2",
        ),
        (
            f"{C2}/CINdetails[1]/CINreferralDate",
            19,
            "required element CINreferralDate is missing",
            "C2",
        ),
        (
            f"{C2}/CINdetails[1]/ReferralSource",
            19,
            "required element ReferralSource is missing",
            "C2",
        ),
        # Child 3 has no identifier: its problems carry none.
        (
            "Message/Children/Child[3]/ChildIdentifiers/LAchildID",
            21,
            "required element LAchildID is missing",
            None,
        ),
        (
            "Message/Children/Child[3]/ChildIdentifiers/GenderCurrent",
            21,
            "required element GenderCurrent is missing",
            None,
        ),
        (
            "Message/Children/Child[3]/ChildCharacteristics",
            21,
            "required element ChildCharacteristics is missing",
            None,
        ),
        (
            "Message/Children/Child[3]/CINdetails",
            21,
            "required element CINdetails is missing",
            None,
        ),
    ]
    # The identifier is kept out of repr and str.
    for problem in problems:
        assert "C2" not in repr(problem)
        assert "C2" not in str(problem)


def _custom(sequence: str, types: str = "") -> CensusSchema:
    return CensusSchema.load(
        f"<xs:schema {XS}><xs:element name='R'><xs:complexType><xs:sequence>{sequence}"
        f"</xs:sequence></xs:complexType></xs:element>{types}</xs:schema>".encode()
    )


def test_occurrence_counts_and_skipped_particles():
    schema = _custom(
        "<xs:element name='A' type='xs:string' minOccurs='2' maxOccurs='3'/>"
        "<xs:element name='B' type='xs:string' minOccurs='0'/>"
        "<xs:element name='C' type='xs:string'/>"
        "<xs:element name='D' type='xs:string' minOccurs='0' maxOccurs='unbounded'/>"
    )

    def reasons(body: str) -> list[str]:
        return [p.reason for p in validate_census(f"<R>{body}</R>".encode(), schema)]

    assert reasons("<A/><A/><C/>") == []
    assert reasons("<A/><A/><A/><B/><C/><D/><D/><D/>") == []
    assert reasons("<A/><C/>") == ["A occurs 1 time(s); at least 2 are required"]
    assert reasons("<A/><A/><A/><A/><C/>") == ["A occurs more than 3 time(s) in R"]
    assert reasons("<A/><A/>") == ["required element C is missing"]
    # D skips A and C: they are missing unless they turn up (out of order) before R ends.
    assert reasons("<D/>") == [
        "required element A is missing",
        "required element C is missing",
    ]
    assert reasons("<D/><C/><A/><A/>") == [
        "C is out of sequence order: it must come before D",
        "A is out of sequence order: it must come before D",
        "A is out of sequence order: it must come before D",
    ]
    assert reasons("<C/><B/>") == [
        "B is out of sequence order: it must come before C",
        "required element A is missing",
    ]
    # An element of an empty complex type holds nothing.
    empty = _custom("<xs:element name='E'><xs:complexType/></xs:element>")
    assert [p.reason for p in validate_census(b"<R><E>x<F/></E></R>", empty)] == [
        "E holds text, but may hold only elements",
        "F is not allowed in E",
    ]


def test_a_particle_repeated_later_in_the_sequence():
    schema = _custom(
        "<xs:element name='A' type='xs:string'/>"
        "<xs:element name='B' type='xs:string'/>"
        "<xs:element name='A' type='xs:date'/>"
    )
    found = validate_census(b"<R><A>x</A><B/><A>2024-01-01</A></R>", schema)
    assert found == []
    found = validate_census(b"<R><A>x</A><A>y</A></R>", schema)
    assert [(p.path, p.reason) for p in found] == [
        ("R/A[2]", "A is not a valid xs:date"),
        ("R/B", "required element B is missing"),
    ]


def test_schema_locations_are_allowed():
    document = _doc().replace(
        b"<Message>",
        b'<Message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        b' xsi:noNamespaceSchemaLocation="CIN_schema_2023.xsd">',
    )
    assert _check(document) == []
    document = document.replace(b"xsi:noNamespaceSchemaLocation", b"xsi:nil")
    assert _check(document) == [
        (
            "Message",
            "attribute {http://www.w3.org/2001/XMLSchema-instance}nil is not allowed on Message",
        )
    ]


# --------------------------------------------------------------------------- built-in types


@pytest.mark.parametrize(
    ("base", "value", "valid"),
    [
        (BuiltinType.DATE, "2024-02-29", True),
        (BuiltinType.DATE, "2023-02-29", False),
        (BuiltinType.DATE, "1900-02-29", False),
        (BuiltinType.DATE, "2000-02-29", True),
        (BuiltinType.DATE, "2024-04-31", False),
        (BuiltinType.DATE, "2024-13-01", False),
        (BuiltinType.DATE, "2024-00-10", False),
        (BuiltinType.DATE, "2024-01-00", False),
        (BuiltinType.DATE, "2024-1-01", False),
        (BuiltinType.DATE, "0000-01-01", False),
        (BuiltinType.DATE, "-0001-02-29", True),  # 1 BCE is a leap year in XML Schema 1.0
        (BuiltinType.DATE, "12024-01-01", True),
        (BuiltinType.DATE, "02024-01-01", False),
        (BuiltinType.DATE, "2024-01-01Z", True),
        (BuiltinType.DATE, "2024-01-01+14:00", True),
        (BuiltinType.DATE, "2024-01-01-05:30", True),
        (BuiltinType.DATE, "2024-01-01+14:01", False),
        (BuiltinType.DATE, "2024-01-01+15:00", False),
        (BuiltinType.DATE, "2024-01-01+05:60", False),
        (BuiltinType.DATE, "\uff12\uff10\uff12\uff14-01-02", False),
        (BuiltinType.DATE_TIME, "2023-05-23T11:14:05", True),
        (BuiltinType.DATE_TIME, "2023-05-23T11:14:05.25Z", True),
        (BuiltinType.DATE_TIME, "2023-05-23T24:00:00", True),
        (BuiltinType.DATE_TIME, "2023-05-23T24:00:00.000", True),
        (BuiltinType.DATE_TIME, "2023-05-23T24:00:00.5", False),
        (BuiltinType.DATE_TIME, "2023-05-23T24:00:01", False),
        (BuiltinType.DATE_TIME, "2023-05-23T23:60:00", False),
        (BuiltinType.DATE_TIME, "2023-05-23T23:59:60", False),
        (BuiltinType.DATE_TIME, "2023-02-30T10:00:00", False),
        (BuiltinType.DATE_TIME, "0000-01-01T10:00:00", False),
        (BuiltinType.DATE_TIME, "2023-05-23T11:14:05+15:00", False),
        (BuiltinType.DATE_TIME, "2023-05-23", False),
        (BuiltinType.G_YEAR, "2024", True),
        (BuiltinType.G_YEAR, "2024Z", True),
        (BuiltinType.G_YEAR, "2024+15:00", False),
        (BuiltinType.G_YEAR, "0000", False),
        (BuiltinType.G_YEAR, "24", False),
        (BuiltinType.INTEGER, "-7", True),
        (BuiltinType.INTEGER, "7.0", False),
        (BuiltinType.NON_NEGATIVE_INTEGER, "0", True),
        (BuiltinType.NON_NEGATIVE_INTEGER, "-0", True),
        (BuiltinType.NON_NEGATIVE_INTEGER, "-1", False),
        (BuiltinType.POSITIVE_INTEGER, " 01 ", True),
        (BuiltinType.POSITIVE_INTEGER, "\u0661", False),  # an Arabic-Indic digit
        (BuiltinType.BOOLEAN, "true", True),
        (BuiltinType.BOOLEAN, "0", True),
        (BuiltinType.BOOLEAN, "TRUE", False),
        (BuiltinType.STRING, " any text ", True),
    ],
)
def test_builtin_types(base, value, valid):
    kind = SimpleType(base=base)
    assert (kind.check(value) is None) is valid
    assert (kind.check(value) is None) is valid  # the remembered result


def test_facets_compare_canonical_values():
    numbers = SimpleType(base=BuiltinType.POSITIVE_INTEGER, enumeration=frozenset({"1", "2"}))
    assert numbers.check("01") is None
    assert numbers.check("3") == "is not one of the values 1, 2"
    flags = SimpleType(base=BuiltinType.BOOLEAN, enumeration=frozenset({"true"}))
    assert flags.check("1") is None
    assert flags.check("false") == "is not one of the values true"
    codes = SimpleType(
        name="codes",
        base=BuiltinType.STRING,
        enumeration=frozenset(f"C{n}" for n in range(11)),
        patterns=(("C.",),),
    )
    assert codes.check("C1") is None
    assert codes.check("C11") == "is not one of the 11 values of codes"
    assert codes.check("C10") == "does not match the pattern C."
    assert codes.label == "codes"
    assert SimpleType(base=BuiltinType.G_YEAR).label == "xs:gYear"


def test_remembered_results_are_bounded(monkeypatch):
    monkeypatch.setattr(schema_module, "_MEMO_LIMIT", 2)
    kind = SimpleType(base=BuiltinType.DATE)
    for day in range(1, 6):
        assert kind.check(f"2024-01-0{day}") is None
    assert len(kind._memo or {}) == 2


# --------------------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        (r"\d{3}", "201", True),
        (r"\d{3}", "2010", False),  # anchored at both ends
        (r"\d{3}\d*", "0011", True),
        (r"\d{3}", "\u0662\u0660\u0661", True),  # \d is any Unicode digit, in XSD as in re
        (r"[A-Za-z]\d{11}[A-Za-z]", "A12345678912B", True),
        (r"^a$", "^a$", True),  # ^ and $ are plain characters in XSD
        (r"^a$", "a", False),
        (r"a.c", "abc", True),
        (r"a.c", "a\rc", False),  # XSD's . excludes carriage return too
        (r"a\sb", "a\tb", True),
        (r"a\sb", "a\u00a0b", False),  # XSD's \s is the four XML space characters
        (r"a\Sb", "axb", True),
        (r"a\Sb", "a b", False),
        (r"\D+", "ab", True),
        (r"[^a-c]", "d", True),
        (r"[^a-c]", "b", False),
        (r"[\d\-x]+", "1-x", True),
        (r"[-a]", "-", True),
        (r"[a-]", "-", True),
        (r"[\s]", "\n", True),
        (r"[&~|]+", "&~|", True),
        (r"(ab|cd){2,}", "abcdab", True),
        (r"a{1,2}b?", "aab", True),
        (r"\n\r\t\\\|\.\?\*\+\(\)\{\}\-\[\]\^", "\n\r\t\\|.?*+(){}-[]^", True),
        (r"a{x", "a{x", True),  # a { that starts no quantifier is a plain character
        (r"a}", "a}", True),
    ],
)
def test_pattern_translation(pattern, value, matches):
    kind = SimpleType(base=BuiltinType.STRING, patterns=((pattern,),))
    assert (kind.check(value) is None) is matches


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"\p{Lu}", r"not supported: \p"),
        (r"\w+", r"not supported: \w"),
        (r"\i\c*", r"not supported: \i"),
        (r"[\S]", r"not supported: \S inside a character class"),
        (r"[a-z-[aeiou]]", "not supported: character class subtraction"),
        (r"(?i)a", "not supported: (? group extensions"),
        ("a\\", "ends with a lone backslash"),
        (r"[]", "empty character class"),
        (r"[abc", "unterminated character class"),
        (r"[a--z]", "'--' in a character class"),
        (r"*a", "not a valid regular expression"),
        (r"[z-a]", "not a valid regular expression"),
    ],
)
def test_patterns_outside_the_subset_are_refused(pattern, reason):
    with pytest.raises(InvalidInputError, match="patterns") as info:
        SimpleType(base=BuiltinType.STRING, patterns=((pattern,),))
    assert reason in info.value.reason


# --------------------------------------------------------------------------- loading errors


def _load(body: str, *, root: str = f"<xs:schema {XS}>") -> CensusSchema:
    return CensusSchema.load(f"{root}{body}</xs:schema>".encode())


ROOT = "<xs:element name='R'>{}</xs:element>"
SEQ = ROOT.format("<xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType>")
LEAF = "<xs:element name='A' type='xs:string'/>"


def _restriction(facets: str, base: str = "xs:string") -> str:
    return ROOT.format(
        f"<xs:simpleType><xs:restriction base='{base}'>{facets}</xs:restriction></xs:simpleType>"
    )


@pytest.mark.parametrize(
    ("body", "construct"),
    [
        (SEQ.format("<xs:choice/>"), "xs:choice"),
        (SEQ.format(f"<xs:sequence>{LEAF}</xs:sequence>"), "xs:sequence"),
        (SEQ.format("<xs:any/>"), "xs:any"),
        (SEQ.format("<xs:group ref='g'/>"), "xs:group"),
        (ROOT.format("<xs:complexType><xs:all/></xs:complexType>"), "xs:all"),
        (
            ROOT.format(
                f"<xs:complexType><xs:sequence>{LEAF}</xs:sequence>"
                "<xs:attribute name='id'/></xs:complexType>"
            ),
            "xs:attribute",
        ),
        (ROOT.format("<xs:complexType><xs:simpleContent/></xs:complexType>"), "xs:simpleContent"),
        (ROOT.format("<xs:complexType mixed='true'/>"), "attribute mixed on xs:complexType"),
        (ROOT.format("<xs:complexType name='t'/>"), "attribute name on xs:complexType"),
        (
            ROOT.format("<xs:complexType><xs:sequence minOccurs='0'/></xs:complexType>"),
            "attribute minOccurs on xs:sequence",
        ),
        (SEQ.format("<xs:element ref='A'/>"), "attribute ref on xs:element"),
        (SEQ.format("<xs:element name='A'/>"), "xs:element A without a type"),
        (
            SEQ.format("<xs:element name='A' nillable='true' type='xs:string'/>"),
            "attribute nillable",
        ),
        (
            SEQ.format("<xs:element name='A'><xs:key name='k'/></xs:element>"),
            "xs:key",
        ),
        (ROOT.format("<xs:simpleType><xs:list itemType='xs:string'/></xs:simpleType>"), "xs:list"),
        (ROOT.format("<xs:simpleType><xs:union/></xs:simpleType>"), "xs:union"),
        (_restriction("<xs:maxLength value='3'/>"), "xs:maxLength"),
        (
            _restriction("<xs:enumeration value='a' fixed='true'/>"),
            "attribute fixed on xs:enumeration",
        ),
        (
            _restriction("<xs:enumeration value='a'><xs:simpleType/></xs:enumeration>"),
            "xs:simpleType",
        ),
        (
            ROOT.format(
                "<xs:simpleType><xs:restriction><xs:simpleType/></xs:restriction></xs:simpleType>"
            ),
            "xs:restriction without a base",
        ),
        (
            _restriction("<xs:enumeration value='2024-01-01'/>", "xs:date"),
            "xs:enumeration on xs:date",
        ),
        (_restriction("<xs:minLength value='1'/>", "xs:date"), "xs:minLength on xs:date"),
        (_restriction("<xs:pattern value='\\p{L}'/>"), r"\p"),
        (SEQ.format("<xs:element name='A' type='xs:decimal'/>"), "xs:decimal"),
        (ROOT.format("") + "<xs:import namespace='urn:x'/>", "xs:import"),
        (ROOT.format("") + "<xs:attribute name='a'/>", "xs:attribute"),
        (ROOT.format("") + "<other xmlns='urn:x'/>", "{urn:x}other"),
        (
            SEQ.format("<xs:element name='A' type='t'/>")
            + "<xs:complexType name='t'><xs:sequence><xs:element name='B' type='t'/>"
            "</xs:sequence></xs:complexType>",
            "recursive type t",
        ),
        (
            "<xs:complexType name='t'><xs:choice/></xs:complexType>" + SEQ.format(LEAF),
            "xs:choice",  # checked although no element uses the type
        ),
    ],
)
def test_constructs_outside_the_subset_are_refused(body, construct):
    with pytest.raises(InvalidInputError, match="not supported") as info:
        _load(body)
    assert info.value.field == "schema"
    assert construct in info.value.reason


def _wrap(body: str, attributes: str = "") -> str:
    return f"<xs:schema {XS}{attributes}>{body}</xs:schema>"


def _leaf(attributes: str) -> str:
    return SEQ.format(f"<xs:element name='A' type='xs:string' {attributes}/>")


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (_wrap("", " targetNamespace='urn:x'"), "attribute targetNamespace on xs:schema"),
        ("<schema/>", "the root element is not xs:schema"),
        (_wrap(""), "the schema declares no top-level element"),
        (_wrap("text"), "text is not allowed here"),
        (f"<xs:schema {XS}>", "not well-formed XML"),
        (_wrap(SEQ.format(LEAF) + "<xs:complexType/>"), "needs a name"),
        (
            _wrap(
                SEQ.format(LEAF) + "<xs:simpleType name='t'><xs:restriction base='xs:string'/>"
                "</xs:simpleType><xs:complexType name='t'/>"
            ),
            "type t is defined twice",
        ),
        (_wrap("<xs:element name='R' type='xs:string'/>" * 2), "the same element twice"),
        (_wrap(SEQ.format("<xs:element name='A' type='nope'/>")), "type nope is not defined"),
        (
            _wrap(SEQ.format("<xs:element name='A' type='p:t'/>")),
            "prefix p of p:t is not declared",
        ),
        (
            _wrap(SEQ.format("<xs:element name='A' type='p:t'/>"), " xmlns:p='urn:x'"),
            "type p:t is not defined",
        ),
        (_wrap(_leaf("minOccurs='x'")), "minOccurs is not a whole number"),
        (_wrap(_leaf("maxOccurs='+1'")), "maxOccurs is not a whole number"),
        (_wrap(_leaf("minOccurs='2'")), "max_occurs: must not be less than min_occurs"),
        (_wrap(_leaf("minOccurs='0' maxOccurs='0'")), "max_occurs: must be at least 1"),
        (
            _wrap(SEQ.format("<xs:element name='1A' type='xs:string'/>")),
            "name: must be an XML name",
        ),
        (
            _wrap(
                SEQ.format("<xs:element name='A' type='xs:string'><xs:simpleType/></xs:element>")
            ),
            "element A has more than one type",
        ),
        (_wrap(ROOT.format("<xs:simpleType/>")), "without xs:restriction"),
        (_wrap(SEQ.format("<xs:element type='xs:string'/>")), "xs:element without a name"),
        (_wrap(_restriction("<xs:enumeration/>")), "xs:enumeration without a value"),
        (
            _wrap(_restriction("<xs:enumeration value='0'/>", "xs:positiveInteger")),
            "enumeration value is not a valid xs:positiveInteger",
        ),
        (
            _wrap(_restriction("", "t") + "<xs:complexType name='t'/>"),
            "base t is not a simple type",
        ),
    ],
)
def test_schema_errors(document, reason):
    with pytest.raises(InvalidInputError) as info:
        CensusSchema.load(document.encode())
    assert info.value.field == "schema"
    assert reason in info.value.reason


def test_restrictions_of_restrictions_and_other_prefixes():
    schema = CensusSchema.load(
        b"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" version="1">
  <xsd:annotation><xsd:documentation>Any <b>markup</b> here is ignored.</xsd:documentation>
  </xsd:annotation>
  <xsd:element name="R">
    <xsd:complexType><xsd:sequence>
      <xsd:element name="A" type="narrow" maxOccurs="unbounded"/>
      <xsd:element name="N" minOccurs="0"><xsd:simpleType>
        <xsd:restriction base="xsd:integer"><xsd:enumeration value=" +07 "/></xsd:restriction>
      </xsd:simpleType></xsd:element>
    </xsd:sequence></xsd:complexType>
  </xsd:element>
  <xsd:simpleType name="narrow">
    <xsd:restriction base="wide">
      <xsd:enumeration value="AB"/><xsd:enumeration value="XY"/>
      <xsd:pattern value="A."/><xsd:minLength value="1"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="wide">
    <xsd:restriction base="xsd:string">
      <xsd:enumeration value="AB"/><xsd:enumeration value="CD"/><xsd:enumeration value="XY"/>
      <xsd:pattern value=".."/><xsd:minLength value="2"/>
    </xsd:restriction>
  </xsd:simpleType>
</xsd:schema>"""
    )
    kind = _find(schema.element("R").type, "A").type  # type: ignore[arg-type]
    assert kind == SimpleType(
        name="narrow",
        base=BuiltinType.STRING,
        enumeration=frozenset({"AB", "XY"}),
        patterns=(("..",), ("A.",)),
        min_length=2,
    )
    found = validate_census(b"<R><A>AB</A><A>XY</A><A>CD</A><N>7</N></R>", schema)
    assert [(p.path, p.reason) for p in found] == [
        ("R/A[2]", "A does not match the pattern A."),
        ("R/A[3]", "A is not one of the values AB, XY"),
    ]


def test_schema_with_a_default_namespace_for_xsd():
    schema = CensusSchema.load(
        b'<schema xmlns="http://www.w3.org/2001/XMLSchema"><element name="R" type="date"/></schema>'
    )
    assert schema.element("R").type == SimpleType(base=BuiltinType.DATE)


# --------------------------------------------------------------------------- the models


def test_model_validation():
    leaf = SimpleType(base=BuiltinType.STRING)
    with pytest.raises(InvalidInputError, match="type"):
        ElementDeclaration(name="A", type="xs:string")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="name"):
        ElementDeclaration(name="a:b", type=leaf)
    with pytest.raises(InvalidInputError, match="max_occurs"):
        ElementDeclaration(name="A", type=leaf, min_occurs=3, max_occurs=2)
    with pytest.raises(InvalidInputError, match="enumeration"):
        SimpleType(base=BuiltinType.STRING, enumeration=frozenset({1}))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="enumeration"):
        SimpleType(base=BuiltinType.INTEGER, enumeration=frozenset({"07"}))
    with pytest.raises(InvalidInputError, match="patterns"):
        SimpleType(base=BuiltinType.STRING, patterns=("a",))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="patterns"):
        SimpleType(base=BuiltinType.STRING, patterns=((),))
    with pytest.raises(InvalidInputError, match="min_length"):
        SimpleType(base=BuiltinType.STRING, min_length=-1)
    with pytest.raises(InvalidInputError, match="elements"):
        CensusSchema(elements=())
    declaration = ElementDeclaration(name="A", type=leaf)
    with pytest.raises(InvalidInputError, match="twice"):
        CensusSchema(elements=(declaration, declaration))
    schema = CensusSchema(elements=(declaration,))
    with pytest.raises(InvalidInputError, match="name"):
        schema.element("B")
    assert ComplexType(name=None, sequence=()).label == "an anonymous type"
    assert from_json(to_json(schema), CensusSchema) == schema


# --------------------------------------------------------------------------- safety, streaming

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
"""
CENSUS_BOMB = (
    BOMB
    + b"<Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID></ChildIdentifiers></Child></Children></Message>"
)
SCHEMA_BOMB = (
    BOMB + f"<xs:schema {XS}><xs:element name='&lol9;' type='xs:string'/></xs:schema>".encode()
)
EXTERNAL = b'<?xml version="1.0"?>\n<!DOCTYPE M [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
CENSUS_EXTERNAL = EXTERNAL + b"<Message><Children>&xxe;</Children></Message>"
SCHEMA_EXTERNAL = EXTERNAL + f"<xs:schema {XS}>&xxe;</xs:schema>".encode()
UNPARSED = b'<!DOCTYPE M [<!NOTATION n SYSTEM "x"><!ENTITY u SYSTEM "y" NDATA n>]>'


@pytest.mark.parametrize("document", [CENSUS_BOMB, CENSUS_EXTERNAL, UNPARSED + b"<Message/>"])
def test_entity_declarations_in_the_census_are_refused(document):
    tracemalloc.start()
    with pytest.raises(UnsafeXMLError, match="entity declaration"):
        validate_census(document, _LOADED[2023])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5_000_000  # nothing was expanded


@pytest.mark.parametrize(
    "document", [SCHEMA_BOMB, SCHEMA_EXTERNAL, UNPARSED + f"<xs:schema {XS}/>".encode()]
)
def test_entity_declarations_in_the_schema_are_refused(document):
    with pytest.raises(UnsafeXMLError, match="entity declaration"):
        CensusSchema.load(document)


def test_external_dtd_is_not_fetched_and_entities_stay_undefined():
    dtd = b'<!DOCTYPE Message SYSTEM "file:///etc/passwd">\n'
    assert validate_census(dtd + _doc(), _LOADED[2023]) == []
    with pytest.raises(MalformedCensusError, match="undefined entity"):
        validate_census(b"<Message>&nope;</Message>", _LOADED[2023])
    with pytest.raises(MalformedCensusError) as info:
        validate_census(b"<Message>\n<Children>\n</Message>", _LOADED[2023])
    assert info.value.line == 3


def test_large_file_object_is_streamed_with_bounded_memory():
    child = f"<Child>{CHILD}</Child>\n".encode()
    body = b"<Message><Children>\n" + child * 20_000 + b"</Children></Message>"
    assert len(body) > 5_000_000
    tracemalloc.start()
    problems = validate_census(io.BytesIO(body), _LOADED[2023])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems == []
    assert peak < 2_000_000  # a few 64 KiB chunks, not the file


def test_problems_are_problems():
    (problem,) = validate_census(_doc(IDS + CHARS), _LOADED[2023])
    assert isinstance(problem, Problem)
    assert problem.personal_data() == {"child_identifier": "C1"}
