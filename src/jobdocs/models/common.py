"""Types shared by every kind of spec: text in several languages, list items, people, codes.

Models are plain pydantic models: no I/O. Field docstrings become descriptions in the JSON
Schema (``jobdocs schema``) and so in editors' tooltips.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

SPEC_VERSION = 1

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"

LanguageCode = Annotated[
    str,
    Field(
        pattern=LANGUAGE_PATTERN,
        description="An ISO 639 language code such as `ka`, `en` or `ru`.",
        examples=["ka", "en", "ru"],
    ),
]
Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=100,
        description="A short identifier: lower-case letters, digits, `-`, `_` and `.`.",
        examples=["market-analysis"],
    ),
]


@cache
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _check_currency(code: str) -> str:
    if code not in _currency_codes():
        raise PydanticCustomError(
            "currency_code",
            "`{code}` is not an ISO 4217 currency code",
            {"code": code},
        )
    return code


CurrencyCode = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="An ISO 4217 currency code such as `GEL` or `EUR`.",
          examples=["GEL", "EUR", "USD"]),
    AfterValidator(_check_currency),
]

Status = Literal["draft", "review", "approved"]
Jurisdiction = Literal["GE", "RU", "EU", "UK", "none"]


def _date_only(value: Any) -> Any:
    if isinstance(value, bool | int | float | Decimal):
        raise PydanticCustomError("date_type", "expected a date written as YYYY-MM-DD")
    if isinstance(value, datetime.datetime):
        raise PydanticCustomError("date_type", "expected a date without a time (YYYY-MM-DD)")
    return value


SpecDate = Annotated[datetime.date, BeforeValidator(_date_only)]
"""A calendar date, written in YAML as YYYY-MM-DD."""


def _money(value: Any) -> Any:
    if isinstance(value, bool | float):
        raise PydanticCustomError("money_type", "expected an amount such as 3500 or 3500.50")
    return value


Money = Annotated[Decimal, BeforeValidator(_money), Field(ge=0, max_digits=15, decimal_places=2)]
"""An amount of money: a non-negative number with at most two decimals."""


class StrictModel(BaseModel):
    """The base of every spec model: unknown keys are errors, docstrings become descriptions."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
    )


def _text_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        return "map"
    return None


class Text(RootModel[Annotated[
    Annotated[str, Tag("str")] | Annotated[dict[LanguageCode, str], Tag("map")],
    Discriminator(
        _text_tag,
        custom_error_type="text_type",
        custom_error_message="expected text, or a mapping of language code to text",
    ),
]]):
    """Text in the spec's primary language, or a mapping of language code to text:
    `{ka: "…", en: "…"}`."""

    model_config = ConfigDict(frozen=True)

    def get(self, lang: str, primary: str) -> str | None:
        """The text in ``lang``; a plain string counts as the ``primary`` language."""
        if isinstance(self.root, str):
            return self.root if lang == primary else None
        return self.root.get(lang)

    def languages(self, primary: str) -> set[str]:
        """The languages this text is written in."""
        if isinstance(self.root, str):
            return {primary}
        return set(self.root)

    def values(self) -> Iterator[str]:
        """Every translation of the text."""
        if isinstance(self.root, str):
            yield self.root
        else:
            yield from self.root.values()


_ITEM_KEYS = frozenset({"text", "remove", "items", "essential"})


def _coerce_item(value: Any) -> Any:
    """A bare Text becomes ``{text: …}``; a mapping with item keys is an item object."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict):
        if _ITEM_KEYS & value.keys() or "id" in value:
            return value
        return {"text": value}
    if value is None:
        raise PydanticCustomError("item_empty", "this item is empty")
    raise PydanticCustomError("item_type", "expected an item: text, or a mapping with `text`")


class ItemObject(StrictModel):
    """An entry in a list section, in its full form."""

    id: Slug | None = None
    """A slug unique within its section; it anchors inheritance (`extends`), suppression
    and diffs."""
    text: Text | None = None
    """What the item says."""
    items: list[Item] = Field(default_factory=list)
    """Sub-items, numbered 1.1, 1.2, … under this one."""
    essential: bool | None = None
    """Whether this duty is an essential function of the job (ADA, 29 CFR 1630.2(n))."""
    remove: bool = False
    """In a role that `extends` another: remove the parent's item with this `id`."""

    @model_validator(mode="after")
    def _text_unless_removed(self) -> ItemObject:
        if self.text is None and not self.remove:
            raise PydanticCustomError("missing_text", "this item has no `text`")
        return self


Item = Annotated[
    ItemObject,
    BeforeValidator(_coerce_item, json_schema_input_type=Text | ItemObject),
]
"""A list entry: a Text, or a mapping `{id, text, items?, essential?}`."""


class Person(StrictModel):
    """Someone named in a document: a head, a signatory, a representative."""

    name: Text
    """Full name."""
    position: Text
    """Job title or position."""


class Signatory(StrictModel):
    """A person who signs (approves, agrees or acknowledges) a document."""

    name: Text
    """Full name of the signatory."""
    position: Text | None = None
    """Their position (needed for approvers; employees may leave it out)."""
    date: SpecDate | None = None
    """Date of the signature (YYYY-MM-DD); leave empty to print a blank date line."""


def check_languages(cls: type[BaseModel], value: list[str], info: ValidationInfo) -> list[str]:
    """A field validator for ``languages``: the primary language is listed, none twice."""
    del cls
    primary = info.data.get("language")
    if value and primary is not None and primary not in value:
        raise PydanticCustomError(
            "primary_language",
            "the primary language `{language}` must be one of `languages`",
            {"language": primary},
        )
    if len(set(value)) != len(value):
        raise PydanticCustomError("duplicate_language", "a language is listed twice")
    return value
