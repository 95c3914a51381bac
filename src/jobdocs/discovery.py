"""Which files a command reads: spec files named directly, and the specs found in folders
(``validate``, ``lint``, ``render`` and ``render_many`` all take folders).

A folder is searched recursively for ``*.yaml`` and ``*.yml`` (skipping hidden folders,
virtual environments and ``out``); a YAML file found there is linted only when it looks like a
spec — it has a top-level ``jobdocs:`` or ``kind:`` line, or cannot be read as UTF-8 text — so
CI configurations and other YAML in a repository are left alone. A file named directly is
always linted, unless ``only_specs`` asks to skip non-specs there too (the pre-commit hook
does, because it is handed every YAML file of a commit).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from jobdocs.errors import UsageError

SPEC_SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRS = frozenset({"venv", "node_modules", "__pycache__", "out"})

_SPEC_LINE = re.compile(rb"^(?:jobdocs|kind)[ \t]*:", re.MULTILINE)
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def spec_files(paths: Iterable[str | os.PathLike[str]], *,
               only_specs: bool = False) -> Iterator[Path]:
    """The files to lint for ``paths``, each once, in the order given (folders sorted).

    Raises :class:`UsageError` for a path that does not exist.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterable[Path] = (f for f in _walk(path) if looks_like_spec(f))
        elif path.exists():
            found = [path] if not only_specs or looks_like_spec(path) else []
        else:
            raise UsageError(f"{path} does not exist", hint="check the path and try again")
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def looks_like_spec(path: Path) -> bool:
    """Whether ``path`` is meant as a spec: a top-level ``jobdocs:`` or ``kind:`` line in its
    first :data:`~jobdocs.source.Limits.max_bytes`, or bytes that are not plain UTF-8 text —
    or a FIFO, a device or another file that is not a regular file, which is never opened
    here (reading a FIFO would wait forever) but reported by the loader."""
    from jobdocs.source import DEFAULT_LIMITS

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
        with path.open("rb") as handle:
            raw = handle.read(DEFAULT_LIMITS.max_bytes + 1)
    except OSError:
        return True
    if raw.startswith(_WIDE_BOMS) or b"\x00" in raw:
        return True
    return _SPEC_LINE.search(raw) is not None


def _walk(folder: Path) -> Iterator[Path]:
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in sorted(files):
            if name.endswith(SPEC_SUFFIXES):
                yield Path(current) / name
