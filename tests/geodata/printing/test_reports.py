"""Region reports: pages, type sizes, the targets tables, quotes once, sources named, language."""

import dataclasses
import datetime as dt
import re
import warnings

import pytest
from matplotlib.text import Text

from geodata.errors import InputError
from geodata.printing.report import Report, build_region_report, save_report
from geodata.printing.report_flow import PAGE_H
from tests.pdfmeasure import page_count, page_text, printed_chars

DAY = dt.date(2026, 1, 2)
#: What a report never prints: a path, the seed folder, a hashed file name, a plan's store key.
UNPRINTABLE = re.compile(r"seeds/|[0-9a-f]{12,}|\.txt\b|plan-\d|/tmp/")
CJK = re.compile(r"[\u4e00-\u9fff]+")


def squeeze(text: str) -> str:
    """Return text without whitespace (wrapped lines joined as the reader reads them)."""
    return re.sub(r"\s+", "", text)


def sizes_of(chars, text: str) -> set[float]:
    """Return the font sizes of every printed occurrence of ``text`` (whitespace ignored)."""
    joined = "".join(c.char for c in chars)
    wanted = squeeze(text)
    sizes = set()
    for match in re.finditer(re.escape(wanted), joined):
        sizes |= {round(c.size, 2) for c in chars[match.start() : match.end()]}
    assert sizes, f"{text!r} is not printed"
    return sizes


def drawn_text(report: Report) -> str:
    return "\n".join(t.get_text() for fig in report.pages for t in fig.findobj(Text))


@pytest.fixture(scope="module")
def taiyuan(data, tmp_path_factory):
    """The Taiyuan report (zh, the seed targets) as written by the facade."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no missing glyph in the Chinese headings
        return data.region_report("140100", tmp_path_factory.mktemp("r") / "ty.pdf", language="zh")


def test_taiyuan_report_is_a4_pages_with_numbers_and_a_running_head(taiyuan):
    pdf = taiyuan.read_bytes()
    pages = page_count(taiyuan)
    assert pages >= 2
    boxes = re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert len(boxes) == pages
    assert all((float(w), float(h)) == pytest.approx((595.28, 841.89), abs=0.01) for w, h in boxes)
    assert b"/FontFile2" in pdf and b"/Subtype /Image" not in pdf
    texts = page_text(taiyuan)
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {pages}" in text
        assert ("太原市 · 区域报告" in text) == (number > 1)  # the running head
    assert "太原市" in texts[0] and "区域报告 · Infra Atlas" in texts[0]
    assert "所属省份" in texts[0] and "山西省 (140000)" in texts[0]


def taiyuan_targets(data):
    details = data.details("140100", "140000", "city")
    return [*details.scoped, *details.province_wide]


def test_taiyuan_report_type_sizes(data, taiyuan):
    chars = printed_chars(taiyuan)
    assert min(c.size for c in chars) >= 7.0
    sx04 = next(t for t in taiyuan_targets(data) if t.id == "SX-04")
    assert min(sizes_of(chars, "Core of the Taiyuan metropolitan area")) >= 9  # body
    assert min(sizes_of(chars, "5G base stations built")) >= 9  # a table cell
    assert min(sizes_of(chars, "编号指标目标值单位年份状态原文")) >= 9  # the table header
    assert min(sizes_of(chars, "本区域目标（1）")) >= 9  # a heading
    assert min(sizes_of(chars, sx04.quote)) >= 8  # a quote
    assert min(sizes_of(chars, "引用目标：")) >= 7  # a quote's source lines
    assert min(sizes_of(chars, "边界：")) >= 7  # the footer


def test_each_quote_is_printed_once_with_its_number_and_citers(data, taiyuan):
    text = squeeze("".join(page_text(taiyuan)))
    groups: dict[tuple[str, str], list] = {}
    for t in taiyuan_targets(data):
        groups.setdefault((t.quote, t.source), []).append(t)
    assert len(groups) < len(taiyuan_targets(data))  # some targets share a sentence
    for number, ((quote, _), targets) in enumerate(groups.items(), start=1):
        assert text.count(squeeze(quote)) == 1, targets[0].id
        at = text.index(f"[{number}]“{squeeze(quote)}”")
        # the source as a reader cites it, then every target citing it
        assert text.startswith("来源：", at + len(squeeze(quote)) + len(f"[{number}]“”"))
        ids = "、".join(t.id for t in targets)
        assert f"引用目标：{ids}" in text[at : at + len(quote) + 300]
        for t in targets:  # the table rows refer to the number
            row = re.escape(squeeze(t.id + t.metric))
            assert re.search(rf"{row}.*?规划\[{number}\]", text), t.id
    assert f"原文引用（{len(groups)}）" in text
    seeds = '"ShanxiProvince14thFive-YearNewInfrastructurePlan"released(Seetao,2021-06-21)'
    assert f"来源：{seeds}" in text


def test_no_path_or_hashed_name_is_printed(taiyuan):
    for text in page_text(taiyuan):
        assert not UNPRINTABLE.search(text), UNPRINTABLE.search(text)


def test_english_report_has_english_headings_and_no_chinese_but_the_name(data, tmp_path):
    path = data.region_report("140100", tmp_path / "taiyuan_en.pdf", language="en")
    texts = page_text(path)
    text = "\n".join(texts)
    for heading in (
        "Taiyuan",
        "Region report · Infra Atlas",
        "Province",
        "Shanxi (140000)",
        "Role in the urban layout",
        "one master (Taiyuan metropolitan area) (inferred). Core of",
        "Targets for Taiyuan (1)",
        "Province-wide targets (",
        "Quotes (",
        "ID Metric Value Unit Year Status Quote",
        "Cited by: SX-12, SX-13",
        "Made with Infra Atlas on",
        "200 km",
    ):
        assert heading in text, heading
    assert "Taiyuan · Region report" in texts[1]
    assert CJK.findall(text) == ["太原市"]  # the Chinese name is a fact; no Chinese heading
    assert not UNPRINTABLE.search(text)


def test_chinese_report_has_no_english_heading(taiyuan):
    text = "\n".join(page_text(taiyuan))
    for english in ("Region report", "Targets for", "Province-wide", "Quotes (", "Metric", "Status",
                    "Source:", "Cited by", "planned", "Made with", " km"):  # fmt: skip
        assert english not in text, english
    for heading in (
        "本区域目标（1）",
        "全省目标（20）",
        "城镇布局角色",
        "一主（推断）",
    ):
        assert heading in text, heading


def test_inset_shows_the_region_in_red_with_a_scale_bar_and_north(data, taiyuan):
    details = data.details("140100", "140000", "city")
    report = build_region_report(details, data.layer("140000", "city"), "en", DAY)
    gids = {p.get_gid() for p in report.pages[0].axes[0].patches}
    assert {"inset-140100", "inset-scale-bar"} <= gids
    assert any(a.get_gid() == "inset-north-arrow" for a in report.pages[0].axes[0].texts)
    inset = [t.get_text() for t in report.pages[0].axes[0].texts]
    assert any(re.fullmatch(r"\d+ km", t) for t in inset) and "N" in inset
    assert re.search(r"\d+ 公里", page_text(taiyuan)[0])


def test_zhejiang_report_lists_corridors_with_lengths(data):
    details = data.details("330200", "330000", "city")
    report = build_region_report(details, data.layer("330000", "city"), "zh", DAY)
    text = drawn_text(report)
    assert "宁波市" in text and "穿越的走廊" in text
    assert re.search(r"杭绍甬智慧高速公路: \d+\.\d 公里 \(示意线\)", text)


METRIC = "城市新型基础设施重点项目建设进度考核指标第{i}项（千兆光网与数据中心）"


def test_a_city_with_sixty_targets_runs_over_pages_without_splitting_a_row(home, tmp_path):
    from geodata.atlas import AtlasData

    sheet = tmp_path / "taiyuan_targets.csv"
    rows = [f"太原市,{METRIC.format(i=i)},{1000 + i},个,2025" for i in range(60)]
    sheet.write_text("地区,指标,数值,单位,年份\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = AtlasData()
    imported = data.import_targets(sheet)
    assert len(imported.targets) == 60
    path = data.region_report("140100", tmp_path / "taiyuan.pdf", language="zh")
    texts = page_text(path)
    pages = len(texts)
    assert pages >= 4
    squeezed = [squeeze(t) for t in texts]
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {pages}" in text
    details = data.details("140100", "140000", "city")
    assert len(details.scoped) == 61
    header = squeeze("编号 指标 目标值 单位 年份 状态 原文")
    for t in [t for t in details.scoped if t.source.startswith("plan-")]:
        # a row prints its cells in order: all of them on one page (never split), once
        row = squeeze(f"{t.id}{t.metric}{t.display_value().split(' ')[0]}{t.unit}{t.year}规划")
        on = [i for i, text in enumerate(squeezed) if row in text]
        assert len(on) == 1, t.id
        assert header in squeezed[on[0]]  # the header row is repeated on each page of the table
    # the stored sheet is cited by its title and import date, never by its store key
    whole = "".join(squeezed)
    assert f"来源：taiyuan_targets.csv(导入于{dt.date.today().year}" in whole
    assert whole.count("“taiyuan_targets.csvline2:") == 1
    assert not any(UNPRINTABLE.search(t) for t in texts)
    assert min(c.size for c in printed_chars(path)) >= 7.0


def test_layout_records_pages_rows_and_quotes(data):
    details = data.details("140100", "140000", "city")
    many = [
        dataclasses.replace(t, id=f"X-{i:03}", quote=f"{t.quote} ({i})")
        for i, t in enumerate(details.province_wide * 4)
    ]
    crowded = dataclasses.replace(details, province_wide=many)
    report = build_region_report(crowded, data.layer("140000", "city"), "zh", DAY)
    layout = report.layout
    assert layout.pages == len(report.pages) >= 4
    assert [r.id for r in layout.rows] == [t.id for t in [*crowded.scoped, *many]]
    pages = [r.page for r in layout.rows]
    assert pages == sorted(pages) and pages[-1] > 1
    assert len(layout.quotes) == 1 + len(many)
    assert [q.number for q in layout.quotes] == list(range(1, len(layout.quotes) + 1))
    # the body never reaches the footer: every text above the footer ends over its first line
    for fig in report.pages:
        footer = next(t for t in fig.texts if t.get_text().startswith("边界"))
        top = footer.get_position()[1] * PAGE_H
        body = [t for t in fig.texts if t.get_position()[1] * PAGE_H > top + 1]
        assert body and all(
            t.get_position()[1] * PAGE_H - t.get_fontsize() * 1.32 > top + 5 for t in body
        )


def test_chinese_quotes_wrap_by_character(data):
    details = data.details("140100", "140000", "city")
    zh_quote = "山西省将建成5G基站12万个，打造5G无线宽带城市，推进新型基础设施建设。" * 6
    scoped = [dataclasses.replace(details.scoped[0], quote=zh_quote)]
    report = build_region_report(
        dataclasses.replace(details, scoped=scoped), data.layer("140000", "city")
    )
    quote_lines = [
        line for line in report.layout.lines if "山西省将建成" in line or "城市，" in line
    ]
    assert len(quote_lines) >= 3
    assert quote_lines[0].startswith("[1] “山西省将建成")
    assert "".join(report.layout.lines).count("打造5G无线宽带城市") == 6


def test_a_failed_export_leaves_the_old_file(data, tmp_path):
    out = tmp_path / "taiyuan.pdf"
    out.write_bytes(b"keep")
    details = data.details("140100", "140000", "city")
    report = build_region_report(details, data.layer("140000", "city"), "en", DAY)
    broken = dataclasses.replace(report, pages=[*report.pages, "not a page"])
    with pytest.raises(ValueError, match="not a page"):
        save_report(broken, out)
    assert out.read_bytes() == b"keep" and [p.name for p in tmp_path.iterdir()] == ["taiyuan.pdf"]
    assert save_report(report, out) == out and page_count(out) == report.layout.pages


def test_report_refuses_a_region_outside_the_layer_and_other_suffixes(data, tmp_path):
    details = data.details("330100", "330000", "city")
    with pytest.raises(InputError, match="not in the city layer"):
        build_region_report(details, data.layer("140000", "city"))
    with pytest.raises(InputError, match="taiyuan.pdf"):
        data.region_report("140100", tmp_path / "taiyuan.png")
