"""Offline-first folium: the one place that points folium at the vendored web assets.

folium's pages pull Leaflet, jQuery, Bootstrap, Leaflet.awesome-markers, Font Awesome and a few
stylesheets from CDNs. Infra Atlas ships those files in ``resources/web`` (listed with their
licences in ``resources/web/MANIFEST.json``) and every map it shows must load them from there,
through ``file://`` URIs, never from the network.

folium names each resource (``("leaflet", url)`` in ``default_js``, ``("leaflet_css", url)`` in
``default_css``) and keeps one link per name in the page header, so the name is what this module
matches on; the CDN URLs listed in the manifest are matched too, for links that reach the header
by another way (branca's colormap legend adds d3 there while it renders).

* :func:`offline_map` makes a :class:`folium.Map` that loads nothing remote: no tiles by default,
  the map's ``default_js``/``default_css`` replaced on the instance (folium's class-level lists
  are left alone), and a guard in the page header that points every later link at the vendored
  copy or refuses to render with a :class:`ValueError` naming the asset to vendor.
* :func:`localise_element` does the same for a plugin's ``default_js``/``default_css``;
  :func:`make_offline` for a map made elsewhere.
* :func:`font_face_css` / :func:`add_font` make the map's text use the shipped Noto Sans SC.
* :func:`asset_manifest` lists what is vendored, with licences (the About dialog shows them).

What a rendered page would fetch is checked by the tests (``tests/pagescan.py``).

No Qt here.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin

from geodata.fonts import CJK_FONT_BOLD_PATH, CJK_FONT_FAMILY, CJK_FONT_PATH
from resources import RESOURCES_DIR

WEB_DIR: Path = RESOURCES_DIR / "web"
"""Directory of the vendored web assets (one sub-directory per npm package)."""

MANIFEST_PATH: Path = WEB_DIR / "MANIFEST.json"
"""What is vendored: package, version, files, licence. Paths in it are relative to resources/."""

_REMOTE_PREFIX = re.compile(r"(?:https?:)?//", re.IGNORECASE)
_GUARD_NAME = "infra_atlas_offline_guard"
_FONT_STYLE_NAME = "infra_atlas_cjk_font"

_E = TypeVar("_E", bound=Element)


# --------------------------------------------------------------------------------------------
# The manifest


@cache
def _manifest() -> dict[str, Any]:
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))


def asset_manifest() -> list[dict[str, Any]]:
    """Return the vendored third-party assets, as listed in ``resources/web/MANIFEST.json``.

    Returns
    -------
    list of dict
        One dict per asset with the keys ``id``, ``package`` (npm package name), ``version``,
        ``source``, ``licence`` (SPDX expression), ``licence_file``, ``files``, ``provides``
        (folium resource names and CDN URLs the asset stands in for) and ``notes``. Paths are
        relative to the ``resources`` directory; :func:`resource_path` makes them absolute.
        The list is a copy: changing it changes nothing else.
    """
    return copy.deepcopy(_manifest()["assets"])


def resource_path(relative: str) -> Path:
    """Return the absolute path of a manifest path such as ``"web/leaflet/LICENSE"``.

    Parameters
    ----------
    relative : str
        A path from :func:`asset_manifest` (relative to the ``resources`` directory).

    Returns
    -------
    pathlib.Path
        The file's absolute path.
    """
    return RESOURCES_DIR / relative


@cache
def _lookup() -> tuple[dict[tuple[str, str], Path], dict[str, Path]]:
    by_name: dict[tuple[str, str], Path] = {}
    by_url: dict[str, Path] = {}
    for asset in _manifest()["assets"]:
        for item in asset["provides"]:
            path = resource_path(item["file"])
            by_name[(item["kind"], item["name"])] = path
            for url in item["urls"]:
                by_url[url] = path
    return by_name, by_url


def _is_remote(url: str) -> bool:
    return bool(_REMOTE_PREFIX.match(url.strip()))


def _local_url(kind: str, name: str, url: str, owner: str) -> str:
    """Return the ``file://`` URI standing in for a folium resource, or raise ValueError."""
    if not _is_remote(url):
        return url
    by_name, by_url = _lookup()
    path = by_name.get((kind, name)) or by_url.get(url.strip())
    if path is None:
        raise ValueError(
            f"{owner} wants the {kind} asset {name!r} from {url}, which is not vendored: "
            f"add the file under resources/web/ and list it (name {name!r}, kind {kind!r}, "
            f"that URL) in resources/web/MANIFEST.json so maps stay offline."
        )
    return path.as_uri()


# --------------------------------------------------------------------------------------------
# Making maps offline


def _walk(element: Element) -> Iterator[Element]:
    stack = [element]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(list(current._children.values())))
        if isinstance(current, Figure):
            stack.extend([current.header, current.html, current.script])


def localise_element(element: _E, *, recursive: bool = True) -> _E:
    """Point a folium element's ``default_js``/``default_css`` at the vendored files.

    The new lists are set on the instance, so the class (shared by every map of the process)
    is not changed. Entries that are not http(s) URLs are kept as they are.

    Parameters
    ----------
    element : branca.element.Element
        A map, plugin or any folium element; elements without ``default_js``/``default_css``
        are left alone.
    recursive : bool, default True
        Also localise every element below ``element`` (plugins added to a map, ...).

    Returns
    -------
    branca.element.Element
        ``element`` itself, for chaining.

    Raises
    ------
    ValueError
        If an element wants a remote asset whose name (and URL) the manifest does not know; the
        message names the asset so a developer can vendor it into ``resources/web``.
    """
    for current in _walk(element) if recursive else [element]:
        if not isinstance(current, JSCSSMixin):
            continue
        owner = type(current).__name__
        current.default_js = [
            (name, _local_url("js", name, url, owner)) for name, url in current.default_js
        ]
        current.default_css = [
            (name, _local_url("css", name, url, owner)) for name, url in current.default_css
        ]
    return element


class _OfflineHeaderGuard(Element):
    """First child of a page header: points every link rendered after it at vendored files.

    folium adds a page's ``<script src>``/``<link href>`` elements to the figure header while
    the figure's children render, which happens before the header itself renders; this guard is
    rendered first within the header, so it sees them all, including links added by plugins put
    on the map after :func:`make_offline` and by branca (its colormap legend adds d3).
    """

    def render(self, **kwargs: Any) -> str:
        header = self._parent
        if header is None:
            return ""
        for name, child in header._children.items():
            if isinstance(child, JavascriptLink):
                child.url = _local_url("js", name, child.url, "the page header")
            elif isinstance(child, CssLink):
                child.url = _local_url("css", name, child.url, "the page header")
        return ""


def make_offline(element: _E) -> _E:
    """Make a folium map (or any element in a figure) load its assets from ``resources/web``.

    Localises the element and everything below it (:func:`localise_element`) and puts a guard
    at the top of the page header that points every script and stylesheet link rendered later
    at the vendored copy, so plugins added afterwards are covered too. Tiles are not touched:
    a tile layer with a remote URL still loads from the network.

    Parameters
    ----------
    element : branca.element.Element
        Usually a :class:`folium.Map`; it should already be in a :class:`branca.element.Figure`
        (a new ``folium.Map`` is). Calling it again is harmless.

    Returns
    -------
    branca.element.Element
        ``element`` itself.

    Raises
    ------
    ValueError
        If an element wants a remote asset that is not vendored (raised here, or when the page
        renders for links added later).
    """
    localise_element(element)
    root = element.get_root()
    if isinstance(root, Figure):
        root.header.add_child(_OfflineHeaderGuard(), name=_GUARD_NAME, index=0)
    return element


def offline_map(*, cjk_font: bool = True, **folium_map_kwargs: Any) -> folium.Map:
    """Create a :class:`folium.Map` that loads nothing from the network.

    Parameters
    ----------
    cjk_font : bool, default True
        Add :func:`font_face_css` so Chinese text uses the shipped Noto Sans SC.
    **folium_map_kwargs
        Passed to :class:`folium.Map`. ``tiles`` defaults to ``None`` (no base map): pass a
        local tile source to have one; a remote one would break the offline promise.

    Returns
    -------
    folium.Map
        The map, already made offline with :func:`make_offline`.
    """
    folium_map_kwargs.setdefault("tiles", None)
    fmap = make_offline(folium.Map(**folium_map_kwargs))
    if cjk_font:
        add_font(fmap)
    return fmap


# --------------------------------------------------------------------------------------------
# The CJK font in maps

_FONT_SELECTORS = (
    "body",
    ".leaflet-container",
    ".leaflet-tooltip",
    ".leaflet-popup-content",
    ".leaflet-control",
    ".legend",
    ".legend text",
    ".foliumtooltip",
    ".foliumpopup",
)


def font_face_css(subset: tuple[Path, Path] | None = None) -> str:
    """Return CSS that makes map text use the shipped Noto Sans SC.

    Declares ``@font-face`` rules for the regular (400) and bold (700) files through ``file://``
    URIs and sets ``font-family: "Noto Sans SC", sans-serif`` on the page body, the Leaflet
    container, tooltips, popups, controls and legends, and on Bootstrap's font variables. The
    rules are prefixed with ``:root`` so they win over leaflet.css and bootstrap.css, which
    folium links after this style.

    Parameters
    ----------
    subset : tuple of Path, optional
        Regular and bold subset files (:func:`geodata.web.pagefont.page_font_files`): declared as
        the first family, with the full font as the fallback for characters they lack.

    Returns
    -------
    str
        The CSS (without a ``<style>`` tag).
    """
    from geodata.web.pagefont import SUBSET_FAMILY

    fonts = [(CJK_FONT_FAMILY, CJK_FONT_PATH, 400), (CJK_FONT_FAMILY, CJK_FONT_BOLD_PATH, 700)]
    family = f'"{CJK_FONT_FAMILY}", sans-serif'
    if subset is not None:
        fonts = [(SUBSET_FAMILY, subset[0], 400), (SUBSET_FAMILY, subset[1], 700), *fonts]
        family = f'"{SUBSET_FAMILY}", {family}'
    faces = "\n".join(
        "@font-face {\n"
        f'  font-family: "{name}";\n'
        f'  src: url("{path.as_uri()}") format("truetype");\n'
        f"  font-weight: {weight};\n"
        "  font-style: normal;\n"
        "}"
        for name, path, weight in fonts
    )
    selectors = ",\n".join(f":root {selector}" for selector in _FONT_SELECTORS)
    return (
        f"{faces}\n"
        "html:root {\n"
        f"  --bs-body-font-family: {family};\n"
        f"  --bs-font-sans-serif: {family};\n"
        "}\n"
        f"{selectors} {{\n"
        f"  font-family: {family};\n"
        "}\n"
    )


def add_font(fmap: folium.Map, subset: tuple[Path, Path] | None = None) -> folium.Map:
    """Add :func:`font_face_css` to the header of the map's page (once).

    Parameters
    ----------
    fmap : folium.Map
        The map; it must be in a figure (a new ``folium.Map`` is).
    subset : tuple of Path, optional
        Subset font files to use first (see :func:`font_face_css`).

    Returns
    -------
    folium.Map
        ``fmap`` itself.
    """
    style = Element(f"<style>\n{font_face_css(subset)}</style>")
    fmap.get_root().header.add_child(style, name=_FONT_STYLE_NAME)
    return fmap
