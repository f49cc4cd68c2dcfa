"""The region catalogue: names and codes resolved, ambiguity reported, spellings cached."""

import json
from pathlib import Path

import pytest

from geodata.errors import InputError
from geodata.regions.catalogue import national_index, resolve_province


@pytest.mark.parametrize(
    ("name", "adcode"),
    [
        ("太原市", "140100"),
        ("太原", "140100"),
        ("Taiyuan City", "140100"),
        ("taiyuan", "140100"),
        ("  TAIYUAN  ", "140100"),
        ("Yangquan Shi", "140300"),
        ("Lvliang", "141100"),
        ("Lüliang", "141100"),
        ("Lyuliang", "141100"),
        ("Luliang", "141100"),
        ("吕梁市", "141100"),
        ("Changzhi", "140400"),
        ("长治", "140400"),
        ("Jin Zhong", "140700"),
        ("Jinzhong-shi", "140700"),
        ("杭州", "330100"),
        ("Hangzhou City", "330100"),
        ("台州市", "331000"),
        ("泰州", "321200"),
        ("Lishui", "331100"),
        ("Zhoushan", "330900"),
    ],
)
def test_city_names_resolve(name, adcode):
    found = national_index("city").resolve(name)
    assert found.adcode == adcode, found
    assert not found.ambiguous


def test_taizhou_is_reported_not_guessed():
    found = national_index("city").resolve("Taizhou")
    assert found.adcode is None
    assert found.ambiguous
    assert set(found.candidates) == {"331000", "321200"}


def test_codes_resolve_only_at_their_level():
    assert national_index("city").resolve("140105").adcode is None
    assert national_index("county").resolve(140105000000).adcode == "140105"


@pytest.mark.parametrize(
    ("value", "adcode"),
    [
        ("shanxi", "140000"),
        ("Shanxi Province", "140000"),
        ("山西省", "140000"),
        ("山西", "140000"),
        ("Shaanxi", "610000"),
        ("zhejiang", "330000"),
        (330000, "330000"),
        ("Inner Mongolia", "150000"),
    ],
)
def test_provinces(value, adcode):
    assert resolve_province(value) == adcode


def test_unknown_province_says_what_to_do():
    with pytest.raises(InputError, match="shanxi or zhejiang"):
        resolve_province("Atlantis")


def test_pinyin_spellings_are_cached_beside_the_catalogue(monkeypatch):
    """Every import indexes 3,000 pinyin spellings: they are read from a cache file, which a
    damaged copy does not break."""
    from geodata.regions import catalogue as regions
    from geodata.regions import names

    regions._catalogue_pinyin.cache_clear()
    spellings = regions._catalogue_pinyin()
    assert spellings["吕梁市"] == ["luliang", "lvliang", "lyuliang"]
    cached = regions._catalogue_cache_path().with_suffix(".pinyin.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == spellings
    # a second process reads the file instead of spelling the names again
    regions._catalogue_pinyin.cache_clear()
    monkeypatch.setattr(names, "spell_pinyin", lambda name: pytest.fail(f"spelled {name}"))
    assert regions._catalogue_pinyin() == spellings
    monkeypatch.undo()
    # a damaged file is written again
    cached.write_text("{not json", encoding="utf-8")
    regions._catalogue_pinyin.cache_clear()
    assert regions._catalogue_pinyin() == spellings
    assert json.loads(cached.read_text(encoding="utf-8")) == spellings
    assert regions.national_index("city").resolve("Lyuliang").adcode == "141100"


def test_the_catalogue_cache_follows_the_names_it_was_built_with(monkeypatch, tmp_path):
    """English names come from geodata.regions.names: editing them must rebuild the cache."""
    from geodata.regions import catalogue as regions
    from geodata.regions import names

    before = regions._catalogue_cache_path()
    edited = tmp_path / "names.py"
    edited.write_text(Path(names.__file__).read_text(encoding="utf-8") + "\n# edited\n")
    monkeypatch.setattr(names, "__file__", str(edited))
    assert regions._catalogue_cache_path() != before
