"""HTML: the document template rendered with a context.

The same HTML feeds the PDF engine and the ``.html`` output. The stylesheet is inlined, so
an ``.html`` file stands alone; the logo is a ``file:`` URL for the PDF engine (which reads
it through the resource policy) and a ``data:`` URL in a standalone ``.html`` file.
"""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup

from jobdocs.errors import RenderError
from jobdocs.render.templates import TemplateSet
from jobdocs.render.values import DocumentContext

#: Logo files a document may show, by suffix.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".svg": "image/svg+xml", ".gif": "image/gif", ".webp": "image/webp"}

MAX_LOGO_BYTES = 5 * 1024 * 1024

#: The stylesheets of each kind of document, in order: a contract is set like a job
#: description (its annex *is* one), so it takes the role stylesheet, then its own.
STYLESHEETS: dict[str, tuple[str, ...]] = {"contract": ("role", "contract")}


def render_html(context: DocumentContext, templates: TemplateSet, *,
                logo_url: str | None = None, inline_stylesheet: bool = True) -> str:
    """The document as HTML, with its stylesheet inlined — or without it, for a PDF engine
    that was given the stylesheet already parsed (see :func:`stylesheet_text`)."""
    kind = context.document.kind
    values = context.template_values()
    values["stylesheet"] = Markup(stylesheet_text(kind, templates) if inline_stylesheet else "")
    values["logo_url"] = logo_url
    return templates.render(kind, values)


def stylesheet_text(kind: str, templates: TemplateSet) -> str:
    """The stylesheets of a kind of document, in cascade order, as one text."""
    return "\n".join(templates.stylesheet(k) for k in STYLESHEETS.get(kind, (kind,)))


def logo_file_url(logo: Path | None) -> str | None:
    """The logo as a ``file:`` URL, for the PDF engine."""
    if logo is None:
        return None
    _media_type(logo)
    return logo.as_uri()


def logo_data_url(logo: Path | None) -> str | None:
    """The logo as a ``data:`` URL, for a standalone HTML file."""
    if logo is None:
        return None
    media_type = _media_type(logo)
    try:
        size = logo.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise RenderError(f"the logo {logo} is {size // 1024} KiB; the limit is "
                              f"{MAX_LOGO_BYTES // 1024 // 1024} MiB")
        data = logo.read_bytes()
    except OSError as exc:
        raise RenderError(f"cannot read the logo {logo}: {exc.strerror}") from exc
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _media_type(logo: Path) -> str:
    media_type = IMAGE_TYPES.get(logo.suffix.lower())
    if media_type is None:
        raise RenderError(f"the logo {logo.name} is not an image jobdocs can embed",
                          hint=f"use one of: {', '.join(sorted(IMAGE_TYPES))}")
    return media_type
