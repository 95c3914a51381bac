"""Reading checklist packs, and telling whoever edits one exactly what is wrong with it.

The shipped packs are package data (``jobdocs/lint/packs/*.yaml``), read through
:mod:`importlib.resources` so that they are found in a wheel as in a source checkout. A pack
that does not fit the schema raises :class:`PackError` listing every problem with its line:

.. code-block:: text

    GE.yaml: the checklist pack is not valid (1 problem):
      GE.yaml:23: requirements[2].require[0][0] (working-time): `terms.working_hours` is not
      in the contract format: `terms` has no `working_hours`; did you mean `terms.working_time`?
"""

from __future__ import annotations

import difflib
import functools
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jobdocs.errors import ConfigError
from jobdocs.findings import PathKey, dotted
from jobdocs.lint.checklist.schema import (
    PACK_PREFIXES,
    Pack,
    is_model,
    pack_problems,
    unwrap_optional,
)
from jobdocs.source import SourceDocument, parse_source

PACKAGE = "jobdocs.lint"
FOLDER = "packs"


class PackError(ConfigError):
    """A checklist pack does not fit the schema (exit code 2, like a bad configuration)."""


def shipped_pack_files() -> list[Traversable]:
    """The packs that ship with jobdocs, by file name."""
    folder = files(PACKAGE).joinpath(FOLDER)
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")),
                  key=lambda f: f.name)


@functools.cache
def shipped_packs() -> tuple[Pack, ...]:
    """Every shipped pack, validated (read once per process)."""
    return tuple(load_pack(file) for file in shipped_pack_files())


def load_pack(file: Traversable | Path) -> Pack:
    """Read and validate one pack. Raises :class:`PackError` with every problem found."""
    path = Path(str(file))
    doc = parse_source(file.read_bytes(), path)
    errors = [f for f in doc.findings if f.is_error]
    if errors:
        raise _error(path, [(f.location.line, f.message) for f in errors])
    if not isinstance(doc.data, dict):
        raise _error(path, [(1, "a pack is a mapping with `jurisdiction`, `title`, `source` "
                                "and `requirements`")])
    try:
        pack = Pack.model_validate(doc.data)
    except ValidationError as exc:
        raise _error(path, [_explain(e, doc) for e in exc.errors(include_url=False)]) from None
    located = pack_problems(pack)
    if path.stem != pack.jurisdiction:
        located.append((("jurisdiction",), f"the pack of {pack.jurisdiction} must be named "
                                           f"{pack.jurisdiction}.yaml, not {path.name}"))
    if located:
        raise _error(path, [(doc.source_map.location(key).line,
                             f"{_where(key, doc.data)}: {text}") for key, text in located])
    return pack


def _error(path: Path, problems: list[tuple[int, str]]) -> PackError:
    count = len(problems)
    lines = "\n".join(f"  {path.name}:{line}: {text}" for line, text in sorted(problems))
    return PackError(
        f"the checklist pack is not valid ({count} problem{'s' if count > 1 else ''}):\n"
        f"{lines}",
        hint="docs/lint.md (Jurisdiction checklists) describes the format of a pack",
        path=path)


def _explain(error: ErrorDetails, doc: SourceDocument) -> tuple[int, str]:
    """The line and a sentence for one validation error."""
    loc: PathKey = tuple(error["loc"])
    kind = error["type"]
    existing = _existing(loc, doc.data)
    if kind in ("missing", "extra_forbidden"):
        existing = loc[:-1] if kind == "missing" else loc
    line = doc.source_map.location(existing, key=kind == "extra_forbidden").line
    if kind == "missing":
        text = f"`{loc[-1]}` is missing"
        if loc[-1] in ("en", "ka", "ru"):
            text += " (every message is written in en, ka and ru)"
        elif loc[-1] == "code" and len(loc) == 3:
            text += f"; the next free code of this pack is {_next_code(doc.data)}"
        return line, f"{_where(loc[:-1], doc.data)}: {text}"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        fields = _fields_at(loc[:-1])
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        help_ = (f"did you mean `{close[0]}`?" if close
                 else f"the keys here are {', '.join(f'`{f}`' for f in fields)}")
        return line, f"{_where(loc[:-1], doc.data)}: unknown key `{name}`; {help_}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return line, f"{_where(existing, doc.data)}: {message}"


def _next_code(data: dict[str, Any]) -> str:
    """The code after the highest one the pack's data uses or retired."""
    prefix = PACK_PREFIXES.get(str(data.get("jurisdiction")), "L9")
    requirements = data.get("requirements")
    written = [r.get("code") for r in requirements if isinstance(r, dict)] \
        if isinstance(requirements, list) else []
    retired = data.get("retired")
    written += retired if isinstance(retired, list) else []
    numbers = [int(c[1:]) for c in written
               if isinstance(c, str) and len(c) == 4 and c.startswith(prefix) and c[1:].isdigit()]
    return f"L{max(numbers, default=int(prefix[1:]) * 100) + 1}"


def _existing(loc: PathKey, data: Any) -> PathKey:
    """The longest start of ``loc`` that is in ``data`` (pydantic adds the names of union
    members, such as ``int``, that the file does not have)."""
    found: list[str | int] = []
    for step in loc:
        if isinstance(data, dict) and step in data:  # noqa: SIM114 - narrowing differs
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            break
        found.append(step)
    return tuple(found)


def _where(loc: PathKey, data: Any) -> str:
    """``requirements[2].message (working-time)``: the path, and the requirement's id."""
    where = dotted(loc) or "the pack"
    if len(loc) >= 2 and loc[0] == "requirements" and isinstance(loc[1], int):
        reqs = data.get("requirements") if isinstance(data, dict) else None
        req = reqs[loc[1]] if isinstance(reqs, list) and loc[1] < len(reqs) else None
        if isinstance(req, dict) and isinstance(req.get("id"), str):
            where += f" ({req['id']})"
    return where


def _fields_at(loc: PathKey) -> list[str]:
    """The keys allowed in the mapping at ``loc`` of a pack."""
    model: type[BaseModel] | None = Pack
    for step in loc:
        if model is None:
            return []
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        annotation = unwrap_optional(field.annotation) if field is not None else None
        while get_origin(annotation) is list:
            annotation = unwrap_optional(get_args(annotation)[0])
        model = annotation if is_model(annotation) else None
    return list(model.model_fields) if model is not None else []
