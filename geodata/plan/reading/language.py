"""The language (Chinese or English) and the Chinese script of a text."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from geodata.plan.reading.text import cjk_letters

#: Characters of the text judged (its start).
SAMPLE_CHARS = 200_000
#: Chinese when CJK characters are at least this share of CJK characters plus Latin letters.
ZH_SHARE = 0.3
#: Traditional when OpenCC's ``t2s`` changes at least this share of the CJK characters.
TRADITIONAL_SHARE = 0.05
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def script_of(letters: list[str]) -> str:
    """Return ``"traditional"`` or ``"simplified"`` for the CJK characters ``letters``.

    Each distinct character is converted on its own with OpenCC's ``t2s``; the text is
    traditional when the characters that change make up a noticeable share of it.
    """
    counts = Counter(letters)
    convert = _t2s().convert
    changed = sum(n for char, n in counts.items() if convert(char) != char)
    return "traditional" if changed >= TRADITIONAL_SHARE * len(letters) else "simplified"


def detect_language(text: str) -> tuple[str, str]:
    """Return ``(language, script)`` of ``text``.

    Returns
    -------
    tuple of (str, str)
        ``("zh", "simplified" | "traditional")``, ``("en", "")``, or ``("", "")`` when the
        text has no letters.
    """
    sample = text[:SAMPLE_CHARS]
    letters = cjk_letters(sample)
    latin = len(_LATIN.findall(sample))
    if not letters and not latin:
        return "", ""
    if len(letters) < ZH_SHARE * (len(letters) + latin):
        return "en", ""
    return "zh", script_of(letters)
