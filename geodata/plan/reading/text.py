"""Text normalisation: line ends, control characters and lines a PDF wrapped inside a paragraph.

The text is what proposals quote verbatim, so characters are kept as written (full-width and
half-width punctuation alike); only line ends, control characters and the whitespace at the
ends of lines change.
"""

from __future__ import annotations

import re
from functools import cache

from geodata.errors import InputError

#: Control characters dropped from every text (tab and line feed are kept).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
#: CJK ideographs, kana and Hangul: written without spaces between words.
_CJK_LETTER = (
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]"
)
#: Characters two columns wide: CJK letters, CJK punctuation and full-width forms.
_WIDE = (
    r"[\u1100-\u115f\u2e80-\u303f\u3040-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    r"\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]"
)
#: A paragraph ends at a line ending in one of these (before closing quotes or brackets).
TERMINAL = "。！？；：.!?;:"
_CLOSERS = "”’」』）)】》〉\"'"
#: A line narrower than this share of a full line ends its paragraph (a heading, a last line).
SHORT_LINE_SHARE = 0.6
#: The width of a full line is this quantile of the line widths...
_FULL_LINE_QUANTILE = 0.9
#: ...and at least this many columns (20 CJK characters), for texts of a few short lines.
MIN_FULL_WIDTH = 40


def split_lines(text: str) -> list[str]:
    r"""Return the lines of ``text``, control characters removed.

    Lines end at ``\r\n``, ``\r``, ``\n``, form feeds and the other breaks of
    :meth:`str.splitlines`.
    """
    return _CONTROL.sub("", "\n".join(text.splitlines())).split("\n")


def clean_text(text: str, blank_lines: bool = True) -> str:
    """Return ``text`` with newline line ends, no control characters and trimmed lines.

    Parameters
    ----------
    text : str
        Decoded or extracted text.
    blank_lines : bool
        Keep single blank lines between paragraphs (runs of them become one); when false every
        blank line is dropped, leaving one paragraph a line.
    """
    lines = [line.strip() for line in split_lines(text)]
    if not blank_lines:
        return "\n".join(line for line in lines if line)
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def require_text(text: str, name: str, advice: str) -> None:
    """Raise :class:`InputError` with ``advice`` when ``text`` is empty or only whitespace."""
    if not text.strip():
        raise InputError(f"{name} {advice}")


def display_width(line: str) -> int:
    """Return the width of ``line`` in columns, near enough to compare lines.

    ASCII counts one, CJK characters and full-width forms (three bytes in UTF-8) count two;
    it is computed from the UTF-8 length, which is fast.
    """
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)  # compiled on first use: these take milliseconds


def is_cjk(char: str) -> bool:
    """Return whether ``char`` is a CJK letter, CJK punctuation or a full-width form."""
    return bool(_compiled(_WIDE).match(char))


def cjk_letters(text: str) -> list[str]:
    """Return the CJK letters (ideographs, kana, Hangul) of ``text`` in order."""
    return _compiled(_CJK_LETTER).findall(text)


def full_line_width(widths: list[int]) -> int:
    """Return the width of a full line: a high quantile of the line ``widths`` (0 left out).

    It is at least :data:`MIN_FULL_WIDTH`, so a heading over one short paragraph stays apart.
    """
    widths = sorted(w for w in widths if w)
    if not widths:
        return MIN_FULL_WIDTH
    quantile = widths[min(len(widths) - 1, int(len(widths) * _FULL_LINE_QUANTILE))]
    return max(quantile, MIN_FULL_WIDTH)


def _nearest_letter(text: str, reverse: bool) -> str:
    for char in reversed(text) if reverse else text:
        if char.isalnum():
            return char
        if is_cjk(char):
            return char
    return ""


def _glue(head: str, tail: str) -> tuple[bool, str]:
    """Return whether to drop the last character of ``head`` and what goes before ``tail``."""
    if head[-1:] == "-":
        return len(head) > 1 and head[-2].isalpha() and tail[:1].islower(), ""
    if is_cjk(head[-1]) or is_cjk(tail[0]):
        return False, ""
    before, after = _nearest_letter(head, True), _nearest_letter(tail, False)
    if (before and is_cjk(before)) or (after and is_cjk(after)):
        return False, ""
    return False, " "


def join_two(head: str, tail: str) -> str:
    """Join a line to the next line of its paragraph.

    Nothing goes between them when either side is CJK (letters or punctuation, looking past
    quotes and brackets), a Latin word hyphenated at the line end loses its hyphen when the
    next line goes on in lower case (``infra-`` + ``structure``), and Latin words get a space.
    """
    drop, separator = _glue(head, tail)
    return (head[:-1] if drop else head) + separator + tail


def ends_paragraph(line: str, width: int, full_width: int) -> bool:
    """Return whether a paragraph ends with ``line``.

    It does when the line ends in sentence or clause punctuation (closing quotes and brackets
    looked past) or is short (a heading, the last line of a paragraph); a Latin word
    hyphenated at the end always goes on.
    """
    if len(line) > 1 and line[-1] == "-" and line[-2].isalpha():
        return False
    if line.rstrip(_CLOSERS)[-1:] in TERMINAL:
        return True
    return width < SHORT_LINE_SHARE * full_width


def join_wrapped_lines(lines: list[str]) -> str:
    """Join the lines of a PDF's text into paragraphs, one a line.

    Parameters
    ----------
    lines : list of str
        The lines in reading order; an empty line is a paragraph break.

    Returns
    -------
    str
        The paragraphs separated by a newline.
    """
    lines = [line.strip() for line in lines]
    widths = [display_width(line) for line in lines]
    full = full_line_width(widths)
    paragraphs: list[str] = []
    parts: list[str] = []
    for line, width in zip(lines, widths, strict=True):
        if line and parts:
            drop, separator = _glue(parts[-1], line)
            if drop:
                parts[-1] = parts[-1][:-1]
            parts.append(separator + line)
        elif line:
            parts.append(line)
        if parts and (not line or ends_paragraph(line, width, full)):
            paragraphs.append("".join(parts))
            parts = []
    if parts:
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)
