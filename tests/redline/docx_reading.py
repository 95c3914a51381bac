"""Reading the Word redline tests' packages: parts, story parts, paragraphs; every change
accepted or rejected as Word does it; what a well-formed redline must satisfy."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from jobdocs.render.docx_schema_order import SCHEMA_ORDER
from jobdocs.textdiff import MARKERS

from .docx_documents import AUTHOR, STAMP

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MARKER = re.compile(b"|".join(re.escape(m.encode()) for m in MARKERS))
STORY = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def canonical(xml: bytes) -> bytes:
    return bytes(etree.tostring(etree.fromstring(xml), method="c14n"))


def stories(data: bytes) -> dict[str, Any]:
    return {name: etree.fromstring(blob) for name, blob in parts(data).items()
            if STORY.fullmatch(name)}


def paragraphs(root: Any) -> list[tuple[str | None, str]]:
    """Every paragraph's style and text (tabs and line breaks as ``\\t`` and ``\\n``)."""
    found = []
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = []
        for node in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br", f"{W}cr"):
            if node.getparent().tag == f"{W}r":
                text.append(node.text or "" if node.tag in (f"{W}t", f"{W}delText")
                            else "\t" if node.tag == f"{W}tab" else "\n")
        found.append((None if style is None else style.get(f"{W}val"), "".join(text)))
    return found


def resolve(root: Any, keep: str) -> Any:
    """A copy of the story ``root`` with every change accepted (``keep="ins"``) or rejected
    (``keep="del"``), as Word does it: a removed paragraph mark joins its paragraph to the next
    (which keeps its own properties), a removed row mark removes the row."""
    root = etree.fromstring(etree.tostring(root))
    drop = "del" if keep == "ins" else "ins"
    for row in list(root.iter(f"{W}tr")):
        if row.find(f"{W}trPr/{W}{drop}") is not None:
            row.getparent().remove(row)
    for paragraph in list(root.iter(f"{W}p")):
        if paragraph.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None:
            after = paragraph.getnext()
            assert after is not None and after.tag == f"{W}p", "a removed mark joins the next"
            at = 1 if after.find(f"{W}pPr") is not None else 0
            for child in reversed([c for c in paragraph if c.tag != f"{W}pPr"]):
                after.insert(at, child)
            paragraph.getparent().remove(paragraph)
    for element in list(root.iter(f"{W}{drop}")):
        element.getparent().remove(element)
    for element in list(root.iter(f"{W}{keep}")):
        parent = element.getparent()
        if parent.tag in (f"{W}rPr", f"{W}trPr"):
            parent.remove(element)
            continue
        at = parent.index(element)
        for child in reversed(list(element)):
            parent.insert(at, child)
        parent.remove(element)
    for text in root.iter(f"{W}delText"):
        text.tag = f"{W}t"
    return root


def revisions(root: Any) -> list[Any]:
    return list(root.iter(f"{W}ins", f"{W}del"))


def changed_texts(root: Any, kind: str) -> str:
    return " | ".join("".join(t.text or "" for t in e.iter(f"{W}t", f"{W}delText"))
                      for e in root.iter(f"{W}{kind}"))


def assert_well_formed_revisions(data: bytes) -> None:
    """No marker is left anywhere; the ids are unique in the package; every revision has
    author and date; property elements are in the schema's order."""
    found = parts(data)
    assert not [name for name, blob in found.items() if MARKER.search(blob)]
    every_id = [m.decode() for blob in found.values() for m in re.findall(rb':id="(\d+)"', blob)]
    for root in stories(data).values():
        for element in revisions(root):
            assert every_id.count(element.get(f"{W}id")) == 1
    for root in stories(data).values():
        for element in revisions(root):
            assert element.get(f"{W}author") == AUTHOR and element.get(f"{W}date") == STAMP
            parent = element.getparent().tag
            if parent not in (f"{W}rPr", f"{W}trPr"):
                assert {child.tag for child in element} <= {f"{W}r"}
        assert not list(root.iter(f"{W}del")) or all(
            run.find(f"{W}t") is None for d in root.iter(f"{W}del") for run in d)
        for tag, order in (("pPr", SCHEMA_ORDER["pPr"]), ("rPr", SCHEMA_ORDER["rPr"])):
            rank = {f"{W}{name}": n for n, name in enumerate(("ins", "del", *order))}
            for element in root.iter(f"{W}{tag}"):
                ranks = [rank.get(child.tag, -1) for child in element]
                assert ranks == sorted(ranks), etree.tostring(element)
        for row in root.iter(f"{W}trPr"):
            names = [etree.QName(child).localname for child in row]
            marks = [n for n in names if n in ("ins", "del")]
            assert len(marks) <= 1 and (not marks or names[-1] in marks)


def assert_accepts_and_rejects(old: bytes, new: bytes, redline: bytes) -> None:
    olds, news = stories(old), stories(new)
    for name, root in stories(redline).items():
        assert paragraphs(resolve(root, "ins")) == paragraphs(news[name]), name
        assert paragraphs(resolve(root, "del")) == paragraphs(olds[name]), name
