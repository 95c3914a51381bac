"""Small spec texts for the foundation tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

ORG = """\
jobdocs: 1
kind: organization
id: org
name: {ka: შპს „ტესტი“, en: Test LLC}
"""

ROLE = """\
jobdocs: 1
kind: role
id: base
organization: org.yaml
language: ka
languages: [ka, en]
title: {ka: მენეჯერი, en: Manager}
document: {number: JD-1, version: 1, status: draft, effective_date: 2026-12-01}
functions:
  - {id: one, text: {ka: პირველი, en: First}}
  - {id: two, text: {ka: მეორე, en: Second}}
  - {id: three, text: {ka: მესამე, en: Third}}
"""


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
