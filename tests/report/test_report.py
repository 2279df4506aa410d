import io
import json
from pathlib import Path

import pytest

from safeguarding.cli import main
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.definitions import Count, Period, Tally
from safeguarding.io.cin_census import CensusHeader, read_census, write_census
from safeguarding.report import (
    PackPart,
    build_pack,
    format_csv,
    format_json,
    format_table,
    read_part,
)

PEER = Path(__file__).resolve().parents[1] / "data" / "peer" / "cin-validator"
SAMPLE_2024 = PEER / "CIN_Census_2024.xml"
FAKE = PEER / "fake_CIN_data.xml"
YEAR = Period.financial_year(2023)


def split_files(source: Path, parts: int) -> list[bytes]:
    """Write the children of *source* into *parts* files, round robin."""
    reading = read_census(source)
    children = list(reading.children())
    header = reading.header or CensusHeader()
    files = []
    for index in range(parts):
        out = io.BytesIO()
        write_census(children[index::parts], out, header=header)
        files.append(out.getvalue())
    whole = io.BytesIO()
    write_census(children, whole, header=header)
    return [whole.getvalue(), *files]


def test_pack_of_split_files_equals_pack_of_one_file(tmp_path):
    whole, *parts = split_files(FAKE, 4)
    one = build_pack([whole], period=YEAR, population=60_000)
    merged = build_pack(parts, period=YEAR, population=60_000)
    assert merged == one
    paths = []
    for index, data in enumerate(parts):
        path = tmp_path / f"part{index}.xml"
        path.write_bytes(data)
        paths.append(path)
    assert build_pack(paths, period=YEAR, population=60_000, jobs=2) == one
    assert one.part.children == read_part(FAKE, period=YEAR).children


def test_pack_counts_and_formats():
    pack = build_pack([SAMPLE_2024, FAKE], period=YEAR, population=60_000)
    assert pack.part.children == sum(
        read_part(p, period=YEAR).children for p in (SAMPLE_2024, FAKE)
    )
    assert pack.values[0].key == "dfe.referrals_rate"
    table = format_table(pack)
    assert "Children in need indicator pack, 2023-24" in table
    assert "Data quality" in table
    data = json.loads(format_json(pack))
    assert data["population"] == 60_000
    assert len(data["measures"]) == 10
    assert format_csv(pack).startswith("key,title,period")
    assert pack.errors == pack.part.problems.get("error", 0)


def test_population_only_once():
    pack = build_pack([SAMPLE_2024, SAMPLE_2024], period=YEAR, population=1_000)
    rate = next(v for v in pack.values if v.key == "dfe.cin_rate")
    assert rate.denominator == 1_000
    no_population = build_pack([SAMPLE_2024], period=YEAR)
    assert next(v for v in no_population.values if v.key == "dfe.cin_rate").value is None


def test_pack_part_addition():
    a = PackPart(
        tally=Tally(counts={"x.y": Count(numerator=1)}), steps={"s|on time": 2}, children=1
    )
    b = PackPart(steps={"s|on time": 1, "s|late": 1}, problems={"error": 1}, episodes=3)
    total = a + b
    assert total.steps == {"s|late": 1, "s|on time": 3}
    assert total.problems == {"error": 1}
    assert (total.children, total.episodes) == (1, 3)
    assert a + PackPart() == a
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]
    with pytest.raises(InvalidInputError, match="counts"):
        PackPart(steps=[1])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"sources": []}, "sources"), ({"population": -1}, "population"), ({"jobs": 0}, "jobs")],
)
def test_bad_input(kwargs, field):
    arguments = {"sources": [SAMPLE_2024], "period": YEAR, **kwargs}
    with pytest.raises(InvalidInputError) as info:
        build_pack(**arguments)
    assert info.value.field == field


def test_cli_report_exit_codes(capsys):
    # CIN_Census_2024.xml has real data problems (a Sex code of 1, an unknown factor): exit 1.
    assert main(["report", str(SAMPLE_2024), "--population", "60000", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["period"] == "2023-24"
    clean = build_clean_file()
    assert main(["report", str(clean), "--year", "2023"]) == 0
    assert "indicator pack" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["report", str(SAMPLE_2024), "--population", "many"])
    assert info.value.code == 2


def build_clean_file() -> Path:
    import datetime as dt
    import tempfile

    from safeguarding.cases import ChildRecord, Episode
    from safeguarding.people import Child

    record = ChildRecord(
        child=Child(identifier="C1", date_of_birth=dt.date(2015, 5, 1)),
        episodes=(Episode(referral_date=dt.date(2023, 6, 1)),),
    )
    handle = tempfile.NamedTemporaryFile(suffix=".xml", delete=False)  # noqa: SIM115
    write_census([record], handle, header=CensusHeader())
    handle.close()
    return Path(handle.name)


def test_cli_report_needs_a_year_without_header(capsys):
    path = build_clean_file()
    assert main(["report", str(path)]) == 2
    assert "--year" in capsys.readouterr().err


def test_cli_report_without_files(capsys):
    assert main(["report"]) == 2
    assert "census files" in capsys.readouterr().err
