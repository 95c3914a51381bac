"""Word-level differences between two texts, in any script.

The primitive under :mod:`jobdocs.diff` (what changed in a spec) and the redlines (the new
document with insertions underlined and deletions struck through). Texts are split into
words, runs of spaces and single punctuation marks; :mod:`difflib` aligns the two token
lists. ``\\w`` is Unicode-aware, so Georgian and Russian words are words, not letters.

>>> word_changes("ანგარიშების მართვა", "ახალი ანგარიშების მართვა")
[Segment(op='insert', text='ახალი '), Segment(op='equal', text='ანგარიშების მართვა')]

Lists are aligned item by item by :func:`jobdocs.alignment.align`.

A changed text can also be carried as one string with :data:`MARKERS` around the inserted and
deleted parts (:func:`marked`), so that it travels through the ordinary templates and is
turned into ``<ins>``/``<del>`` or Word's tracked changes at the end.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "insert", "delete"]

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
