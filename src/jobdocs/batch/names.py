"""Output file names from a pattern such as ``{document.number}.{lang}.{format}``.

Values come from HR data (document numbers like ``EC-2027/0001``, names, CSV cells), so each
is made safe for every operating system (:func:`jobdocs.output.safe_component`): path
separators, characters Windows forbids, control characters and NUL become ``_``; trailing
dots and spaces go; reserved device names (``CON``, ``NUL``, ``COM1`` …) get a ``_`` prefix;
``.`` and ``..`` are never a component; and the result must lie inside the output directory
(:func:`jobdocs.output.inside`).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from jobdocs.errors import UsageError
from jobdocs.output import MAX_COMPONENT_BYTES, inside, safe_component

__all__ = ["DEFAULT_PATTERN", "MAX_COMPONENT_BYTES", "inside", "lookup", "output_name",
           "pattern_fields", "safe_component"]

DEFAULT_PATTERN = "{document.number}.{lang}.{format}"

def pattern_fields(pattern: str) -> list[str]:
    """The placeholder names used in ``pattern``; raises :class:`UsageError` if malformed."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise UsageError(f"the output pattern {pattern!r} is malformed: {exc}") from exc
    fields = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion:
            raise UsageError(f"the output pattern {pattern!r} may only use plain {{field}} "
                             "placeholders", hint="e.g. {document.number}.{lang}.{format}")
        fields.append(name)
    return fields


def lookup(data: Mapping[str, Any], dotted_name: str, lang: str) -> Any:
    """The value at ``dotted_name`` in spec data; a language mapping gives its ``lang`` text."""
    current: Any = data
    for step in dotted_name.split("."):
        if isinstance(current, Mapping) and step in current:
            current = current[step]
        elif isinstance(current, list) and step.isdigit() and int(step) < len(current):
            current = current[int(step)]
        else:
            return None
    if isinstance(current, Mapping):
        return current.get(lang) or next(iter(current.values()), None)
    return current


def output_name(pattern: str, values: Mapping[str, Any], *, lang: str, fmt: str,
                row: int) -> PurePosixPath:
    """The relative output path for one document. Each ``/``-separated part of the pattern
    becomes one safe component; values can never add a separator of their own."""
    extra = {"lang": lang, "format": fmt, "row": str(row)}
    parts = []
    for literal_part in pattern.split("/"):
        rendered = ""
        for text, name, _, _ in string.Formatter().parse(literal_part):
            rendered += text
            if name is not None:
                value = extra[name] if name in extra else lookup(values, name, lang)
                rendered += safe_component("" if value is None else str(value))
        parts.append(safe_component(rendered))
    return PurePosixPath(*parts)
