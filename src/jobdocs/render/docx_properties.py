"""Custom document properties of a Word file — what Word shows under File → Info →
Properties → Advanced → Custom — written and read without opening the document.

jobdocs stamps every Word document it renders with what the document is, so that a later run
can tell a document approved for signature from a draft without the spec that made it (a PDF
carries its spec; a Word file carries these):

- ``jobdocs.status`` — ``draft``, ``review`` or ``approved``;
- ``jobdocs.number`` and ``jobdocs.version`` — the document's number and version.

A template's own custom properties are kept; earlier ``jobdocs.*`` ones are replaced.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Mapping

from lxml import etree  # type: ignore[import-untyped]

from jobdocs.render.docx_package import ZipEntry, read_entries, write_entries
from jobdocs.render.text import xml_text

CUSTOM_PART = "docProps/custom.xml"
PREFIX = "jobdocs."
_CONTENT_TYPES = "[Content_Types].xml"
_ROOT_RELS = "_rels/.rels"
_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_RELTYPE = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "custom-properties")
_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one every custom property uses
_MAX_PART_BYTES = 2**20


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def _data(entry: ZipEntry) -> bytes:
    if entry.method == zipfile.ZIP_STORED:
        return entry.raw
    return zlib.decompressobj(-15).decompress(entry.raw, _MAX_PART_BYTES)


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def stamp(docx: bytes, properties: Mapping[str, str]) -> bytes:
    """``docx`` with the custom properties ``properties`` (names starting ``jobdocs.``)."""
    entries = read_entries(docx)
    names = [e.name for e in entries]
    custom = (etree.fromstring(_data(entries[names.index(CUSTOM_PART)]), _parser())
              if CUSTOM_PART in names else etree.Element(f"{{{_NS}}}Properties",
                                                         nsmap={None: _NS, "vt": _VT}))
    for old in [p for p in custom if str(p.get("name", "")).startswith(PREFIX)]:
        custom.remove(old)
    pid = max([int(p.get("pid", "1")) for p in custom] + [1])
    for name, value in properties.items():
        pid += 1
        prop = etree.SubElement(custom, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = xml_text(value)
    parts = {CUSTOM_PART: _xml(custom)}
    if CUSTOM_PART not in names:
        parts.update(_declare_part(entries, names))
    result = [ZipEntry.compress(e.name, parts.pop(e.name)) if e.name in parts else e
              for e in entries]
    result.extend(ZipEntry.compress(name, data) for name, data in parts.items())
    return write_entries(result)


def _declare_part(entries: list[ZipEntry], names: list[str]) -> dict[str, bytes]:
    """The content type and the package relationship of a new custom properties part."""
    types = etree.fromstring(_data(entries[names.index(_CONTENT_TYPES)]), _parser())
    etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName=f"/{CUSTOM_PART}",
                     ContentType=_CT)
    rels = etree.fromstring(_data(entries[names.index(_ROOT_RELS)]), _parser())
    taken = {r.get("Id") for r in rels}
    ident = next(f"rIdJobdocs{n}" for n in range(len(taken) + 1)
                 if f"rIdJobdocs{n}" not in taken)
    etree.SubElement(rels, f"{{{_REL_NS}}}Relationship", Id=ident, Type=_RELTYPE,
                     Target=CUSTOM_PART)
    return {_CONTENT_TYPES: _xml(types), _ROOT_RELS: _xml(rels)}


def read_properties(docx: bytes) -> dict[str, str]:
    """The custom properties of the Word file ``docx`` (name → text); empty when it has none
    or cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            info = archive.getinfo(CUSTOM_PART)
            if info.file_size > _MAX_PART_BYTES:
                return {}
            root = etree.fromstring(archive.read(info), _parser())
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError):
        return {}
    return {str(p.get("name")): "".join(p.itertext()) for p in root
            if p.get("name") is not None}
