"""Latin transliteration of Georgian and Russian, for machine names such as PDF field names.

Georgian follows the national romanization system of 2002, Russian a simple passport-style
table; other scripts fall back to their ASCII decomposition. Only used where a name must be
ASCII (a signature field's name); documents always print names as written.

>>> ascii_slug("გიორგი კაპანაძე")
'giorgi-kapanadze'
>>> ascii_slug("Анна Щербакова")
'anna-shcherbakova'
"""

from __future__ import annotations

import re
import unicodedata

_GEORGIAN = dict(zip(
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r",
     "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h"],
    strict=True,
))
_RUSSIAN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"],
    strict=True,
))
_TABLE = str.maketrans({**_GEORGIAN, **_RUSSIAN})


def transliterate(text: str) -> str:
    """``text`` in Latin letters (lower case for Georgian and Russian letters)."""
    latin = text.lower().translate(_TABLE)
    decomposed = unicodedata.normalize("NFKD", latin)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def ascii_slug(text: str) -> str:
    """A lower-case ASCII slug of ``text``: letters and digits joined by ``-``; empty when
    nothing of ``text`` can be written in ASCII."""
    return re.sub(r"[^a-z0-9]+", "-", transliterate(text)).strip("-")
