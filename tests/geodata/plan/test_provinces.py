import json
import os
import subprocess
import sys

from geodata.plan import provinces
from geodata.regions.catalogue import region


def test_profiles_come_from_the_manifest():
    profiles = provinces.profiles()
    assert provinces.featured() == tuple(profiles)
    for code, profile in profiles.items():
        assert region(code) is not None and region(code).level == "province"
        assert profile.featured
    assert provinces.with_roles() and provinces.with_corridors()
    for code in provinces.with_roles():
        assert provinces.profile(code).roles.is_file()
    for code in provinces.with_corridors():
        assert provinces.profile(code).corridors.is_file()


def test_a_province_the_manifest_does_not_list_has_a_plain_profile():
    guangdong = provinces.profile("440000")
    assert not guangdong.featured
    assert guangdong.roles is None and guangdong.corridors is None
    assert guangdong.default_metric == provinces.FALLBACK_METRIC


def test_the_manifest_is_cached_and_read_without_yaml(tmp_path):
    env = {**os.environ, "INFRA_ATLAS_HOME": str(tmp_path)}
    code = (
        "import sys, json; from geodata.plan.provinces import featured; "
        "from geodata.plan.documents import load_documents; "
        "docs = {k: [d.title, d.date, d.note] for k, d in load_documents().items()}; "
        "print(json.dumps([list(featured()), 'yaml' in sys.modules, docs]))"
    )
    run = [sys.executable, "-c", code]
    first = json.loads(subprocess.run(run, env=env, capture_output=True, text=True).stdout)
    second = json.loads(subprocess.run(run, env=env, capture_output=True, text=True).stdout)
    assert first[0] == second[0] == list(provinces.featured())
    assert first[1] is True and second[1] is False  # parsed once, then read from the cache
    assert first[2] == second[2]  # the documents too: titles, dates (as text), notes
    assert second[2]["000_bf06ba13957dd301.txt"][1] == "2021-06-21"
    (cache,) = (tmp_path / "cache" / "seeds").glob("provinces-*.json")
    cache.write_text('{"not": "a list"}', encoding="utf-8")  # damaged: made again
    third = json.loads(subprocess.run(run, env=env, capture_output=True, text=True).stdout)
    assert third == first
    assert isinstance(json.loads(cache.read_text(encoding="utf-8")), list)
