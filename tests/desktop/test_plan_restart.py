"""Plans and sheets brought in through the window are there after a restart of the app."""

from geodata.plan.plan_import import accept, propose_file
from tests.desktop.windows import open_drawn_window

PLAN = (
    "安徽省新型基础设施建设行动方案（2026—2030年）\n"
    "到2030年，合肥市智能算力规模达到30EFlops，芜湖市智能算力规模达到10EFlops。\n"
)
SHEET = "region,metric,value,unit\n合肥,充电桩,20000,个\n蚌埠,充电桩,8000,个\n"


def test_a_plan_and_a_sheet_are_shown_again_after_a_restart(qtbot, home, tmp_path):
    plan = tmp_path / "anhui_plan.txt"
    plan.write_text(PLAN, encoding="gb18030")
    sheet = tmp_path / "piles.csv"
    sheet.write_text(SHEET, encoding="utf-8")

    first = open_drawn_window("anhui")
    qtbot.addWidget(first)
    first.import_targets(str(sheet))  # through File > Import targets
    result = propose_file(plan, "anhui")
    accept(result, result.proposals)  # as the review dialog's Store does
    first.close()

    second = open_drawn_window("anhui")  # a new window: a new AtlasData reading the store
    qtbot.addWidget(second)
    ids = {t.id for t in second.data.targets}
    assert {"P1-L2", "P1-L3", "P2-01", "P2-02"} <= ids
    assert {"P1-L2", "P2-01"} <= set(second.targets_panel.visible_ids())
    metrics = {m.id: m for m in second.data.metrics("340000", "city")}
    assert metrics["plan_items"].values["340100"] == 1  # 30 EFLOPS for Hefei (P2-01)
    assert metrics["user:充电桩|个"].values["340300"] == 8000  # Bengbu's row of the sheet
    assert metrics["user:智能算力|EFLOPS"].values["340200"] == 10  # Wuhu, from the document
    style = second.data.style("340000", "city", "user:智能算力|EFLOPS", "natural_breaks", 4)
    assert style["values"]["zh"]["340100"] == "30 EFLOPS"
    assert len(style["legend"]) >= 2  # Hefei and Wuhu in classes of their own
