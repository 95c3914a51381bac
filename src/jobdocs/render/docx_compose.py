"""One Word document from several: a contract and its annexes (the job description).

:func:`append_documents` appends rendered ``.docx`` documents to a first one with docxcompose,
which carries over the styles, numbering definitions, pictures and footnotes each appended
part uses. A style both documents define (``Heading 1``, ``Entry 1``) takes the first
document's definition, so the whole file has one look; a style only an annex uses is copied
with it. (docxcompose's ``preserve_styles`` mode, which would keep both, rewrites every style
reference of a paragraph to one of them — a paragraph with a character style loses its
paragraph style — so it is not used.) Each annex starts on a new page; the first document's
page setup, headers and footers apply throughout, as in a bound volume.

The result is reproducible: docxcompose gives list definitions random ``w:nsid`` values so
that a copied list restarts; they are replaced by values derived from each list's id, still
one per list, and the ZIP file gets fixed dates.
"""

from __future__ import annotations

import io
import zlib
from typing import Any

from jobdocs.errors import RenderError
from jobdocs.render.docx_package import normalize

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def restore_core_properties_prefix() -> None:
    """Undo docxcompose's remapping of python-docx's ``cp`` prefix.

    Importing docxcompose (docxtpl imports it too) maps ``cp`` in python-docx's namespace
    table to the *custom*-properties namespace, for the whole process. python-docx then
    writes a document's keywords, category, last-modified-by and revision in the wrong
    namespace, so a Word template built after a render differs from one built before.
    docxcompose itself never looks the prefix up there. This imports docxcompose (once per
    process: a later import cannot remap it again) and restores python-docx's mapping.
    """
    import docxcompose.utils  # noqa: F401 - the import that remaps the prefix
    from docx.oxml.ns import nsmap

    nsmap["cp"] = CORE_PROPERTIES


def append_documents(first: bytes, *annexes: bytes, page_break: bool = True) -> bytes:
    """``first`` followed by each of ``annexes`` (all .docx bytes), as one .docx; with
    ``page_break``, each annex starts on a new page.

    >>> contract = render_docx(contract_context, contract_template, cache)  # doctest: +SKIP
    >>> annex = render_docx(role_context, role_template, cache)             # doctest: +SKIP
    >>> data = append_documents(contract, annex)                           # doctest: +SKIP
    """
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docxcompose.composer import Composer

    restore_core_properties_prefix()
    try:
        master = Document(io.BytesIO(first))
        composer = Composer(master)
        for annex in annexes:
            if page_break:
                master.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            composer.append(Document(io.BytesIO(annex)))
    except (KeyError, ValueError, AttributeError) as exc:
        raise RenderError(f"the documents could not be joined: {exc}") from exc
    _stable_list_ids(master)
    buffer = io.BytesIO()
    composer.save(buffer)
    return normalize(buffer.getvalue())


def _stable_list_ids(document: Any) -> None:
    """Give every list definition a ``w:nsid`` derived from its id instead of a random one."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return
    for definition in numbering.iter(f"{_W}abstractNum"):
        nsid = definition.find(f"{_W}nsid")
        if nsid is not None:
            key = f"jobdocs-list-{definition.get(f'{_W}abstractNumId')}".encode()
            nsid.set(f"{_W}val", f"{zlib.crc32(key):08X}")
