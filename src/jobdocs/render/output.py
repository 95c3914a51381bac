"""Rendered files on disk: their names, and writing them atomically.

A document is written to a temporary file in the target folder, flushed to disk, then
renamed over the final name (:func:`jobdocs.output.write_atomic`): a run that is interrupted
(an error, Ctrl-C, a full disk) never leaves a half-written document under its final name.
"""

from __future__ import annotations

from pathlib import Path

from jobdocs.errors import RenderError
from jobdocs.output import safe_component, write_atomic


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
