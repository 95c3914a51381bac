"""W108 duplicate-item."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from pydantic import Field

from jobdocs.findings import Finding, PathKey, dotted
from jobdocs.lint.context import RuleContext, TextSpot
from jobdocs.lint.rule import Rule, RuleOptions


class DuplicateItemOptions(RuleOptions):
    """Options of W108."""

    threshold: float = Field(default=0.9, gt=0, le=1)
    """How similar (0–1) two items must be to count as near-duplicates."""
    min_words: int = Field(default=4, ge=1)
    """Items with fewer words are reported only when they are exact duplicates."""


MAX_COMPARISONS = 100_000
"""Pairs of items of similar length checked for near-duplicates, at most, in one language
(every pair of a role with ~450 items; exact duplicates are always found)."""
MAX_RATIOS = 1_000
"""Pairs whose similarity difflib measures, at most, in one language (a ratio of two long
items costs about a third of a millisecond)."""


@dataclass(frozen=True, slots=True)
class _Entry:
    position: int
    item: PathKey
    spot: TextSpot
    words: list[str]
    distinct: frozenset[str]

    def shared_at_most(self, other: _Entry) -> int:
        """A quick upper bound on the words two texts share (what difflib can match): the
        distinct words in common, plus the repeats of the text with fewer of them."""
        repeats = min(len(self.words) - len(self.distinct),
                      len(other.words) - len(other.distinct))
        return len(self.distinct & other.distinct) + repeats


class DuplicateItem(Rule[DuplicateItemOptions]):
    """An item repeats another item, exactly or nearly.

    ## What it does
    Compares the items of a role — within a section and across sections (general,
    requirements, functions, rights, responsibility, extra sections and sub-items) — in each
    language. Texts are normalised (case, punctuation and spacing are ignored) and compared
    word by word with `difflib`; an item is reported when it equals an earlier one, or when
    their similarity reaches `threshold`. Each pair is reported once, on the later item,
    naming the earlier one and its line (in a role that `extends` another, items of both
    files are compared).

    ## Why
    A duty listed twice, or a right restated with a small change, makes the document
    longer and ambiguous: which wording applies? Near-duplicates usually come from copying
    an item and editing one of the copies — or from a role that extends another and adds an
    item that was meant to replace the parent's.

    ## Example
    ```yaml
    functions:
      - Prepare and present commercial offers to clients.
      - Prepare and present commercial offers to new clients.
    ```

    ## Use instead
    ```yaml
    functions:
      - Prepare and present commercial offers to new and existing clients.
    ```

    ## Options
    - `threshold` (default 0.9): how similar (0–1, the `difflib` ratio of the two word
      sequences) two items must be to count as near-duplicates; 1 reports only exact ones.
    - `min_words` (default 4): shorter items are reported only when exactly equal.

    In a role of many hundred items, near-duplicates are looked for among the first 100,000
    pairs of items of similar length (shortest first), and at most 1,000 pairs are measured,
    so that linting stays fast.
    """

    code = "W108"
    name = "duplicate-item"
    options_model = DuplicateItemOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        by_language: dict[str, list[_Entry]] = {}
        for item in ctx.items():
            for spot in ctx.item_spots(item):
                words = ctx.words(spot)
                if words:
                    entries = by_language.setdefault(spot.lang, [])
                    entries.append(_Entry(len(entries), item.path, spot, words,
                                          frozenset(words)))
        reported: set[tuple[PathKey, PathKey]] = set()
        for entries in by_language.values():
            for earlier, later, ratio in self._pairs(entries):
                key = (earlier.item, later.item)
                if key not in reported:
                    reported.add(key)
                    yield self._finding(ctx, earlier, later, ratio)

    def _pairs(self, entries: list[_Entry]) -> Iterator[tuple[_Entry, _Entry, float]]:
        """Exact duplicates by lookup; near ones among texts of similar length only (a ratio
        of ``t`` needs the longer text to be at most ``(2 - t) / t`` times the shorter)."""
        threshold, min_words = self.options.threshold, self.options.min_words
        first: dict[tuple[str, ...], _Entry] = {}
        for entry in entries:
            earlier = first.setdefault(tuple(entry.words), entry)
            if earlier is not entry and not _nested(earlier.item, entry.item):
                yield earlier, entry, 1.0
        by_length = sorted((e for e in entries if len(e.words) >= min_words),
                           key=lambda e: len(e.words))
        stretch = (2 - threshold) / threshold
        matcher = SequenceMatcher(autojunk=False)
        budget, ratios = MAX_COMPARISONS, MAX_RATIOS  # else many items could take minutes
        for i, short in enumerate(by_length):
            size = len(short.words)
            loaded = False
            for j in range(i + 1, len(by_length)):
                long = by_length[j]
                if len(long.words) > size * stretch:
                    break
                budget -= 1
                if budget < 0:
                    return
                total = size + len(long.words)
                if (short.words == long.words
                        or 2 * short.shared_at_most(long) < threshold * total
                        or _nested(short.item, long.item)):
                    continue
                ratios -= 1
                if ratios < 0:
                    return
                if not loaded:
                    matcher.set_seq2(short.words)
                    loaded = True
                matcher.set_seq1(long.words)
                ratio = matcher.ratio()
                if ratio >= threshold:
                    earlier, later = sorted((short, long), key=lambda e: e.position)
                    yield earlier, later, ratio

    def _finding(self, ctx: RuleContext, earlier: _Entry, later: _Entry,
                 ratio: float) -> Finding:
        where = ctx.locate(earlier.spot)
        place = f"line {where.line}"
        if where.file != ctx.locate(later.spot).file:
            place += f" of {where.file.name}"
        other = dotted(earlier.item)
        message = (f"this item repeats `{other}` ({place})" if ratio == 1.0 else
                   f"this item is {ratio:.0%} similar to `{other}` ({place})")
        return self.finding(ctx.locate(later.spot), message,
                            hint="merge the two items, or make the difference explicit")


def _nested(a: PathKey, b: PathKey) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[:len(shorter)] == shorter
