"""Resolved data → models, and every schema problem → a :class:`Finding` with a place.

pydantic reports each problem with a ``loc`` path; this module walks that path through the
data (skipping pydantic's union tags), finds the file, line and column from the resolved
spec's origins, and rewrites the message into words an HR user understands, with a
"did you mean" hint for misspelt keys.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jobdocs.findings import Finding, PathKey, Severity, dotted
from jobdocs.models import MODELS, Contract, Organization, Role, Spec, Text
from jobdocs.resolve import ResolvedSpec

LANGUAGE_NAMES = {"ka": "Georgian", "en": "English", "ru": "Russian"}


@dataclass(slots=True)
class Validated:
    """The outcome of validating a resolved spec and the specs it references."""

    spec: ResolvedSpec
    model: Spec | None
    findings: list[Finding]
    organization: Organization | None = None
    role: Validated | None = None


def validate_resolved(spec: ResolvedSpec,
                      references: dict[int, Validated] | None = None) -> Validated:
    """Build the model for ``spec`` (and its references); collect every finding.

    ``references`` memoizes the referenced specs' results by identity: a mail merge
    validates the same organization and role once, not once per row."""
    findings = list(spec.findings)
    model = _build(spec, findings)
    org_model = None
    if spec.organization is not None:
        org_result = _referenced(spec.organization, references)
        findings.extend(org_result.findings)
        org_model = org_result.model if isinstance(org_result.model, Organization) else None
    role_result = None
    if spec.role is not None:
        role_result = _referenced(spec.role, references)
        findings.extend(role_result.findings)
    if isinstance(model, Role | Contract):
        languages = model.all_languages
        findings.extend(missing_translations(spec, model, languages, model.language))
        if org_model is not None and spec.organization is not None:
            findings.extend(missing_translations(spec.organization, org_model, languages,
                                                 _org_language(org_model, model.language)))
        if (isinstance(model, Contract) and role_result is not None
                and isinstance(role_result.model, Role)):
            findings.extend(missing_translations(role_result.spec, role_result.model,
                                                 languages, role_result.model.language))
    return Validated(spec, model, findings, org_model, role_result)


def _referenced(spec: ResolvedSpec, memo: dict[int, Validated] | None) -> Validated:
    if memo is None:
        return validate_resolved(spec)
    result = memo.get(id(spec))
    if result is None or result.spec is not spec:
        result = memo[id(spec)] = validate_resolved(spec, memo)
    return result


def _org_language(org: Organization, fallback: str) -> str:
    return org.defaults.language or fallback


def _build(spec: ResolvedSpec, findings: list[Finding]) -> Spec | None:
    data = spec.data
    if data is None:
        return None
    model_cls = _model_class(spec, findings)
    if model_cls is None:
        return None
    try:
        return model_cls.model_validate(data)
    except ValidationError as exc:
        findings.extend(_error_findings(spec, model_cls, exc))
        return None


ModelClass = type[Role] | type[Contract] | type[Organization]


def _model_class(spec: ResolvedSpec, findings: list[Finding]) -> ModelClass | None:
    data = spec.data or {}
    version = data.get("jobdocs")
    if type(version) is not int or version != 1:  # not True, 1.0 or "1", which equal 1 or look so
        shown = f'"{version}"' if isinstance(version, str) else str(version).lower()
        message = ("the spec does not start with `jobdocs: 1`" if version is None
                   else f"unsupported format version `jobdocs: {shown}`; this jobdocs reads 1")
        findings.append(Finding("S104", Severity.ERROR, message,
                                spec.location(("jobdocs",), key=True),
                                hint="put `jobdocs: 1` on the first line"))
        return None
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:  # a list or mapping is no kind either
        choices = ", ".join(MODELS)
        close = difflib.get_close_matches(str(kind), list(MODELS), n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"use one of: {choices}"
        what = "the spec has no `kind`" if kind is None else f"unknown kind `{kind}`"
        findings.append(Finding("S104", Severity.ERROR, f"{what}; expected {choices}",
                                spec.location(("kind",)), hint=hint))
        return None
    return MODELS[kind]


# -- pydantic errors → findings ----------------------------------------------------------------


def _error_findings(spec: ResolvedSpec, model_cls: type[BaseModel],
                    exc: ValidationError) -> list[Finding]:
    found: dict[tuple[PathKey, str], tuple[str, Finding]] = {}
    suggested: set[PathKey] = set()
    for error in exc.errors(include_url=False):
        path, on_key = _data_path(error, spec.data)
        code, message, hint = _describe(error, path, model_cls, on_key=on_key)
        if code == "S102":
            if spec.incomplete:
                continue  # the parent could not be merged: what is missing is its fault
            location = _with_path(spec.location(path[:-1], key=True), dotted(path))
        else:
            location = spec.location(path, key=on_key or code == "S101")
        if code == "S101" and hint and hint.startswith("did you mean `"):
            suggested.add((*path[:-1], hint.split("`")[1]))
        found.setdefault((path, message), (code, Finding(code, Severity.ERROR, message,
                                                         location, hint)))
    # A misspelt key already says what is missing ("unknown key `titel`, did you mean
    # `title`?"): the matching "required key `title` is missing" would only repeat it.
    return [finding for (path, _), (code, finding) in found.items()
            if not (code == "S102" and path in suggested)]


def _with_path(location: Any, path: str) -> Any:
    from dataclasses import replace

    return replace(location, path=path)


def _data_path(error: ErrorDetails, data: Any) -> tuple[PathKey, bool]:
    """Follow pydantic's ``loc`` through the data, dropping union tags and the like."""
    loc = list(error["loc"])
    last_missing = error["type"] == "missing" and bool(loc)
    steps = loc[:-1] if last_missing else loc
    path: list[str | int] = []
    current = data
    on_key = False
    for step in steps:
        if step == "[key]":
            on_key = True
            continue
        if _has_step(current, step):
            path.append(step)
            current = current[step]
        elif (error["type"] == "extra_forbidden" and step is steps[-1]
              and isinstance(step, str)):
            path.append(step)
    if last_missing:
        path.append(loc[-1])
    return tuple(path), on_key


def _has_step(current: Any, step: str | int) -> bool:
    if isinstance(current, dict):
        return step in current
    return isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current)


_TYPE_NAMES = {
    bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
    dict: "a mapping", type(None): "nothing",
}


def _kind_of(value: Any) -> str:
    import datetime
    from decimal import Decimal

    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, Decimal):
        return "a number"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _describe(error: ErrorDetails, path: PathKey, model_cls: type[BaseModel], *,
              on_key: bool = False) -> tuple[str, str, str | None]:
    kind = error["type"]
    name = f"`{path[-1]}`" if path and isinstance(path[-1], str) else "this value"
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model_cls, path[:-1])
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        where = f" in `{dotted(path[:-1])}`" if path[:-1] else ""
        hint = (f"did you mean `{close[0]}`?" if close
                else f"allowed keys: {', '.join(allowed)}" if allowed else None)
        return "S101", f"unknown key {name}{where}", hint
    if kind == "missing":
        where = f" in `{dotted(path[:-1])}`" if path[:-1] else ""
        return "S102", f"the required key {name} is missing{where}", _description(model_cls, path)
    if kind in ("string_type",):
        hint = "put the value in quotes" if isinstance(value, int | float) else None
        return "S103", f"{name} must be text, not {_kind_of(value)}", hint
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "S103", f"{name} must be a whole number, not `{value}`", None
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing",
                "date_from_datetime_inexact"):
        return "S103", f"{name} must be a date written as YYYY-MM-DD, not `{value}`", None
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return "S103", f"{name} cannot be `{value}`: expected {expected}", None
    if kind == "string_pattern_mismatch" and on_key:  # the only keys checked: text languages
        return ("S103", f"`{value}` is not a language code",
                "a text is a string, or a mapping of language codes such as `ka`, `en` or `ru` "
                "to strings; put a text holding a comma in quotes")
    if kind == "string_pattern_mismatch":
        return ("S103", f"{name} cannot be `{value}`: it does not have the expected form",
                _description(model_cls, path))
    if kind in ("list_type", "tuple_type"):
        return ("S103", f"{name} must be a list, not {_kind_of(value)}",
                "write one `- ` line per entry")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "S103", f"{name} must be a mapping of keys to values, not {_kind_of(value)}", None
    message = error["msg"]
    message = message[0].lower() + message[1:] if message else "is not valid"
    return "S103", f"{name}: {message}", _description(model_cls, path)


def _description(model_cls: type[BaseModel], path: PathKey) -> str | None:
    if not path or not isinstance(path[-1], str):
        return None
    owner = model_at(model_cls, path[:-1])
    if owner is None or path[-1] not in owner.model_fields:
        return None
    return owner.model_fields[path[-1]].description


def _allowed_keys(model_cls: type[BaseModel], path: PathKey) -> list[str]:
    owner = model_at(model_cls, path)
    return list(owner.model_fields) if owner is not None else []


def model_at(model_cls: type[BaseModel], path: PathKey) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path``, if one does."""
    tp: Any = model_cls
    for step in path:
        if isinstance(step, int):
            tp = _element(tp)
            continue
        owner = _as_model(tp)
        if owner is None or step not in owner.model_fields:
            return None
        tp = owner.model_fields[step].annotation
    return _as_model(tp)


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _as_model(tp: Any) -> type[BaseModel] | None:
    for t in _unwrap(tp):
        if isinstance(t, type) and issubclass(t, BaseModel) and not issubclass(t, Text):
            return t
    return None


def _element(tp: Any) -> Any:
    for t in _unwrap(tp):
        if typing.get_origin(t) is list:
            return typing.get_args(t)[0]
    return None


# -- translations --------------------------------------------------------------------------------


def iter_texts(obj: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Text]]:
    """Every :class:`Text` in a model, with its path."""
    if isinstance(obj, Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is not None:
                yield from iter_texts(value, (*path, name))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from iter_texts(value, (*path, index))


def missing_translations(spec: ResolvedSpec, model: BaseModel, languages: list[str],
                         primary: str) -> Iterator[Finding]:
    """S105: a text that lacks one of the languages every text must provide."""
    if len(languages) < 1:
        return
    listed = ", ".join(languages)
    for path, text in iter_texts(model):
        present = text.languages(primary)
        for lang in languages:
            if lang in present:
                continue
            label = LANGUAGE_NAMES.get(lang, lang)
            yield Finding(
                "S105", Severity.ERROR,
                f"`{dotted(path)}` has no {label} (`{lang}`) text",
                spec.location(path),
                hint=f"`languages` is [{listed}]: give every text in each, "
                     f"e.g. `{{{', '.join(f'{x}: …' for x in languages)}}}`",
            )
