import io
import json
from pathlib import Path

import pytest

from safeguarding.cli import ProgressBar, main
from safeguarding.errors import InvalidInputError
from safeguarding.indicators.catalogue import target
from safeguarding.indicators.definitions import Count, Period, Tally
from safeguarding.io.cin_census import CensusHeader, read_census, write_census
from safeguarding.report import (
    SAMPLE_POPULATION,
    SAMPLE_TARGETS,
    SAMPLE_YEAR,
    Pack,
    PackPart,
    build_pack,
    draw_charts,
    format_csv,
    format_json,
    format_table,
    iter_parts,
    judge,
    read_part,
    sample_census,
)
from safeguarding.synthetic import synthetic_census

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


def test_cli_report_without_files_reports_on_the_embedded_sample(capsys):
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Embedded sample: a synthetic census of 2,400 children")
    assert "Children read: 2,400" in out
    assert "population under 18: 73,500" in out
    # Lewisham's targets are rated: 40 plans per 10,000 and 9% second or later plans.
    plans = next(line for line in out.splitlines() if line.startswith("Children subject to"))
    assert plans.split()[-2:] in (["40", "green"], ["40", "red"])


# --------------------------------------------------------------------------- merged packs


def synthetic_split(tmp_path: Path, parts: int) -> tuple[Path, list[Path]]:
    """A rich synthetic census in one file and the same children in *parts* files."""
    data = synthetic_census(600, seed=21, year=2023)
    reading = read_census(data)
    children = list(reading.children())
    header = reading.header or CensusHeader()
    whole = tmp_path / "whole.xml"
    whole.write_bytes(data)
    paths = []
    for index in range(parts):
        path = tmp_path / f"part{index}.xml"
        write_census(children[index::parts], path, header=header)
        paths.append(path)
    return whole, paths


def test_merged_pack_of_four_files_equals_the_pack_of_one(tmp_path):
    whole, paths = synthetic_split(tmp_path, 4)
    one = build_pack([whole], period=YEAR, population=20_000)
    assert one.part.episodes > 600
    assert one.part.steps  # the journeys were checked
    assert build_pack(paths, period=YEAR, population=20_000) == one
    assert build_pack(paths, period=YEAR, population=20_000, jobs=2) == one


def test_cli_merged_pack_serial_and_parallel(tmp_path, capsys):
    whole, paths = synthetic_split(tmp_path, 4)
    outputs = []
    for argv in (
        [str(whole)],
        [str(p) for p in paths],
        [*(str(p) for p in paths), "--jobs", "2"],
    ):
        assert main(["report", *argv, "--population", "20000", "--format", "json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1] == outputs[2]


def test_default_jobs_use_every_cpu_for_large_files(tmp_path, monkeypatch):
    import os

    from safeguarding import report

    whole, _ = synthetic_split(tmp_path, 1)
    assert report.default_jobs([whole]) == 1  # small: one process
    monkeypatch.setattr(report, "_SPLIT_FROM", 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2}, raising=False)
    assert report.default_jobs([whole]) == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert report.default_jobs([whole]) == 1
    # The command uses it when --jobs is not given, and the pack is the same.
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert main(["report", str(whole), "--population", "20000", "--format", "json"]) == 0


def test_more_processes_than_cpus_are_refused(tmp_path, monkeypatch, capsys):
    import os

    from safeguarding import report
    from safeguarding.errors import InvalidInputError

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert report.usable_cpus() == 2
    whole, _ = synthetic_split(tmp_path, 1)
    year = Period.financial_year(2023)
    with pytest.raises(InvalidInputError) as caught:
        build_pack([whole], period=year, population=20_000, jobs=100_000)
    assert caught.value.field == "jobs"
    assert "at most 2" in str(caught.value)
    # The command says so and starts no process.
    assert main(["report", str(whole), "--population", "20000", "--jobs", "100000"]) != 0
    assert "at most 2" in capsys.readouterr().err


def _recorder(seen: list[tuple[int, int]]):
    def record(done: int, total: int) -> None:
        seen.append((done, total))

    return record


def test_progress_is_reported_serially_and_in_parallel(tmp_path):
    _, paths = synthetic_split(tmp_path, 2)
    total = sum(p.stat().st_size for p in paths)
    for jobs in (1, 2):
        seen: list[tuple[int, int]] = []
        parts = list(iter_parts(paths, period=YEAR, jobs=jobs, progress=_recorder(seen)))
        assert len(parts) == 2
        assert seen[-1] == (total, total)
        assert all(t == total for _, t in seen)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # bytes sources count after each file.
    seen = []
    list(iter_parts([b"<Message/>"], period=YEAR, progress=_recorder(seen)))
    assert seen == [(10, 10)]


def test_pack_from_part_checks_its_input():
    with pytest.raises(InvalidInputError, match="part"):
        Pack.from_part(1, period=YEAR)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="population"):
        Pack.from_part(PackPart(), period=YEAR, population=-1)


# --------------------------------------------------------------------------- comparisons


def test_judge_compares_with_benchmarks_and_targets():
    pack = build_pack(
        [sample_census()], period=Period.financial_year(SAMPLE_YEAR), population=SAMPLE_POPULATION
    )
    values = {v.key: v for v in pack.values}
    assessments = values["dfe.assessments_within_45_days"]
    assert assessments.interval is not None
    above = assessments.interval.upper + 5
    rows = {
        row["key"]: row
        for row in judge(
            pack,
            benchmarks={"dfe.assessments_within_45_days": above, "dfe.cin_rate": 1.0},
            targets={
                "dfe.assessments_within_45_days": 10.0,
                "dfe.cin_rate": 100.0,
                **SAMPLE_TARGETS,
            },
        )
    }
    # High is good for timeliness: a benchmark above the whole interval makes the area worse.
    assert rows["dfe.assessments_within_45_days"]["compared"] == "worse"
    assert rows["dfe.assessments_within_45_days"]["rag"] == "green"
    # No judgement on the rate of children in need: higher, and no RAG from a bare number.
    assert rows["dfe.cin_rate"]["compared"] == "higher"
    assert rows["dfe.cin_rate"]["rag"] is None
    # The Lewisham target carries its own aim (reduce).
    plans = values["dfe.cp_plans_rate"].value
    assert plans is not None
    assert rows["dfe.cp_plans_rate"]["rag"] == ("green" if plans <= 40 else "red")
    assert rows["dfe.referrals_rate"]["compared"] is None
    table = format_table(pack, benchmarks={"dfe.assessments_within_45_days": above})
    assert "worse" in table
    assert json.loads(format_json(pack, targets=SAMPLE_TARGETS))["measures"][6]["target"] == 40.0
    assert "benchmark,compared,target,rag" in format_csv(pack)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"benchmarks": {"dfe.nope": 1.0}}, "benchmarks"),
        ({"benchmarks": [1]}, "benchmarks"),
        ({"benchmarks": {"dfe.cin_rate": "x"}}, "benchmarks"),
        ({"targets": {"dfe.nope": 1.0}}, "targets"),
        ({"targets": [1]}, "targets"),
        ({"targets": {"dfe.cin_rate": target("lewisham.cse_cases_managed")}}, "no target"),
    ],
)
def test_judge_refuses_bad_levels(kwargs, match):
    pack = build_pack([SAMPLE_2024], period=YEAR)
    with pytest.raises(InvalidInputError, match=match):
        judge(pack, **kwargs)


def test_cli_benchmarks_and_targets(capsys):
    args = ["report", "--format", "csv", "--benchmark", "assessments_within_45_days=99.9"]
    assert main([*args, "--target", "dfe.icpc_within_15_days=50"]) == 0
    out = capsys.readouterr().out
    row = next(
        line for line in out.splitlines() if line.startswith("dfe.assessments_within_45_days")
    )
    assert row.endswith("99.9,worse,,")
    assert main(["report", "--benchmark", "cin_rate"]) == 2
    assert "KEY=NUMBER" in capsys.readouterr().err
    assert main(["report", "--target", "cin_rate=lots"]) == 2
    assert main(["report", "--benchmark", "nope=1"]) == 2
    assert "not a DfE measure" in capsys.readouterr().err


def test_cli_usage_and_data_errors(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.xml")]) == 2
    assert "no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<Message><Children>")
    assert main(["report", str(broken), "--year", "2023"]) == 1
    assert "line" in capsys.readouterr().err
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(b'<!DOCTYPE m [<!ENTITY a "aaaa">]><Message>&a;</Message>')
    assert main(["report", str(bomb), "--year", "2023"]) == 1
    assert "entit" in capsys.readouterr().err
    assert main(["report", "--year", "1990"]) == 2


# --------------------------------------------------------------------------- charts and progress


def test_cli_chart_draws_the_funnel_and_the_trend(tmp_path, capsys):
    whole, paths = synthetic_split(tmp_path, 2)
    chart = tmp_path / "pack.png"
    assert main(["report", *(str(p) for p in paths), "--chart", str(chart)]) == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    trend = tmp_path / "pack-trend.png"
    assert trend.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "charts written" in capsys.readouterr().err
    funnel, drawn = draw_charts([whole.read_bytes()], tmp_path / "b.png", period=YEAR)
    assert funnel.exists()
    assert drawn.exists()


def test_draw_charts_checks_its_input(tmp_path):
    with pytest.raises(InvalidInputError, match="sources"):
        draw_charts([], tmp_path / "x.png", period=YEAR)
    with pytest.raises(InvalidInputError, match="labels"):
        draw_charts([SAMPLE_2024], tmp_path / "x.png", period=YEAR, labels=["a", "b"])
    # A file with no completed assessment still draws (an empty funnel).
    funnel, _ = draw_charts([FAKE], tmp_path / "x.png", period=YEAR, labels=["fake"])
    assert funnel.exists()


def test_cli_chart_without_matplotlib(monkeypatch, capsys, tmp_path):
    import safeguarding.report

    def missing(*_args, **_kwargs):
        raise ImportError("charts need matplotlib")

    monkeypatch.setattr(safeguarding.report, "draw_charts", missing)
    assert main(["report", "--chart", str(tmp_path / "c.png")]) == 2
    assert "matplotlib" in capsys.readouterr().err


def test_progress_bar_waits_then_draws():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(stream, delay=0.5, clock=lambda: now[0], width=10)
    bar(10, 100)
    assert stream.getvalue() == ""
    now[0] = 1.0
    bar(50, 100)
    assert "50.0%" in stream.getvalue()
    assert "#####" in stream.getvalue()
    now[0] = 1.05
    bar(60, 100)  # too soon to redraw
    assert "60.0%" not in stream.getvalue()
    bar(100, 100)  # the end is always drawn
    assert "100.0%" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    idle = ProgressBar(quiet)
    idle.close()
    assert quiet.getvalue() == ""
    now[0] = 5.0
    empty = ProgressBar(quiet, clock=lambda: now[0], delay=-1)
    empty(0, 0)
    assert "100.0%" in quiet.getvalue()


def test_cli_progress_flag():
    assert main(["report", "--progress", "--format", "json"]) == 0
    assert main(["report", "--no-progress", "--format", "json"]) == 0


def test_a_large_file_is_split_between_processes_with_the_same_pack(tmp_path, monkeypatch):
    from safeguarding import report

    whole, _ = synthetic_split(tmp_path, 1)
    one = build_pack([whole], period=YEAR, population=20_000)
    monkeypatch.setattr(report, "_SPLIT_FROM", 1)
    # Three processes need three usable CPUs (more are refused).
    monkeypatch.setattr(report, "usable_cpus", lambda: 3)
    pieces = report._segments(whole, 3)
    assert pieces is not None
    assert len(pieces) == 3
    assert sum(piece.size() for piece in pieces) < whole.stat().st_size
    seen: list[tuple[int, int]] = []
    merged = build_pack(
        [whole, whole], period=YEAR, population=20_000, jobs=3, progress=_recorder(seen)
    )
    doubled = build_pack([whole, whole], period=YEAR, population=20_000)
    assert merged == doubled
    assert merged.part.children == 2 * one.part.children
    assert len(seen) == 6


@pytest.mark.parametrize(
    "document",
    [
        b"<Message><Header/>" + b" " * 100 + b"</Message>",  # no <Children>
        b"<Message><Children><Child></Child>" + b" " * 100,  # no closing tags
    ],
)
def test_files_that_cannot_be_split_are_read_whole(tmp_path, monkeypatch, document):
    from safeguarding import report

    monkeypatch.setattr(report, "_SPLIT_FROM", 1)
    path = tmp_path / "odd.xml"
    path.write_bytes(document)
    assert report._segments(path, 2) is None
    assert report._segments(path, 1) is None


def test_an_unsafe_prolog_is_refused_by_every_piece(tmp_path, monkeypatch):
    from safeguarding import report
    from safeguarding.io.cin_census import UnsafeXMLError

    monkeypatch.setattr(report, "_SPLIT_FROM", 1)
    data = synthetic_census(50, seed=1)
    bomb = data.replace(b"<Message>", b'<!DOCTYPE m [<!ENTITY a "aa">]><Message>', 1)
    path = tmp_path / "bomb.xml"
    path.write_bytes(bomb)
    assert report._segments(path, 2) is not None
    with pytest.raises(UnsafeXMLError):
        build_pack([path], period=YEAR, jobs=2)


def test_cli_schema_check(tmp_path, capsys):
    schemas = Path(__file__).resolve().parents[1] / "data" / "peer" / "liiatools"
    good = tmp_path / "good.xml"
    good.write_bytes(synthetic_census(300, seed=9, year=2023))
    # The transcribed 2023 schema refuses NumberOfPreviousCPP = 0 (a quirk of that schema):
    # a generated file with first plans has such violations, reported and counted.
    from safeguarding.io.schema import CensusSchema, validate_census

    xsd = schemas / "CIN_schema_2023.xsd"
    expected = len(validate_census(good, CensusSchema.load(xsd)))
    assert expected > 0
    assert main(["report", str(good), "--schema", str(xsd)]) == 1
    assert f"schema CIN_schema_2023.xsd: {expected:,} violation(s)" in capsys.readouterr().err
    clean = tmp_path / "clean.xml"
    clean.write_bytes(synthetic_census(1, seed=9, year=2023))
    assert validate_census(clean, CensusSchema.load(xsd)) == []
    assert main(["report", str(clean), "--schema", str(xsd)]) == 0
    assert main(["report", str(good), "--schema", str(tmp_path / "none.xsd")]) == 2
    assert "--schema" in capsys.readouterr().err
    bad = tmp_path / "bad.xsd"
    bad.write_bytes(b"<nope/>")
    assert main(["report", str(good), "--schema", str(bad)]) == 2


@pytest.mark.parametrize("counts", [{1: 2}, {"a": -1}, {"a": "x"}, {"a": True}])
def test_pack_part_counts_are_whole_numbers_by_text_key(counts):
    with pytest.raises(InvalidInputError, match="counts"):
        PackPart(steps=counts)


def test_the_pieces_of_a_split_file_add_up_to_the_file(tmp_path, monkeypatch):
    from safeguarding import report
    from safeguarding.io.cin_census import UnsafeXMLError

    monkeypatch.setattr(report, "_SPLIT_FROM", 1)
    whole, _ = synthetic_split(tmp_path, 1)
    pieces = report._segments(whole, 3)
    assert pieces is not None
    merged = sum((report._read((piece, YEAR)) for piece in pieces), PackPart())
    assert merged == read_part(whole, period=YEAR)
    # Each piece reads as a whole document: the prolog, its children, the closing tags.
    stream = report._SegmentStream(pieces[1])
    with stream:
        data = b"".join(iter(lambda: stream.read(1000), b""))
    assert data.startswith(b'<?xml version="1.0"')
    assert data.endswith(b"</Children></Message>")
    assert stream.read() == b""
    # An unsafe prolog is refused by a piece read in this process too.
    bomb = tmp_path / "bomb.xml"
    bomb.write_bytes(
        whole.read_bytes().replace(b"<Message>", b'<!DOCTYPE m [<!ENTITY a "a">]><Message>', 1)
    )
    unsafe = report._segments(bomb, 2)
    assert unsafe is not None
    with pytest.raises(UnsafeXMLError):
        report._read((unsafe[0], YEAR))
