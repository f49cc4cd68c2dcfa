"""Telling text from binary files and finding a text file's encoding.

A file is UTF-8 when it decodes strictly as UTF-8 (or starts with a byte-order mark). Else the
candidates are GB18030 (a superset of GBK and GB2312), Big5 and UTF-16 without a byte-order
mark; charset-normalizer orders them and each is checked for plausibility: the share of its
non-ASCII characters that are common CJK characters or punctuation. That check is what keeps a
short Big5 file from being read as GB18030 (every Big5 byte pair is also valid GBK, but decodes
to rare characters, kana or box drawing).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from functools import lru_cache
from itertools import product

from geodata.errors import InputError

#: The lowest plausibility (share of common characters among the non-ASCII ones) accepted.
MIN_PLAUSIBILITY = 0.8
#: Candidates after UTF-8, in Python's codec names.
CANDIDATES = ("gb18030", "big5", "utf-16-le", "utf-16-be")
#: Bytes judged for binary content and plausibility.
SAMPLE_BYTES = 256 * 1024
#: A share of control bytes over this makes a file binary (unless a candidate reads it).
MAX_CONTROL_SHARE = 0.02
#: Valid UTF-8 with a share of control bytes over this (UTF-16 text) is not taken as UTF-8.
MAX_UTF8_CONTROL_SHARE = 0.1
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_MAGIC = (
    (b"%PDF", "is a PDF file, not text: rename it to .pdf"),
    (b"PK\x03\x04", "is a ZIP archive, not text: if it is a Word document, rename it to .docx"),
    (b"\xd0\xcf\x11\xe0", "is an old Word .doc or Excel .xls file: save it as .docx in Word"),
    (b"\x89PNG", "is a PNG image, not text: run OCR on it or bring the text as DOCX or TXT"),
    (b"\xff\xd8\xff", "is a JPEG image, not text: run OCR on it or bring the text as DOCX or TXT"),
    (b"GIF8", "is a GIF image, not text: bring the plan as TXT, DOCX, PDF or HTML"),
)
#: Lead bytes of the common blocks: punctuation, numbered items and full-width ASCII (GB2312
#: rows 1-3), GB2312's 6,763 characters, Big5's symbols and its 5,401 frequent characters.
_COMMON_BLOCKS = (
    ("gb2312", range(0xA1, 0xA4)),
    ("gb2312", range(0xB0, 0xF8)),
    ("big5", range(0xA1, 0xA4)),
    ("big5", range(0xA4, 0xC7)),
)
_TRAIL_BYTES = (*range(0x40, 0x7F), *range(0xA1, 0xFF))
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_TEXT = "is not a text file: bring the plan as TXT, DOCX, PDF or HTML"


def check_magic(raw: bytes, name: str) -> None:
    """Raise :class:`InputError` when ``raw`` starts like a PDF, an archive or an image."""
    for magic, message in _MAGIC:
        if raw.startswith(magic):
            raise InputError(f"{name} {message}")


def control_share(raw: bytes) -> float:
    """Return the share of control bytes (tab, line ends and escape aside) at the start of ``raw``.

    Text in UTF-8 and the Chinese encodings has almost none; binary data has about one in ten;
    UTF-16 text has them too (zero bytes, and in the CJK characters' bytes).
    """
    sample = raw[:SAMPLE_BYTES]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(1, len(sample))


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    """Return the common CJK characters and punctuation of simplified and traditional text.

    These are GB2312's characters and symbol rows 1-3 (punctuation, numbered items,
    full-width ASCII), Big5's frequently used characters and symbols, CJK punctuation and
    full-width forms: what a Chinese plan is written with.
    """
    chars: set[str] = set()
    for encoding, leads in _COMMON_BLOCKS:
        for pair in product(leads, _TRAIL_BYTES):
            try:
                chars.add(bytes(pair).decode(encoding))
            except UnicodeDecodeError:
                continue
    chars.update(map(chr, range(0x3000, 0x3040)))
    chars.update(map(chr, range(0xFF01, 0xFF5F)))
    chars.update("“”‘’—–…·•×÷°±‰℃№§\u00a0")
    return frozenset(chars)


def plausibility(text: str) -> float:
    """Return the share of the non-ASCII and control characters of ``text`` that are common.

    ASCII-only text scores 1; mis-decoded bytes (rare characters, kana, box drawing, private
    use, replacement characters, control characters) lower the score.
    """
    odd = [c for c in text if c > "\x7f" or (c < " " and c not in "\t\n\r\x0c")]
    if not odd:
        return 1.0
    common = common_characters()
    return sum(1 for c in odd if c in common) / len(odd)


def _decode_start(raw: bytes, encoding: str) -> str | None:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(raw[:SAMPLE_BYTES], final=len(raw) <= SAMPLE_BYTES)
    except UnicodeDecodeError:
        return None


def _ordered_candidates(raw: bytes) -> list[str]:
    import charset_normalizer

    isolation = [c.replace("-", "_") for c in CANDIDATES]
    matches = charset_normalizer.from_bytes(raw[:SAMPLE_BYTES], cp_isolation=isolation)
    guessed = [m.encoding.replace("_", "-") for m in matches]
    return [c for c in guessed if c in CANDIDATES] + [c for c in CANDIDATES if c not in guessed]


def _ranked_candidates(raw: bytes) -> list[str]:
    """Return the plausible candidates for ``raw``, best first (charset-normalizer breaks ties)."""
    scored = []
    for rank, encoding in enumerate(_ordered_candidates(raw)):
        start = _decode_start(raw, encoding)
        if start is not None:
            score = plausibility(start)
            if score >= MIN_PLAUSIBILITY:
                scored.append((-score, rank, encoding))
    return [encoding for _, _, encoding in sorted(scored)]


def _decode_bom(raw: bytes, name: str) -> tuple[str, str] | None:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts as {label} but is not valid {label}: save it again as UTF-8"
                ) from exc
    return None


def _encodings_to_try(raw: bytes, declared: str | None) -> Iterator[str]:
    share = control_share(raw)
    if share <= MAX_UTF8_CONTROL_SHARE:
        yield "utf-8"
    if declared and share <= MAX_CONTROL_SHARE:
        yield declared
    yield from _ranked_candidates(raw)


def decode_bytes(raw: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file.

    Parameters
    ----------
    raw : bytes
        The whole file.
    name : str
        The file name, for messages.
    declared : str, optional
        The codec the file declares (a web page's ``<meta charset>``), tried after UTF-8 and
        before guessing.

    Returns
    -------
    tuple of (str, str)
        The text and the encoding's name: ``"utf-8"``, ``"gb18030"``, ``"big5"``,
        ``"utf-16"`` (byte-order mark), ``"utf-16-le"`` or ``"utf-16-be"``.

    Raises
    ------
    InputError
        When the bytes are binary or no supported encoding reads them plausibly.
    """
    found = _decode_bom(raw, name)
    if found is not None:
        return found
    check_magic(raw, name)
    for encoding in _encodings_to_try(raw, declared):
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    if control_share(raw) > MAX_CONTROL_SHARE:
        raise InputError(f"{name} {_NOT_TEXT}")
    raise InputError(
        f"{name} is in an encoding that cannot be read (not UTF-8, GB18030/GBK or Big5): "
        "save it as UTF-8 text"
    )
