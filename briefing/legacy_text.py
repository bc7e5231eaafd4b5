"""Tell which legacy encoding a text that is not UTF-8 and declares none was saved in.

Notepad saved text in the system's code page for decades, and old web pages often say
nothing of theirs: a Russian statement in Windows-1251 read as Windows-1252 becomes
"Ãîðîäñêîé ñîâåò", quotable nonsense. Each candidate encoding is tried and scored by what
its reading would ask a reader to believe: bytes the encoding does not define, a symbol
standing between the letters of a word (Polish "³¹" for "łą" in Windows-1252), a word
mixing two alphabets, a word of mostly accented letters in a Latin alphabet (Cyrillic or
Greek read as Latin), capitals after small letters inside a word (Russian read in the wrong
one of Windows-1251 and KOI8-R, whose cases are laid out the other way round), and the
Icelandic letters Windows-1252 has where Windows-1254 has Turkish ones, and the ì, ù and õ
it has where Windows-1250 has Czech and Hungarian letters, where no Western language puts
them. The reading asking
least wins; on a tie the earlier candidate, Windows-1252, the most common. When every such
reading asks something, the multi-byte East Asian encodings are tried, strictly: bytes that
decode without error as Shift JIS, GB18030, Big5 or EUC-KR into letters mostly of that
script's are read so.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

__all__ = ["guess_legacy_encoding"]

# Single-byte encodings, the most common first (it wins a tie).
_SINGLE_BYTE = ("cp1252", "cp1250", "cp1251", "koi8_r", "cp1253", "cp1254", "cp1257")
# Multi-byte encodings, each with the scripts its letters are mostly in; in this order, since
# Korean text decodes as GB18030 too (into ideographs) but Chinese text gives too few Hangul
# to pass as EUC-KR, and Big5 text read as GB18030 shows kana and Greek among its ideographs.
_MULTI_BYTE = (
    ("shift_jis", ("HIRAGANA", "KATAKANA", "CJK")),
    ("euc_kr", ("HANGUL",)),
    ("gb18030", ("CJK",)),
    ("big5", ("CJK",)),
)
# The share of non-ASCII characters of a multi-byte reading that must be its script's.
_SCRIPT_SHARE = 0.8
# Enough of a text to judge by (thousands of words); more only costs time.
_SAMPLE = 40_000
_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION_OK = frozenset("“”‘’„‚–—…€«»°±§©®™•·×÷¡¿\u00a0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Icelandic letters, which Windows-1252 has where Windows-1254 has Turkish ones (ğ, ş, ı,
# İ, Ş, Ğ): a Turkish text read as Western European shows them, as Icelandic rarely needs to.
_RARE_LATIN = frozenset("ðþýÐÞÝ")
# Letters Windows-1252 has where Windows-1250 has Czech and Hungarian ones, in places no
# Western language puts them: ì and ù inside a word (Italian and French write them last:
# "così", "où"; Czech "město", "může" read as "mìsto", "mùže"), õ before anything but e or
# s (Portuguese "põe", "ações"; Hungarian "idõben" for "időben").
_MISPLACED_LATIN = re.compile(r"[ìùÌÙ](?=[^\W\d_])|[õÕ](?=[^\W\d_esES])")


def guess_legacy_encoding(data: bytes) -> str:
    """The encoding ``data`` (not UTF-8, no declaration) was most likely saved in."""
    sample = data[:_SAMPLE]
    if sample.isascii():
        return "cp1252"
    scores = [(_implausibility(sample.decode(e, "replace")), n) for n, e in enumerate(_SINGLE_BYTE)]
    score, best = min(scores)
    if score == 0:
        return _SINGLE_BYTE[best]
    for encoding, scripts in _MULTI_BYTE:
        try:
            # Not final: the sample may end inside a character of two or more bytes.
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        letters = [char for char in text if ord(char) >= 0x80 and char.isalpha()]
        in_script = sum(1 for char in letters if _script(char) in scripts)
        if letters and in_script >= _SCRIPT_SHARE * len(letters):
            return encoding
    return _SINGLE_BYTE[best]


def _implausibility(text: str) -> int:
    """How much a reading of the bytes asks a reader to believe (see the module's notes)."""
    bad = text.count("\ufffd")  # a stray byte happens; a word in two alphabets is a sign
    for found in _NON_ASCII.finditer(text):
        char, index = found.group(), found.start()
        if char.isalpha() or char in _PUNCTUATION_OK:
            continue
        if 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha():
            bad += 2  # a symbol inside a word
        elif unicodedata.category(char)[0] == "C":
            bad += 1  # a control character
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        wide = [char for char in word if ord(char) >= 0x80]
        scripts = {_script(char) for char in set(word)}
        if len(scripts) > 1:
            bad += 2
        elif scripts == {"LATIN"} and len(wide) >= 3 and len(wide) * 2 > len(word):
            bad += 1
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            bad += 1
        if _RARE_LATIN.intersection(word):
            bad += 1
        if _MISPLACED_LATIN.search(word):
            bad += 1
    return bad


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The alphabet a letter belongs to, by the first word of its Unicode name."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""
