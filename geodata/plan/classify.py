"""Classify a metric into map classes and colours, the same way for the web map and the figures."""

from __future__ import annotations

import bisect
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from geodata.errors import InputError
from geodata.i18n import tr
from geodata.vocab import SCHEMES

if TYPE_CHECKING:
    import numpy as np

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
#: Why a numeric classification draws fewer classes than asked: no region has a value; every
#: value is the same; fewer regions have a value than classes asked; the values have fewer
#: distinct values than that; the scheme merged classes of tied values (quantiles of many
#: equal values).
FEWER_REASONS = ("no_values", "one_value", "regions", "distinct_values", "ties")


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
        Classification scheme (``"categorical"`` for categories, ``"fixed"`` for fixed bounds).
    colors : list of str
        One hex colour per class, in legend order.
    labels : list of str
        One legend label per class.
    color_of : dict
        Adcode -> hex colour (regions without a value get :data:`NO_DATA`).
    class_of : dict
        Adcode -> class index (-1 for no data).
    bins : list of float
        Upper bounds of the numeric classes (the bounds between them for fixed classes).
    asked : int
        The number of classes asked for (the categories' number for categories).
    reason : str or None
        Why fewer classes than ``asked`` are drawn (None when all are), one of
        :data:`FEWER_REASONS`.
    language : {"zh", "en"}
        Language of the legend's words (the no-data entry, the note).
    """

    metric: str
    kind: str
    scheme: str
    colors: list[str]
    labels: list[str]
    color_of: dict[str, str]
    class_of: dict[str, int]
    bins: list[float] = field(default_factory=list)
    asked: int = 0
    reason: str | None = None
    language: str = "zh"

    @property
    def drawn(self) -> int:
        """The number of classes drawn (legend entries other than no data)."""
        return len(self.colors)

    def legend(self) -> list[dict]:
        """Return the legend entries ``[{color, label}]`` (with a no-data entry when needed)."""
        entries = [
            {"color": c, "label": lab} for c, lab in zip(self.colors, self.labels, strict=True)
        ]
        if any(v < 0 for v in self.class_of.values()):
            entries.append({"color": NO_DATA, "label": tr("classes.no_data", self.language)})
        return entries

    def note(self) -> str:
        """Return why fewer classes are drawn than asked, as one line (``""`` when all are)."""
        if self.reason is None:
            return ""
        return tr(f"classes.{self.reason}", self.language, drawn=self.drawn, asked=self.asked)


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
    metric: str,
    values: Mapping[str, float | None],
    scheme: str = "natural_breaks",
    k: int = 4,
    language: str = "zh",
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
        Number of classes wanted; fewer are drawn when the values cannot fill them, and the
        classification's ``reason`` says why.
    language : {"zh", "en"}
        Language of the legend's words.

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
        no_data = dict.fromkeys(values, NO_DATA)
        return Classification(
            metric,
            "numeric",
            scheme,
            [],
            [],
            no_data,
            class_of,
            asked=k,
            reason="no_values",
            language=language,
        )
    y = np.array(list(known.values()))
    bins, yb = _breaks(y, scheme, k)
    colors = palette(len(bins))
    labels = class_labels(float(y.min()), bins, integral=bool(np.all(y == np.round(y))))
    for adcode, b in zip(known, yb, strict=True):
        class_of[adcode] = int(b)
    color_of = {a: (colors[c] if c >= 0 else NO_DATA) for a, c in class_of.items()}
    return Classification(
        metric,
        "numeric",
        scheme,
        colors,
        labels,
        color_of,
        class_of,
        bins,
        asked=k,
        reason=_fewer_reason(y, k, len(bins)),
        language=language,
    )


def _breaks(y: np.ndarray, scheme: str, k: int) -> tuple[list[float], np.ndarray]:
    """Return the upper bounds of at most ``k`` classes of ``y`` and each value's class."""
    import numpy as np

    distinct = np.unique(y)
    k = max(1, min(k, len(distinct)))
    if k == 1:
        return [float(distinct.max())], np.zeros(len(y), dtype=int)
    import mapclassify  # only here: one class needs no classifier (and no 1 s import)

    make = {
        "natural_breaks": mapclassify.NaturalBreaks,
        "quantiles": mapclassify.Quantiles,
        "equal_interval": mapclassify.EqualInterval,
    }[scheme]
    with warnings.catch_warnings():
        # Quantiles of tied values merge classes and say so: the classification says it too.
        warnings.filterwarnings("ignore", "Not enough unique values", UserWarning)
        classes = make(y, k=k)
    return [float(b) for b in classes.bins], np.asarray(classes.yb, dtype=int)


def _fewer_reason(y: np.ndarray, asked: int, drawn: int) -> str | None:
    """Return why ``drawn`` classes of ``y`` are fewer than ``asked`` (None when they are not)."""
    import numpy as np

    distinct = len(np.unique(y))
    if drawn >= asked:
        return None
    if drawn < distinct:
        return "ties"
    if distinct == 1:
        return "one_value"
    return "regions" if distinct == len(y) else "distinct_values"


def fixed_class_labels(breaks: Sequence[float], unit: str, language: str) -> list[str]:
    """Return the labels of the classes fixed breaks make: ``below 50%`` ... ``100% or more``."""
    shown = [f"{_fmt(b)}{unit}" for b in breaks]
    labels = [tr("classes.below", language, upper=shown[0])]
    labels += [tr("classes.range", language, low=a, upper=b) for a, b in pairwise(shown)]
    return labels + [tr("classes.at_least", language, low=shown[-1])]


def classify_fixed(
    metric: str,
    values: Mapping[str, float | None],
    breaks: Sequence[float],
    colors: Sequence[str],
    unit: str = "",
    language: str = "zh",
) -> Classification:
    """Classify numeric values into classes with fixed bounds (such as shares of a target).

    A value ``v`` is in class ``i`` when ``breaks[i-1] <= v < breaks[i]``: the first class is
    everything below ``breaks[0]``, the last everything from ``breaks[-1]`` up. Every class is in
    the legend, whether a region falls in it or not, so maps of different dates compare.

    Parameters
    ----------
    metric : str
        Metric id.
    values : mapping
        Adcode -> value (None or NaN for no data).
    breaks : sequence of float
        The increasing bounds between classes (``len(colors) - 1`` of them).
    colors : sequence of str
        One hex colour per class, lowest first.
    unit : str
        Written after each bound in the labels (``"%"``).
    language : {"zh", "en"}
        Language of the labels.

    Returns
    -------
    Classification
        Scheme ``"fixed"``; ``bins`` are the bounds (the last class has none).
    """
    if len(colors) != len(breaks) + 1:
        raise ValueError(f"{len(breaks)} breaks make {len(breaks) + 1} classes, not {len(colors)}")
    class_of = {}
    for adcode, v in values.items():
        known = v is not None and not math.isnan(float(v))
        class_of[adcode] = bisect.bisect_right(breaks, float(v)) if known else -1  # type: ignore[arg-type]
    color_of = {a: (colors[c] if c >= 0 else NO_DATA) for a, c in class_of.items()}
    return Classification(
        metric,
        "numeric",
        "fixed",
        list(colors),
        fixed_class_labels(breaks, unit, language),
        color_of,
        class_of,
        [float(b) for b in breaks],
        asked=len(colors),
        language=language,
    )


def classify_categorical(
    metric: str,
    values: Mapping[str, str | None],
    categories: list[tuple[str, str, str]],
    language: str = "zh",
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
    language : {"zh", "en"}
        Language of the labels (and of the no-data entry).

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
        asked=len(categories),
        language=language,
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
