"""The map in the window: the web view that shows the page, and the controller that drives it.

* :mod:`desktop.map.view`: :class:`~desktop.map.view.MapView`, the QWebEngineView showing a map
  document and its bridge back to Python.
* :mod:`desktop.map.controller`: :class:`~desktop.map.controller.MapController`, the one path
  from the app state to the page (builds, restyles and every call of the page's JavaScript).
"""
