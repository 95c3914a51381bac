"""Output files: safe names, and writing them atomically (a temporary file in the same folder,
then a rename).

An interrupted run (an exception, Ctrl-C, SIGKILL, a full disk) never leaves a half-written
document under its final name: the reader sees the old file or the new one, nothing between.
A name made from data (an id, a document number, a spreadsheet cell) becomes one safe path
component (:func:`safe_component`), and every target is checked to lie inside its output
folder (:func:`inside`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path, PurePosixPath

from jobdocs.errors import UsageError

#: Characters no file name may hold: path separators, what Windows forbids, control
#: characters (C0 and C1) and the invisible ones that can disguise a name (bidi controls,
#: line and paragraph separators).
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u200e\u200f\u2028\u2029'
                        r'\u202a-\u202e\u2066-\u2069]')
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789\u00b9\u00b2\u00b3"]
)
MAX_COMPONENT_BYTES = 200


def safe_component(value: str) -> str:
    """One path component that is safe on Windows, macOS and Linux.

    >>> safe_component("EC-2027/0001"), safe_component("con.en.pdf"), safe_component("..")
    ('EC-2027_0001', '_con.en.pdf', '_')
    """
    text = unicodedata.normalize("NFC", value)
    text = _FORBIDDEN.sub("_", text).strip().rstrip(". ")
    if not text or set(text) <= {"."}:
        text = "_"
    if text.split(".")[0].rstrip(" ").upper() in _RESERVED:
        text = "_" + text
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_COMPONENT_BYTES:
        text = encoded[:MAX_COMPONENT_BYTES].decode("utf-8", "ignore").rstrip(". ") or "_"
    return text


def inside(out_dir: Path, relative: PurePosixPath) -> Path:
    """``out_dir / relative``, checked to stay inside ``out_dir`` (symbolic links followed)."""
    target = (out_dir / Path(*relative.parts)).resolve()
    if not target.is_relative_to(out_dir.resolve()):
        raise UsageError(f"the output name {relative} leaves the output directory")
    return target


def _durable_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to the disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_atomic(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically and durably; return its SHA-256 (hex)."""
    temp = _durable_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)
    return hashlib.sha256(data).hexdigest()


def write_new_file(path: Path, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically, as :func:`write_atomic`, but only if no file of
    that name exists — also when one appears meanwhile: the temporary file is linked to the
    final name, which fails if the name is taken. Raises :class:`FileExistsError`."""
    temp = _durable_temp(path, data)
    try:
        os.link(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    _fsync_dir(path.parent)
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The SHA-256 of a file, or ``None`` when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
