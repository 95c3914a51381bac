"""Word revisions (``w:ins``/``w:del``) at the level of runs, made from marked text.

The run half of :mod:`jobdocs.render.redline_docx`. The runs of a story part (body, header,
footer, notes, comments) are read in document order while the :mod:`jobdocs.textdiff`
markers' state is carried from run to run and paragraph to paragraph: :func:`run_pieces` cuts a
run where the state changes, and :func:`replace_run` puts the pieces in its place, each
keeping the run's ``w:rPr``, inserted ones in ``w:ins`` and deleted ones in ``w:del`` (with
``w:delText`` for ``w:t``). Tabs and breaks take the state they stand in; field characters,
drawings and the like are never part of a change.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped]

from jobdocs.textdiff import DEL_END, DEL_START, INS_END, INS_START

Kind = Literal["", "ins", "del"]
"""What happened to a piece of text: ``""`` (kept), ``ins`` or ``del``."""
SWITCH: dict[str, Kind] = {INS_START: "ins", INS_END: "", DEL_START: "del", DEL_END: ""}
"""The state each marker starts."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute: ``{…/main}name``."""
    return f"{{{_W}}}{name}"


R, T, DEL_TEXT, P, PPR, RPR, TR, TRPR = (w(n) for n in (
    "r", "t", "delText", "p", "pPr", "rPr", "tr", "trPr"))
STORIES = frozenset(w(n) for n in ("document", "hdr", "ftr", "footnotes", "endnotes",
                                   "comments"))
"""The root elements of the parts whose text revisions can mark."""
REVISIONS = frozenset(w(n) for n in ("ins", "del", "moveFrom", "moveTo"))
"""The elements that mark a revision of text (in a run's container or a mark's ``w:rPr``)."""
#: Run content that a text value becomes or that reads as text: it takes the marks around it.
_FLOWING = frozenset(w(n) for n in ("tab", "br", "cr", "ptab", "sym", "noBreakHyphen",
                                    "softHyphen"))
_BLANK = frozenset(w(n) for n in ("tab", "br", "cr", "ptab"))
_NOTHING = frozenset(w(n) for n in ("rPr", "lastRenderedPageBreak"))

Piece = tuple[Kind, list[Any]]
"""Part of a run's content with one kind: strings (its text) and elements (tabs, breaks…)."""


class Revisions:
    """The revision elements of one package: one author and date, ids numbered in document
    order, part after part, from ``first`` (above every ``id`` the package already holds)."""

    def __init__(self, author: str, date: str, first: int):
        self.author = author
        self.date = date
        self.next_id = first
        self.made: set[Any] = set()
        """Every ``w:ins``/``w:del`` made so far."""

    def element(self, parent: Any, kind: str) -> Any:
        """A new ``w:ins``/``w:del`` (its id is given by :meth:`number`)."""
        element = parent.makeelement(w(kind), {w("id"): "", w("author"): self.author,
                                               w("date"): self.date})
        self.made.add(element)
        return element

    def continues(self, element: Any, kind: Kind) -> bool:
        """Whether ``element`` is a ``w:ins``/``w:del`` of ``kind`` made here (a run next to
        it joins it rather than starting another change)."""
        return element is not None and element in self.made and element.tag == w(kind)

    def number(self, root: Any) -> None:
        """Give the revisions made in the part ``root`` their ids, in document order."""
        for element in root.iter(w("ins"), w("del")):
            if element in self.made:
                element.set(w("id"), str(self.next_id))
                self.next_id += 1


def story_runs(root: Any) -> Iterator[Any]:
    """The runs of a story part that a revision may wrap (not those already in one)."""
    for run in list(root.iter(R)):
        if not any(ancestor.tag in REVISIONS for ancestor in run.iterancestors()):
            yield run


def run_pieces(run: Any, state: Kind, markers: Any) -> tuple[list[Piece] | None, Kind]:
    """``run``'s content cut where its kind changes, starting in ``state``, and the state
    after it; ``None`` for a run without markers outside any change. ``markers`` is the
    compiled pattern of the four markers."""
    pieces: list[Piece] = []
    touched = False

    def add(kind: Kind, item: Any) -> None:
        if not pieces or pieces[-1][0] != kind:
            pieces.append((kind, []))
        content = pieces[-1][1]
        if isinstance(item, str) and content and isinstance(content[-1], str):
            content[-1] += item
        else:
            content.append(item)

    for child in run:
        if child.tag == RPR:
            continue
        if child.tag == T:
            text, start = child.text or "", 0
            for match in markers.finditer(text):
                if match.start() > start:
                    add(state, text[start:match.start()])
                state, start, touched = SWITCH[match.group()], match.end(), True
            if len(text) > start:
                add(state, text[start:])
        elif child.tag in _FLOWING:
            add(state, child)
        else:
            add("", child)  # a field character, a drawing…: never part of a change
    if not touched and not any(kind for kind, _ in pieces):
        return None, state
    return pieces, state


def replace_run(run: Any, pieces: list[Piece], revisions: Revisions) -> None:
    """Put ``run``'s pieces in its place: runs with its properties, wrapped by kind."""
    parent, tail, properties = run.getparent(), run.tail, run.find(RPR)
    index = parent.index(run)
    parent.remove(run)
    last: Any = parent[index - 1] if index else None
    for kind, content in pieces:
        piece = run.makeelement(R, run.attrib)
        if properties is not None:
            piece.append(copy.deepcopy(properties))
        for item in content:
            if isinstance(item, str):
                text = etree.SubElement(piece, DEL_TEXT if kind == "del" else T)
                text.text = item
                text.set(_SPACE, "preserve")
            else:
                piece.append(item)
        if kind and revisions.continues(last, kind):
            last.append(piece)
            continue
        if kind:
            wrapper = revisions.element(parent, kind)
            wrapper.append(piece)
            piece = wrapper
        parent.insert(index, piece)
        index += 1
        last = piece
    if tail and last is not None:
        last.tail = (last.tail or "") + tail


def wrap_run(run: Any, kind: Kind, revisions: Revisions) -> None:
    """Put an unmarked ``run`` into a revision of ``kind`` (joining one just before it)."""
    before = run.getprevious()
    if revisions.continues(before, kind):
        before.append(run)
    else:
        wrapper = revisions.element(run, kind)
        run.addprevious(wrapper)
        wrapper.append(run)
    if kind == "del":
        for text in run.iter(T):
            text.tag = DEL_TEXT


def nearest(element: Any, tag: str) -> Any:
    """The closest ancestor of ``element`` named ``tag``, or ``None``."""
    return next(element.iterancestors(tag), None)


def weight(run: Any) -> Literal["empty", "blank", "text"]:
    """Whether ``run`` shows nothing, only white space (tabs, breaks, spaces), or more."""
    found: Literal["empty", "blank", "text"] = "empty"
    for child in run:
        if child.tag in _NOTHING or (child.tag in (T, DEL_TEXT) and not child.text):
            continue
        if child.tag in _BLANK or (child.tag in (T, DEL_TEXT) and child.text.isspace()):
            found = "blank"
        else:
            return "text"
    return found


def kind_of(run: Any, container: Any) -> Kind:
    """Whether ``run`` is inserted or deleted within ``container``."""
    for ancestor in run.iterancestors():
        if ancestor is container:
            break
        if ancestor.tag == w("ins"):
            return "ins"
        if ancestor.tag == w("del"):
            return "del"
    return ""
