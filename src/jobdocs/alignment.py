"""Align two versions of a list: the same item by its ``id``, else by its words.

The step before comparing list sections (duties, rights, signatories, clauses) in
:mod:`jobdocs.diff` and in the redlines: which old item is which new one, which were added,
removed or moved. Items without an id are paired by :func:`jobdocs.textdiff.similarity`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from jobdocs.textdiff import similarity

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pair:
    """One step of an alignment of two lists (see :func:`align`).

    ``old`` and ``new`` are indexes into the two lists. An item kept in place has both; an
    added one only ``new``; a removed one only ``old``. A moved item appears twice: once where
    it was (``new`` is ``None``, ``moved`` true) and once where it is now (both set, ``moved``
    true)."""

    old: int | None
    new: int | None
    moved: bool = False

    @property
    def status(self) -> Literal["kept", "added", "removed", "moved-from", "moved-to"]:
        """What happened to the item at this step."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "moved-from" if self.moved else "removed"
        return "moved-to" if self.moved else "kept"


SIMILAR = 0.5
"""How alike two items without ids must be (:func:`similarity`) to count as one item changed,
rather than one removed and another added."""
MAX_SIMILAR_PAIRS = 40_000
"""The most pairs of leftover items :func:`align` weighs by their text (200 × 200): longer
lists without ids pair only items whose text is exactly the same."""


def align(old: Sequence[T], new: Sequence[T], *, key: Callable[[T], str | None],
             text: Callable[[T], str], threshold: float = SIMILAR) -> list[Pair]:
    """Align two versions of a list: items with the same ``key`` (an item's ``id``) are the
    same item; items left over — at least one of the two without a key — are paired by the
    :func:`similarity` of their ``text`` when it reaches ``threshold``, best pairs first
    (at most :data:`MAX_SIMILAR_PAIRS` pairs are weighed; beyond, only equal texts pair).

    The result lists every item of both lists once (a moved item twice, see :class:`Pair`) in
    reading order: the new list's order, each removed item where it stood in the old list.
    Items that kept their relative order are ``kept``; the fewest others are ``moved``.

    >>> [p.status for p in align(["a", "b", "c"], ["c", "a", "x"], key=str, text=str)]
    ['moved-to', 'kept', 'removed', 'moved-from', 'added']
    """
    matches = _match_keys(old, new, key)
    _match_similar(old, new, key, text, threshold, matches)
    by_new = {j: i for i, j in matches.items()}
    order = [by_new[j] for j in range(len(new)) if j in by_new]
    kept = set(_increasing(order))
    pairs: list[Pair] = []
    shown = 0  # old items before this index have been placed

    def removed_before(limit: int) -> None:
        nonlocal shown
        for i in range(shown, limit):
            if i not in matches:
                pairs.append(Pair(i, None))
            elif i not in kept:
                pairs.append(Pair(i, None, moved=True))
        shown = max(shown, limit)

    anchors = [by_new[j] if by_new.get(j) in kept else None for j in range(len(new))]
    next_anchor = len(old)
    upcoming: list[int] = []
    for j in reversed(range(len(new))):  # the next kept old index after each new item
        upcoming.append(next_anchor)
        anchor = anchors[j]
        if anchor is not None:
            next_anchor = anchor
    upcoming.reverse()
    for j in range(len(new)):
        i = by_new.get(j)
        if i is not None and i in kept:
            removed_before(i)
            pairs.append(Pair(i, j))
            shown = i + 1
        else:
            removed_before(upcoming[j])  # what was removed here reads before what was added
            pairs.append(Pair(i, j, moved=i is not None))
    removed_before(len(old))
    return pairs


def _match_keys(old: Sequence[T], new: Sequence[T],
                   key: Callable[[T], str | None]) -> dict[int, int]:
    """old index → new index of the items whose keys are equal (first come, first served)."""
    free: dict[str, list[int]] = {}
    for j, item in enumerate(new):
        k = key(item)
        if k is not None:
            free.setdefault(k, []).append(j)
    matches: dict[int, int] = {}
    for i, item in enumerate(old):
        k = key(item)
        if k is not None and free.get(k):
            matches[i] = free[k].pop(0)
    return matches


def _match_similar(old: Sequence[T], new: Sequence[T], key: Callable[[T], str | None],
                      text: Callable[[T], str], threshold: float,
                      matches: dict[int, int]) -> None:
    """Pair the items left over by their text, the most alike first."""
    taken = set(matches.values())
    new_keys = {key(item) for item in new} - {None}
    old_keys = {key(item) for item in old} - {None}
    candidates: list[tuple[float, int, int]] = []
    exact: dict[str, list[int]] = {}
    for j, item in enumerate(new):
        if j not in taken:
            exact.setdefault(text(item), []).append(j)
    leftover: list[int] = []
    for i, a in enumerate(old):
        if i in matches or key(a) in new_keys:
            continue
        if exact.get(text(a)) and key(new[exact[text(a)][0]]) in (None, key(a)):
            j = exact[text(a)].pop(0)
            matches[i] = j
            taken.add(j)
        else:
            leftover.append(i)
    free = [j for j, b in enumerate(new) if j not in taken and key(b) not in old_keys]
    if len(leftover) * len(free) > MAX_SIMILAR_PAIRS:
        return
    for i in leftover:
        a = old[i]
        for j in free:
            b = new[j]
            if key(a) is not None and key(b) is not None:
                continue
            score = similarity(text(a), text(b))
            if score >= threshold:
                candidates.append((score, i, j))
    for _score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in matches and j not in taken:
            matches[i] = j
            taken.add(j)


def _increasing(values: Sequence[int]) -> list[int]:
    """The longest strictly increasing subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # index into values of the smallest tail of each length
    previous: list[int] = [-1] * len(values)
    for k, v in enumerate(values):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < v:
                lo = mid + 1
            else:
                hi = mid
        previous[k] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    result: list[int] = []
    k = tails[-1] if tails else -1
    while k != -1:
        result.append(values[k])
        k = previous[k]
    return result[::-1]
