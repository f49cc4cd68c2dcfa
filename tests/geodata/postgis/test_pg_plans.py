"""Plans, targets and achieved figures in a shared PostGIS workspace, against a real server."""

from __future__ import annotations

import pytest

from geodata.plan.pgstore import PostgisPlanStore
from geodata.plan.plan_import import accept, import_observation_sheet, import_sheet, propose_file
from geodata.plan.store import PlanStore
from geodata.postgis.connection import connect
from tests.docmaker import write_text

pytestmark = pytest.mark.postgis

PLAN = (
    "山西省新型基础设施建设规划\n"
    "到2025年，全省5G基站达到12万个，数据中心机架规模达到50万架。"
    "截至2023年底，太原市已建成5G基站2.1万个。\n"
)
SHEET = (
    "region,metric,value,unit,year\n太原市,数据中心机架,5000,架,2025\n大同市,5G基站,3000,个,2025\n"
)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("INFRA_ATLAS_HOME", str(tmp_path / "home"))
    return tmp_path


def _store_document(store: PlanStore, folder) -> int:
    path = write_text(folder, "plan.txt", PLAN)
    proposals = propose_file(path, "shanxi")
    return accept(proposals, proposals.proposals, store=store).plan


def test_a_document_stored_in_the_workspace_reads_back_as_locally(pg_workspace, home):
    shared, local = PostgisPlanStore(pg_workspace), PlanStore()
    a, b = _store_document(shared, home), _store_document(local, home)
    assert (a, b) == (1, 1)
    assert [t.to_dict() for t in shared.targets()] == [t.to_dict() for t in local.targets()]
    assert [o.to_dict() for o in shared.observations()] == [
        o.to_dict() for o in local.observations()
    ]
    assert shared.text(1) == local.text(1) == PLAN.rstrip("\n")
    assert shared.get(1).title == local.get(1).title == "山西省新型基础设施建设规划"
    assert shared.original(1) == PLAN.encode("utf-8")


def test_sheets_hiding_and_removing_are_shared(pg_workspace, home):
    path = home / "targets.csv"
    path.write_text(SHEET, encoding="utf-8")
    store = PostgisPlanStore(pg_workspace)
    imported, info = import_sheet(path, store=store)
    assert info.plan == 1 and [t.id for t in store.targets()] == ["P1-L2", "P1-L3"]
    colleague = PostgisPlanStore(pg_workspace)  # another planner's window
    before = colleague.fingerprint()
    store.set_hidden(1, True)
    assert colleague.hidden() == {1} and colleague.targets() == []
    assert colleague.fingerprint() != before
    assert "removed" in store.remove(1)
    imported, again = import_sheet(path, store=colleague)
    assert again.plan == 2  # a removed plan's number is never given again
    assert [p.plan for p in colleague.plans()] == [0, 2]


def test_a_failed_plan_import_leaves_nothing(pg_workspace, home):
    path = home / "figures.csv"
    path.write_text("target,region,value,date\nSX-04,140000,inf,2023-01-01\n", encoding="utf-8")
    store = PostgisPlanStore(pg_workspace)
    from geodata.plan.targets import load_targets

    imported, info = import_observation_sheet(path, load_targets(), store=store)
    assert info is None and imported.errors
    with connect(pg_workspace) as conn:
        assert conn.execute("SELECT count(*) FROM infra_atlas.plans").fetchone()[0] == 0
