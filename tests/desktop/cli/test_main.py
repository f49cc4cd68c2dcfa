"""The command-line contract: keys, exit codes, one error line and no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("infra-atlas"))
TARGET_KEYS = {
    "id",
    "province",
    "scope",
    "regions",
    "category",
    "metric",
    "value",
    "unit",
    "year",
    "status",
    "source",
    "quote",
}
JOIN_KEYS = {
    "province",
    "level",
    "regions",
    "matched",
    "unmatched_targets",
    "unmatched_regions",
    "ambiguous",
}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)


def test_targets_json():
    result = run("targets", "--province", "zhejiang", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["targets"]
    for t in data["targets"]:
        assert TARGET_KEYS <= set(t)
        assert t["province"] == "330000"
        assert isinstance(t["regions"], list)


def test_targets_of_a_region_include_province_wide_ones():
    data = json.loads(run("targets", "--region", "330100", "--json").stdout)
    ids = {t["id"] for t in data["targets"]}
    assert {"ZJ-05", "ZJ-06", "ZJ-07", "ZJ-08", "ZJ-01"} <= ids
    assert not any(i.startswith("SX") for i in ids)


@pytest.mark.parametrize("province", ["shanxi", "zhejiang"])
def test_join_json(province):
    result = run("join", "--province", province, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert JOIN_KEYS <= set(data)
    assert data["regions"] == 11 and data["level"] == "city"
    assert data["unmatched_targets"] == [] and data["ambiguous"] == []
    for m in data["matched"]:
        assert {"target", "region", "name"} <= set(m)


def test_join_text_output():
    result = run("join", "--province", "zhejiang")
    assert result.returncode == 0
    assert "11 city regions" in result.stdout and "unmatched targets: 0" in result.stdout
    assert "hangzhou-shaoxing-ningbo crosses 330100" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("join", "--province", "atlantis"), "unknown province"),
        (("join",), "needs --province"),
        (("join", "--boundaries", "/nonexistent/file.shp"), "does not exist"),
        (("targets", "--region", "12ab"), "not an adcode"),
        (("frobnicate",), "invalid choice"),
        (("join", "--province"), "expected one argument"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_non_polygon_boundary_file_is_refused(tmp_path):
    path = tmp_path / "points.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "太原"},
                        "geometry": {"type": "Point", "coordinates": [112.5, 37.8]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run("join", "--boundaries", str(path))
    assert result.returncode == 2
    assert "needs polygons" in result.stderr and "Traceback" not in result.stderr


def test_province_help_names_the_provinces_of_the_seed_manifest():
    from geodata.plan.provinces import featured, profile

    result = run("targets", "--help")
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    for code in featured():
        assert f"{profile(code).slug} ({code})" in help_text


def test_province_help_follows_a_new_province_in_the_manifest(monkeypatch):
    from desktop.cli.common import province_examples, province_help
    from geodata.plan import provinces

    known = provinces.profiles()
    guangdong = provinces.ProvinceProfile(code="440000", slug="guangdong")
    monkeypatch.setattr(provinces, "profiles", lambda: {**known, "440000": guangdong})
    assert province_help().endswith(" or guangdong (440000)")
    assert province_examples().endswith(" or guangdong")


def test_python_dash_m_runs_the_same_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "targets", "--region", "12ab"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: --region '12ab' is not an adcode")


def test_opening_the_app_parses_with_the_gui_parser_alone():
    code = (
        "import sys; from desktop.cli.main import _parse; "
        "a = _parse(['gui', '--province', 'zhejiang', '--screenshot', 'x.png']); "
        "b = _parse([]); "
        "print(a.command, a.province, a.screenshot, b.command, b.province, "
        "'desktop.cli.export' in sys.modules, 'geodata.plan.provinces' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    # neither the other commands nor the plans' manifest (the help's examples) were read
    assert result.stdout.split() == ["gui", "zhejiang", "x.png", "gui", "None", "False", "False"]
    help_text = " ".join(run("gui", "--help").stdout.split())
    assert "any of the 34), e.g. 安徽, anhui, shanxi (140000) or zhejiang (330000)" in help_text


def test_a_wrong_gui_argument_is_said_as_by_the_whole_parser(capsys):
    from desktop.cli.common import UsageError
    from desktop.cli.main import _parse, build_parser, main

    with pytest.raises(UsageError) as whole:
        build_parser().parse_args(["gui", "--bogus"])
    with pytest.raises(UsageError) as fast:
        _parse(["gui", "--bogus"])
    assert str(fast.value) == str(whole.value)
    assert main(["gui", "--bogus"]) == 2
    assert capsys.readouterr().err == f"error: {whole.value}\n"
    assert _parse(["targets", "--province", "shanxi"]).command == "targets"
