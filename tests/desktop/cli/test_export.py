"""``infra-atlas export``: the command-line contract for figures and region reports."""

import pytest
from PIL import Image

from desktop.cli.main import main
from tests.desktop.cli.conftest import error_line


def test_png_figure_with_dpi_and_page(tmp_path, capsys):
    out = tmp_path / "shanxi.png"
    code = main(["export", "--province", "shanxi", "--metric", "role", "--out", str(out)])
    assert code == 0
    assert f"wrote {out}" in capsys.readouterr().out
    with Image.open(out) as image:
        assert image.size == (3508, 2480)
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_a3_portrait_at_100_dpi(tmp_path):
    out = tmp_path / "zj.png"
    args = ["export", "--province", "330000", "--metric", "corridor_km", "--out", str(out)]
    assert main([*args, "--dpi", "100", "--page", "A3", "--orientation", "portrait"]) == 0
    with Image.open(out) as image:
        assert image.size == (1169, 1654)  # 297 x 420 mm at 100 dpi
        assert image.info["dpi"] == pytest.approx((100, 100), abs=0.01)


def test_svg_and_pdf_figures_are_vector(tmp_path):
    svg, pdf = tmp_path / "zj.svg", tmp_path / "zj.pdf"
    assert main(["export", "--province", "zhejiang", "--out", str(svg)]) == 0
    assert main(["export", "--province", "zhejiang", "--out", str(pdf)]) == 0
    assert "<path" in svg.read_text(encoding="utf-8")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/Subtype /Image" not in data


def test_region_with_pdf_writes_the_region_report(tmp_path, capsys):
    out = tmp_path / "taiyuan.pdf"
    assert main(["export", "--province", "shanxi", "--region", "140100", "--out", str(out)]) == 0
    assert "region report of 140100" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page ") >= 1  # as many as it needs
    assert b"/MediaBox [ 0 0 595.2755905512 841.8897637795 ]" in data  # A4 portrait


def test_region_with_png_outlines_it_on_the_province_figure(tmp_path):
    out = tmp_path / "taiyuan.png"
    args = ["export", "--province", "shanxi", "--region", "140100", "--dpi", "72"]
    assert main([*args, "--out", str(out)]) == 0
    with Image.open(out) as image:
        rgb = image.convert("RGB")
        assert (0xE3, 0x1A, 0x1C) in {c for _, c in rgb.getcolors(1_000_000)}  # the outline


def test_existing_file_is_kept_without_force(tmp_path, capsys):
    out = tmp_path / "map.png"
    out.write_bytes(b"keep me")
    assert main(["export", "--province", "shanxi", "--out", str(out)]) == 2
    line = error_line(capsys)
    assert str(out) in line and line.endswith("add --force to overwrite it")
    assert out.read_bytes() == b"keep me"
    args = ["export", "--province", "shanxi", "--out", str(out), "--force", "--dpi", "50"]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--metric", "nope"], "use one of role, plan_items"),
        (["--metric", "corridor_km"], "use one of role, plan_items"),
        (["--dpi", "abc"], "--dpi 'abc' is not usable: give a whole number from 50 to 1200"),
        (["--dpi", "5000"], "from 50 to 1200"),
        (["--page", "A5"], "invalid choice: 'A5'"),
        (["--orientation", "up"], "invalid choice: 'up'"),
        (["--region", "abc"], "is not an adcode"),
        (["--region", "330100"], "is not a city or county of province 140000"),
    ],
)
def test_bad_input_exits_2_with_one_error_line(tmp_path, capsys, args, expected):
    out = tmp_path / "map.png"
    assert main(["export", "--province", "shanxi", "--out", str(out), *args]) == 2
    assert expected in error_line(capsys)
    assert not out.exists()


def test_bad_metric_for_a_region_report_lists_the_metrics(tmp_path, capsys):
    out = tmp_path / "r.pdf"
    args = ["export", "--province", "zhejiang", "--region", "330100", "--metric", "role"]
    assert main([*args, "--out", str(out)]) == 2
    assert "use one of plan_items, corridor_km" in error_line(capsys)


@pytest.mark.parametrize(
    ("out", "expected"),
    [("map.jpg", "must end in .png, .svg, .pdf"), ("missing/map.png", "does not exist")],
)
def test_bad_output_path(tmp_path, capsys, out, expected):
    assert main(["export", "--province", "shanxi", "--out", str(tmp_path / out)]) == 2
    assert expected in error_line(capsys)


def test_unknown_province_and_missing_arguments(tmp_path, capsys):
    assert main(["export", "--province", "atlantis", "--out", str(tmp_path / "a.png")]) == 2
    assert "unknown province" in error_line(capsys)
    assert main(["export", "--province", "shanxi"]) == 2
    assert "--out" in error_line(capsys)
