"""Empty signature fields, one per signatory, where each signs.

WeasyPrint reports where every element with an ``id`` landed (``page.anchors``: CSS pixels
from the page's top-left corner). Each signature line in the templates carries the id
``sig-<field name>``, so its box becomes the field's rectangle, converted to PDF points from
the bottom-left. pyHanko then appends the fields as an incremental update, so e-signature
tools show "sign here" at the right place.

pyHanko puts 16 random bytes into the second element of the trailer ``/ID`` of every
incremental update; :class:`_StableIdWriter` derives them from the original file instead, so
the same inputs still give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jobdocs.errors import RenderError
from jobdocs.render.values import Signatory

PX_TO_PT = 0.75
"""WeasyPrint lays out in CSS pixels (1/96 in); PDF user space is in points (1/72 in)."""


@dataclass(frozen=True, slots=True)
class FieldPlacement:
    """Where a signature field goes."""

    name: str
    label: str
    page: int
    """0-based page index."""
    box: tuple[int, int, int, int] | None
    """``(x1, y1, x2, y2)`` in PDF points from the bottom-left; ``None`` for a field without
    a place (a template with no signature line for this signatory)."""


def place_fields(pages: Sequence[Any], signatories: Iterable[Signatory]) -> list[FieldPlacement]:
    """The placement of each signatory's field, from WeasyPrint's laid-out ``pages``."""
    placements = []
    for person in signatories:
        placement = FieldPlacement(person.field_name, person.field_label, len(pages) - 1, None)
        for index, page in enumerate(pages):
            box = page.anchors.get(person.anchor)
            if box is None:
                continue
            x1, y1, x2, y2 = box
            height = page.height
            placement = FieldPlacement(person.field_name, person.field_label, index, (
                round(x1 * PX_TO_PT), round((height - y2) * PX_TO_PT),
                round(x2 * PX_TO_PT), round((height - y1) * PX_TO_PT)))
            break
        placements.append(placement)
    return placements


def add_signature_fields(pdf: bytes, placements: Sequence[FieldPlacement]) -> bytes:
    """``pdf`` with an empty signature field per placement (an incremental update)."""
    if not placements:
        return pdf
    from pyhanko.pdf_utils.generic import ArrayObject, ByteStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    seed = hashlib.sha256(pdf).digest()[:16]

    class _StableIdWriter(IncrementalPdfFileWriter):
        @classmethod
        def _handle_id(cls, prev: Any) -> Any:
            ids = super()._handle_id(prev)  # type: ignore[no-untyped-call]
            return ArrayObject([ids[0], ByteStringObject(seed)])

        def _update_meta(self) -> None:
            # pyHanko would stamp ModDate with the current time and rewrite the XMP with its
            # own Producer, which then disagrees with the Info dictionary (PDF/A requires
            # them to match). Adding form fields changes no metadata: keep WeasyPrint's.
            return None

    try:
        writer = _StableIdWriter(io.BytesIO(pdf))
        for placement in placements:
            append_signature_field(writer, SigFieldSpec(
                placement.name, on_page=placement.page, box=placement.box,
                readable_field_name=placement.label))
        out = io.BytesIO()
        writer.write(out)  # type: ignore[no-untyped-call]
    except PdfError as exc:
        raise RenderError(f"cannot add the signature fields: {exc}") from exc
    return out.getvalue()
