"""A plan document or a target sheet brought in: proposed, accepted, stored, seen everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.errors import Cancelled, InputError
from geodata.plan.plan_import import accept, import_sheet, propose_file
from geodata.plan.store import PlanStore
from tests import docmaker

#: An Anhui plan: a province-wide target, one for Hefei and one for Wuhu.
PLAN_LINES = [
    "安徽省新型基础设施建设三年行动方案",
    "到2025年，全省累计建成5G基站12万个。",
    "到2025年，合肥市数据中心标准机架达到5万架。",
    "截至2022年底，芜湖市已建成工业互联网平台20个。",
]
HEFEI = "合肥"


@pytest.fixture
def plan_txt(tmp_path) -> Path:
    return docmaker.write_text(tmp_path, "anhui_plan.txt", "\n".join(PLAN_LINES) + "\n")


def reviewed(result) -> list:
    """Accept every proposal; the Hefei one scoped to Hefei (as a planner's review would)."""
    out = []
    for p in result.proposals:
        if HEFEI in p.sentence and "340100" not in p.regions:
            p = p.edited(regions=("340100",), scope="cities")
        out.append(p)
    return out


def hefei_ids(data) -> set[str]:
    return {t.id for t in data.targets if "340100" in t.regions and t.source == "plan-1"}


def test_a_document_is_proposed_accepted_and_seen_everywhere(home, plan_txt, tmp_path):
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions
    from geodata.plan.join import join

    steps: list[float] = []
    result = propose_file(plan_txt, "anhui", progress=steps.append)
    assert result.province == "340000" and result.document.kind == "txt"
    assert steps and steps[-1] == 1.0 and steps == sorted(steps) and 0.0 <= steps[0] <= 0.5
    assert any(HEFEI in p.sentence for p in result.proposals)
    info = accept(result, reviewed(result))
    figures = [p for p in result.proposals if p.status == "achieved"]  # Wuhu's platforms
    assert len(figures) == 1 and (info.plan, info.kind) == (1, "document")
    assert (info.targets, info.observations) == (len(result.proposals) - 1, 1)

    data = AtlasData()  # a restart
    ids = hefei_ids(data)
    assert ids and all(i.startswith("P1-") for i in ids)
    report = join(data.targets, data.layer("340000", "city"))
    assert {m["target"] for m in report.matched if m["region"] == "340100"} >= ids
    fig = data.figure("340000", "city", MapOptions(metric="plan_items"))
    assert fig.atlas["metric"].values["340100"] >= len(ids)
    pdf = data.region_report("340100", tmp_path / "hefei.pdf", language="zh")
    assert pdf.read_bytes().startswith(b"%PDF")
    details = data.details("340100", "340000", "city")
    assert ids <= {t.id for t in details.scoped}


def test_the_report_names_a_stored_plan_by_title_and_import_date(home, plan_txt):
    from matplotlib.text import Text

    from geodata.atlas import AtlasData
    from geodata.printing.report import build_region_report

    result = propose_file(plan_txt, "340000")
    accept(result, reviewed(result))
    data = AtlasData()
    report = build_region_report(
        data.details("340100", "340000", "city"), data.layer("340000", "city"), "zh"
    )
    text = "".join(t.get_text() for fig in report.pages for t in fig.findobj(Text))
    imported = PlanStore().get(1).imported_at[:10]
    assert f"来源：{PLAN_LINES[0]} (导入于 {imported})" in text and "plan-1" not in text


def test_figure_notes_cite_the_stored_plans_shown(home, plan_txt):
    from geodata.atlas import AtlasData
    from geodata.printing.captions import source_note, subtitle

    result = propose_file(plan_txt, "anhui")
    accept(result, reviewed(result))
    layer = AtlasData().layer("340000", "city")
    # a text file's first line is its title (PLAN_LINES[0])
    assert f"{PLAN_LINES[0]} (plan document anhui_plan.txt, imported 20" in source_note(layer, "en")
    assert subtitle("340000", "en").startswith(f"Plan: {PLAN_LINES[0]}")
    PlanStore().set_hidden(1, True)
    assert "anhui_plan.txt" not in source_note(layer, "en") and subtitle("340000", "en") == ""
    PlanStore().set_hidden(0, True)
    assert subtitle("140000", "en") == ""


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_word_pdf_and_web_documents_are_stored_with_their_text(home, tmp_path, kind):
    from geodata.plan.documents import document, quote_span

    title, body = PLAN_LINES[0], PLAN_LINES[1:]
    name = f"anhui_plan.{kind}"
    if kind == "docx":
        path = docmaker.write_docx(tmp_path, name, body, title=title)
    elif kind == "pdf":
        path = docmaker.write_pdf(tmp_path, name, ["\n".join(body)], title=title)
    else:
        path = docmaker.write_html(tmp_path, name, title, body)
    result = propose_file(path, "anhui")
    assert result.document.kind == kind and result.proposals
    info = accept(result, reviewed(result))
    store = PlanStore()
    assert info.source == name and (store.root / "p1" / f"original.{kind}").is_file()
    assert (store.root / "p1" / f"original.{kind}").read_bytes() == path.read_bytes()
    assert store.text(1) == result.document.text
    for t in store.targets():
        start, end = quote_span(t.source, t.quote)
        assert document(t.source).text()[start:end] == t.quote


def test_an_empty_acceptance_and_a_cancelled_reading_store_nothing(home, plan_txt):
    result = propose_file(plan_txt, "anhui")
    with pytest.raises(InputError, match="accept at least one"):
        accept(result, [])
    with pytest.raises(Cancelled):
        propose_file(plan_txt, "anhui", cancelled=lambda: True)
    with pytest.raises(InputError, match="unknown province"):
        propose_file(plan_txt, "atlantis")
    assert [p.plan for p in PlanStore().plans()] == [0]


def test_an_anhui_sheet_is_stored_and_still_there_after_a_restart(home, tmp_path):
    from geodata.atlas import AtlasData

    sheet = tmp_path / "anhui_cities.csv"
    sheet.write_text(
        "地区,指标,数值,单位,年份\n"
        "合肥市,5G基站,30000,个,2025\n"
        "芜湖市,数据中心机架,8000,架,2025\n"
        "亚特兰蒂斯,5G基站,1,个,2025\n"
        "蚌埠市,5G基站,,个,2025\n",
        encoding="utf-8",
    )
    data = AtlasData()
    before = data.data_fingerprint()
    result = data.import_targets(sheet)
    assert [t.id for t in result.targets] == ["P1-L2", "P1-L3"]
    assert [line for line, _ in result.errors] == [4, 5]
    assert data.data_fingerprint() != before
    restarted = AtlasData()
    stored = [t for t in restarted.targets if t.source == "plan-1"]
    assert [(t.regions, t.value) for t in stored] == [(("340100",), 30000.0), (("340200",), 8000.0)]
    assert any(m.id == "user:5G基站|个" for m in restarted.metrics("340000", "city"))


def test_a_sheet_without_a_usable_row_is_not_stored(home, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("region,metric,value\n亚特兰蒂斯,5G,1\n", encoding="utf-8")
    result, info = import_sheet(sheet)
    assert info is None and result.errors and not result.targets
    assert [p.plan for p in PlanStore().plans()] == [0]


def test_a_stored_plans_targets_cite_its_title(home, plan_txt):
    from geodata.plan.documents import source_title

    result = propose_file(plan_txt, "anhui")
    info = accept(result, reviewed(result))
    assert source_title(f"plan-{info.plan}") == PLAN_LINES[0]
    assert source_title("plan-999") == "plan-999"  # no such plan: the source as it is
