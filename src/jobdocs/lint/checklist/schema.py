"""The schema of a jurisdiction checklist pack (``jobdocs/lint/packs/<JURISDICTION>.yaml``).

A pack is data that a lawyer can review and extend without reading Python::

    jurisdiction: GE
    title: Labour Code of Georgia
    source: https://matsne.gov.ge/
    retired: [L116]                  # codes of removed requirements: never given again
    requirements:
      - id: working-time             # a slug, unique in the pack
        code: L103                   # the lint code; GE uses L1xx, EU L2xx, RU L3xx, UK L4xx
        citation: Labour Code of Georgia — essential terms (working time and rest time)
        severity: error              # or warning; default error
        require: [[terms.working_time.hours_per_week, terms.working_time.schedule]]
        message: {en: …, ka: …, ru: …}

Every inner list of ``require`` is a group; each group needs one of its paths present and
not empty in the contract. ``when: {present: path}`` or ``when: {languages_at_least: 2}``
limits a requirement to the contracts it concerns. ``max: {path, value}`` and
``min: {path, value}`` report a number above or below a limit; their messages may use
``{value}``, the number the contract states.

Paths are dotted paths into the contract format (:class:`~jobdocs.models.Contract`); a path
that is not in it is an error, with a "did you mean" for a misspelt key.
"""

from __future__ import annotations

import difflib
import string
import types
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, model_validator

from jobdocs.models import Contract

#: The code prefix of each pack: ``L1`` selects every requirement of the Georgian pack.
PACK_PREFIXES: dict[str, str] = {"GE": "L1", "EU": "L2", "RU": "L3", "UK": "L4"}
#: The languages every message is written in.
MESSAGE_LANGUAGES = ("en", "ka", "ru")
_NUMBERS = (int, float, Decimal)


def leaf_type(path: str) -> Any:
    """The type of the contract field at dotted ``path`` (``Optional`` removed).

    Raises :class:`ValueError`, naming the step that is not a field and the closest field
    that is, when the contract format has no such path.
    """
    steps = path.split(".")
    model: type[BaseModel] = Contract
    annotation: Any = Contract
    for i, step in enumerate(steps):
        fields = model.model_fields
        where = ".".join(steps[:i])
        if step not in fields:
            close = difflib.get_close_matches(step, list(fields), n=1, cutoff=0.6)
            owner = f"`{where}`" if where else "a contract"
            suggestion = f"; did you mean `{'.'.join([*steps[:i], close[0]])}`?" if close else ""
            raise ValueError(f"`{path}` is not in the contract format: {owner} has no "
                             f"`{step}`{suggestion}")
        annotation = unwrap_optional(fields[step].annotation)
        if i < len(steps) - 1:
            if not is_model(annotation):
                raise ValueError(f"`{path}` is not in the contract format: "
                                 f"`{'.'.join(steps[:i + 1])}` has no keys inside")
            model = annotation
    return annotation


def unwrap_optional(annotation: Any) -> Any:
    """``X`` for ``X | None``; any other annotation unchanged."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def is_model(annotation: Any) -> bool:
    """Whether ``annotation`` is a model with keys (not a root model such as ``Text``)."""
    return (isinstance(annotation, type) and issubclass(annotation, BaseModel)
            and not issubclass(annotation, RootModel))


def _contract_path(path: str) -> str:
    leaf_type(path)
    return path


def _number_path(path: str) -> str:
    if leaf_type(path) not in _NUMBERS:
        raise ValueError(f"`{path}` is not a number, so it cannot have a `max` or `min`")
    return path


ContractPath = Annotated[str, AfterValidator(_contract_path)]
"""A dotted path into the contract format."""
NumberPath = Annotated[str, AfterValidator(_number_path)]
"""A dotted path to a number of the contract format."""
Code = Annotated[str, Field(pattern=r"^L\d{3}$")]
"""A lint code of the L family, e.g. ``L103``."""


class PackModel(BaseModel):
    """The base of the pack schema: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Messages(PackModel):
    """A message in every language jobdocs speaks."""

    en: str = Field(min_length=1)
    ka: str = Field(min_length=1)
    ru: str = Field(min_length=1)

    def get(self, language: str) -> str:
        """The message in ``language``, else in English."""
        if language in MESSAGE_LANGUAGES:
            return str(getattr(self, language))
        return self.en

    def placeholders(self) -> set[str]:
        """The ``{names}`` the messages use; raises :class:`ValueError` on stray braces."""
        names: set[str] = set()
        for language in MESSAGE_LANGUAGES:
            text = getattr(self, language)
            try:
                names |= {field for _, field, _, _ in string.Formatter().parse(text) if field}
            except ValueError:
                raise ValueError(f"the `{language}` message has an unmatched brace; write "
                                 "`{value}` for the number, `{{` and `}}` for braces") from None
        return names


class Limit(PackModel):
    """A number the contract states, and the limit it must keep."""

    path: NumberPath
    value: int | float


class When(PackModel):
    """The condition under which a requirement applies: exactly one key."""

    present: ContractPath | None = None
    """The requirement applies when this path is present and not empty."""
    languages_at_least: int | None = Field(default=None, ge=2)
    """The requirement applies when the contract has at least this many languages."""

    @model_validator(mode="after")
    def _one_condition(self) -> When:
        if (self.present is None) == (self.languages_at_least is None):
            raise ValueError("`when` takes exactly one of `present` and `languages_at_least`")
        return self


class Requirement(PackModel):
    """One point of a checklist: what the contract must state, or a limit it must keep."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    code: Code
    citation: str = Field(min_length=1)
    message: Messages
    severity: Literal["error", "warning"] = "error"
    require: list[Annotated[list[ContractPath], Field(min_length=1)]] = Field(
        default_factory=list)
    when: When | None = None
    max: Limit | None = None
    min: Limit | None = None

    @model_validator(mode="after")
    def _one_check(self) -> Requirement:
        kinds = [name for name in ("require", "max", "min") if getattr(self, name)]
        if len(kinds) != 1:
            raise ValueError("a requirement has exactly one of `require`, `max` and `min`"
                             + (f" (this one has {', '.join(kinds)})" if kinds else ""))
        names = self.message.placeholders()
        allowed = {"value"} if self.limit is not None else set()
        stray = sorted(names - allowed)
        if stray:
            usable = ("only `{value}`, the number the contract states" if allowed
                      else "no placeholders: `{value}` is only for `max` and `min`")
            raise ValueError(f"the message uses `{{{stray[0]}}}`; it may use {usable}")
        return self

    @property
    def limit(self) -> Limit | None:
        """The ``max`` or ``min`` of this requirement, if it has one."""
        return self.max or self.min

    @property
    def paths(self) -> list[str]:
        """Every path the requirement reads, in order, without repeats."""
        found = [p for group in self.require for p in group]
        if self.limit is not None:
            found.append(self.limit.path)
        if self.when is not None and self.when.present is not None:
            found.append(self.when.present)
        return list(dict.fromkeys(found))


class Pack(PackModel):
    """A jurisdiction checklist: the requirements of one law for employment contracts."""

    jurisdiction: Literal["GE", "EU", "RU", "UK"]
    title: str = Field(min_length=1)
    source: str = Field(min_length=1)
    requirements: list[Requirement] = Field(min_length=1)
    retired: list[Code] = Field(default_factory=list)
    """Codes of requirements that were removed; they are never given to another one."""

    @property
    def prefix(self) -> str:
        """The code prefix of this pack (``L1`` for GE)."""
        return PACK_PREFIXES[self.jurisdiction]

    def next_code(self) -> str:
        """The code a new requirement of this pack gets."""
        used = [int(c[1:]) for c in [*self.retired, *(r.code for r in self.requirements)]
                if c.startswith(self.prefix)]
        return f"L{max(used, default=int(self.prefix[1:]) * 100) + 1}"


def pack_problems(pack: Pack) -> list[tuple[tuple[str | int, ...], str]]:
    """What is wrong across the requirements of ``pack`` (ids and codes used twice, a code
    outside the pack's range or retired), each with the data path it concerns."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    ids: dict[str, str] = {}
    codes: dict[str, str] = {}
    for i, req in enumerate(pack.requirements):
        where: tuple[str | int, ...] = ("requirements", i)
        if req.id in ids:
            problems.append(((*where, "id"), f"the id `{req.id}` is used twice"))
        if req.code in codes:
            problems.append(((*where, "code"), f"`{req.code}` is already the code of "
                             f"`{codes[req.code]}`; use {pack.next_code()}"))
        elif not req.code.startswith(pack.prefix):
            problems.append(((*where, "code"), f"`{req.code}` is outside this pack's codes "
                             f"({pack.prefix}xx); use {pack.next_code()}"))
        elif req.code in pack.retired:
            problems.append(((*where, "code"), f"`{req.code}` is retired and never used "
                             f"again; use {pack.next_code()}"))
        ids.setdefault(req.id, req.code)
        codes.setdefault(req.code, req.id)
    return problems
