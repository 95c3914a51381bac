"""Rendered files on disk: their names, writing them atomically, and whether one may be
replaced.

A document is written to a temporary file in the target folder, flushed to disk, then
renamed over the final name (:func:`jobdocs.output.write_atomic`): a run that is interrupted
(an error, Ctrl-C, a full disk) never leaves a half-written document under its final name.

A document approved for signature is not replaced by a different one unless asked
(:func:`check_replace`): a PDF says so in the spec it carries, a Word file in its custom
property ``jobdocs.status`` (:mod:`jobdocs.render.docx_properties`).
"""

from __future__ import annotations

from pathlib import Path

from jobdocs.errors import RenderError
from jobdocs.output import safe_component, sha256_file, write_atomic

MAX_CHECKED_BYTES = 256 * 2**20
"""The largest existing document read to see whether it is approved."""


def output_name(spec_id: str, lang: str, fmt: str) -> str:
    """The file name of a rendered document: ``<id>.<lang>.<format>``, made one safe path
    component (:func:`jobdocs.output.safe_component`) — an id is a slug in a spec file, but a
    model built in code may hold anything, and a slug may be a name Windows reserves (``con``).

    >>> output_name("account-manager", "ka", "pdf"), output_name("../../x", "en", "pdf")
    ('account-manager.ka.pdf', '.._.._x.en.pdf')
    """
    return safe_component(f"{spec_id}.{lang}.{fmt}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; a failure is a
    :class:`RenderError` that names the file."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from exc


def approved_document(path: Path) -> bool:
    """Whether ``path`` holds a document jobdocs rendered from an approved spec: a PDF whose
    embedded spec says ``status: approved``, or a Word file whose custom property
    ``jobdocs.status`` is ``approved``. Anything else — a draft, an HTML file, a file that is
    not one of ours or cannot be read — is not."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_CHECKED_BYTES:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    if data.startswith(b"%PDF-"):
        return _pdf_status(data, path) == "approved"
    if data.startswith(b"PK"):
        from jobdocs.render.docx_properties import read_properties

        return read_properties(data).get("jobdocs.status") == "approved"
    return False


def _pdf_status(pdf: bytes, path: Path) -> str | None:
    from jobdocs.render.embedded import embedded_files
    from jobdocs.source import parse_source

    try:
        specs = [f for f in embedded_files(pdf) if f.name.endswith((".yaml", ".yml"))]
    except RenderError:
        return None
    data = parse_source(specs[0].data, path).data if specs else None
    document = data.get("document") if isinstance(data, dict) else None
    status = document.get("status") if isinstance(document, dict) else None
    return status if isinstance(status, str) else None


def check_replace(path: Path, data: bytes, *, force: bool = False) -> None:
    """Raise :class:`ReplaceRefused` when writing ``data`` to ``path`` would replace an
    approved document (:func:`approved_document`) with a different one and ``force`` is not
    set. Writing the same bytes again is allowed: rendering is deterministic, so an unchanged
    spec makes an identical file."""
    if force or not path.exists() or not approved_document(path):
        return
    import hashlib

    if sha256_file(path) == hashlib.sha256(data).hexdigest():
        return
    raise ReplaceRefused(f"{path} is an approved document (its spec says status: approved); "
                         "it was not replaced", path=None,
                         hint="pass --force to replace it, or render into another folder")


class ReplaceRefused(RenderError):
    """Writing would replace an approved document with a different one."""
