"""Linting stays bounded on specs of thousands of items: the near-duplicate search (W108)
measures a bounded number of pairs, and still finds every exact duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobdocs.lint import Linter
from jobdocs.lint.rules.wording import w108_duplicate_item

HEAD = "jobdocs: 1\nkind: role\nid: r\nlanguage: en\ntitle: Clerk\ndocument: {number: J-1}\n"


def _lint(root: Path, items: list[str]) -> list[str]:
    (root / "jobdocs.toml").write_text("")
    spec = root / "role.yaml"
    spec.write_text(HEAD + "functions:\n" + "".join(f"  - {i}\n" for i in items),
                    encoding="utf-8")
    return [f.message for f in Linter().run([spec]).findings if f.code == "W108"]


def test_near_duplicates_are_measured_a_bounded_number_of_times(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(w108_duplicate_item, "MAX_RATIOS", 3)
    near = [f"Prepare the weekly report on the sales of region number {n}" for n in range(10)]
    exact = ["Keep the archive of signed contracts in order"] * 2
    messages = _lint(tmp_path, near + exact)
    assert sum("similar" in m for m in messages) == 3
    assert sum("repeats" in m for m in messages) == 1


def test_comparisons_stop_at_the_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(w108_duplicate_item, "MAX_COMPARISONS", 0)
    near = [f"Prepare the weekly report on the sales of region number {n}" for n in range(10)]
    assert _lint(tmp_path, near) == []
