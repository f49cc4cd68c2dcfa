"""Split a plan document into sentences with exact character spans.

Chinese text ends a sentence at 。！？；? and at every line break (a paragraph or a heading
line); English text at ``.``, ``!`` or ``?`` followed by white space, but not after ``No.``,
``e.g.``, ``U.S.`` or ``Jan.``. A sentence never ends inside quotes or brackets opened within it
(unless they stay open for very long: a stray bracket must not swallow a page), and closing
quotes and brackets after the full stop stay with the sentence they close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Languages a document may be read as.
LANGUAGES = ("zh", "en")

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
#: Share of CJK among CJK and Latin letters above which a text is Chinese (a Chinese character
#: carries about as much as a five-letter English word).
_CJK_SHARE = 0.2
_SAMPLE = 40_000

_OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "「": "」", "『": "』"}
_OPENERS |= {"【": "】", "〔": "〕", "[": "]", "〈": "〉"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_ZH_ENDS = "。！？；?!;"
_EN_ENDS = ".!?"
#: Characters that may follow a full stop and still belong to its sentence.
_TRAILING = '”’"）)」』】〕]》〉'
#: A bracket or quote left open this many characters ago no longer holds a sentence together.
_MAX_OPEN = 300
_SPACE = " \t\r\n\u3000\u00a0\ufeff"

_EVENTS_ZH = re.compile(r"[\n。！？；?!;“”‘’（）()《》「」『』【】〔〕\[\]〈〉\"]")
_EVENTS_EN = re.compile(r"[\n.!?“”（）()《》「」『』【】〔〕\[\]〈〉\"]")

#: Words after which an English full stop is an abbreviation, not a sentence end.
_ABBREVIATIONS = frozenset(
    """no nos nr art fig figs eq vol vols p pp ch sec para e.g i.e etc.al al cf vs viz approx
    est dept govt gov mr mrs ms dr prof st jr sr inc ltd co corp bros jan feb mar apr jun jul
    aug sep sept oct nov dec mt ft km sq u.s u.k u.n p.r.c a.m p.m""".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document.

    Attributes
    ----------
    text : str
        The sentence, verbatim (``document[start:end] == text``), without surrounding space.
    start, end : int
        Its character span in the document.
    """

    text: str
    start: int
    end: int


def detect_language(text: str) -> str:
    """Return ``"zh"`` when a text is mostly Chinese, else ``"en"``.

    Parameters
    ----------
    text : str
        The document text (only its first 40,000 characters are looked at).

    Returns
    -------
    str
        ``"zh"`` or ``"en"`` (an empty text is ``"en"``).
    """
    sample = text[:_SAMPLE]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cjk == 0:
        return "en"
    return "zh" if cjk >= _CJK_SHARE * (cjk + latin) else "en"


def split_sentences(text: str, language: str = "") -> list[Sentence]:
    """Split a text into sentences.

    Parameters
    ----------
    text : str
        The document text.
    language : {"", "zh", "en"}
        How to read full stops; ``""`` detects it from the text.

    Returns
    -------
    list of Sentence
        Non-empty sentences in document order, each stripped of surrounding white space.
    """
    language = language or detect_language(text)
    chinese = language == "zh"
    events = _EVENTS_ZH if chinese else _EVENTS_EN
    ends = _ZH_ENDS if chinese else _EN_ENDS
    sentences: list[Sentence] = []
    start = 0
    stack: list[tuple[str, int]] = []
    for match in events.finditer(text):
        pos = match.start()
        if pos < start:
            continue  # already absorbed as a closing quote of the previous sentence
        char = text[pos]
        if char == "\n":
            _add(text, start, pos, sentences)
            start, stack = pos + 1, []
        elif char in ends:
            cut = _sentence_end(text, pos, chinese, stack, start)
            if cut is not None:
                _add(text, start, cut, sentences)
                start, stack = cut, []
        else:
            _track_bracket(char, pos, stack)
    _add(text, start, len(text), sentences)
    return sentences


def _track_bracket(char: str, pos: int, stack: list[tuple[str, int]]) -> None:
    """Open or close a quote or bracket on the stack of those open in the sentence."""
    if char == '"':
        if stack and stack[-1][0] == '"':
            stack.pop()
        else:
            stack.append((char, pos))
    elif char in _OPENERS:
        stack.append((char, pos))
    elif char in _CLOSERS:
        opener = _CLOSERS[char]
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][0] == opener:
                del stack[i:]
                break


def _sentence_end(
    text: str, pos: int, chinese: bool, stack: list[tuple[str, int]], start: int
) -> int | None:
    """Return where the sentence whose full stop is at ``pos`` ends, or None if it goes on."""
    cut = pos + 1
    while cut < len(text) and text[cut] in ".!?。！？":
        cut += 1  # "...", "?!"
    trailing = list(stack)
    while cut < len(text) and text[cut] in _TRAILING:
        char = text[cut]
        if char == "’" and not any(opener == "‘" for opener, _ in trailing):
            break  # an apostrophe
        if char != '"' or any(opener == '"' for opener, _ in trailing):
            _track_bracket(char, cut, trailing)
        cut += 1
    if any(pos - opened < _MAX_OPEN for _, opened in trailing):
        return None
    if not chinese and not _english_end(text, pos, cut):
        return None
    stack[:] = trailing
    return cut


def _english_end(text: str, pos: int, cut: int) -> bool:
    """Return True when an English ``.``/``!``/``?`` at ``pos`` (closed up to ``cut``) ends."""
    if cut < len(text) and text[cut] not in _SPACE:
        return False  # 2.8, e.g.the, example.com
    if text[pos] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
    if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS and cut == pos + 1:
        return False
    if word and len(word.group(1)) == 1 and word.group(1).isupper():
        return False  # an initial: "J. Smith", "U.S."
    following = text[cut : cut + 40].lstrip(_SPACE)
    return not following[:1].islower()


def _add(text: str, start: int, end: int, sentences: list[Sentence]) -> None:
    """Append ``text[start:end]`` stripped of white space, unless nothing is left."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start < end:
        sentences.append(Sentence(text[start:end], start, end))
