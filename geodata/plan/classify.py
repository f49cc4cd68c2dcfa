"""Classify a metric into map classes and colours, the same way for the web map and the figures."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from geodata.errors import InputError
from geodata.vocab import SCHEMES

#: Sequential palette (ColorBrewer YlGnBu, 9 classes); k classes take evenly spaced entries.
SEQUENTIAL = (
    "#ffffd9",
    "#edf8b1",
    "#c7e9b4",
    "#7fcdbb",
    "#41b6c4",
    "#1d91c0",
    "#225ea8",
    "#253494",
    "#081d58",
)
NO_DATA = "#d9d9d9"


@dataclass
class Classification:
    """Classes of one metric over the regions of a layer.

    Attributes
    ----------
    metric : str
        Metric id.
    kind : str
        ``"numeric"`` or ``"categorical"``.
    scheme : str
        Classification scheme (``"categorical"`` for categories).
    colors : list of str
        One hex colour per class, in legend order.
    labels : list of str
        One legend label per class.
    color_of : dict
        Adcode -> hex colour (regions without a value get :data:`NO_DATA`).
    class_of : dict
        Adcode -> class index (-1 for no data).
    bins : list of float
        Upper bounds of the numeric classes.
    """

    metric: str
    kind: str
    scheme: str
    colors: list[str]
    labels: list[str]
    color_of: dict[str, str]
    class_of: dict[str, int]
    bins: list[float] = field(default_factory=list)

    def legend(self) -> list[dict]:
        """Return the legend entries ``[{color, label}]`` (with a no-data entry when needed)."""
        entries = [
            {"color": c, "label": lab} for c, lab in zip(self.colors, self.labels, strict=True)
        ]
        if any(v < 0 for v in self.class_of.values()):
            entries.append({"color": NO_DATA, "label": "no data / 无数据"})
        return entries

    def to_dict(self) -> dict:
        """Return the JSON form the map page uses."""
        return {
            "metric": self.metric,
            "kind": self.kind,
            "scheme": self.scheme,
            "legend": self.legend(),
            "colors": self.color_of,
        }


def palette(k: int) -> list[str]:
    """Return ``k`` colours of the sequential palette, light to dark."""
    if k <= 1:
        return [SEQUENTIAL[4]]
    step = (len(SEQUENTIAL) - 1) / (k - 1)
    return [SEQUENTIAL[round(i * step)] for i in range(k)]


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def class_labels(minimum: float, bins: list[float], integral: bool = False) -> list[str]:
    """Return legend labels for classes with upper bounds ``bins``.

    Counts (``integral``) read as ``0``, ``1``, ``2 – 4``: a class starts one above the previous
    bound. Other values read as ``0 – 25.6``, ``25.6 – 62.5``.
    """
    labels = []
    for i, upper in enumerate(bins):
        if i == 0:
            low = minimum
        else:
            low = math.floor(bins[i - 1]) + 1 if integral else bins[i - 1]
        labels.append(_fmt(upper) if low >= upper else f"{_fmt(low)} – {_fmt(upper)}")
    return labels


def classify_numeric(
    metric: str, values: Mapping[str, float | None], scheme: str = "natural_breaks", k: int = 4
) -> Classification:
    """Classify numeric values with mapclassify.

    Parameters
    ----------
    metric : str
        Metric id.
    values : mapping
        Adcode -> value (None or NaN for no data).
    scheme : {"natural_breaks", "quantiles", "equal_interval"}
        Classification scheme.
    k : int
        Number of classes wanted; fewer are used when there are fewer distinct values.

    Returns
    -------
    Classification
    """
    if scheme not in SCHEMES:
        raise InputError(f"unknown scheme {scheme!r}: use one of {', '.join(SCHEMES)}")
    import numpy as np

    known = {a: float(v) for a, v in values.items() if v is not None and not math.isnan(float(v))}
    class_of = {a: -1 for a in values}
    if not known:
        return Classification(
            metric, "numeric", scheme, [], [], dict.fromkeys(values, NO_DATA), class_of
        )
    y = np.array(list(known.values()))
    distinct = np.unique(y)
    k = max(1, min(k, len(distinct)))
    if k == 1:
        bins = [float(distinct.max())]
        yb = np.zeros(len(y), dtype=int)
    else:
        import mapclassify  # only here: one class needs no classifier (and no 1 s import)

        cls = {
            "natural_breaks": lambda: mapclassify.NaturalBreaks(y, k=k),
            "quantiles": lambda: mapclassify.Quantiles(y, k=k),
            "equal_interval": lambda: mapclassify.EqualInterval(y, k=k),
        }[scheme]()
        bins = [float(b) for b in cls.bins]
        yb = np.asarray(cls.yb, dtype=int)
    colors = palette(len(bins))
    labels = class_labels(float(y.min()), bins, integral=bool(np.all(y == np.round(y))))
    for adcode, b in zip(known, yb, strict=True):
        class_of[adcode] = int(b)
    color_of = {a: (colors[c] if c >= 0 else NO_DATA) for a, c in class_of.items()}
    return Classification(metric, "numeric", scheme, colors, labels, color_of, class_of, bins)


def classify_categorical(
    metric: str,
    values: Mapping[str, str | None],
    categories: list[tuple[str, str, str]],
) -> Classification:
    """Colour categories (such as city roles) with fixed colours.

    Parameters
    ----------
    metric : str
        Metric id.
    values : mapping
        Adcode -> category id (None for none).
    categories : list of tuple
        ``(category id, legend label, hex colour)`` in legend order.

    Returns
    -------
    Classification
    """
    order = {cat: i for i, (cat, _, _) in enumerate(categories)}
    class_of = {a: order.get(v, -1) if v else -1 for a, v in values.items()}
    colors = [c for _, _, c in categories]
    color_of = {a: (colors[i] if i >= 0 else NO_DATA) for a, i in class_of.items()}
    return Classification(
        metric,
        "categorical",
        "categorical",
        colors,
        [lab for _, lab, _ in categories],
        color_of,
        class_of,
    )


def preload() -> None:
    """Start importing mapclassify in a background thread.

    Importing it takes about a second (it loads scipy); a caller that will classify soon
    (building a map, opening the app) starts it early so it overlaps with other work.
    """
    import importlib
    import threading

    threading.Thread(
        target=importlib.import_module, args=("mapclassify",), name="preload", daemon=True
    ).start()
