"""Recall of the extractor on the seed documents, scored against seeds/targets.csv.

The extractor never reads targets.csv: only this test does, to score what it proposes.
"""

from __future__ import annotations

import csv
import math

import pytest

from geodata.plan.documents import load_documents
from geodata.plan.extract import Proposal, propose_targets
from geodata.plan.targets import TARGETS_CSV

_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS |= {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def base_value(value: str, unit: str) -> float:
    """The seed row's value in base units: 440 "billion yuan" is 440e9."""
    first = unit.split()[0].lower() if unit.split() else ""
    return float(value) * _MULTIPLIERS.get(first, 1.0)


def numeric_rows() -> list[dict]:
    with TARGETS_CSV.open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row["value"].strip()]


def matches(row: dict, proposal: Proposal) -> bool:
    if proposal.value is None:
        return False
    expected = base_value(row["value"], row["unit"])
    if not math.isclose(proposal.value, expected, rel_tol=1e-9):
        return False
    quote, sentence = row["quote"].strip(), proposal.sentence.strip()
    return quote in sentence or sentence in quote


@pytest.fixture(scope="module")
def proposals() -> dict[str, list[Proposal]]:
    found = {}
    for name, doc in load_documents().items():
        text = doc.text()
        found[name] = propose_targets(text, doc.province)
        for p in found[name]:
            assert text[p.start : p.end] == p.sentence
            assert text[p.number_start : p.number_start + len(p.number_text)] == p.number_text
    return found


def test_seed_recall_and_precision(proposals):
    rows = numeric_rows()
    assert rows
    hit = [r for r in rows if any(matches(r, p) for p in proposals[r["source"]])]
    missed = [r["id"] for r in rows if r not in hit]
    every = [(name, p) for name, ps in proposals.items() for p in ps]
    useful = [p for name, p in every if any(matches(r, p) for r in rows if r["source"] == name)]
    recall = len(hit) / len(rows)
    precision = len(useful) / len(every) if every else 0.0
    print(
        f"\nseed recall {recall:.2f} ({len(hit)}/{len(rows)}, missed {missed}); "
        f"precision {precision:.2f} ({len(useful)}/{len(every)} proposals match a seed row)"
    )
    assert missed == []  # every numeric seed row, SX-15 ("one national ... center") too
    assert len(every) - len(useful) <= 22  # proposals matching no seed row (26 before SX-15)


def test_seed_one_centre_is_proposed_with_the_seed_facts(proposals):
    """SX-15 is written in words: "one national technology innovation center"."""
    shanxi = proposals["001_5ce3427f836d9482.txt"]
    [one] = [p for p in shanxi if p.number_text == "one"]
    assert (one.value, one.unit, one.metric) == (
        1,
        "centres",
        "national technology innovation center",
    )
    assert (one.year, one.status, one.category, one.regions) == (
        "2025",
        "planned",
        "innovation",
        ("140000",),
    )


def test_seed_proposals_carry_the_seed_facts(proposals):
    zhejiang = proposals["004_1570321eedd54854.txt"]
    investment = [p for p in zhejiang if p.value == 440e9 and p.qualifier == "about"]
    assert investment and investment[0].unit in ("元", "yuan")
    assert investment[0].category == "overall"
    hangzhou = [p for p in zhejiang if p.value == 80]
    assert hangzhou and hangzhou[0].regions == ("330100",) and hangzhou[0].scope == "cities"
    assert hangzhou[0].qualifier == "more than"
    shanxi = proposals["000_bf06ba13957dd301.txt"]
    stations = [p for p in shanxi if p.value == 120000]
    assert stations[0].category == "information"
    assert stations[0].regions == ("140000",) and stations[0].scope == "province"
    assert "base stations" in stations[0].metric
