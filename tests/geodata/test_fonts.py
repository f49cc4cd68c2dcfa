"""Tests for geodata.fonts: Chinese text renders with the shipped Noto Sans SC."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from geodata.fonts import (
    CJK_FONT_BOLD_PATH,
    CJK_FONT_FAMILY,
    CJK_FONT_LICENCE_PATH,
    CJK_FONT_PATH,
    missing_glyphs,
    register_matplotlib_font,
)

PLACE_NAMES = (
    "太原市大同市阳泉市长治市晋城市朔州市晋中市运城市忻州市临汾市吕梁市"
    "杭州市宁波市温州市嘉兴市湖州市绍兴市金华市衢州市舟山市台州市丽水市"
    "山西省浙江省一主三副六市域中心"
)
TITLE = "山西省一主三副六市域中心：太原市、大同市、长治市、临汾市 −12%"


@pytest.fixture(autouse=True)
def _restore_rcparams() -> Iterator[None]:
    """register_matplotlib_font changes global rcParams; keep them local to each test."""
    with matplotlib.rc_context():
        yield


def test_font_files_and_licence_are_shipped() -> None:
    for path in (CJK_FONT_PATH, CJK_FONT_BOLD_PATH):
        assert path.is_file()
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "SIL OPEN FONT LICENSE Version 1.1" in CJK_FONT_LICENCE_PATH.read_text("utf-8")


def test_no_glyph_of_the_place_names_is_missing() -> None:
    assert missing_glyphs(PLACE_NAMES) == ""
    assert missing_glyphs(PLACE_NAMES, CJK_FONT_BOLD_PATH) == ""
    assert missing_glyphs("ABC abc 0-9，。：（）\n\t") == ""


def test_missing_glyphs_are_the_characters_the_font_lacks() -> None:
    # an emoji and a CJK Extension B ideograph are not in Noto Sans SC
    assert missing_glyphs("太原😀市😀𠀀") == "😀𠀀"


def test_register_is_idempotent() -> None:
    assert register_matplotlib_font() == CJK_FONT_FAMILY
    count = len(font_manager.fontManager.ttflist)
    assert register_matplotlib_font() == CJK_FONT_FAMILY
    assert len(font_manager.fontManager.ttflist) == count
    rc = matplotlib.rcParams
    assert rc["font.sans-serif"][0] == CJK_FONT_FAMILY
    assert rc["font.sans-serif"].count(CJK_FONT_FAMILY) == 1
    assert rc["axes.unicode_minus"] is False
    assert rc["pdf.fonttype"] == 42 and rc["ps.fonttype"] == 42


def test_matplotlib_finds_the_shipped_font() -> None:
    register_matplotlib_font()
    found = font_manager.findfont(
        font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False
    )
    assert found == str(CJK_FONT_PATH)
    bold = font_manager.findfont(
        font_manager.FontProperties(family=CJK_FONT_FAMILY, weight="bold"),
        fallback_to_default=False,
    )
    assert bold == str(CJK_FONT_BOLD_PATH)


def _chinese_figure() -> Figure:
    fig = Figure(figsize=(6, 3))
    ax = fig.subplots()
    ax.set_title(TITLE)
    ax.bar(["太原市", "大同市", "杭州市"], [3, -1, 2])
    ax.set_xlabel("城市", fontweight="bold")
    ax.set_ylabel("投资（亿元）")
    return fig


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_chinese_figure_saves_without_missing_glyph_warnings(fmt: str) -> None:
    register_matplotlib_font()
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _chinese_figure().savefig(buffer, format=fmt)
    assert buffer.getvalue()


def test_pdf_embeds_the_font() -> None:
    register_matplotlib_font()
    buffer = io.BytesIO()
    _chinese_figure().savefig(buffer, format="pdf")
    pdf = buffer.getvalue()

    base_fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", pdf)
    assert any(name.endswith(b"NotoSansSC-Regular") for name in base_fonts), base_fonts
    assert any(name.endswith(b"NotoSansSC-Bold") for name in base_fonts), base_fonts
    assert b"/FontFile2" in pdf  # TrueType program embedded (pdf.fonttype 42)
    # without the registration, the CJK text would have needed another font, and there is none
    assert not any(b"DejaVu" in name for name in base_fonts), base_fonts


def test_png_differs_from_tofu() -> None:
    """The Chinese title draws real glyphs, not the same missing-glyph box for every char."""
    register_matplotlib_font()

    def render(text: str) -> bytes:
        fig = Figure(figsize=(2, 1), dpi=50)
        fig.text(0.05, 0.4, text, fontsize=20)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return bytes(canvas.buffer_rgba())

    assert render("太原") != render("大同")
