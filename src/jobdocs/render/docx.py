"""Word output: a document context rendered into a ``.docx`` template (docxtpl's syntax).

A Word template is an ordinary ``.docx`` with Jinja tags in its text — ``{{ document.title }}``,
``{%p for section in sections %}`` for a whole paragraph, ``{%tr … %}`` for a table row —
fed with the same values as the HTML templates (:meth:`~jobdocs.render.values.
DocumentContext.template_values`). It runs in a sandboxed, autoescaping Jinja environment
(:func:`~jobdocs.render.docx_text.docx_environment`) that also removes the characters XML
forbids.

>>> cache = DocxTemplateCache()                                          # doctest: +SKIP
>>> data = render_docx(context, Path("templates/role/document.docx"), cache)  # doctest: +SKIP

:class:`DocxTemplateCache` keeps each template prepared (:class:`~jobdocs.render.
docx_prepared.PreparedDocx`): parsed and compiled once, re-read only when the file changes.
:func:`render_docx_plain` is the reference — docxtpl as its documentation shows it — which
the fast path matches part for part.

Nothing here is specific to a kind of document: the contract renders its own template and
context through the same functions.
"""

from __future__ import annotations

import hashlib
import io
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from jobdocs.errors import TemplateError
from jobdocs.render.docx_compose import restore_core_properties_prefix
from jobdocs.render.docx_prepared import PreparedDocx
from jobdocs.render.docx_text import docx_environment
from jobdocs.render.values import DocumentContext

DOCX_TEMPLATE = "document.docx"
"""The file name of a kind's Word template in a template directory: ``role/document.docx``."""

MAX_TEMPLATE_BYTES = 64 * 2**20
"""The largest Word template file jobdocs reads (its parts are limited when unpacked, see
:data:`~jobdocs.render.docx_package.MAX_UNPACKED_BYTES`)."""


@dataclass(frozen=True, slots=True)
class _Cached:
    stamp: tuple[int, int, int]
    digest: str
    prepared: PreparedDocx


class DocxTemplateCache:
    """Prepared Word templates by file: each is parsed and compiled once and reused while the
    file keeps its modification time, size and inode — or, when those change, its content.

    An explicit cache: a :class:`~jobdocs.render.Renderer` holds one for its run.
    """

    def __init__(self, environment: jinja2.Environment | None = None):
        self.environment = environment or docx_environment()
        """The Jinja environment every template of this cache is compiled in."""
        self._entries: dict[Path, _Cached] = {}

    def get(self, path: Path) -> PreparedDocx:
        """The prepared template of the file ``path``."""
        resolved = path.resolve()
        try:
            info = resolved.stat()
            if not stat.S_ISREG(info.st_mode):
                raise TemplateError(f"the Word template {path} is not a regular file")
            if info.st_size > MAX_TEMPLATE_BYTES:
                raise TemplateError(f"the Word template {path} is {info.st_size:,} bytes; the "
                                    f"limit is {MAX_TEMPLATE_BYTES:,}")
            cached = self._entries.get(resolved)
            stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
            if cached is not None and cached.stamp == stamp:
                return cached.prepared
            with resolved.open("rb") as handle:
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as exc:
            raise TemplateError(f"cannot read the Word template {path}: "
                                f"{exc.strerror or exc}") from exc
        digest = hashlib.sha256(data).hexdigest()
        if cached is not None and cached.digest == digest:
            prepared = cached.prepared
        else:
            try:
                prepared = PreparedDocx(data, self.environment, name=str(path))
            except TemplateError:
                raise
            except Exception as exc:  # a damaged or odd template is untrusted input too
                raise TemplateError(f"{path} cannot be used as a Word template: "
                                    f"{type(exc).__name__}: {exc}") from exc
            restore_core_properties_prefix()  # docxtpl has imported docxcompose
        self._entries[resolved] = _Cached(stamp, digest, prepared)
        return prepared

    def __len__(self) -> int:
        return len(self._entries)


def template_values(context: DocumentContext | Mapping[str, Any]) -> Mapping[str, Any]:
    """The names a Word template sees: a context's :meth:`~DocumentContext.template_values`,
    or a mapping given as it is."""
    return context.template_values() if isinstance(context, DocumentContext) else context


def render_docx(context: DocumentContext | Mapping[str, Any], template: Path,
                cache: DocxTemplateCache) -> bytes:
    """``context`` rendered into the Word template ``template``, as the bytes of a .docx
    file; the same inputs give the same bytes."""
    return cache.get(template).render(template_values(context))


def render_docx_plain(context: DocumentContext | Mapping[str, Any], template: Path,
                      environment: jinja2.Environment | None = None) -> bytes:
    """The reference renderer: ``DocxTemplate(template).render(values, env, autoescape=True)``
    then ``save()``, as docxtpl documents it. Slower; its ZIP dates are the current time."""
    from docxtpl import DocxTemplate

    restore_core_properties_prefix()
    document = DocxTemplate(template)
    document.render(dict(template_values(context)), environment or docx_environment(),
                    autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
