"""Redline HTML: the markers of a rendered document turned into ``<ins>`` and ``<del>``.

The ordinary templates print a marked context (:mod:`jobdocs.render.redline_compare`) like any
other: they escape it, and the markers (:data:`jobdocs.textdiff.MARKERS`, characters of the
private use area) pass through as characters. :func:`redline_html` then reads the HTML with
:mod:`html.parser` and writes it again:

- marked text becomes ``<ins class="jd-ins">`` and ``<del class="jd-del">``; a change that
  spans tags is closed before each tag and reopened after it, so the HTML stays well-formed;
- in attribute values, comments, ``<title>``, ``<style>`` (where a CSS string may carry a
  marker as an escape) and ``<script>``, markers are resolved to the new text;
- the innermost block (``li``, ``p``, ``td``, ``div``, ``h1``…) around a change gets the class
  ``jd-changed``, and a table row around a changed cell ``jd-changed-row``: the change bars in
  the margin (:data:`~jobdocs.render.redline_style.REDLINE_CSS`);
- the redline stylesheet goes at the end of ``<head>`` and the summary of changes at the
  start of ``<body>``, so a user's own templates get both.

Spec values are never parsed as markup here: they arrive escaped, and are written back as
the parser read them (entity references included).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from jobdocs.render.redline_style import REDLINE_CSS
from jobdocs.textdiff import DEL_END, DEL_START, INS_END, INS_START, MARKERS, new_text, segments_of

BLOCKS = frozenset({
    "li", "p", "td", "th", "div", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "caption",
    "blockquote", "pre", "figcaption", "address", "section", "article", "aside", "header",
    "footer", "main", "nav", "figure"})
"""Elements that get a change bar when a change lies in them (the innermost one)."""

RAW_TEXT = frozenset({"title", "style", "script", "textarea"})
"""Elements whose text cannot hold tags: their markers are resolved to the new text."""

NO_TEXT = frozenset({"html", "head", "table", "thead", "tbody", "tfoot", "tr", "colgroup",
                     "ol", "ul", "dl", "select"})
"""Elements whose own text is only white space between children: never wrapped."""

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})

TAGS = {"insert": "ins", "delete": "del"}
CLASSES = {"ins": "jd-ins", "del": "jd-del"}

_CSS_MARKER = re.compile(r"\\00(e00[0-3])")  # a marker as css_string writes it: \00e000
_SPLIT = re.compile(f"([{MARKERS}])")
_MODES = {INS_START: "ins", DEL_START: "del", INS_END: None, DEL_END: None}


def marked_fragment(text: str) -> str:
    """A marked string as escaped HTML with ``<ins>`` and ``<del>`` (no block, no bar).

    >>> marked_fragment(deleted("a<b") + inserted("c&d"))  # doctest: +SKIP
    '<del class="jd-del">a&lt;b</del><ins class="jd-ins">c&amp;d</ins>'
    """
    out = []
    for segment in segments_of(text):
        escaped = html.escape(segment.text, quote=False)
        tag = TAGS.get(segment.op)
        out.append(f'<{tag} class="{CLASSES[tag]}">{escaped}</{tag}>' if tag else escaped)
    return "".join(out)


def redline_html(document: str, summary: str = "") -> str:
    """``document`` (HTML with markers) with the markers as ``<ins>``/``<del>``, change bars on
    the changed blocks, the redline stylesheet, and ``summary`` (HTML) at the start of the
    body."""
    writer = _Redliner(summary)
    writer.feed(document)
    writer.close()
    return writer.result()


class _StartTag:
    """A start tag, written when the document is finished: a change found later inside its
    element adds a class to it."""

    __slots__ = ("attrs", "classes", "closed", "name")

    def __init__(self, name: str, attrs: list[tuple[str, str | None]], closed: bool):
        self.name, self.attrs, self.closed = name, attrs, closed
        self.classes: list[str] = []

    def __str__(self) -> str:
        attrs = list(self.attrs)
        if self.classes:
            extra = " ".join(self.classes)
            found = next((i for i, (k, _) in enumerate(attrs) if k == "class"), None)
            if found is None:
                attrs.append(("class", extra))
            else:
                attrs[found] = ("class", f"{attrs[found][1] or ''} {extra}".strip())
        text = "".join(f" {k}" if v is None else f' {k}="{html.escape(new_text(v))}"'
                       for k, v in attrs)
        return f"<{self.name}{text}{' /' if self.closed else ''}>"

    def mark(self, name: str) -> None:
        if name not in self.classes:
            self.classes.append(name)


class _Redliner(HTMLParser):
    """Reads HTML and writes it again with the markers turned into ``<ins>``/``<del>``."""

    def __init__(self, summary: str):
        super().__init__(convert_charrefs=False)
        self.summary = summary
        self.out: list[str | _StartTag] = []
        self.stack: list[_StartTag] = []
        self.mode: str | None = None  # the change the text being read is in
        self.wrapper: str | None = None  # the <ins> or <del> open in the output
        self.styled = False
        self.summarized = not summary

    def result(self) -> str:
        """The HTML written; a document without ``<head>`` or ``<body>`` gets the stylesheet
        and the summary after its doctype."""
        self._close_wrapper()
        start = next((i for i, part in enumerate(self.out)
                      if not (isinstance(part, str) and part.startswith("<!"))), len(self.out))
        if not self.summarized:
            self.out.insert(start, self.summary)
        if not self.styled:
            self.out.insert(start, _style())
        return "".join(map(str, self.out))

    # -- tags ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_wrapper()
        if tag == "body" and not self.styled:
            self._add_style()
        start = _StartTag(tag, attrs, closed=False)
        self.out.append(start)
        if tag not in VOID:
            self.stack.append(start)
        if tag == "body" and not self.summarized:
            self.out.append(self.summary)
            self.summarized = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_wrapper()
        self.out.append(_StartTag(tag, attrs, closed=True))

    def handle_endtag(self, tag: str) -> None:
        self._close_wrapper()
        if tag == "head" and not self.styled:
            self._add_style()
        names = [start.name for start in self.stack]
        if tag in names:
            del self.stack[len(names) - 1 - names[::-1].index(tag):]
        self.out.append(f"</{tag}>")

    def _add_style(self) -> None:
        self.out.append(_style())
        self.styled = True

    # -- text ---------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._parent() == "style":
            data = _CSS_MARKER.sub(lambda m: chr(int(m.group(1), 16)), data)
        for piece in _SPLIT.split(data):
            if piece in _MODES:
                self.mode = _MODES[piece]
            elif piece:
                self._text(piece)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def _parent(self) -> str:
        return self.stack[-1].name if self.stack else ""

    def _text(self, text: str) -> None:
        parent = self._parent()
        if parent in RAW_TEXT:  # no tags possible: the new text only
            if self.mode != "del":
                self.out.append(text)
            return
        if self.mode is None or parent in NO_TEXT:
            self._close_wrapper()
            self.out.append(text)
            return
        if self.wrapper != self.mode:
            self._close_wrapper()
            self.out.append(f'<{self.mode} class="{CLASSES[self.mode]}">')
            self.wrapper = self.mode
            block = self._block()
            if block is not None:
                self._bar(block)
        self.out.append(text)

    def _close_wrapper(self) -> None:
        if self.wrapper is not None:
            self.out.append(f"</{self.wrapper}>")
            self.wrapper = None

    def _block(self) -> _StartTag | None:
        """The innermost block around the text being written."""
        return next((start for start in reversed(self.stack) if start.name in BLOCKS), None)

    def _bar(self, block: _StartTag) -> None:
        """Put a change bar on ``block`` (for a table cell, on its row)."""
        block.mark("jd-changed")
        if block.name in ("td", "th"):
            index = self.stack.index(block)
            row = next((s for s in reversed(self.stack[:index]) if s.name == "tr"), None)
            if row is not None:
                row.mark("jd-changed-row")

    # -- the rest, written as read (markers resolved) -------------------------------------

    def handle_comment(self, data: str) -> None:
        self._close_wrapper()
        self.out.append(f"<!--{new_text(data)}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{new_text(data)}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{new_text(data)}]>")


def _style() -> str:
    return f"<style>\n{REDLINE_CSS}</style>\n"
