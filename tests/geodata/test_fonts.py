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
    PRINT_FONT_BOLD_PATH,
    PRINT_FONT_FAMILY,
    PRINT_FONT_PATH,
    missing_glyphs,
    register_matplotlib_font,
)
from tests.pdfmeasure import page_text

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
    for path in (CJK_FONT_PATH, CJK_FONT_BOLD_PATH, PRINT_FONT_PATH, PRINT_FONT_BOLD_PATH):
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
    assert register_matplotlib_font() == PRINT_FONT_FAMILY
    count = len(font_manager.fontManager.ttflist)
    assert register_matplotlib_font() == PRINT_FONT_FAMILY
    assert len(font_manager.fontManager.ttflist) == count
    rc = matplotlib.rcParams
    assert rc["font.sans-serif"][:2] == [PRINT_FONT_FAMILY, CJK_FONT_FAMILY]
    assert rc["font.sans-serif"].count(CJK_FONT_FAMILY) == 1
    assert rc["axes.unicode_minus"] is False
    assert rc["pdf.fonttype"] == 42 and rc["ps.fonttype"] == 42


def test_matplotlib_finds_the_shipped_font() -> None:
    register_matplotlib_font()
    found = font_manager.findfont(
        font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False
    )
    assert found == str(PRINT_FONT_PATH)
    for family, path in (
        (PRINT_FONT_FAMILY, PRINT_FONT_BOLD_PATH),
        (CJK_FONT_FAMILY, CJK_FONT_BOLD_PATH),
    ):
        bold = font_manager.findfont(
            font_manager.FontProperties(family=family, weight="bold"), fallback_to_default=False
        )
        assert bold == str(path)


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
    assert any(name.endswith(b"NotoSansSCPrint-Regular") for name in base_fonts), base_fonts
    assert any(name.endswith(b"NotoSansSCPrint-Bold") for name in base_fonts), base_fonts
    # every character of the title is in the print subset: the full font is not embedded
    assert not any(name.endswith(b"NotoSansSC-Regular") for name in base_fonts), base_fonts
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


def test_print_font_has_the_full_fonts_glyphs_for_its_characters() -> None:
    """The subset keeps GB 2312's hanzi, the region names and the symbols, at the same widths."""
    from matplotlib.ft2font import FT2Font

    symbols = "°×≥≤±％·‰℃№①㎡ABC abc 0-9，。：（）《》—…Lüliang"
    assert missing_glyphs(PLACE_NAMES + symbols, PRINT_FONT_PATH) == ""
    assert missing_glyphs(PLACE_NAMES + symbols, PRINT_FONT_BOLD_PATH) == ""
    assert missing_glyphs("亳濮埇硚浉", PRINT_FONT_PATH) == ""  # county names beyond GB 2312
    pairs = ((CJK_FONT_PATH, PRINT_FONT_PATH), (CJK_FONT_BOLD_PATH, PRINT_FONT_BOLD_PATH))
    for text in ("太原市", "Taiyuan", "AV To", "≥ 12%", "（阳泉）"):  # Latin kerning kept
        for full, subset in pairs:
            widths = []
            for path in (full, subset):
                font = FT2Font(str(path))
                font.set_size(100, 72)
                font.set_text(text, 0.0)
                widths.append(font.get_width_height()[0])
            assert widths[0] == widths[1], text


def test_pdf_text_of_chinese_english_and_symbols_extracts(tmp_path) -> None:
    """Chinese, English and symbols written with the print font come back out of the PDF."""
    register_matplotlib_font()
    text = "太原市 Taiyuan 12°C × 3 ≥ 50％ · 阳泉"
    fig = Figure(figsize=(4, 1))
    fig.text(0.05, 0.5, text, fontsize=10)
    fig.text(0.05, 0.1, "粗体 Bold", fontsize=10, fontweight="bold")
    path = tmp_path / "symbols.pdf"
    fig.savefig(path, format="pdf")
    printed = "".join(page_text(path)).replace("\r", "").replace("\n", " ")
    for part in ("太原市", "Taiyuan", "°", "×", "≥", "％", "·", "阳泉", "粗体 Bold"):
        assert part in printed, (part, printed)


def test_a_character_the_print_font_lacks_comes_from_the_full_font(tmp_path) -> None:
    rare = "䶵"  # CJK Extension A: in Noto Sans SC, not in the print subset
    assert missing_glyphs(rare, PRINT_FONT_PATH) == rare
    assert missing_glyphs(rare, CJK_FONT_PATH) == ""
    register_matplotlib_font()
    fig = Figure(figsize=(3, 1))
    fig.text(0.1, 0.5, f"太原{rare}市", fontsize=12)
    path = tmp_path / "rare.pdf"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "Glyph missing" warning
        fig.savefig(path, format="pdf")
    base_fonts = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", path.read_bytes())
    assert any(name.endswith(b"NotoSansSCPrint-Regular") for name in base_fonts), base_fonts
    assert any(name.endswith(b"NotoSansSC-Regular") for name in base_fonts), base_fonts
    assert f"太原{rare}市" in "".join(page_text(path))
