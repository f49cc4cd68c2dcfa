"""The dialogs say the engine's sentences in the window's language.

A Chinese import dialog given a bad file shows the Chinese sentence with the file's name (as it
is: braces and ``%s`` in it are never read as a template); a sheet of figures with a bad value
is reported in Chinese by line. The English window and the command line keep the English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from desktop.dialogs.import_boundaries import ImportBoundariesDialog
from desktop.i18n import install_language
from tests import boundary_cases as cases

WAIT = 90_000
CSV_NAME = "家{x}{0}%s.csv"
TABLE_ZH = (
    f"{CSV_NAME} 是表格，不是边界文件：请选择 Shapefile（单独的或 zip 压缩的）、GeoJSON、"
    "GeoPackage、KML/KMZ 或 FlatGeobuf 文件（目标表请用 import-targets 导入）"
)
TABLE_EN = (
    f"{CSV_NAME} is a table, not a boundary file: choose a shapefile (loose or zipped), GeoJSON, "
    "GeoPackage, KML/KMZ or FlatGeobuf (a sheet of targets goes in with import-targets)"
)
NO_FIELDS_ZH = (
    "无代码.gpkg 中没有能识别为区域代码或名称的字段（现有字段：kind, area_km2）："
    "请在“代码字段”和“名称字段”中指定（--code-field、--name-field）"
)
NO_FIELDS_EN = (
    "无代码.gpkg has no field of region codes or names that could be recognised "
    "(fields: kind, area_km2): give them with --code-field and --name-field"
)


def a_csv(folder: Path) -> Path:
    path = folder / CSV_NAME
    path.write_text("region,metric,value\n140000,5G base stations,1\n", encoding="utf-8")
    return path


def a_geopackage_without_codes(folder: Path) -> Path:
    """Shanxi's cities with a field of kinds and one of areas: neither codes nor names."""
    import pyogrio

    count = len(cases.shanxi_cities())
    gdf = cases._frame({"kind": ["a"] * count, "area_km2": [str(i * 7) for i in range(count)]})
    path = folder / "无代码.gpkg"
    pyogrio.write_dataframe(gdf, path, layer="cities", driver="GPKG")
    return path


def failed_check(qtbot, path: Path, **choices: str) -> ImportBoundariesDialog:
    dialog = ImportBoundariesDialog()
    qtbot.addWidget(dialog)
    dialog.path = path
    if "encoding" in choices:
        dialog.encoding_combo.setEditText(choices["encoding"])
    if "crs" in choices:
        dialog.crs_edit.setText(choices["crs"])
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as failed:
        dialog.run_check()
    assert dialog.error_label.text() == failed.args[0] == dialog.errors[-1]
    assert dialog.error_label.textFormat() == Qt.PlainText
    assert not dialog.accept_button.isEnabled()
    return dialog


@pytest.mark.parametrize(
    ("make", "chinese_text", "english_text"),
    [(a_csv, TABLE_ZH, TABLE_EN), (a_geopackage_without_codes, NO_FIELDS_ZH, NO_FIELDS_EN)],
)
def test_the_import_dialog_says_a_bad_file_in_the_window_language(
    qtbot, qapp, home, tmp_path, make, chinese_text, english_text
):
    path = make(tmp_path)
    install_language(qapp, "zh")
    try:
        assert failed_check(qtbot, path).error_label.text() == chinese_text
    finally:
        install_language(qapp, "en")
    assert failed_check(qtbot, path).error_label.text() == english_text
    assert not (home / "boundaries").exists()


def test_a_bad_encoding_or_crs_typed_in_the_chinese_dialog_is_said_in_chinese(
    qtbot, chinese, home, tmp_path
):
    path = cases.named_geojson(tmp_path, "ok.geojson")
    dialog = failed_check(qtbot, path, encoding="klingon")
    assert dialog.error_label.text() == (
        "--encoding 'klingon' 不是文本编码：请使用 GB18030、GBK、UTF-8 或 BIG5"
    )
    dialog = failed_check(qtbot, path, crs="EPSG:99999999")
    assert dialog.error_label.text() == (
        "--crs 'EPSG:99999999' 不是坐标参考系：请给出 EPSG 代码，例如 EPSG:4547（CGCS2000，114E）"
        "或 EPSG:4326"
    )


def test_the_chinese_import_dialog_lists_the_warnings_in_chinese(qtbot, chinese, home, tmp_path):
    dialog = ImportBoundariesDialog(province="140000")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT) as checked:
        dialog.set_path(cases.gbk_no_prj(tmp_path))
    assert dialog.summary.text().startswith("shanxi_gbk.shp：11 个要素，层级 地级市，省份 140000\n")
    english = [w for w in checked.args[0].warnings if w.startswith("the file has no CRS")]
    shown = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    guessed = [w for w in shown if w.startswith("文件没有坐标系；其坐标看起来是")]
    assert len(english) == len(guessed) == 1
    assert "因此使用了 EPSG:4547（" in guessed[0] and guessed[0].endswith("请用 --crs 指定坐标系")


BAD_VALUE_SHEET = (
    "region,target,date,value,unit,source\n"
    "140000,SX-04,2021-12-31,40000,base stations,MIIT yearbook\n"
    "140000,SX-04,2022-12-31,lots,base stations,MIIT yearbook\n"
    "140000,SX-04,2023-12-31,inf,base stations,MIIT yearbook\n"
)


def test_a_sheet_with_bad_values_is_reported_in_chinese_by_line(qtbot, qapp, home, tmp_path):
    from desktop.notify import Notifier
    from desktop.progress_actions import ProgressActions
    from desktop.state import AppState
    from geodata.atlas import AtlasData

    sheet = tmp_path / "实绩{0}.csv"
    sheet.write_text(BAD_VALUE_SHEET, encoding="utf-8")
    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(window, window.statusBar(), quiet=True)
    actions = ProgressActions(window, AtlasData(), AppState(), notifier, lambda: None)

    install_language(qapp, "zh")
    try:
        result = actions.import_figures(sheet)
    finally:
        install_language(qapp, "en")
    assert result is not None and [line for line, _ in result.errors] == [3, 4]
    assert actions.report.splitlines() == [
        "未保存任何数据：实绩{0}.csv 中有 2 处问题。请修改以下各行后重新导入。",
        "",
        "第 3 行：'lots' 不是数字：请写成 120000 这样的数字",
        "第 4 行：'inf' 不是有限的数字：请写成 120000 这样的数字",
    ]

    actions.import_figures(sheet)  # the English window: the sentences the CLI prints
    assert actions.report.splitlines()[2:] == [
        "line 3: 'lots' is not a number: write digits such as 120000",
        "line 4: 'inf' is not a finite number: write digits such as 120000",
    ]


def test_a_sheet_without_a_value_column_is_said_in_chinese(qtbot, chinese, home, tmp_path):
    from desktop.notify import Notifier
    from desktop.progress_actions import ProgressActions
    from desktop.state import AppState
    from geodata.atlas import AtlasData

    sheet = tmp_path / "figures.csv"
    sheet.write_text("region,target,date\n140000,SX-04,2022-12-31\n", encoding="utf-8")
    window = QMainWindow()
    qtbot.addWidget(window)
    notifier = Notifier(window, window.statusBar(), quiet=True)
    actions = ProgressActions(window, AtlasData(), AppState(), notifier, lambda: None)
    assert actions.import_figures(sheet) is None
    assert notifier.errors == [
        "figures.csv 中没有 value 列：表头行需要 region、target（或 metric）、date 和 value"
        "（unit、source 和 role 可选）"
    ]
