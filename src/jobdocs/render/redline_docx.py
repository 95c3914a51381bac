"""Word tracked changes from marked text: the last step of a redline's Word document.

A redline (``jobdocs diff OLD NEW -f docx``) is the new version of a document, rendered by the
ordinary Word renderer from a context whose changed strings carry the markers of
:mod:`jobdocs.textdiff`, so that its ``w:t`` texts hold them. :func:`apply_tracked_changes`
turns them into Word's revisions, which a reviewer accepts or rejects in Word or LibreOffice:

- a run is split where a marker stands, each piece keeping the run's properties; inserted
  pieces go into ``w:ins``, deleted ones into ``w:del`` (their text as ``w:delText``); a span
  may cross runs (a tab) and paragraphs;
- a paragraph whose text is all inserted or all deleted gets an inserted or deleted
  paragraph mark too, and a table row a row mark, so that accepting or rejecting every
  change leaves no empty numbered line (:mod:`jobdocs.render.docx_revision_marks` says which
  paragraph's mark, so that Word and LibreOffice agree);
- where no revision can stand (document properties, field codes, attribute values) the
  markers are resolved to the new text.

The runs are cut and wrapped by :mod:`jobdocs.render.docx_revisions`. Only the parts holding
markers are rewritten, the other parts are copied byte for byte, and a package without any
marker comes back as it was. Nothing else changes: the settings do not turn change tracking
on (the reviewer's Word decides), and Word and LibreOffice show the changes without being told.
Revision ids count up from above every ``…:id`` the package already holds.

>>> redline = apply_tracked_changes(data, author="jobdocs", date=when)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from jobdocs.errors import RenderError
from jobdocs.render.docx_package import MAX_UNPACKED_BYTES, ZipEntry, read_entries, write_entries
from jobdocs.render.docx_revision_marks import mark_whole
from jobdocs.render.docx_revisions import (
    STORIES,
    SWITCH,
    Kind,
    P,
    Revisions,
    nearest,
    replace_run,
    run_pieces,
    story_runs,
)
from jobdocs.render.text import xml_text
from jobdocs.textdiff import MARKERS, clean

_MARKER = re.compile(f"[{MARKERS}]")
_MARKED = re.compile(rb"\xee\x80[\x80-\x83]|&#(?:[xX]0*[eE]00[0-3]|0*5734[4-7]);")
_IDS = re.compile(rb'\b[\w.-]+:id="(\d{1,9})"')
_XML_PART = re.compile(r"\.(?:xml|rels)$", re.IGNORECASE)


def apply_tracked_changes(data: bytes, *, author: str, date: datetime.datetime) -> bytes:
    """The Word package ``data`` with its marked text turned into tracked changes by
    ``author`` at ``date`` (a naive date is taken as UTC).

    Raises :class:`~jobdocs.errors.RenderError` when ``data`` is not a readable Word package.
    """
    try:
        entries = read_entries(data)
        parts = _xml_parts(entries)
    except RenderError:
        raise
    except (zipfile.BadZipFile, struct.error, zlib.error, ValueError, OSError, EOFError,
            NotImplementedError) as exc:  # a damaged package fails in many ways
        raise RenderError(f"the Word document cannot be read: {exc}") from exc
    marked = [name for name, blob in parts.items() if _MARKED.search(blob)]
    if not marked:
        return data
    first = 1 + max((int(found) for blob in parts.values() for found in _IDS.findall(blob)),
                    default=0)
    revisions = Revisions(xml_text(clean(author)), _timestamp(date), first)
    changed = {name: _rewrite(name, parts[name], revisions) for name in marked}
    return write_entries(ZipEntry.compress(e.name, changed[e.name]) if e.name in changed
                         else e for e in entries)


def _timestamp(date: datetime.datetime) -> str:
    if date.tzinfo is not None:
        date = date.astimezone(datetime.UTC)
    return (f"{date.year:04d}-{date.month:02d}-{date.day:02d}T"
            f"{date.hour:02d}:{date.minute:02d}:{date.second:02d}Z")


def _xml_parts(entries: Iterable[ZipEntry]) -> dict[str, bytes]:
    """The XML parts by name, unpacked (at most :data:`MAX_UNPACKED_BYTES` in all)."""
    parts: dict[str, bytes] = {}
    budget = MAX_UNPACKED_BYTES
    for entry in entries:
        if not _XML_PART.search(entry.name):
            continue
        if entry.method == zipfile.ZIP_STORED:
            blob = entry.raw
        else:
            blob = zlib.decompressobj(-15).decompress(entry.raw, budget + 1)
        if len(blob) > budget:
            raise RenderError(f"the Word document unpacks to more than "
                              f"{MAX_UNPACKED_BYTES:,} bytes")
        if len(blob) != entry.size or zlib.crc32(blob) != entry.crc:
            raise RenderError(f"the Word document is damaged: its part {entry.name} does not "
                              "unpack to what the ZIP file says")
        budget -= len(blob)
        parts[entry.name] = blob
    return parts


def _rewrite(name: str, blob: bytes, revisions: Revisions) -> bytes:
    """One part with its markers turned into revisions (a story) or resolved (any other)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"the Word document's part {name} is not well-formed XML: "
                          f"{exc}") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise RenderError(f"the Word document's part {name} has a document type declaration")
    if root.tag in STORIES:
        _track(root, revisions)
    _resolve(root)
    return bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True,
                                standalone=tree.docinfo.standalone))


def _track(root: Any, revisions: Revisions) -> None:
    """Turn the marked text of a story part into revisions: run by run, the markers' state
    carried across runs and paragraphs; then the paragraphs and rows changed as a whole."""
    changed: dict[Any, None] = {}
    state: Kind = ""
    for run in story_runs(root):
        pieces, state = run_pieces(run, state, _MARKER)
        if pieces is not None:
            paragraph = nearest(run, P)
            if paragraph is not None:
                changed[paragraph] = None
            replace_run(run, pieces, revisions)
    mark_whole(changed, revisions)
    revisions.number(root)


def _new_text(text: str) -> str:
    """``text`` as the new version reads: markers removed, deleted text dropped (also when
    its end marker is missing)."""
    kept: list[str] = []
    state: Kind = ""
    start = 0
    for match in _MARKER.finditer(text):
        if state != "del":
            kept.append(text[start:match.start()])
        state, start = SWITCH[match.group()], match.end()
    if state != "del":
        kept.append(text[start:])
    return "".join(kept)


def _resolve(root: Any) -> None:
    """Resolve every marker left in texts and attribute values to the new text."""
    for node in root.iter():
        if isinstance(node.tag, str):
            for key, value in node.attrib.items():
                if _MARKER.search(value):
                    node.set(key, _new_text(value))
        if node.text and _MARKER.search(node.text):
            node.text = _new_text(node.text)
        if node.tail and _MARKER.search(node.tail):
            node.tail = _new_text(node.tail)
