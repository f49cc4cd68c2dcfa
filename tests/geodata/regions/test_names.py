"""Region codes and names as real data spells them."""

import pytest

from geodata.regions.names import name_keys, normalise_code


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("140100", "140100"),
        (140100, "140100"),
        (140100.0, "140100"),
        (" 140100 ", "140100"),
        ("140100000000", "140100"),
        (140100000000, "140100"),
        ("140100.0", "140100"),
        ("１４０１００", "140100"),
        ("14010", None),
        ("1401000", None),
        ("abc", None),
        (None, None),
        (float("nan"), None),
        (140100.5, None),
        (True, None),
    ],
)
def test_normalise_code(value, expected):
    assert normalise_code(value) == expected


def test_name_keys_fold_case_spacing_accents_and_suffixes():
    assert name_keys("Lüliang City") == ["luliangcity", "luliang"]
    assert name_keys("  ") == []
    assert name_keys("太原市") == ["太原市", "太原"]
