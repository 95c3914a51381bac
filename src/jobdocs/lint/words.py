"""Word matching for the wording rules: whole words and word starts, with false friends.

Georgian and Russian are inflected and English has many derived forms, so lists are written
as *stems* matched at the start of a word (``compet`` finds "competitive" and "competence"
but not "uncompetitive"); a list of *false friends* — words or phrases that start with a
stem but do not mean it ("committee" for ``commit``, "in force" for ``force``) — cancels the
matches it covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_LETTERS = r"[^\W_]"
_TOKEN = re.compile(r"[^\W_]+")


def word_start_pattern(stems: Iterable[str], *, whole: bool = False) -> re.Pattern[str]:
    """A case-insensitive pattern for words starting with one of ``stems`` (or, with
    ``whole``, equal to one of them). Stems are regular expressions."""
    alternatives = "|".join(sorted(stems, key=len, reverse=True))
    tail = rf"(?!{_LETTERS})" if whole else rf"{_LETTERS}*"
    return re.compile(rf"(?<!{_LETTERS})(?:{alternatives}){tail}", re.IGNORECASE)


@dataclass(frozen=True)
class WordList:
    """Stems to find, and false friends that cancel a match they overlap."""

    pattern: re.Pattern[str]
    false_friends: re.Pattern[str] | None = None

    @classmethod
    def of(cls, stems: Iterable[str], false_friends: Iterable[str] = (), *,
           whole: bool = False) -> WordList:
        """A list from stems and false friends (regular expressions)."""
        friends = list(false_friends)
        return cls(word_start_pattern(stems, whole=whole),
                   word_start_pattern(friends) if friends else None)

    def find(self, text: str) -> Iterator[re.Match[str]]:
        """The matches in ``text`` that no false friend covers."""
        covered = ([m.span() for m in self.false_friends.finditer(text)]
                   if self.false_friends is not None else [])
        for match in self.pattern.finditer(text):
            start = match.start()
            if not any(a <= start < b for a, b in covered):
                yield match


def tokens(text: str) -> list[str]:
    """The words of ``text``, case-folded, without punctuation: what duplicate detection
    compares."""
    return _TOKEN.findall(text.casefold())


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(_TOKEN.findall(text))
