"""Grab a web view only once it shows the page's latest changes.

A web view's grab returns the last frame Chromium handed to Qt. On a loaded machine that frame
can be seconds old: an export once saved the offscreen page as first loaded (zoom buttons,
Leaflet credit, the layer's own extent) although the page had been dressed and moved long
before. Waiting for animation frames or a timer does not prove the frame arrived; a mark does.

The page draws a one-pixel mark of an unlikely colour in its top-left corner; grabs repeat
until one shows the mark (that frame holds every change made before it); then the mark is
removed and grabs repeat until one no longer shows it. That last frame holds the page as it
is, without the mark. (A blank frame cannot pass: the mark proves the page was painted.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWebEngineWidgets import QWebEngineView

#: The mark's colour (no map style, basemap or text colour of ours is this green).
MARK_RGB = (3, 254, 7)
#: How far a grabbed pixel may stray from the mark's colour and still be the mark.
MARK_TOLERANCE = 3
#: How long apart to grab again, and how long to try before giving up (ms).
RETRY_MS, GIVE_UP_MS = 10, 20_000

ADD_MARK_JS = """(function () {
  var mark = document.getElementById('atlas-frame-mark') || document.createElement('div');
  mark.id = 'atlas-frame-mark';
  mark.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647;'
    + 'pointer-events:none;background:MARK_COLOUR';
  document.body.appendChild(mark);
  return true;
})()""".replace("MARK_COLOUR", "rgb({},{},{})".format(*MARK_RGB))

DROP_MARK_JS = """(function () {
  var mark = document.getElementById('atlas-frame-mark');
  if (mark) { mark.remove(); }
  return true;
})()"""


def shows_mark(image: QImage) -> bool:
    """Return True when ``image`` has the mark's colour in its top-left pixel."""
    if image.isNull():
        return False
    colour = image.pixelColor(0, 0)
    rgb = (colour.red(), colour.green(), colour.blue())
    return all(abs(a - b) <= MARK_TOLERANCE for a, b in zip(rgb, MARK_RGB, strict=True))


def grab_fresh(
    view: QWebEngineView,
    then: Callable[[QImage], None],
    fail: Callable[[], None],
    alive: Callable[[], bool] = lambda: True,
) -> None:
    """Grab ``view`` once it shows every change its page made before this call; then ``then``.

    Runs on timers and page callbacks (the GUI never waits). Calls ``fail`` when no fresh
    frame arrives within :data:`GIVE_UP_MS`, and stops quietly once ``alive()`` is False.
    """
    clock = QElapsedTimer()
    clock.start()

    def poll(want_mark: bool) -> None:
        if not alive():
            return
        image = view.grab().toImage()
        if shows_mark(image) == want_mark:
            if want_mark:
                view.page().runJavaScript(DROP_MARK_JS, 0, lambda _ok: poll(False))
            else:
                then(image)
        elif clock.elapsed() > GIVE_UP_MS:
            fail()
        else:
            QTimer.singleShot(RETRY_MS, lambda: poll(want_mark))

    view.page().runJavaScript(ADD_MARK_JS, 0, lambda _ok: poll(True))
