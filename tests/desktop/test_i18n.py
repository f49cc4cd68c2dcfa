"""Interface language (Qt translators) and the CJK font in Qt widgets."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.i18n import (
    APP_CATALOGUE,
    current_language,
    install_language,
    region_choice,
    region_name,
    system_language,
)
from desktop.panels.layers import LayersPanel
from desktop.panels.region import RegionPanel
from desktop.panels.targets import TargetsPanel
from desktop.qtfonts import apply_app_font, missing_glyphs_qt, register_qt_font
from desktop.state import AppState
from geodata.plan.details import region_details

MY_CONTEXTS = {
    "TargetsPanel",
    "TargetsTableModel",
    "RegionPanel",
    "LayersPanel",
    "DocumentDialog",
    "AboutDialog",
    "ExportDialog",
    "ImportBoundariesDialog",
    "VersionsDialog",
    "RegionPicker",
    "ProvincePicker",
    "PlanReviewDialog",
    "PlansDialog",
    "PlanActions",
    "TargetLabels",
    "ProgressChart",
    "AddFigureDialog",
    "ProgressActions",
}


@pytest.fixture
def language(qapp):
    """Switch the language inside a test; English again afterwards."""

    def switch(lang):
        install_language(qapp, lang)
        QApplication.sendPostedEvents()  # deliver the LanguageChange events

    yield switch
    install_language(qapp, "en")
    QApplication.sendPostedEvents()


def test_language_switch_retranslates_panels(qtbot, language, all_targets):
    state = AppState(language="en")
    region = RegionPanel(state)
    layers = LayersPanel(state)
    targets = TargetsPanel(state)
    for widget in (region, layers, targets):
        qtbot.addWidget(widget)
    region.show_details(region_details("140100", all_targets))
    targets.set_targets(all_targets)

    language("zh")
    assert current_language() == "zh"
    text = region.text()
    assert "全省目标" in text and "走廊" in text and "本区域目标" in text
    assert layers.checkboxes["corridors"].text() == "走廊（示意线）"
    assert layers.scheme_combo.itemText(0) == "自然断点"
    assert [layers.scheme_combo.itemText(i) for i in (1, 2)] == ["分位数", "等间距"]
    assert targets.model.headerData(4, Qt.Orientation.Horizontal) == "指标"
    assert "项目标" in targets.count_label.text()

    language("en")
    assert current_language() == "en"
    assert "Province-wide targets" in region.text() and "全省目标" not in region.text()
    assert layers.scheme_combo.itemText(0) == "Natural breaks"
    assert targets.count_label.text().endswith("targets")


def test_region_names_come_from_the_catalogue_in_the_interface_language(language):
    assert region_name("440000", "zh") == "广东省" and region_name("440000", "en") == "Guangdong"
    assert region_name("999999") == "999999"  # unknown: the code as it is
    assert region_choice("440000") == "Guangdong 广东省"
    language("zh")
    assert region_name("440000") == "广东省"
    assert region_choice("440000") == "广东省 Guangdong"


def test_a_target_of_any_province_is_named_in_chinese(qtbot, language, all_targets):
    import dataclasses

    from desktop.panels.targets import COLUMNS

    panel = TargetsPanel(AppState(language="en"))
    qtbot.addWidget(panel)
    guangdong = dataclasses.replace(all_targets[0], id="GD-01", province="440000")
    panel.set_targets([guangdong])
    cell = panel.model.index(0, COLUMNS.index("province"))
    assert cell.data() == "Guangdong"
    language("zh")
    assert cell.data() == "广东省"
    assert panel.province_combo.itemText(1) == region_choice(panel.province_combo.itemData(1))
    assert panel.province_combo.itemText(0) == "全部省份"


def test_retranslate_follows_installed_language(qtbot, language):
    state = AppState(language="en")
    panel = RegionPanel(state)
    qtbot.addWidget(panel)
    install_language(QApplication.instance(), "zh")
    panel.retranslate()
    assert "在地图上选择一个区域" in panel.text()
    install_language(QApplication.instance(), "en")
    panel.retranslate()
    assert "Select a region" in panel.text()


def test_bad_language_and_system_language(qapp):
    with pytest.raises(ValueError, match="zh"):
        install_language(qapp, "fr")
    assert system_language() in ("zh", "en")


def test_catalogue_translates_every_panel_string():
    ts = APP_CATALOGUE.with_suffix(".ts")
    assert APP_CATALOGUE.is_file() and ts.is_file()
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        if name not in MY_CONTEXTS:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or not translation.text:
                missing.append((name, message.findtext("source")))
    assert missing == []


def test_qt_font_covers_chinese_place_names(qapp):
    assert register_qt_font() == "Noto Sans SC"
    assert register_qt_font() == "Noto Sans SC"  # idempotent
    assert missing_glyphs_qt("太原市杭州市吕梁市一主三副六市域中心") == []
    assert missing_glyphs_qt("Taiyuan 太原\n") == []
    assert missing_glyphs_qt("\U0001f600") == ["\U0001f600"]


def test_apply_app_font_keeps_point_size(qapp):
    before = qapp.font()
    try:
        font = apply_app_font(qapp)
        assert font.families()[0] == "Noto Sans SC"
        assert qapp.font().family() == "Noto Sans SC"
        assert font.pointSizeF() == before.pointSizeF()
    finally:
        qapp.setFont(before)


def test_target_field_words_are_translated(language):
    from desktop.labels import category_labels, progress_labels, qualifier_labels, status_labels

    install_language(QApplication.instance(), "zh")
    assert category_labels()["overall"] == "总体"
    assert status_labels() == {"planned": "规划", "achieved": "已实现"}
    assert qualifier_labels()["about"] == "约"
    assert progress_labels()["behind"] == "进度滞后"  # the engine's words, as in the legend
    install_language(QApplication.instance(), "en")
    assert category_labels()["overall"] == "Overall"
