"""The plan store: plans added, listed, hidden, shown and removed; atomic, shared, robust."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.errors import InputError
from geodata.plan.extract.proposal import Proposal
from geodata.plan.reading.document import DocumentText
from geodata.plan.store import PlanStore, plan_number, source_of

REPO = Path(__file__).resolve().parents[3]
TEXT = (
    "安徽省新型基础设施建设规划\r\n"
    "到2025年，合肥市建成5G基站2万个。\r\n"
    "截至2023年6月底，芜湖市数据中心机架约3000个。\n"
)
S1 = "到2025年，合肥市建成5G基站2万个。"
S2 = "截至2023年6月底，芜湖市数据中心机架约3000个。"


@pytest.fixture
def original(tmp_path) -> Path:
    path = tmp_path / "anhui_plan.txt"
    path.write_text(TEXT, encoding="utf-8", newline="")
    return path


def document(title: str = "安徽省新型基础设施建设规划") -> DocumentText:
    return DocumentText(
        text=TEXT, source="anhui_plan.txt", kind="txt", encoding="utf-8", title=title, language="zh"
    )


def proposal(pid: str, sentence: str, **fields) -> Proposal:
    start = TEXT.index(sentence)
    base = {"value": 1.0, "unit": "个", "regions": ("340100",), "scope": "cities"}
    return Proposal(
        id=pid, sentence=sentence, start=start, end=start + len(sentence), **{**base, **fields}
    )


def accepted() -> list[Proposal]:
    """Two proposals, given out of document order (the review may reorder them)."""
    return [
        proposal(
            "P2",
            S2,
            value=3000.0,
            qualifier="about",
            year="2023",
            date="2023-06-30",
            status="achieved",
            regions=("340200",),
            category="information",
            metric="数据中心机架",
        ),
        proposal("P1", S1, value=20000.0, year="2025", category="information", metric="5G基站"),
    ]


def add(store: PlanStore, original: Path, proposals: list[Proposal] | None = None):
    return store.add_document(document(), original, "340000", proposals or accepted())


def test_add_document_writes_the_plan_folder(home, original):
    store = PlanStore()
    info = add(store, original)
    assert (info.plan, info.kind, info.source, info.province) == (
        1,
        "document",
        original.name,
        "340000",
    )
    assert (info.targets, info.observations) == (1, 1)  # the achieved figure is an observation
    assert info.title == "安徽省新型基础设施建设规划" and not info.hidden
    folder = home / "plans" / "p1"
    assert sorted(p.name for p in folder.iterdir()) == [
        "manifest.json",
        "observations.json",
        "original.txt",
        "targets.json",
        "text.txt",
    ]
    assert (folder / "original.txt").read_bytes() == original.read_bytes()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sha256"] == info.sha256 and len(info.sha256) == 64
    assert manifest["imported_at"].endswith("+00:00") and "hidden" not in manifest
    assert store.text(1) == TEXT  # verbatim, \r\n kept
    targets = store.targets()
    assert [t.id for t in targets] == ["P1-01"]
    (first,) = targets
    assert first.quote == S1 and first.year == "2025" and first.status == "planned"
    assert first.source == "plan-1" and first.note == "" and first.province == "340000"
    (second,) = store.observations()
    assert (second.id, second.date, second.value, second.region) == (
        "P1-O1",
        "2023-06-30",
        3000.0,
        "340200",
    )
    assert second.quote == S2 and second.source == "plan-1" and second.metric == "数据中心机架"


def test_plans_hide_show_remove_and_numbers_never_reused(home, original):
    store = PlanStore()
    add(store, original)
    add(store, original)
    assert [p.plan for p in store.plans()] == [0, 1, 2]
    assert store.plans()[0].kind == "bundled" and store.plans()[0].targets > 0
    before = store.fingerprint()
    store.set_hidden(1, True)
    assert store.fingerprint() != before
    assert (home / "plans" / "p1" / "manifest.json").stat().st_mtime_ns  # untouched folder
    assert [p.hidden for p in store.plans()] == [False, True, False]
    assert {t.source for t in store.targets()} == {"plan-2"}
    assert len(store.targets(include_hidden=True)) == 2
    assert [o.source for o in store.observations()] == ["plan-2"]
    store.set_hidden(1, False)
    assert len(store.targets()) == 2 and len(store.observations()) == 2
    assert "removed" in store.remove(2)
    assert not (home / "plans" / "p2").exists()
    assert not [p for p in (home / "plans").iterdir() if p.name.startswith(".trash")]
    assert add(store, original).plan == 3  # 2 is never given again
    with pytest.raises(InputError, match="no readable plan 2"):
        store.get(2)
    with pytest.raises(InputError, match="no readable plan 9"):
        store.set_hidden(9, True)


def test_plan_0_can_be_hidden_but_never_removed(home, original):
    from geodata.atlas import AtlasData

    store = PlanStore()
    add(store, original)
    assert any(t.source != "plan-1" for t in AtlasData().targets)
    store.set_hidden(0, True)
    assert {t.source for t in AtlasData().targets} == {"plan-1"}
    with pytest.raises(InputError, match="cannot be removed"):
        store.remove(0)
    store.set_hidden(0, False)
    assert len(AtlasData().targets) == store.plans()[0].targets + 1


@pytest.mark.parametrize(
    ("proposals", "message"),
    [
        ([], "accept at least one"),
        ([proposal("P1", S1, value=float("nan"))], "finite number"),
        ([proposal("P1", S1, status="maybe")], "status"),
        ([proposal("P1", S1, regions=("Hefei",))], "adcodes"),
        ([proposal("P1", S1).edited(sentence="到2025年建成")], "verbatim"),
    ],
)
def test_a_refused_acceptance_stores_nothing(home, original, proposals, message):
    store = PlanStore()
    with pytest.raises(InputError, match=message):
        store.add_document(document(), original, "340000", proposals)
    assert [p.plan for p in store.plans()] == [0]
    assert not list(home.glob("plans/p*"))


def test_a_failure_mid_write_leaves_nothing(home, original):
    store = PlanStore()
    broken = proposal("P1", S1, metric=object())  # the targets cannot be written as JSON
    with pytest.raises(TypeError):
        store.add_document(document(), original, "340000", [broken])
    assert sorted(p.name for p in (home / "plans").iterdir()) == [".lock"]
    assert [p.plan for p in store.plans()] == [0] and store.targets() == []
    assert add(store, original).plan == 1


def test_missing_original_or_bad_province_is_refused(home, original, tmp_path):
    store = PlanStore()
    with pytest.raises(InputError, match="does not exist"):
        store.add_document(document(), tmp_path / "gone.txt", "340000", accepted())
    with pytest.raises(InputError, match="province adcode"):
        store.add_document(document(), original, "340100", accepted())
    assert store.targets() == []


ADD_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from tests.geodata.plan.test_store import add
from geodata.plan.store import PlanStore
info = add(PlanStore(Path(sys.argv[1])), Path(sys.argv[2]))
print(info.plan)
"""


def test_processes_adding_at_once_get_different_numbers(home, original):
    root = home / "plans"
    script = ADD_SCRIPT.format(repo=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(root), str(original)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    assert sorted(int(out) for out, _ in outputs) == [1, 2, 3, 4]
    store = PlanStore(root)
    ids = [t.id for t in store.targets()]
    assert len(ids) == 4 and len(set(ids)) == 4
    assert len({o.id for o in store.observations()}) == 4


def test_a_damaged_plan_is_skipped_with_a_warning(home, original):
    from geodata.atlas import AtlasData

    store = PlanStore()
    for _ in range(3):
        add(store, original)
    (home / "plans" / "p1" / "manifest.json").write_text("{not json", encoding="utf-8")
    (home / "plans" / "p2" / "targets.json").write_text("[]", encoding="utf-8")
    store = PlanStore()
    assert [p.plan for p in store.plans()] == [0, 2, 3]
    assert {t.source for t in store.targets()} == {"plan-3"}
    assert any("plan 1" in w for w in store.warnings) and any("plan 2" in w for w in store.warnings)
    assert {t.source for t in AtlasData().targets} >= {"plan-3"}
    with pytest.raises(InputError, match="no readable plan 1"):
        store.text(1)
    assert "removed" in store.remove(1)  # a damaged plan can still be removed
    (home / "plans" / "state.json").write_text("[", encoding="utf-8")
    assert [p.plan for p in store.plans()] == [0, 2, 3]
    assert any("state.json" in w for w in store.warnings)
    assert add(store, original).plan == 4  # the numbers of the folders still count


def test_a_restart_sees_the_same_plans_and_another_process_change_is_noticed(home, original):
    from geodata.atlas import AtlasData
    from geodata.drawing import MapOptions

    data = AtlasData()
    count = len(data.targets)
    key = data.data_fingerprint()
    add(PlanStore(), original)  # as another process would
    assert data.plans_changed()
    version = data._targets_version
    assert len(data.targets) == count + 1 and data._targets_version == version + 1
    assert not data.plans_changed() and data.data_fingerprint() != key
    restarted = AtlasData()
    assert [t.id for t in restarted.targets] == [t.id for t in data.targets]
    assert restarted.target("P1-01").quote == S1
    assert [o.quote for o in restarted.observations] == [S2]
    PlanStore().set_hidden(1, True)
    assert len(data.targets) == count
    assert data.view_key("340000", "city", MapOptions()) == AtlasData().view_key(
        "340000", "city", MapOptions()
    )


def test_stored_plans_resolve_as_documents(home, original):
    from geodata.plan.documents import all_documents, document, load_documents, quote_span

    add(PlanStore(), original)
    doc = document("plan-1")
    assert doc.title == "安徽省新型基础设施建设规划" and doc.publisher == "" and doc.date == ""
    assert doc.note.startswith(f"plan document {original.name}, imported 20")
    assert doc.text() == TEXT
    start, end = quote_span("plan-1", S2)
    assert doc.text()[start:end] == S2
    assert "plan-1" in all_documents() and set(load_documents()) < set(all_documents())
    with pytest.raises(InputError, match="no readable plan 7"):
        document("plan-7")
    seed = next(iter(load_documents()))
    assert document(seed).file == seed


def test_a_sheet_is_stored_with_line_ids(home, tmp_path):
    from geodata.plan.documents import document, quote_span
    from geodata.plan.user_targets import import_user_targets

    sheet = tmp_path / "anhui.csv"
    sheet.write_text(
        "region,metric,value,unit\n合肥市,5G基站,20000,个\nAtlantis,racks,3,个\n340200,机架,3000,个\n",
        encoding="utf-8",
    )
    imported = import_user_targets(sheet)
    info = PlanStore().add_sheet(sheet, imported)
    assert (info.kind, info.targets, info.province, info.title) == (
        "sheet",
        2,
        "340000",
        "anhui.csv",
    )
    targets = PlanStore().targets()
    assert [t.id for t in targets] == ["P1-L2", "P1-L4"]
    assert {t.source for t in targets} == {"plan-1"} and targets[0].category == "user"
    manifest = json.loads((home / "plans" / "p1" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["errors"][0]["line"] == 3 and not (home / "plans" / "p1" / "text.txt").exists()
    span = quote_span("plan-1", targets[1].quote)
    assert document("plan-1").text()[slice(*span)] == targets[1].quote
    with pytest.raises(InputError, match="no row"):
        PlanStore().add_sheet(sheet, type(imported)(source="anhui.csv"))


def test_sources_name_plans():
    assert source_of(3) == "plan-3" and plan_number("plan-3") == 3
    assert plan_number("shanxi.txt") is None and plan_number("plan-x") is None
