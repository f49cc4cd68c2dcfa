"""The metric a figure shows when none is asked for: one that says something."""

from geodata.atlas import AtlasData
from geodata.plan.metrics import Metric, default_metric

CODES = ("140100", "140200", "140300", "140400")


def numeric(metric_id: str, values: list[float | None]) -> Metric:
    return Metric(
        metric_id, metric_id, metric_id, "numeric", "", dict(zip(CODES, values, strict=True))
    )


def test_the_provinces_own_layer_comes_first():
    data = AtlasData()
    assert data.default_metric("140000", "city") == "role"  # Shanxi's city roles
    assert data.default_metric("330000", "city") == "corridor_km"  # Zhejiang's corridors
    # Henan has no plan: plan_items is 0 everywhere (one class), and it has no other metric
    assert data.default_metric("410000", "city") == "plan_items"
    assert data.default_metric("both", "province") == "plan_items"  # Shanxi and Zhejiang stand out


def test_a_metric_of_one_class_is_passed_over():
    flat = numeric("plan_items", [1, 1, 1, 1])  # every city the same colour
    spread = numeric("user:Racks|racks", [10, 200, None, 3000])
    assert default_metric([flat, spread], "plan_items") == "user:Racks|racks"
    assert default_metric([flat, spread], "user:Racks|racks") == "user:Racks|racks"


def test_the_preferred_metric_wins_over_the_first_when_it_has_classes():
    first = numeric("plan_items", [0, 1, 2, 3])
    preferred = numeric("user:Racks|racks", [10, 200, None, 3000])
    assert default_metric([first, preferred], "user:Racks|racks") == "user:Racks|racks"
    assert default_metric([first, preferred], "nope") == "plan_items"


def test_roles_and_corridors_win_over_the_preferred_metric():
    roles = Metric("role", "r", "r", "categorical", values={"140100": "master", "140200": "centre"})
    corridor = numeric("corridor_km", [0, 12.5, 40, 0])
    preferred = numeric("plan_items", [0, 1, 2, 3])
    assert default_metric([preferred, corridor, roles], "plan_items") == "role"
    assert default_metric([preferred, corridor], "plan_items") == "corridor_km"
    one_role = Metric("role", "r", "r", "categorical", values={"140100": "master", "140200": None})
    assert default_metric([preferred, one_role], "plan_items") == "plan_items"


def test_nothing_with_two_classes_falls_back_to_plan_items():
    assert default_metric([numeric("user:A|a", [5, 5, None, None])], "user:A|a") == "plan_items"
    assert default_metric([], "role") == "plan_items"
