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


def by_id(targets, wanted: str):
    return next(t for t in targets if t.id == wanted)


#: Phrases by which an English report says something was done rather than planned.
DONE = re.compile(r"\b(were built|was built|has reached|have reached|reached|has been|have been)\b")


def test_a_planned_row_quoting_something_done_says_why(all_targets):
    """A planned row whose quote reports something done carries a note reading it as a plan."""
    for t in all_targets:
        if t.status == "planned" and DONE.search(t.quote):
            assert t.note, (t.id, t.quote)
    sx06 = by_id(all_targets, "SX-06")  # only 000 gives the bandwidth, in the past tense
    assert (sx06.status, sx06.year, sx06.value) == ("planned", "2025", 35000)
    assert "reached" in sx06.quote and "2021-06-21" in sx06.note and "001" in sx06.note


def test_shanxi_rows_take_the_future_tense_sentence_of_001(all_targets):
    sx = {t.id: t for t in all_targets if t.province == "140000"}
    for wanted in ("SX-04", "SX-05", "SX-07", "SX-08", "SX-15"):
        assert sx[wanted].source == "001_5ce3427f836d9482.txt", wanted
        assert not DONE.search(sx[wanted].quote), wanted
    assert "plans to" in sx["SX-04"].quote and "120,000 5G base stations" in sx["SX-04"].quote
    assert "under construction or in use will reach 500,000" in sx["SX-07"].quote
    assert "in use" in sx["SX-07"].metric and sx["SX-07"].unit == "racks"
    assert "four data center clusters will be formed" in sx["SX-08"].quote
    assert "one national technology innovation center" in sx["SX-15"].quote
    assert "There are 1" not in sx["SX-15"].quote


def test_tasks_and_measures_each_quote_their_own_number(all_targets):
    tasks, measures = by_id(all_targets, "SX-02"), by_id(all_targets, "SX-03")
    assert "19 key tasks" in tasks.quote and "65" not in tasks.quote
    assert "65 specific measures" in measures.quote and "19" not in measures.quote
    assert tasks.source == measures.source == "001_5ce3427f836d9482.txt"


def test_mining_working_faces_are_not_called_intelligent(all_targets):
    sx11 = by_id(all_targets, "SX-11")
    assert "intelligent" not in sx11.metric.lower()
    assert sx11.metric == "Mining working faces" and "1,000 mining working faces" in sx11.quote


def test_corridor_regions_beyond_the_quote_are_marked(all_targets):
    """A corridor row's city not named in its quote is marked as an outside fact in its note."""
    from geodata.regions.catalogue import region

    for t in (t for t in all_targets if t.scope == "corridor"):
        unnamed = [region(r).name_en for r in t.regions if region(r).name_en not in t.quote]
        for name in unnamed:
            assert name in t.note, (t.id, name)
    zj08 = by_id(all_targets, "ZJ-08")
    assert "outside the document" in zj08.note
    assert zj08.to_dict()["note"] == zj08.note
    assert by_id(all_targets, "ZJ-07").note == ""  # its three cities are in its name


def test_county_roles_cover_the_cities_districts():
    from geodata.plan.roles import county_roles, role_of
    from geodata.regions.catalogue import catalogue

    counties = county_roles()
    master = {c for c, r in counties.items() if r.role == "master"}
    taiyuan_districts = {"140105", "140106", "140107", "140108", "140109", "140110"}
    assert master == taiyuan_districts | {"140702", "140703"}  # with Yuci and Taigu
    known = {r.adcode: r for r in catalogue() if r.level == "county"}
    for code, role in counties.items():
        assert code[:4] == role.adcode[:4] and known[code].name_zh.endswith("区"), code
    for city in load_roles().values():  # every district of a role city, no county
        districts = {
            c for c, r in known.items() if c[:4] == city.adcode[:4] and r.name_zh[-1] == "区"
        }
        assert set(city.counties) == districts, city.adcode
    assert role_of("140702").role == "master" and role_of("140121") is None  # Yuci; Qingxu
    assert role_of("140213").role == "assistant" and role_of("140100").adcode == "140100"
