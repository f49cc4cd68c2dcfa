"""Progress in print: figures coloured by the share of a target, and the region report section."""

import dataclasses
import datetime as dt

import pytest
from matplotlib.colors import to_hex
from matplotlib.legend import Legend
from matplotlib.patches import PathPatch
from matplotlib.text import Text

from geodata.drawing import MapOptions
from geodata.errors import InputError
from geodata.plan.classify import NO_DATA
from geodata.plan.observations import Observation
from geodata.printing.figure import build_figure, figure_metric
from geodata.printing.report import build_region_report, save_report
from tests.pdfmeasure import page_text as pdf_page_text
from tests.pdfmeasure import printed_chars

SHANXI = "140000"


def figure(oid, region, value, date, target, role="observed", quote=""):
    return Observation(
        oid, SHANXI, region, "5G base stations built", value, "base stations", date,
        target=target, role=role, source="plan-7", quote=quote or f"{region}: {value}",
    )  # fmt: skip


@pytest.fixture(scope="module")
def family(all_targets):
    sx04 = next(t for t in all_targets if t.id == "SX-04")
    city = dataclasses.replace(sx04, scope="cities", source="plan-9")
    return [
        dataclasses.replace(city, id="TY-01", regions=("140100",), value=30000.0),
        dataclasses.replace(city, id="DT-01", regions=("140200",), value=12000.0),
    ]


@pytest.fixture(scope="module")
def figures():
    return [
        figure("o1", SHANXI, 93307, "2023-11-30", "SX-04", quote="全省累计建成5G基站93307个"),
        figure("o2", "140100", 31000, "2023-11-30", "TY-01", quote="Taiyuan spent US$ 5 and $3"),
        figure("o3", "140200", 7000, "2023-06-30", "DT-01"),
    ]


def draw(data, targets, figures, metric, language="zh", orientation="landscape"):
    drawing = data.drawing(SHANXI, "city") | {"targets": targets, "observations": figures}
    options = MapOptions(metric=metric, language=language)
    return build_figure(**drawing, options=options, orientation=orientation)


def legend_texts(fig) -> list[str]:
    return [t.get_text() for leg in fig.axes[1].findobj(Legend) for t in leg.get_texts()]


def fills(fig) -> dict[str, str]:
    patches = fig.axes[0].findobj(PathPatch)
    return {
        p.get_gid()[7:]: to_hex(p.get_facecolor())
        for p in patches
        if (p.get_gid() or "").startswith("region-")
    }


def page_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text))


def test_province_wide_target_figure_gives_the_share_in_the_subtitle(data, all_targets, figures):
    fig = draw(data, all_targets, figures, "progress:SX-04")
    assert fig.atlas["metric"].id == "progress:SX-04"
    assert set(fills(fig).values()) == {NO_DATA}  # no city has a figure of its own
    labels = legend_texts(fig)
    assert "数据截至 2023-11-30" in labels and "各区域无单独数据，地图不着色" in labels
    assert labels[:4] == ["低于 50%", "50% – 80%", "80% – 100%", "100% 及以上"]
    text = page_text(fig)
    assert "全省目标：山西省完成 77.8%" in text  # the subtitle, before the plan


def test_family_figure_colours_each_city_by_its_own_target(data, all_targets, family, figures):
    fig = draw(data, all_targets + family, figures, "progress:DT-01", "en", "portrait")
    assert fig.atlas["metric"].id == "progress:TY-01"
    colours = fills(fig)
    assert colours["140100"] == "#1a9850" and colours["140200"] == "#fc8d59"
    assert colours["140300"] == NO_DATA
    assert "data from 2023-06-30 to 2023-11-30" in legend_texts(fig)
    status = draw(data, all_targets + family, figures, "status:TY-01", "en")
    assert fills(status)["140100"] == "#1a9850"  # achieved
    assert "achieved" in legend_texts(status)


def test_unknown_progress_metric_lists_the_ones_there_are(data, all_targets, figures):
    layer = data.layer(SHANXI, "city")
    with pytest.raises(InputError, match=r"progress:SX-04, status:SX-04"):
        figure_metric(layer, all_targets, [], "progress:SX-99", figures)
    with pytest.raises(InputError, match=r"use one of role, plan_items$"):
        figure_metric(layer, all_targets, [], "progress:SX-04")  # no figures, no metric


def test_region_report_progress_section(data, all_targets, family, figures, tmp_path):
    details = data.details("140100", SHANXI, "city")
    details = dataclasses.replace(details, scoped=[*details.scoped, family[0]])
    layer = data.layer(SHANXI, "city")
    report = build_region_report(details, layer, "en", dt.date(2024, 1, 2), observations=figures)
    lines = report.layout.lines
    assert lines[0] == "Progress (2)"
    assert lines[1] == (
        "TY-01  5G base stations built: 31,000 base stations (2023-11-30) · 103.3% of target"
        " · achieved"
    )
    assert "Target 30,000 base stations by 2025-12-31, no baseline" in lines[2]
    assert lines[3] == "Latest figure: Taiyuan spent US$ 5 and $3 [o2]"
    assert "77.8% of target · not enough data" in lines[4]
    assert lines[5].startswith("Province-wide (Shanxi), Target 120,000 base stations")
    assert [p.target for p in report.layout.progress] == ["TY-01", "SX-04"]
    drawn = "\n".join(page_text(fig) for fig in report.pages)
    assert r"Taiyuan spent US\$ 5 and \$3" in drawn  # a dollar from a file is not math
    # the Progress section comes before the targets tables, on page one
    assert lines.index("Progress (2)") < lines.index("Targets for Taiyuan (2)")
    path = save_report(report, tmp_path / "taiyuan.pdf")
    first = " ".join(pdf_page_text(path)[0].split())
    assert "Progress (2)" in first and "US$ 5 and $3" in first
    assert min(c.size for c in printed_chars(path)) >= 7
    zh = build_region_report(details, layer, "zh", dt.date(2024, 1, 2), observations=figures)
    assert zh.layout.lines[0] == "目标进度（2）"
    assert "完成 77.8% · 数据不足" in zh.layout.lines[4]
    assert zh.layout.lines[5].startswith("全省（山西省），目标 120,000 base stations（2025-12-31）")
    assert "最新数据来源：全省累计建成5G基站93307个 [o1]" in zh.layout.lines


def test_region_report_names_a_figures_document_not_its_key(data, family):
    details = data.details("140100", SHANXI, "city")
    details = dataclasses.replace(details, scoped=[*details.scoped, family[0]])
    bare = Observation(
        "o4", SHANXI, "140100", "5G base stations built", 32000, "base stations", "2023-12-31",
        target="TY-01", source="001_5ce3427f836d9482.txt",
    )  # fmt: skip
    layer = data.layer(SHANXI, "city")
    report = build_region_report(details, layer, "en", dt.date(2024, 1, 2), observations=[bare])
    line = next(x for x in report.layout.lines if x.startswith("Latest figure"))
    assert line.startswith("Latest figure: Shanxi releases infrastructure blueprint for 2021-25 (")
    assert "5ce3427f" not in line and line.endswith("[o4]")


def test_region_report_without_figures(data, figures):
    details = data.details("140200", SHANXI, "city")
    layer = data.layer(SHANXI, "city")
    plain = build_region_report(details, layer, "en")
    assert plain.layout.progress == [] and not plain.layout.lines[0].startswith("Progress")
    other = [figure("o9", "140400", 10, "2023-11-30", "")]  # linked to no target of Datong
    report = build_region_report(details, layer, "en", observations=other)
    assert report.layout.lines[:2] == [
        "Progress (0)",
        "(no achieved figures yet: import or type them to follow the targets)",
    ]
