"""Two versions of the example specs: ``old`` is a copy of examples/, ``new`` a copy to edit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KAM = Path("roles/key-account-manager.yaml")
AM = Path("roles/account-manager.yaml")
CONTRACT = Path("contracts/ec-2026-042.yaml")


class Versions:
    """Two copies of the examples, each its own spec root."""

    def __init__(self, base: Path):
        self.old_root = base / "old"
        self.new_root = base / "new"
        for root in (self.old_root, self.new_root):
            shutil.copytree(EXAMPLES, root)
            (root / "jobdocs.toml").write_text("", encoding="utf-8")

    def old(self, spec: Path) -> Path:
        return self.old_root / spec

    def new(self, spec: Path) -> Path:
        return self.new_root / spec

    def edit(self, spec: Path, change: Callable[[dict[str, Any]], None]) -> Path:
        """Change the new version's data (comments are lost; the data is what counts)."""
        path = self.new(spec)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
        return path

    def replace(self, spec: Path, old: str, new: str) -> Path:
        """Replace text in the new version's file (its comments and layout stay)."""
        path = self.new(spec)
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path


@pytest.fixture
def versions(tmp_path: Path) -> Versions:
    return Versions(tmp_path)


def item(items: list[Any], ident: str) -> dict[str, Any]:
    """The item with ``id`` in a list section."""
    for entry in items:
        if isinstance(entry, dict) and entry.get("id") == ident:
            return entry
    raise KeyError(ident)


def revise_key_account_manager(data: dict[str, Any]) -> None:
    """The revision of the acceptance: two duties changed, one removed, one right added, the
    reporting line changed."""
    data["reports_to"] = {"ka": "გაყიდვების დირექტორი", "en": "Sales Director"}
    plans = item(data["functions"], "account-plans")
    plans["text"]["en"] = plans["text"]["en"].replace("monitor its implementation",
                                                      "review its implementation quarterly")
    plans["text"]["ka"] = plans["text"]["ka"].replace("მონიტორინგი", "კვარტალური შეფასება")
    service = item(data["functions"], "service-coordination")
    service["text"]["en"] = service["text"]["en"].replace("quality of service",
                                                          "quality and speed of service")
    data["functions"] = [f for f in data["functions"] if f.get("id") != "executive-relationships"]
    data["rights"] = [{"id": "key-account-budget",
                       "text": {"ka": "ძირითადი კლიენტების წარმომადგენლობითი ბიუჯეტის "
                                      "განკარგვა დამტკიცებული ლიმიტის ფარგლებში.",
                                "en": "Spend the key-account hospitality budget within the "
                                      "approved limit."}}]
