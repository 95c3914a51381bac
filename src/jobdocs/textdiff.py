"""Word-level differences between two texts, in any script.

The primitive under :mod:`jobdocs.diff` (what changed in a spec) and the redlines (the new
document with insertions underlined and deletions struck through). Texts are split into
words, runs of spaces and single punctuation marks; :mod:`difflib` aligns the two token
lists. ``\\w`` is Unicode-aware, so Georgian and Russian words are words, not letters.

>>> word_changes("ანგარიშების მართვა", "ახალი ანგარიშების მართვა")
[Segment(op='insert', text='ახალი '), Segment(op='equal', text='ანგარიშების მართვა')]

A changed text can also be carried as one string with :data:`MARKERS` around the inserted and
deleted parts (:func:`marked`), so that it travels through the ordinary templates and is
turned into ``<ins>``/``<del>`` or Word's tracked changes at the end.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

Op = Literal["equal", "insert", "delete"]
T = TypeVar("T")

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)

INS_START = "\ue000"
"""Marks the start of inserted text in a :func:`marked` string."""
INS_END = "\ue001"
"""Marks the end of inserted text."""
DEL_START = "\ue002"
"""Marks the start of deleted text."""
DEL_END = "\ue003"
"""Marks the end of deleted text."""
MARKERS = INS_START + INS_END + DEL_START + DEL_END
"""All four markers: characters of Unicode's private use area that no spec text needs."""

_MARKER_RE = re.compile(f"[{MARKERS}]")
_MARKED_RE = re.compile(f"{INS_START}([^{MARKERS}]*){INS_END}|{DEL_START}([^{MARKERS}]*){DEL_END}"
                        f"|([^{MARKERS}]+)")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a compared text: kept (``equal``), added (``insert``) or removed (``delete``)."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """``text`` split into words, runs of white space and single other characters; joining
    the tokens gives ``text`` back."""
    return _TOKEN.findall(text)


MAX_COMPARED = 4_000_000
"""The most token pairs a word-by-word comparison weighs (about 2,000 × 2,000 words and
spaces). Beyond it, what lies between the common start and end of two texts is shown as one
replacement: comparing two very long texts word by word costs minutes."""


def word_changes(old: str, new: str) -> list[Segment]:
    """The segments that turn ``old`` into ``new``, word by word.

    A replaced word gives a ``delete`` then an ``insert``. A space left alone between two
    changes is folded into them, so ``a b c`` → ``x y z`` reads as one replacement rather than
    three. Joining the ``equal`` and ``delete`` texts gives ``old``; the ``equal`` and
    ``insert`` texts give ``new``. (Texts too long to compare word by word, see
    :data:`MAX_COMPARED`, keep their common start and end, the rest replaced.)
    """
    a, b = tokens(old), tokens(new)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a_mid, b_mid = a[head:len(a) - tail], b[head:len(b) - tail]
    segments = [Segment("equal", "".join(a[:head]))]
    if len(a_mid) * len(b_mid) > MAX_COMPARED:
        segments += [Segment("delete", "".join(a_mid)), Segment("insert", "".join(b_mid))]
    else:
        segments += _compared(a_mid, b_mid)
    segments.append(Segment("equal", "".join(a[len(a) - tail:])))
    return _merge(_fold_spaces([seg for seg in segments if seg.text]))


def _compared(a: list[str], b: list[str]) -> list[Segment]:
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(b[j1:j2])))
        if tag == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
    return segments


def _fold_spaces(segments: list[Segment]) -> list[Segment]:
    """Fold white space (or lone punctuation) kept between two changes into the changes."""
    result = list(segments)
    for i in range(1, len(result) - 1):
        seg = result[i]
        if (seg.op == "equal" and (seg.text.isspace() or len(seg.text) == 1)
                and result[i - 1].op != "equal" and result[i + 1].op != "equal"):
            result[i] = Segment("delete", seg.text)
            result.insert(i + 1, Segment("insert", seg.text))
    return result


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    """Join neighbours with the same operation and put each change's deletion first."""
    equal: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            equal.append(Segment("delete", "".join(deleted)))
        if inserted:
            equal.append(Segment("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for seg in segments:
        if not seg.text:
            continue
        if seg.op == "equal":
            flush()
            if equal and equal[-1].op == "equal":
                equal[-1] = Segment("equal", equal[-1].text + seg.text)
            else:
                equal.append(seg)
        else:
            (deleted if seg.op == "delete" else inserted).append(seg.text)
    flush()
    return equal


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 (nothing shared) to 1 (the same words), by words."""
    a = [t for t in tokens(old.casefold()) if not t.isspace()]
    b = [t for t in tokens(new.casefold()) if not t.isspace()]
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if len(a) * len(b) > MAX_COMPARED:
        return matcher.quick_ratio()  # the words in common, in any order
    return matcher.ratio()


def clean(text: str) -> str:
    """``text`` without the markers (a spec could contain them; they must not be mistaken for
    changes)."""
    return _MARKER_RE.sub("", text)


def marked(segments: Sequence[Segment]) -> str:
    """One string with the inserted and deleted parts between :data:`MARKERS`."""
    parts: list[str] = []
    for seg in segments:
        text = clean(seg.text)
        if seg.op == "insert":
            parts.append(f"{INS_START}{text}{INS_END}")
        elif seg.op == "delete":
            parts.append(f"{DEL_START}{text}{DEL_END}")
        else:
            parts.append(text)
    return "".join(parts)


def mark_changes(old: str, new: str) -> str:
    """``new`` with the word changes from ``old`` marked: ``marked(word_changes(old, new))``."""
    return marked(word_changes(clean(old), clean(new)))


def inserted(text: str) -> str:
    """All of ``text`` marked as inserted ('' stays '')."""
    return f"{INS_START}{clean(text)}{INS_END}" if text else ""


def deleted(text: str) -> str:
    """All of ``text`` marked as deleted ('' stays '')."""
    return f"{DEL_START}{clean(text)}{DEL_END}" if text else ""


def segments_of(text: str) -> list[Segment]:
    """The segments of a :func:`marked` string (the inverse of :func:`marked`)."""
    result: list[Segment] = []
    for match in _MARKED_RE.finditer(text):
        ins, dele, plain = match.groups()
        if ins is not None:
            result.append(Segment("insert", ins))
        elif dele is not None:
            result.append(Segment("delete", dele))
        else:
            result.append(Segment("equal", plain))
    return [seg for seg in result if seg.text]


def is_marked(text: str) -> bool:
    """Whether ``text`` carries any marker."""
    return _MARKER_RE.search(text) is not None


def new_text(text: str) -> str:
    """A :func:`marked` string as the new version reads: insertions kept, deletions dropped."""
    return "".join(seg.text for seg in segments_of(text) if seg.op != "delete")


def old_text(text: str) -> str:
    """A :func:`marked` string as the old version read."""
    return "".join(seg.text for seg in segments_of(text) if seg.op != "insert")


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
