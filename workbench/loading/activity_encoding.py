"""Which encoding a CSV export is in: UTF-8 with BOM, UTF-8, cp1251 (Russian) or cp1256 (Persian/Arabic).

Excel on Windows still saves "CSV" in the system's ANSI code page. cp1251 and cp1256 decode almost any
bytes without error, so strict decoding alone cannot tell them apart: the decoded text must also make
sense — its words each in one script and in one case pattern. Russian read as cp1256 gives words that mix
Arabic and accented Latin letters or signs like × and £; Persian read as cp1251 gives words like "гПнС".
"""

from __future__ import annotations

import re
import unicodedata

ENCODINGS = ("UTF-8 with BOM", "UTF-8", "cp1251", "cp1256")
_SINGLE_BYTE = (("cp1251", "cp1251"), ("cp1256", "cp1256"))
MIN_SENSE = 0.8
_PUNCTUATION = re.compile(r"[«»„“”‘’–—…№]")
"""Non-ASCII punctuation that separates words; symbols such as × or £ inside a word mark it as garbled."""


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split()[0]


def _word_ok(word: str) -> bool:
    """Letters of one script (digits, marks and the Persian half-space aside) in one case pattern."""
    letters = [c for c in word if not (c.isdigit() or c == "\u200c" or unicodedata.category(c) == "Mn")]
    if not letters or not all(c.isalpha() for c in letters) or len({_script(c) for c in letters}) != 1:
        return False
    text = "".join(letters)
    return (
        text == text.lower() or text == text.upper() or (text[0].isupper() and text[1:] == text[1:].lower())
    )


def sense(text: str) -> float:
    """The share of non-ASCII words that look like real words (1.0 when there are none)."""
    words = [
        w
        for w in re.split(r"[\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+", _PUNCTUATION.sub(" ", text))
        if w and not w.isascii()
    ]
    if not words:
        return 1.0
    return sum(_word_ok(w) for w in words) / len(words)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name); ValueError says which encodings were tried and how to save the file."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"the file starts with a UTF-8 BOM but byte {exc.start + 3} is not UTF-8; "
                "expected a file saved as 'CSV UTF-8'"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise ValueError(
            "the file is UTF-16 (Excel's 'Unicode text'); expected CSV in UTF-8, cp1251 or "
            "cp1256: save it as 'CSV UTF-8'"
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _single_byte(data)


def _single_byte(data: bytes) -> tuple[str, str]:
    """cp1251 or cp1256, whichever reads as real words; ValueError when neither does."""
    scored = []
    for label, codec in _SINGLE_BYTE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((sense(text), label, text))
    best = max(scored, default=None, key=lambda item: item[0])
    if best is None or best[0] < MIN_SENSE:
        raise ValueError(
            "the file is not text in UTF-8, cp1251 (Russian) or cp1256 (Persian/Arabic): read in "
            "each, its words come out garbled; expected a file saved as 'CSV UTF-8'"
        )
    return best[2], best[1]


SAMPLE_BYTES = 4 * 2**20
"""cp1251 and cp1256 are told apart on the first 4 MiB: an export is one language throughout."""
CHUNK = 2**20
_CODECS = {"UTF-8 with BOM": "utf-8-sig", "UTF-8": "utf-8", "cp1251": "cp1251", "cp1256": "cp1256"}


def _first_bad_utf8(handle, first: bytes, skip: int) -> int | None:
    """The offset of the first byte that is not UTF-8, reading the rest of the file in chunks (no copy
    kept)."""
    import codecs

    decoder, offset, chunk = codecs.getincrementaldecoder("utf-8")(), skip, first[skip:]
    while chunk:
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return offset + exc.start
        offset += len(chunk)
        chunk = handle.read(CHUNK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    return None


def detect(handle) -> tuple[str, str]:
    """(encoding name, Python codec) of a binary file read from its start, in one streaming pass: the whole
    file is checked as UTF-8, a sample is scored for cp1251/cp1256. ValueError as `decode` raises."""
    first = handle.read(max(CHUNK, SAMPLE_BYTES))
    bom = first.startswith(b"\xef\xbb\xbf")
    if not bom and (first.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in first[:4096]):
        decode(first[:4096])  # raises the UTF-16 message
    bad = _first_bad_utf8(handle, first, 3 if bom else 0)
    if bad is None:
        return ("UTF-8 with BOM", "utf-8-sig") if bom else ("UTF-8", "utf-8")
    if bom:
        raise ValueError(
            f"the file starts with a UTF-8 BOM but byte {bad} is not UTF-8; "
            "expected a file saved as 'CSV UTF-8'"
        )
    _, label = _single_byte(first[:SAMPLE_BYTES])
    return label, _CODECS[label]
