"""Rendered files on disk: their names, and writing them atomically.

A document is written to a temporary file in the target folder, flushed to disk, then
renamed over the final name: a run that is interrupted (an error, Ctrl-C, a full disk) never
leaves a half-written document under its final name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from jobdocs.errors import RenderError


def output_name(spec_id: str, lang: str, fmt: str) -> str:
    """The file name of a rendered document: ``<id>.<lang>.<format>``."""
    return f"{spec_id}.{lang}.{fmt}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                         dir=path.parent)
    except OSError as exc:
        raise RenderError(f"cannot write into {path.parent}: {exc.strerror}") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise RenderError(f"cannot write {path}: {exc.strerror}") from exc
        raise
