"""The spec models: plain pydantic models, no I/O."""

from jobdocs.models.common import Item, ItemObject, Person, Signatory, Text
from jobdocs.models.contract import Contract
from jobdocs.models.organization import Organization
from jobdocs.models.role import Role

Spec = Role | Contract | Organization
"""Any loaded spec."""

MODELS: dict[str, type[Role] | type[Contract] | type[Organization]] = {
    "role": Role,
    "contract": Contract,
    "organization": Organization,
}

__all__ = [
    "MODELS",
    "Contract",
    "Item",
    "ItemObject",
    "Organization",
    "Person",
    "Role",
    "Signatory",
    "Spec",
    "Text",
]
