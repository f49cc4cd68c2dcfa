from __future__ import annotations

import pytest

from geodata.errors import InputError
from geodata.plan.extract.regions import find_regions, short_name, to_simplified

ZJ, SX, JS = "330000", "140000", "320000"


def regions(sentence: str, province: str, language: str = "zh"):
    match = find_regions(sentence, province, language)
    for hit in match.hits:
        assert sentence[hit.start : hit.end] == hit.name
    return match


def test_enumeration_of_short_names_with_trailing_suffix():
    match = regions("杭州、宁波、温州、嘉兴市建成千兆城市", ZJ)
    assert match.regions == ("330100", "330200", "330300", "330400")
    assert match.scope == "cities"
    assert [h.name for h in match.hits] == ["杭州", "宁波", "温州", "嘉兴市"]


def test_county_full_and_short_names():
    assert regions("余杭区建成数据中心集群", ZJ).regions == ("330110",)
    match = regions("杭州市萧山、余杭两地新建基站", ZJ)
    assert match.regions == ("330109", "330110")  # the city before its counties is left out
    assert match.scope == "counties"
    assert regions("温州市鹿城区和杭州市", ZJ).regions == ("330302", "330100")


@pytest.mark.parametrize(("province", "expected"), [(ZJ, ("331000",)), (JS, ("321200",))])
def test_taizhou_is_resolved_by_the_province(province, expected):
    assert regions("台州市和泰州市分别建成", province).regions == expected
    assert regions("Taizhou will build", province, "en").regions == expected


def test_province_wide_words():
    for sentence in ("全省新建5G基站1万个", "浙江省新建5G基站", "中国和全国", "新建基站"):
        match = regions(sentence, ZJ)
        assert match.regions == (ZJ,)
        assert match.scope == "province"


def test_common_words_are_not_regions():
    match = regions("城区、矿区、郊区、新区、开发区和高新区加快建设", SX)
    assert match.regions == (SX,)
    assert regions("推动路桥、天台等基础设施，确保长治久安", ZJ).regions == (ZJ,)
    assert regions("相应县级平台", SX).regions == (SX,)


def test_single_character_short_names_never_match():
    assert regions("沁水和代县", SX).regions == ("140521", "140923")
    assert regions("代表了沁人心脾", SX).regions == (SX,)


def test_traditional_characters_keep_original_spans():
    match = regions("長治市、晉城市加快建設", SX)
    assert match.regions == ("140400", "140500")
    assert [h.name for h in match.hits] == ["長治市", "晉城市"]
    assert to_simplified("長治市") == "长治市"


def test_english_and_pinyin_names():
    for name in ("Lüliang", "Lvliang", "Lyuliang", "Luliang City"):
        assert regions(f"{name} will build", SX, "en").regions == ("141100",)
    match = regions("the Hangzhou-Shaoxing-Ningbo Smart Expressway", ZJ, "en")
    assert match.regions == ("330100", "330600", "330200")
    assert regions("Shanxi province and Taiyuan, Datong", SX, "en").regions == (
        "140100",
        "140200",
    )
    assert regions("Weifang in Shandong", SX, "en").regions == (SX,)


def test_other_provinces_cities_are_ignored():
    assert regions("与江苏泰州、上海宁波协同", ZJ).regions == ("330200",)
    assert regions("The Yangtze River Delta and Suzhou", ZJ, "en").regions == (ZJ,)


def test_municipality_name_is_province_wide():
    assert regions("北京市新建基站", "110000").regions == ("110000",)
    assert regions("北京市朝阳区和海淀区", "110000").regions == ("110105", "110108")


def test_short_name_rules():
    assert short_name("嘉兴市", "city") == "嘉兴"
    assert short_name("延边朝鲜族自治州", "city") == "延边"
    assert short_name("巴音郭楞蒙古自治州", "city") == "巴音郭楞"
    assert short_name("沁县", "county") == ""


def test_unknown_province_is_an_input_error():
    with pytest.raises(InputError):
        find_regions("杭州", "330100")
