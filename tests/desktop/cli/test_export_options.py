"""``infra-atlas export``: the default metric, --lang, national figures and --level."""

import pytest

from desktop.cli.main import main
from geodata.i18n import tr
from tests.desktop.cli.conftest import error_line
from tests.pdfmeasure import page_text


def pdf_text(path) -> str:
    return " ".join(page_text(path)).replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("province", "metric"),
    [("shanxi", "role"), ("zhejiang", "corridor_km"), ("henan", "plan_items")],
)
def test_without_metric_the_figure_shows_the_provinces_own_layer(tmp_path, province, metric):
    out = tmp_path / f"{province}.pdf"
    assert main(["export", "--province", province, "--out", str(out)]) == 0
    title = pdf_text(out)
    assert f"：{tr(f'metric.{metric}', 'zh')} · {tr('level.city', 'zh')}" in title


def test_help_says_what_the_default_metric_is(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "default: the province's own layer, role where it has city roles or corridor_km" in (
        help_text
    )
    assert "--from FIGURES.csv" in help_text and "--lang {zh,en}" in help_text


def test_lang_en_writes_an_english_figure(tmp_path):
    out = tmp_path / "shanxi-en.pdf"
    assert main(["export", "--province", "shanxi", "--lang", "en", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "Shanxi: Role in the urban layout · prefecture cities" in text
    assert "山西" not in text and "城镇布局角色" not in text


def test_lang_en_writes_an_english_region_report(tmp_path):
    out = tmp_path / "taiyuan-en.pdf"
    args = ["export", "--province", "shanxi", "--region", "140100", "--lang", "en"]
    assert main([*args, "--out", str(out)]) == 0
    assert "Taiyuan" in pdf_text(out)


def test_national_figure_with_approval_and_disclaimer(tmp_path, capsys):
    out = tmp_path / "china.pdf"
    args = ["export", "--province", "china", "--level", "province", "--out", str(out)]
    approval, disclaimer = "审图号：GS(2024)0650号", "For illustration only; costs $1 to $2."
    assert main([*args, "--approval", approval, "--disclaimer", disclaimer]) == 0
    assert capsys.readouterr().err == ""
    text = pdf_text(out)
    assert f"{tr('figure.china', 'zh')}：" in text and tr("level.province", "zh") in text
    assert approval in text and disclaimer in text


@pytest.mark.parametrize("name", ["全国", "national", "100000", "China"])
def test_other_names_of_china_and_region_is_refused(tmp_path, capsys, name):
    out = tmp_path / "china.png"
    assert main(["export", "--province", name, "--region", "140100", "--out", str(out)]) == 2
    assert "cannot be used with a national figure" in error_line(capsys)
    assert not out.exists()


def test_approval_on_a_province_figure_is_ignored_with_a_note(tmp_path, capsys):
    out = tmp_path / "shanxi.png"
    args = ["export", "--province", "shanxi", "--approval", "GS(2024)1号", "--dpi", "50"]
    assert main([*args, "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"wrote {out}" in captured.out
    assert captured.err.startswith("note: --approval is printed under a national figure only")
    assert out.exists()


def test_level_county_draws_a_provinces_counties(tmp_path):
    out = tmp_path / "shanxi-counties.pdf"
    args = ["export", "--province", "shanxi", "--level", "county", "--metric", "plan_items"]
    assert main([*args, "--out", str(out)]) == 0
    text = pdf_text(out)
    assert f"{tr('metric.plan_items', 'zh')} · {tr('level.county', 'zh')}" in text


def test_level_province_for_a_province_is_refused(tmp_path, capsys):
    out = tmp_path / "x.png"
    args = ["export", "--province", "shanxi", "--level", "province", "--out", str(out)]
    assert main(args) == 2
    assert "--level province draws China's provinces: give --province china" in error_line(capsys)
