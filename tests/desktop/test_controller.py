"""The map controller in the real web engine: one path from the state to the page.

Builds and restyles run in worker threads and may land in any order: a superseded result is
dropped, so the page ends on the last thing asked for. To show it, the first restyle's worker is
held back (a real :meth:`AtlasData.style` that waits) until the later ones have landed.
"""

import json
import threading

from tests.desktop.windows import WAIT, open_drawn_window, run_js


def page_style(qtbot, window) -> dict:
    """The style the page applied last (``InfraAtlas.style``, without its colours)."""
    code = "JSON.stringify(Object.assign({}, InfraAtlas.style, {colors: null, values: null}))"
    return json.loads(run_js(qtbot, window, code))


def in_flight(window) -> set:
    """The map's builds and restyles still running."""
    return window.controller._workers


def settle(qtbot, window, metric: str) -> None:
    """Show ``metric`` with the default classification and wait until nothing is running."""
    window.state.set_classification("natural_breaks", 4)
    window.state.set_metric(metric)
    qtbot.waitUntil(lambda: not in_flight(window), timeout=WAIT)
    qtbot.waitUntil(lambda: page_style(qtbot, window)["metric"] == metric, timeout=WAIT)


def hold_first_restyle(window, monkeypatch) -> threading.Event:
    """Hold the next restyle back until the event is set: it lands after the later ones."""
    release = threading.Event()
    calls = []
    style = window.data.style

    def held(*args):
        calls.append(args)
        if len(calls) == 1:
            release.wait(WAIT / 1000)
        return style(*args)

    monkeypatch.setattr(window.data, "style", held)
    return release


def test_a_quick_switch_back_ends_on_the_last_metric(qtbot, shanxi, monkeypatch):
    settle(qtbot, shanxi, "role")
    release = hold_first_restyle(shanxi, monkeypatch)
    shanxi.state.set_metric("plan_items")  # its restyle is slow...
    shanxi.state.set_metric("role")  # ...the user is back before it lands
    qtbot.waitUntil(lambda: len(in_flight(shanxi)) == 1, timeout=WAIT)  # the held one only
    release.set()
    qtbot.waitUntil(lambda: not in_flight(shanxi), timeout=WAIT)
    assert page_style(qtbot, shanxi)["metric"] == "role"
    assert shanxi.layers_panel.metric_combo.currentData() == "role"


def test_a_slow_restyle_never_overwrites_a_newer_one(qtbot, shanxi, monkeypatch):
    settle(qtbot, shanxi, "role")
    release = hold_first_restyle(shanxi, monkeypatch)
    shanxi.state.set_metric("plan_items")  # slow
    shanxi.state.set_classification("quantiles", 6)  # asked next, lands first
    qtbot.waitUntil(lambda: len(in_flight(shanxi)) == 1, timeout=WAIT)
    assert page_style(qtbot, shanxi)["scheme"] == "quantiles"
    release.set()
    qtbot.waitUntil(lambda: not in_flight(shanxi), timeout=WAIT)
    style = page_style(qtbot, shanxi)
    assert (style["metric"], style["scheme"]) == ("plan_items", "quantiles")
    monkeypatch.undo()
    settle(qtbot, shanxi, "role")


def test_the_classification_follows_the_kind_of_metric(qtbot, shanxi):
    panel = shanxi.layers_panel
    settle(qtbot, shanxi, "role")
    qtbot.waitUntil(lambda: not panel.scheme_combo.isEnabled(), timeout=WAIT)
    assert not panel.classes_spin.isEnabled() and panel.classes_note.isHidden()
    settle(qtbot, shanxi, "plan_items")
    qtbot.waitUntil(lambda: panel.scheme_combo.isEnabled(), timeout=WAIT)
    style = page_style(qtbot, shanxi)
    assert panel.classes_spin.isEnabled()
    assert panel.classes_note.isHidden() == (style["drawn"] == style["asked"])
    if style["drawn"] < style["asked"]:
        assert panel.classes_note.text() == style["note"][shanxi.state.language]
    settle(qtbot, shanxi, "role")


def test_a_province_without_the_metric_shows_its_fallback(qtbot, monkeypatch):
    """Shanxi opens on city roles; Zhejiang has none: the page falls back, the state follows."""
    window = open_drawn_window("shanxi")
    qtbot.addWidget(window)
    assert window.state.metric == "role"
    styles = []
    style = window.data.style
    monkeypatch.setattr(window.data, "style", lambda *a: styles.append(a) or style(*a))
    metrics = []
    window.state.metric_changed.connect(metrics.append)
    with qtbot.waitSignal(window.view_ready, timeout=WAIT):
        window.state.set_province("330000")
    qtbot.waitUntil(lambda: window.state.metric == "plan_items", timeout=WAIT)
    assert metrics == ["plan_items"]  # one event
    assert window.layers_panel.metric_combo.currentData() == "plan_items"
    assert page_style(qtbot, window)["metric"] == "plan_items"
    assert styles == []  # the page has it already: no restyle
    assert window.layers_panel.checkboxes["corridors"].isEnabled()
    assert not window.layers_panel.checkboxes["roles"].isEnabled()
    window.close()


def test_changes_made_while_the_page_loads_are_shown_once_it_is_drawn(qtbot, shanxi):
    before = shanxi.state.language
    language = "en" if before == "zh" else "zh"
    with qtbot.waitSignal(shanxi.view_ready, timeout=WAIT):
        shanxi.controller.rebuild(keep_view=False)
        assert not shanxi.map.is_ready  # (a view built before loads at once)
        shanxi.state.set_overlay_visible("labels", False)
        shanxi.state.set_language(language)
    described = json.loads(run_js(qtbot, shanxi, "InfraAtlas.describe()"))
    assert described["layers"]["labels"] is False
    assert described["lang"] == language
    shanxi.state.set_overlay_visible("labels", True)
    shanxi.state.set_language(before)  # (the window saves it for the next one on closing)


def test_after_a_failed_build_the_page_shown_still_restyles(qtbot, shanxi, monkeypatch):
    from geodata.errors import InputError

    settle(qtbot, shanxi, "role")

    def fail(*_args):
        raise InputError("no boundaries for this view: import some")

    monkeypatch.setattr(shanxi.data, "cached_view", lambda *_args: None)
    monkeypatch.setattr(shanxi.data, "prepare_view", fail)
    shanxi.controller.rebuild(keep_view=False)
    qtbot.waitUntil(lambda: bool(shanxi.notifier.errors), timeout=WAIT)
    assert shanxi.notifier.errors == ["no boundaries for this view: import some"]
    assert not shanxi.progress.isVisible()
    shanxi.notifier.errors.clear()
    monkeypatch.undo()
    settle(qtbot, shanxi, "plan_items")  # shown on the page that stayed
    settle(qtbot, shanxi, "role")
