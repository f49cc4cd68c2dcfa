"""Dialogs of the desktop app.

* :class:`~desktop.dialogs.document.DocumentDialog`: a plan document with a quote highlighted.
* :class:`~desktop.dialogs.about.AboutDialog`: version, data sources and licences;
  :func:`~desktop.dialogs.about.app_icon` returns the application icon.
"""
