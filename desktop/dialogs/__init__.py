"""Dialogs of the desktop app.

* :class:`~desktop.dialogs.document.DocumentDialog`: a plan document with a quote highlighted.
* :class:`~desktop.dialogs.about.AboutDialog`: version, data sources and licences;
  :func:`~desktop.dialogs.about.app_icon` returns the application icon.
* :func:`~desktop.dialogs.forms.labelled_form`: a form whose every field is labelled.
* :class:`~desktop.dialogs.import_boundaries.ImportBoundariesDialog`: File > Import boundaries
  (check a file, show the report, store it as a new boundary version).
* :class:`~desktop.dialogs.versions.VersionsDialog`: Boundaries > Boundary versions (activate,
  restore the bundled boundaries, see what changed as a table and a map).
"""
