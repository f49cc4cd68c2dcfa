"""The seed data: every number traces back to a verbatim quote in its plan document."""

import re

import pytest

from geodata.plan.documents import load_documents, quote_span
from geodata.plan.roles import load_roles
from geodata.plan.targets import CATEGORIES, SCOPES, STATUSES, load_targets

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 10: "ten"}


def value_spellings(value: float) -> list[str]:
    n = int(value)
    spellings = [str(n), f"{n:,}"]
    if n in NUMBER_WORDS:
        spellings.append(NUMBER_WORDS[n])
    return spellings


def test_manifest_lists_each_document_with_metadata():
    docs = load_documents()
    assert set(docs) == {
        "000_bf06ba13957dd301.txt",
        "001_5ce3427f836d9482.txt",
        "004_1570321eedd54854.txt",
    }
    for doc in docs.values():
        assert doc.path.is_file()
        assert doc.title and doc.publisher
        assert doc.province in {"140000", "330000"}
    assert docs["004_1570321eedd54854.txt"].province == "330000"
    assert docs["000_bf06ba13957dd301.txt"].date == "2021-06-21"


def test_seed_documents_are_the_shared_ones(repo_root):
    shared = repo_root.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    for doc in load_documents().values():
        assert doc.path.read_bytes() == (shared / doc.file).read_bytes()


@pytest.mark.parametrize("target", load_targets(), ids=lambda t: t.id)
def test_quote_is_verbatim_and_holds_the_value(target):
    start, end = quote_span(target.source, target.quote)
    assert end - start == len(target.quote)
    assert load_documents()[target.source].province == target.province
    if target.value is not None:
        assert any(
            re.search(rf"(?<!\d)(?<!\d,){re.escape(s)}(?!\d)(?!,\d)", target.quote, re.I)
            for s in value_spellings(target.value)
        ), (target.value, target.quote)
    assert target.category in CATEGORIES and target.scope in SCOPES
    assert target.status in STATUSES


def test_ids_are_unique_and_required_targets_present(all_targets):
    ids = [t.id for t in all_targets]
    assert len(ids) == len(set(ids))
    have = {(t.province, t.value, t.unit) for t in all_targets}
    for wanted in [
        ("140000", 6, "tasks"),
        ("140000", 19, "tasks"),
        ("140000", 65, "measures"),
        ("140000", 120000, "base stations"),
        ("140000", 35000, "Gbps"),
        ("140000", 500000, "racks"),
        ("140000", 4, "clusters"),
        ("140000", 10, "coal mines"),
        ("140000", 1000, "working faces"),
        ("140000", 10, "laboratories"),
        ("140000", 200, "laboratories"),
        ("140000", 1, "centres"),
        ("140000", 100, "centres"),
        ("140000", 2, "centres"),
        ("140000", 230, "centres"),
        ("330000", 440, "billion yuan"),
        ("330000", 900, "projects"),
        ("330000", 120000, "base stations"),
        ("330000", 80, "enterprises"),
    ]:
        assert wanted in have, wanted
    metrics = " | ".join(t.metric.lower() for t in all_targets)
    for named in [
        "5g wireless broadband city",
        "national laboratory",
        "smart city pilot",
        "yangtze river delta",
        "handle",
        "hangzhou-shaoxing-ningbo",
        "ring road west",
        "maritime intelligent control",
        "sea-related big data",
        "beidou",
        "blockchain",
    ]:
        assert named in metrics, named


def test_zhejiang_5g_is_achieved_as_of_april_2022(all_targets):
    t = next(t for t in all_targets if t.province == "330000" and t.unit == "base stations")
    assert (t.status, t.year, t.value) == ("achieved", "2022-04-30", 120000)


def test_hangzhou_items_are_scoped_to_hangzhou(all_targets):
    hangzhou = [t.id for t in all_targets if t.scope == "cities" and "330100" in t.regions]
    assert {"ZJ-05", "ZJ-06"} <= set(hangzhou)


def test_roles_one_master_three_assistants_six_centres():
    roles = load_roles()
    assert len(roles) == 11
    by_role: dict[str, set[str]] = {}
    for r in roles.values():
        by_role.setdefault(r.role, set()).add(r.adcode)
        assert r.confidence == "inferred" and r.source == "000_bf06ba13957dd301.txt"
    assert by_role["master"] == {"140100", "140700"}
    assert by_role["assistant"] == {"140200", "140400", "141000"}
    assert by_role["centre"] == {"140900", "140300", "141100", "140500", "140600", "140800"}


def test_corridors_are_marked_schematic():
    from geodata.plan.corridors import load_corridors

    corridors = load_corridors()
    assert set(corridors["id"]) == {"hangzhou-shaoxing-ningbo", "hangzhou-ring-road-west"}
    assert corridors["schematic"].all()
    assert set(corridors["length_km_reported"]) == {161, 149}
