"""Shared set-up for the redline tests: two versions of the example specs (the shipped ones
and an edited copy of the examples tree), and helpers to read a marked context."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from jobdocs.api import render_source
from jobdocs.render import Renderer, RenderSource
from jobdocs.textdiff import is_marked

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
KAM = Path("roles") / "key-account-manager.yaml"
EC = Path("contracts") / "ec-2026-042.yaml"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")

Edit = Callable[[dict[str, Any]], None]


def examples_copy(root: Path, edits: Mapping[Path, Edit]) -> Path:
    """A copy of the examples tree in ``root`` with ``edits`` applied to the YAML data of
    the named specs (paths relative to the tree)."""
    shutil.copytree(EXAMPLES, root)
    for relative, edit in edits.items():
        path = root / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return root


def by_id(items: list[dict[str, Any]], ident: str) -> dict[str, Any]:
    return next(item for item in items if item.get("id") == ident)


ACCOUNT_PLANS = ("წლიური", "კვარტალური", "annual", "quarterly")
CLIENT_ACQUISITION = ("მოძიება და მოზიდვა", "მოძიება, მოზიდვა და შენარჩუნება",
                      "Find and attract", "Find, attract and retain")
NEW_RIGHT = {"ka": "ძირითადი კლიენტებისთვის გამოყოფილი წარმომადგენლობითი ბიუჯეტის განკარგვა "
                   "დამტკიცებული ლიმიტის ფარგლებში.",
             "en": "Manage the hospitality budget allocated to key accounts within the "
                   "approved limit."}
NEW_REPORTS_TO = {"ka": "გაყიდვების დირექტორი", "en": "Sales Director"}


def edit_key_account_manager(data: dict[str, Any]) -> None:
    """The acceptance case of issue 9: version 2 of the key account manager, with two
    duties changed, one removed, one right added and the reporting line changed."""
    data["document"]["version"] = 2
    data["reports_to"] = dict(NEW_REPORTS_TO)
    for ident, (ka_old, ka_new, en_old, en_new) in (("account-plans", ACCOUNT_PLANS),
                                                   ("client-acquisition", CLIENT_ACQUISITION)):
        text = by_id(data["functions"], ident)["text"]
        assert ka_old in text["ka"] and en_old in text["en"]
        text["ka"] = text["ka"].replace(ka_old, ka_new)
        text["en"] = text["en"].replace(en_old, en_new)
    data["functions"] = [item for item in data["functions"]
                         if item["id"] != "service-coordination"]
    data["rights"] = [{"id": "key-account-budget", "text": dict(NEW_RIGHT)}]


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="session")
def kam_versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[RenderSource, RenderSource]:
    """The shipped key account manager, and its version 2 (see
    :func:`edit_key_account_manager`)."""
    root = examples_copy(tmp_path_factory.mktemp("kam") / "examples",
                         {KAM: edit_key_account_manager})
    return render_source(EXAMPLES / KAM), render_source(root / KAM)


def marked_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a context tree that carries a marker, with its path
    (``sections[functions].entries[client-acquisition].text``)."""
    if isinstance(value, str):
        if is_marked(value):
            yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from marked_strings(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            name = getattr(item, "id", None) or getattr(item, "key", None) or index
            yield from marked_strings(item, f"{path}[{name}]")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from marked_strings(item, f"{path}.{key}")
