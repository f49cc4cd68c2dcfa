"""A target's note (a fact from outside its quote) shown under the quote in the region panel."""

import dataclasses

from desktop.panels.region import RegionPanel
from desktop.state import AppState
from geodata.plan.details import region_details


def test_note_is_shown_beside_the_quote_and_escaped(qtbot, all_targets):
    state = AppState(language="en")
    panel = RegionPanel(state)
    qtbot.addWidget(panel)
    panel.show_details(region_details("330500", all_targets))  # Huzhou: ZJ-08 only
    text = panel.text()
    zj08 = next(t for t in all_targets if t.id == "ZJ-08")
    assert f"Note: {zj08.note}" in text
    assert text.index(zj08.quote) < text.index("Note:") < text.index("Source:", text.index("Note:"))
    state.set_language("zh")
    assert f"注：{zj08.note}" in panel.text()

    hostile = dataclasses.replace(zj08, note="<img src=x onerror=alert(1)>")
    panel.show_details(region_details("330500", [hostile]))
    assert "<img" not in panel.render_html() and "<img src=x" in panel.text()
    plain = dataclasses.replace(zj08, note="")
    panel.show_details(region_details("330500", [plain]))
    assert "注：" not in panel.text()
