"""A planner's own targets from CSV and Excel."""

import pytest

from geodata.boundaries.active import cities
from geodata.errors import InputError
from geodata.plan.join import join
from geodata.plan.user_targets import import_user_targets

CSV = """region,metric,value,unit,year,note
140100,Gigabit optical ports,"12,000",ports,2025,from the city plan
Lvliang,Gigabit optical ports,3000,ports,2025,
Taizhou,5G base stations,5000,base stations,2025,
Atlantis,5G base stations,100,base stations,2025,
太原市,Data-centre racks,abc,racks,2025,
,,,,,
140200000000,Computing power,,PFLOPS,2025,
Datong Shi,Computing power,20,PFLOPS,2025,
"""


def test_csv_rows_import_and_bad_rows_are_reported_by_line(tmp_path):
    path = tmp_path / "my_targets.csv"
    path.write_text(CSV, encoding="utf-8")
    result = import_user_targets(path)
    assert [t.regions for t in result.targets] == [("140100",), ("141100",), ("140200",)]
    assert result.targets[0].value == 12000
    assert result.targets[0].quote.startswith("my_targets.csv line 2:")
    lines = {line: msg for line, msg in result.errors}
    assert set(lines) == {4, 5, 6, 8}
    assert "write its adcode" in lines[4] and "331000" in lines[4] and "321200" in lines[4]
    assert "matches no" in lines[5]
    assert "not a number" in lines[6]
    assert "value is empty" in lines[8]
    report = join(result.targets, cities("shanxi"))
    assert report.unmatched_targets == []
    assert {m["region"] for m in report.matched} == {"140100", "141100", "140200"}


def test_gbk_csv_with_chinese_headers(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("地区,指标,数值,单位\n吕梁,机架,500,架\n".encode("gbk"))
    result = import_user_targets(path)
    assert result.errors == []
    assert result.targets[0].regions == ("141100",) and result.targets[0].unit == "架"


def test_excel_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Region", "Metric", "Value", "Unit", "Year"])
    sheet.append([330100, "Exchange centre members", 80, "enterprises", 2022])
    sheet.append(["Ningbo City", "Smart port berths", None, "berths", 2025])
    path = tmp_path / "zj.xlsx"
    book.save(path)
    result = import_user_targets(path)
    assert [t.regions for t in result.targets] == [("330100",)]
    assert result.errors == [(3, "the value is empty")]


def test_missing_columns_and_missing_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("city,amount\nTaiyuan,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="no metric column"):
        import_user_targets(path)
    with pytest.raises(InputError, match="does not exist"):
        import_user_targets(tmp_path / "nope.csv")
