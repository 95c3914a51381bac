"""Loading the rule fixtures: ``tests/lint/fixtures/<CODE>.yaml``, one file per rule, each
with passing and failing cases (the layout of sqlfluff's ``std_rule_cases``).

A fixture file::

    rule: W101
    files:                      # optional, written for every case (relative to the root)
      roles/base.yaml: |
        ...
    cases:
      - name: fine-in-responsibility
        spec: |                 # written to roles/spec.yaml
          jobdocs: 1
          ...
        expect: [W101:9]        # CODE:LINE in the spec, or CODE:path:LINE in another file
        select: [W101, X002]    # optional; default: the rule itself
        config: |               # optional jobdocs.toml
          [rules.W101]
        files: {...}            # optional, more files for this case
        today: 2026-06-01       # optional date of the run
        encoding: utf-16        # optional encoding of the spec
        padding: 5000000        # optional: append a comment of this many characters
        base:                   # optional: the files at the base revision (`--base HEAD`)
          roles/spec.yaml: |
            ...

A case with ``base`` runs in a git repository: the configuration, the organization and the
``base`` files are committed first, then the case's own files are written over them, and the
case is linted against that commit (A108 compares with it). A spec absent from ``base`` is
new since the base.

A fixture file may also cover a code prefix: ``L1.yaml`` (``rule: L1``) holds the cases of
every requirement of the GE jurisdiction checklist, L101–L1xx; its cases select ``L1``.

Besides the selected codes, every case also reports the codes that loading and validation
produce (S0xx, S1xx, R0xx), so a case whose spec is not valid fails unless it expects that.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
VALIDATION = ("S0", "S1", "R0")
SPEC = "roles/spec.yaml"
DEFAULT_TODAY = datetime.date(2026, 6, 1)

ORGANIZATION = """\
jobdocs: 1
kind: organization
id: acme
name: {ka: "შპს „აკმე“", en: Acme LLC, ru: ООО «Акме»}
"""


@dataclass
class Case:
    rule: str
    name: str
    spec: str
    expect: list[str]
    select: list[str]
    config: str = "# spec root\n"
    files: dict[str, str] = field(default_factory=dict)
    today: datetime.date = DEFAULT_TODAY
    encoding: str = "utf-8"
    padding: int = 0
    base: dict[str, str] | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"

    def write(self, root: Path) -> Path:
        """Write the case's files below ``root``; return the spec's path."""
        (root / "jobdocs.toml").write_text(self.config, encoding="utf-8")
        if self.base is not None:
            from gitrev.repo import GitRepo

            GitRepo(root).commit({"org/acme.yaml": ORGANIZATION, **self.base}, "base")
        for name, text in {"org/acme.yaml": ORGANIZATION, **self.files}.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        spec = root / SPEC
        spec.parent.mkdir(parents=True, exist_ok=True)
        text = self.spec + ("#" + "x" * self.padding + "\n" if self.padding else "")
        spec.write_bytes(text.encode(self.encoding))
        return spec


def load_cases() -> list[Case]:
    """Every case of every fixture file, in code order."""
    cases: list[Case] = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = data["rule"]
        assert path.stem == rule, f"{path.name} must be named after its rule {rule}"
        for raw in data["cases"]:
            cases.append(Case(
                rule=rule, name=raw["name"], spec=raw["spec"],
                expect=[str(e) for e in raw.get("expect", [])],
                select=raw.get("select", [rule]),
                config=raw.get("config", "# spec root\n"),
                files={**data.get("files", {}), **raw.get("files", {})},
                today=raw.get("today", DEFAULT_TODAY),
                encoding=raw.get("encoding", "utf-8"),
                padding=raw.get("padding", 0),
                base=raw.get("base"),
            ))
    return cases
