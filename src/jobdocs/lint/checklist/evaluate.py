"""Reading a contract the way a pack's requirements ask: values at dotted paths, whether they
are stated, whether a requirement applies, and which limits a number breaks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from jobdocs.lint.checklist.schema import Limit, Pack, Requirement
from jobdocs.models import Contract, Text


def value_at(contract: Contract, path: str) -> Any:
    """The value at dotted ``path`` of the contract, or ``None`` when a step is absent."""
    value: Any = contract
    for step in path.split("."):
        if not isinstance(value, BaseModel):
            return None
        value = getattr(value, step, None)
    return value


def is_stated(value: Any) -> bool:
    """Whether a value says something: not absent, not blank, not an empty list."""
    if value is None:
        return False
    if isinstance(value, Text):
        return any(text.strip() for text in value.values())
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict | tuple):
        return bool(value)
    return True


def applies(req: Requirement, contract: Contract) -> bool:
    """Whether the requirement's ``when`` holds for the contract (always, without one)."""
    when = req.when
    if when is None:
        return True
    if when.present is not None:
        return is_stated(value_at(contract, when.present))
    return len(contract.all_languages) >= (when.languages_at_least or 0)


def missing_groups(req: Requirement, contract: Contract) -> list[list[str]]:
    """The groups of ``require`` of which the contract states no path."""
    return [group for group in req.require
            if not any(is_stated(value_at(contract, path)) for path in group)]


def number_at(contract: Contract, path: str) -> Decimal | None:
    """The number at ``path``, exactly (``None`` when absent)."""
    value = value_at(contract, path)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return Decimal(str(value))


def breaks(req: Requirement, contract: Contract) -> Decimal | None:
    """The number that breaks the requirement's ``max`` or ``min``, if it does."""
    limit = req.limit
    if limit is None or not applies(req, contract):
        return None
    value = number_at(contract, limit.path)
    if value is None or not _beyond(req, value, limit):
        return None
    return value


def _beyond(req: Requirement, value: Decimal, limit: Limit) -> bool:
    bound = Decimal(str(limit.value))
    return value > bound if req.max is not None else value < bound


def outranked(pack: Pack, req: Requirement, contract: Contract) -> Requirement | None:
    """The requirement of ``pack`` with a wider limit on the same path that the contract
    also breaks, if there is one: 8 months of probation breaks both Russian limits (3 months,
    and 6 for heads); only the wider one, 6, is reported."""
    limit = req.limit
    if limit is None:
        return None
    for other in pack.requirements:
        wider = other.limit
        if (other is req or wider is None or wider.path != limit.path
                or (other.max is None) != (req.max is None)):
            continue
        further = wider.value > limit.value if req.max is not None else wider.value < limit.value
        if further and breaks(other, contract) is not None:
            return other
    return None


def format_number(value: Decimal) -> str:
    """``8`` for 8, ``37.5`` for 37.50: the number without a trailing fraction of zeros."""
    if value == value.to_integral_value():
        return str(value.to_integral_value())
    return format(value.normalize(), "f")
