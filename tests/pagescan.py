"""What a rendered page would load: the check that a map stays offline.

The engine (:mod:`geodata.web.assets`) points folium at the vendored files; this scanner, used
by the tests only, reads a rendered page the way a browser would and lists the URLs it would
fetch, so a test can assert that nothing comes from the network and every local file exists.

* :func:`rendered_remote_urls` lists the http(s) URLs a page would fetch.
* :func:`rendered_local_files` lists the local files it would load.
* :func:`verify_vendored_assets` checks ``resources/web`` against its manifest.
"""

from __future__ import annotations

import base64
import binascii
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from geodata.web.assets import WEB_DIR, asset_manifest, resource_path
from resources import RESOURCES_DIR

_REMOTE_PREFIX = re.compile(r"(?:https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_JS_LITERAL = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""")
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_JS_LOADING_CONTEXT = re.compile(
    r"(?:\(|(?<![=!<>])=|\b(?:iconUrl|iconRetinaUrl|shadowUrl|shadowRetinaUrl)[\"']?\s*:)$"
)
_URL_LITERAL = re.compile(r"(?:https?:)?//[^\s<>\"'`]+$", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[A-Za-z]")
_XML_NAMESPACES = ("http://www.w3.org/",)

# Attributes whose URL the browser fetches, per tag (``<a href>`` is a link, not a load).
_LOADING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}


def _is_remote(url: str) -> bool:
    return bool(_REMOTE_PREFIX.match(url.strip()))


def _js_unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return {"n": "\n", "t": "\t", "r": "\r"}.get(code, code)

    return _JS_ESCAPE.sub(replace, text)


def _data_html(url: str) -> str | None:
    """Return the document inside a ``data:text/html`` URL, or None for other URLs."""
    if not url.lower().startswith("data:text/html"):
        return None
    header, _, payload = url.partition(",")
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(unquote(payload)).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            return None
    return unquote(payload)


class _PageScanner(HTMLParser):
    """Collect the URLs an HTML page loads, in document order."""

    def __init__(self, found: list[str], follow_local_css: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.found = found
        self.follow_local_css = follow_local_css
        self._raw_tag: str | None = None

    def add(self, url: str) -> None:
        url = url.strip()
        if not url or url.startswith("#"):
            return
        inner = _data_html(url)
        if inner is not None:
            _scan_html(inner, self.found, self.follow_local_css)
        elif not url.lower().startswith(("data:", "javascript:", "about:", "blob:")):
            self.found.append(url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        for attribute in _LOADING_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if not value:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    self.add(candidate.strip().split(" ")[0])
            else:
                self.add(value)
            if tag == "link" and attribute == "href" and self.follow_local_css:
                rel = values.get("rel", "").lower().split()
                if "stylesheet" in rel and value.lower().startswith("file:"):
                    _scan_css_file(_file_url_path(value), self.found, set())
        if "style" in values:
            _scan_css(values["style"], self.found)
        if "srcdoc" in values:
            _scan_html(values["srcdoc"], self.found, self.follow_local_css)
        if tag in ("script", "style"):
            self._raw_tag = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw_tag = None

    def handle_endtag(self, tag: str) -> None:
        self._raw_tag = None

    def handle_data(self, data: str) -> None:
        if self._raw_tag == "style":
            _scan_css(data, self.found)
        elif self._raw_tag == "script":
            _scan_script(data, self.found, self.follow_local_css)


def _scan_html(html: str, found: list[str], follow_local_css: bool) -> None:
    scanner = _PageScanner(found, follow_local_css)
    scanner.feed(html)
    scanner.close()


def _css_references(css: str) -> list[str]:
    refs = []
    for pattern in (_CSS_URL, _CSS_IMPORT):
        for match in pattern.finditer(css):
            refs.append(next(group for group in match.groups() if group is not None).strip())
    return refs


def _scan_css(css: str, found: list[str]) -> None:
    for ref in _css_references(css):
        if ref and not ref.startswith("#") and not ref.lower().startswith("data:"):
            found.append(ref)


def _scan_css_file(path: Path, found: list[str], seen: set[Path]) -> None:
    """Add what a local stylesheet loads, with relative references made ``file://`` URIs."""
    if path in seen or not path.is_file():
        return
    seen.add(path)
    for ref in _css_references(path.read_text(encoding="utf-8", errors="replace")):
        if not ref or ref.startswith("#") or ref.lower().startswith("data:"):
            continue
        if _is_remote(ref) or ":" in ref.split("/")[0]:
            found.append(ref)
            continue
        target = (path.parent / unquote(ref.split("#")[0].split("?")[0])).resolve()
        found.append(target.as_uri())
        if target.suffix.lower() == ".css":
            _scan_css_file(target, found, seen)


def _scan_script(script: str, found: list[str], follow_local_css: bool) -> None:
    for match in _JS_LITERAL.finditer(script):
        value = _js_unescape(match.group()[1:-1]).strip()
        if _URL_LITERAL.match(value):
            if value.startswith(_XML_NAMESPACES):
                continue
            before = script[max(0, match.start() - 40) : match.start()].rstrip()
            if _JS_LOADING_CONTEXT.search(before):
                found.append(value)
        elif value.lower().startswith("data:text/html"):
            inner = _data_html(value)
            if inner is not None:
                _scan_html(inner, found, follow_local_css)
        elif _HTML_TAG.search(value):
            _scan_html(value, found, follow_local_css)
        elif "url(" in value.lower():
            _scan_css(value, found)


def _file_url_path(url: str) -> Path:
    return Path(url2pathname(unquote(urlsplit(url).path)))


def _rendered_urls(html: str, follow_local_css: bool = True) -> list[str]:
    found: list[str] = []
    _scan_html(html, found, follow_local_css)
    return list(dict.fromkeys(found))


def rendered_remote_urls(html: str) -> list[str]:
    """List every http(s) URL a rendered page would fetch.

    Looks at ``src``/``href`` of scripts, stylesheets, images, frames and media (not at
    ``<a href>`` links such as tile attributions), ``url(...)`` and ``@import`` in styles and
    ``style`` attributes, the documents of ``data:text/html`` and ``srcdoc`` frames (folium
    popups), the stylesheets the page links through ``file://`` and what those import, and in
    inline scripts the HTML fragments in string literals plus string literals that are URLs
    passed to a call or assigned (``L.tileLayer("https://...")``, ``img.src = "..."``) or given
    as ``iconUrl``/``shadowUrl``. A URL that is only data (a GeoJSON property, an attribution
    link) is not a load and is not listed.

    Parameters
    ----------
    html : str
        The page, e.g. ``fmap.get_root().render()``.

    Returns
    -------
    list of str
        The remote URLs (``http://``, ``https://`` and protocol-relative ``//``), each once, in
        page order. Empty for a page that works offline.
    """
    return [url for url in _rendered_urls(html) if _is_remote(url)]


def rendered_local_files(html: str) -> list[Path]:
    """List the local files (``file://`` URIs) a rendered page would load.

    Covers the same references as :func:`rendered_remote_urls`, including the fonts and images
    that linked local stylesheets reference by relative path.

    Parameters
    ----------
    html : str
        The page, e.g. ``fmap.get_root().render()``.

    Returns
    -------
    list of pathlib.Path
        Each file once, in page order; some may not exist (that is what to check).
    """
    urls = [url for url in _rendered_urls(html) if url.lower().startswith("file:")]
    return list(dict.fromkeys(_file_url_path(url) for url in urls))


def verify_vendored_assets() -> list[str]:
    """Check ``resources/web`` against its manifest.

    Returns
    -------
    list of str
        One sentence per problem: a listed file or licence file that is missing, a vendored
        stylesheet whose ``url(...)`` points at a missing file or at the network. Empty when
        everything is in place.
    """
    problems: list[str] = []
    for asset in asset_manifest():
        listed = [asset["licence_file"], *asset["files"]]
        listed += [item["file"] for item in asset["provides"]]
        for relative in dict.fromkeys(listed):
            if not resource_path(relative).is_file():
                problems.append(f"{asset['id']}: {relative} is listed but missing")
    for css_path in sorted(WEB_DIR.rglob("*.css")):
        found: list[str] = []
        _scan_css_file(css_path, found, set())
        for url in found:
            if _is_remote(url):
                problems.append(f"{css_path.relative_to(RESOURCES_DIR)} loads {url}")
            elif url.startswith("file:") and not _file_url_path(url).is_file():
                problems.append(f"{css_path.relative_to(RESOURCES_DIR)} references missing {url}")
    return problems
